// Property: the serializers, called through their API with arbitrary Unicode (lone
// surrogates and XML-invalid characters included, which no article file can hold),
// always write well-formed, valid feeds whose text reads back as given, less what
// XML cannot carry. In-process checks run per case; xmllint, jing and feedparser
// run once over every case's files at the end, to keep the run short.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Item } from "../../src/build/stages/model.js";
import { renderAtom } from "../../src/formats/atom.js";
import { renderJsonFeed } from "../../src/formats/json-feed.js";
import { leadFigure } from "../../src/formats/lead-figure.js";
import { renderRss } from "../../src/formats/rss.js";
import { checkAtom, checkJsonFeed, checkRss, checkXmlWellFormed, readWithFeedparser } from "../support/validate.js";
import { ATOM_NS, childElements, textOf } from "../support/xml.js";
import { tempDir } from "../helpers/build.js";
import { makeItem, makePage, SITE, siteConfig } from "../serialize/pages.js";
import { asXmlText, holdsXmlInvalid, unicodeText, withoutXmlInvalid } from "./arbitraries.js";
import { type JsonFeedItem, parseXml10 } from "./read-back.js";

// CI runs a bounded number; WIREFEED_PROPERTY_RUNS=1000 searches deeper locally.
const RUNS = Number(process.env.WIREFEED_PROPERTY_RUNS ?? 100);
const CONTENT = "http://purl.org/rss/1.0/modules/content/";
const DC = "http://purl.org/dc/elements/1.1/";
const MEDIA = "http://search.yahoo.com/mrss/";

/**
 * A title a feed can show: something visible is left once XML has dropped what it
 * cannot carry. NEL counts as a line end too: xmldom, like XML 1.1 parsers, reads it
 * as LF, so a title of NEL alone is blank to such a reader.
 */
const title = unicodeText().filter((text) => /[^\s\u0085]/u.test(asXmlText(text)));

const itemFields = fc.record({
  title,
  summary: unicodeText(60),
  html: unicodeText(120),
  authors: fc.uniqueArray(unicodeText(), { minLength: 1, maxLength: 2 }),
  tags: fc.array(unicodeText(), { maxLength: 3 }),
  caption: unicodeText(),
  credit: unicodeText(),
  alt: unicodeText(),
});
type ItemFields = typeof itemFields extends fc.Arbitrary<infer T> ? T : never;

const toItem = (fields: ItemFields, index: number): Item =>
  makeItem({
    id: `tag:news.example.org,2022-02-25:item-${index}`,
    url: `${SITE}2022/02/25/item-${index}/`,
    date: new Date(Date.UTC(2022, 1, 25, 10, 0, 0) - index * 60_000),
    updated: new Date(Date.UTC(2022, 1, 25, 12, 0, 0) - index * 60_000),
    title: fields.title,
    summary: fields.summary,
    html: fields.html,
    authors: fields.authors.map((name) => ({ name })),
    tags: fields.tags.map((name, tagIndex) => ({ name, slug: `tag-${tagIndex}` })),
    image: { url: `${SITE}images/${index}.jpg`, type: "image/jpeg", caption: fields.caption, credit: fields.credit, alt: fields.alt },
  });

/** The HTML an item carries: the lead image's figure (its caption, credit and alt are arbitrary too), then the body. */
const carriedHtml = (fields: ItemFields, index: number): string => `${leadFigure(siteConfig(), toItem(fields, index))}\n${fields.html}`;

// RSS descriptions are HTML; the serializer escapes the plain-text summary for it.
const decodeHtmlText = (html: string): string => html.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");

function checkRssReadsBack(xml: string, given: readonly ItemFields[]): void {
  const items = childElements(childElements(parseXml10(xml).documentElement!, null, "channel")[0]!, null, "item");
  expect(
    items.map((item) => {
      const media = childElements(item, MEDIA, "content")[0]!;
      return {
        title: textOf(childElements(item, null, "title")[0]),
        summary: decodeHtmlText(textOf(childElements(item, null, "description")[0])),
        html: textOf(childElements(item, CONTENT, "encoded")[0]),
        authors: childElements(item, DC, "creator").map(textOf),
        tags: childElements(item, null, "category").map(textOf),
        caption: textOf(childElements(media, MEDIA, "description")[0]),
        credit: textOf(childElements(media, MEDIA, "credit")[0]),
        alt: textOf(childElements(media, MEDIA, "text")[0]),
      };
    }),
  ).toEqual(given.map((fields, index) => readableAsXmlText(fields, index)));
}

