import { unkeptSealingKey } from "../incremental/article-cache.js";
import { ArticleSource } from "../incremental/article-source.js";
import { defaultWorkers } from "../runtime/workers/article-pool.js";
import type { Stage } from "../context.js";

/** Runs every article through read, front matter, meta and render (see article.ts), or takes it from the cache. */
export const prepare: Stage = async (context) => {
  const { options } = context;
  const { cacheDir } = context;
  const unkept = cacheDir !== undefined && !options.dryRun ? unkeptSealingKey() : undefined;
  if (unkept)
    context.diagnostics.push({
      rule: "cache-key-unkept",
      severity: "warning",
      message: `The cache's key file ${context.display(unkept)} can be neither read nor created, so this build seals its cache with a key no later build will have: nothing it caches will be reused`,
      hint: "Set WIREFEED_CACHE_KEY (in CI, as a secret), or XDG_STATE_HOME to a folder this user can write.",
    });
  const { spare } = context;
  context.spare = undefined;
  context.source = await ArticleSource.open({
    articlesDir: context.articlesDir,
    config: context.config,
    site: context.site,
    now: context.now.getTime(),
    cacheDir,
    store: !options.dryRun,
    threads: options.workers ?? defaultWorkers(),
    onProgress: options.onProgress,
    spare,
  });
  context.articles = await context.source.prepareAll(context.files);
  context.timings.prepareMs = performance.now() - context.started;
};
