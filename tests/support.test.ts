// Proves the validation harness can fail and pass: every checker runs on small
// hand-written documents, good ones and ones broken in exactly one way.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rfc3339Problem, rfc822Problem } from "./support/dates.js";
import { mediaTypeProblem } from "./support/media-types.js";
import {
  checkAtom,
  checkBuildOutput,
  checkJsonFeed,
  checkRss,
  checkXmlWellFormed,
  type FeedparserResult,
  type Finding,
  readWithFeedExtractor,
  readWithFeedparser,
} from "./support/validate.js";

const SELF_URL = "https://news.example.org/feed.xml";

const RSS_ITEM = `
    <item>
      <title>Harbour &amp; bridge reopen</title>
      <link>https://news.example.org/harbour</link>
      <guid isPermaLink="true">https://news.example.org/harbour</guid>
      <pubDate>Fri, 01 Mar 2024 09:30:00 +0100</pubDate>
      <dc:creator>Ana Lima</dc:creator>
      <category>Transport</category>
      <description><![CDATA[<p>The harbour bridge reopened.</p>]]></description>
      <enclosure url="https://news.example.org/img/bridge.jpg" length="24576" type="image/jpeg"/>
      <media:credit role="photographer">Photo: J. Doe</media:credit>
    </item>`;

const GOOD_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>Example News</title>
    <link>https://news.example.org/</link>
    <description>Stories from Example</description>
    <language>en</language>
    <lastBuildDate>Fri, 01 Mar 2024 09:30:00 +0100</lastBuildDate>
    <atom:link href="${SELF_URL}" rel="self" type="application/rss+xml"/>${RSS_ITEM}
  </channel>
</rss>
`;

const ATOM_ENTRY = `
  <entry>
    <title type="text">Harbour &amp; bridge reopen</title>
    <id>https://news.example.org/harbour</id>
    <link rel="alternate" type="text/html" href="https://news.example.org/harbour"/>
    <link rel="enclosure" type="image/jpeg" length="24576" href="https://news.example.org/img/bridge.jpg"/>
    <published>2024-03-01T09:30:00+01:00</published>
    <updated>2024-03-01T09:30:00+01:00</updated>
    <author><name>Ana Lima</name></author>
    <category term="Transport"/>
    <summary>The harbour bridge reopened.</summary>
    <content type="html">&lt;p&gt;The harbour bridge reopened.&lt;/p&gt;</content>
    <media:credit role="photographer">Photo: J. Doe</media:credit>
  </entry>`;

const GOOD_ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en">
  <title>Example News</title>
  <id>https://news.example.org/</id>
  <updated>2024-03-01T09:30:00+01:00</updated>
  <link rel="self" type="application/atom+xml" href="https://news.example.org/atom.xml"/>
  <link rel="alternate" type="text/html" href="https://news.example.org/"/>${ATOM_ENTRY}
</feed>
`;

const JSON_ITEM = {
  id: "https://news.example.org/harbour",
  url: "https://news.example.org/harbour",
  title: "Harbour & bridge reopen",
  content_html: "<p>The harbour bridge reopened.</p>",
  summary: "The harbour bridge reopened.",
  image: "https://news.example.org/img/bridge.jpg",
  date_published: "2024-03-01T09:30:00+01:00",
  date_modified: "2024-03-01T09:30:00+01:00",
  authors: [{ name: "Ana Lima" }],
  tags: ["Transport"],
  _media: { credit: "Photo: J. Doe" },
};

const GOOD_JSON_FEED = {
  version: "https://jsonfeed.org/version/1.1",
  title: "Example News",
  home_page_url: "https://news.example.org/",
  feed_url: "https://news.example.org/feed.json",
  language: "en",
  authors: [{ name: "Example News" }],
  items: [JSON_ITEM],
};

