import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { ConfigError, loadConfig } from "../config/load.js";
import { articlesFolder, type Config } from "../config/schema.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ArticleMeta } from "./stages/meta.js";
import {
  ArticleCache,
  articleKey,
  cachedArticle,
  isPublished,
  keyPrefix,
  outputsDigest,
  cachedSummary,
  type CachedArticle,
  withStamp,
  type WrittenOutputs,
} from "./incremental/article-cache.js";
import { fileStamps } from "./incremental/file-stamp.js";
import { listArticleFiles } from "./stages/read.js";
import { discoveryFor, resolveSite } from "./stages/profiles/site.js";
import { mapLimited, readConcurrency } from "./runtime/map-limited.js";
import { DocumentPool, documentWorkersAvailable } from "./runtime/workers/document-pool.js";
import { buildModel, type FeedModel, type ModelBody } from "./stages/model.js";
import type { ArticleRecord, PrepareContext, RenderedArticle } from "./stages/prepare.js";
import type { RenderedBody } from "./stages/render.js";
import { renderOutputs } from "./stages/plan.js";
import type { LineIndex } from "../formats/archive/records.js";
import { serializerCode } from "./incremental/previous-output.js";
import { defaultWorkers, minimumForWorkers, prepareOnWorkers, workersAvailable } from "./runtime/workers/article-pool.js";
import { checkRemovals } from "./stages/guard.js";
import { acquireOutputLock, onInterrupt, releaseLocksSync } from "./runtime/lock.js";
import { abandonOutputSync, type OutputFiles, recoverOutput, spoolFolder, writeOutput } from "./stages/write.js";

/** What a build is asked to do. Paths resolve against `cwd`. */
export interface BuildOptions {
  cwd?: string;
  /** Config file; default `wirefeed.config.json`. */
  config?: string;
  /** Articles folder; overrides the config's `articles`. */
  articles?: string;
  /** Output folder; overrides the config's `out`. */
  out?: string;
  /** The build's notion of now: later articles are scheduled, not published. Default: the clock. */
  now?: Date | string;
  /** Warnings fail the build too. */
  strict?: boolean;
  /** Build the good articles even when some are bad (still exit 1). */
  keepGoing?: boolean;
  /** Validate only; write nothing (not even the cache). */
  dryRun?: boolean;
  /** Let the build drop articles the previous output published, or change their ids. */
  allowRemovals?: boolean;
  /** How long to wait for another build writing the same output folder; default 60 s. */
  lockTimeoutMs?: number;
  /** Cache folder, default `node_modules/.cache/wirefeed`; `false` renders every article anew. */
  cacheDir?: string | false;
  /** Render threads; default one per core. 1 renders in this thread. */
  workers?: number;
  /** Called as articles are prepared: `done` of `total` article files. */
  onProgress?: (done: number, total: number) => void;
}

/** What a build did: diagnostics to show, and the exit code they imply. */
export interface BuildResult {
  /** 0 success, 1 article errors, 2 usage or config errors. */
  exitCode: 0 | 1 | 2;
  diagnostics: Diagnostic[];
  /** Output files written anew, relative to the output folder. */
  written: string[];
  /** Output files kept as the previous build left them, byte for byte. */
  unchanged: string[];
  outDir?: string;
  counts: { articles: number; published: number; drafts: number; scheduled: number; errors: number; warnings: number };
  /**
   * Articles taken from the cache, of which `stamped` were known by their file's stamp without
   * being read; articles prepared anew; and whether an untrusted cache was rebuilt.
   */
  cache: { enabled: boolean; hits: number; stamped: number; misses: number; rebuilt: boolean };
  /** Worker threads that rendered articles; 0 when they rendered in the calling thread (or none needed rendering). */
  workers: number;
  /** Milliseconds spent preparing articles, making the outputs, and writing them. */
  timings: { prepareMs: number; outputsMs: number; writeMs: number; totalMs: number };
}

const usageError = (rule: string, message: string, hint: string): Diagnostic => ({ rule, severity: "error", message, hint });

