// One regression test per defect of the `feed` package (6.0.0) listed in issue 3.
// Each shows the defect in `feed`'s own output, which is why the serializers work
// around it, and then that our output for the same input does not have it. When a
// new `feed` release fixes one, its first assertion fails: the workaround can go.
import { Feed, type FeedOptions, type Item as FeedItem } from "feed";
import { describe, expect, it } from "vitest";
import { renderAtom } from "../../src/formats/atom.js";
import { renderJsonFeed } from "../../src/formats/json-feed.js";
import { renderRss } from "../../src/formats/rss.js";
import { checkJsonFeed, checkRss, checkXmlWellFormed, readWithFeedparser } from "../support/validate.js";
import { ATOM_NS, childElements, parseXmlStrictly, textOf } from "../support/xml.js";
import { makeItem, makePage, SITE, siteConfig, writeTemp } from "./pages.js";

const feedOptions: FeedOptions = {
  id: SITE,
  title: "Example News",
  description: "Stories from Example",
  link: SITE,
  copyright: "",
  updated: new Date("2022-02-25T12:00:00Z"),
  feedLinks: { rss: `${SITE}feed.xml`, atom: `${SITE}atom.xml`, json: `${SITE}feed.json` },
};

const feedItem: FeedItem = {
  title: "Harbour reopens",
  id: `${SITE}2022/02/25/harbour/`,
  link: `${SITE}2022/02/25/harbour/`,
  date: new Date("2022-02-25T12:00:00Z"),
};

/** What `feed` itself writes for one item. */
function rawFeed(item: Partial<FeedItem>, options: FeedOptions = feedOptions): Feed {
  const feed = new Feed(options);
  feed.addItem({ ...feedItem, ...item });
  return feed;
}

const wellFormedness = (name: string, xml: string) => checkXmlWellFormed(writeTemp(name, xml)).map((finding) => finding.rule);

const rssItem = (xml: string) => {
  const document = parseXmlStrictly(xml).document!;
  return childElements(childElements(document.documentElement!, null, "channel")[0]!, null, "item")[0]!;
};
const atomEntry = (xml: string) => childElements(parseXmlStrictly(xml).document!.documentElement!, ATOM_NS, "entry")[0]!;

// Characters XML 1.0 cannot carry; lone surrogates cannot be written to a file, so those are checked on the string.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

