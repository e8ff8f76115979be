import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { BuildContext, PublishedEntry, Stage } from "../context.js";
import type { ArticleMeta } from "./meta/index.js";
import { publicationState } from "./meta/index.js";

/**
 * Gathers every article's problems (with its file), counts and lists drafts, scheduled and expired articles, finds
 * articles that would replace one another, and decides what is published: the articles published
 * at `now` that have no errors.
 */
export const collect: Stage = async (context) => {
  const { display, counts, diagnostics } = context;
  const now = context.now.getTime();
  const candidates: (PublishedEntry & { file: string })[] = [];
  const held = new Set<string>();
  for (const article of context.articles) {
    const { record, file } = article;
    for (const { severity, rule, message, hint, line, column } of record.problems)
      diagnostics.push({ rule, severity, message, hint, file: display(file), line, column });
    if (record.state !== "parsed" && record.state !== "rendered") continue;
    const { meta } = record;
    const state = publicationState(meta, now);
    if (state !== "published") {
      counts[state === "draft" ? "drafts" : state]++;
      context.unpublished.push({ file: display(file), state, date: meta.date.toISOString(), ...(meta.expires ? { expires: meta.expires.toISOString() } : {}) });
    }
    if (record.state === "parsed") {
      held.add(article.source);
      continue;
    }
    // Written out, not spread: a spread of entries whose fields changed type gave each copy a hidden class of its own.
    candidates.push({ article, key: record.key, meta, summary: record.summary, body: record.body, file });
  }
  diagnostics.push(...findDuplicates(candidates, display));
  const failing = new Set(diagnostics.filter((d) => d.severity === "error").map((d) => d.file));
  // Drafts and scheduled articles leave on purpose; an article with errors only when --keep-going would drop it.
  context.kept = held;
  if (!context.options.keepGoing) for (const { source, file } of context.articles) if (failing.has(display(file))) held.add(source);
  context.published = candidates
    .filter(({ file }) => !failing.has(display(file)))
    .map(({ article, key, meta, summary, body }) => ({ article, key, meta, summary, body }));
};

/** Counts errors and warnings, and whether they fail the build. */
export function tally(context: BuildContext): void {
  const { counts, diagnostics } = context;
  counts.errors = diagnostics.filter((d) => d.severity === "error").length;
  counts.warnings = diagnostics.length - counts.errors;
  context.failed = counts.errors > 0 || (context.options.strict === true && counts.warnings > 0);
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