/** An article file and what the per-article stages made of it. */
interface Prepared {
  file: string;
  source: string;
  record: ArticleRecord;
  /** The manifest entry it came from, when the cache had it. */
  cached: CachedArticle | undefined;
}

/** Runs the pipeline: load, parse, normalize, render, model, serialize, write. Never throws for a user's mistake. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const display = (file: string) => path.relative(cwd, file) || ".";
  const counts = { articles: 0, published: 0, drafts: 0, scheduled: 0, errors: 0, warnings: 0 };
  const timings = { prepareMs: 0, outputsMs: 0, writeMs: 0, totalMs: 0 };
  const cacheStats = { enabled: options.cacheDir !== false, hits: 0, stamped: 0, misses: 0, rebuilt: false };
  const setupFailure = (diagnostics: Diagnostic[]): BuildResult => ({
    exitCode: 2,
    diagnostics,
    written: [],
    unchanged: [],
    counts: { ...counts, errors: diagnostics.length },
    cache: cacheStats,
    workers: 0,
    timings: { ...timings, totalMs: performance.now() - started },
  });

  const now = options.now === undefined ? new Date() : new Date(options.now);
  if (Number.isNaN(now.getTime())) {
    return setupFailure([usageError("invalid-now", `--now "${String(options.now)}" is not a date`, "Pass an ISO 8601 instant, such as 2022-03-01T00:00:00Z.")]);
  }
  const configPath = path.resolve(cwd, options.config ?? "wirefeed.config.json");
  let config: Config;
  try {
    config = await loadConfig(configPath, display(configPath));
  } catch (error) {
    if (error instanceof ConfigError) return setupFailure(error.diagnostics);
    throw error;
  }
  const configDir = path.dirname(configPath);
  const articlesDir = options.articles ? path.resolve(cwd, options.articles) : path.resolve(configDir, articlesFolder(config));
  const outDir = options.out ? path.resolve(cwd, options.out) : path.resolve(configDir, config.out);
  const articlesStat = await stat(articlesDir).catch(() => undefined);
  if (!articlesStat?.isDirectory()) {
    return setupFailure([
      {
        ...usageError(
          "articles-not-found",
          `The articles folder ${display(articlesDir)} does not exist`,
          'Create it, or pass --articles DIR (or set "articles" in the config).',
        ),
        file: display(articlesDir),
      },
    ]);
  }
  const resolved = await resolveSite(config, articlesDir, display);
  if (!resolved.ok) return setupFailure([resolved.diagnostic]);
  const site = resolved.site;
  // One build at a time per output folder, from reading the previous output to swapping in the new one;
  // a signal undoes a half-written output and frees the lock, even one still being created.
  const stopWatching = options.dryRun
    ? undefined
    : onInterrupt(() => {
        abandonOutputSync(outDir);
        releaseLocksSync();
      });
  const locked = options.dryRun ? undefined : await acquireOutputLock(outDir, options.lockTimeoutMs === undefined ? {} : { timeoutMs: options.lockTimeoutMs });
  if (locked && !locked.ok) {
    stopWatching?.();
    const holder = locked.holder ? `build ${locked.holder.pid} on ${locked.holder.hostname}, started ${locked.holder.startedAt}` : "another build";
    return setupFailure([
      {
        ...usageError(
          "output-locked",
          `The output folder ${display(outDir)} is being written by ${holder}; gave up waiting after ${(locked.waitedMs / 1000).toFixed(1)} s`,
          `Wait for that build to finish. If it is not running, delete ${display(locked.file)}.`,
        ),
        file: display(locked.file),
      },
    ]);
  }
  // A build killed outright may have left the previous output renamed aside, and staging and spool
  // folders: put back and clear them before anything reads the previous output.
  if (locked?.ok) await recoverOutput(outDir);

  // Prepare every article (load, front matter, meta, render), from the cache when its key is there.
  const prefix = keyPrefix(config, site);
  const cacheDir = options.cacheDir === false ? undefined : path.resolve(cwd, options.cacheDir ?? "node_modules/.cache/wirefeed");
  const cache = cacheDir === undefined ? undefined : await ArticleCache.open(cacheDir, prefix);
  cacheStats.rebuilt = cache?.rebuilt ?? false;
  const storeDir = options.dryRun ? undefined : cacheDir;
  const context: PrepareContext = { articlesDir, config, site, now: now.getTime(), keyPrefix: prefix };
  const threads = options.workers ?? defaultWorkers();
  const files = await listArticleFiles(articlesDir, discoveryFor(site, articlesDir, [outDir, ...(cacheDir ? [cacheDir] : [])]));
  counts.articles = files.length;
  const sourceOf = (file: string) => path.relative(articlesDir, file).split(path.sep).join("/");
  let workersUsed = 0;
  let done = 0;
  const progress = () => options.onProgress?.(++done, files.length);

  /** Runs the per-article stages on `paths`: on worker threads when there are enough of them. */
  const prepareFiles = async (paths: readonly string[]): Promise<ArticleRecord[]> => {
    if (paths.length >= minimumForWorkers && threads > 1 && workersAvailable()) {
      workersUsed = Math.max(workersUsed, threads);
      return prepareOnWorkers(paths, threads, { context, ...(storeDir ? { cacheDir: storeDir } : {}) }, progress);
    }
    const { createPreparer } = await import("./stages/prepare.js");
    const { storeRendered } = await import("./incremental/article-cache.js");
    const preparer = createPreparer(context);
    const records: ArticleRecord[] = [];
    for (const file of paths) {
      const record = await preparer.prepare(file);
      if (storeDir && record.key !== undefined && record.rendered) storeRendered(storeDir, record.key, record.rendered);
      records.push(record);
      progress();
    }
    return records;
  };

  const prepared: Prepared[] = files.map((file) => ({ file, source: sourceOf(file), record: { problems: [] }, cached: undefined }));
  // Taken before any file is read: a file written after its stamp was taken never matches it.
  const stamps = storeDir ? fileStamps(files) : [];
  const misses: number[] = [];
  if (!cache || cache.empty) misses.push(...files.keys());
  else
    await mapLimited(prepared, readConcurrency, async (entry, index) => {
      const stamped = cache.stampedKey(entry.source, stamps[index]);
      const bytes = stamped === undefined ? await readFile(entry.file).catch(() => undefined) : undefined;
      const key = stamped ?? (bytes && articleKey(prefix, entry.source, bytes));
      const cached = key === undefined ? undefined : cache.lookup(key);
      // A scheduled article that is now due was cached without a body: prepare it again.
      if (key === undefined || !cached || (cached.meta && isPublished(cached.meta, context.now) && !cached.rendered)) {
        misses.push(index);
        return;
      }
      entry.record = { key, problems: cached.problems, ...(cached.meta ? { meta: cached.meta } : {}) };
      entry.cached = cached;
      if (stamped !== undefined) cacheStats.stamped++;
      progress();
    });
  misses.sort((a, b) => a - b);
  cacheStats.hits = files.length - misses.length;
  cacheStats.misses = misses.length;
  const fresh = await prepareFiles(misses.map((index) => prepared[index]!.file));
  for (const [position, index] of misses.entries()) prepared[index]!.record = fresh[position]!;
  timings.prepareMs = performance.now() - started;

  const diagnostics: Diagnostic[] = [];
  const built: (Prepared & { meta: ArticleMeta })[] = [];
  for (const entry of prepared) {
    const { problems, meta } = entry.record;
    for (const { severity, rule, message, hint, line, column } of problems)
      diagnostics.push({ rule, severity, message, hint, file: display(entry.file), line, column });
    if (!meta) continue;
    if (meta.draft) counts.drafts++;
    else if (!isPublished(meta, context.now)) counts.scheduled++;
    // Written out, not spread: a spread of entries whose fields changed type gave each copy a hidden class of its own.
    else built.push({ file: entry.file, source: entry.source, record: entry.record, cached: entry.cached, meta });
  }
  diagnostics.push(...findDuplicates(built, display));
  const failing = new Set(diagnostics.filter((d) => d.severity === "error").map((d) => d.file));
  // Drafts and scheduled articles leave on purpose; an article with errors only when --keep-going would drop it.
  const publishing = new Set(built.map(({ file }) => file));
  const kept = new Set(
    prepared
      .filter(({ file, record }) => (record.meta !== undefined && !publishing.has(file)) || (!options.keepGoing && failing.has(display(file))))
      .map(({ source }) => source),
  );
  const published = built.filter(({ file }) => !failing.has(display(file)));
  // The code that makes the files is an input of the whole output, as the articles are.
  const digest = outputsDigest(
    `${prefix} ${serializerCode}`,
    published.map(({ record }) => record.key!),
  );
  // An output made from exactly these articles is kept whole: nothing can be lost, nothing need be made.
  const reusable = options.dryRun ? undefined : await previousOutputs(cache?.outputs, digest, outDir);
  const losses = reusable
    ? []
    : await checkRemovals(
        outDir,
        published.map(({ meta, source, file }) => ({ id: meta.id, source, file: display(file), position: meta.positions.id })),
        { allowRemovals: options.allowRemovals === true, display, kept, ...(await previousPublished(cache?.outputs, outDir)) },
      );
  diagnostics.push(...losses);

  const finish = async (outputs: WrittenOutputs | undefined): Promise<BuildResult> => {
    if (cache && storeDir) {
      const articles = new Map<string, CachedArticle>();
      for (const [index, { record, cached, source }] of prepared.entries()) {
        if (record.key === undefined) continue;
        const stamp = stamps[index];
        articles.set(record.key, cached ? withStamp(cached, stamp) : cachedArticle(record, source, stamp));
      }
      // An unchanged build of a kept output would save the manifest byte for byte as it is.
      const unchanged = reusable !== undefined && cacheStats.misses === 0 && !cache.rebuilt && cache.holdsExactly(articles);
      if (!unchanged) await cache.save(articles, outputs);
    }
    stopWatching?.();
    if (locked?.ok) await locked.lock.release();
    timings.totalMs = performance.now() - started;
    result.workers = workersUsed;
    return result;
  };
  counts.errors = diagnostics.filter((d) => d.severity === "error").length;
  counts.warnings = diagnostics.length - counts.errors;
  const failed = counts.errors > 0 || (options.strict === true && counts.warnings > 0);
  const result: BuildResult = { exitCode: failed ? 1 : 0, diagnostics, written: [], unchanged: [], outDir, counts, cache: cacheStats, workers: 0, timings };
  if (options.dryRun) return finish(undefined);
  // --keep-going builds past bad articles, never past lost ones.
  if ((failed && !options.keepGoing) || losses.length > 0) return finish(cache?.outputs);

  counts.published = published.length;
  // A reused output keeps its all.ndjson, hence its line index.
  const lineIndex: { previous?: LineIndex; next?: LineIndex | undefined } = { next: reusable ? cache?.outputs?.lines : undefined };
  /** Makes the files of `model` and writes them; the bodies are read only while a file that changed is written. */
  const produce = async (model: FeedModel): Promise<OutputFiles> => {
    const outputsStarted = performance.now();
    const previousLines = await unchangedLineIndex(cache?.outputs, outDir);
    if (previousLines) lineIndex.previous = previousLines;
    // Feed documents render on threads of their own while this one writes the downloads.
    const documents = threads > 1 && documentWorkersAvailable() ? new DocumentPool(threads - 1, cache ? { cacheDir: cache.dir } : {}) : undefined;
    const rendered = await renderOutputs(model, { previous: outDir, lineIndex, spool: spoolFolder(outDir), ...(documents ? { documents } : {}) });
    try {
      const files = await keepUnchanged(outDir, rendered.files);
      const writeStarted = performance.now();
      timings.outputsMs += writeStarted - outputsStarted;
      await writeOutput(outDir, files);
      timings.writeMs += performance.now() - writeStarted;
      return files;
    } finally {
      await documents?.close();
      await rendered.dispose();
    }
  };
  const toModel = (bodies: readonly { summary: string; body: ModelBody }[]) =>
    buildModel(
      published.map(({ meta, source, record }, index) => ({ meta, source, key: record.key!, summary: bodies[index]!.summary, body: bodies[index]!.body })),
      config,
    );

  let outputs = reusable;
  if (outputs) {
    const writeStarted = performance.now();
    await writeOutput(outDir, outputs);
    timings.writeMs = performance.now() - writeStarted;
  } else if (
    cache &&
    published.every(({ record, cached }) => record.rendered !== undefined || (record.storedSummary ?? (cached && cachedSummary(cached))) !== undefined)
  ) {
    // Cached bodies stay on disk until a file that changed needs one: an edit to one article of
    // 10,000 reads a few. A body the cache lost sends the build back to read (or render) them all first.
    const load = lazyBodies(cache);
    try {
      outputs = await produce(
        toModel(
          published.map(({ record, cached }) => record.rendered ?? { summary: (record.storedSummary ?? cachedSummary(cached!))!, body: load(record.key!) }),
        ),
      );
    } catch (error) {
      if (!(error instanceof LostBody)) throw error;
    }
  }
  if (!outputs) {
    const bodies = await renderedBodies(published, cache, prepareFiles);
    if (bodies.changed.length > 0) {
      for (const file of bodies.changed) {
        diagnostics.push({ ...usageError("changed-during-build", "The file changed while it was being built", "Run the build again."), file: display(file) });
      }
      counts.errors += bodies.changed.length;
      result.exitCode = 1;
      return finish(cache?.outputs);
    }
    outputs = await produce(toModel(bodies.rendered));
  }
  for (const [file, content] of outputs) (typeof content === "object" && "reuse" in content ? result.unchanged : result.written).push(file);
  result.written.sort();
  result.unchanged.sort();
  return finish(
    cache
      ? {
          digest,
          outDir,
          files: await describeOutput(outDir, [...outputs.keys()]),
          published: published.map(({ meta, source }) => ({ id: meta.id, source })),
          ...(lineIndex.next ? { lines: lineIndex.next } : {}),
        }
      : undefined,
  );
}

