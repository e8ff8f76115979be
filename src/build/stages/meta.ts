import type { RuleId } from "../../diagnostics/diagnostic.js";
import path from "node:path";
import type { Config } from "../../config/schema.js";
import { closest } from "../../diagnostics/suggest.js";
import type { LocatedProblem, SplitArticle } from "./front-matter.js";
import { parseAuthors, type Author } from "../../text/author.js";
import { calendarDate, parseDate } from "../../text/date.js";
import { normalizeCredit } from "../../text/image-credit.js";
import { imageMediaType } from "../../text/mime.js";
import { parseArticleFileName, slugify, validateSlug } from "../../text/slug.js";
import { cleanTag, reservedTagSlug, splitTags, tagSlug, uniqueTags } from "../../text/tags.js";
import { cleanBlock, cleanInline, plainTitle } from "../../text/text.js";
import type { Position } from "../../text/yaml-document.js";
import type { BodyAsset } from "./render.js";

/** The lead image of an article. */
export interface ArticleImage {
  /** Absolute URL. */
  url: string;
  /** Registered media type, when the extension tells it. */
  type?: string;
  /** Size in bytes, when the front matter states it. */
  length?: number;
  alt?: string;
  caption?: string;
  /** Normalized credit ("Associated Press"). */
  credit?: string;
  /** The credit line as written ("IMAGE SOURCE: ASSOCIATED PRESS"). */
  creditAsWritten?: string;
}

