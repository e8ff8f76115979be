import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../../config/schema.js";
import type { SiteFacts } from "../stages/profiles/types.js";
import { mapLimited, readConcurrency } from "../runtime/map-limited.js";
import { prepareOnWorkers, type RenderThread, renderBounds, workersAvailable } from "../runtime/workers/article-pool.js";
import type { WorkerSetup } from "../runtime/workers/article-worker.js";
import type { ArticleRecord } from "../stages/article.js";
import { ArticleCache, type CachedArticle, cachedArticle, cacheSealingKey, makeFolder, recordOf, storeRendered, withStamp } from "./article-cache.js";
import { BodyReader } from "./bodies.js";
import { fileStamps } from "./file-stamp.js";
import { articleKey, keyPrefix } from "./keys.js";
import type { WrittenOutputs } from "./previous-output.js";

/** An article file and what the per-article stages made of it. */
export interface SourcedArticle {
  /** Absolute path. */
  file: string;
  /** Relative to the articles folder, with forward slashes. */
  source: string;
  record: ArticleRecord;
  /** The manifest entry it came from, when the cache had it. */
  cached: CachedArticle | undefined;
}

export interface ArticleSourceOptions {
  articlesDir: string;
  config: Config;
  /** The site's profile and what its tool's config says. */
  site: SiteFacts;
  /** Milliseconds since the epoch. */
  now: number;
  /** The cache folder, or undefined for a build that renders every article anew. */
  cacheDir: string | undefined;
  /** Whether this build may write the cache (not a dry run). */
  store: boolean;
  /** Render threads; 1 renders on this thread. */
  threads: number;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** A render thread started ahead (see `spareRenderThread`), now this source's: used first, or ended. */
  spare?: RenderThread | undefined;
}

/** What every render thread of a build is given: the per-article context, the key prefix, and where (and with what key) to store bodies. */
function threadSetup(options: ArticleSourceOptions, prefix: string): WorkerSetup {
  const { articlesDir, config, site, now, store, cacheDir } = options;
  return {
    context: { articlesDir, config, site, now },
    keyPrefix: prefix,
    ...(store && cacheDir !== undefined ? { cacheDir, sealingKey: cacheSealingKey() } : {}),
  };
}

/**
 * Where a build's articles come from, fastest first: a file whose stamp the cache recorded is
 * known without being read; a file whose bytes hash to a cached key is taken from the cache; every
 * other file is prepared (on threads when there are enough), and its body stored in the cache.
 */
export class ArticleSource {
  readonly stats: { enabled: boolean; hits: number; stamped: number; misses: number; rebuilt: boolean };
  /** Render threads used so far; 0 when everything was prepared on this thread. */
  workersUsed = 0;
  private stamps: (string | undefined)[] = [];
  private done = 0;
  private total = 0;

  private constructor(
    private readonly options: ArticleSourceOptions,
    private readonly cache: ArticleCache | undefined,
    /** The part of every key that stands for the config and the preparing code. */
    readonly prefix: string,
    /** A render thread started ahead, until the first articles to prepare take it. */
    private spare: RenderThread | undefined,
  ) {
    this.stats = { enabled: options.cacheDir !== undefined, hits: 0, stamped: 0, misses: 0, rebuilt: cache?.rebuilt ?? false };
  }

  static async open(options: ArticleSourceOptions): Promise<ArticleSource> {
    // Made before any thread writes into it: a folder that cannot be made is one system error (exit 2), here.
    if (options.store && options.cacheDir !== undefined) await makeFolder(options.cacheDir);
    const prefix = keyPrefix(options.config, options.site);
    const { spare } = options;
    try {
      const cache = options.cacheDir === undefined ? undefined : await ArticleCache.open(options.cacheDir, prefix);
      return new ArticleSource(options, cache, prefix, spare);
    } catch (error) {
      void spare?.worker.terminate();
      throw error;
    }
  }

  /** Where this build stores bodies: nowhere on a dry run or without a cache. */
  private get storeDir(): string | undefined {
    return this.options.store ? this.options.cacheDir : undefined;
  }

  /** What the cache says the last build wrote. */
  get outputs(): WrittenOutputs | undefined {
    return this.cache?.outputs;
  }

  /** Reads the bodies that stayed in the cache; undefined without a cache, when every body is in its record. */
  bodyReader(): BodyReader | undefined {
    return this.cache ? new BodyReader(this.cache.dir, 16) : undefined;
  }

  /** The cache folder, for threads that read bodies themselves. */
  get cacheDir(): string | undefined {
    return this.cache?.dir;
  }

  private progress(): void {
    this.options.onProgress?.(++this.done, this.total);
  }

