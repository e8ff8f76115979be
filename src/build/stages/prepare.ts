import path from "node:path";
import { ArticleSource } from "../incremental/article-source.js";
import { defaultWorkers } from "../runtime/workers/article-pool.js";
import type { Stage } from "../context.js";

/** Runs every article through read, front matter, meta and render (see article.ts), or takes it from the cache. */
export const prepare: Stage = async (context) => {
  const { options } = context;
  context.source = await ArticleSource.open({
    articlesDir: context.articlesDir,
    config: context.config,
    site: context.site,
    now: context.now.getTime(),
    cacheDir: options.cacheDir === false ? undefined : path.resolve(context.cwd, options.cacheDir ?? "node_modules/.cache/wirefeed"),
    store: !options.dryRun,
    threads: options.workers ?? defaultWorkers(),
    onProgress: options.onProgress,
  });
  context.articles = await context.source.prepareAll(context.files);
  context.timings.prepareMs = performance.now() - context.started;
};
