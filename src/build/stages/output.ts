import { availableParallelism } from "node:os";
import { configPositions } from "../../config/load.js";
import { errorDiagnostic } from "../../diagnostics/diagnostic.js";
import type { BuildContext, PublishedEntry, Stage } from "../context.js";
import type { BodyReader } from "../incremental/bodies.js";
import { boundHeapGrowth } from "../runtime/heap.js";
import { defaultWorkers } from "../runtime/workers/article-pool.js";
import { OutputThreads } from "../runtime/workers/output-pool.js";
import { itemFields } from "../runtime/workers/output-jobs.js";
import { cacheSealingKey } from "../incremental/article-cache.js";
import { tally } from "./collect.js";
import { type OutputState, readOutputState } from "../incremental/output-state.js";
import { PreviousOutput } from "../incremental/previous-output.js";
import { outputTooLarge } from "./output-budget.js";
import { pingRequested } from "./ping.js";
import type { renderOutputs } from "./plan.js";
import { isReuse, OutputConflict, type OutputFiles, OutputTooLarge, spoolFolder, writeOutput } from "./write.js";

/** How writing the outputs of the published articles went: written; not, for bodies the cache lost; or refused, too large. */
type Written =
  | { kind: "written"; files: OutputFiles; lines: ReturnType<Awaited<ReturnType<typeof renderOutputs>>["lineIndexes"]>; changedFeeds: string[] }
  | { kind: "lost"; keys: Set<string> }
  | { kind: "refused" };

/**
 * The model of the published articles, its files (plan) and their writing. Bodies that stayed in
 * the cache are read only while a file that changed is written: an edit to one article of 10,000
 * reads a few.
 */
async function writeModel(context: BuildContext, bodies: BodyReader | undefined): Promise<Written> {
  const { config, outDir, timings } = context;
  const outputsStarted = performance.now();
  boundHeapGrowth();
  // Loaded only now: a build that keeps the previous output whole never loads the serializers (feed, xmldom).
  const [{ buildModel }, { renderOutputs }] = await Promise.all([import("./model.js"), import("./plan.js")]);
  const model = buildModel(
    context.published.map(({ meta, article, key, summary, body }) => ({
      meta,
      source: article.source,
      key,
      summary,
      body: "inline" in body ? body.inline : bodies!.loader(body.stored),
    })),
    config,
  );
  const cacheDir = context.source?.cacheDir;
  // The main thread has a core of its own: it writes while the others make pages; on one core there are no others.
  const count = Math.min(context.options.workers ?? defaultWorkers(), availableParallelism() - 1);
  const threads =
    cacheDir === undefined || count < 1
      ? undefined
      : new OutputThreads(count, { config, cacheDir, sealingKey: cacheSealingKey() }, config.renderMemoryMb, (index) => itemFields(model.items[index]!));
  const written = new Map<string, string>();
  for (const { key, body } of context.published) if ("stamp" in body && body.stamp !== undefined) written.set(key, body.stamp);
  const rendered = await renderOutputs(model, {
    ...(threads ? { threads } : {}),
    written,
    ...(context.previous ? { previous: context.previous } : {}),
    spool: spoolFolder(outDir),
    ...(cacheDir ? { cacheDir } : {}),
    ...(bodies ? { lost: bodies.lost } : {}),
    articles: { folder: context.articlesDir, display: context.display },
    now: context.now,
  });
  try {
    const files = (await context.previous?.keepUnchanged(rendered.files)) ?? rendered.files;
    // A hub is told of the feeds whose bytes differ from those in place: their seals before the swap and after it.
    const before = pingRequested(context) ? (readOutputState(outDir)?.seals ?? {}) : undefined;
    const writeStarted = performance.now();
    timings.outputsMs += writeStarted - outputsStarted;
    const complete = await writeOutput(outDir, files, {
      keys: rendered.keys,
      order: rendered.order,
      maxBytes: config.maxOutputBytes,
      complete: () => !bodies || bodies.lost.size === 0,
      ...(context.previous ? { restamped: context.previous.restamped() } : {}),
    });
    timings.writeMs += performance.now() - writeStarted;
    if (!complete) return { kind: "lost", keys: bodies!.lost };
    const changedFeeds = before ? changedFeedsOf(files, before, readOutputState(outDir)?.seals, rendered.feeds) : [];
    // Known only once the pages are planned: the files article bodies name that are not there.
    context.diagnostics.push(...rendered.diagnostics);
    tally(context);
    return { kind: "written", files, lines: rendered.lineIndexes(), changedFeeds };
  } catch (error) {
    if (!(error instanceof OutputTooLarge)) throw error;
    context.diagnostics.push(outputTooLarge(error, context.display(context.configPath), await configPositions(context.configPath)(["maxOutputBytes"])));
    return { kind: "refused" };
  } finally {
    context.outputJobs += threads?.made ?? 0;
    await threads?.close();
    await rendered.dispose();
  }
}

