import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { basePathOf, calendarOf, findKey, imageUrl, lowerKeys, Restated, readToolConfig, siteBase, splitPath, stringList, undatedPage } from "./common.js";
import { hugoShortcodes } from "./hugo-shortcodes.js";
import { splitToolFrontMatter } from "./front-matter.js";
import type { Mapped, Profile, ProfileInput, SiteFacts, TemplateInput } from "./types.js";

/** What the Hugo profile reads from hugo.toml (or config.yml...), lowercased as Hugo reads it. */
interface HugoSettings {
  contentDir: string;
  defaultLanguage: string;
  defaultInSubdir: boolean;
  /** Per language: its content folder when it has one, its tag and category front matter keys, every taxonomy's key, its BCP 47 code. */
  languages: Record<string, { contentDir?: string; tagKeys: string[]; taxonomyKeys: string[]; code: string }>;
  mainSections: string[];
  permalinks: Record<string, string>;
  uglyURLs: boolean;
  /** Where the site lives on disk, for `{{< ref >}}`. */
  root: string;
  /** Whether `[frontmatter] date` reads `:filename`. */
  dateFromFileName: boolean;
}

const configNames = ["hugo", "config"].flatMap((name) => ["toml", "yaml", "yml", "json"].map((extension) => `${name}.${extension}`));

type Table = Record<string, unknown>;
const table = (value: unknown): Table => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Table) : {});

/** A language's taxonomies, singular to plural (the front matter key); Hugo's default when the config names none: `category` and `tag`. */
const taxonomiesOf = (taxonomies: unknown): [string, string][] => {
  const given = table(taxonomies);
  return Object.entries(Object.keys(given).length > 0 ? given : { category: "categories", tag: "tags" }).map(([singular, plural]) => [
    singular,
    String(plural).toLowerCase(),
  ]);
};

/** Hugo's main sections when the config names none: the section with the most pages. */
function busiestSection(contentDir: string): string[] {
  let best: { name: string; count: number } | undefined;
  const count = (folder: string): number =>
    readdirSync(folder, { withFileTypes: true }).reduce(
      (sum, entry) =>
        sum + (entry.isDirectory() ? count(path.join(folder, entry.name)) : /\.(md|markdown)$/.test(entry.name) && !entry.name.startsWith("_") ? 1 : 0),
      0,
    );
  const entries = existsSync(contentDir) ? readdirSync(contentDir, { withFileTypes: true }) : [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const pages = count(path.join(contentDir, entry.name));
    if (!best || pages > best.count) best = { name: entry.name, count: pages };
  }
  return best ? [best.name.toLowerCase()] : [];
}

async function readSite(root: string): Promise<Omit<SiteFacts, "profile" | "ignoreKeys">> {
  const found = [...configNames, ...configNames.map((name) => `config/_default/${name}`)].find((name) => existsSync(path.join(root, name)));
  const config = table(lowerKeys(found ? readToolConfig(path.join(root, found)) : {}));
  const contentDir = typeof config.contentdir === "string" ? config.contentdir : "content";
  const defaultLanguage = typeof config.defaultcontentlanguage === "string" ? config.defaultcontentlanguage.toLowerCase() : "en";
  const languages: HugoSettings["languages"] = {};
  const given = table(config.languages);
  for (const [code, value] of Object.entries(Object.keys(given).length > 0 ? given : { [defaultLanguage]: {} })) {
    const language = table(value);
    const taxonomies = taxonomiesOf(language.taxonomies ?? config.taxonomies);
    languages[code] = {
      ...(typeof language.contentdir === "string" ? { contentDir: language.contentdir } : {}),
      // Tags and categories are what feeds call categories; a series or another taxonomy is the site's own.
      tagKeys: taxonomies.filter(([singular]) => singular === "tag" || singular === "category").map(([, plural]) => plural),
      taxonomyKeys: taxonomies.map(([, plural]) => plural),
      code: typeof language.languagecode === "string" ? language.languagecode : code,
    };
  }
  const params = table(config.params);
  const mainSections = stringList(params.mainsections ?? config.mainsections).map((name) => name.toLowerCase());
  const permalinks: Record<string, string> = {};
  for (const [section, pattern] of Object.entries(table(config.permalinks))) {
    // Hugo 0.112 and later group permalinks by page kind; `page` is the one posts have.
    if (section === "page" && typeof pattern === "object") Object.assign(permalinks, pattern);
    else if (typeof pattern === "string") permalinks[section] = pattern;
  }
  const settings: HugoSettings = {
    contentDir,
    defaultLanguage,
    defaultInSubdir: config.defaultcontentlanguageinsubdir === true,
    languages,
    mainSections: mainSections.length > 0 ? mainSections : busiestSection(path.join(root, contentDir)),
    permalinks,
    uglyURLs: config.uglyurls === true,
    root,
    dateFromFileName: stringList(table(config.frontmatter).date).includes(":filename"),
  };
  return {
    basePath: basePathOf(config.baseurl),
    ...(typeof config.timezone === "string" ? { timeZone: config.timezone } : {}),
    settings: settings as unknown as Record<string, unknown>,
  };
}

