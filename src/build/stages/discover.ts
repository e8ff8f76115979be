import type { Stage } from "../context.js";
import { discoveryFor } from "./profiles/site.js";
import { listArticleFiles } from "./read.js";

/** Lists the article files, sorted, so that every later stage sees them in one order on every machine. */
export const discover: Stage = async (context) => {
  // The folders the build writes are never read back as articles, even inside the site.
  const written = [context.outDir, ...(context.cacheDir === undefined ? [] : [context.cacheDir])];
  context.files = await listArticleFiles(context.articlesDir, discoveryFor(context.site, context.articlesDir, written));
  context.counts.articles = context.files.length;
};
