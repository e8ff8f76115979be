import type { BuildContext, PublishedEntry, Stage } from "../context.js";
import type { BodyReader } from "../incremental/bodies.js";
import { describeOutput } from "../incremental/previous-output.js";
import { defaultWorkers } from "../runtime/workers/article-pool.js";
import { DocumentPool, documentWorkersAvailable } from "../runtime/workers/document-pool.js";
import { usageError } from "./configure.js";
import { buildModel } from "./model.js";
import { renderOutputs } from "./plan.js";
import { type OutputFiles, spoolFolder, writeOutput } from "./write.js";

/** How writing the outputs of the published articles went. */
type Written =
  | { kind: "written"; files: OutputFiles; lines: ReturnType<Awaited<ReturnType<typeof renderOutputs>>["lineIndex"]> }
  | { kind: "lost"; keys: Set<string> };

/**
 * The model of the published articles, its files (plan) and their writing. Bodies that stayed in
 * the cache are read only while a file that changed is written: an edit to one article of 10,000
 * reads a few.
 */
async function writeModel(context: BuildContext, bodies: BodyReader | undefined): Promise<Written> {
  const { config, outDir, options, timings } = context;
  const outputsStarted = performance.now();
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
  const threads = options.workers ?? defaultWorkers();
  const cacheDir = context.source?.cacheDir;
  // Feed documents render on threads of their own while this one writes the downloads.
  const documents = threads > 1 && documentWorkersAvailable() ? new DocumentPool(threads - 1, cacheDir ? { cacheDir } : {}) : undefined;
  const rendered = await renderOutputs(model, {
    ...(context.previous ? { previous: context.previous } : {}),
    spool: spoolFolder(outDir),
    ...(documents ? { documents } : {}),
  });
  try {
    const files = (await context.previous?.keepUnchanged(rendered.files)) ?? rendered.files;
    const writeStarted = performance.now();
    timings.outputsMs += writeStarted - outputsStarted;
    const complete = await writeOutput(outDir, files, () => !bodies || bodies.lost.size === 0);
    timings.writeMs += performance.now() - writeStarted;
    return complete ? { kind: "written", files, lines: rendered.lineIndex() } : { kind: "lost", keys: bodies!.lost };
  } finally {
    await documents?.close();
    await rendered.dispose();
  }
}

/** Articles whose file is no longer what was prepared: the build cannot publish them as they were read. */
function changedDuringBuild(context: BuildContext, entries: readonly PublishedEntry[]): void {
  for (const { article } of entries) {
    context.diagnostics.push({
      ...usageError("changed-during-build", "The file changed while it was being built", "Run the build again."),
      file: context.display(article.file),
    });
  }
  context.counts.errors += entries.length;
  context.failed = true;
}

/**
 * The stage: writes the previous output again when it is kept whole; else makes and writes the
 * files. A body the cache lost sends its articles back through preparation, and the files are
 * made again with them: once; a body lost twice, or an article whose file changed meanwhile,
 * fails the build.
 */
export const writeOutputs: Stage = async (context) => {
  const { outDir, timings, source } = context;
  context.counts.published = context.published.length;
  let files = context.reusable;
  let lines = files ? source?.outputs?.lines : undefined;
  if (files) {
    const writeStarted = performance.now();
    await writeOutput(outDir, files);
    timings.writeMs = performance.now() - writeStarted;
  }
  for (let attempt = 1; !files; attempt++) {
    const written = await writeModel(context, source?.bodyReader());
    if (written.kind === "written") {
      files = written.files;
      lines = written.lines;
      break;
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
  for (const [file, content] of files) (typeof content === "object" && "reuse" in content ? context.unchanged : context.written).push(file);
  context.written.sort();
  context.unchanged.sort();
  context.outputs =
    source?.cacheDir !== undefined
      ? {
          digest: context.digest!,
          outDir,
          files: await describeOutput(outDir, [...files.keys()]),
          published: context.published.map(({ meta, article }) => ({ id: meta.id, source: article.source })),
          ...(lines ? { lines } : {}),
        }
      : undefined;
};
