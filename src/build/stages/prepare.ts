import path from "node:path";
import type { Config } from "../../config/schema.js";
import type { Severity } from "../../diagnostics/diagnostic.js";
import { readArticleMeta, type ArticleMeta } from "./meta.js";
import { splitFrontMatter, type LocatedProblem } from "./front-matter.js";
import { articleKey, isPublished } from "../incremental/article-cache.js";
import { loadArticleFile } from "./read.js";
import { type ProfiledArticle, readProfiled } from "./profiles/apply.js";
import type { SiteFacts } from "./profiles/types.js";
import { summarize } from "../../text/summary.js";
import { createRenderer, type RenderedBody, type Renderer } from "./render.js";

/** A problem of one article, with its severity; the file is added by the build, which knows how to show it. */
export interface ArticleProblem extends LocatedProblem {
  severity: Severity;
}

/** An article's rendered body and the summary made from it. */
export interface RenderedArticle {
  body: RenderedBody;
  summary: string;
}

/**
 * Everything the per-article stages (load, front matter, meta, render) learned about one file:
 * a pure function of the cache key, so it can be cached and computed on any thread.
 */
export interface ArticleRecord {
  /** The cache key; absent when the file could not be read, so that the failure is never cached. */
  key?: string;
  problems: ArticleProblem[];
  meta?: ArticleMeta;
  /** Present for articles published at the build's `now`; drafts and scheduled articles are not rendered. */
  rendered?: RenderedArticle;
  /** Instead of `rendered`, when a render worker stored the body in the cache: its summary (the body is read when needed). */
  storedSummary?: string;
}

/** What the per-article stages need besides the file. */
export interface PrepareContext {
  articlesDir: string;
  config: Config;
  /** Milliseconds since the epoch: articles dated later are scheduled and not rendered yet. */
  now: number;
  /** The site's profile and what its tool's config says. */
  site: SiteFacts;
  /** Hashes wirefeed's version and the config into every key; see `keyPrefix` in cache.ts. */
  keyPrefix: string;
}

/** An article file's front matter and body, read as wirefeed's own or through its tool's profile. */
function readArticle(text: string, relativePath: string, context: PrepareContext): ProfiledArticle & { config?: Config } {
  if (context.site.profile !== "wirefeed") {
    const read = readProfiled(text, relativePath, context.site, context.config);
    // Dates are read in the tool's own zone when its config names one.
    return read.kind === "article" && context.site.timeZone ? { ...read, config: { ...context.config, timeZone: context.site.timeZone } } : read;
  }
  const split = splitFrontMatter(text);
  if (!split.ok) return { kind: "failed", problems: split.problems, severity: "error" };
  return { kind: "article", split: split.value, errors: [], warnings: [], body: () => ({ body: split.value.body, warnings: [] }) };
}

const withSeverity = (problems: readonly LocatedProblem[], severity: Severity): ArticleProblem[] => problems.map((problem) => ({ ...problem, severity }));

/**
 * Creates the per-article stages with one Markdown processor, made on first use: a build whose
 * articles are all cached never loads unified.
 * @param context articles folder, config, now and key prefix
 */
export function createPreparer(context: PrepareContext) {
  let renderer: Renderer | undefined;
  const { articlesDir, config, now } = context;
  return {
    /**
     * Runs load, front matter, meta and (for published articles) render on one file.
     * @param file absolute path of the article
     */
    async prepare(file: string): Promise<ArticleRecord> {
      const loaded = await loadArticleFile(file, articlesDir, config.maxArticleBytes);
      if (!loaded.ok) return { problems: withSeverity(loaded.problems, "error") };
      const key = articleKey(context.keyPrefix, loaded.file.relativePath, loaded.file.bytes);
      const read = readArticle(loaded.file.text, loaded.file.relativePath, context);
      if (read.kind === "failed") return { key, problems: withSeverity(read.problems, read.severity) };
      if (read.kind === "not-a-post") return { key, problems: withSeverity(read.warnings, "warning") };
      const { meta, errors, warnings } = readArticleMeta(read.split, path.basename(file), read.config ?? config, read.place);
      const record: ArticleRecord = {
        key,
        problems: [...withSeverity([...read.errors, ...errors], "error"), ...withSeverity([...read.warnings, ...warnings], "warning")],
      };
      if (!meta) return record;
      record.meta = meta;
      if (!isPublished(meta, now)) return record;
      const source = read.body();
      record.problems.push(...withSeverity(source.warnings, "warning"));
      renderer ??= createRenderer({ allowDataImages: config.allowDataImages });
      const body = renderer.render(source.body, meta.url);
      record.rendered = { body, summary: meta.description ?? summarize(body.firstParagraph) };
      return record;
    },
  };
}
