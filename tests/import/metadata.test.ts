import type { Root } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { descendants } from "../../src/import/hast.js";
import { readMetadata, stripSiteName } from "../../src/import/metadata.js";

const parse = (html: string) => unified().use(rehypeParse).parse(html) as Root;

/** The metadata of a page made of `head` and `body`, read in UTC, as field → "value [source]". */
function read(head: string, body = "<article><p>Text.</p></article>", lang?: string) {
  const tree = parse(`<!doctype html><html${lang === undefined ? "" : ` lang="${lang}"`}><head>${head}</head><body>${body}</body></html>`);
  const metadata = readMetadata(
    tree,
    "UTC",
    descendants(tree).find((node) => node.tagName === "article"),
  );
  const used = (field: string) => metadata.evidence.find((item) => item.field === field && item.used)?.source;
  return {
    title: metadata.title && `${metadata.title.value} [${used("title")}]`,
    description: metadata.description && `${metadata.description.value} [${used("description")}]`,
    date: metadata.date && `${metadata.date.value} [${used("date")}]`,
    updated: metadata.updated && `${metadata.updated.value} [${used("updated")}]`,
    authors: metadata.authors && `${metadata.authors.names.join(" + ")}${metadata.authors.organization ? " (organization)" : ""} [${used("author")}]`,
    problems: metadata.problems.map((problem) => problem.message),
    evidence: metadata.evidence,
  };
}

const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe("JSON-LD", () => {
  it.each([
    ["a NewsArticle", { "@type": "NewsArticle", headline: "H", datePublished: "2020-01-02T03:04:05Z" }, "2020-01-02T03:04:05Z [JSON-LD datePublished]"],
    ["a type list", { "@type": ["Article", "NewsArticle"], headline: "H", datePublished: "2020-01-02" }, "2020-01-02 [JSON-LD datePublished]"],
    ["a full type IRI", { "@type": "http://schema.org/BlogPosting", headline: "H", datePublished: "2020-01-02" }, "2020-01-02 [JSON-LD datePublished]"],
    ["a ReportageNewsArticle", { "@type": "ReportageNewsArticle", headline: "H", datePublished: "2020-01-02" }, "2020-01-02 [JSON-LD datePublished]"],
    [
      "an array of documents",
      [{ "@type": "BreadcrumbList" }, { "@type": "BlogPosting", headline: "H", datePublished: "2020-01-02" }],
      "2020-01-02 [JSON-LD datePublished]",
    ],
    [
      "an @graph",
      {
        "@graph": [
          { "@type": "WebPage", datePublished: "1999-01-01" },
          { "@type": "Article", headline: "H", datePublished: "2020-01-02" },
        ],
      },
      "2020-01-02 [JSON-LD datePublished]",
    ],
    [
      "a mainEntity",
      { "@type": "WebPage", mainEntity: { "@type": "NewsArticle", headline: "H", datePublished: "2020-01-02" } },
      "2020-01-02 [JSON-LD datePublished]",
    ],
    // a WebPage is not the article, whatever dates it carries
    ["only a WebPage", { "@type": "WebPage", datePublished: "2020-01-02" }, undefined],
  ])("reads the date of %s", (_, data, date) => {
    expect(read(ld(data)).date).toBe(date);
  });

  it.each([
    ["a Person", { "@type": "Person", name: "Jane Doe" }, "Jane Doe [JSON-LD author]"],
    [
      "a list of people",
      [
        { "@type": "Person", name: "Jane Doe" },
        { "@type": "Person", name: "John Roe" },
      ],
      "Jane Doe + John Roe [JSON-LD author]",
    ],
    ["a name", "Jane Doe", "Jane Doe [JSON-LD author]"],
    ["an organization", { "@type": "NewsMediaOrganization", name: "BBC News" }, "BBC News (organization) [JSON-LD author]"],
    // an address is not a name
    ["a URL", "https://example.com/jane", undefined],
  ])("reads an author given as %s", (_, author, expected) => {
    expect(read(ld({ "@type": "NewsArticle", headline: "H", author })).authors).toBe(expected);
  });

  it("resolves an author given by @id elsewhere in the graph", () => {
    const graph = {
      "@graph": [
        { "@type": "Article", headline: "H", author: { "@id": "#jane" } },
        { "@type": "Person", "@id": "#jane", name: "Jane Doe" },
      ],
    };
    expect(read(ld(graph)).authors).toBe("Jane Doe [JSON-LD author]");
  });

  it("decodes HTML character references CMSs leave in JSON-LD", () => {
    expect(read(ld({ "@type": "NewsArticle", headline: "Venice&#039;s barrier &amp; the tide" })).title).toBe("Venice's barrier & the tide [JSON-LD headline]");
  });

  it("reports a block that is not JSON and reads the rest of the page", () => {
    const result = read(`<script type="application/ld+json">{"@type": "NewsArticle",}</script><meta property="article:published_time" content="2020-01-02">`);
    expect(result.problems[0]).toMatch(/^A JSON-LD block is not valid JSON/u);
    expect(result.date).toBe("2020-01-02 [article:published_time]");
  });
});

