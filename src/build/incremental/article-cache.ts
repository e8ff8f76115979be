import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { ArticleProblem, ArticleRecord, RenderedArticle } from "../stages/article.js";
import { type ArticleMeta, isPublished } from "../stages/meta/index.js";
import { exactStamp } from "./file-stamp.js";
import type { WrittenOutputs } from "./previous-output.js";

/**
 * The persistent cache of prepared articles. Layout of the cache folder:
 * - `manifest.bin`: every article of the last build by key (problems and normalized metadata,
 *   no bodies), and what the last build wrote, so an unchanged build reads one file;
 * - `articles/ab/<key>.bin`: the rendered body and summary of one article, and its item in each
 *   feed format, joined into every feed document that holds it (see `storeRendered`).
 * Every file is sealed: a magic line, the HMAC-SHA256 of the payload under a key kept outside the
 * cache (`cacheSealingKey`), then the payload (V8 serialization, which keeps Dates and key order, so
 * cached and fresh records are identical). A file that is truncated, corrupt, foreign, from another
 * version or config, or sealed without the key (rewritten by someone who could write the cache but
 * not read the key) is never trusted: it reads as missing, and the article is prepared again.
 */

const magic = Buffer.from("wirefeed-cache\n5\n");
const digestLength = 32;

/**
 * Where the cache's key is kept when `WIREFEED_CACHE_KEY` is not set: the user's state folder
 * (`$XDG_STATE_HOME/wirefeed/cache-key`, by default `~/.local/state/wirefeed/cache-key`), never the
 * cache folder, so that a cache restored from elsewhere cannot bring its own key.
 */
export function cacheKeyFile(): string {
  const state = process.env.XDG_STATE_HOME || (process.platform === "win32" ? process.env.LOCALAPPDATA : undefined) || path.join(homedir(), ".local", "state");
  return path.join(state, "wirefeed", "cache-key");
}

let sealingKey: Buffer | undefined;
/** False when this process seals with a key of its own, which no later build will have. */
let sealingKeyKept = true;

/**
 * The key every cache file is sealed with: `WIREFEED_CACHE_KEY` when it is set (CI keeps it as a
 * secret, beside a cache it restores), else the key file of `cacheKeyFile()`, made of 32 random bytes
 * and created readable by its owner only on first use. When that file can be neither read nor
 * created, this process seals with a key of its own: its cache is then used by no later build.
 */
export function cacheSealingKey(): Buffer {
  if (sealingKey) return sealingKey;
  const given = process.env.WIREFEED_CACHE_KEY;
  if (given) {
    sealingKey = Buffer.from(given, "utf8");
    return sealingKey;
  }
  const file = cacheKeyFile();
  const stored = (): Buffer | undefined => {
    try {
      const bytes = readFileSync(file);
      return bytes.length >= 32 ? bytes : undefined;
    } catch {
      return undefined;
    }
  };
  sealingKey = stored();
  if (sealingKey) return sealingKey;
  const fresh = randomBytes(32);
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, fresh, { flag: "wx", mode: 0o600 });
    sealingKey = fresh;
  } catch {
    // Another build created it first, or the folder is not writable.
    sealingKey = stored();
    if (!sealingKey) {
      sealingKey = fresh;
      sealingKeyKept = false;
    }
  }
  return sealingKey;
}

/**
 * The key file this process could neither read nor create, so that what it caches is reused by no
 * later build; undefined when the key is kept (or given in `WIREFEED_CACHE_KEY`).
 */
export function unkeptSealingKey(): string | undefined {
  cacheSealingKey();
  return sealingKeyKept ? undefined : cacheKeyFile();
}

