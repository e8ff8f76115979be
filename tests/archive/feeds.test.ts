import { readFile } from "node:fs/promises";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { archivePagePath, writeOrder } from "../../src/formats/archive/feeds.js";
import { interleavedOrder } from "../../src/build/stages/plan.js";
import { checkAtom, checkJsonFeed, checkRss, checkXmlWellFormed } from "../support/validate.js";
import { buildCorpus, corpusConfig, fileOfUrl, siteUrl, writeCorpus } from "./corpus.js";
import { readArchive } from "../helpers/build.js";

const articleCount = 310;
const { feedLimit, archivePageSize } = corpusConfig;
// 290 archived articles: 11 full pages of 25 and a newest page of 15.
const pageCount = Math.ceil((articleCount - feedLimit) / archivePageSize);
const FH = "http://purl.org/syndication/history/1.0";

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["item", "entry", "link", "atom:link", "category"].includes(name),
});

let out: string;
let archiveIds: string[];
let records: { id: string; tags: { slug: string }[] }[];

beforeAll(async () => {
  ({ out } = await buildCorpus(await writeCorpus(articleCount)));
  records = (await readArchive(out)).articles;
  archiveIds = records.map((record) => record.id);
});

/** One document of a walk: its items' ids and its links by relation. */
interface Visited {
  url: string;
  ids: string[];
  links: Map<string, string>;
  archived: boolean;
}

async function readXmlDocument(url: string, format: "rss" | "atom"): Promise<Visited> {
  const text = await readFile(fileOfUrl(out, url), "utf8");
  const parsed = xml.parse(text);
  const root = format === "rss" ? parsed.rss.channel : parsed.feed;
  const links = new Map<string, string>();
  for (const link of root[format === "rss" ? "atom:link" : "link"] ?? []) links.set(link["@rel"] ?? "alternate", link["@href"]);
  const ids =
    format === "rss"
      ? (root.item ?? []).map((item: { guid: string | { "#text": string } }) => (typeof item.guid === "string" ? item.guid : item.guid["#text"]))
      : (root.entry ?? []).map((entry: { id: string }) => entry.id);
  const namespace = format === "rss" ? parsed.rss["@xmlns:fh"] : parsed.feed["@xmlns:fh"];
  return { url, ids, links, archived: "fh:archive" in root && namespace === FH };
}

async function readJsonDocument(url: string): Promise<Visited> {
  const feed = JSON.parse(await readFile(fileOfUrl(out, url), "utf8"));
  return { url, ids: feed.items.map((item: { id: string }) => item.id), links: new Map(feed.next_url ? [["next", feed.next_url]] : []), archived: false };
}

/** Follows prev-archive (RSS, Atom) or next_url (JSON) from the subscription document to the end. */
async function walk(format: "rss" | "atom" | "json"): Promise<Visited[]> {
  const start = siteUrl({ rss: "feed.xml", atom: "atom.xml", json: "feed.json" }[format]);
  const visited: Visited[] = [];
  for (let url: string | undefined = start; url; ) {
    if (visited.some((document) => document.url === url)) throw new Error(`the walk loops back to ${url}`);
    const document: Visited = format === "json" ? await readJsonDocument(url) : await readXmlDocument(url, format);
    visited.push(document);
    url = document.links.get(format === "json" ? "next" : "prev-archive");
  }
  return visited;
}