describe("the order of trust", () => {
  it.each([
    // JSON-LD beats article:published_time when they disagree, and the loser says why
    [
      `${ld({ "@type": "NewsArticle", datePublished: "2021-03-09T18:02:11Z" })}<meta property="article:published_time" content="2021-03-10T08:15:00Z">`,
      "",
      "2021-03-09T18:02:11Z [JSON-LD datePublished]",
    ],
    // microdata beats Open Graph
    [
      '<meta itemprop="datePublished" content="2020-05-06"><meta property="article:published_time" content="2020-05-07">',
      "",
      "2020-05-06 [itemprop=datePublished]",
    ],
    // itemprop on any element: <time datetime>, <abbr title>, or text
    ["", '<article><time itemprop="datePublished" datetime="2020-05-06T10:00:00Z">May 6</time></article>', "2020-05-06T10:00:00Z [itemprop=datePublished]"],
    [
      "",
      '<article><abbr itemprop="datePublished" title="2019-10-15T21:40:00+02:00">21:40</abbr></article>',
      "2019-10-15T21:40:00+02:00 [itemprop=datePublished]",
    ],
    ["", '<article><span itemprop="datePublished">May 6, 2020</span></article>', "May 6, 2020 [itemprop=datePublished]"],
    // Open Graph beats a meta name
    ['<meta name="date" content="2020-05-07"><meta property="article:published_time" content="2020-05-06">', "", "2020-05-06 [article:published_time]"],
    ['<meta name="DC.date.issued" content="2020-05-06">', "", "2020-05-06 [dc.date.issued]"],
    // the visible page last: a <time datetime>, then a date line
    ["", '<article><time datetime="2020-05-06">6 May</time></article>', "2020-05-06 [<time datetime>]"],
    ["", '<article><div class="post-date">Publié le 30 avril 2015 à 07h19</div></article>', "2015-04-30T07:19 [date line]"],
  ])("%s %s → %s", (head, body, date) => {
    expect(read(head, body || undefined).date).toBe(date);
  });

  it("fills updated, never date, from dateModified, article:modified_time and Updated lines", () => {
    const result = read(
      ld({ "@type": "NewsArticle", dateModified: "2023-06-08T14:05:12Z" }),
      '<article><p class="timestamp">Updated June 9, 2023</p></article>',
    );
    expect(result.date).toBeUndefined();
    expect(result.updated).toBe("2023-06-08T14:05:12Z [JSON-LD dateModified]");
    expect(result.problems).toContain("The page gives only a modification date; it fills `updated`, never `date`.");
  });

  it("keeps updated only when it is after the date", () => {
    expect(read(ld({ "@type": "NewsArticle", datePublished: "2023-06-08", dateModified: "2023-06-07" })).updated).toBeUndefined();
    expect(read(ld({ "@type": "NewsArticle", datePublished: "2023-06-07", dateModified: "2023-06-08" })).updated).toBe("2023-06-08 [JSON-LD dateModified]");
  });

  it("takes a complete og:description over a meta description cut short", () => {
    const result = read(
      '<meta name="description" content="The council voted 9 to 2 to build a barrier, ending a decade of..."><meta property="og:description" content="The council voted 9 to 2 to build a barrier, ending a decade of studies.">',
    );
    expect(result.description).toBe("The council voted 9 to 2 to build a barrier, ending a decade of studies. [og:description]");
    expect(result.evidence.find((item) => item.source === "description")?.reason).toBe("a shortened form of og:description");
  });

  it.each([
    // Medium: JSON-LD's description is the text's first words cut short; og:description is the subtitle.
    [
      `${ld({ "@type": "NewsArticle", description: "Freelancing has propelled in popularity in recent years. For those of us that are on the…" })}<meta property="og:description" content="A rule that must be followed.">`,
      "A rule that must be followed. [og:description]",
    ],
    [
      '<meta property="og:description" content="Freelancing has propelled in popularity in recent years..."><meta name="description" content="How one freelancer wins contracts: answer within the hour.">',
      "How one freelancer wins contracts: answer within the hour. [description]",
    ],
    // A label of fewer than five words is no description written for the article: the cut one stays.
    [
      '<meta property="og:description" content="Freelancing has propelled in popularity in recent years..."><meta name="description" content="Latest business news">',
      "Freelancing has propelled in popularity in recent years... [og:description]",
    ],
  ])("takes a complete description over one cut short that it does not complete: %#", (head, expected) => {
    expect(read(head).description).toBe(expected);
  });

  it("keeps a complete og:description over a longer meta description that only adds keywords", () => {
    const result = read(
      '<meta property="og:description" content="UK institutes are all for rapid IFRS adoption in the US"><meta name="description" content="UK institutes are all for rapid IFRS adoption in the US , Institutes,Accounting standards, ACCA">',
    );
    expect(result.description).toBe("UK institutes are all for rapid IFRS adoption in the US [og:description]");
  });

  it("never takes the site's name for the description", () => {
    const result = read(
      '<title>Verizon FiOS boxes get a new guide -- Engadget</title><meta property="og:description" content="Engadget"><meta name="description" content="Streaming TV to mobiles is nice, but we enjoy watching TV on the TV.">',
    );
    expect(result.description).toBe("Streaming TV to mobiles is nice, but we enjoy watching TV on the TV. [description]");
  });

  it("takes the publisher named as the author (a site name, an address) for an organization, so a visible person wins", () => {
    const result = read(
      '<meta name="author" content="Ediciones El País"><meta name="DC.publisher" content="Ediciones El País">',
      '<article><h1>Las listas de espera</h1><span class="autor"><a rel="author" href="/a">María R. Sahuquillo</a> / <a rel="author" href="/b">Emilio de Benito</a></span><span class="data">Madrid 27 OCT 2012</span><p>Text.</p></article>',
    );
    expect(result.authors).toBe("María R. Sahuquillo + Emilio de Benito [.autor]");
    expect(
      read(
        '<meta name="author" content="elmundo.es">',
        '<article><h1>Cae en Francia</h1><p class="firma"><em>Ángeles Escrivá</em> | <span>Madrid</span></p><p>Text.</p></article>',
      ).authors,
    ).toBe("Ángeles Escrivá [.firma]");
  });

  it("reads a byline element's marked names: an hCard's fn, not the role beside it", () => {
    const result = read(
      "",
      '<article><h1>The Few. The Proud.</h1><p class="author vcard"><a href="/team/a"><b class="fn">Andrea Stone</b></a> <span class="blogtitle">Senior Washington Correspondent</span></p><p>Text.</p></article>',
    );
    expect(result.authors).toBe("Andrea Stone [.author]");
  });

  it("reads a byline by its id as by its class", () => {
    expect(read("", '<article><h1>Institutes get behind IFRS</h1><p id="flame_author_id">by Rose Orlik</p><p>Text.</p></article>').authors).toBe(
      "Rose Orlik [.flame_author_id]",
    );
  });

  it("passes over the readers' comments and other stories' teasers, names and dates alike", () => {
    const result = read(
      "",
      '<article><h1>Federal Reserve policy</h1><p>Text of the article, long enough.</p><div class="snp_dont_miss"><span class="snp_dont_miss_author_name">Ricky Gervais</span><span class="date">8/16/2010</span></div><ol class="comments"><li><span class="author_name">MochaLite</span><span class="comment_time">03:24 AM on 9/19/2010</span></li></ol></article>',
    );
    expect(result.authors).toBeUndefined();
    expect(result.date).toBeUndefined();
  });

  it("reads meta publish_date and a twitter:creator that is a name, never one that is a handle", () => {
    expect(read('<meta name="publish_date" content="Fri, 13 Aug 2010 16:08:00 EST">').date).toBe("Fri, 13 Aug 2010 16:08:00 EST [publish_date]");
    expect(read('<meta name="twitter:creator" content="Andrew Tarantola">').authors).toBe("Andrew Tarantola [twitter:creator]");
    expect(read('<meta name="twitter:creator" content="griffinmcelroy">').authors).toBeUndefined();
  });

  it("prefers a person to an organization named by a more trusted source", () => {
    const result = read(
      ld({ "@type": "NewsArticle", author: { "@type": "Organization", name: "BBC News" } }),
      '<article><p class="byline">By Jane Doe</p><p>Text.</p></article>',
    );
    expect(result.authors).toBe("Jane Doe [.byline]");
  });
});