  /** Every article file of `files`, in their order, from the cache or prepared. */
  async prepareAll(files: readonly string[]): Promise<SourcedArticle[]> {
    const { articlesDir, now } = this.options;
    this.total = files.length;
    const articles: SourcedArticle[] = files.map((file) => ({
      file,
      source: path.relative(articlesDir, file).split(path.sep).join("/"),
      record: { state: "unreadable", problems: [] },
      cached: undefined,
    }));
    // Taken before any file is read: a file written after its stamp was taken never matches it.
    this.stamps = this.storeDir ? fileStamps(files) : [];
    const cache = this.cache;
    const misses: number[] = [];
    if (!cache || cache.empty) misses.push(...files.keys());
    else
      await mapLimited(articles, readConcurrency, async (article, index) => {
        const stamped = cache.stampedKey(article.source, this.stamps[index]);
        const bytes = stamped === undefined ? await readFile(article.file).catch(() => undefined) : undefined;
        const key = stamped ?? (bytes && articleKey(this.prefix, article.source, bytes));
        const cached = key === undefined ? undefined : cache.lookup(key);
        const record = key === undefined || !cached ? undefined : recordOf(key, cached, now);
        if (!record) {
          misses.push(index);
          return;
        }
        article.record = record;
        article.cached = cached;
        if (stamped !== undefined) this.stats.stamped++;
        this.progress();
      });
    misses.sort((a, b) => a - b);
    this.stats.hits = files.length - misses.length;
    this.stats.misses = misses.length;
    const fresh = await this.prepare(misses.map((index) => articles[index]!.file));
    for (const [position, index] of misses.entries()) articles[index]!.record = fresh[position]!;
    return articles;
  }

  /** Ends the thread started ahead, when no article needed it. */
  private stopSpare(): void {
    void this.spare?.worker.terminate();
    this.spare = undefined;
  }

  /** Prepares `articles` again, for bodies the cache lost: their records are replaced. */
  async prepareAgain(articles: readonly SourcedArticle[]): Promise<void> {
    const again = await this.prepare(articles.map(({ file }) => file));
    for (const [index, article] of articles.entries()) {
      article.record = again[index]!;
      article.cached = undefined;
    }
  }

  /** Runs the per-article stages on `files`: on worker threads when there are enough of them. */
  private async prepare(files: readonly string[]): Promise<ArticleRecord[]> {
    const { articlesDir, config, site, now, threads } = this.options;
    const context = { articlesDir, config, site, now };
    const storeDir = this.storeDir;
    if (files.length === 0) {
      this.stopSpare();
      return [];
    }
    // Always on threads, even for one article: only a thread can be stopped at a bound of time or memory,
    // and only a main thread that waits on threads handles a signal at once.
    if (workersAvailable()) {
      const used = Math.max(1, Math.min(threads, Math.ceil(files.length / 16)));
      this.workersUsed = Math.max(this.workersUsed, used);
      const started = this.spare;
      this.spare = undefined;
      return prepareOnWorkers(files, used, threadSetup(this.options, this.prefix), renderBounds(config), () => this.progress(), started);
    }
    // The TypeScript sources (the tests) cannot start threads: there, every article is prepared here, unbounded.
    // Loaded only now: a build whose articles are all cached never loads unified.
    const { createPreparer } = await import("../stages/article.js");
    const preparer = createPreparer(context, (relativePath, bytes) => articleKey(this.prefix, relativePath, bytes));
    const records: ArticleRecord[] = [];
    for (const file of files) {
      const record = await preparer.prepare(file);
      if (storeDir && record.state === "rendered" && "inline" in record.body) {
        const stamp = storeRendered(storeDir, record.key, { body: record.body.inline, summary: record.summary });
        // As a render thread does: the body waits in the cache, not in memory (10,000 bodies on one thread held 1.7 GiB).
        record.body = { stored: record.key, stamp };
      }
      records.push(record);
      this.progress();
    }
    return records;
  }

  /**
   * Saves this build's articles and what it wrote; nothing when the cache would be saved as it is.
   * @param outputs what this build wrote, or what the previous build did when this one wrote nothing
   * @param reusedWhole whether the build kept the previous output whole
   */
  async save(articles: readonly SourcedArticle[], outputs: WrittenOutputs | undefined, reusedWhole: boolean): Promise<void> {
    const cache = this.cache;
    if (!cache || !this.storeDir) return;
    const entries = new Map<string, CachedArticle>();
    for (const [index, { record, cached, source }] of articles.entries()) {
      if (record.state === "unreadable") continue;
      const stamp = this.stamps[index];
      entries.set(record.key, cached ? withStamp(cached, stamp) : cachedArticle(record, source, stamp));
    }
    // An unchanged build of a kept output would save the manifest byte for byte as it is.
    const unchanged = reusedWhole && this.stats.misses === 0 && !cache.rebuilt && cache.holdsExactly(entries);
    if (!unchanged) await cache.save(entries, outputs);
  }
}