describe.each(["rss", "atom", "json"] as const)("walking the %s feed from its subscription document", (format) => {
  let documents: Visited[];
  beforeAll(async () => {
    documents = await walk(format);
  });

  it("reaches every published article exactly once, newest first", () => {
    const seen = documents.flatMap((document) => document.ids);
    expect(seen).toHaveLength(articleCount);
    expect(seen).toEqual(archiveIds);
  });

  it("starts with the newest feedLimit articles, then the archive pages from the newest to page 1", () => {
    const page = (number: number) => siteUrl(`feeds/archive/${format}/${number}.${format === "json" ? "json" : "xml"}`);
    expect(documents.map((document) => document.url)).toEqual([
      siteUrl({ rss: "feed.xml", atom: "atom.xml", json: "feed.json" }[format]),
      ...Array.from({ length: pageCount }, (_, index) => page(pageCount - index)),
    ]);
    expect(documents.map((document) => document.ids.length)).toEqual([
      feedLimit,
      (articleCount - feedLimit) % archivePageSize || archivePageSize,
      ...Array(pageCount - 1).fill(archivePageSize),
    ]);
    // Page 1 holds the oldest articles, so full pages keep their items as new articles arrive.
    expect(documents.at(-1)!.ids).toEqual(archiveIds.slice(-archivePageSize));
  });

  it.runIf(format !== "json")("marks archive pages fh:archive with current, prev-archive and next-archive links", () => {
    const [subscription, ...pages] = documents;
    expect(subscription!.archived).toBe(false);
    const current = subscription!.url;
    pages.forEach((page, index) => {
      const newer = documents[index]!;
      const older = documents[index + 2];
      expect(page.archived).toBe(true);
      expect(Object.fromEntries(page.links)).toEqual({
        self: page.url,
        current,
        ...(older ? { "prev-archive": older.url } : {}),
        ...(index > 0 ? { "next-archive": newer.url } : {}),
        ...(format === "atom" ? { alternate: corpusConfig.url } : {}),
      });
    });
  });
});

describe("archive pages and tag feeds pass the independent validators", () => {
  const sample = [1, Math.ceil(pageCount / 2), pageCount];
  let tagSlugs: string[];
  beforeAll(async () => {
    const index = JSON.parse(await readFile(path.join(out, "tags/index.json"), "utf8"));
    tagSlugs = index.tags.map((tag: { slug: string }) => tag.slug).slice(0, 3);
  });

  it("RSS", () => {
    const files = [...sample.map((number) => `feeds/archive/rss/${number}.xml`), "feed.xml", ...tagSlugs.map((slug) => `tags/${slug}/feed.xml`)];
    const findings = files.flatMap((file) => checkRss(path.join(out, file), siteUrl(file)));
    expect(findings).toEqual([]);
    expect(checkXmlWellFormed(files.map((file) => path.join(out, file)))).toEqual([]);
  });

  it("Atom", () => {
    const files = [...sample.map((number) => `feeds/archive/atom/${number}.xml`), "atom.xml", ...tagSlugs.map((slug) => `tags/${slug}/atom.xml`)].map((file) =>
      path.join(out, file),
    );
    expect(checkAtom(files)).toEqual([]);
    expect(checkXmlWellFormed(files)).toEqual([]);
  });

  it("JSON Feed", () => {
    const files = [...sample.map((number) => `feeds/archive/json/${number}.json`), "feed.json", ...tagSlugs.map((slug) => `tags/${slug}/feed.json`)];
    expect(checkJsonFeed(files.map((file) => path.join(out, file)))).toEqual([]);
  });
});