describe("metadata dates and authors other extractors read", () => {
  it.each([
    // The New York Times: pdate (a day) and ptime (its time), written without separators; ptime is the more exact
    // (written out as ISO 8601, which the build reads)
    ['<meta name="pdate" content="20150323">', "2015-03-23 [pdate]"],
    ['<meta name="pdate" content="20150323"><meta name="ptime" content="20150323050006">', "2015-03-23T05:00:06 [ptime]"],
    ['<meta name="pubdate" content="20191015T0800">', "2019-10-15T08:00:00 [pubdate]"],
    // not a day of the calendar, so no date
    ['<meta name="pdate" content="20150230">', undefined],
    ['<meta property="og:article:published_time" content="2019-10-15T08:00:00Z">', "2019-10-15T08:00:00Z [og:article:published_time]"],
    ['<meta name="published_time" content="2019-10-15">', "2019-10-15 [published_time]"],
    ['<meta name="dc:date" content="2019-10-15">', "2019-10-15 [dc:date]"],
    ['<meta name="bt:pubDate" content="2019-10-15T08:00:00Z">', "2019-10-15T08:00:00Z [bt:pubdate]"],
    ['<meta name="shareaholic:article_published_time" content="2019-10-15T08:00:00Z">', "2019-10-15T08:00:00Z [shareaholic:article_published_time]"],
    // Parse.ly's older parsely-page meta holds JSON
    [
      `<meta name="parsely-page" content='{"title":"H","pub_date":"2019-10-15T08:00:00Z","authors":["Jane Doe"]}'>`,
      "2019-10-15T08:00:00Z [parsely-page pub_date]",
    ],
    [`<meta name="parsely-page" content='{"title":"H", pub_date: 2019}'>`, undefined],
  ])("%s → %s", (head, date) => {
    expect(read(head).date).toBe(date);
  });

  it("reads the authors of parsely-page, after a more trusted author meta", () => {
    const page = `<meta name="parsely-page" content='{"pub_date":"2019-10-15","authors":["Jane Doe","John Roe"]}'>`;
    expect(read(page).authors).toBe("Jane Doe + John Roe [parsely-page authors]");
    expect(read(`<meta name="author" content="Ann Smith">${page}`).authors).toBe("Ann Smith [author]");
  });
});

