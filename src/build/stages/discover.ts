import type { Stage } from "../context.js";
import { listArticleFiles } from "./read.js";

/** Lists the article files, sorted, so that every later stage sees them in one order on every machine. */
export const discover: Stage = async (context) => {
  context.files = await listArticleFiles(context.articlesDir);
  context.counts.articles = context.files.length;
};