/** Seals with `key` from now on in this thread: a render thread is given its main thread's key. */
export function useSealingKey(key: Uint8Array): void {
  sealingKey = Buffer.from(key);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

const digestOf = (payload: Uint8Array): Buffer => createHmac("sha256", cacheSealingKey()).update(payload).digest();

/** An article as the manifest keeps it: everything but the body. */
export interface CachedArticle {
  problems: ArticleProblem[];
  meta?: ArticleMeta;
  /** Whether `articles/<key>.bin` holds its body. */
  rendered: boolean;
  /** The summary made from the body, so that the body need not be read to know it; absent when it is the description. */
  summary?: string;
  /** The article file, relative to the articles folder, and its stamp when it was read (see `fileStamps`). */
  source?: string;
  stamp?: string;
}

/**
 * The record a cached article stands for at `now`, with its body left in the cache; undefined
 * when it cannot stand for one: a scheduled article that fell due was cached without a body.
 */
export function recordOf(key: string, cached: CachedArticle, now: number): ArticleRecord | undefined {
  const { problems, meta } = cached;
  if (!meta) return { state: "invalid", key, problems };
  if (!isPublished(meta, now)) return { state: "parsed", key, problems, meta };
  if (!cached.rendered) return undefined;
  return { state: "rendered", key, problems, meta, summary: cached.summary ?? meta.description ?? "", body: { stored: key } };
}

/**
 * The manifest proper: what the last build wrote, and the checksum of each shard of articles.
 * Articles are kept in shards by the first digit of their key, so that a build that changed one
 * article rewrites a sixteenth of them, and no file or buffer ever holds them all.
 */
interface Manifest {
  prefix: string;
  outputs?: WrittenOutputs;
  shards: Record<string, string>;
}

interface Shard {
  prefix: string;
  articles: Map<string, CachedArticle>;
}

const shardNames = Array.from({ length: 16 }, (_, digit) => digit.toString(16));
const shardOf = (key: string): string => key[0]!;
const shardPath = (dir: string, shard: string) => path.join(dir, `articles-${shard}.bin`);

/** What decides a shard's bytes: its keys, and the stamps that go with them (the rest is a function of the key). */
function shardSignature(articles: Iterable<[string, CachedArticle]>): string {
  const hash = createHash("sha256");
  // `rendered` too: a scheduled article that falls due keeps its key and stamp but gains a body.
  for (const [key, { source, stamp, rendered }] of [...articles].sort(([a], [b]) => (a < b ? -1 : 1)))
    hash.update(`${key}\0${source ?? ""}\0${stamp ?? ""}\0${rendered}\n`);
  return hash.digest("hex");
}

function seal(value: unknown): Buffer[] {
  const payload = serialize(value);
  return [magic, digestOf(payload), payload];
}

/**
 * `value` with every string of text (a body, an item) as its UTF-8 bytes. V8 serializes a string
 * with one character beyond Latin-1 (a curly quote) at two bytes a character: stored as UTF-8, a
 * body and its items take half the bytes to write and to read. Only for values whose bytes are all
 * text (bytes are kept as they are), so that every Uint8Array `unpackText` meets is UTF-8.
 */
export function packText(value: unknown): unknown {
  if (value instanceof Uint8Array) return value;
  if (typeof value === "string") return value.length >= packedLength ? Buffer.from(value) : value;
  if (Array.isArray(value)) return value.map(packText);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([name, field]) => [name, packText(field)]));
  return value;
}

/** The value `packText` was given. */
export function unpackText(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("utf8");
  if (Array.isArray(value)) return value.map(unpackText);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([name, field]) => [name, unpackText(field)]));
  return value;
}

/** Shorter strings are left as they are: their bytes matter little, and a Uint8Array costs more to serialize than a short string. */
const packedLength = 64;

/** The sealed value, or undefined for anything `seal` did not make intact. */
function unseal(bytes: Buffer): unknown {
  if (bytes.length < magic.length + digestLength || !bytes.subarray(0, magic.length).equals(magic)) return undefined;
  return verified(bytes.subarray(magic.length, magic.length + digestLength), bytes.subarray(magic.length + digestLength));
}

/** The value of `payload` when `digest` is its HMAC under the cache's key, else undefined. */
function verified(digest: Buffer, payload: Buffer): unknown {
  return timingSafeEqual(digestOf(payload), digest) ? readValue(payload) : undefined;
}

/** The value V8 serialized as `payload`, or undefined for bytes it cannot read. */
function readValue(payload: Buffer): unknown {
  try {
    return deserialize(payload);
  } catch {
    return undefined;
  }
}

