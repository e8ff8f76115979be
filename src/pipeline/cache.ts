import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Config } from "../config/schema.js";
import { version } from "../version.js";
import type { ArticleMeta } from "./article.js";
import type { ArticleProblem, ArticleRecord, RenderedArticle } from "./prepare.js";
import type { LineIndex } from "./serialize/archive.js";
import { hashCode } from "./code-hash.js";

/**
 * The persistent cache of prepared articles. Layout of the cache folder:
 * - `manifest.bin`: every article of the last build by key (problems and normalized metadata,
 *   no bodies), and what the last build wrote, so an unchanged build reads one file;
 * - `articles/ab/<key>.bin`: the rendered body and summary of one article.
 * Every file is sealed: a magic line, the SHA-256 of the payload, then the payload (V8
 * serialization, which keeps Dates and key order, so cached and fresh records are identical).
 * A file that is truncated, corrupt, foreign or from another version or config is never trusted:
 * it reads as missing, and the article is prepared again.
 */

const magic = Buffer.from("wirefeed-cache\n1\n");
const digestLength = 32;

/** Version of the records' shape; bumped when a record of an older wirefeed would no longer fit. */
const recordFormat = 2;

/**
 * The part of every cache key that is the same for all articles of a build: the record format,
 * wirefeed's version, the V8 serialization version and the config.
 * @param config the validated config
 */
export function keyPrefix(config: Config): string {
  return createHash("sha256")
    .update(JSON.stringify({ recordFormat, version, code: preparingCode, v8: process.versions.v8, config }))
    .digest("hex");
}

// The code that prepares an article (front matter, normalizers, renderer, sanitizer) is part of every key.
const preparingCode = hashCode(new URL("./prepare.js", import.meta.url));

/**
 * The cache key of one article file; its path is part of it, as the file name gives the slug and the source.
 * @param prefix from `keyPrefix`
 * @param relativePath the file relative to the articles folder
 * @param bytes the file's raw bytes
 */
export function articleKey(prefix: string, relativePath: string, bytes: Uint8Array): string {
  return createHash("sha256").update(prefix).update("\0").update(relativePath).update("\0").update(bytes).digest("hex");
}

/**
 * What the outputs are made of: the articles of the model, by key, in file order. Equal digests
 * mean byte-identical outputs, as every key covers the version, the config and the file.
 * @param prefix from `keyPrefix`
 * @param keys the keys of the articles in the model
 */
export function outputsDigest(prefix: string, keys: readonly string[]): string {
  const hash = createHash("sha256").update(prefix);
  for (const key of keys) hash.update("\0").update(key);
  return hash.digest("hex");
}

/** Published at `now` (milliseconds): neither a draft nor dated later. */
export const isPublished = (meta: ArticleMeta, now: number): boolean => !meta.draft && meta.date.getTime() <= now;

/** An article as the manifest keeps it: everything but the body. */
export interface CachedArticle {
  problems: ArticleProblem[];
  meta?: ArticleMeta;
  /** Whether `articles/<key>.bin` holds its body. */
  rendered: boolean;
  /** The summary made from the body, so that the body need not be read to know it. */
  summary?: string;
}

/** One file the last build wrote, as it was left. */
export interface WrittenFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** What the last build wrote, and from what. */
export interface WrittenOutputs {
  digest: string;
  outDir: string;
  files: WrittenFile[];
  /** The articles archive.json lists, so that the next build's removal guard need not read it. */
  published?: { id: string; source: string }[];
  /** Where each record is in archive/all.ndjson, so that the next build copies unchanged ones. */
  lines?: LineIndex;
}

/** Article file (relative to the articles folder) → its stamp (see `fileStamps`) and cache key when last read. */
export type StampedKeys = Map<string, { stamp: string; key: string }>;

interface Manifest {
  prefix: string;
  articles: Map<string, CachedArticle>;
  outputs?: WrittenOutputs;
  stamps?: StampedKeys;
}

function seal(value: unknown): Buffer {
  const payload = serialize(value);
  return Buffer.concat([magic, createHash("sha256").update(payload).digest(), payload]);
}