/** A body the cache should have had but did not (or could not vouch for). */
class LostBody extends Error {}

/** Loads cached bodies when first read, keeping the last few: a feed reads an item's HTML and text one after the other. */
function lazyBodies(cache: ArticleCache): (key: string) => () => RenderedBody {
  const recent = new Map<string, RenderedBody>();
  return (key) => () => {
    let body = recent.get(key);
    if (!body) {
      body = cache.readRenderedSync(key)?.body;
      if (!body) throw new LostBody(`The cached body of ${key} is missing or damaged`);
      recent.set(key, body);
      if (recent.size > 16) recent.delete(recent.keys().next().value!);
    }
    return body;
  };
}

/**
 * The rendered bodies of `articles`, read from the cache for those that did not just render;
 * a body the cache lost or cannot vouch for is rendered again.
 */
async function renderedBodies(
  articles: readonly Prepared[],
  cache: ArticleCache | undefined,
  prepareFiles: (paths: readonly string[]) => Promise<ArticleRecord[]>,
): Promise<{ rendered: RenderedArticle[]; changed: string[] }> {
  const rendered = await mapLimited(articles, readConcurrency, async ({ record }) => record.rendered ?? (await cache?.readRendered(record.key!)));
  const lost = articles.flatMap((_article, index) => (rendered[index] ? [] : [index]));
  const again = await prepareFiles(lost.map((index) => articles[index]!.file));
  const changed: string[] = [];
  for (const [position, index] of lost.entries()) {
    const record = again[position]!;
    // Render workers leave the bodies they made in the cache.
    const body = record.rendered ?? (record.storedSummary === undefined ? undefined : await cache?.readRendered(record.key!));
    if (record.key !== articles[index]!.record.key || !body) changed.push(articles[index]!.file);
    else rendered[index] = articles[index]!.record.rendered = body;
  }
  return { rendered: rendered as RenderedArticle[], changed };
}

