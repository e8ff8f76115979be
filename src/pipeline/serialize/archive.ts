import type { Config } from "../../config/schema.js";
import type { Item } from "../model.js";
import { newestUpdate } from "../model.js";
import { formatRfc3339 } from "../normalize/date.js";

/** Version of the archive format; bumped on any incompatible change to a record or a file. */
export const archiveFormatVersion = 1;

/** One article as the archive keeps it: every normalized field, the HTML and the plain text. */
export function archiveRecord(item: Item, timeZone: string) {
  const image = item.image;
  return {
    id: item.id,
    url: item.url,
    slug: item.slug,
    title: item.title,
    ...(item.description ? { description: item.description } : {}),
    summary: item.summary,
    date_published: formatRfc3339(item.date, timeZone),
    date_modified: formatRfc3339(item.updated, timeZone),
    authors: item.authors.map((author) => ({ ...author })),
    tags: item.tags.map((tag) => ({ name: tag.name, slug: tag.slug })),
    ...(image
      ? {
          image: {
            url: image.url,
            ...(image.type ? { mime_type: image.type } : {}),
            ...(image.length !== undefined ? { length: image.length } : {}),
            ...(image.alt ? { alt: image.alt } : {}),
            ...(image.caption ? { caption: image.caption } : {}),
            ...(image.credit ? { credit: image.credit, credit_as_written: image.creditAsWritten } : {}),
          },
        }
      : {}),
    ...(item.lang ? { language: item.lang } : {}),
    source: item.source,
    content_html: item.html,
    content_text: item.text,
  };
}

/** One record as a single line of JSON: an NDJSON line, and an element of the JSON files' `articles`. */
export const recordLine = (item: Item, timeZone: string): string => JSON.stringify(archiveRecord(item, timeZone));

/** The site as every archive file names it. */
export function archiveSite(config: Config) {
  return {
    title: config.title,
    url: config.url,
    ...(config.description ? { description: config.description } : {}),
    language: config.language,
  };
}

/** The header every archive JSON file starts with. */
export function archiveHeader(config: Config, items: readonly Item[]) {
  return {
    format: "wirefeed-archive",
    version: archiveFormatVersion,
    site: archiveSite(config),
    count: items.length,
    newest: items.length ? formatRfc3339(newestUpdate(items), config.timeZone) : null,
  };
}

// Chunks of about this many characters: large enough that a stream is not a syscall per record.
const CHUNK_CHARS = 1 << 16;

function* batched(pieces: Iterable<string>): Generator<string> {
  let buffer = "";
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

/**
 * An archive JSON file (archive.json, a year's file) as chunks, never as one string: the header
 * indented, then one article a line, newest first, so a changed article is a one-line diff.
 */
export function archiveJsonChunks(config: Config, items: readonly Item[]): Iterable<string> {
  const header = JSON.stringify(archiveHeader(config, items), null, 2);
  return batched(
    (function* () {
      yield `${header.slice(0, -2)},\n  "articles": [`;
      let first = true;
      for (const item of items) {
        yield `${first ? "" : ","}\n    ${recordLine(item, config.timeZone)}`;
        first = false;
      }
      yield items.length ? "\n  ]\n}\n" : "]\n}\n";
    })(),
  );
}

/** An NDJSON file as chunks: one record a line, newest first, no header line (the manifest describes the file). */
export function archiveNdjsonChunks(config: Config, items: readonly Item[]): Iterable<string> {
  return batched(
    (function* () {
      for (const item of items) yield `${recordLine(item, config.timeZone)}\n`;
    })(),
  );
}
