import { closeSync, openSync, readSync } from "node:fs";
import type { Config } from "../../config/schema.js";
import type { Item } from "../../build/stages/model.js";
import { newestUpdate } from "../../build/stages/model.js";
import { formatRfc3339 } from "../../text/date.js";

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

/**
 * Where each record of an archive JSON file (archive.json, a year's file) is, in its order: the
 * byte offset of the first, and for each the fingerprint of the item it is the record of and its
 * length in bytes. Records are one a line, `separator` between two, so the rest follows from these.
 */
export interface LineIndex {
  start: number;
  fingerprints: string[];
  lengths: number[];
}

const separator = Buffer.from(",\n    ");
/** Before the first record: the separator without its comma. */
const firstSeparator = separator.subarray(1);
const newline = Buffer.from("\n");
const closing = (count: number) => Buffer.from(count ? "\n  ]\n}\n" : "]\n}\n");

/** The size of the archive JSON file `index` describes: the file it was made for is this long, or it is another file. */
export function indexedSize(index: LineIndex): number {
  const count = index.lengths.length;
  return index.lengths.reduce((sum, length) => sum + length, index.start + separator.length * Math.max(0, count - 1) + closing(count).length);
}

const readAhead = 1 << 20;

/** A line of a previous file: which file, where in it and how long. */
interface Place {
  file: string;
  offset: number;
  length: number;
}

/** The records of the previous build's archive JSON files, read back by fingerprint instead of serialized again. */
export class PreviousLines {
  private readonly places = new Map<string, Place>();
  private readonly descriptors = new Map<string, number>();
  private memory = Buffer.alloc(0);
  private block = Buffer.alloc(0);
  private blockFile: string | undefined;
  private blockStart = 0;

  /**
   * @param files the previous archive JSON files, each with its line index, each found by the caller unchanged since its index was made
   */
  constructor(files: readonly { file: string; index: LineIndex }[]) {
    for (const { file, index } of files) {
      let offset = index.start;
      index.fingerprints.forEach((fingerprint, position) => {
        const length = index.lengths[position]!;
        this.places.set(fingerprint, { file, offset, length });
        offset += length + separator.length;
      });
    }
  }

  /** Whether a record of the item with `fingerprint` is there to be read. */
  has(fingerprint: string): boolean {
    return this.places.has(fingerprint);
  }

