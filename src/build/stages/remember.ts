import type { Stage } from "../context.js";

/** The last stage: the cache remembers this build's articles and what it wrote, for the next build to reuse. */
export const remember: Stage = async (context) => {
  await context.source?.save(context.articles, context.outputs, context.reusable !== undefined);
};
