// Property: articles with arbitrary Unicode in titles, bodies, tags, authors,
// captions and credits, written as real files (front matter through `yaml`'s
// stringify, so even lone surrogates arrive as YAML escapes) and built through the
// library, always give well-formed, valid feeds; every format reads back the input
// less what XML cannot carry and less the documented normalization: NFC, trim and
// whitespace collapse for inline fields, markup removal for titles. Each run checks
// in-process; xmllint, jing and feedparser run once over all runs at the end.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Element } from "@xmldom/xmldom";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { build } from "../../src/index.js";
import { normalizeCredit } from "../../src/text/image-credit.js";
import { cleanTag, uniqueTags } from "../../src/text/tags.js";
import { cleanBlock, cleanInline, plainTitle } from "../../src/text/text.js";
import { tempDir } from "../helpers/build.js";
import { checkAtom, checkJsonFeed, checkRss, checkXmlWellFormed, readWithFeedparser } from "../support/validate.js";
import { ATOM_NS, childElements, textOf } from "../support/xml.js";
import { holdsXmlInvalid, unicodeText } from "./arbitraries.js";
import { feedparserView, type ItemView, type JsonFeedItem, jsonFeedView, parseXml10 } from "./read-back.js";

// CI runs a bounded number; WIREFEED_PROPERTY_RUNS=1000 searches deeper locally.
const RUNS = Number(process.env.WIREFEED_PROPERTY_RUNS ?? 50);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
const SITE = "https://unicode.example.org/";
const CONTENT = "http://purl.org/rss/1.0/modules/content/";
const DC = "http://purl.org/dc/elements/1.1/";
const MEDIA = "http://search.yahoo.com/mrss/";

const article = fc.record({
  title: unicodeText().filter((text) => plainTitle(text) !== ""),
  // A NUL byte marks a file as binary, and UTF-8 cannot hold a lone surrogate (unicode-serializers.test.ts
  // covers those): everything else may stand in a body. Front matter carries both as YAML escapes.
  body: fc
    .array(
      unicodeText(80).map((text) => text.replaceAll("\u0000", "").replace(LONE_SURROGATE, "")),
      { maxLength: 3 },
    )
    .map((paragraphs) => paragraphs.join("\n\n")),
  author: unicodeText().filter((text) => cleanInline(text) !== ""),
  tags: fc.array(unicodeText(), { maxLength: 3 }),
  caption: unicodeText(),
  credit: unicodeText(),
});
type Article = typeof article extends fc.Arbitrary<infer T> ? T : never;

// Articles are dated a day apart, so the feeds list them newest first: the last one first.
const dayOf = (index: number) => `2022-03-${String(index + 1).padStart(2, "0")}`;
// A per-article prefix keeps tags of different articles apart, so no tag's display name is chosen across articles.
const tagsOf = (given: Article, index: number) => given.tags.map((tag) => `t${index} ${tag}`);

async function writeSite(dir: string, articles: readonly Article[]): Promise<void> {
  await writeFile(path.join(dir, "wirefeed.config.json"), JSON.stringify({ title: "Unicode", url: SITE, timeZone: "UTC" }));
  await mkdir(path.join(dir, "articles"));
  await Promise.all(
    articles.map((given, index) => {
      const frontMatter = {
        title: given.title,
        date: dayOf(index),
        authors: [{ name: given.author }],
        tags: tagsOf(given, index),
        image: { src: `/images/${index}.jpg`, caption: given.caption, credit: given.credit },
      };
      return writeFile(path.join(dir, "articles", `${dayOf(index)}-a${index}.md`), `---\n${stringify(frontMatter)}---\n\n${given.body}\n`);
    }),
  );
}

/** What the feeds must say about an article: its input through the documented normalization. */
function expectedView(given: Article, index: number): ItemView {
  const credit = normalizeCredit(cleanInline(given.credit));
  return {
    id: `tag:unicode.example.org,${dayOf(index)}:a${index}`,
    link: `${SITE}${dayOf(index).replaceAll("-", "/")}/a${index}/`,
    title: plainTitle(given.title),
    published: `${dayOf(index)}T00:00:00Z`,
    authors: [cleanInline(given.author)],
    tags: uniqueTags(tagsOf(given, index).map((tag) => cleanTag(tag))),
    credit: credit === "" ? null : credit,
  };
}

const expectedCaption = (given: Article) => (cleanBlock(given.caption) === "" ? "" : cleanInline(given.caption));

interface Built {
  views: ItemView[];
  files: { rss: string; atom: string; json: string };
}