describe("per-tag feeds", () => {
  it("tags/index.json lists every tag with its true count and its three feeds", async () => {
    const index = JSON.parse(await readFile(path.join(out, "tags/index.json"), "utf8"));
    const counts = new Map<string, number>();
    for (const record of records) for (const tag of record.tags) counts.set(tag.slug, (counts.get(tag.slug) ?? 0) + 1);
    expect(index.tags.map((tag: { slug: string; count: number }) => [tag.slug, tag.count])).toEqual([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
    for (const tag of index.tags) {
      expect(tag.feeds).toEqual({
        rss: siteUrl(`tags/${tag.slug}/feed.xml`),
        atom: siteUrl(`tags/${tag.slug}/atom.xml`),
        json: siteUrl(`tags/${tag.slug}/feed.json`),
      });
    }
  });

  it("each tag feed holds that tag's newest feedLimit articles, in all three formats", async () => {
    const index = JSON.parse(await readFile(path.join(out, "tags/index.json"), "utf8"));
    expect(index.tags.length).toBeGreaterThanOrEqual(10);
    for (const tag of index.tags as { slug: string; name: string; feeds: { rss: string; atom: string; json: string } }[]) {
      const expected = records
        .filter((record) => record.tags.some((t) => t.slug === tag.slug))
        .map((record) => record.id)
        .slice(0, feedLimit);
      const rss = await readXmlDocument(tag.feeds.rss, "rss");
      const atom = await readXmlDocument(tag.feeds.atom, "atom");
      const json = await readJsonDocument(tag.feeds.json);
      expect({ tag: tag.slug, rss: rss.ids, atom: atom.ids, json: json.ids }).toEqual({ tag: tag.slug, rss: expected, atom: expected, json: expected });
      expect(rss.links.get("self")).toBe(tag.feeds.rss);
    }
  });
});

describe("the order archive pages are written in", () => {
  it.each([
    ["feeds/archive/rss/12.xml", "feeds/archive/12/rss"],
    ["feeds/archive/atom/3.xml", "feeds/archive/3/atom"],
    ["feeds/archive/json/1.json", "feeds/archive/1/json"],
    ["feed.xml", "feed.xml"],
    ["tags/energy/atom.xml", "tags/energy/atom.xml"],
    ["feeds/archive/rss/index.html", "feeds/archive/rss/index.html"],
  ])("%s sorts as %s", (file, key) => {
    expect(writeOrder(file)).toBe(key);
  });

  it("puts a page's three formats side by side, each page's in turn", () => {
    const files = [1, 2, 10].flatMap((number) => (["rss", "atom", "json"] as const).map((format) => archivePagePath(format, number)));
    const sorted = [...files].sort((a, b) => (writeOrder(a) < writeOrder(b) ? -1 : 1));
    const pageOf = (file: string) => /(\d+)\.\w+$/.exec(file)![1];
    expect(sorted.map(pageOf)).toEqual(["1", "1", "1", "10", "10", "10", "2", "2", "2"]);
  });
});

describe("the order a build's files are written in", () => {
  // The pages are made on the output threads, the rest on the main thread: spread among each other, both are busy.
  const pages = ["2020/01/01/a/index.html", "2020/01/02/b/index.html", "2020/01/03/c/index.html", "2020/01/04/d/index.html"];
  const rest = [
    "archive.json",
    "archive.json.gz",
    "archive/2020.json",
    "archive/index.html",
    "feed.xml",
    "feeds/archive/rss/1.xml",
    "feeds/archive/atom/1.xml",
  ];
  const sorted = (order: (file: string) => string, files = [...pages, ...rest]) => [...files].sort((a, b) => (order(a) < order(b) ? -1 : 1));

  it("spreads the articles' pages evenly among the other files", () => {
    const order = interleavedOrder([...pages, ...rest], new Set(pages));
    const written = sorted(order);
    const placesOfPages = pages.map((page) => written.indexOf(page));
    expect(placesOfPages).toEqual([...placesOfPages].sort((a, b) => a - b));
    // No two pages side by side, and other files before the first and after the last.
    expect(placesOfPages.every((place, index) => index === 0 || place - placesOfPages[index - 1]! > 1)).toBe(true);
    expect(placesOfPages[0]).toBeGreaterThan(0);
    expect(placesOfPages.at(-1)).toBeLessThan(written.length - 1);
  });

  it("keeps each set in writeOrder, with a gzip twin beside its file, so a file still waits only for files before it", () => {
    const written = sorted(interleavedOrder([...pages, ...rest], new Set(pages)));
    const others = written.filter((file) => !pages.includes(file));
    expect(others).toEqual(
      ["archive.json", "archive.json.gz", "archive/2020.json", "archive/index.html", "feed.xml", "feeds/archive/1/atom", "feeds/archive/1/rss"].map(
        (key) => rest.find((file) => writeOrder(file) === key)!,
      ),
    );
    // The archive page waits for the downloads' checksums: they come before it.
    expect(written.indexOf("archive/2020.json")).toBeLessThan(written.indexOf("archive/index.html"));
    expect(written.indexOf("archive.json.gz")).toBe(written.indexOf("archive.json") + 1);
  });

  it("without article pages, is writeOrder", () => {
    expect(sorted(interleavedOrder(rest, new Set()), rest)).toEqual(sorted(writeOrder, rest));
  });
});