function checkAtomReadsBack(xml: string, given: readonly ItemFields[]): void {
  const entries = childElements(parseXml10(xml).documentElement!, ATOM_NS, "entry");
  expect(
    entries.map((entry) => {
      const media = childElements(entry, MEDIA, "content")[0]!;
      return {
        title: textOf(childElements(entry, ATOM_NS, "title")[0]),
        summary: textOf(childElements(entry, ATOM_NS, "summary")[0]),
        html: textOf(childElements(entry, ATOM_NS, "content")[0]),
        authors: childElements(entry, ATOM_NS, "author").map((author) => textOf(childElements(author, ATOM_NS, "name")[0])),
        // Attribute values keep CR: the serializer writes it as a character reference.
        tags: childElements(entry, ATOM_NS, "category").map((category) => asXmlText(category.getAttribute("term") ?? "")),
        caption: textOf(childElements(media, MEDIA, "description")[0]),
        credit: textOf(childElements(media, MEDIA, "credit")[0]),
        alt: textOf(childElements(media, MEDIA, "text")[0]),
      };
    }),
  ).toEqual(given.map((fields, index) => readableAsXmlText(fields, index)));
}

// Empty media fields are written as no element, which reads back as "".
function readableAsXmlText(fields: ItemFields, index: number) {
  return {
    title: asXmlText(fields.title),
    summary: asXmlText(fields.summary),
    html: asXmlText(carriedHtml(fields, index)),
    authors: fields.authors.map(asXmlText),
    tags: fields.tags.map(asXmlText),
    caption: asXmlText(fields.caption),
    credit: asXmlText(fields.credit),
    alt: asXmlText(fields.alt),
  };
}

function checkJsonReadsBack(json: string, given: readonly ItemFields[]): void {
  const items = (JSON.parse(json) as { items: JsonFeedItem[] }).items;
  expect(
    items.map((item) => ({
      title: item.title,
      summary: item.summary,
      html: item.content_html,
      authors: (item.authors ?? []).map((author) => author.name),
      tags: item.tags ?? [],
      caption: item._wirefeed?.image.caption ?? "",
      credit: item._wirefeed?.image.credit ?? "",
      alt: item._wirefeed?.image.alt ?? "",
    })),
  ).toEqual(
    given.map((fields, index) => ({
      title: withoutXmlInvalid(fields.title),
      summary: withoutXmlInvalid(fields.summary),
      html: withoutXmlInvalid(carriedHtml(fields, index)),
      authors: fields.authors.map(withoutXmlInvalid),
      tags: fields.tags.map(withoutXmlInvalid),
      caption: withoutXmlInvalid(fields.caption),
      credit: withoutXmlInvalid(fields.credit),
      alt: withoutXmlInvalid(fields.alt),
    })),
  );
}

describe("the serializers with arbitrary Unicode", () => {
  it(`write well-formed, valid feeds that read back as given (${RUNS} runs)`, { timeout: 180_000 }, async () => {
    const root = await tempDir("wirefeed-unicode-api-");
    const written: { rss: string; atom: string; json: string }[] = [];
    fc.assert(
      fc.property(fc.array(itemFields, { minLength: 1, maxLength: 3 }), (given) => {
        const page = makePage(given.map(toItem), siteConfig());
        const rss = renderRss(page);
        const atom = renderAtom(page);
        const json = renderJsonFeed({ ...page, selfUrl: `${SITE}feed.json` });
        expect(holdsXmlInvalid(rss) || holdsXmlInvalid(atom) || holdsXmlInvalid(json)).toBe(false);
        checkRssReadsBack(rss, given);
        checkAtomReadsBack(atom, given);
        checkJsonReadsBack(json, given);
        const folder = path.join(root, String(written.length));
        mkdirSync(folder);
        const files = { rss: path.join(folder, "feed.xml"), atom: path.join(folder, "atom.xml"), json: path.join(folder, "feed.json") };
        writeFileSync(files.rss, rss);
        writeFileSync(files.atom, atom);
        writeFileSync(files.json, json);
        written.push(files);
      }),
      { numRuns: RUNS },
    );
    const xml = written.flatMap(({ rss, atom }) => [rss, atom]);
    expect(checkXmlWellFormed(xml)).toEqual([]);
    expect(checkAtom(written.map(({ atom }) => atom))).toEqual([]);
    expect(written.flatMap(({ rss }) => checkRss(rss, `${SITE}feed.xml`))).toEqual([]);
    expect(checkJsonFeed(written.map(({ json }) => json))).toEqual([]);
    expect(readWithFeedparser(xml).filter((read) => read.bozo !== 0)).toEqual([]);
  });
});