describe("title", () => {
  it.each([
    // a site or section <h1> loses to og:title, JSON-LD headline and <title> agreeing
    ['<title>The real one | Salon</title><meta property="og:title" content="The real one">', "<h1>Salon</h1>", "The real one [og:title]"],
    [
      `${ld({ "@type": "NewsArticle", headline: "The real one" })}<meta property="og:title" content="The real one">`,
      "<h1>Minecraft News</h1>",
      "The real one [JSON-LD headline]",
    ],
    // an <h1> agreeing with any of them wins, as written
    ['<meta property="og:title" content="Iran blames NATO">', "<article><h1>Iran Blames NATO</h1></article>", "Iran Blames NATO [<h1>]"],
    // no metadata: the <h1>
    ["", "<h1>Only a heading</h1>", "Only a heading [<h1>]"],
    // no <h1>: the <title> without the site's name
    [
      '<title>Bahn will alle Nachtzüge erneuern - Abendpost</title><meta property="og:site_name" content="Abendpost">',
      "<p>x</p>",
      "Bahn will alle Nachtzüge erneuern [<title>]",
    ],
  ])("%s %s → %s", (head, body, title) => {
    expect(read(head, body).title).toBe(title);
  });

  it.each([
    ["Harbour Council Approves Barrier - The Coastal Record", ["The Coastal Record"], "Harbour Council Approves Barrier"],
    ["BBC News - Storm Ciarán: Thousands without power", ["BBC News"], "Storm Ciarán: Thousands without power"],
    ["Storm Ciarán: Thousands without power | BBC", [], "Storm Ciarán: Thousands without power"],
    // without a known site, only a short last part goes
    ["Why the sea is rising - and what cities can do about it", [], "Why the sea is rising - and what cities can do about it"],
    ["Hello", ["Site"], "Hello"],
  ])("stripSiteName(%j, %j) → %j", (title, sites, expected) => {
    expect(stripSiteName(title, sites)).toBe(expected);
  });
});

