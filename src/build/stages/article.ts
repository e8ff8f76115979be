import path from "node:path";
import type { Config } from "../../config/schema.js";
import type { Severity } from "../../diagnostics/diagnostic.js";
import { summarize } from "../../text/summary.js";
import { splitFrontMatter, type LocatedProblem } from "./front-matter.js";
import { isPublished, readArticleMeta, type ArticleMeta } from "./meta/index.js";
import { type ProfiledArticle, readProfiled } from "./profiles/apply.js";
import type { SiteFacts } from "./profiles/types.js";
import { loadArticleFile } from "./read.js";
import { scanBody } from "./bounds.js";
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
 * Where a rendered body is: in the record itself, or in the article cache under the record's key
 * (read when an output needs it); `stamp` is the cache file's as this build wrote it (see `storeRendered`).
 */
export type ArticleBody = { inline: RenderedBody } | { stored: string; stamp?: string };

/**
 * Everything the per-article stages (read, front matter, meta, render) learned about one file:
 * a pure function of the cache key, so it can be cached and computed on any thread. The states,
 * in the order a file moves through them:
 * - `unreadable`: the file could not be read as text; it has no key, so the failure is never cached;
 * - `invalid`: its front matter or metadata has errors that leave no article, or its tool's profile
 *   says it is not a post (an about page, a draft in JavaScript front matter);
 * - `parsed`: an article, not published at the build's `now` (a draft, or scheduled), so not rendered;
 * - `rendered`: a published article with its body and summary.
 */
export type ArticleRecord =
  | { state: "unreadable"; problems: ArticleProblem[] }
  | { state: "invalid"; key: string; problems: ArticleProblem[] }
  | { state: "parsed"; key: string; problems: ArticleProblem[]; meta: ArticleMeta }
  | { state: "rendered"; key: string; problems: ArticleProblem[]; meta: ArticleMeta; summary: string; body: ArticleBody };

/** What the per-article stages need besides the file. */
export interface PrepareContext {
  articlesDir: string;
  config: Config;
  /** The site's profile and what its tool's config says. */
  site: SiteFacts;
  /** Milliseconds since the epoch: articles dated later are scheduled and not rendered yet. */
  now: number;
}

/** The cache key of a file from its path relative to the articles folder and its bytes: given by the caller, so this module never depends on the cache. */
export type KeyOf = (relativePath: string, bytes: Uint8Array) => string;

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
 * @param context articles folder, config and now
 * @param keyOf the cache key of a file's bytes
 */
export function createPreparer(context: PrepareContext, keyOf: KeyOf) {
  let renderer: Renderer | undefined;
  const { articlesDir, config, now } = context;
  return {
    /**
     * Runs read, front matter, meta and (for published articles) render on one file.
     * @param file absolute path of the article
     */
    async prepare(file: string): Promise<ArticleRecord> {
      const loaded = await loadArticleFile(file, articlesDir, config.maxArticleBytes);
      if (!loaded.ok) return { state: "unreadable", problems: withSeverity(loaded.problems, "error") };
      const key = keyOf(loaded.file.relativePath, loaded.file.bytes);
      const read = readArticle(loaded.file.text, loaded.file.relativePath, context);
      if (read.kind === "failed") return { state: "invalid", key, problems: withSeverity(read.problems, read.severity) };
      if (read.kind === "not-a-post") return { state: "invalid", key, problems: withSeverity(read.warnings, "warning") };
      const { meta, errors, warnings } = readArticleMeta(read.split, path.basename(file), read.config ?? config, read.place);
      const problems = [...withSeverity([...read.errors, ...errors], "error"), ...withSeverity([...read.warnings, ...warnings], "warning")];
      if (!meta) return { state: "invalid", key, problems };
      if (!isPublished(meta, now)) return { state: "parsed", key, problems, meta };
      const source = read.body();
      problems.push(...withSeverity(source.warnings, "warning"));
      // The parsers recurse, and some of their steps grow with the square of what they match:
      // bounds are checked on the text, in one linear pass, before any of them sees it.
      const { bodyLine } = read.split;
      const scan = scanBody(source.body, bodyLine, config);
      if (scan.problem) return { state: "invalid", key, problems: [...problems, { ...scan.problem, severity: "error" }] };
      renderer ??= createRenderer({ allowDataImages: config.allowDataImages });
      let rendered: ReturnType<Renderer["render"]>;
      try {
        rendered = renderer.render(source.body, meta.url);
      } catch (error) {
        // The scan keeps the parsers well inside the stack; should one still overflow it, the article fails, not the build.
        if (!(error instanceof RangeError)) throw error;
        const problem = { rule: "nesting-too-deep", message: "The body nests too deeply to render", hint: "Flatten its lists, quotes or HTML." } as const;
        return { state: "invalid", key, problems: [...problems, { ...problem, severity: "error", line: bodyLine, column: 1 }] };
      }
      const { assets, ...body } = rendered;
      // Positions in the file, not the body, like every other problem of an article.
      if (assets.length > 0) meta.assets = assets.map((asset) => ({ ...asset, line: asset.line + read.split.bodyLine - 1 }));
      return { state: "rendered", key, problems, meta, summary: meta.description ?? summarize(body.firstParagraph), body: { inline: body } };
    },
  };
}
