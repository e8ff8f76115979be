import type { Config } from "../../../config/schema.js";
import type { Severity } from "../../../diagnostics/diagnostic.js";
import { closest } from "../../../diagnostics/suggest.js";
import { slugify } from "../../../text/slug.js";
import type { LocatedProblem, SplitArticle } from "../front-matter.js";
import type { ArticlePlace } from "../meta/index.js";
import { splitToolFrontMatter } from "./front-matter.js";
import { siteBase } from "./common.js";
import { profileFor } from "./registry.js";
import type { MappedProblem, Profile, SiteFacts } from "./types.js";

/** Keys wirefeed reads that, misspelt, change whether or when an article is published. */
const publicationKeys = ["draft", "date", "published", "expiryDate", "publishDate"];

/**
 * A tool allows any front matter key (a theme reads it as a parameter), so a key the profile does
 * not know is no mistake; only a near miss of a key the profile reads is, and a near miss of a
 * publication key is an error: the article would be published when its author meant it not to be.
 */
function keyProblems(
  data: Record<string, unknown>,
  profile: Profile,
  site: SiteFacts,
  positionOf: SplitArticle["positionOf"],
): { errors: LocatedProblem[]; warnings: LocatedProblem[] } {
  // Compared without case: Hugo reads keys so, and for the others a key in another case is still no typo to warn of.
  const known = new Set([...profile.knownKeys, ...(profile.knownKeysOf?.(site) ?? []), ...site.ignoreKeys].map((key) => key.toLowerCase()));
  const errors: LocatedProblem[] = [];
  const warnings: LocatedProblem[] = [];
  for (const key of Object.keys(data)) {
    if (known.has(key.toLowerCase())) continue;
    // Stricter than config keys: themes have short keys (math, meta) a generous distance would flag.
    const near = closest(key, profile.knownKeys);
    if (!near || distanceAtMost(key.toLowerCase(), near.toLowerCase(), key.length >= 8 ? 2 : 1) === false) continue;
    const publication = publicationKeys.some((wanted) => wanted.toLowerCase() === near.toLowerCase());
    (publication ? errors : warnings).push({
      rule: publication ? "misspelled-publication-key" : "unknown-key",
      message: publication
        ? `Unknown front matter key "${key}", one letter from "${near}": the article would be published as if it were not there`
        : `Unknown front matter key "${key}"`,
      hint: `Did you mean "${near}"? If "${key}" is a key of your theme, add it to "ignoreKeys" in wirefeed.config.json.`,
      ...positionOf([key]),
    });
  }
  return { errors, warnings };
}

/** Whether two words are within `limit` single-character edits (insert, delete, substitute, swap). */
function distanceAtMost(a: string, b: string, limit: number): boolean {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
  return rows[a.length]![b.length]! <= limit;
}

/** An article file read through its tool's profile. */
export type ProfiledArticle =
  | { kind: "failed"; problems: LocatedProblem[]; severity: Severity }
  /** A page the tool makes, but not a post; the warnings say why when the tool would list it as one. */
  | { kind: "not-a-post"; warnings: LocatedProblem[] }
  | {
      kind: "article";
      /** The front matter restated in wirefeed's keys, with positions into the original. */
      split: SplitArticle;
      /** The page the tool makes; absent for wirefeed's own articles, placed by the permalink pattern. */
      place?: ArticlePlace;
      errors: LocatedProblem[];
      warnings: LocatedProblem[];
      /** The body with the tool's template syntax rewritten, and what could not be. */
      body(): { body: string; warnings: LocatedProblem[] };
    };

/**
 * Reads one article through its tool's profile: front matter in the tool's languages and
 * vocabulary, the page the tool makes of it, and its body's template syntax.
 * @param text normalized file text
 * @param relativePath path below the site folder, forward slashes
 */
export function readProfiled(text: string, relativePath: string, site: SiteFacts, config: Config): ProfiledArticle {
  const profile = profileFor(site.profile);
  const split = splitToolFrontMatter(text, profile.frontMatter);
  if (!split.ok) return { kind: "failed", problems: split.problems, severity: split.severity };
  const { data, positionOf } = split.value;
  const mapped = profile.map({ data, relativePath, site, config });
  const located = (problems: MappedProblem[]) =>
    problems.map(({ at, ...problem }) => ({ ...problem, ...(at.length > 0 ? positionOf(at) : { line: 1, column: 1 }) }));
  if (!mapped.article) return { kind: "not-a-post", warnings: located(mapped.problems ?? []) };
  const base = siteBase(config.url, site.basePath);
  const url = new URL(mapped.urlPath.replace(/^\/+/, ""), base).href;
  const restated: SplitArticle = {
    ...split.value,
    data: mapped.data,
    positionOf: (path, part) => {
      const [head, ...rest] = path;
      const source = typeof head === "string" ? mapped.from[head] : undefined;
      return positionOf(source ? [...source, ...rest] : path, part);
    },
  };
  const keys = keyProblems(data, profile, site, positionOf);
  const mappedWarnings = located(mapped.problems);
  return {
    kind: "article",
    split: restated,
    // The slug names the page uniquely, as its path does: two bundles on one day, or one post in three languages, stay apart.
    place: { url, slug: slugify(mapped.urlPath.replace(/\.html?$/, "")) || "index" },
    errors: keys.errors,
    warnings: [...mappedWarnings, ...keys.warnings],
    body: () => {
      if (!profile.templates) return { body: split.value.body, warnings: [] };
      const rewritten = profile.templates(split.value.body, { bodyLine: split.value.bodyLine, site, config, relativePath });
      return { body: rewritten.body, warnings: rewritten.problems };
    },
  };
}