const settingsOf = (site: SiteFacts) => site.settings as unknown as HugoSettings;

/** A file's language, content folder and path below it. */
function placeOf(relativePath: string, settings: HugoSettings): { lang: string; below: string } | undefined {
  for (const [lang, language] of Object.entries(settings.languages)) {
    if (language.contentDir && relativePath.startsWith(`${language.contentDir.replace(/\/+$/, "")}/`))
      return { lang, below: relativePath.slice(language.contentDir.replace(/\/+$/, "").length + 1) };
  }
  const prefix = `${settings.contentDir.replace(/\/+$/, "")}/`;
  if (!relativePath.startsWith(prefix)) return undefined;
  const below = relativePath.slice(prefix.length);
  const suffix = /\.([a-z]{2,3}(?:-[a-z0-9]+)*)\.(?:md|markdown)$/i.exec(below)?.[1]?.toLowerCase();
  return { lang: suffix && suffix in settings.languages ? suffix : settings.defaultLanguage, below };
}

/** Hugo's URLize: lowercase, spaces to hyphens, what a path cannot hold dropped. */
const urlize = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "-")
    .replace(/[^\p{L}\p{N}\-_./]/gu, "");

/** The page a leaf bundle or a file makes, as Hugo names it: folders, and the bundle's folder or the file's name. */
function pageName(below: string, lang: string): { folders: string[]; name: string } {
  const { folders, stem } = splitPath(below);
  const bare = stem.endsWith(`.${lang}`) ? stem.slice(0, -lang.length - 1) : stem;
  if (bare === "index" && folders.length > 0) return { folders: folders.slice(0, -1), name: folders.at(-1)! };
  return { folders, name: bare };
}

function isCandidate(relativePath: string, site: SiteFacts, root: string): boolean {
  const settings = settingsOf(site);
  const located = placeOf(relativePath, settings);
  if (!located) return false;
  const { folders, stem } = splitPath(located.below);
  if (folders.length === 0 || !settings.mainSections.includes(folders[0]!.toLowerCase())) return false;
  // A Markdown file inside a leaf bundle (a folder with an index.md) is a resource of that page, not a page.
  const own = stem === "index" || stem.startsWith("index.") ? folders.length - 1 : folders.length;
  const base = path.join(root, path.dirname(relativePath));
  for (let up = folders.length - own; up < folders.length; up++) {
    const folder = path.join(base, ...Array<string>(up).fill(".."));
    if (readdirSync(folder).some((name) => /^index(\.[\w-]+)?\.(md|markdown|html)$/.test(name))) return false;
  }
  return true;
}