  /** The record of the item with `fingerprint`; undefined when it is not there or does not look like a record. */
  read(fingerprint: string): Buffer | undefined {
    const place = this.places.get(fingerprint);
    if (!place) return undefined;
    try {
      const line = this.bytesAt(place);
      return line.length === place.length && line[0] === 0x7b && line[place.length - 1] === 0x7d ? line : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Lines are asked for mostly in file order: read ahead a block at a time rather than a line. The
   * block's memory is read into again for the next block, so a line is good until the next `read`
   * (`RecordLines` copies it at once): 170 MB of archive read through one megabyte, not 170 new ones
   * for the collector to reclaim.
   */
  private bytesAt({ file, offset, length }: Place): Buffer {
    let descriptor = this.descriptors.get(file);
    if (descriptor === undefined) {
      descriptor = openSync(file, "r");
      this.descriptors.set(file, descriptor);
    }
    const end = offset + length;
    if (file !== this.blockFile || offset < this.blockStart || end > this.blockStart + this.block.length) {
      if (this.memory.length < length) this.memory = Buffer.allocUnsafe(Math.max(readAhead, length));
      this.block = this.memory.subarray(0, readSync(descriptor, this.memory, 0, this.memory.length, offset));
      this.blockFile = file;
      this.blockStart = offset;
    }
    return this.block.subarray(offset - this.blockStart, end - this.blockStart);
  }

  /** Closes the files; a later `read` opens them again. */
  close(): void {
    for (const descriptor of this.descriptors.values()) closeSync(descriptor);
    this.descriptors.clear();
    this.memory = Buffer.alloc(0);
    this.block = this.memory;
    this.blockFile = undefined;
  }
}

/**
 * Every record line of one build as bytes, each serialized once while it is in use: the JSON and
 * NDJSON files of a year, and archive.json and all.ndjson, hold the same lines. The most recently
 * used lines are kept up to a byte budget, so memory stays bounded at any size of archive; a line
 * a previous archive JSON file has for the same fingerprint is copied from it; with `make`, the
 * next lines a file holds are made elsewhere (another thread) while this one writes.
 */
export class RecordLines {
  private readonly recent = new Map<Item, Buffer>();
  private bytes = 0;
  private readonly lengths = new Map<Item, number>();
  private readonly making = new Map<Item, Promise<Buffer>>();

  /**
   * @param timeZone the site's time zone, in which dates are written
   * @param budget bytes of lines kept at most
   * @param previous the previous build's lines, with the fingerprint that finds an item's line there
   * @param make makes `recordLine` of an item elsewhere
   */
  constructor(
    private readonly timeZone: string,
    private readonly budget = 32 * 1024 * 1024,
    private readonly previous?: { lines: PreviousLines; fingerprint: (item: Item) => string },
    private readonly make?: (item: Item) => Promise<string | Uint8Array>,
  ) {}

  /** Starts making the lines of `items`, the next a file holds, that are neither kept nor in the previous files. */
  ahead(items: readonly Item[]): void {
    const { make, previous } = this;
    if (!make) return;
    for (const item of items) {
      if (this.recent.has(item) || this.making.has(item) || previous?.lines.has(previous.fingerprint(item))) continue;
      this.making.set(
        item,
        make(item).then((made) => (typeof made === "string" ? Buffer.from(made) : Buffer.from(made.buffer, made.byteOffset, made.byteLength))),
      );
    }
  }

  /** The record line of `item`, UTF-8, without a line break. */
  async line(item: Item): Promise<Buffer> {
    let line = this.recent.get(item);
    if (line) {
      // Most recently used last: the map's order is the eviction order.
      this.recent.delete(item);
    } else {
      const previous = this.previous?.lines.read(this.previous.fingerprint(item));
      if (previous) {
        this.lengths.set(item, previous.length);
        // A copy: the previous file's block is read into again by the next line asked for, maybe by another file's stream while this one waits.
        return Buffer.from(previous);
      }
      const making = this.making.get(item);
      this.making.delete(item);
      line = making ? await making : Buffer.from(recordLine(item, this.timeZone));
      this.bytes += line.length;
      this.lengths.set(item, line.length);
    }
    this.recent.set(item, line);
    for (const [oldest, bytes] of this.recent) {
      if (this.bytes <= this.budget) break;
      this.recent.delete(oldest);
      this.bytes -= bytes.length;
    }
    return line;
  }

  /** The line index of the archive JSON file of `config` and `items`, once each of their records was made. */
  index(config: Config, items: readonly Item[], fingerprint: (item: Item) => string): LineIndex | undefined {
    const lengths = items.map((item) => this.lengths.get(item));
    if (!lengths.every((length) => length !== undefined)) return undefined;
    return { start: opening(config, items).length + firstSeparator.length, fingerprints: items.map(fingerprint), lengths: lengths as number[] };
  }

  /** Lets go of the previous file. */
  close(): void {
    this.previous?.lines.close();
  }
}

/** How many lines ahead of the one being written are being made elsewhere: enough to keep the other threads busy, few enough to hold little memory. */
const linesAhead = 64;

/** The lines of `items` in order, the next `linesAhead` made ahead. */
async function* linesOf(items: readonly Item[], lines: RecordLines): AsyncGenerator<{ line: Buffer; first: boolean }> {
  for (const [index, item] of items.entries()) {
    if (index % (linesAhead / 2) === 0) lines.ahead(items.slice(index, index + linesAhead));
    yield { line: await lines.line(item), first: index === 0 };
  }
}

// Chunks of about this many bytes: large enough that writing 100 MB is not thousands of round trips to the file system's threads.
const CHUNK_BYTES = 1 << 20;

/** Pieces joined into chunks of about `CHUNK_BYTES`, each piece copied as it comes. */
async function* batched(pieces: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let size = 0;
  for await (const piece of pieces) {
    if (size + piece.length > chunk.length) {
      if (size > 0) yield chunk.subarray(0, size);
      chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, piece.length));
      size = 0;
    }
    size += piece.copy(chunk, size);
  }
  if (size > 0) yield chunk.subarray(0, size);
}

/** An archive JSON file's first bytes: its header, indented, and the opening of its `articles`. */
function opening(config: Config, items: readonly Item[]): Buffer {
  const header = JSON.stringify(archiveHeader(config, items), null, 2);
  return Buffer.from(`${header.slice(0, -2)},\n  "articles": [`);
}

/**
 * An archive JSON file (archive.json, a year's file) as chunks, never as one string: the header
 * indented, then one article a line, newest first, so a changed article is a one-line diff.
 * @param lines where the records come from; by default each is serialized here
 */
export function archiveJsonChunks(config: Config, items: readonly Item[], lines = new RecordLines(config.timeZone, 0)): AsyncIterable<Buffer> {
  return batched(
    (async function* () {
      yield opening(config, items);
      for await (const { line, first } of linesOf(items, lines)) {
        yield first ? firstSeparator : separator;
        yield line;
      }
      yield closing(items.length);
    })(),
  );
}

/**
 * An NDJSON file as chunks: one record a line, newest first, no header line (the manifest describes the file).
 * @param lines where the records come from; by default each is serialized here
 */
export function archiveNdjsonChunks(config: Config, items: readonly Item[], lines = new RecordLines(config.timeZone, 0)): AsyncIterable<Buffer> {
  return batched(
    (async function* () {
      for await (const { line } of linesOf(items, lines)) {
        yield line;
        yield newline;
      }
    })(),
  );
}