/** `document` with the one occurrence of `from` replaced; a `from` that is absent or repeated is a broken test case, so it throws. */
function variant(document: string, from: string, to: string): string {
  const parts = document.split(from);
  if (parts.length !== 2) throw new Error(`expected exactly one ${JSON.stringify(from)} in the document, found ${parts.length - 1}`);
  return parts.join(to);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The distinct rules among `findings`, sorted, so a case proves both what is found and that nothing else is. */
const ruleSet = (findings: readonly Finding[]): string[] => [...new Set(findings.map((finding) => finding.rule))].sort();

let directory = "";

function write(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text, "utf8");
  return path;
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "wirefeed-support-"));
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe("checkXmlWellFormed", () => {
  const cases: [name: string, text: string, rules: string[]][] = [
    // good documents
    ["good RSS", GOOD_RSS, []],
    ["good Atom", GOOD_ATOM, []],
    // broken documents
    ["mismatched end tag", variant(GOOD_RSS, "</channel>", "</chanel>"), ["xmllint-not-well-formed", "xmldom-not-well-formed"]],
    // xmldom reads a lone "&" as text; libxml2 is the stricter judge here.
    ["unescaped ampersand", variant(GOOD_ATOM, "Harbour &amp; bridge", "Harbour & bridge"), ["xmllint-not-well-formed"]],
    ["control character U+0001", variant(GOOD_RSS, "Example News", "Example\u0001News"), ["xmllint-not-well-formed"]],
    ["a second ]]> after a CDATA section", variant(GOOD_RSS, "reopened.</p>]]>", "reopened.</p>]]>x]]>"), ["xmllint-not-well-formed"]],
    ["undeclared prefix", variant(GOOD_RSS, ' xmlns:media="http://search.yahoo.com/mrss/"', ""), ["xmllint-not-well-formed", "xmldom-not-well-formed"]],
  ];
  let findings: Finding[] = [];
  const paths = cases.map((_, index) => `wf-${index}.xml`);

  beforeAll(() => {
    // One xmllint run for every case, as the end-to-end tests will do.
    findings = checkXmlWellFormed(cases.map(([, text], index) => write(paths[index] ?? "", text)));
  });

  it.each(cases.map((row, index) => [...row, index] as const))("%s", (_name, _text, rules, index) => {
    const mine = findings.filter((finding) => finding.file === join(directory, paths[index] ?? ""));
    expect(ruleSet(mine)).toEqual([...rules].sort());
  });
});

describe("checkAtom", () => {
  const cases: [name: string, text: string, rules: string[]][] = [
    // the good document
    ["good Atom", GOOD_ATOM, []],
    // schema
    ["feed without title", variant(GOOD_ATOM, "<title>Example News</title>", ""), ["atom-schema"]],
    // authors
    ["entry without author, feed without author", variant(GOOD_ATOM, "<author><name>Ana Lima</name></author>", ""), ["atom-author-missing"]],
    // dates
    [
      "date with a space, not RFC 3339",
      variant(GOOD_ATOM, "<published>2024-03-01T09:30:00+01:00", "<published>2024-03-01 09:30:00+01:00"),
      ["atom-schema", "atom-date-format"],
    ],
    ["date without an offset", variant(GOOD_ATOM, "<published>2024-03-01T09:30:00+01:00", "<published>2024-03-01T09:30:00"), ["atom-date-format"]],
    [
      "date on a day that does not exist",
      variant(GOOD_ATOM, "<published>2024-03-01T09:30:00+01:00", "<published>2023-02-29T09:30:00+01:00"),
      ["atom-schema", "atom-date-format"],
    ],
    [
      "updated before published",
      variant(GOOD_ATOM, "<updated>2024-03-01T09:30:00+01:00</updated>\n    <author>", "<updated>2024-02-29T09:30:00+01:00</updated>\n    <author>"),
      ["atom-updated-before-published"],
    ],
    // ids
    ["relative entry id", variant(GOOD_ATOM, "<id>https://news.example.org/harbour</id>", "<id>/harbour</id>"), ["atom-id-not-absolute"]],
    ["two entries with one id", variant(GOOD_ATOM, "</feed>", `${ATOM_ENTRY}\n</feed>`), ["atom-id-duplicate"]],
    // links
    ["no self link", variant(GOOD_ATOM, '<link rel="self" type="application/atom+xml" href="https://news.example.org/atom.xml"/>', ""), ["atom-self-link"]],
    [
      "two self links",
      variant(
        GOOD_ATOM,
        '<link rel="alternate" type="text/html" href="https://news.example.org/"/>',
        '<link rel="self" href="https://news.example.org/other.xml"/>',
      ),
      ["atom-self-link"],
    ],
    [
      "two alternates of one type",
      variant(GOOD_ATOM, "<published>", '<link type="text/html" href="https://news.example.org/h2"/><published>'),
      ["atom-alternate-duplicate"],
    ],
    [
      "entry without alternate link or content",
      variant(
        variant(GOOD_ATOM, '<link rel="alternate" type="text/html" href="https://news.example.org/harbour"/>', ""),
        /<content[\s\S]*<\/content>/.exec(GOOD_ATOM)?.[0] ?? "",
        "",
      ),
      ["atom-entry-no-alternate"],
    ],
    ["relative link", variant(GOOD_ATOM, 'href="https://news.example.org/harbour"', 'href="harbour"'), ["atom-link-not-absolute"]],
  ];
  let findings: Finding[] = [];
  const paths = cases.map((_, index) => `atom-${index}.xml`);

  beforeAll(() => {
    // One jing run for every case.
    findings = checkAtom(cases.map(([, text], index) => write(paths[index] ?? "", text)));
  });

  it.each(cases.map((row, index) => [...row, index] as const))("%s", (_name, _text, rules, index) => {
    const mine = findings.filter((finding) => finding.file === join(directory, paths[index] ?? ""));
    expect(ruleSet(mine)).toEqual([...rules].sort());
  });
});