function map({ data, relativePath, site, config }: ProfileInput): Mapped {
  const settings = settingsOf(site);
  const located = placeOf(relativePath, settings);
  const headless = findKey(data, ["headless"], true);
  const build = table(data[findKey(data, ["build", "_build"], true) ?? ""]);
  if (!located || (headless && data[headless] === true) || build.render === "never" || build.render === false) return { article: false };
  const { lang, below } = located;
  const language = settings.languages[lang]!;
  const out = new Restated();
  const timeZone = site.timeZone ?? config.timeZone;
  out.copy("title", data, ["title"], true);
  const dateKey = out.copy("date", data, ["date", "publishDate", "pubDate", "published", "lastmod", "modified"], true);
  const { folders, name: fileName } = pageName(below, lang);
  // With `[frontmatter] date = [":filename", ...]`, 2017-01-31-my-post.md is dated by its name, its slug the rest.
  const named = settings.dateFromFileName ? /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(fileName) : null;
  if (!dateKey && named) out.set("date", named[1], []);
  if (!dateKey && !named) return { article: false, problems: [undatedPage("Hugo")] };
  const name = named ? named[2]! : fileName;
  const day = calendarOf(out.data.date, timeZone);
  const lastmodKey = findKey(data, ["lastmod", "modified"], true);
  const lastmod = lastmodKey ? calendarOf(data[lastmodKey], timeZone) : undefined;
  // Hugo never complains of a lastmod before the date; an update before publication means none.
  if (lastmodKey && lastmod && day && lastmod.date > day.date) out.set("updated", data[lastmodKey], [lastmodKey]);
  out.copy("expiryDate", data, ["expiryDate", "unpublishDate"], true);
  // A page with a later publishDate than its date waits for it, as `hugo` without --buildFuture does.
  if (dateKey) out.copy("publishDate", data, ["publishDate", "pubDate", "published"], true);
  out.copy("draft", data, ["draft"], true);
  out.copy("description", data, ["summary", "description"], true);
  out.copy("author", data, ["author"], true) ?? out.copy("authors", data, ["authors"], true);
  const tags: string[] = [];
  for (const key of language.tagKeys) {
    const found = findKey(data, [key], true);
    if (found) tags.push(...stringList(data[found]));
  }
  if (tags.length > 0) out.set("tags", tags, [findKey(data, language.tagKeys, true)!]);
  if (lang !== settings.defaultLanguage) out.set("lang", language.code, [findKey(data, ["title"], true) ?? "title"]);
  // Hugo's section is the page's top folder below the content folder (content/world/... is "world").
  out.set("section", folders[0]!, []);

  const slugKey = findKey(data, ["slug"], true);
  const slug = slugKey ? urlize(String(data[slugKey])) : undefined;
  const urlKey = findKey(data, ["url"], true);
  const prefix = lang !== settings.defaultLanguage || settings.defaultInSubdir ? `${lang}/` : "";
  const ending = settings.uglyURLs ? ".html" : "/";
  const pattern = settings.permalinks[folders[0]!.toLowerCase()];
  let urlPath: string;
  // Hugo ends a `url` without an extension with a slash, as a folder.
  if (urlKey)
    urlPath = String(data[urlKey])
      .replace(/^\/+/, "")
      .replace(/^(?!.*\.\w+$)(.*[^/])$/, "$1/");
  else if (pattern && day) {
    const title = typeof data[findKey(data, ["title"], true) ?? ""] === "string" ? (data[findKey(data, ["title"], true)!] as string) : "";
    const tokens: Record<string, string> = {
      year: day.year,
      month: day.month,
      day: day.day,
      monthname: new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" }).format(Date.UTC(Number(day.year), Number(day.month) - 1, 1)).toLowerCase(),
      section: urlize(folders[0]!),
      sections: folders.map(urlize).join("/"),
      title: urlize(title),
      slug: slug ?? urlize(title),
      slugorfilename: slug ?? urlize(name),
      slugorcontentbasename: slug ?? urlize(name),
      filename: urlize(name),
      contentbasename: urlize(name),
    };
    urlPath = prefix + pattern.replace(/^\/+/, "").replace(/:(\w+)/g, (token, key: string) => tokens[key.toLowerCase()] ?? token);
  } else urlPath = `${prefix}${[...folders.map(urlize), slug ?? urlize(name)].join("/")}${ending}`;

  const pageUrl = new URL(urlPath, siteBase(config.url, site.basePath)).href;
  const cover = table(data[findKey(data, ["cover"], true) ?? ""]);
  const imagesKey = findKey(data, ["images"], true);
  const imageKey = findKey(data, ["image", "featured_image", "featuredImage"], true);
  const source: [string, (string | number)[]] | undefined =
    imagesKey && typeof stringList(data[imagesKey])[0] === "string"
      ? [stringList(data[imagesKey])[0]!, [imagesKey, 0]]
      : typeof cover.image === "string" && cover.image !== ""
        ? [cover.image, [findKey(data, ["cover"], true)!, "image"]]
        : imageKey && typeof data[imageKey] === "string"
          ? [data[imageKey] as string, [imageKey]]
          : undefined;
  if (source) {
    const image: Record<string, string> = { src: imageUrl(source[0], siteBase(config.url, site.basePath), pageUrl) };
    if (source[1][0] === findKey(data, ["cover"], true)) {
      if (typeof cover.alt === "string" && cover.alt) image.alt = cover.alt;
      if (typeof cover.caption === "string" && cover.caption) image.caption = cover.caption;
    }
    out.set("image", image, source[1]);
  }
  return { article: true, data: out.data, from: out.from, urlPath, problems: [] };
}