/** Writes a sealed value without joining its parts into one more buffer: a manifest can be large. */
async function writeSealed(file: string, value: unknown): Promise<string> {
  const parts = seal(value);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, "w");
    try {
      await handle.writev(parts);
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return parts[1]!.toString("hex");
}

/**
 * Makes folder `dir` and its missing parents one at a time, so that a folder that cannot be made
 * fails at once with the system's error (EACCES, EROFS, ENOENT): Node's recursive mkdir never
 * returns where the file system answers ENOENT to every attempt (below /proc, for one).
 */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (
    let at = path.resolve(dir);
    !(await stat(at).then(
      () => true,
      () => false,
    ));
  ) {
    missing.push(at);
    if (path.dirname(at) === at) break;
    at = path.dirname(at);
  }
  for (const folder of missing.reverse())
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
}

/**
 * One article's file, `articles/ab/<key>.bin`: its body, then (once they are made) its feed items
 * with the full content, then those with the summary, each sealed on its own so that any is read
 * without the others (a tag feed wants the summary items alone, a tenth of the bytes): after the
 * magic line, for each part its payload's length (4 bytes), its HMAC, then the payload. A render
 * thread writes all three at once, in one file: a cold build creates one file an article. A length
 * of 0 is a part not there.
 */
const articlePath = (dir: string, key: string) => path.join(dir, "articles", key.slice(0, 2), `${key}.bin`);

/** The file an article's items had to themselves before they joined its body: removed with it. */
const formerItemsPath = (dir: string, key: string) => path.join(dir, "articles", key.slice(0, 2), `${key}.items.bin`);

const lengthBytes = 4;

/** One sealed part: its length, its HMAC and its payload; no bytes at all for a part not there. */
function sealPart(value: unknown | undefined): Buffer[] {
  if (value === undefined) return [Buffer.alloc(lengthBytes)];
  const payload = serialize(value);
  const length = Buffer.alloc(lengthBytes);
  length.writeUInt32BE(payload.length);
  return [length, digestOf(payload), payload];
}

/** The value of a sealed part, or undefined for one not there or that `sealPart` did not make intact. */
function openPart(part: Buffer | undefined): unknown {
  if (!part || part.length <= lengthBytes) return undefined;
  return verified(part.subarray(lengthBytes, lengthBytes + digestLength), part.subarray(lengthBytes + digestLength));
}

/** The value of a sealed part whose HMAC was checked before, when its file was read with the same stamp. */
function deserializedPart(part: Buffer): unknown {
  return part.length <= lengthBytes ? undefined : readValue(part.subarray(lengthBytes + digestLength));
}

const madeFolders = new Set<string>();

/**
 * Writes `key`'s file whole (synchronously: a render thread has nothing else to do meanwhile) under
 * another name first, so that a reader sees the old file or the new; returns the stamp of the file in place.
 */
function writeArticleFile(dir: string, key: string, parts: readonly Buffer[]): string {
  const file = articlePath(dir, key);
  const folder = path.dirname(file);
  if (!madeFolders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    madeFolders.add(folder);
  }
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([magic, ...parts]));
  renameSync(temporary, file);
  return exactStamp(statSync(file, { bigint: true }));
}

/** Items as `storeItems` is given them, with what they were made from. */
export interface ItemsMade {
  fingerprint: string;
  items: StoredItems;
}

/** The items' parts of an article's file: one for each kind of content, in the order of `itemContents`. */
const itemsParts = (key: string, made: ItemsMade | undefined): Buffer[] =>
  itemContents.flatMap((content) => sealPart(made && { key, fingerprint: made.fingerprint, content, items: made.items[content] }));

/**
 * Stores the rendered body of one article, and its feed items when they are made with it (on a
 * render thread); called from render workers too.
 * @param dir the cache folder
 * @param key the article's key
 * @param rendered its body and summary
 * @param items its items, and what they were made from
 * @returns the stamp of the file written: while the file keeps it, its parts are the ones sealed
 *   here, and the build that wrote them need not check their seals again (see `readStoredItems`)
 */
