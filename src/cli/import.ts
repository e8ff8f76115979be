/**
 * The `import` and `new` commands: argument parsing and printing. The work is done by
 * `importArticles` and `scaffoldArticle`.
 */
import path from "node:path";
import { type CliIo, parseCommand, usage } from "./io.js";
import { formatDiagnostics } from "../diagnostics/report.js";
import { formatRfc3339 } from "../text/date.js";
import type { Detection } from "../import/analyze.js";
import { importArticles, importSettings, type ImportedArticle, type ImportResult, toolSiteRoot } from "../import/import.js";
import { scaffoldArticle } from "../import/scaffold.js";
import type { MetaField } from "../import/metadata.js";

/** Help for `wirefeed import`. */
export const importHelp = `Usage: wirefeed import <file-or-folder>... [--out DIR] [--dry-run] [--force] [--config FILE]

Turns article pages saved as text (or HTML) into front-mattered Markdown files
named YYYY-MM-DD-slug.md. Folders are imported whole; only regular files are
read. Existing files are kept unless --force. --dry-run prints what was
detected, which source of the page gave each field and what the others said,
and what would be written.
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
  const parsed = parseCommand(
    io,
    args,
    {
      out: { type: "string" },
      config: { type: "string" },
      "dry-run": { type: "boolean" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    { name: "import", help: importHelp },
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
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
  const parsed = parseCommand(
    io,
    args,
    { articles: { type: "string" }, config: { type: "string" }, help: { type: "boolean", short: "h" } },
    { name: "new", help: newHelp },
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || positionals[0] === undefined)
    return usage(io, `wirefeed new takes one title, got ${positionals.length}`, 'Quote the title: wirefeed new "Iran blames NATO expansion".');
  const settings = await importSettings(io.cwd, values.config);
  if (Array.isArray(settings)) {
    io.stderr(`${formatDiagnostics(settings)}\n`);
    return 2;
  }
  if (values.articles === undefined && settings.toolSite !== undefined) {
    io.stderr(`${formatDiagnostics([toolSiteRoot(settings.toolSite, "new", "--articles")])}\n`);
    return 2;
  }
  const articlesDir = values.articles === undefined ? settings.articles : path.resolve(io.cwd, values.articles);
  const created = await scaffoldArticle(positionals[0], { articlesDir, timeZone: settings.timeZone, now: io.now ?? new Date(), profile: settings.toolSite });
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
  // For an HTML page: which source gave the field, then what every other source said and why it lost.
  const sourced = (field: MetaField, text: string) => {
    const evidence = (detection.evidence ?? []).filter((item) => item.field === field);
    const used = evidence.find((item) => item.used);
    rows.push(used === undefined ? text : `${text} [${used.source}]`);
    for (const other of evidence.filter((item) => !item.used))
      rows.push(`${" ".repeat(20)}${other.source}, line ${other.line}: ${other.value}${other.reason === undefined ? "" : ` (${other.reason})`}`);
  };
  if (detection.encoding) rows.push(row("encoding", detection.encoding.line, detection.encoding.value));
  if (detection.title) sourced("title", row("title", detection.title.line, detection.title.value));
  if (detection.description) sourced("description", row("description", detection.description.line, detection.description.value));
  if (detection.date)
    sourced("date", row("date", detection.date.line, `${detection.date.value} (${formatRfc3339(detection.date.date, timeZone)} in ${timeZone})`));
  if (detection.updated)
    sourced(
      "updated",
      row("updated", detection.updated.line, `${detection.updated.value} (${formatRfc3339(detection.updated.date, timeZone)} in ${timeZone})`),
    );
  if (detection.authors)
    sourced(
      "author",
      row("author", detection.authors.line, `${detection.authors.names.join(", ")}${detection.authors.organization === true ? " (an organization)" : ""}`),
    );
  for (const key of ["src", "alt", "caption", "credit"] as const) {
    const found = detection.image?.[key];
    if (found) rows.push(row(`image ${key}`, found.line, found.value));
  }
  const first = detection.body[0];
  const last = detection.body.at(-1);
  if (first !== undefined && last !== undefined)
    rows.push(
      row(
        "body",
        undefined,
        `${detection.body.length} ${detection.body.some((block) => block.markdown !== undefined) ? "block" : "paragraph"}${detection.body.length === 1 ? "" : "s"}, lines ${first.line}-${last.line}`,
      ),
    );
  for (const dropped of detection.dropped) rows.push(row("dropped", dropped.line, `${dropped.value} (${dropped.reason})`));
  for (const note of detection.notes) rows.push(row(`no ${note.field}`, note.line, `${note.text === undefined ? "" : `"${note.text}": `}${note.message}`));
  // A field no source could give: what each source said, and why it was not used.
  for (const field of ["title", "description", "date", "author"] as const) {
    const tried = (detection.evidence ?? []).filter((item) => item.field === field);
    if (tried.length > 0 && !tried.some((item) => item.used))
      for (const item of tried)
        rows.push(row(`tried ${field}`, item.line, `${item.source}: ${item.value}${item.reason === undefined ? "" : ` (${item.reason})`}`));
  }
  return rows;
}

function summary(result: ImportResult, dryRun: boolean, cwd: string): string {
  const { imported, skipped, attention } = result.counts;
  const verb = dryRun ? "would import" : "imported";
  const into = result.outDir === undefined ? "" : ` into ${path.relative(cwd, result.outDir) || "."}`;
  return `wirefeed: ${verb} ${imported}, skipped ${skipped}, needing attention ${attention} (of ${result.articles.length} files)${dryRun ? "; nothing written" : into}`;
}
