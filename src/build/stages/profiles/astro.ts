import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { basePathOf, findKey, Restated, splitPath, stringList } from "./common.js";
import { mdxRewriter } from "./mdx.js";
import type { Mapped, Profile, ProfileInput, SiteFacts } from "./types.js";

const configFiles = ["astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.mts", "astro.config.cjs"];
const contentDir = "src/content";

const collectionConfigs = [
  "src/content.config.ts",
  "src/content.config.mjs",
  "src/content.config.js",
  "src/content/config.ts",
  "src/content/config.mjs",
  "src/content/config.js",
];

/** The collections, by name, and the folder (below the site) of each: `src/content/<name>` unless a glob loader names another. */
interface AstroSettings {
  collections: Record<string, string>;
}

/**
 * Collections a content config declares with `glob({ base: "..." })`, read from its text (it is
 * code and is never run): `const blog = defineCollection({ loader: glob({ base: "./src/data/blog" ...`
 * exported as `collections = { blog }` or `{ posts: blog }`.
 */
function globCollections(text: string): Record<string, string> {
  const bases = new Map<string, string>();
  for (const [, variable, definition] of text.matchAll(
    /(?:const|let)\s+(\w+)\s*=\s*defineCollection\(([\s\S]*?)(?=(?:const|let)\s+\w+\s*=\s*defineCollection\(|export\s|$)/g,
  )) {
    const base = /\bglob\(\s*\{[^}]*?\bbase\s*:\s*["'`]([^"'`]+)["'`]/.exec(definition!)?.[1];
    if (base) bases.set(variable!, base.replace(/^\.\//, "").replace(/\/+$/, ""));
  }
  const exported = /collections\s*=\s*\{([^}]*)\}/.exec(text)?.[1] ?? "";
  const collections: Record<string, string> = {};
  for (const entry of exported.split(",")) {
    const [name, variable = name] = entry.split(":").map((part) => part.trim());
    const base = variable ? bases.get(variable) : undefined;
    if (name && base) collections[name] = base;
  }
  return collections;
}

/** Astro's config is code and is never run: its `base` is read from the text when written as a plain string. */
async function readSite(root: string): Promise<Omit<SiteFacts, "profile" | "ignoreKeys">> {
  const file = configFiles.find((name) => existsSync(path.join(root, name)));
  const base = file ? /\bbase\s*:\s*["'`]([^"'`]+)["'`]/.exec(readFileSync(path.join(root, file), "utf8"))?.[1] : undefined;
  const collections: Record<string, string> = {};
  const folder = path.join(root, contentDir);
  for (const entry of existsSync(folder) ? readdirSync(folder, { withFileTypes: true }) : [])
    if (entry.isDirectory() && !/^[._]/.test(entry.name)) collections[entry.name] = `${contentDir}/${entry.name}`;
  const declared = collectionConfigs.find((name) => existsSync(path.join(root, name)));
  if (declared) Object.assign(collections, globCollections(readFileSync(path.join(root, declared), "utf8")));
  const settings: AstroSettings = { collections };
  return { basePath: basePathOf(base), settings: settings as unknown as Record<string, unknown> };
}

const settingsOf = (site: SiteFacts) => site.settings as unknown as AstroSettings;

/** The collection a file belongs to, and its path in it. */
function collectionOf(relativePath: string, site: SiteFacts): { name: string; below: string } | undefined {
  for (const [name, folder] of Object.entries(settingsOf(site).collections))
    if (relativePath.startsWith(`${folder}/`)) return { name, below: relativePath.slice(folder.length + 1) };
  return undefined;
}

/** github-slugger, which Astro's glob loader makes entry ids with: lowercase, punctuation dropped, spaces to hyphens. */
const slugger = (segment: string): string =>
  segment
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");

/** An entry's id: its path in the collection without extension, `index` standing for its folder. */
function entryId(below: string): string {
  const { folders, stem } = splitPath(below);
  const segments = stem === "index" && folders.length > 0 ? folders : [...folders, stem];
  return segments.map(slugger).join("/");
}

function map({ data, relativePath, site }: ProfileInput): Mapped {
  const entry = collectionOf(relativePath, site);
  if (!entry) return { article: false };
  const out = new Restated();
  // Astro has no notion of a post: an entry with a publication date is one, as in the blog starter's schema.
  if (!out.copy("date", data, ["pubDate", "date", "publishDate", "pubDatetime", "published"])) return { article: false };
  out.copy("title", data, ["title"]);
  const updatedKey = findKey(data, ["updatedDate", "modDatetime", "updated", "lastmod"]);
  if (updatedKey) out.set("updated", data[updatedKey], [updatedKey]);
  out.copy("description", data, ["description", "summary", "excerpt"]);
  out.copy("author", data, ["author", "authors"]);
  const tagsKey = findKey(data, ["tags", "categories"]);
  if (tagsKey) out.set("tags", stringList(data[tagsKey]), [tagsKey]);
  out.copy("draft", data, ["draft"]);
  out.copy("lang", data, ["lang"]);
  // An image path relative to the entry is an asset Astro processes into a hashed URL of its own: it is left out.
  const imageKey = findKey(data, ["heroImage", "image", "cover", "ogImage"]);
  const image = imageKey ? data[imageKey] : undefined;
  const src = typeof image === "string" ? image : typeof image === "object" && image !== null ? (image as Record<string, unknown>).src : undefined;
  if (imageKey && typeof src === "string" && (src.startsWith("/") || /^https?:\/\//.test(src))) out.set("image", src, [imageKey]);
  const slug = typeof data.slug === "string" && data.slug ? data.slug : entryId(entry.below);
  return { article: true, data: out.data, from: out.from, urlPath: `${entry.name}/${slug}/`, problems: [] };
}

/** Fields of Astro's blog starter schema and the common theme schemas (AstroPaper, Astro Cactus). */
const knownKeys = [
  "title",
  "description",
  "pubDate",
  "updatedDate",
  "heroImage",
  "date",
  "publishDate",
  "pubDatetime",
  "modDatetime",
  "published",
  "updated",
  "draft",
  "tags",
  "categories",
  "author",
  "authors",
  "image",
  "cover",
  "ogImage",
  "slug",
  "lang",
  "layout",
  "featured",
  "canonicalURL",
];

export const astro: Profile = {
  name: "astro",
  markers: configFiles,
  looksLike: (root) => existsSync(path.join(root, contentDir)) || collectionConfigs.some((name) => existsSync(path.join(root, name))),
  readSite,
  contentDirs: (site) => [...new Set(Object.values(settingsOf(site).collections))],
  isCandidate: (relativePath, site) => collectionOf(relativePath, site) !== undefined,
  extensions: [".md", ".mdx", ".markdown"],
  frontMatter: [],
  knownKeys,
  map,
  templates: mdxRewriter,
};