/** Every file of the previous output kept as it is, when it was made from the same articles and nobody touched it since. */
async function previousOutputs(previous: WrittenOutputs | undefined, digest: string, outDir: string): Promise<OutputFiles | undefined> {
  if (!previous || previous.digest !== digest || previous.outDir !== outDir) return undefined;
  const now = await describeOutput(
    outDir,
    previous.files.map((file) => file.path),
  );
  const intact = now.every((file, index) => file.size === previous.files[index]!.size && file.mtimeMs === previous.files[index]!.mtimeMs);
  return intact ? new Map(previous.files.map((file) => [file.path, { reuse: true }])) : undefined;
}

/**
 * What the previous build published, from the cache, when its record of archive.json still
 * matches the file (same size and modification time): reading 100 MB of archive would say the same.
 */
async function previousPublished(previous: WrittenOutputs | undefined, outDir: string): Promise<{ previous?: WrittenOutputs["published"] & {} }> {
  const recorded = previous?.outDir === outDir ? previous.files.find((file) => file.path === "archive.json") : undefined;
  if (!previous?.published || !recorded) return {};
  const [now] = await describeOutput(outDir, [recorded.path]);
  return now!.size === recorded.size && now!.mtimeMs === recorded.mtimeMs ? { previous: previous.published } : {};
}

