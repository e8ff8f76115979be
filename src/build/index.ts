import type { BuildContext, BuildOptions, BuildResult, Stage } from "./context.js";
import { collect } from "./stages/collect.js";
import { configure, setupFailure } from "./stages/configure.js";
import { discover } from "./stages/discover.js";
import { checkEmptyFeeds } from "./stages/empty-feeds.js";
import { guard } from "./stages/guard.js";
import { lockOutput } from "./stages/lock.js";
import { writeOutputs } from "./stages/output.js";
import { ping, pingRequested } from "./stages/ping.js";
import { prepare } from "./stages/prepare.js";
import { remember } from "./stages/remember.js";

export type { BuildOptions, BuildResult } from "./context.js";

/**
 * A build, in order. Each stage reads and writes the context; an article's problems become
 * diagnostics and leave that article out of the later stages, and a stage that ends the build
 * (a locked output, a dry run, errors, a lost article) says so in `context.end`.
 * - lock: take the output folder, recover what a killed build left;
 * - discover: list the article files;
 * - prepare: read, front matter, meta, render each article (see stages/article.ts), or take it from the cache;
 * - collect: gather diagnostics, find duplicates, decide what is published;
 * - empty feeds: a feed kind the config writes that would have no items is an error naming why;
 * - guard: keep a previous output made of the same articles, refuse to lose published ones;
 * - write: model, plan (every output file) and write, swapping the new output in at once;
 * - ping: tell the WebSub hubs which feeds changed, once they are in place (with --ping or `ping: true`).
 */
const stages: readonly Stage[] = [lockOutput, discover, prepare, collect, checkEmptyFeeds, guard, writeOutputs, ping];

/** Runs the pipeline above, then lets the cache remember it. Never throws for a user's mistake. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const context = await configure(options);
  if (!("options" in context)) return context;
  try {
    for (const stage of stages) {
      await stage(context);
      if (context.end) break;
    }
    if (context.end === "setup-failed") return setupFailure(context.started, context.diagnostics, options.cacheDir !== false);
    await remember(context);
    return result(context);
  } finally {
    void context.spare?.worker.terminate();
    // Released while the signal handlers still watch: a signal in between would end the process and leave the lock.
    await context.lock?.release();
    context.lock?.stopWatching();
  }
}

function result(context: BuildContext): BuildResult {
  const { source } = context;
  context.timings.totalMs = performance.now() - context.started;
  return {
    exitCode: context.exit ?? (context.failed ? 1 : 0),
    diagnostics: context.diagnostics,
    written: context.written,
    unchanged: context.unchanged,
    outDir: context.outDir,
    counts: context.counts,
    unpublished: context.unpublished,
    cache: source?.stats ?? { enabled: context.options.cacheDir !== false, hits: 0, stamped: 0, misses: 0, rebuilt: false },
    workers: source?.workersUsed ?? 0,
    outputJobs: context.outputJobs,
    timings: context.timings,
    ...(pingRequested(context) ? { pings: context.pings } : {}),
  };
}
