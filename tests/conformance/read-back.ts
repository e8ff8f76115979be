// What a reader sees in each format, read back by parsers that did not write it:
// feedparser for RSS and Atom, JSON.parse for JSON Feed. The views hold only what
// must be the same across formats, so three views can be compared with toEqual.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DOMParser, type Document, MIME_TYPE } from "@xmldom/xmldom";
import type { FeedparserEntry } from "../support/validate.js";
import { isReplacementCharacterWarning } from "../support/xml.js";

/** One item as a reader sees it, in a form that every format can express. */
export interface ItemView {
  id: string | null;
  link: string | null;
  title: string | null;
  /** UTC, to the second. */
  published: string | null;
  authors: (string | null)[];
  tags: (string | null)[];
  credit: string | null;
}

/** RFC 3339 with an offset, as UTC to the second: how feedparser prints dates. */
export const utcSecond = (date: string): string => new Date(date).toISOString().replace(/\.\d{3}Z$/, "Z");

/** An RSS or Atom entry as feedparser read it. */
export function feedparserView(entry: FeedparserEntry): ItemView {
  return {
    id: entry.id,
    link: entry.link,
    title: entry.title,
    published: entry.published,
    authors: entry.authors.map((author) => author.name),
    tags: entry.tags,
    credit: entry.mediaCredit[0] ?? null,
  };
}

/** The shape of a JSON Feed 1.1 item, as far as the views need it. */
export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary: string;
  image?: string;
  date_published: string;
  date_modified: string;
  authors?: { name: string; url?: string }[];
  tags?: string[];
  language?: string;
  _wirefeed?: { image: { url: string; mime_type?: string; alt?: string; caption?: string; credit?: string } };
}

/** A JSON Feed item as JSON.parse read it. */
export function jsonFeedView(item: JsonFeedItem): ItemView {
  return {
    id: item.id,
    link: item.url,
    title: item.title,
    published: utcSecond(item.date_published),
    authors: (item.authors ?? []).map((author) => author.name),
    tags: item.tags ?? [],
    credit: item._wirefeed?.image.credit ?? null,
  };
}

/** Reads and parses a built feed.json. */
export async function readJsonFeed(out: string, file = "feed.json"): Promise<{ items: JsonFeedItem[] } & Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(out, file), "utf8")) as { items: JsonFeedItem[] } & Record<string, unknown>;
}

/**
 * Parses XML strictly, throwing on any warning or error, with XML 1.0 line-end handling:
 * xmldom's default follows XML 1.1 and reads U+0085, U+2028 and U+2029 as LF, which a
 * libxml2 or expat based reader does not.
 */
export function parseXml10(text: string): Document {
  const problems: string[] = [];
  const document = new DOMParser({
    normalizeLineEndings: (source: string) => source.replace(/\r\n?/g, "\n"),
    onError: (level, message) => {
      if (!isReplacementCharacterWarning(level, message)) problems.push(`${level}: ${message}`);
    },
  }).parseFromString(text, MIME_TYPE.XML_TEXT);
  if (problems.length > 0) throw new Error(`not well-formed: ${problems.join("; ")}`);
  return document;
}
