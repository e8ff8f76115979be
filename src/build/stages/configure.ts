import { stat } from "node:fs/promises";
import path from "node:path";
import { ConfigError, loadConfig } from "../../config/load.js";
import { articlesFolder } from "../../config/schema.js";
import { type Diagnostic, errorDiagnostic } from "../../diagnostics/diagnostic.js";
import type { BuildContext, BuildOptions, BuildResult } from "../context.js";
import { refuseOutFolder } from "./out-folder.js";
import { resolveSite } from "./profiles/site.js";
import { type RenderThread, renderBounds, spareRenderThread } from "../runtime/workers/article-pool.js";
import { remembered } from "../runtime/remembered.js";

/** The result of a build that could not start (or could not take its output folder): exit 2. */
export function setupFailure(started: number, diagnostics: Diagnostic[], cacheEnabled: boolean): BuildResult {
  return {
    exitCode: 2,
    diagnostics,
    written: [],
    unchanged: [],
    counts: { articles: 0, published: 0, drafts: 0, scheduled: 0, expired: 0, errors: diagnostics.length, warnings: 0 },
    unpublished: [],
    cache: { enabled: cacheEnabled, hits: 0, stamped: 0, misses: 0, rebuilt: false },
    workers: 0,
    outputJobs: 0,
    timings: { prepareMs: 0, outputsMs: 0, writeMs: 0, totalMs: performance.now() - started },
  };
}

/**
 * The first stage: reads `--now` and the config and resolves the folders, making the context the
 * other stages share; or the setup failure that stops the build before it starts.
 */
export async function configure(options: BuildOptions): Promise<BuildContext | BuildResult> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  // Asked of every article by several stages: each path is made relative once.
  const display = remembered((file) => path.relative(cwd, file) || ".");
  let spare: RenderThread | undefined;
  const fail = (diagnostic: Diagnostic) => {
    void spare?.worker.terminate();
    return setupFailure(started, [diagnostic], options.cacheDir !== false);
  };

  const now = options.now === undefined ? new Date() : new Date(options.now);
  if (Number.isNaN(now.getTime())) {
    return fail(errorDiagnostic("invalid-now", `--now "${String(options.now)}" is not a date`, "Pass an ISO 8601 instant, such as 2022-03-01T00:00:00Z."));
  }
  const configPath = path.resolve(cwd, options.config ?? "wirefeed.config.json");
  let config: BuildContext["config"];
  try {
    config = await loadConfig(configPath, display(configPath));
  } catch (error) {
    if (error instanceof ConfigError) return setupFailure(started, error.diagnostics, options.cacheDir !== false);
    throw error;
  }
  // Started as soon as its bounds are known: a thread takes longer to load its modules than the
  // checks below and reading the cache, and an edited article would otherwise wait for it.
  spare = spareRenderThread(renderBounds(config));
  const configDir = path.dirname(configPath);
  const articlesDir = options.articles ? path.resolve(cwd, options.articles) : path.resolve(configDir, articlesFolder(config));
  const outDir = options.out ? path.resolve(cwd, options.out) : path.resolve(configDir, config.out);
  const articlesStat = await stat(articlesDir).catch(() => undefined);
  if (!articlesStat?.isDirectory()) {
    return fail({
      ...errorDiagnostic(
        "articles-not-found",
        `The articles folder ${display(articlesDir)} does not exist`,
        'Create it, or pass --articles DIR (or set "articles" in the config).',
      ),
      file: display(articlesDir),
    });
  }
  const cache = options.cacheDir === false ? undefined : path.resolve(cwd, options.cacheDir ?? "node_modules/.cache/wirefeed");
  let refused: Diagnostic | undefined;
  let resolved: Awaited<ReturnType<typeof resolveSite>>;
  try {
    refused = await refuseOutFolder({ out: outDir, cwd, config: configPath, articles: articlesDir, cache, shared: config.outShared, display });
    resolved = await resolveSite(config, articlesDir, display);
  } catch (error) {
    void spare?.worker.terminate();
    throw error;
  }
  if (refused) return fail(refused);
  if (!resolved.ok) return fail(resolved.diagnostic);
  // Beside Hugo, Jekyll, Eleventy or Astro, the tool makes the pages: wirefeed's would replace them.
  config = { ...config, pages: config.pages ?? resolved.site.profile === "wirefeed" };
  return {
    options,
    started,
    cwd,
    display,
    now,
    configPath,
    config,
    site: resolved.site,
    spare,
    articlesDir,
    outDir,
    cacheDir: cache,
    diagnostics: [],
    counts: { articles: 0, published: 0, drafts: 0, scheduled: 0, expired: 0, errors: 0, warnings: 0 },
    unpublished: [],
    timings: { prepareMs: 0, outputsMs: 0, writeMs: 0, totalMs: 0 },
    written: [],
    unchanged: [],
    changedFeeds: [],
    pings: [],
    outputJobs: 0,
    end: undefined,
    failed: false,
    files: [],
    articles: [],
    published: [],
    kept: new Set(),
  };
}
