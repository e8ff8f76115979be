/**
 * The `import` and `new` commands: argument parsing and printing. The work is done by
 * `importArticles` and `scaffoldArticle`.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { type CliIo, usage } from "./io.js";
import { formatDiagnostics } from "../diagnostics/report.js";
import { formatRfc3339 } from "../text/date.js";
import type { Detection } from "../import/analyze.js";
import { importArticles, importSettings, type ImportedArticle, type ImportResult } from "../import/import.js";
import { scaffoldArticle } from "../import/scaffold.js";

/** Help for `wirefeed import`. */
export const importHelp = `Usage: wirefeed import <file-or-folder>... [--out DIR] [--dry-run] [--force] [--config FILE]

Turns article pages saved as text (or HTML) into front-mattered Markdown files
named YYYY-MM-DD-slug.md. Folders are imported whole. Existing files are kept
unless --force. --dry-run prints what was detected and what would be written.
`;

/** Help for `wirefeed new`. */
export const newHelp = `Usage: wirefeed new "Title" [--articles DIR] [--config FILE]

Creates articles/YYYY-MM-DD-slug.md for today in the configured time zone, as a
draft, with every front matter key (optional ones commented out).
`;

/**
 * Runs `wirefeed import` on its arguments and returns the exit code.
 * @param args the arguments after "import"
 * @param io where to print, and the folder paths resolve against
 */
export async function runImport(args: readonly string[], io: CliIo): Promise<number> {
  // biome-ignore lint/suspicious/noImplicitAnyLet: parseArgs infers the type from its options, given in the try below
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        out: { type: "string" },
        config: { type: "string" },
        "dry-run": { type: "boolean" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    return usage(io, (error as Error).message, "Run wirefeed import --help.");
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(importHelp);
    return 0;
  }
  const dryRun = values["dry-run"] === true;
  const result = await importArticles({
    cwd: io.cwd,
    inputs: positionals,
    dryRun,
    force: values.force === true,
    ...(values.out === undefined ? {} : { out: values.out }),
    ...(values.config === undefined ? {} : { config: values.config }),
  });
  if (result.diagnostics.length > 0) {
    io.stderr(`${formatDiagnostics(result.diagnostics)}\n`);
    return result.exitCode;
  }
  io.stdout(formatImport(result, dryRun));
  io.stderr(`${summary(result, dryRun, io.cwd)}\n`);
  return result.exitCode;
}

/**
 * Runs `wirefeed new "Title"` and returns the exit code.
 * @param args the arguments after "new"
 * @param io where to print; `now` is injectable for tests
 */
export async function runNew(args: readonly string[], io: CliIo & { now?: Date }): Promise<number> {
  // biome-ignore lint/suspicious/noImplicitAnyLet: parseArgs infers the type from its options, given in the try below
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { articles: { type: "string" }, config: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    return usage(io, (error as Error).message, "Run wirefeed new --help.");
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(newHelp);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] === undefined)
    return usage(io, `wirefeed new takes one title, got ${positionals.length}`, 'Quote the title: wirefeed new "Iran blames NATO expansion".');
  const settings = await importSettings(io.cwd, values.config);
  if (Array.isArray(settings)) {
    io.stderr(`${formatDiagnostics(settings)}\n`);
    return 2;
  }
  const articlesDir = values.articles === undefined ? settings.articles : path.resolve(io.cwd, values.articles);
  const created = await scaffoldArticle(positionals[0], { articlesDir, timeZone: settings.timeZone, now: io.now ?? new Date() });
  if (!created.ok) return usage(io, created.problem.message, created.problem.hint);
  io.stdout(`${path.relative(io.cwd, created.value.file)}\n`);
  return 0;
}

const OUTCOME_LABEL: Record<ImportedArticle["outcome"], string> = {
  imported: "imported",
  "would-import": "would write",
  skipped: "skipped",
  "needs-attention": "needs attention",
};

/**
 * The per-article report: outcome, and with `dryRun` (or when an article needs attention)
 * what was detected, line by line, and the file that would be written.
 * @param result the import's result
 * @param dryRun whether to show detections and file contents for every article
 */
export function formatImport(result: ImportResult, dryRun: boolean): string {
  const blocks = result.articles.map((article) => {
    const head = `${article.source}${article.target === undefined ? "" : ` -> ${article.target}`}: ${OUTCOME_LABEL[article.outcome]}${article.reason === undefined ? "" : ` (${article.reason})`}`;
    const detailed = dryRun || article.outcome === "needs-attention";
    if (!detailed || article.detection === undefined) return head;
    const lines = [head, ...detectionLines(article.detection, result.timeZone ?? "UTC")];
    if (dryRun && article.markdown !== undefined && article.outcome !== "needs-attention")
      lines.push(
        "  --- file ---",
        ...article.markdown
          .trimEnd()
          .split("\n")
          .map((line) => (line === "" ? "" : `  ${line}`)),
        "  --- end ---",
      );
    return lines.join("\n");
  });
  return `${blocks.join("\n\n")}\n`;
}

function detectionLines(detection: Detection, timeZone: string): string[] {
  const row = (label: string, line: number | undefined, value: string) => `  ${label.padEnd(16)}${line === undefined ? "" : `line ${line}: `}${value}`;
  const rows: string[] = [];
  if (detection.title) rows.push(row("title", detection.title.line, detection.title.value));
  if (detection.description) rows.push(row("description", detection.description.line, detection.description.value));
  if (detection.date) rows.push(row("date", detection.date.line, `${detection.date.value} (${formatRfc3339(detection.date.date, timeZone)} in ${timeZone})`));
  if (detection.authors) rows.push(row("author", detection.authors.line, detection.authors.names.join(", ")));
  for (const key of ["src", "alt", "caption", "credit"] as const) {
    const found = detection.image?.[key];
    if (found) rows.push(row(`image ${key}`, found.line, found.value));
  }
  const first = detection.body[0];
  const last = detection.body.at(-1);
  if (first !== undefined && last !== undefined)
    rows.push(row("body", undefined, `${detection.body.length} paragraph${detection.body.length === 1 ? "" : "s"}, lines ${first.line}-${last.line}`));
  for (const dropped of detection.dropped) rows.push(row("dropped", dropped.line, `${dropped.value} (${dropped.reason})`));
  for (const note of detection.notes) rows.push(row(`no ${note.field}`, note.line, `${note.text === undefined ? "" : `"${note.text}": `}${note.message}`));
  return rows;
}

function summary(result: ImportResult, dryRun: boolean, cwd: string): string {
  const { imported, skipped, attention } = result.counts;
  const verb = dryRun ? "would import" : "imported";
  const into = result.outDir === undefined ? "" : ` into ${path.relative(cwd, result.outDir) || "."}`;
  return `wirefeed: ${verb} ${imported}, skipped ${skipped}, needing attention ${attention} (of ${result.articles.length} files)${dryRun ? "; nothing written" : into}`;
}
