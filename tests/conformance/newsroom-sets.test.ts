// The newsroom (sections, three authors, two languages, 300 tags) builds every feed set in the
// three formats, and every feed passes the validators the subscription feeds pass: xmllint,
// jing with RFC 4287's schema, the RSS and JSON Feed rules, feedparser; the three formats of each
// folder say the same. feeds.opml lists every feed, grouped by kind (issue 15).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { makeNewsroom, newsroomNow, newsroomUrl } from "../syndication/newsroom.js";
import { checkAtom, checkJsonFeed, checkRss, checkXmlWellFormed, readWithFeedparser } from "../support/validate.js";
import type { Element } from "@xmldom/xmldom";
import { feedparserView, type JsonFeedItem, jsonFeedView, parseXml10 } from "./read-back.js";

let out: string;
/** Every folder holding a feed in the three formats, relative to the output ("" for the site's). */
let folders: string[];

beforeAll(async () => {
  const dir = await makeNewsroom();
  const result = await build({ cwd: dir, now: newsroomNow, cacheDir: false });
  expect(result.diagnostics).toEqual([]);
  out = path.join(dir, "output");
  folders = [""];
  for (const set of ["sections", "tags", "authors", "languages"])
    for (const entry of await readdir(path.join(out, set), { withFileTypes: true })) if (entry.isDirectory()) folders.push(`${set}/${entry.name}`);
}, 120_000);

const file = (folder: string, name: string) => path.join(out, folder, name);
const index = async (set: string) => JSON.parse(await readFile(path.join(out, set, "index.json"), "utf8"));

describe("the newsroom's feed sets", () => {
  it("has a feed set per section, tag, author and language, each listed in its index", async () => {
    expect((await index("sections")).sections.map((s: { name: string; count: number }) => [s.name, s.count])).toEqual([
      ["Business", 30],
      ["Politics", 30],
      ["Sport", 30],
      ["World", 30],
    ]);
    // "ANA LIMA" is Ana Lima; articles without an author are the site author's.
    const authors = (await index("authors")).authors;
    expect(authors.map((a: { slug: string }) => a.slug)).toEqual(["ana-lima", "jo-park", "newsroom-staff", "omid-rahimi"]);
    expect(authors.find((a: { slug: string }) => a.slug === "newsroom-staff").count).toBe(17);
    expect((await index("languages")).languages.map((l: { slug: string; count: number }) => [l.slug, l.count])).toEqual([
      ["en", 96],
      ["fa", 24],
    ]);
    expect((await index("tags")).tags).toHaveLength(300);
    expect(folders.length).toBe(1 + 4 + 300 + 4 + 2);
  });

  it("every RSS and Atom document is well-formed, every Atom document valid against RFC 4287 (jing), every RSS and JSON Feed document by the rules", () => {
    const rss = folders.map((folder) => file(folder, "feed.xml"));
    const atom = folders.map((folder) => file(folder, "atom.xml"));
    expect(checkXmlWellFormed([...rss, ...atom])).toEqual([]);
    expect(checkAtom(atom)).toEqual([]);
    expect(folders.flatMap((folder) => checkRss(file(folder, "feed.xml"), new URL(path.posix.join(folder, "feed.xml"), newsroomUrl).href))).toEqual([]);
    expect(checkJsonFeed(folders.map((folder) => file(folder, "feed.json")))).toEqual([]);
  });

  it("feedparser reads every document without complaint, and each folder's three formats say the same", async () => {
    const rss = folders.map((folder) => file(folder, "feed.xml"));
    const atom = folders.map((folder) => file(folder, "atom.xml"));
    const read = readWithFeedparser([...rss, ...atom]);
    expect(read.filter((result) => result.bozo !== 0).map((result) => `${result.file}: ${result.bozoException}`)).toEqual([]);
    for (const [n, folder] of folders.entries()) {
      const json = JSON.parse(await readFile(file(folder, "feed.json"), "utf8")) as { items: JsonFeedItem[] };
      const fromJson = json.items.map(jsonFeedView);
      expect(fromJson.length, folder).toBeGreaterThan(0);
      expect(read[n]!.entries.map(feedparserView), `${folder}: RSS`).toEqual(fromJson);
      expect(read[folders.length + n]!.entries.map(feedparserView), `${folder}: Atom`).toEqual(fromJson);
    }
  });

  it("each language feed is in its language, and the site's feeds point to them with hreflang", async () => {
    const fa = parseXml10(await readFile(file("languages/fa", "atom.xml"), "utf8")).documentElement!;
    expect(fa.getAttribute("xml:lang")).toBe("fa");
    expect(await readFile(file("languages/fa", "feed.xml"), "utf8")).toContain("<language>fa</language>");
    expect(JSON.parse(await readFile(file("languages/fa", "feed.json"), "utf8")).language).toBe("fa");
    const site = await readFile(file("", "atom.xml"), "utf8");
    expect(site).toContain(`<link rel="alternate" href="${newsroomUrl}languages/fa/atom.xml" hreflang="fa" type="application/atom+xml"/>`);
    expect(site).toContain(`<link rel="alternate" href="${newsroomUrl}languages/en/atom.xml" hreflang="en" type="application/atom+xml"/>`);
    expect(await readFile(file("languages/en", "feed.xml"), "utf8")).toContain(`hreflang="fa"`);
  });

  it("an article without an author is the site author's in every format (dc:creator in RSS)", async () => {
    const rss = await readFile(file("authors/newsroom-staff", "feed.xml"), "utf8");
    expect(rss.match(/<dc:creator>Newsroom Staff<\/dc:creator>/g)).toHaveLength(17);
  });

  it("the lead image is a figure with its caption and normalized credit before the body, and still in media:content and the enclosure", async () => {
    const json = JSON.parse(await readFile(file("", "feed.json"), "utf8")) as { items: (JsonFeedItem & { content_html: string })[] };
    const withImage = json.items.find((item) => item.image)!;
    expect(withImage.content_html).toMatch(
      /^<figure><img src="https:\/\/newsroom\.example\/images\/\d+\.jpg" alt="Photo \d+"><figcaption><span class="caption">Scene \d+ &lt;at dawn&gt; &amp; after<\/span> <span class="credit">(Associated Press|Reuters|AFP\/Getty Images)<\/span><\/figcaption><\/figure>\n<p>/,
    );
    const rss = await readFile(file("", "feed.xml"), "utf8");
    expect(rss).toContain("<media:credit");
    expect(rss).toContain('<enclosure url="https://newsroom.example/images/');
  });
});