/** The line index of the previous all.ndjson, when the file is as the previous build left it. */
async function unchangedLineIndex(previous: WrittenOutputs | undefined, outDir: string): Promise<LineIndex | undefined> {
  const recorded = previous?.outDir === outDir ? previous.files.find((file) => file.path === "archive/all.ndjson") : undefined;
  if (!previous?.lines || !recorded) return undefined;
  const [now] = await describeOutput(outDir, [recorded.path]);
  const indexed = previous.lines.lengths.reduce((sum, length) => sum + length, 0);
  return now!.size === recorded.size && now!.mtimeMs === recorded.mtimeMs && indexed === now!.size ? previous.lines : undefined;
}

/** Size and modification time of output files; -1 for a file that is gone. */
async function describeOutput(outDir: string, files: readonly string[]) {
  return mapLimited(files, readConcurrency, async (file) => {
    const info = await stat(path.join(outDir, file)).catch(() => undefined);
    return { path: file, size: info?.size ?? -1, mtimeMs: info?.mtimeMs ?? -1 };
  });
}

/** Marks files whose new bytes equal the previous output's as reused, so they are neither rewritten nor touched. */
async function keepUnchanged(outDir: string, files: OutputFiles): Promise<OutputFiles> {
  await mapLimited([...files], readConcurrency, async ([file, content]) => {
    if (typeof content !== "string" && !(content instanceof Uint8Array)) return;
    const bytes = typeof content === "string" ? Buffer.from(content) : content;
    const before = await stat(path.join(outDir, file)).catch(() => undefined);
    if (
      before?.isFile() &&
      before.size === bytes.length &&
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(await readFile(path.join(outDir, file)))
    ) {
      files.set(file, { reuse: true });
    }
  });
  return files;
}

/** Two articles may not share a slug, URL or id: readers would see one replace the other. */
function findDuplicates(articles: readonly { meta: ArticleMeta; file: string }[], display: (file: string) => string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [field, rule] of [
    ["id", "duplicate-id"],
    ["url", "duplicate-url"],
    ["slug", "duplicate-slug"],
  ] as const) {
    const seen = new Map<string, { meta: ArticleMeta; file: string }>();
    for (const article of articles) {
      const value = article.meta[field];
      const first = seen.get(value);
      if (!first) {
        seen.set(value, article);
        continue;
      }
      if (diagnostics.some((d) => d.file === display(article.file))) continue;
      const position = field === "slug" || field === "url" ? article.meta.positions.slug : article.meta.positions.id;
      diagnostics.push({
        rule,
        severity: "error",
        message: `The ${field} "${value}" is used by both ${display(first.file)} and ${display(article.file)}`,
        hint: `Give one of ${display(first.file)} and ${display(article.file)} its own \`${field === "url" ? "slug" : field}:\` in the front matter.`,
        file: display(article.file),
        ...position,
      });
    }
  }
  return diagnostics;
}