export function storeRendered(dir: string, key: string, rendered: RenderedArticle, items?: ItemsMade): string {
  return writeArticleFile(dir, key, [...sealPart({ key, rendered: packText(rendered) }), ...itemsParts(key, items)]);
}

/**
 * The stored body of `key` in the cache folder `dir`, read synchronously, or undefined when it is
 * missing or cannot be trusted.
 */
export function readStoredBody(dir: string, key: string): RenderedArticle | undefined {
  // The body alone: the items after it are twice its bytes.
  const value = openPart(readPartAt(dir, key, 0)?.part);
  if (!isObject(value) || value.key !== key || !isObject(value.rendered)) return undefined;
  return unpackText(value.rendered) as RenderedArticle;
}

/** An article's item in each feed format, as every document that holds it carries it: UTF-8. */
export type ItemForms = Record<(typeof itemFormats)[number], Buffer>;

/** An article's items with its full content and with its summary only. */
export type StoredItems = Record<(typeof itemContents)[number], ItemForms>;

/** The forms an article's item is kept in: each feed format, with the full content and with the summary. */
export const itemFormats = ["rss", "atom", "json"] as const;
export const itemContents = ["full", "summary"] as const;

/** The stored items of one kind as Buffers (V8 may give them back as plain Uint8Arrays), or undefined for anything else. */
function itemForms(value: unknown): ItemForms | undefined {
  if (!isObject(value)) return undefined;
  const forms = {} as Record<string, Buffer>;
  for (const format of itemFormats) {
    const found = value[format];
    if (!(found instanceof Uint8Array)) return undefined;
    forms[format] = Buffer.from(found.buffer, found.byteOffset, found.byteLength);
  }
  return forms as ItemForms;
}

/**
 * Stores the feed items of one article beside its body (which is kept as it is sealed; an article
 * whose body is not there keeps its items alone).
 * @param dir the cache folder
 * @param key the article's key
 * @param made the item's UTF-8 bytes in each format, and what they were made from besides the key (its resolved tags, the serializers' code)
 */
export function storeItems(dir: string, key: string, made: ItemsMade): void {
  const body = readPartAt(dir, key, 0)?.part;
  const value = openPart(body);
  const keptBody = body && isObject(value) && value.key === key ? [body] : sealPart(undefined);
  writeArticleFile(dir, key, [...keptBody, ...itemsParts(key, made)]);
}

/**
 * Part `index` of `key`'s file alone, with the file's stamp (device, inode, size and times, taken
 * from the file that was read): the parts before it are skipped by their lengths, not read.
 */
function readPartAt(dir: string, key: string, index: number): { part: Buffer; stamp: string } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(articlePath(dir, key), "r");
    const info = fstatSync(fd, { bigint: true });
    const head = Buffer.alloc(magic.length);
    if (readSync(fd, head, 0, magic.length, 0) !== magic.length || !head.equals(magic)) return undefined;
    const length = Buffer.alloc(lengthBytes);
    for (let at = magic.length, part = 0; ; part++) {
      if (readSync(fd, length, 0, lengthBytes, at) !== lengthBytes) return undefined;
      const payload = length.readUInt32BE(0);
      const size = lengthBytes + (payload === 0 ? 0 : digestLength + payload);
      if (part === index) {
        const bytes = Buffer.allocUnsafe(size);
        if (readSync(fd, bytes, 0, size, at) !== size) return undefined;
        return { part: bytes, stamp: exactStamp(info) };
      }
      at += size;
    }
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** How `readStoredItems`' `verified` names the items of `key` with `content`. */
export const verifiedPart = (content: (typeof itemContents)[number], key: string): string => `${content} ${key}`;

/**
 * The stored items of `key` with `content`, made from `fingerprint`, or undefined when they are missing, stale or cannot be trusted.
 * @param verified stamps of the parts whose seal this build has checked: a build reads an
 *   article's items up to five times (its tags' feeds, an archive page), and a file with the same
 *   stamp holds the same bytes (a cache file is replaced, never written in place), so its HMAC is
 *   computed once, not each time
 */
