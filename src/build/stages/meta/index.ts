import type { Config } from "../../../config/schema.js";
import { closest } from "../../../diagnostics/suggest.js";
import type { Author } from "../../../text/author.js";
import { calendarDate } from "../../../text/date.js";
import type { Position } from "../../../text/yaml-document.js";
import type { LocatedProblem, SplitArticle } from "../front-matter.js";
import type { BodyAsset } from "../render.js";
import type { ArticlePlace, FieldInput } from "./field.js";
import { type FieldValues, fields, knownKeys } from "./fields.js";
import { idScheme } from "./id.js";

export type { ArticlePlace } from "./field.js";
export type { ArticleImage } from "./image.js";
export { knownKeys } from "./fields.js";

/** The fields every article has, and those its identity is composed of here. */
type Composed = "id" | "slug" | "title" | "date" | "updated" | "authors" | "tags" | "draft";

/** Every other field of the registry, as its handler reads it (see its file): absent when the front matter has none. */
type OptionalFields = { [Name in Exclude<keyof FieldValues, Composed>]?: FieldValues[Name] };

/** Everything the front matter says about an article, normalized; the body is rendered later. */
export interface ArticleMeta extends OptionalFields {
  id: string;
  slug: string;
  url: string;
  title: string;
  date: Date;
  updated: Date;
  authors: Author[];
  tags: string[];
  /** `draft: true` or `published: false`. */
  draft: boolean;
  /** Files the body names by a relative path beside the article, with positions in the file; set once the body is rendered. */
  assets?: BodyAsset[];
  /** Positions of the keys that identify the article, for duplicate reports. */
  positions: { slug: Position; id: Position };
}

/** Why an article is or is not in the outputs at `now` (milliseconds). */
export type PublicationState = "published" | "draft" | "scheduled" | "expired";

/** A draft; else scheduled until its date (or a later `publishDate`); else expired once its `expiryDate` has come; else published. */
export const publicationState = (meta: ArticleMeta, now: number): PublicationState =>
  meta.draft
    ? "draft"
    : (meta.publishes ?? meta.date).getTime() > now
      ? "scheduled"
      : meta.expires !== undefined && meta.expires.getTime() <= now
        ? "expired"
        : "published";

/** Published at `now` (milliseconds): neither a draft, nor scheduled, nor expired. */
export const isPublished = (meta: ArticleMeta, now: number): boolean => publicationState(meta, now) === "published";

/**
 * Keys that decide whether and when an article is published. A key a typo away from one of them is
 * an error, not a warning: `drafft: true` would otherwise publish the draft.
 */
const publicationKeys = ["draft", "date", "published", "publishDate", "expiryDate"];

/** A typo of a publication key: one edit in a short key, two in a longer one. */
const publicationTypoDistance = (key: string): number => (key.length <= 5 ? 1 : 2);

/** The host of the site, as the authority of RFC 4151 tag: URIs. */
const tagAuthority = (siteUrl: string): string => new URL(siteUrl).hostname;

/** Keys no field reads: a typo of a publication key is an error, any other a warning with a did-you-mean hint. */
function unknownKeys(input: FieldInput, errors: LocatedProblem[], warnings: LocatedProblem[]): void {
  const ignored = new Set(input.config.ignoreKeys.map((key) => key.toLowerCase()));
  for (const key of Object.keys(input.data)) {
    if (knownKeys.includes(key) || ignored.has(key.toLowerCase())) continue;
    const publication = closest(key, publicationKeys, publicationTypoDistance);
    if (publication) {
      errors.push({
        rule: "misspelled-publication-key",
        message: `Unknown front matter key "${key}" is close to "${publication}", which decides whether and when the article is published; ignoring it could publish the article by accident`,
        hint:
          publication === "publishDate"
            ? "wirefeed takes the publication time from `date:` (a later date schedules the article): rename the key to `date`."
            : `Did you mean "${publication}"?`,
        ...input.at(key),
      });
      continue;
    }
    const suggestion = closest(key, knownKeys);
    warnings.push({
      rule: "unknown-key",
      message: `Unknown front matter key "${key}"`,
      hint: suggestion ? `Did you mean "${suggestion}"?` : `Known keys: ${knownKeys.join(", ")}.`,
      ...input.at(key),
    });
  }
}

/**
 * Reads and normalizes an article's front matter: every field of the registry (`fields.ts`) in
 * turn, then the URL and the id made of them.
 * @param split the front matter and its positions
 * @param fileName the article's file name, a fallback for the slug
 * @param config the validated site config
 * @param place the page a tool profile makes of the file, instead of the permalink pattern
 */
export function readArticleMeta(
  split: SplitArticle,
  fileName: string,
  config: Config,
  place?: ArticlePlace,
): { meta?: ArticleMeta; errors: LocatedProblem[]; warnings: LocatedProblem[] } {
  const input: FieldInput = {
    data: split.data,
    at: (key, part) => split.positionOf(typeof key === "string" ? [key] : key, part),
    config,
    fileName,
    ...(place ? { place } : {}),
  };
  const errors: LocatedProblem[] = [];
  const warnings: LocatedProblem[] = [];
  unknownKeys(input, errors, warnings);

  const values: Partial<FieldValues> = {};
  for (const [name, entry] of Object.entries(fields)) {
    const read = entry.read(input, values as never);
    if (read.errors) errors.push(...read.errors);
    if (read.warnings) warnings.push(...read.warnings);
    if (read.value !== undefined) (values as Record<string, unknown>)[name] = read.value;
  }

  const { title, date, updated, authors, tags, slug, id: explicitId, draft } = values;
  if (errors.length > 0 || !title || !date || !updated || !authors || !tags || !slug || draft === undefined) return { errors, warnings };
  const day = calendarDate(date, config.timeZone);
  const permalink = config.permalink.replaceAll(":year", day.year).replaceAll(":month", day.month).replaceAll(":day", day.day).replaceAll(":slug", slug);
  // The permalink is relative to the site URL, which may be a subfolder ("https://example.org/news/").
  const url = place?.url ?? new URL(permalink.replace(/^\/+/, ""), config.url).href;
  // An id with a scheme is an IRI as written; a plain one, or the slug, becomes a tag: URI.
  const id =
    explicitId && idScheme(explicitId) !== undefined ? explicitId : `tag:${tagAuthority(config.url)},${day.year}-${day.month}-${day.day}:${explicitId || slug}`;
  const meta: ArticleMeta = {
    id,
    slug,
    url,
    title,
    date,
    updated,
    authors,
    tags,
    draft,
    positions: { slug: input.at(split.data.slug != null ? "slug" : "title"), id: input.at(split.data.id != null ? "id" : "date") },
  };
  // The other fields land in the article by their registry name.
  for (const [name, value] of Object.entries(values)) if (!(name in meta)) (meta as unknown as Record<string, unknown>)[name] = value;
  return { meta, errors, warnings };
}
