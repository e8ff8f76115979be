import { existsSync, readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { basePathOf, calendarOf, findKey, imageUrl, Restated, readToolConfig, siteBase, splitPath, stringList } from "./common.js";
import { splitToolFrontMatter } from "./front-matter.js";
import { liquidRewriter } from "./liquid.js";
import type { Mapped, Profile, ProfileInput, SiteFacts, TemplateInput } from "./types.js";

/** What the Jekyll profile reads from _config.yml. */
interface JekyllSettings {
  /** The site-wide permalink pattern, built-in styles expanded. */
  permalink: string;
  /** Collections published as pages (`output: true`), by name, with their permalink pattern. */
  collections: Record<string, string>;
  /** Front matter defaults (`defaults:`) that apply to posts, in the config's order. */
  defaults: { path: string; type?: string; values: Record<string, unknown> }[];
  /** Where the site lives on disk, for `{% post_url %}` and `{% link %}`. */
  root: string;
  /** Folders of posts: `_posts` and each `<category>/_posts`. */
  postFolders: string[];
}

/** Jekyll's built-in permalink styles (jekyllrb.com/docs/permalinks/#built-in-formats). */
const styles: Record<string, string> = {
  date: "/:categories/:year/:month/:day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  weekdate: "/:categories/:year/W:week/:short_day/:title:output_ext",
  none: "/:categories/:title:output_ext",
};
const expandStyle = (pattern: string): string => styles[pattern] ?? pattern;

const table = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

async function readSite(root: string): Promise<Omit<SiteFacts, "profile" | "ignoreKeys">> {
  const name = ["_config.yml", "_config.yaml", "_config.toml"].find((file) => existsSync(path.join(root, file)));
  const config = table(name ? readToolConfig(path.join(root, name)) : {});
  const permalink = expandStyle(typeof config.permalink === "string" ? config.permalink : "date");
  const collections: Record<string, string> = {};
  for (const [collection, value] of Object.entries(table(config.collections))) {
    const settings = table(value);
    if (collection !== "posts" && settings.output === true)
      collections[collection] = expandStyle(typeof settings.permalink === "string" ? settings.permalink : "/:collection/:path:output_ext");
  }
  const defaults = (Array.isArray(config.defaults) ? config.defaults : []).map((entry) => {
    const scope = table(table(entry).scope);
    return {
      path: typeof scope.path === "string" ? scope.path : "",
      ...(typeof scope.type === "string" ? { type: scope.type } : {}),
      values: table(table(entry).values),
    };
  });
  const postFolders = ["_posts"];
  for (const entry of await readdir(root, { withFileTypes: true }))
    if (entry.isDirectory() && !/^[._]/.test(entry.name) && entry.name !== "node_modules" && existsSync(path.join(root, entry.name, "_posts")))
      postFolders.push(`${entry.name}/_posts`);
  const settings: JekyllSettings = { permalink, collections, defaults, root, postFolders };
  return {
    basePath: basePathOf(config.baseurl),
    ...(typeof config.timezone === "string" ? { timeZone: config.timezone } : {}),
    settings: settings as unknown as Record<string, unknown>,
  };
}

const settingsOf = (site: SiteFacts) => site.settings as unknown as JekyllSettings;

const datedName = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/;

/** Where a file sits: a post (`_posts/`, also `<category>/_posts/`) or a document of a published collection. */
function placeOf(relativePath: string, settings: JekyllSettings): { collection: string; categories: string[]; below: string } | undefined {
  const parts = relativePath.split("/");
  const posts = parts.indexOf("_posts");
  if (posts !== -1) return { collection: "posts", categories: parts.slice(0, posts), below: parts.slice(posts + 1).join("/") };
  const collection = parts[0]?.startsWith("_") ? parts[0].slice(1) : undefined;
  if (collection && collection in settings.collections) return { collection, categories: [], below: parts.slice(1).join("/") };
  return undefined;
}

/** Jekyll's titleize_slug: each hyphen-separated word capitalized. */
const titleize = (slug: string): string =>
  slug
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");

/** A Jekyll date ("2016-05-20 21:00:00 +0200") in the ISO 8601 form wirefeed's normalizer reads. */
const isoDate = (value: unknown): unknown =>
  typeof value === "string"
    ? value
        .trim()
        .replace(/^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/, (_all, day: string, time: string, zone?: string) => {
          const offset = zone === undefined ? "" : zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
          return `${day}T${time.length === 4 ? `0${time}` : time}${offset}`;
        })
    : value;

/** Jekyll's space-separated string form of categories and tags, or a list. */
const words = (value: unknown): string[] => (typeof value === "string" ? value.split(/\s+/).filter(Boolean) : stringList(value));

function map({ data: written, relativePath, site, config }: ProfileInput): Mapped {
  const settings = settingsOf(site);
  const place = placeOf(relativePath, settings);
  if (!place) return { article: false };
  const type = place.collection;
  // Front matter defaults apply under the page's own keys: the file's front matter wins.
  const data: Record<string, unknown> = {};
  for (const entry of settings.defaults)
    if (relativePath.startsWith(entry.path.replace(/^\/+/, "")) && (entry.type === undefined || entry.type === type)) Object.assign(data, entry.values);
  Object.assign(data, written);
  const mapped = restate(data, written, place, site, config);
  // `published: false` keeps a post out of every build, as a draft is kept out of wirefeed's.
  if (data.published === false) {
    mapped.data.draft = true;
    mapped.from.draft = ["published"];
  }
  return mapped;
}

function restate(
  data: Record<string, unknown>,
  written: Record<string, unknown>,
  place: { collection: string; categories: string[]; below: string },
  site: SiteFacts,
  config: ProfileInput["config"],
): Mapped & { article: true } {
  const settings = settingsOf(site);
  const { stem, folders } = splitPath(place.below);
  const dated = datedName.exec(stem);
  const out = new Restated();
  // Defaults have no position of their own: they point at the file's first line.
  const source = (key: string): (string | number)[] => (key in written ? [key] : []);
  const slug = typeof data.slug === "string" && data.slug ? data.slug : (dated?.[4] ?? stem);
  if (typeof data.title === "string" && data.title.trim() !== "") out.set("title", data.title, source("title"));
  else out.set("title", titleize(slug), []);
  const fromName = dated ? `${dated[1]}-${dated[2]}-${dated[3]}` : undefined;
  if (data.date !== undefined && data.date !== null && data.date !== "") out.set("date", isoDate(data.date), source("date"));
  else if (fromName) out.set("date", fromName, []);
  const updatedKey = findKey(data, ["last_modified_at", "modified_date", "updated"]);
  if (updatedKey) out.set("updated", isoDate(data[updatedKey]), source(updatedKey));
  out.copy("description", data, ["excerpt", "description"]);
  const authorKey = findKey(data, ["author", "authors"]);
  if (authorKey) out.set("author", data[authorKey], source(authorKey));
  const categories = [...place.categories, ...words(data.category), ...words(data.categories)];
  const tags = [...categories, ...words(data.tag), ...words(data.tags)];
  if (tags.length > 0) out.set("tags", tags, source(findKey(data, ["categories", "category", "tags", "tag"]) ?? ""));
  if (typeof data.lang === "string") out.set("lang", data.lang, source("lang"));
  // Jekyll's folder above _posts (world/_posts/...) is the post's first category, and its section.
  if (place.categories[0]) out.set("section", place.categories[0], []);
  if (data.draft === true) out.set("draft", true, source("draft"));

  const timeZone = site.timeZone ?? config.timeZone;
  const day = calendarOf(out.data.date, timeZone);
  const pattern =
    typeof data.permalink === "string" && data.permalink
      ? data.permalink
      : place.collection === "posts"
        ? settings.permalink
        : settings.collections[place.collection]!;
  const slugified = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}._~!$&'()+,;=@-]+/gu, "-")
      .replace(/^-+|-+$/g, "");
  const name = [...folders, stem].join("/");
  const tokens: Record<string, string> = {
    year: day?.year ?? "",
    month: day?.month ?? "",
    i_month: String(Number(day?.month ?? 0)),
    day: day?.day ?? "",
    i_day: String(Number(day?.day ?? 0)),
    short_year: (day?.year ?? "").slice(2),
    title: slug,
    slug: slugified(slug),
    name: stem,
    path: name,
    collection: place.collection,
    categories: [...new Set(categories.map((category) => category.toLowerCase()))].join("/"),
    slugified_categories: [...new Set(categories.map(slugified))].join("/"),
    output_ext: ".html",
  };
  const urlPath = expandStyle(pattern)
    .replace(/:(\w+)/g, (token, key: string) => tokens[key] ?? token)
    .replace(/\/{2,}/g, "/")
    .replace(/^\//, "");
  const pageUrl = new URL(urlPath, siteBase(config.url, site.basePath)).href;
  const image = data.image;
  const imageSource = typeof image === "string" ? image : typeof table(image).path === "string" ? (table(image).path as string) : undefined;
  if (imageSource) {
    const mapped: Record<string, string> = { src: imageUrl(imageSource, siteBase(config.url, site.basePath), pageUrl) };
    if (typeof table(image).alt === "string") mapped.alt = table(image).alt as string;
    out.set("image", mapped, typeof image === "string" ? source("image") : [...source("image"), "path"]);
  }
  return { article: true, data: out.data, from: out.from, urlPath, problems: [] };
}

/** `{% post_url 2010-07-21-name %}` and `{% link _posts/... %}`: the URL Jekyll gives the file they name. */
function locate(target: string, input: TemplateInput): string | undefined {
  const settings = settingsOf(input.site);
  const wanted = target.trim().replace(/^\/+/, "");
  const candidates = /\.\w+$/.test(wanted) ? [wanted] : [".md", ".markdown", ".html"].map((extension) => wanted + extension);
  for (const candidate of candidates) {
    let text: string;
    try {
      text = readFileSync(path.join(settings.root, candidate), "utf8")
        .replace(/^\uFEFF/, "")
        .replace(/\r\n?/g, "\n");
    } catch {
      continue;
    }
    const split = splitToolFrontMatter(text, []);
    const place = placeOf(candidate, settings);
    if (!split.ok || !place) return undefined;
    const mapped = restate(split.value.data, split.value.data, place, input.site, input.config);
    return new URL(mapped.urlPath, siteBase(input.config.url, input.site.basePath)).pathname;
  }
  return undefined;
}

/** Jekyll's own front matter keys (jekyllrb.com/docs/front-matter/) and those of jekyll-feed, jekyll-seo-tag, minima and jekyll-redirect-from. */
const knownKeys = [
  "layout",
  "permalink",
  "published",
  "date",
  "category",
  "categories",
  "tag",
  "tags",
  "title",
  "slug",
  "excerpt",
  "excerpt_separator",
  "render_with_liquid",
  "last_modified_at",
  "modified_date",
  "updated",
  "description",
  "image",
  "author",
  "authors",
  "lang",
  "locale",
  "comments",
  "sitemap",
  "redirect_from",
  "redirect_to",
  "seo",
  "twitter",
  "canonical_url",
  "draft",
];

export const jekyll: Profile = {
  name: "jekyll",
  markers: ["_config.yml", "_config.yaml", "_config.toml"],
  looksLike: (root) => existsSync(path.join(root, "_posts")),
  readSite,
  contentDirs: (site) => [...settingsOf(site).postFolders, ...Object.keys(settingsOf(site).collections).map((name) => `_${name}`)],
  // Jekyll reads only files named YYYY-MM-DD-title as posts; collection documents need no date in their name.
  isCandidate: (relativePath, site) => {
    const place = placeOf(relativePath, settingsOf(site));
    return place !== undefined && (place.collection !== "posts" || datedName.test(splitPath(place.below).stem));
  },
  extensions: [".md", ".markdown"],
  frontMatter: [],
  knownKeys,
  map,
  templates: liquidRewriter({ tool: "Liquid", locate }),
};
