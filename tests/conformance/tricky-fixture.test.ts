// The tricky fixture built through the library and judged by tools that did not
// write it: xmllint, xmldom, jing with the RFC 4287 schema, the RSS profile rules,
// ajv with the JSON Feed 1.1 schema, feedparser and feed-extractor. Then the same
// items must read back the same in all three formats.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { copyFixture, repoRoot, tempDir } from "../helpers/build.js";
import {
  checkAtom,
  checkJsonFeed,
  checkRss,
  checkXmlWellFormed,
  type FeedparserResult,
  readWithFeedExtractor,
  readWithFeedparser,
} from "../support/validate.js";
import { feedparserView, type ItemView, type JsonFeedItem, jsonFeedView, readJsonFeed, utcSecond } from "./read-back.js";

const FIXTURE = path.join(repoRoot, "tests/fixtures/tricky");
const SITE = "https://worlddesk.example/";
const RSS_SELF = `${SITE}feed.xml`;
const tagId = (day: string, slug: string) => `tag:worlddesk.example,${day}:${slug}`;
const articleUrl = (day: string, slug: string) => `${SITE}${day.replaceAll("-", "/")}/${slug}/`;

// What each article must read as, newest first, written out by hand from the fixture files.
// The config's time zone is Asia/Kolkata (+05:30): dates without an offset are read there.
const expectedItems: (ItemView & { source: string })[] = [
  {
    source: "2022-03-08-very-long-body.md (ISO with Z)",
    id: tagId("2022-03-09", "very-long-body"),
    link: articleUrl("2022-03-09", "very-long-body"),
    title: "A very long body",
    published: "2022-03-08T23:59:59Z",
    authors: ["Long Writer"],
    tags: ["Long"],
    credit: null,
  },
  {
    source: "2022-03-07-emoji.md (25 February 2022 form)",
    id: tagId("2022-03-07", "emoji"),
    link: articleUrl("2022-03-07", "emoji"),
    title: "Emoji 🎉 in a title 👩🏽‍💻 with flags 🇮🇷🇺🇦",
    published: "2022-03-06T18:30:00Z",
    authors: ["Emoji Person 😀"],
    tags: ["🎉 party", "👩‍👩‍👧 family", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"],
    credit: "Reuters",
  },
  {
    source: "2022-03-06-новости-москвы.md (Feb. 25, 2022 form)",
    id: tagId("2022-03-06", "novosti-moskvy"),
    link: articleUrl("2022-03-06", "novosti-moskvy"),
    title: "Новости Москвы: «Переговоры» в Вене",
    published: "2022-03-05T18:30:00Z",
    authors: ["Иван Петров", "Мария Иванова"],
    tags: ["Россия", "Украина", "НАТО"],
    credit: "Jane Doe / AFP",
  },
  {
    source: "2022-03-05-persian.md (February 25, 2022 2:30 PM form)",
    id: tagId("2022-03-05", "گفتگوی-رئیسی-و-پوتین"),
    link: new URL("2022/03/05/گفتگوی-رئیسی-و-پوتین/", SITE).href,
    title: "ایران و روسیه: گفت‌وگوی تلفنی رئیسی و پوتین",
    published: "2022-03-05T09:00:00Z",
    authors: ["سعید خطیب‌زاده"],
    tags: ["ایران", "روسیه", "العربية", "עברית"],
    credit: null,
  },
  {
    source: "2022-03-04-relative-links-and-raw-html.md (RFC 2822)",
    id: tagId("2022-03-04", "relative-links-and-raw-html"),
    link: articleUrl("2022-03-04", "relative-links-and-raw-html"),
    title: "Relative links, images and raw HTML",
    published: "2022-03-04T10:00:00Z",
    authors: ["World Desk Editors"],
    tags: ["Links", "HTML"],
    credit: "Associated Press",
  },
  {
    source: "2022-03-03-control-characters.md (ISO date only)",
    id: tagId("2022-03-03", "control-characters"),
    link: articleUrl("2022-03-03", "control-characters"),
    title: "Bell vertical tab and nonchar end",
    published: "2022-03-02T18:30:00Z",
    authors: ["Control Freak"],
    tags: ["ctrl", "formfeed"],
    credit: "NASA",
  },
  {
    source: "2022-03-02-cdata-terminators.md (ISO without offset)",
    id: tagId("2022-03-02", "cdata-terminators"),
    link: articleUrl("2022-03-02", "cdata-terminators"),
    title: "Ends ]]> and again ]]> and ]]]]>> twice",
    published: "2022-03-02T03:45:00Z",
    authors: ["Cee Data ]]>"],
    tags: ["]]>", "a]]>b]]>c", "CDATA"],
    credit: "Jane Doe / AFP ]]>",
  },
  {
    source: "2022-03-01-markup-in-titles.md (ISO with offset)",
    id: tagId("2022-03-01", "markup-in-titles"),
    link: articleUrl("2022-03-01", "markup-in-titles"),
    title: "AT&T bold & x < y",
    published: "2022-03-01T11:00:00Z",
    authors: ["Jane Doe", "Ali Rezaei", "O'Brien & Sons <Ltd>"],
    tags: ["AT&T", "x < y", "Q&A", "<b>bold</b>"],
    credit: "Reuters",
  },
  {
    source: "the seed article (February 25, 2022 form)",
    id: tagId("2022-02-25", "iran-blames-nato-expansion-for-russias-invasion-of-ukraine"),
    link: articleUrl("2022-02-25", "iran-blames-nato-expansion-for-russias-invasion-of-ukraine"),
    title: "Iran Blames NATO Expansion for Russia’s Invasion of Ukraine",
    published: "2022-02-24T18:30:00Z",
    // The article names no author: the config's site author stands in, in every format (issue 15).
    authors: ["The World Desk"],
    tags: ["Iran", "Russia", "Ukraine", "NATO", "JCPOA"],
    credit: "Associated Press",
  },
];
const withoutSource = ({ source: _source, ...view }: ItemView & { source: string }): ItemView => view;

// XML-invalid characters, as the test's own oracle: C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

// An XML reader that shares no code with the serializers, to get the raw element text.
const rawXml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  parseTagValue: false,
  isArray: (name) => ["item", "entry", "category", "link", "dc:creator"].includes(name),
});