export function readStoredItems(
  dir: string,
  key: string,
  fingerprint: string,
  content: (typeof itemContents)[number],
  verified?: Map<string, string>,
): ItemForms | undefined {
  const read = readPartAt(dir, key, 1 + itemContents.indexOf(content));
  if (!read) return undefined;
  const { part, stamp } = read;
  const checked = verifiedPart(content, key);
  const known = verified?.get(checked) === stamp;
  const value = known ? deserializedPart(part) : openPart(part);
  if (!isObject(value) || value.key !== key || value.fingerprint !== fingerprint || value.content !== content) return undefined;
  if (!known) verified?.set(checked, stamp);
  return itemForms(value.items);
}

/** The cache of one build: read once at the start, saved once at the end. */
export class ArticleCache {
  /** Whether a manifest was there but could not be trusted (and is being rebuilt). */
  readonly rebuilt: boolean;
  private readonly keyBySource = new Map<string, string>();

  private constructor(
    readonly dir: string,
    private readonly prefix: string,
    private readonly manifest: Manifest | undefined,
    private readonly articles: Map<string, CachedArticle>,
    /** The signature of each shard read intact, to know which need no rewriting. */
    private readonly signatures: Map<string, string>,
    rebuilt: boolean,
  ) {
    this.rebuilt = rebuilt;
    for (const [key, { source, stamp }] of articles) if (source !== undefined && stamp !== undefined) this.keyBySource.set(source, key);
  }

  /**
   * Opens the cache in `dir` for a build whose key prefix is `prefix`; a missing or untrusted cache
   * opens empty, and a shard that is missing or does not match the manifest's checksum opens without its articles.
   * @param dir the cache folder (created on save)
   * @param prefix from `keyPrefix`
   */
  static async open(dir: string, prefix: string): Promise<ArticleCache> {
    const articles = new Map<string, CachedArticle>();
    const signatures = new Map<string, string>();
    const bytes = await readFile(path.join(dir, "manifest.bin")).catch(() => undefined);
    if (bytes === undefined) return new ArticleCache(dir, prefix, undefined, articles, signatures, false);
    const value = unseal(bytes);
    const valid = isObject(value) && typeof value.prefix === "string" && isObject(value.shards);
    if (!valid) return new ArticleCache(dir, prefix, undefined, articles, signatures, true);
    const manifest = value as unknown as Manifest;
    if (manifest.prefix === prefix) {
      for (const shard of shardNames) {
        const sealed = await readFile(shardPath(dir, shard)).catch(() => undefined);
        if (!sealed || sealed.subarray(magic.length, magic.length + digestLength).toString("hex") !== manifest.shards[shard]) continue;
        const content = unseal(sealed);
        if (!isObject(content) || content.prefix !== prefix || !(content.articles instanceof Map)) continue;
        const shardArticles = (content as unknown as Shard).articles;
        for (const [key, article] of shardArticles) if (shardOf(key) === shard) articles.set(key, article);
        signatures.set(shard, shardSignature(shardArticles));
      }
    }
    return new ArticleCache(dir, prefix, manifest, articles, signatures, false);
  }

  /** The cached article of `key`, if the manifest was made with the same version and config. */
  lookup(key: string): CachedArticle | undefined {
    return this.articles.get(key);
  }

  /**
   * The key of `source` without reading it, when its stamp is the one recorded with a cached article.
   * @param source the file relative to the articles folder
   * @param stamp from `fileStamps`
   */
  stampedKey(source: string, stamp: string | undefined): string | undefined {
    if (stamp === undefined) return undefined;
    const key = this.keyBySource.get(source);
    return key !== undefined && this.articles.get(key)?.stamp === stamp ? key : undefined;
  }

  /** Whether no article can be found here: then there is no point in hashing files to look them up. */
  get empty(): boolean {
    return this.articles.size === 0;
  }