describe("numeric dates", () => {
  it.each([
    ["en-US", "2007-05-29T09:49:00 [publishdate]"],
    // day-first in French; 29 cannot be a month in any order
    ["fr", undefined],
    ["en", "2007-05-29T09:49:00 [publishdate]"],
    // no language: only one reading is a real date
    [undefined, "2007-05-29T09:49:00 [publishdate]"],
  ])("05/29/2007 09:49:00 on a page in %s → %s", (lang, date) => {
    expect(read('<meta name="publishdate" content="05/29/2007 09:49:00">', undefined, lang).date).toBe(date);
  });

  it("reports a numeric date as ambiguous where the page names no language", () => {
    expect(read('<meta name="publishdate" content="05/06/2007">').problems[0]).toMatch(/numbers only and the page does not say its language/u);
    expect(read('<meta name="publishdate" content="05/06/2007">', undefined, "en-GB").date).toBe("2007-06-05 [publishdate]");
  });

  it.each([
    ['<meta name="rnews:datePublished" content="2015-03-02T10:00:00Z">', "2015-03-02T10:00:00Z [rnews:datepublished]"],
    ['<meta name="OriginalPublicationDate" content="2015/03/02 10:00:00">', "2015-03-02T10:00:00 [originalpublicationdate]"],
    ['<meta name="citation_publication_date" content="2015/03/02">', "2015-03-02 [citation_publication_date]"],
    ['<meta name="dcterms.date" content="2015-03-02">', "2015-03-02 [dcterms.date]"],
  ])("reads the date of %s", (meta, date) => {
    expect(read(meta).date).toBe(date);
  });

  it("reads The New York Times' byl meta as the byline", () => {
    expect(read('<meta name="byl" content="By Jane Doe and John Roe">').authors).toBe("Jane Doe + John Roe [byl]");
  });
});