describe("feed 6.0.0 defects that never reach our output", () => {
  it("a second ]]> in a title or content: feed's CDATA splits only the first, so the XML is malformed", () => {
    const twice = "Ends ]]> and again ]]> here";
    const raw = rawFeed({ title: twice, content: `<p>${twice}</p>` });
    expect(wellFormedness("raw.xml", raw.rss2())).toContain("xmllint-not-well-formed");
    expect(wellFormedness("raw-atom.xml", raw.atom1())).toContain("xmllint-not-well-formed");

    const page = makePage([makeItem({ title: twice, summary: twice, html: `<p>${twice}</p>` })]);
    const rss = renderRss(page);
    const atom = renderAtom(page);
    expect(wellFormedness("feed.xml", rss)).toEqual([]);
    expect(wellFormedness("atom.xml", atom)).toEqual([]);
    const item = rssItem(rss);
    expect(textOf(childElements(item, null, "title")[0])).toBe(twice);
    expect(textOf(childElements(item, "http://purl.org/rss/1.0/modules/content/", "encoded")[0])).toBe(`<p>${twice}</p>`);
    const entry = atomEntry(atom);
    expect(textOf(childElements(entry, ATOM_NS, "title")[0])).toBe(twice);
    expect(textOf(childElements(entry, ATOM_NS, "summary")[0])).toBe(twice);
  });

  it("characters XML cannot carry pass straight into feed's XML; ours drops them and keeps the rest", () => {
    const dirty = "Bell\u0001 vertical\u000B nonchar\uFFFE lone\uD800 end";
    const raw = rawFeed({ title: dirty, description: dirty });
    expect(raw.rss2()).toMatch(XML_INVALID);
    expect(raw.atom1()).toMatch(XML_INVALID);
    expect(wellFormedness("raw.xml", raw.rss2())).toContain("xmllint-not-well-formed");

    const page = makePage([makeItem({ title: dirty, summary: dirty, html: `<p>${dirty}</p>`, tags: [{ name: dirty, slug: "dirty" }] })]);
    for (const [name, xml] of [
      ["feed.xml", renderRss(page)],
      ["atom.xml", renderAtom(page)],
    ] as const) {
      expect(xml).not.toMatch(XML_INVALID);
      expect(wellFormedness(name, xml)).toEqual([]);
    }
    expect(textOf(childElements(rssItem(renderRss(page)), null, "title")[0])).toBe("Bell vertical nonchar lone end");
    expect(JSON.parse(renderJsonFeed(page)).items[0].title).toBe("Bell vertical nonchar lone end");
  });

  it("feed types image enclosures image/jpg and image/svg with length 0; ours has the registered type and the real length", () => {
    const jpeg = rssItem(rawFeed({ image: `${SITE}a.jpg` }).rss2());
    expect(childElements(jpeg, null, "enclosure")[0]!.getAttribute("type")).toBe("image/jpg");
    expect(childElements(jpeg, null, "enclosure")[0]!.getAttribute("length")).toBe("0");
    const svg = rssItem(rawFeed({ image: `${SITE}chart.svg` }).rss2());
    expect(childElements(svg, null, "enclosure")[0]!.getAttribute("type")).toBe("image/svg");

    const page = makePage([
      makeItem({ image: { url: `${SITE}a.jpg`, type: "image/jpeg", length: 48213 } }),
      makeItem({ id: "tag:news.example.org,2022-02-25:chart", url: `${SITE}chart/`, image: { url: `${SITE}chart.svg`, type: "image/svg+xml" } }),
    ]);
    const [rss, atom] = readWithFeedparser([writeTemp("feed.xml", renderRss(page)), writeTemp("atom.xml", renderAtom(page))]);
    for (const read of [rss!, atom!]) {
      expect(read.entries.map((entry) => entry.enclosures.map(({ type }) => type))).toEqual([["image/jpeg"], ["image/svg+xml"]]);
      expect(read.entries[0]!.enclosures[0]!.length).toBe("48213");
    }
  });

  it("feed lets image, audio and video overwrite one another in RSS; ours writes one enclosure and the image as media:content", () => {
    const item = rssItem(rawFeed({ image: `${SITE}a.jpg`, audio: `${SITE}a.mp3`, video: `${SITE}a.mp4` }).rss2());
    expect(childElements(item, null, "enclosure").map((enclosure) => enclosure.getAttribute("url"))).toEqual([`${SITE}a.mp4`]);

    const ours = rssItem(renderRss(makePage([makeItem({ image: { url: `${SITE}a.jpg`, type: "image/jpeg" } })])));
    expect(childElements(ours, null, "enclosure").map((enclosure) => enclosure.getAttribute("url"))).toEqual([`${SITE}a.jpg`]);
    expect(childElements(ours, "http://search.yahoo.com/mrss/", "content")[0]!.getAttribute("url")).toBe(`${SITE}a.jpg`);
  });

  it("feed writes a bare name in RSS <author>; ours puts names in dc:creator", () => {
    const raw = writeTemp("raw.xml", rawFeed({ author: [{ name: "Ana Lima" }] }).rss2());
    expect(checkRss(raw, `${SITE}feed.xml`).map((finding) => finding.rule)).toContain("rss-author-not-email");

    const ours = writeTemp(
      "feed.xml",
      renderRss(makePage([makeItem({ authors: [{ name: "Ana Lima", email: "ana@news.example.org" }, { name: "Bo Chen" }] })])),
    );
    expect(checkRss(ours, `${SITE}feed.xml`)).toEqual([]);
    expect(readWithFeedparser([ours])[0]!.entries[0]!.authors.map((author) => author.name)).toEqual(["Ana Lima", "Bo Chen"]);
  });

  it("feed writes an empty channel <description/> when none is configured; ours describes the feed", () => {
    const { description: _description, ...undescribed } = feedOptions;
    const raw = writeTemp("raw.xml", rawFeed({}, undescribed).rss2());
    expect(checkRss(raw, `${SITE}feed.xml`).map((finding) => finding.rule)).toContain("rss-channel-required");

    const config = siteConfig();
    delete config.description;
    const ours = writeTemp("feed.xml", renderRss(makePage([makeItem()], config)));
    expect(checkRss(ours, `${SITE}feed.xml`)).toEqual([]);
  });

  it("feed's json1() writes JSON Feed 1.0 with author and without authors or language; ours writes 1.1", () => {
    const raw = JSON.parse(rawFeed({ author: [{ name: "Ana Lima" }] }, { ...feedOptions, author: { name: "Desk" } }).json1());
    expect(raw.version).toBe("https://jsonfeed.org/version/1");
    expect([raw.author, raw.items[0].author, raw.authors, raw.language]).toEqual([{ name: "Desk" }, { name: "Ana Lima" }, undefined, undefined]);
    expect(checkJsonFeed(writeTemp("raw.json", JSON.stringify(raw))).map((finding) => finding.rule)).toContain("jsonfeed-version");

    const config = siteConfig({ author: { name: "Desk" }, language: "fa" });
    const json = renderJsonFeed(makePage([makeItem()], config, "feed.json"));
    expect(checkJsonFeed(writeTemp("feed.json", json))).toEqual([]);
    const ours = JSON.parse(json);
    expect([ours.version, ours.authors, ours.items[0].authors, ours.language, ours.author]).toEqual([
      "https://jsonfeed.org/version/1.1",
      [{ name: "Desk" }],
      [{ name: "Ana Lima" }],
      "fa",
      undefined,
    ]);
  });

  it("feed's Atom entries drop extensions; ours carries media:credit and the caption", () => {
    const extended = rawFeed({ extensions: [{ name: "media:credit", objects: { _text: "Reuters" } }] });
    expect(extended.rss2()).toContain("media:credit");
    expect(extended.atom1()).not.toContain("media:credit");

    const atom = renderAtom(makePage([makeItem({ image: { url: `${SITE}a.jpg`, type: "image/jpeg", credit: "Reuters", caption: "The harbour" } })]));
    expect(readWithFeedparser([writeTemp("atom.xml", atom)])[0]!.entries[0]!.mediaCredit).toEqual(["Reuters"]);
    const content = childElements(atomEntry(atom), "http://search.yahoo.com/mrss/", "content")[0]!;
    expect(textOf(childElements(content, "http://search.yahoo.com/mrss/", "description")[0])).toBe("The harbour");
  });

  it("a relative URL makes feed throw a bare TypeError; ours resolves it against the site", () => {
    expect(() => rawFeed({ link: "/2022/02/25/harbour/" }).rss2()).toThrow(TypeError);
    expect(() => rawFeed({}, { ...feedOptions, link: "/" }).atom1()).toThrow(TypeError);

    const page = {
      ...makePage([makeItem({ url: "/2022/02/25/harbour/", image: { url: "img/a.jpg", type: "image/jpeg" } })]),
      homeUrl: "/",
      selfUrl: "/feed.xml",
    };
    const rss = renderRss(page);
    const item = rssItem(rss);
    expect(textOf(childElements(item, null, "link")[0])).toBe(`${SITE}2022/02/25/harbour/`);
    expect(childElements(item, null, "enclosure")[0]!.getAttribute("url")).toBe(`${SITE}img/a.jpg`);
    expect(checkRss(writeTemp("feed.xml", rss), `${SITE}feed.xml`)).toEqual([]);
    expect(childElements(atomEntry(renderAtom(page)), ATOM_NS, "link")[0]!.getAttribute("href")).toBe(`${SITE}2022/02/25/harbour/`);
    expect(JSON.parse(renderJsonFeed(page)).items[0].url).toBe(`${SITE}2022/02/25/harbour/`);
  });

  // Found by the conformance tests, beyond the list.
  it("feed percent-encodes Atom ids, so an IRI id would differ from the RSS guid; ours keeps the IRI", () => {
    const id = "tag:news.example.org,2022-03-05:گفتگو";
    const raw = atomEntry(rawFeed({ id }).atom1());
    expect(textOf(childElements(raw, ATOM_NS, "id")[0])).toBe("tag:news.example.org,2022-03-05:%DA%AF%D9%81%D8%AA%DA%AF%D9%88");

    const page = makePage([makeItem({ id })]);
    expect(textOf(childElements(atomEntry(renderAtom(page)), ATOM_NS, "id")[0])).toBe(id);
    expect(textOf(childElements(rssItem(renderRss(page)), null, "guid")[0])).toBe(id);
  });

  it('feed writes Atom titles as type="html", so feedparser reads AT&T as AT&amp;T; ours are plain text', () => {
    const title = "AT&T bold & x < y";
    const raw = readWithFeedparser([writeTemp("raw.xml", rawFeed({ title: title.replaceAll("&", "&amp;").replaceAll("<", "&lt;") }).atom1())]);
    expect(raw[0]!.entries[0]!.title).toBe("AT&amp;T bold &amp; x &lt; y");

    const ours = readWithFeedparser([writeTemp("atom.xml", renderAtom(makePage([makeItem({ title })])))]);
    expect(ours[0]!.entries[0]!.title).toBe(title);
  });
});
