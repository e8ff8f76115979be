import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { basePathOf, findKey, Restated, splitPath, stringList } from "./common.js";
import { mdxRewriter } from "./mdx.js";
import type { Mapped, Profile, ProfileInput, SiteFacts } from "./types.js";

const configFiles = ["astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.mts", "astro.config.cjs"];
const contentDir = "src/content";

/** Astro's config is code and is never run: its `base` is read from the text when written as a plain string. */
async function readSite(root: string): Promise<Omit<SiteFacts, "profile" | "ignoreKeys">> {
  const file = configFiles.find((name) => existsSync(path.join(root, name)));
  const base = file ? /\bbase\s*:\s*["'`]([^"'`]+)["'`]/.exec(readFileSync(path.join(root, file), "utf8"))?.[1] : undefined;
  return { basePath: basePathOf(base), settings: {} };
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

function map({ data, relativePath }: ProfileInput): Mapped {
  const [collection, ...rest] = relativePath.slice(contentDir.length + 1).split("/");
  if (!collection || rest.length === 0) return { article: false };
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
  const slug = typeof data.slug === "string" && data.slug ? data.slug : entryId(rest.join("/"));
  return { article: true, data: out.data, from: out.from, urlPath: `${collection}/${slug}/`, problems: [] };
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
  looksLike: (root) => existsSync(path.join(root, contentDir)),
  readSite,
  contentDirs: () => [contentDir],
  isCandidate: (relativePath) => relativePath.startsWith(`${contentDir}/`),
  extensions: [".md", ".mdx", ".markdown"],
  frontMatter: [],
  knownKeys,
  map,
  templates: mdxRewriter,
};