describe("checkRss", () => {
  const cases: [name: string, text: string, rules: string[]][] = [
    // the good document
    ["good RSS", GOOD_RSS, []],
    // channel
    ["empty channel description", variant(GOOD_RSS, "<description>Stories from Example</description>", "<description/>"), ["rss-channel-required"]],
    ["no channel link", variant(GOOD_RSS, "<link>https://news.example.org/</link>", ""), ["rss-channel-required"]],
    ["self link to another URL", variant(GOOD_RSS, `href="${SELF_URL}"`, 'href="https://news.example.org/rss"'), ["rss-self-link"]],
    ["no self link", variant(GOOD_RSS, `<atom:link href="${SELF_URL}" rel="self" type="application/rss+xml"/>`, ""), ["rss-self-link"]],
    ["undeclared prefix", variant(GOOD_RSS, ' xmlns:dc="http://purl.org/dc/elements/1.1/"', ""), ["rss-prefix-undeclared", "rss-unparseable"]],
    // dates
    ["two-digit year", variant(GOOD_RSS, "<pubDate>Fri, 01 Mar 2024", "<pubDate>Fri, 01 Mar 24"), ["rss-date-format"]],
    ["weekday that does not match the date", variant(GOOD_RSS, "<pubDate>Fri, 01 Mar 2024", "<pubDate>Thu, 01 Mar 2024"), ["rss-date-format"]],
    [
      "ISO date in lastBuildDate",
      variant(GOOD_RSS, "<lastBuildDate>Fri, 01 Mar 2024 09:30:00 +0100", "<lastBuildDate>2024-03-01T09:30:00+01:00"),
      ["rss-date-format"],
    ],
    // guids
    ["missing guid", variant(GOOD_RSS, '<guid isPermaLink="true">https://news.example.org/harbour</guid>', ""), ["rss-guid-missing"]],
    ["two items with one guid", variant(GOOD_RSS, "\n  </channel>", `${RSS_ITEM}\n  </channel>`), ["rss-guid-duplicate"]],
    [
      "permalink guid that is not a URL",
      variant(GOOD_RSS, '<guid isPermaLink="true">https://news.example.org/harbour</guid>', "<guid>harbour-2024</guid>"),
      ["rss-guid-permalink"],
    ],
    // enclosures
    ["image/jpg enclosure", variant(GOOD_RSS, 'type="image/jpeg"', 'type="image/jpg"'), ["rss-enclosure-type"]],
    ["image/svg enclosure", variant(GOOD_RSS, 'type="image/jpeg"', 'type="image/svg"'), ["rss-enclosure-type"]],
    ["relative enclosure url", variant(GOOD_RSS, 'url="https://news.example.org/img/bridge.jpg"', 'url="/img/bridge.jpg"'), ["rss-enclosure-url"]],
    ["enclosure length that is not a number", variant(GOOD_RSS, 'length="24576"', 'length="24 KB"'), ["rss-enclosure-length"]],
    [
      "two enclosures",
      variant(GOOD_RSS, "<media:credit", '<enclosure url="https://news.example.org/a.mp3" length="1" type="audio/mpeg"/><media:credit'),
      ["rss-enclosure-count"],
    ],
    // items
    ["author that is a bare name", variant(GOOD_RSS, "<dc:creator>Ana Lima</dc:creator>", "<author>Ana Lima</author>"), ["rss-author-not-email"]],
    [
      "item without title or description",
      variant(
        variant(GOOD_RSS, "<title>Harbour &amp; bridge reopen</title>", ""),
        "<description><![CDATA[<p>The harbour bridge reopened.</p>]]></description>",
        "",
      ),
      ["rss-item-empty"],
    ],
  ];

  it.each(cases.map((row, index) => [...row, index] as const))("%s", (_name, text, rules, index) => {
    const path = write(`rss-${index}.xml`, text);
    expect(ruleSet(checkRss(path, SELF_URL))).toEqual([...rules].sort());
  });

  it("names the file in every finding", () => {
    const path = write("rss-named.xml", variant(GOOD_RSS, 'type="image/jpeg"', 'type="image/jpg"'));
    expect(checkRss(path, SELF_URL)).toEqual([
      {
        file: path,
        rule: "rss-enclosure-type",
        message: 'https://news.example.org/harbour: "image/jpg" is not a registered media type; the registered name is image/jpeg',
      },
    ]);
  });
});