  /** Whether saving `articles` would write every shard as it is: then, with the same outputs, the manifest too. */
  holdsExactly(articles: ReadonlyMap<string, CachedArticle>): boolean {
    const next = this.shardSignatures(articles);
    return shardNames.every((shard) => this.signatures.get(shard) === next.get(shard));
  }

  private shardSignatures(articles: ReadonlyMap<string, CachedArticle>): Map<string, string> {
    return new Map(this.byShard(articles).map(([shard, entries]) => [shard, shardSignature(entries)]));
  }

  private byShard(articles: ReadonlyMap<string, CachedArticle>): [string, [string, CachedArticle][]][] {
    const shards = new Map<string, [string, CachedArticle][]>(shardNames.map((shard) => [shard, []]));
    for (const entry of articles) shards.get(shardOf(entry[0]))!.push(entry);
    return [...shards];
  }

  /** What the last build wrote, if it used the same version and config. */
  get outputs(): WrittenOutputs | undefined {
    return this.manifest?.prefix === this.prefix ? this.manifest.outputs : undefined;
  }

  /**
   * Saves this build's articles (the shards that changed) and the manifest, then deletes the
   * bodies no article uses any more. Shards are written before the manifest that vouches for them:
   * a build killed in between leaves shards that do not match it, which the next build ignores.
   * @param articles this build's articles by key, with their files' stamps
   * @param outputs what this build wrote, when it wrote
   */
  async save(articles: ReadonlyMap<string, CachedArticle>, outputs: WrittenOutputs | undefined): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const shards: Record<string, string> = {};
    for (const [shard, entries] of this.byShard(articles)) {
      const unchanged = this.signatures.get(shard) === shardSignature(entries) && this.manifest?.shards[shard];
      shards[shard] = unchanged || (await writeSealed(shardPath(this.dir, shard), { prefix: this.prefix, articles: new Map(entries) } satisfies Shard));
    }
    await writeSealed(path.join(this.dir, "manifest.bin"), { prefix: this.prefix, shards, ...(outputs ? { outputs } : {}) } satisfies Manifest);
    // Without every shard of a manifest of this build's prefix, the folder is the only full list of bodies.
    const complete = this.manifest?.prefix === this.prefix && this.signatures.size === shardNames.length;
    const unused = complete ? [...this.articles.keys()].filter((key) => !articles.has(key)) : await this.storedKeys();
    await Promise.all(
      unused
        .filter((key) => !articles.has(key))
        .flatMap((key) => [rm(articlePath(this.dir, key), { force: true }), rm(formerItemsPath(this.dir, key), { force: true })]),
    );
  }

  /** Every body in the folder: without a trusted manifest, the only way to find the orphans. */
  private async storedKeys(): Promise<string[]> {
    const root = path.join(this.dir, "articles");
    const folders = await readdir(root).catch(() => [] as string[]);
    const keys = await Promise.all(folders.map((folder) => readdir(path.join(root, folder)).catch(() => [] as string[])));
    // A body and its items are one key: each file name is the key and a suffix.
    return [...new Set(keys.flat().map((name) => name.slice(0, name.indexOf("."))))];
  }
}

/**
 * The manifest entry of a prepared record (the body goes to its own file).
 * @param record the prepared record
 * @param source the article file, relative to the articles folder
 * @param stamp its stamp, taken before it was read
 */
export function cachedArticle(record: ArticleRecord & { key: string }, source: string, stamp: string | undefined): CachedArticle {
  const summary = record.state === "rendered" ? record.summary : undefined;
  const meta = record.state === "parsed" || record.state === "rendered" ? record.meta : undefined;
  return {
    problems: record.problems,
    ...(meta ? { meta } : {}),
    rendered: summary !== undefined,
    ...(summary !== undefined && summary !== meta?.description ? { summary } : {}),
    source,
    ...(stamp !== undefined ? { stamp } : {}),
  };
}

/** `article` with the stamp its file has now (none, for a file touched too recently to trust one). */
export function withStamp(article: CachedArticle, stamp: string | undefined): CachedArticle {
  if (article.stamp === stamp) return article;
  const { stamp: _old, ...rest } = article;
  return stamp === undefined ? rest : { ...rest, stamp };
}