describe("feeds.opml", () => {
  it("lists every feed the build wrote once, grouped by kind, in OPML 2.0's structure", async () => {
    const text = await readFile(path.join(out, "feeds.opml"), "utf8");
    expect(checkXmlWellFormed(path.join(out, "feeds.opml"))).toEqual([]);
    const opml = parseXml10(text).documentElement!;
    expect([opml.tagName, opml.getAttribute("version")]).toEqual(["opml", "2.0"]);
    const elements = (parent: Element) => Array.from(parent.childNodes).filter((node) => node.nodeType === 1) as unknown as Element[];
    const [head, body] = elements(opml);
    expect([head!.tagName, body!.tagName]).toEqual(["head", "body"]);
    expect(head!.getElementsByTagName("title")[0]!.textContent).toBe("The Newsroom: every feed");
    const groups = elements(body!).map((group) => ({
      text: group.getAttribute("text"),
      feeds: elements(group).map((outline) => {
        // OPML 2.0: every outline has text; a subscription (type="rss") has an xmlUrl.
        expect(outline.getAttribute("text")).toBeTruthy();
        expect(outline.getAttribute("type")).toBe("rss");
        return outline.getAttribute("xmlUrl")!;
      }),
    }));
    expect(groups.map((group) => group.text)).toEqual(["Site", "Tags", "Sections", "Authors", "Languages"]);
    const listed = groups.flatMap((group) => group.feeds).sort();
    expect(listed).toEqual(folders.map((folder) => new URL(path.posix.join(folder, "feed.xml"), newsroomUrl).href).sort());
    expect(new Set(listed).size).toBe(listed.length);
  });
});