describe("checkJsonFeed", () => {
  const { authors: _feedAuthors, ...feedWithoutAuthors } = GOOD_JSON_FEED;
  const { authors: _itemAuthors, content_html: _content, ...itemWithoutAuthorsOrContent } = JSON_ITEM;
  const cases: [name: string, feed: unknown, rules: string[]][] = [
    // the good document
    ["good JSON Feed 1.1", GOOD_JSON_FEED, []],
    // version 1.0
    [
      "a JSON Feed 1.0 document",
      { ...feedWithoutAuthors, version: "https://jsonfeed.org/version/1", author: { name: "Example News" } },
      ["jsonfeed-schema", "jsonfeed-version", "jsonfeed-author-deprecated"],
    ],
    ["author instead of authors", { ...feedWithoutAuthors, author: { name: "Example News" } }, ["jsonfeed-author-deprecated"]],
    ["item author instead of authors", { ...GOOD_JSON_FEED, items: [{ ...JSON_ITEM, author: { name: "Ana Lima" } }] }, ["jsonfeed-author-deprecated"]],
    // schema
    ["item without content", { ...GOOD_JSON_FEED, items: [{ ...itemWithoutAuthorsOrContent }] }, ["jsonfeed-schema"]],
    ["unknown key", { ...GOOD_JSON_FEED, home_page: "https://news.example.org/" }, ["jsonfeed-schema"]],
    ["empty author object", { ...GOOD_JSON_FEED, authors: [{}] }, ["jsonfeed-schema"]],
    ["relative url", { ...GOOD_JSON_FEED, items: [{ ...JSON_ITEM, url: "/harbour" }] }, ["jsonfeed-schema"]],
    [
      "date without an offset",
      { ...GOOD_JSON_FEED, items: [{ ...JSON_ITEM, date_published: "2024-03-01T09:30:00" }] },
      ["jsonfeed-schema", "jsonfeed-date-format"],
    ],
    // ids
    ["two items with one id", { ...GOOD_JSON_FEED, items: [JSON_ITEM, JSON_ITEM] }, ["jsonfeed-id-duplicate"]],
    // syntax
    ["not JSON", '{ "version": ', ["jsonfeed-syntax"]],
  ];

  it.each(cases.map((row, index) => [...row, index] as const))("%s", (_name, feed, rules, index) => {
    const path = write(`feed-${index}.json`, typeof feed === "string" ? feed : json(feed));
    expect(ruleSet(checkJsonFeed(path))).toEqual([...rules].sort());
  });
});

describe("checkBuildOutput", () => {
  it("finds nothing in a folder of good outputs and the broken file in a bad one", () => {
    const good = join(directory, "build-good");
    mkdirSync(good);
    writeFileSync(join(good, "feed.xml"), GOOD_RSS);
    writeFileSync(join(good, "atom.xml"), GOOD_ATOM);
    writeFileSync(join(good, "feed.json"), json(GOOD_JSON_FEED));
    expect(checkBuildOutput(good, SELF_URL)).toEqual([]);

    writeFileSync(join(good, "feed.json"), json({ ...GOOD_JSON_FEED, version: "https://jsonfeed.org/version/1" }));
    expect(new Set(checkBuildOutput(good, SELF_URL).map((finding) => finding.file))).toEqual(new Set([join(good, "feed.json")]));
  });
});