/**
 * The fixture's body names three files by a relative path that are not beside it: its page (and its
 * feeds) would show them broken, and the build says so, at their positions; nothing else.
 */
const fixtureWarnings = [
  "articles/2022-03-04-relative-links-and-raw-html.md:16:1 warning missing-asset img/figure-1.png",
  "articles/2022-03-04-relative-links-and-raw-html.md:18:9 warning missing-asset diagram.svg",
  "articles/2022-03-04-relative-links-and-raw-html.md:30:1 warning missing-asset x.png",
];
const shown = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map(({ file, line, column, severity, rule, message }) => `${file}:${line}:${column} ${severity} ${rule} ${/"([^"]+)"/.exec(message)?.[1]}`);

describe("the tricky fixture", () => {
  let out: string;
  let files: { rss: string; atom: string; json: string };
  let feedparser: { rss: FeedparserResult; atom: FeedparserResult };
  let jsonItems: JsonFeedItem[];
  let written: string[];

  beforeAll(async () => {
    out = path.join(await tempDir(), "output");
    const result = await build({ cwd: FIXTURE, out, now: "2026-11-27T00:00:00Z", cacheDir: false });
    expect(shown(result.diagnostics)).toEqual(fixtureWarnings);
    expect(result.exitCode).toBe(0);
    written = result.written;
    files = { rss: path.join(out, "feed.xml"), atom: path.join(out, "atom.xml"), json: path.join(out, "feed.json") };
    const [rss, atom] = readWithFeedparser([files.rss, files.atom]);
    feedparser = { rss: rss!, atom: atom! };
    jsonItems = (await readJsonFeed(out)).items;
  });

  it("publishes every article", () => {
    expect(jsonItems).toHaveLength(expectedItems.length);
  });

  describe("validates", () => {
    it("RSS and Atom are well-formed for xmllint and xmldom", () => {
      expect(checkXmlWellFormed([files.rss, files.atom])).toEqual([]);
    });

    it("Atom against the RFC 4287 RELAX NG schema and its prose rules", () => {
      expect(checkAtom(files.atom)).toEqual([]);
    });

    it("RSS against RSS 2.0 and the RSS Advisory Board profile", () => {
      expect(checkRss(files.rss, RSS_SELF)).toEqual([]);
    });

    it("JSON Feed against the JSON Feed 1.1 schema", () => {
      expect(checkJsonFeed(files.json)).toEqual([]);
    });

    it("no output holds a character XML 1.0 cannot carry", async () => {
      for (const file of Object.values(files)) expect(XML_INVALID.exec(await readFile(file, "utf8")), file).toBeNull();
    });
  });

  describe("reads in real parsers", () => {
    it("feedparser reads RSS and Atom with bozo 0", () => {
      expect([feedparser.rss.bozo, feedparser.rss.bozoException, feedparser.rss.version]).toEqual([0, null, "rss20"]);
      expect([feedparser.atom.bozo, feedparser.atom.bozoException, feedparser.atom.version]).toEqual([0, null, "atom10"]);
      expect(feedparser.rss.entries).toHaveLength(expectedItems.length);
      expect(feedparser.atom.entries).toHaveLength(expectedItems.length);
    });

    it.each(["feed.xml", "atom.xml", "feed.json"])("feed-extractor reads %s with every id, link and title in order", (file) => {
      const read = readWithFeedExtractor(path.join(out, file));
      expect(read.title).toBe("The World Desk & Friends <Tricky>");
      expect(read.entries.map(({ id, link, title }) => ({ id, link, title }))).toEqual(expectedItems.map(({ id, link, title }) => ({ id, link, title })));
    });
  });

  describe("says the same in every format", () => {
    it("JSON Feed: every id, link, title, date, author, tag and credit as written in the fixture", () => {
      expect(jsonItems.map(jsonFeedView)).toEqual(expectedItems.map(withoutSource));
    });

    it("RSS through feedparser equals JSON Feed through JSON.parse", () => {
      expect(feedparser.rss.entries.map(feedparserView)).toEqual(jsonItems.map(jsonFeedView));
    });

    it("Atom through feedparser equals JSON Feed through JSON.parse", () => {
      expect(feedparser.atom.entries.map(feedparserView)).toEqual(jsonItems.map(jsonFeedView));
    });

    it("Atom's updated equals JSON Feed's date_modified", () => {
      expect(feedparser.atom.entries.map((entry) => entry.updated)).toEqual(jsonItems.map((item) => utcSecond(item.date_modified)));
    });

    it("the same HTML body in all three", async () => {
      const rss = rawXml.parse(await readFile(files.rss, "utf8")).rss.channel.item as Record<string, string>[];
      const atom = rawXml.parse(await readFile(files.atom, "utf8")).feed.entry as { content: { "#text": string } }[];
      expect(rss.map((item) => item["content:encoded"])).toEqual(jsonItems.map((item) => item.content_html));
      expect(atom.map((entry) => entry.content["#text"])).toEqual(jsonItems.map((item) => item.content_html));
    });
  });

  describe("tricky content", () => {
    const item = (slug: string) => jsonItems.find((candidate) => candidate.id.endsWith(`:${slug}`))!;

    it("relative links and images in the body become absolute", () => {
      const html = item("relative-links-and-raw-html").content_html;
      const base = articleUrl("2022-03-04", "relative-links-and-raw-html");
      expect(html).toContain(`href="${articleUrl("2022-03-01", "markup-in-titles")}"`);
      expect(html).toContain(`href="${SITE}"`);
      expect(html).toContain(`href="${base}sibling/"`);
      expect(html).toContain(`src="${base}img/figure-1.png"`);
      expect(html).toContain(`src="${SITE}images/root.jpg"`);
      expect(html).toContain('href="#section"');
      expect(html).not.toMatch(/(?:href|src)="(?!https:|mailto:|#)/);
    });

    it("allowed raw HTML stays, disallowed raw HTML goes", () => {
      const html = item("relative-links-and-raw-html").content_html;
      for (const kept of ["<em>figure</em>", "<sup>sup</sup>", "<sub>sub</sub>", "<th>Allowed</th>"]) expect(html).toContain(kept);
      for (const dropped of ["<script", "alert(", "<style", "<iframe", "onclick=", "onerror=", "javascript:"]) expect(html).not.toContain(dropped);
    });

    it("]]> in the body survives as text in every format", () => {
      expect(item("cdata-terminators").content_html).toContain("The body says ]]> once, and ]]> twice");
    });

    it("control characters are gone from the body, the text around them stays", () => {
      expect(item("control-characters").content_html).toContain("Raw controls: ab, verticaltab, noncharhere, unitsep");
    });

    it("the 200 KB body arrives whole", async () => {
      const source = await readFile(path.join(FIXTURE, "articles/2022-03-08-very-long-body.md"), "utf8");
      const paragraphs = source.split("\n").filter((line) => line.startsWith("Paragraph "));
      const html = item("very-long-body").content_html;
      expect(html.length).toBeGreaterThan(200_000);
      expect(html.match(/<p>Paragraph \d+: /g)).toEqual(paragraphs.map((line) => `<p>${line.slice(0, line.indexOf(":") + 2)}`));
    });

    it("right-to-left and Cyrillic articles carry their language", async () => {
      expect([item("گفتگوی-رئیسی-و-پوتین").language, item("novosti-moskvy").language]).toEqual(["fa", "ru"]);
      const atom = rawXml.parse(await readFile(files.atom, "utf8")).feed.entry as Record<string, string>[];
      expect(atom.map((entry) => entry["@xml:lang"])).toEqual(jsonItems.map((entry) => entry.language));
    });

    it("png, svg and gif images become enclosures with registered types; an extensionless image does not", () => {
      const enclosures = (result: FeedparserResult) => result.entries.map((entry) => entry.enclosures.map(({ href, type }) => ({ href, type })));
      const expected = [
        [],
        [{ href: `${SITE}images/emoji/%F0%9F%8E%89.gif`, type: "image/gif" }],
        [{ href: `${SITE}images/2022/03/moscow.jpeg`, type: "image/jpeg" }],
        [],
        [{ href: `${SITE}images/local/photo.jpg`, type: "image/jpeg" }],
        [],
        [{ href: "https://cdn.worlddesk.example/graphics/chart.svg", type: "image/svg+xml" }],
        [{ href: `${SITE}images/2022/03/logo-at&t.png`, type: "image/png" }],
        [{ href: `${SITE}images/2022/02/ebrahim-raisi.jpg`, type: "image/jpeg" }],
      ];
      expect(enclosures(feedparser.rss)).toEqual(expected);
      expect(enclosures(feedparser.atom)).toEqual(expected);
      expect(feedparser.rss.entries[7]!.enclosures[0]!.length).toBe("48213");
      expect(feedparser.atom.entries[7]!.enclosures[0]!.length).toBe("48213");
      expect(item("control-characters")._wirefeed?.image.url).toBe(`${SITE}images/uploads/5f3a9c`);
    });
  });

  it("every tag feed validates and reads in feedparser too: tag names such as ]]> and <b>bold</b> become feed titles", () => {
    const inTags = (extension: string) => written.filter((file) => file.startsWith("tags/") && file.endsWith(extension) && file !== "tags/index.json");
    const rss = inTags("/feed.xml");
    const atom = inTags("/atom.xml");
    expect(rss.length).toBeGreaterThanOrEqual(25);
    expect(atom).toHaveLength(rss.length);
    const inOut = (files: string[]) => files.map((file) => path.join(out, file));
    expect(checkXmlWellFormed(inOut([...rss, ...atom]))).toEqual([]);
    expect(checkAtom(inOut(atom))).toEqual([]);
    expect(rss.flatMap((file) => checkRss(path.join(out, file), new URL(file, SITE).href))).toEqual([]);
    expect(checkJsonFeed(inOut(inTags("/feed.json")))).toEqual([]);
    expect(readWithFeedparser(inOut([...rss, ...atom])).filter((read) => read.bozo !== 0)).toEqual([]);
  });

  it("is byte-identical when built twice", async () => {
    const again = path.join(await tempDir(), "output");
    await build({ cwd: FIXTURE, out: again, now: "2026-11-27T00:00:00Z", cacheDir: false });
    for (const file of ["feed.xml", "atom.xml", "feed.json"]) {
      expect(await readFile(path.join(again, file), "utf8")).toBe(await readFile(path.join(out, file), "utf8"));
    }
  });
});

describe("the tricky fixture in archived feed pages", () => {
  it("every RFC 5005 archive page validates and reads in feedparser, and together they hold every article once", async () => {
    const dir = await copyFixture("tricky");
    const configFile = path.join(dir, "wirefeed.config.json");
    const config = JSON.parse(await readFile(configFile, "utf8")) as Record<string, unknown>;
    await writeFile(configFile, JSON.stringify({ ...config, feedLimit: 2, archivePageSize: 3 }));
    const out = path.join(dir, "output");
    const result = await build({ cwd: dir, out, now: "2026-11-27T00:00:00Z", cacheDir: false });
    expect([result.exitCode, shown(result.diagnostics)]).toEqual([0, fixtureWarnings]);
    const pages = (folder: string, extension: string) =>
      result.written.filter((file) => file.startsWith(`feeds/archive/${folder}/`) && file.endsWith(extension));
    const rss = pages("rss", ".xml");
    const atom = pages("atom", ".xml");
    expect(rss.length).toBeGreaterThanOrEqual(2);
    const inOut = (files: string[]) => files.map((file) => path.join(out, file));
    expect(checkXmlWellFormed(inOut([...rss, ...atom]))).toEqual([]);
    expect(checkAtom(inOut(atom))).toEqual([]);
    expect(rss.flatMap((file) => checkRss(path.join(out, file), new URL(file, SITE).href))).toEqual([]);
    expect(checkJsonFeed(inOut(pages("json", ".json")))).toEqual([]);
    const read = readWithFeedparser(inOut(["feed.xml", ...rss]));
    expect(read.filter((document) => document.bozo !== 0)).toEqual([]);
    expect(read.flatMap((document) => document.entries.map((entry) => entry.id)).sort()).toEqual(expectedItems.map((item) => item.id).sort());
  });
});
