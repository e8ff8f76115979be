import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { basePathOf, Restated, splitPath, stringList, undatedPage } from "./common.js";
import { liquidRewriter } from "./liquid.js";
import type { Mapped, MappedProblem, Profile, ProfileInput, SiteFacts } from "./types.js";

/** What the Eleventy profile knows of the site: its input folder and the directory data written as JSON. */
interface EleventySettings {
  /** Eleventy's input folder, below the site folder ("" for the site folder itself). */
  input: string;
  /** Data of `<folder>/<folder>.11tydata.json` and `<name>.11tydata.json` files, by path below the site folder without `.11tydata.json`. */
  data: Record<string, Record<string, unknown>>;
}

/** The collection Eleventy's starter blogs feed from: posts are the pages tagged so. */
const collection = "posts";
const configFiles = ["eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", "eleventy.config.ts", ".eleventy.js", ".eleventy.cjs"];

/**
 * Eleventy's config is JavaScript and is never run: its input folder and path prefix are read from
 * the text when written as plain strings (`dir: { input: "content" }`, `pathPrefix: "/blog/"`).
 */
function readConfigText(root: string): { input?: string; pathPrefix?: string } {
  const file = configFiles.find((name) => existsSync(path.join(root, name)));
  if (!file) return {};
  const text = readFileSync(path.join(root, file), "utf8");
  const input = /\binput\s*:\s*["'`]([^"'`]+)["'`]/.exec(text)?.[1];
  const pathPrefix = /\bpathPrefix\s*:\s*["'`]([^"'`]+)["'`]/.exec(text)?.[1];
  return { ...(input ? { input } : {}), ...(pathPrefix ? { pathPrefix } : {}) };
}

function hasDataFile(folder: string, depth: number): boolean {
  if (!existsSync(folder)) return false;
  return readdirSync(folder, { withFileTypes: true }).some(
    (entry) =>
      /\.11tydata\.(json|js|cjs|mjs)$/.test(entry.name) ||
      (depth > 0 &&
        entry.isDirectory() &&
        !entry.name.startsWith(".") &&
        entry.name !== "node_modules" &&
        hasDataFile(path.join(folder, entry.name), depth - 1)),
  );
}

function collectData(root: string, folder: string, into: EleventySettings["data"]): void {
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules" || entry.name === "_site") continue;
    const relative = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) collectData(root, relative, into);
    else if (entry.name.endsWith(".11tydata.json")) {
      const parsed: unknown = JSON.parse(readFileSync(path.join(root, relative), "utf8"));
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
        into[relative.slice(0, -".11tydata.json".length)] = parsed as Record<string, unknown>;
    }
  }
}

async function readSite(root: string): Promise<Omit<SiteFacts, "profile" | "ignoreKeys">> {
  const written = readConfigText(root);
  // Without a readable config, a `content` or `src` folder is the input, as in Eleventy's starters.
  const input = (written.input ?? ["content", "src"].find((name) => existsSync(path.join(root, name))) ?? ".").replace(/^\.\/?|\/+$/g, "");
  const data: EleventySettings["data"] = {};
  if (existsSync(path.join(root, input))) collectData(root, input, data);
  const settings: EleventySettings = { input, data };
  return { basePath: basePathOf(written.pathPrefix), settings: settings as unknown as Record<string, unknown> };
}

const settingsOf = (site: SiteFacts) => site.settings as unknown as EleventySettings;

/** Eleventy's data cascade, outermost first: directory data, the template's own data file, its front matter; tags add up. */
function cascade(relativePath: string, front: Record<string, unknown>, settings: EleventySettings): Record<string, unknown> {
  const { folders, stem } = splitPath(relativePath);
  const layers: Record<string, unknown>[] = [];
  for (let depth = 1; depth <= folders.length; depth++) {
    const folder = folders.slice(0, depth).join("/");
    const own = settings.data[`${folder}/${folders[depth - 1]}`];
    if (own) layers.push(own);
  }
  const template = settings.data[[...folders, stem].join("/")];
  if (template) layers.push(template);
  layers.push(front);
  const merged: Record<string, unknown> = {};
  const tags: string[] = [];
  for (const layer of layers) {
    Object.assign(merged, layer);
    tags.push(...stringList(layer.tags));
  }
  merged.tags = [...new Set(tags)];
  return merged;
}