/**
 * `{{< ref "x" >}}` and `{{< relref "x" >}}`: the URL Hugo gives the page they name, a path relative
 * to the page's folder or to the content folder, with or without `.md`, a bundle's folder, or a
 * section (`_index.md`); undefined when no such page is here.
 */
function locatePage(target: string, input: TemplateInput): string | undefined {
  const settings = settingsOf(input.site);
  const [file = "", anchor] = target.split("#");
  if (file === "") return anchor === undefined ? undefined : `#${anchor}`;
  const contentDir = settings.contentDir.replace(/\/+$/, "");
  const bases = file.startsWith("/") ? [contentDir] : [path.posix.dirname(input.relativePath), contentDir];
  for (const base of bases)
    for (const suffix of ["", ".md", "/index.md", "/_index.md"]) {
      const candidate = path.posix.normalize(path.posix.join(base, file.replace(/^\/+/, "") + suffix));
      if (!candidate.endsWith(".md") || !existsSync(path.join(settings.root, candidate))) continue;
      const place = placeOf(candidate, settings);
      const split = splitToolFrontMatter(readFileSync(path.join(settings.root, candidate), "utf8").replace(/\r\n?/g, "\n"), ["toml", "json"]);
      if (!place || !split.ok) return undefined;
      const { folders, stem } = splitPath(place.below);
      let urlPath: string;
      if (stem.startsWith("_index")) urlPath = `${folders.map(urlize).join("/")}/`;
      else {
        const mapped = map({ data: split.value.data, relativePath: candidate, site: input.site, config: input.config });
        if (!mapped.article) return undefined;
        urlPath = mapped.urlPath;
      }
      return new URL(urlPath, siteBase(input.config.url, input.site.basePath)).href + (anchor === undefined ? "" : `#${anchor}`);
    }
  return undefined;
}

/** Hugo's own front matter keys (gohugo.io/content-management/front-matter/) and common theme fields. */
const knownKeys = [
  "aliases",
  "audio",
  "author",
  "authors",
  "build",
  "_build",
  "cascade",
  "categories",
  "date",
  "description",
  "draft",
  "expiryDate",
  "headless",
  "images",
  "isCJKLanguage",
  "keywords",
  "lastmod",
  "layout",
  "linkTitle",
  "markup",
  "menu",
  "menus",
  "modified",
  "outputs",
  "params",
  "publishDate",
  "pubdate",
  "published",
  "resources",
  "series",
  "sitemap",
  "slug",
  "summary",
  "tags",
  "title",
  "translationKey",
  "type",
  "unpublishdate",
  "url",
  "videos",
  "weight",
  "cover",
  "image",
];

export const hugo: Profile = {
  name: "hugo",
  markers: ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config/_default/hugo.toml", "config.toml"],
  // A config.yml beside a content folder, which a Jekyll site (_config.yml) never has.
  looksLike: (root) => existsSync(path.join(root, "content")) && ["config.yml", "config.yaml", "config.json"].some((name) => existsSync(path.join(root, name))),
  readSite,
  contentDirs: (site) => {
    const settings = settingsOf(site);
    return [settings.contentDir, ...Object.values(settings.languages).flatMap((language) => (language.contentDir ? [language.contentDir] : []))];
  },
  isCandidate,
  extensions: [".md", ".markdown"],
  frontMatter: ["toml", "json"],
  knownKeys,
  knownKeysOf: (site) => Object.values(settingsOf(site).languages).flatMap((language) => language.taxonomyKeys),
  map,
  templates: hugoShortcodes(locatePage),
};