describe("readWithFeedparser", () => {
  let results: FeedparserResult[] = [];

  beforeAll(() => {
    results = readWithFeedparser([
      write("fp-rss.xml", GOOD_RSS),
      write("fp-atom.xml", GOOD_ATOM),
      write("fp-broken.xml", variant(GOOD_RSS, "</channel>", "</chanel>")),
    ]);
  });

  it("reads the good RSS with bozo 0 and the values written", () => {
    const [rss] = results;
    expect(rss).toMatchObject({ bozo: 0, version: "rss20", feedTitle: "Example News" });
    expect(rss?.entries).toEqual([
      {
        id: "https://news.example.org/harbour",
        link: "https://news.example.org/harbour",
        title: "Harbour & bridge reopen",
        published: "2024-03-01T08:30:00Z",
        updated: "2024-03-01T08:30:00Z",
        authors: [{ name: "Ana Lima", email: null }],
        tags: ["Transport"],
        summary: "<p>The harbour bridge reopened.</p>",
        content: [],
        enclosures: [{ href: "https://news.example.org/img/bridge.jpg", type: "image/jpeg", length: "24576" }],
        mediaCredit: ["Photo: J. Doe"],
      },
    ]);
  });

  it("reads the good Atom with bozo 0 and the values written", () => {
    const atom = results[1];
    expect(atom).toMatchObject({ bozo: 0, version: "atom10", feedTitle: "Example News" });
    expect(atom?.entries[0]).toMatchObject({
      id: "https://news.example.org/harbour",
      link: "https://news.example.org/harbour",
      title: "Harbour & bridge reopen",
      published: "2024-03-01T08:30:00Z",
      updated: "2024-03-01T08:30:00Z",
      authors: [{ name: "Ana Lima", email: null }],
      tags: ["Transport"],
      content: ["<p>The harbour bridge reopened.</p>"],
      mediaCredit: ["Photo: J. Doe"],
    });
  });

  it("flags the malformed document with bozo 1", () => {
    expect(results[2]).toMatchObject({ bozo: 1 });
    expect(results[2]?.bozoException).toMatch(/not well-formed|mismatched tag/);
  });
});

describe("readWithFeedExtractor", () => {
  it.each([
    ["RSS", "fe-rss.xml", GOOD_RSS],
    ["Atom", "fe-atom.xml", GOOD_ATOM],
    ["JSON Feed", "fe-feed.json", json(GOOD_JSON_FEED)],
  ])("reads the item of the good %s", (_format, name, text) => {
    const feed = readWithFeedExtractor(write(name, text));
    expect(feed.title).toBe("Example News");
    expect(feed.entries.map(({ id, link, title, published }) => ({ id, link, title, published }))).toEqual([
      {
        id: "https://news.example.org/harbour",
        link: "https://news.example.org/harbour",
        title: "Harbour & bridge reopen",
        published: "2024-03-01T08:30:00.000Z",
      },
    ]);
  });

  it("throws on a document it cannot read, naming the file", () => {
    const path = write("fe-broken.xml", variant(GOOD_RSS, "</channel>", "</chanel>"));
    expect(() => readWithFeedExtractor(path)).toThrow(path);
  });
});

describe("rfc822Problem", () => {
  it.each([
    // accepted
    ["Fri, 01 Mar 2024 09:30:00 +0100", false],
    ["Fri, 1 Mar 2024 09:30:00 GMT", false],
    ["Thu, 29 Feb 2024 23:59 -0500", false],
    // rejected
    ["Fri, 01 Mar 24 09:30:00 +0100", true],
    ["Thu, 01 Mar 2024 09:30:00 +0100", true],
    ["01 Mar 2024 09:30:00 +0100", true],
    ["Thu, 29 Feb 2023 09:30:00 GMT", true],
    ["Fri, 01 Mar 2024 24:30:00 GMT", true],
    ["Fri, 01 Mar 2024 09:30:00 Z", true],
  ])("%s → problem: %s", (text, rejected) => {
    expect(rfc822Problem(text) !== undefined).toBe(rejected);
  });
});

describe("rfc3339Problem", () => {
  it.each([
    // accepted
    ["2024-03-01T09:30:00Z", false],
    ["2024-03-01T09:30:00.25+01:00", false],
    ["2024-02-29T23:59:60-05:00", false],
    // rejected
    ["2024-03-01T09:30:00", true],
    ["2024-03-01t09:30:00z", true],
    ["2024-03-01 09:30:00Z", true],
    ["2023-02-29T09:30:00Z", true],
    ["2024-03-01T09:30:00+0100", true],
  ])("%s → problem: %s", (text, rejected) => {
    expect(rfc3339Problem(text) !== undefined).toBe(rejected);
  });
});

describe("mediaTypeProblem", () => {
  it.each([
    // registered
    ["image/jpeg", undefined],
    ["image/svg+xml", undefined],
    ["audio/mp4; codecs=mp4a.40.2", undefined],
    // unregistered
    ["image/jpg", "image/jpeg"],
    ["image/svg", "image/svg+xml"],
    ["audio/mp3", "audio/mpeg"],
  ])("%s", (type, meant) => {
    const problem = mediaTypeProblem(type);
    if (meant === undefined) expect(problem).toBeUndefined();
    else expect(problem).toContain(meant);
  });

  it("rejects a type it does not know as registered", () => {
    expect(mediaTypeProblem("application/x-made-up")).toMatch(/not one of the registered/);
  });
});