/**
 * The URLs of `feeds` this build wrote whose bytes differ from those the previous build wrote: the
 * output's seals hold the SHA-256 of each, before the swap and after it.
 */
function changedFeedsOf(
  files: OutputFiles,
  before: OutputState["seals"],
  after: OutputState["seals"],
  feeds: readonly { path: string; url: string }[],
): string[] {
  return feeds
    .filter((feed) => {
      const content = files.get(feed.path);
      if (content === undefined || (typeof content === "object" && "reuse" in content)) return false;
      const previous = before?.[feed.path]?.sha256;
      return previous === undefined || previous !== after?.[feed.path]?.sha256;
    })
    .map((feed) => feed.url);
}

/** Articles whose file is no longer what was prepared: the build cannot publish them as they were read. */
function changedDuringBuild(context: BuildContext, entries: readonly PublishedEntry[]): void {
  for (const { article } of entries) {
    context.diagnostics.push({
      ...errorDiagnostic("changed-during-build", "The file changed while it was being built", "Run the build again."),
      file: context.display(article.file),
    });
  }
  tally(context);
  context.failed = true;
}

/**
 * The stage: writes the previous output again when it is kept whole; else makes and writes the
 * files. A body the cache lost sends its articles back through preparation, and the files are
 * made again with them: once; a body lost twice, or an article whose file changed meanwhile,
 * fails the build.
 */
export const writeOutputs: Stage = async (context) => {
  try {
    await writeAll(context);
  } catch (error) {
    // Another tool's file where wirefeed would write: nothing was changed.
    if (!(error instanceof OutputConflict)) throw error;
    // Named as every other diagnostic names its file: as the user gave the folder, not absolute.
    context.diagnostics.push(...error.diagnostics.map((diagnostic) => ({ ...diagnostic, file: context.display(diagnostic.file!) })));
    context.end = "setup-failed";
  }
};

async function writeAll(context: BuildContext): Promise<void> {
  const { outDir, timings, source } = context;
  context.counts.published = context.published.length;
  let files = context.reusable;
  let lines = files ? source?.outputs?.lines : undefined;
  if (files) {
    const writeStarted = performance.now();
    await writeOutput(outDir, files, context.previous ? { restamped: context.previous.restamped() } : {});
    timings.writeMs = performance.now() - writeStarted;
  }
  for (let attempt = 1; !files; attempt++) {
    const written = await writeModel(context, source?.bodyReader());
    if (written.kind === "written") {
      files = written.files;
      lines = written.lines;
      context.changedFeeds = written.changedFeeds;
      break;
    }
    if (written.kind === "refused") {
      // A setup error in effect (exit 2): the config asks for less than the articles make.
      tally(context);
      context.exit = 2;
      return;
    }
    const lost = context.published.filter(({ key }) => written.keys.has(key));
    if (attempt === 2 || !source) return changedDuringBuild(context, lost);
    await source.prepareAgain(lost.map(({ article }) => article));
    const changed = lost.filter(({ article, key }) => article.record.state !== "rendered" || article.record.key !== key);
    if (changed.length > 0) return changedDuringBuild(context, changed);
    for (const entry of lost) {
      const record = entry.article.record;
      if (record.state === "rendered") Object.assign(entry, { meta: record.meta, summary: record.summary, body: record.body });
    }
  }
  for (const [file, content] of files) (isReuse(content) ? context.unchanged : context.written).push(file);
  context.written.sort();
  context.unchanged.sort();
  context.outputs =
    source?.cacheDir !== undefined
      ? {
          digest: context.digest!,
          outDir,
          files: (context.previous ?? (await PreviousOutput.open(undefined))).describe(outDir, files),
          published: context.published.map(({ meta, article }) => ({ id: meta.id, source: article.source })),
          ...(lines ? { lines } : {}),
        }
      : undefined;
}