describe("the visible page, as real pages write it", () => {
  const story = (header: string, extra = "") =>
    `<article><div class="rail"><span class="byline">Sidebar Writer</span><span class="date">March 1, 2015</span></div>` +
    `<div class="main"><h1>The Headline Of It</h1>${header}<p>The first paragraph of the story runs well past eight words here.</p></div>${extra}</article>`;
  const head = (more = "") => `<title>The Headline Of It | Site</title>${more}`;

  it.each([
    // a sidebar before the headline names another story's writer and day (Salon)
    [
      '<span class="byline"><a rel="author" href="/w/r">Richard (R.J.) Eskow</a></span><span class="dateline">Sunday, Feb 1, 2015 11:57 AM UTC</span>',
      "Richard (R.J.) Eskow [.byline]",
      "Sunday, Feb 1, 2015 11:57 AM UTC [date line]",
    ],
    // a byline whose second line is a desk (WebMD); with no date after the headline, the one before it is all there is
    [
      '<div class="author_fmt"> By <a rel="author" href="/k">Kelli  Miller</a><br>WebMD Health News</div>',
      "Kelli Miller [.author_fmt]",
      "March 1, 2015 [date line]",
    ],
    // a date element that also names its desk (TMZ), no language: one reading alone is real
    [
      '<h5 class="article-posted-date">2/26/2015 7:11 AM PST BY TMZ STAFF</h5>',
      "TMZ STAFF (organization) [.article-posted-date]",
      "2015-02-26T07:11:00-08:00 [date line]",
    ],
    // no class marks the byline: a first line opening with "By" after the headline is one (CNBC, The Huffington Post)
    [
      '<div><span class="sbhd">By: <a href="/id/1">Patti Domm</a><br>CNBC Executive News Editor</span></div>',
      "Patti Domm [a By line]",
      "March 1, 2015 [date line]",
    ],
    ['<span class="bold">By PHILLIP RAWLS</span> 10/ 5/11', "PHILLIP RAWLS [a By line]", "March 1, 2015 [date line]"],
    // no class marks the byline, a link to the author's page does; the date element's class is the word for date in the page's language (gazeta.ru, ma.hu)
    [
      '<a href="/gazeta/authors/polina_zyabreva.shtml">Полина Зябрева</a><span class="ml20 date_time">15.08.2015, 14:10</span>',
      "Полина Зябрева [a link to the author's page]",
      "2015-08-15T14:10 [date line]",
    ],
    // a By line whose names link to the authors' pages gives every name, not the first link's alone (The Washington Post, The New York Times)
    [
      '<p>By <a href="/people/jane-doe/">Jane Doe</a> and <a href="/people/john-roe/">John Roe</a></p><p class="date">March 3, 2015</p>',
      "Jane Doe + John Roe [a By line of links to the authors' pages]",
      "March 3, 2015 [date line]",
    ],
    [
      '<div>By <a href="https://www.example.com/by/jane-doe">Jane Doe</a></div>',
      "Jane Doe [a By line of links to the authors' pages]",
      "March 1, 2015 [date line]",
    ],
    ['<a href="/profile/janedoe">Jane Doe</a>', "Jane Doe [a link to the author's page]", "March 1, 2015 [date line]"],
    // deeper in the path, those words name a story's subject or the reader's account
    ['<a href="/entertainment/people/taylor-swift">Taylor Swift</a>', "Sidebar Writer [.byline]", "March 1, 2015 [date line]"],
    // a paragraph opening with "By" is a byline only where its names are links; a sentence is not one
    ['<p>By <a href="/u/jd">Jane Doe</a></p>', "Jane Doe [a By line of links]", "March 1, 2015 [date line]"],
    ["<p>By Tuesday the council had voted.</p>", "Sidebar Writer [.byline]", "March 1, 2015 [date line]"],
    ['<p>By <a href="/u/jd">Jane Doe</a> and John Roe</p>', "Sidebar Writer [.byline]", "March 1, 2015 [date line]"],
    [
      '<sub class="datum">2015.08.15 10:28</sub><sub class="szerzo"><a href="/impresszum">MTI</a></sub>',
      "Sidebar Writer [.byline]",
      "2015-08-15T10:28 [date line]",
    ],
    ['<span id="pub_date">2014年01月16日&nbsp;04:04</span>', "Sidebar Writer [.byline]", "2014-01-16T04:04 [date line]"],
    // the agency a dated line under the headline names as its source, its box left open (zaol.hu)
    [
      '<div class="cikk_info"><b>2015. augusztus 20., 11:16</b> forrás: <b>MTI</b><br><div class="lead">The lead of the story, which runs on and on.</div>',
      "MTI (organization) [a dated line's source]",
      // an unmarked date line is read only where no element marks a date, the sidebar's before the headline included
      "March 1, 2015 [date line]",
    ],
  ])("%s", (header, authors, date) => {
    const read_ = read(head(), story(header));
    expect(read_.authors).toBe(authors);
    expect(read_.date).toBe(date);
  });

  it.each([
    // a wire agency in meta author gives way to the person the page's By line names (The Huffington Post)
    ['<meta name="author" content="AP">', '<span class="bold">By PHILLIP RAWLS</span>', "PHILLIP RAWLS [a By line]"],
    // the CMS account that posted the page is nobody's name (Colorlines: dcterms.creator "admin")
    ['<meta name="dcterms.creator" content="admin">', '<span class="author-line">Liliana Segura</span>', "Liliana Segura [.author-line]"],
    ['<meta name="author" content="webmaster">', "", undefined],
    // the publisher's company (wprost.pl) and a national agency (PAP) are organizations
    ['<meta name="author" content="AWR Wprost Sp. z o.o.">', "", "AWR Wprost Sp. z o.o. (organization) [author]"],
    ['<meta name="author" content="PAP">', "", "PAP (organization) [author]"],
    // a paragraph that opens with "By" is a sentence, not a byline
    ["", "<p>By Monday Night Football standards it was a quiet game.</p>", undefined],
    ["", "<p>By Jane Doe's own account, the talks went well.</p>", undefined],
  ])("%s %s → %s", (meta, header, authors) => {
    expect(
      read(head(meta), `<article><h1>The Headline Of It</h1>${header}<p>The first paragraph of the story runs well past eight words here.</p></article>`)
        .authors,
    ).toBe(authors);
  });

  it("reads a date line without a year with the year of the page's address, only on the address's day", () => {
    const address = '<link rel="canonical" href="https://news.example/world/story/2015/03/18/abc_story.html">';
    const body = (line: string) =>
      `<article><h1>The Headline Of It</h1><span class="pb-timestamp">${line}</span><p>Text of the story that is long enough to count.</p></article>`;
    expect(read(head(address), body("March 18 at 3:57 PM")).date).toBe("March 18, 2015 at 3:57 PM [date line, year from the page's address]");
    expect(read(head(address), body("18 mars à 15h57")).date).toBe("2015-03-18T15:57 [date line, year from the page's address]");
    expect(read(head(address), body("March 17 at 3:57 PM")).date).toBeUndefined();
    expect(read(head(), body("March 18 at 3:57 PM")).date).toBeUndefined();
  });

  it.each([
    ["Feb. 23, 2015 -- Life-threatening peanut allergies have been on the rise for a decade.", "Feb. 23, 2015"],
    ["April 17, 2015 — Imagine being sick in the hospital with an infection no drug can treat.", "April 17, 2015"],
    ["30 avril 2015 – Le séisme a fait plus de six mille morts selon le dernier bilan officiel.", "2015-04-30"],
    // a place dateline is no date; a date later in the sentence is not a dateline
    ["CAIRO — The assault on the museum could heighten tensions in a divided nation, officials said.", undefined],
    ["On April 17, 2015 -- the report said -- the hospital saw its first case of the infection.", undefined],
  ])("the first paragraph's dateline %j → %j", (paragraph, date) => {
    const read_ = read(head(), `<article><h1>The Headline Of It</h1><p>${paragraph}</p></article>`);
    expect(read_.date).toBe(date === undefined ? undefined : `${date} [dateline of the first paragraph]`);
  });

  it("reads a date line no element marks from a short element under the headline, never from a box the page hides (zaol.hu)", () => {
    const body =
      '<article><h1>The Headline Of It</h1><div class="cikk_info"><b>2015. augusztus 20., 11:16</b> forrás: <b>MTI</b></div>' +
      "<p>The first paragraph of the story runs well past eight words here.</p>" +
      '<div style="display: none;" class="gallery overlay"><span class="gallery-date">2011. december 23.</span></div></article>';
    expect(read(head(), body).date).toBe("2015-08-20T11:16 [a date line under the headline]");
    // An update line is not the publication date; a paragraph that is a date is no date line.
    expect(read(head(), "<article><h1>The Headline Of It</h1><b>Updated June 3, 2015</b><p>March 1, 2015</p></article>").date).toBeUndefined();
    // A hidden box's date is not read even when it is the only one.
    expect(
      read(head(), '<article><h1>The Headline Of It</h1><div hidden><span class="date">March 1, 2015</span></div><p>Text.</p></article>').date,
    ).toBeUndefined();
  });

  it("passes over a description that only repeats the headline (Sina's og:description)", () => {
    const meta = '<meta property="og:description" content="The Headline Of It"><meta name="description" content="The lede of the story, which says more.">';
    const read_ = read(head(meta), "<article><h1>The Headline Of It</h1><p>Text.</p></article>");
    expect(read_.description).toBe("The lede of the story, which says more. [description]");
    expect(read_.evidence.find((item) => item.source === "og:description")?.reason).toBe("the headline again, not a description");
  });

  it("takes an author box's itemprop=description for the author's, not the article's (Le Figaro)", () => {
    const body =
      '<article><h1>T</h1><p>Text.</p><aside><div itemscope itemtype="http://schema.org/Person" itemprop="author"><a itemprop="name">Bertille Bayart</a><div itemprop="description"><p>Journaliste</p></div></div></aside></article>';
    expect(read('<meta name="description" content="The dek of the story.">', body).description).toBe("The dek of the story. [description]");
  });

  it("takes a figure's itemprop=description for the image's, not the article's (Libération)", () => {
    const body =
      '<article><h1>T</h1><figure itemscope itemtype="http://schema.org/ImageObject"><img src="a.jpg"><figcaption itemprop="description">A man prays in Kathmandu. (Photo AFP)</figcaption></figure><p>Text.</p></article>';
    expect(read('<meta property="og:description" content="The dek of the story.">', body).description).toBe("The dek of the story. [og:description]");
  });

  it.each([
    [
      "Get your Frontend JavaScript Code Covered | Code | Nicolas Perriault",
      "<h2>Get your Frontend JavaScript Code Covered</h2>",
      "Get your Frontend JavaScript Code Covered",
    ],
    ["Storm hits the coast - Weather - The Daily", "<h2>Storm hits the coast</h2>", "Storm hits the coast"],
    // no heading shows a part: only the site's name goes
    ["Storm hits the coast - Weather - The Daily", "<h2>Other</h2>", "Storm hits the coast - Weather"],
  ])("<title> %j with %s → %j", (title, heading, expected) => {
    expect(read(`<title>${title}</title>`, `<article>${heading}<p>Text.</p></article>`).title).toBe(`${expected} [<title>]`);
  });
});