/** Reads RSS and Atom with an XML 1.0 reader and checks each against JSON Feed: the same items, text and body. */
function checkXmlAgainstJson(rss: string, atom: string, items: readonly JsonFeedItem[]): void {
  const rssItems = childElements(childElements(parseXml10(rss).documentElement!, null, "channel")[0]!, null, "item");
  const atomEntries = childElements(parseXml10(atom).documentElement!, ATOM_NS, "entry");
  const caption = (owner: Element) => textOf(childElements(childElements(owner, MEDIA, "content")[0]!, MEDIA, "description")[0]);
  expect(
    rssItems.map((item) => ({
      title: textOf(childElements(item, null, "title")[0]),
      html: textOf(childElements(item, CONTENT, "encoded")[0]),
      authors: childElements(item, DC, "creator").map(textOf),
      tags: childElements(item, null, "category").map(textOf),
      caption: caption(item),
    })),
  ).toEqual(items.map(jsonText));
  expect(
    atomEntries.map((entry) => ({
      title: textOf(childElements(entry, ATOM_NS, "title")[0]),
      html: textOf(childElements(entry, ATOM_NS, "content")[0]),
      authors: childElements(entry, ATOM_NS, "author").map((author) => textOf(childElements(author, ATOM_NS, "name")[0])),
      tags: childElements(entry, ATOM_NS, "category").map((category) => category.getAttribute("term")),
      caption: caption(entry),
    })),
  ).toEqual(items.map(jsonText));
}

const jsonText = (item: JsonFeedItem) => ({
  title: item.title,
  html: item.content_html,
  authors: (item.authors ?? []).map((author) => author.name),
  tags: item.tags ?? [],
  caption: item._wirefeed?.image.caption ?? "",
});

describe("building articles with arbitrary Unicode", () => {
  it(`gives well-formed, valid feeds that read back the normalized input (${RUNS} runs)`, { timeout: 180_000 }, async () => {
    const built: Built[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(article, { minLength: 1, maxLength: 4 }), async (articles) => {
        const dir = await tempDir("wirefeed-unicode-build-");
        await writeSite(dir, articles);
        const out = path.join(dir, "output");
        const result = await build({ cwd: dir, out, now: "2026-11-27T00:00:00Z", cacheDir: false });
        expect(result.diagnostics).toEqual([]);
        expect(result.exitCode).toBe(0);

        const files = { rss: path.join(out, "feed.xml"), atom: path.join(out, "atom.xml"), json: path.join(out, "feed.json") };
        const [rss, atom, json] = await Promise.all([files.rss, files.atom, files.json].map((file) => readFile(file, "utf8")));
        expect([rss, atom, json].map((text) => holdsXmlInvalid(text!))).toEqual([false, false, false]);
        const items = (JSON.parse(json!) as { items: JsonFeedItem[] }).items;
        const newestFirst = articles.map((given, index) => ({ given, index })).reverse();
        const views = newestFirst.map(({ given, index }) => expectedView(given, index));
        expect(items.map(jsonFeedView)).toEqual(views);
        expect(items.map((item) => item._wirefeed?.image.caption ?? "")).toEqual(newestFirst.map(({ given }) => expectedCaption(given)));
        checkXmlAgainstJson(rss!, atom!, items);
        built.push({ views, files });
      }),
      { numRuns: RUNS, ...(process.env.WIREFEED_PROPERTY_SEED ? { seed: Number(process.env.WIREFEED_PROPERTY_SEED) } : {}) },
    );

    const rssFiles = built.map(({ files }) => files.rss);
    const atomFiles = built.map(({ files }) => files.atom);
    expect(checkXmlWellFormed([...rssFiles, ...atomFiles])).toEqual([]);
    expect(checkAtom(atomFiles)).toEqual([]);
    expect(rssFiles.flatMap((file) => checkRss(file, `${SITE}feed.xml`))).toEqual([]);
    expect(checkJsonFeed(built.map(({ files }) => files.json))).toEqual([]);

    // feedparser, the parser under many readers, must read every document cleanly and see the same items.
    const read = readWithFeedparser([...rssFiles, ...atomFiles]);
    expect(read.filter((result) => result.bozo !== 0)).toEqual([]);
    const expectedViews = built.map(({ views }) => views);
    expect(read.slice(0, built.length).map((result) => result.entries.map(feedparserView))).toEqual(expectedViews);
    expect(read.slice(built.length).map((result) => result.entries.map(feedparserView))).toEqual(expectedViews);
  });
});