/** Eleventy's default URL: the input path without its extension, as a folder; `index` and a file named like its folder are the folder itself. */
function defaultPath(below: string): string {
  const { folders, stem } = splitPath(below);
  if (stem === "index" || stem === folders.at(-1)) return folders.length > 0 ? `${folders.join("/")}/` : "";
  return `${[...folders, stem].join("/")}/`;
}

function map({ data: front, relativePath, site }: ProfileInput): Mapped {
  const settings = settingsOf(site);
  const data = cascade(relativePath, front, settings);
  const tags = stringList(data.tags);
  if (!tags.includes(collection) || data.eleventyExcludeFromCollections === true || data.permalink === false) return { article: false };
  const below = settings.input && relativePath.startsWith(`${settings.input}/`) ? relativePath.slice(settings.input.length + 1) : relativePath;
  const out = new Restated();
  const at = (key: string): (string | number)[] => (key in front ? [key] : []);
  const problems: MappedProblem[] = [];
  out.copy("title", data, ["title"]);
  const { stem } = splitPath(below);
  const dated = /^(\d{4}-\d{2}-\d{2})-/.exec(stem)?.[1];
  // "Created", "Last Modified" and their git forms name the file system or git, not the article: wirefeed needs the date written.
  const named = typeof data.date === "string" && /^(git )?(created|last modified)$/i.test(data.date.trim());
  if (data.date !== undefined && data.date !== null && !named) out.set("date", data.date, at("date"));
  else if (dated) out.set("date", dated, []);
  // Eleventy dates such a page by its file's creation, which differs from checkout to checkout.
  else return { article: false, problems: [{ ...undatedPage("Eleventy"), ...(named ? { at: at("date") } : {}) }] };
  out.copy("description", data, ["description", "excerpt", "summary"]);
  out.copy("author", data, ["author", "authors"]);
  const shown = tags.filter((tag) => tag !== collection && tag !== "all");
  if (shown.length > 0) out.set("tags", shown, at("tags"));
  if (data.draft === true) out.set("draft", true, at("draft"));
  for (const key of ["title", "description", "author", "authors"]) if (key in out.from && !(key in front)) out.from[key] = [];
  let urlPath = defaultPath(below);
  if (typeof data.permalink === "string") {
    const simple = data.permalink
      .replace(/\{\{\s*page\.fileSlug\s*\}\}/g, (dated ? stem.slice(11) : stem) || splitPath(below).folders.at(-1) || "")
      .replace(/\{\{\s*page\.filePathStem\s*\}\}/g, `/${below.replace(/\.[^.]+$/, "")}`);
    if (/\{\{|\{%/.test(simple)) {
      problems.push({
        rule: "template-permalink",
        message: `The permalink "${data.permalink}" is a template, which wirefeed does not run: the page's default URL is used`,
        hint: "Write the permalink as a plain path, or add the page's URL to the front matter as a plain `permalink:`.",
        at: at("permalink"),
      });
    } else urlPath = simple.replace(/^\/+/, "").replace(/index\.html$/, "");
  }
  return { article: true, data: out.data, from: out.from, urlPath, problems };
}

/** Eleventy's own data keys (11ty.dev/docs/data-configuration/) and those of its starter blog. */
const knownKeys = [
  "title",
  "date",
  "tags",
  "permalink",
  "layout",
  "description",
  "draft",
  "eleventyExcludeFromCollections",
  "eleventyComputed",
  "eleventyNavigation",
  "eleventyImport",
  "eleventyDataSchema",
  "pagination",
  "templateEngineOverride",
  "dynamicPermalink",
  "permalinkBypassOutputDir",
  "author",
  "excerpt",
];

export const eleventy: Profile = {
  name: "eleventy",
  markers: configFiles,
  // Directory data files are Eleventy's alone.
  looksLike: (root) => ["content", "src", "."].some((folder) => hasDataFile(path.join(root, folder), 2)),
  readSite,
  contentDirs: (site) => [settingsOf(site).input || "."],
  isCandidate: () => true,
  extensions: [".md", ".markdown"],
  frontMatter: ["json"],
  knownKeys,
  map,
  templates: liquidRewriter({ tool: "Nunjucks/Liquid" }),
};