describe("a list of labels and values (a sidebar's <dl>, a table's rows)", () => {
  const page = (aside: string, article = "") =>
    `<article><h1>The Headline Of It</h1>${article}<p>The first paragraph of the story runs well past eight words here.</p></article><div id="sidebar">${aside}</div>`;
  const dl = (label: string, value: string, title = "") => `<dl${title === "" ? "" : ` title="${title}"`}><dt>${label}</dt><dd>${value}</dd></dl>`;
  it.each([
    // How To Node: "Date Released:" with the exact time in the list's tooltip, its text a day's loose wording;
    // "Name:" under "About the Author"
    [
      `<h4>About the Author</h4>${dl("Name:", "Geoff Flarity")}${dl("Github:", "gflarity")}<h4>About this Article</h4>${dl("Date Released:", "Tuesday February 21, 2011", "Mon, 21 Feb 2011 19:04:30 GMT ")}`,
      "",
      'Mon, 21 Feb 2011 19:04:30 GMT ["Date Released:" label, its title attribute]',
      'Geoff Flarity ["Name:" label]',
    ],
    // the text alone, in a table's rows; "Author" needs no heading
    [
      "<table><tr><th>Published:</th><td>March 3, 2015</td></tr><tr><th>Author:</th><td>Jane Doe</td></tr></table>",
      "",
      'March 3, 2015 ["Published:" label]',
      'Jane Doe ["Author:" label]',
    ],
    // "Name:" outside a box about the author, "Date:" and "Released:" alone name no author and no publication
    [`<h4>Contact</h4>${dl("Name:", "Jane Doe")}${dl("Date:", "March 3, 2015")}${dl("Released:", "March 3, 2015")}`, "", undefined, undefined],
    // an update label fills updated, never date
    [dl("Last Updated:", "March 4, 2015"), "", undefined, undefined],
    // the least trusted source: the article's own byline and date win
    [
      `<h4>About the Author</h4>${dl("Name:", "Sidebar Person")}${dl("Date Released:", "March 3, 2015")}`,
      '<span class="byline">By Jane Doe</span><span class="date">March 5, 2015</span>',
      "March 5, 2015 [date line]",
      "Jane Doe [.byline]",
    ],
  ])("%s %s", (aside, article, date, authors) => {
    const result = read("<title>The Headline Of It</title>", page(aside, article));
    expect(result.date).toBe(date);
    expect(result.authors).toBe(authors);
  });

  it("reads an update label into updated", () => {
    const result = read("<title>The Headline Of It</title>", page(`${dl("Published:", "March 3, 2015")}${dl("Last Updated:", "March 4, 2015")}`));
    expect(result.updated).toBe('March 4, 2015 ["Last Updated:" label]');
  });
});