/** The sealed value, or undefined for anything `seal` did not make intact. */
function unseal(bytes: Buffer): unknown {
  if (bytes.length < magic.length + digestLength || !bytes.subarray(0, magic.length).equals(magic)) return undefined;
  const payload = bytes.subarray(magic.length + digestLength);
  if (
    !createHash("sha256")
      .update(payload)
      .digest()
      .equals(bytes.subarray(magic.length, magic.length + digestLength))
  )
    return undefined;
  try {
    return deserialize(payload);
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

const bodyPath = (dir: string, key: string) => path.join(dir, "articles", key.slice(0, 2), `${key}.bin`);

const madeFolders = new Set<string>();

/**
 * Stores the rendered body of one article; called from render workers too. A torn write is
 * caught by the seal on the next read.
 * @param dir the cache folder
 * @param key the article's key
 * @param rendered its body and summary
 */
export function storeRendered(dir: string, key: string, rendered: RenderedArticle): void {
  const file = bodyPath(dir, key);
  const folder = path.dirname(file);
  if (!madeFolders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    madeFolders.add(folder);
  }
  // Synchronous, like reading the article: a render thread has nothing else to do meanwhile.
  writeFileSync(file, seal({ key, rendered }));
}

/** The cache of one build: read once at the start, saved once at the end. */
export class ArticleCache {
  /** Whether a manifest was there but could not be trusted (and is being rebuilt). */
  readonly rebuilt: boolean;

  private constructor(
    readonly dir: string,
    private readonly prefix: string,
    private readonly manifest: Manifest | undefined,
    rebuilt: boolean,
  ) {
    this.rebuilt = rebuilt;
  }

  /**
   * Opens the cache in `dir` for a build whose key prefix is `prefix`; a missing or untrusted cache opens empty.
   * @param dir the cache folder (created on save)
   * @param prefix from `keyPrefix`
   */
  static async open(dir: string, prefix: string): Promise<ArticleCache> {
    const bytes = await readFile(path.join(dir, "manifest.bin")).catch(() => undefined);
    if (bytes === undefined) return new ArticleCache(dir, prefix, undefined, false);
    const value = unseal(bytes);
    const valid = isObject(value) && typeof value.prefix === "string" && value.articles instanceof Map;
    return new ArticleCache(dir, prefix, valid ? (value as unknown as Manifest) : undefined, !valid);
  }

  /** The cached article of `key`, if the manifest was made with the same version and config. */
  lookup(key: string): CachedArticle | undefined {
    return this.manifest?.prefix === this.prefix ? this.manifest.articles.get(key) : undefined;
  }

  /**
   * The key of `source` without reading it, when its stamp is the one recorded with a cached article.
   * @param source the file relative to the articles folder
   * @param stamp from `fileStamps`
   */
  stampedKey(source: string, stamp: string | undefined): string | undefined {
    if (stamp === undefined || this.manifest?.prefix !== this.prefix) return undefined;
    const known = this.manifest.stamps?.get(source);
    return known?.stamp === stamp && this.manifest.articles.has(known.key) ? known.key : undefined;
  }

  /** Whether no article can be found here: then there is no point in hashing files to look them up. */
  get empty(): boolean {
    return this.manifest?.prefix !== this.prefix || this.manifest.articles.size === 0;
  }

  /** Whether the manifest holds exactly the articles of `keys` and these stamps, with the same version and config: then, with the same outputs, saving would write it again as it is. */
  holdsExactly(keys: ReadonlySet<string>, stamps: StampedKeys): boolean {
    const articles = this.manifest?.prefix === this.prefix ? this.manifest.articles : undefined;
    if (!articles || articles.size !== keys.size) return false;
    for (const key of keys) if (!articles.has(key)) return false;
    const known = this.manifest!.stamps ?? new Map();
    if (known.size !== stamps.size) return false;
    for (const [source, { stamp, key }] of stamps) if (known.get(source)?.stamp !== stamp || known.get(source)?.key !== key) return false;
    return true;
  }

  /** What the last build wrote, if it used the same version and config. */
  get outputs(): WrittenOutputs | undefined {
    return this.manifest?.prefix === this.prefix ? this.manifest.outputs : undefined;
  }

  /** The cached body of `key`, or undefined when it is missing or cannot be trusted. */
  async readRendered(key: string): Promise<RenderedArticle | undefined> {
    const bytes = await readFile(bodyPath(this.dir, key)).catch(() => undefined);
    const value = bytes && unseal(bytes);
    if (!isObject(value) || value.key !== key || !isObject(value.rendered)) return undefined;
    return value.rendered as unknown as RenderedArticle;
  }

  /** `readRendered`, synchronously: for bodies read only when an output file needs them. */
  readRenderedSync(key: string): RenderedArticle | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(bodyPath(this.dir, key));
    } catch {
      return undefined;
    }
    const value = unseal(bytes);
    if (!isObject(value) || value.key !== key || !isObject(value.rendered)) return undefined;
    return value.rendered as unknown as RenderedArticle;
  }

  /**
   * Saves the manifest of this build and deletes the bodies no article uses any more.
   * @param articles this build's articles by key
   * @param outputs what this build wrote, when it wrote
   * @param stamps the stamps and keys of this build's article files
   */
  async save(articles: ReadonlyMap<string, CachedArticle>, outputs: WrittenOutputs | undefined, stamps: StampedKeys = new Map()): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const manifest: Manifest = { prefix: this.prefix, articles: new Map(articles), ...(outputs ? { outputs } : {}), stamps };
    const temporary = path.join(this.dir, `manifest.bin.${process.pid}.tmp`);
    await writeFile(temporary, seal(manifest));
    await rename(temporary, path.join(this.dir, "manifest.bin"));
    const unused = this.manifest ? [...this.manifest.articles.keys()].filter((key) => !articles.has(key)) : await this.storedKeys();
    await Promise.all(unused.filter((key) => !articles.has(key)).map((key) => rm(bodyPath(this.dir, key), { force: true })));
  }

  /** Every body in the folder: without a trusted manifest, the only way to find the orphans. */
  private async storedKeys(): Promise<string[]> {
    const root = path.join(this.dir, "articles");
    const folders = await readdir(root).catch(() => [] as string[]);
    const keys = await Promise.all(folders.map((folder) => readdir(path.join(root, folder)).catch(() => [] as string[])));
    return keys.flat().map((name) => name.replace(/\.bin$/, ""));
  }
}

/** The manifest entry of a prepared record (the body goes to its own file). */
export const cachedArticle = (record: ArticleRecord): CachedArticle => ({
  problems: record.problems,
  ...(record.meta ? { meta: record.meta } : {}),
  rendered: record.rendered !== undefined || record.storedSummary !== undefined,
  ...(record.rendered || record.storedSummary !== undefined ? { summary: record.rendered?.summary ?? record.storedSummary! } : {}),
});
