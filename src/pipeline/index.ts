import { stat } from "node:fs/promises";
import path from "node:path";
import { ConfigError, loadConfig } from "../config/load.js";
import type { Config } from "../config/schema.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { readArticleMeta, type ArticleMeta } from "./article.js";
import { splitFrontMatter, type LocatedProblem } from "./front-matter.js";
import { listArticleFiles, loadArticleFile } from "./load.js";
import { buildModel, type BuiltArticle, type FeedModel } from "./model.js";
import { summarize } from "./normalize/summary.js";
import { createRenderer } from "./render.js";
import { renderOutputs } from "./outputs.js";
import { writeOutput } from "./write.js";

/** What a build is asked to do. Paths resolve against `cwd`. */
export interface BuildOptions {
  cwd?: string;
  /** Config file; default `wirefeed.config.json`. */
  config?: string;
  /** Articles folder; overrides the config's `articles`. */
  articles?: string;
  /** Output folder; overrides the config's `out`. */
  out?: string;
  /** The build's notion of now: later articles are scheduled, not published. Default: the clock. */
  now?: Date | string;
  /** Warnings fail the build too. */
  strict?: boolean;
  /** Build the good articles even when some are bad (still exit 1). */
  keepGoing?: boolean;
  /** Validate only; write nothing. */
  dryRun?: boolean;
}

/** What a build did: diagnostics to show, and the exit code they imply. */
export interface BuildResult {
  /** 0 success, 1 article errors, 2 usage or config errors. */
  exitCode: 0 | 1 | 2;
  diagnostics: Diagnostic[];
  /** Output files written, relative to the output folder. */
  written: string[];
  outDir?: string;
  counts: { articles: number; published: number; drafts: number; scheduled: number; errors: number; warnings: number };
}

const usageError = (rule: string, message: string, hint: string): Diagnostic => ({ rule, severity: "error", message, hint });

/** Runs the pipeline: load, parse, normalize, render, model, serialize, write. Never throws for a user's mistake. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const display = (file: string) => path.relative(cwd, file) || ".";
  const counts = { articles: 0, published: 0, drafts: 0, scheduled: 0, errors: 0, warnings: 0 };
  const setupFailure = (diagnostics: Diagnostic[]): BuildResult => ({
    exitCode: 2,
    diagnostics,
    written: [],
    counts: { ...counts, errors: diagnostics.length },
  });

  const now = options.now === undefined ? new Date() : new Date(options.now);
  if (Number.isNaN(now.getTime())) {
    return setupFailure([usageError("invalid-now", `--now "${String(options.now)}" is not a date`, "Pass an ISO 8601 instant, such as 2022-03-01T00:00:00Z.")]);
  }
  const configPath = path.resolve(cwd, options.config ?? "wirefeed.config.json");
  let config: Config;
  try {
    config = await loadConfig(configPath, display(configPath));
  } catch (error) {
    if (error instanceof ConfigError) return setupFailure(error.diagnostics);
    throw error;
  }
  const configDir = path.dirname(configPath);
  const articlesDir = options.articles ? path.resolve(cwd, options.articles) : path.resolve(configDir, config.articles);
  const outDir = options.out ? path.resolve(cwd, options.out) : path.resolve(configDir, config.out);
  const articlesStat = await stat(articlesDir).catch(() => undefined);
  if (!articlesStat?.isDirectory()) {
    return setupFailure([
      {
        ...usageError("articles-not-found", `The articles folder ${display(articlesDir)} does not exist`, "Create it, or pass --articles DIR (or set \"articles\" in the config)."),
        file: display(articlesDir),
      },
    ]);
  }

  const diagnostics: Diagnostic[] = [];
  const report = (file: string, problems: readonly LocatedProblem[], severity: Diagnostic["severity"]) => {
    for (const { rule, message, hint, line, column } of problems) diagnostics.push({ rule, severity, message, hint, file: display(file), line, column });
  };

  const renderer = createRenderer({ allowDataImages: config.allowDataImages });
  const built: (BuiltArticle & { file: string; meta: ArticleMeta })[] = [];
  const files = await listArticleFiles(articlesDir);
  counts.articles = files.length;
  for (const file of files) {
    const loaded = await loadArticleFile(file, articlesDir, config.maxArticleBytes);
    if (!loaded.ok) {
      report(file, loaded.problems, "error");
      continue;
    }
    const split = splitFrontMatter(loaded.file.text);
    if (!split.ok) {
      report(file, split.problems, "error");
      continue;
    }
    const { meta, errors, warnings } = readArticleMeta(split.value, path.basename(file), config);
    report(file, errors, "error");
    report(file, warnings, "warning");
    if (!meta) continue;
    if (meta.draft) {
      counts.drafts++;
      continue;
    }
    if (meta.date > now) {
      counts.scheduled++;
      continue;
    }
    const body = renderer.render(split.value.body, meta.url);
    const summary = meta.description ?? summarize(body.firstParagraph);
    built.push({ meta, body, summary, source: loaded.file.relativePath, file });
  }
  diagnostics.push(...findDuplicates(built, display));

  counts.errors = diagnostics.filter((d) => d.severity === "error").length;
  counts.warnings = diagnostics.length - counts.errors;
  const failed = counts.errors > 0 || (options.strict === true && counts.warnings > 0);
  const result: BuildResult = { exitCode: failed ? 1 : 0, diagnostics, written: [], outDir, counts };
  if ((failed && !options.keepGoing) || options.dryRun) return result;

  const bad = new Set(diagnostics.filter((d) => d.severity === "error").map((d) => d.file));
  const model: FeedModel = buildModel(
    built.filter((article) => !bad.has(display(article.file))),
    config,
  );
  counts.published = model.items.length;
  const outputs = await renderOutputs(model, { previous: outDir });
  await writeOutput(outDir, outputs);
  result.written = [...outputs.keys()].sort();
  return result;
}

/** Two articles may not share a slug, URL or id: readers would see one replace the other. */
function findDuplicates(articles: readonly { meta: ArticleMeta; file: string }[], display: (file: string) => string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [field, rule] of [
    ["id", "duplicate-id"],
    ["url", "duplicate-url"],
    ["slug", "duplicate-slug"],
  ] as const) {
    const seen = new Map<string, { meta: ArticleMeta; file: string }>();
    for (const article of articles) {
      const value = article.meta[field];
      const first = seen.get(value);
      if (!first) {
        seen.set(value, article);
        continue;
      }
      if (diagnostics.some((d) => d.file === display(article.file))) continue;
      const position = field === "slug" || field === "url" ? article.meta.positions.slug : article.meta.positions.id;
      diagnostics.push({
        rule,
        severity: "error",
        message: `The ${field} "${value}" is used by both ${display(first.file)} and ${display(article.file)}`,
        hint: `Give one of ${display(first.file)} and ${display(article.file)} its own \`${field === "url" ? "slug" : field}:\` in the front matter.`,
        file: display(article.file),
        ...position,
      });
    }
  }
  return diagnostics;
}