/** Everything the front matter says about an article, normalized; the body is rendered later. */
export interface ArticleMeta {
  id: string;
  slug: string;
  url: string;
  title: string;
  date: Date;
  updated: Date;
  /** The dek as written, when there is one. */
  description?: string;
  authors: Author[];
  tags: string[];
  image?: ArticleImage;
  lang?: string;
  /** The desk or department the article belongs to ("World"), from `section`: it has a feed set of its own. */
  section?: string;
  /** `draft: true` or `published: false`. */
  draft: boolean;
  /** Files the body names by a relative path beside the article, with positions in the file; set once the body is rendered. */
  assets?: BodyAsset[];
  /** From `expiryDate`: the moment the article leaves the outputs. */
  expires?: Date;
  /** When the article enters the feeds, when that is later than its date (Hugo's `publishDate`). */
  publishes?: Date;
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

/** The schemes an explicit id may have (README: "an absolute IRI (tag:, urn:, https:)"). */
const idSchemes = new Set(["tag", "urn", "http", "https"]);

/** Front matter keys and the aliases they accept. */
const knownKeys = [
  "title",
  "date",
  "updated",
  "description",
  "summary",
  "dek",
  "author",
  "authors",
  "tags",
  "categories",
  "keywords",
  "image",
  "image_caption",
  "image_credit",
  "image_alt",
  "slug",
  "id",
  "draft",
  "published",
  "expiryDate",
  "publishDate",
  "lang",
  "section",
];

/**
 * Keys that decide whether and when an article is published. A key a typo away from one of them is
 * an error, not a warning: `drafft: true` would otherwise publish the draft.
 */
const publicationKeys = ["draft", "date", "published", "publishDate", "expiryDate"];

/** A typo of a publication key: one edit in a short key, two in a longer one. */
const publicationTypoDistance = (key: string): number => (key.length <= 5 ? 1 : 2);
/** Where a tool profile says the article's page is: its URL and a slug unique to it. */
export interface ArticlePlace {
  url: string;
  slug: string;
}

const typeName = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "object" ? "a map" : `a ${typeof value}`;

const isPath = (value: string): boolean => /^[^\s:?#]+(\?[^\s#]*)?(#\S*)?$/.test(value) && !value.startsWith("//");

const isAbsoluteHttp = (value: string): boolean => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value);

/** The host of the site, as the authority of RFC 4151 tag: URIs. */
const tagAuthority = (siteUrl: string): string => new URL(siteUrl).hostname;

/**
 * Reads and normalizes an article's front matter.
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
  const { data, positionOf } = split;
  const errors: LocatedProblem[] = [];
  const warnings: LocatedProblem[] = [];
  const at = (key: string | (string | number)[]) => positionOf(typeof key === "string" ? [key] : key);
  const error = (rule: RuleId, message: string, hint: string, key: string | (string | number)[]) => errors.push({ rule, message, hint, ...at(key) });

  for (const key of Object.keys(data)) {
    if (knownKeys.includes(key)) continue;
    const publication = closest(key, publicationKeys, publicationTypoDistance);
    if (publication) {
      errors.push({
        rule: "misspelled-publication-key",
        message: `Unknown front matter key "${key}" is close to "${publication}", which decides whether and when the article is published; ignoring it could publish the article by accident`,
        hint:
          publication === "publishDate"
            ? "wirefeed takes the publication time from `date:` (a later date schedules the article): rename the key to `date`."
            : `Did you mean "${publication}"?`,
        ...at(key),
      });
      continue;
    }
    const suggestion = closest(key, knownKeys);
    warnings.push({
      rule: "unknown-key",
      message: `Unknown front matter key "${key}"`,
      hint: suggestion ? `Did you mean "${suggestion}"?` : `Known keys: ${knownKeys.join(", ")}.`,
      ...at(key),
    });
  }

  const text = (key: string): string | undefined => {
    const value = data[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") {
      error("invalid-type", `"${key}" must be text, not ${typeName(value)}`, `Write ${key} as a string, quoted if it looks like a number or date.`, key);
      return undefined;
    }
    return value;
  };

  const rawTitle = text("title");
  const title = rawTitle === undefined ? "" : plainTitle(rawTitle);
  if (title === "" && !errors.some((e) => e.rule === "invalid-type")) {
    errors.push({
      rule: rawTitle === undefined ? "missing-title" : "empty-title",
      message: rawTitle === undefined ? "The article has no title" : "The article's title is empty",
      hint: 'Add a `title: "Your headline"` line to the front matter.',
      ...(rawTitle === undefined ? { line: 1, column: 1 } : at("title")),
    });
  }

  let date: Date | undefined;
  if (data.date === undefined || data.date === null || data.date === "") {
    errors.push({
      rule: "missing-date",
      message: "The article has no date",
      hint: "Add a `date: 2022-02-25` line (ISO 8601; a time and offset are optional) to the front matter.",
      line: 1,
      column: 1,
    });
  } else {
    const parsed = parseDate(data.date, config.timeZone);
    if (parsed.ok) date = parsed.value;
    else errors.push({ ...parsed.problem, ...at("date") });
  }
  let updated = date;
  if (data.updated !== undefined && data.updated !== null) {
    const parsed = parseDate(data.updated, config.timeZone);
    if (!parsed.ok) errors.push({ ...parsed.problem, ...at("updated") });
    else if (date && parsed.value < date)
      error("updated-before-date", "The article is updated before it was published", "Set `updated` to a moment after `date`, or remove it.", "updated");
    else updated = parsed.value;
  }

  const descriptionKey = ["description", "summary", "dek"].find((key) => data[key] !== undefined && data[key] !== null);
  const rawDescription = descriptionKey ? text(descriptionKey) : undefined;
  // Markup goes as it goes from titles: every summary is plain text (JSON Feed's `summary` by its spec).
  const description = rawDescription === undefined ? undefined : plainTitle(rawDescription);

  const authorKey = data.authors !== undefined ? "authors" : "author";
  let authors: Author[] = [];
  if (data[authorKey] !== undefined && data[authorKey] !== null) {
    const parsed = parseAuthors(data[authorKey]);
    if (parsed.ok) authors = parsed.value;
    else errors.push({ ...parsed.problem, ...at(authorKey) });
  }

  const tagKeys = ["tags", "categories", "keywords"].filter((key) => data[key] !== undefined && data[key] !== null);
  const rawTags: string[] = [];
  for (const key of tagKeys) {
    const value = data[key];
    if (typeof value === "string") rawTags.push(...splitTags(value));
    else if (Array.isArray(value) && value.every((tag) => typeof tag === "string" || typeof tag === "number")) rawTags.push(...value.map(String));
    else
      error(
        "invalid-type",
        `"${key}" must be a list of tags or a comma-separated string, not ${typeName(value)}`,
        `Write ${key}: [Iran, NATO] or ${key}: "Iran, NATO".`,
        key,
      );
  }
  const tags = uniqueTags(rawTags.map((tag) => cleanTag(tag, config.tagAliases)));
  for (const tag of tags) {
    const reserved = reservedTagSlug(tag);
    if (reserved !== undefined)
      warnings.push({
        rule: "reserved-tag-slug",
        message: `The tag "${tag}" would have the folder tags/${reserved}/, a name Windows reserves; its feeds are at tags/${tagSlug(tag)}/`,
        hint: "Nothing to do unless you want another folder: then use `tagAliases` to give the tag another name.",
        ...at(tagKeys[0]!),
      });
  }
  // Every tag is a feed in three formats holding the whole article: tags multiply its output.
  if (tags.length > config.maxTagsPerArticle)
    error(
      "too-many-tags",
      `The article has ${tags.length} tags; at most ${config.maxTagsPerArticle} are allowed`,
      "Keep the tags readers follow, or raise `maxTagsPerArticle` in the config.",
      tagKeys[0]!,
    );

  let slug: string | undefined;
  const rawSlug = text("slug");
  if (rawSlug !== undefined) {
    const checked = validateSlug(rawSlug, "slug");
    if (checked.ok) slug = checked.value;
    else errors.push({ ...checked.problem, ...at("slug") });
  } else if (place) {
    slug = place.slug;
  } else {
    slug = parseArticleFileName(fileName)?.slug || slugify(path.parse(fileName).name) || slugify(title);
    if (!slug) error("empty-slug", "No slug can be made from the file name or the title", "Add a `slug: my-article` line to the front matter.", "title");
  }

  const rawId = data.id === undefined || data.id === null ? undefined : typeof data.id === "number" ? String(data.id) : text("id");
  let explicitId: string | undefined;
  if (rawId !== undefined) {
    const checked = validateSlug(rawId, "id");
    const scheme = checked.ok ? /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(checked.value)?.[1]?.toLowerCase() : undefined;
    if (!checked.ok) errors.push({ ...checked.problem, ...at("id") });
    // An id is written as the RSS guid and the Atom id, which readers may follow as a link: only schemes that name, never run.
    else if (scheme !== undefined && !idSchemes.has(scheme))
      error(
        "unsafe-id",
        `The id "${checked.value}" has the scheme "${scheme}:", which is not one of tag:, urn:, http: and https:`,
        "Write a plain id such as `my-article`, or a tag:, urn: or https: IRI.",
        "id",
      );
    else explicitId = checked.value;
  }

  const flag = (key: "draft" | "published", hint: string): boolean | undefined => {
    const value = data[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "boolean") return value;
    error("invalid-type", `"${key}" must be true or false, not ${typeName(value)}`, hint, key);
    return undefined;
  };
  // Jekyll's `published: false` is a draft by another name.
  const draft =
    flag("draft", "Write `draft: true` or remove the line.") === true || flag("published", "Write `published: false` or remove the line.") === false;

  let expires: Date | undefined;
  if (data.expiryDate !== undefined && data.expiryDate !== null) {
    const parsed = parseDate(data.expiryDate, config.timeZone);
    if (!parsed.ok) errors.push({ ...parsed.problem, ...at("expiryDate") });
    else if (date && parsed.value <= date)
      error("expiry-before-date", "The article would expire before it is published", "Set `expiryDate` to a moment after `date`, or remove it.", "expiryDate");
    else expires = parsed.value;
  }

  const optionalDate = (key: string): Date | undefined => {
    if (data[key] === undefined || data[key] === null || data[key] === "") return undefined;
    const parsed = parseDate(data[key], config.timeZone);
    if (parsed.ok) return parsed.value;
    errors.push({ ...parsed.problem, ...at(key) });
    return undefined;
  };
  const publishes = optionalDate("publishDate");

  const lang = text("lang");
  if (lang !== undefined && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang))
    error("invalid-lang", `"${lang}" is not a BCP 47 language tag`, "Write a tag such as en, fa or pt-BR.", "lang");

  const image = readImage(data, at, errors, config);
  const section = cleanInline(text("section") ?? "");

  if (errors.length > 0 || !date || !updated || !slug) return { errors, warnings };
  const day = calendarDate(date, config.timeZone);
  const permalink = config.permalink.replaceAll(":year", day.year).replaceAll(":month", day.month).replaceAll(":day", day.day).replaceAll(":slug", slug);
  // The permalink is relative to the site URL, which may be a subfolder ("https://example.org/news/").
  const url = place?.url ?? new URL(permalink.replace(/^\/+/, ""), config.url).href;
  const id = explicitId
    ? /^[A-Za-z][A-Za-z0-9+.-]*:/.test(explicitId)
      ? explicitId
      : `tag:${tagAuthority(config.url)},${day.year}-${day.month}-${day.day}:${explicitId}`
    : `tag:${tagAuthority(config.url)},${day.year}-${day.month}-${day.day}:${slug}`;
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
    positions: { slug: at(rawSlug !== undefined ? "slug" : "title"), id: at(rawId !== undefined ? "id" : "date") },
  };
  if (expires) meta.expires = expires;
  if (publishes && publishes > date) meta.publishes = publishes;
  if (description) meta.description = description;
  if (image) meta.image = image;
  if (lang) meta.lang = lang;
  if (section) meta.section = section;
  if (expires) meta.expires = expires;
  return { meta, errors, warnings };
}

/** Reads `image` as a map or a string, with the flat `image_caption`, `image_credit`, `image_alt` keys. */
function readImage(
  data: Record<string, unknown>,
  at: (key: string | (string | number)[]) => Position,
  errors: LocatedProblem[],
  config: Config,
): ArticleImage | undefined {
  const value = data.image;
  if (value === undefined || value === null) return undefined;
  const fields: Record<string, unknown> =
    typeof value === "string" ? { src: value } : typeof value === "object" && !Array.isArray(value) ? { ...(value as object) } : {};
  if (typeof value !== "string" && (typeof value !== "object" || Array.isArray(value))) {
    errors.push({
      rule: "invalid-type",
      message: `"image" must be a URL or a map, not ${typeName(value)}`,
      hint: "Write `image: {src: /images/a.jpg, caption: ..., credit: ...}`.",
      ...at("image"),
    });
    return undefined;
  }
  for (const flat of ["caption", "credit", "alt"]) {
    if (fields[flat] === undefined && data[`image_${flat}`] !== undefined) fields[flat] = data[`image_${flat}`];
  }
  const where = (field: string): (string | number)[] =>
    typeof value === "object" && field in (value as object) ? ["image", field] : field === "src" ? ["image"] : [`image_${field}`];
  const strings: Record<string, string> = {};
  for (const [field, fieldValue] of Object.entries(fields)) {
    if (fieldValue === undefined || fieldValue === null) continue;
    if (field === "length") continue;
    if (!["src", "alt", "caption", "credit", "url"].includes(field)) {
      errors.push({
        rule: "unknown-image-key",
        message: `Unknown image key "${field}"`,
        hint: "An image takes src, alt, caption, credit and length.",
        ...at(["image", field]),
      });
      continue;
    }
    if (typeof fieldValue !== "string") {
      errors.push({
        rule: "invalid-type",
        message: `"image.${field}" must be text, not ${typeName(fieldValue)}`,
        hint: `Write ${field} as a string.`,
        ...at(where(field)),
      });
      continue;
    }
    strings[field === "url" ? "src" : field] = fieldValue;
  }
  const src = strings.src?.trim();
  if (!src) {
    if (Object.keys(strings).length > 0)
      errors.push({ rule: "missing-image-src", message: "The image has no src", hint: "Add `src:` with the image's URL or path.", ...at("image") });
    return undefined;
  }
  if (!isAbsoluteHttp(src) && !isPath(src)) {
    errors.push({
      rule: "invalid-image-src",
      message: `The image src "${src}" is neither an absolute http(s) URL nor a path`,
      hint: "Use https://... or a path such as /images/photo.jpg.",
      ...at(where("src")),
    });
    return undefined;
  }
  const image: ArticleImage = { url: new URL(src, config.url).href };
  const type = imageMediaType(src);
  if (type) image.type = type;
  const length = fields.length;
  if (length !== undefined) {
    if (typeof length === "number" && Number.isInteger(length) && length >= 0) image.length = length;
    else
      errors.push({
        rule: "invalid-type",
        message: '"image.length" must be a whole number of bytes',
        hint: "Write the file size in bytes, e.g. `length: 48213`, or remove it.",
        ...at(["image", "length"]),
      });
  }
  if (strings.alt !== undefined && cleanInline(strings.alt)) image.alt = cleanInline(strings.alt);
  if (strings.caption !== undefined && cleanBlock(strings.caption)) image.caption = cleanInline(strings.caption);
  if (strings.credit !== undefined) {
    const written = cleanInline(strings.credit);
    const credit = normalizeCredit(written, config.creditAliases);
    if (credit) {
      image.credit = credit;
      image.creditAsWritten = written;
    }
  }
  return image;
}
