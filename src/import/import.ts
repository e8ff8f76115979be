/**
 * `wirefeed import`: reads saved article pages (text, or HTML) and writes one
 * front-mattered Markdown file per article into the articles folder. Nothing is
 * overwritten without `force`, nothing is written outside the output folder, and an
 * article whose title, date or body cannot be found is reported, never guessed.
 */
import { lstat, mkdir, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { ConfigError, loadConfig } from "../config/load.js";
import { articlesFolder } from "../config/schema.js";
import { detectProfile } from "../build/stages/profiles/detect.js";
import type { ProfileName } from "../build/stages/profiles/types.js";
import { type Diagnostic, errorDiagnostic } from "../diagnostics/diagnostic.js";
import { calendarDate } from "../text/date.js";
import { slugify } from "../text/slug.js";
import { analyzeText, type Detection } from "./analyze.js";
import { fileKind, MAX_SOURCE_BYTES, readRegularFile } from "./guard.js";
import { decodePage } from "./encoding.js";
import { looksLikeMhtml, mhtmlPage } from "./mhtml.js";
import { analyzeHtml, looksLikeHtml } from "./html.js";
import { articleMarkdown } from "./markdown.js";

/** What an import is asked to do. Paths resolve against `cwd`. */
export interface ImportOptions {
  cwd?: string;
  /** Files and folders to import; folders are read whole, recursively. */
  inputs: readonly string[];
  /** Folder to write into; default: the config's `articles`, else articles/. */
  out?: string;
  /** Config file; default wirefeed.config.json, and UTC when that default does not exist. */
  config?: string;
  /** Show what would be written; write nothing. */
  dryRun?: boolean;
  /** Overwrite existing article files. */
  force?: boolean;
}

/** What happened to one source file. */
export type Outcome = "imported" | "would-import" | "skipped" | "needs-attention";

/** One source file's import. */
export interface ImportedArticle {
  /** The source as the user named it (relative to cwd). */
  source: string;
  outcome: Outcome;
  /** The article file (relative to cwd), when a name could be made. */
  target?: string;
  detection?: Detection;
  markdown?: string;
  /** Why it was skipped or needs attention. */
  reason?: string;
  /** The refusal as a diagnostic with its rule and position, when the file was not read whole. */
  diagnostic?: Diagnostic;
}

/** The whole import: per-file outcomes, setup problems, counts and the exit code. */
export interface ImportResult {
  /** 0 all imported or skipped, 1 some need attention, 2 usage or config errors. */
  exitCode: 0 | 1 | 2;
  diagnostics: Diagnostic[];
  articles: ImportedArticle[];
  counts: { imported: number; skipped: number; attention: number };
  timeZone?: string;
  outDir?: string;
}

const IMPORTABLE = new Set([".txt", ".text", ".html", ".htm", ".mhtml", ".mht"]);
// A generated name is a date and slug letters only; anything else would be a bug, and a path.
const ARTICLE_NAME = /^\d{4}-\d{2}-\d{2}-[\p{L}\p{N}\p{M}]+(?:-[\p{L}\p{N}\p{M}]+)*\.md$/u;
const ascii = new TextDecoder("windows-1252");

/**
 * Reads the config the way `build` does, but a missing default config is not an error:
 * an import into a fresh folder reads dates in UTC and writes to articles/.
 * @param cwd the folder paths resolve against
 * @param config the `--config` value, if any
 */
export async function importSettings(
  cwd: string,
  config: string | undefined,
): Promise<{ timeZone: string; articles: string; toolSite?: ToolName | undefined } | Diagnostic[]> {
  const configPath = path.resolve(cwd, config ?? "wirefeed.config.json");
  try {
    const loaded = await loadConfig(configPath, path.relative(cwd, configPath) || configPath);
    const articles = path.resolve(path.dirname(configPath), articlesFolder(loaded));
    const profile = loaded.profile === "auto" ? detectProfile(articles) : loaded.profile;
    // A tool's site is read from its own post folders, never its root: what new or import wrote there would never be published.
    const toolSite = loaded.articles === undefined && profile !== "wirefeed" ? profile : undefined;
    return { timeZone: loaded.timeZone, articles, toolSite };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (config === undefined && error.diagnostics.every((d) => d.rule === "config-not-found")) {
      return { timeZone: "UTC", articles: path.resolve(cwd, "articles") };
    }
    return error.diagnostics;
  }
}

type ToolName = Exclude<ProfileName, "wirefeed">;

/** Each tool's name, and the folder of posts its starter sites use, for the hint. */
const toolPosts: Record<ToolName, [string, string]> = {
  hugo: ["Hugo", "content/posts"],
  jekyll: ["Jekyll", "_posts"],
  eleventy: ["Eleventy", "content/blog"],
  astro: ["Astro", "src/content/blog"],
};

/**
 * The error for `new` or `import` writing into a tool site's root folder (see `importSettings`).
 * @param tool the site's tool
 * @param command the command, and the flag that names its folder
 */
export function toolSiteRoot(tool: ToolName, command: "new" | "import", flag: "--articles" | "--out"): Diagnostic {
  const [name, posts] = toolPosts[tool];
  return errorDiagnostic(
    "tool-site-root",
    `This is a ${name} site, and wirefeed ${command} would write into its root folder, where neither ${name} nor wirefeed reads posts`,
    `Pass ${flag} with the folder of its posts, such as ${flag} ${posts}.`,
  );
}

/** Imports every input; see `ImportOptions`. Never throws for a user's mistake. */
export async function importArticles(options: ImportOptions): Promise<ImportResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const display = (file: string) => path.relative(cwd, file) || ".";
  const counts = { imported: 0, skipped: 0, attention: 0 };
  const setupFailure = (diagnostics: Diagnostic[]): ImportResult => ({ exitCode: 2, diagnostics, articles: [], counts });

  if (options.inputs.length === 0)
    return setupFailure([
      errorDiagnostic("missing-input", "No file or folder to import was given", "Run wirefeed import FILE-OR-FOLDER..., e.g. wirefeed import saved-pages/."),
    ]);
  const settings = await importSettings(cwd, options.config);
  if (Array.isArray(settings)) return setupFailure(settings);
  if (options.out === undefined && settings.toolSite !== undefined) return setupFailure([toolSiteRoot(settings.toolSite, "import", "--out")]);
  const outDir = options.out === undefined ? settings.articles : path.resolve(cwd, options.out);

  const sources: string[] = [];
  const articles: ImportedArticle[] = [];
  for (const input of options.inputs) {
    const full = path.resolve(cwd, input);
    const info = await lstat(full).catch(() => undefined);
    if (info === undefined)
      return setupFailure([errorDiagnostic("input-not-found", `The input ${input} does not exist`, "Check the path; nothing was imported.", input)]);
    // A named file is followed through a symbolic link; what it names must be a folder or a regular file.
    const target = info.isSymbolicLink() ? await stat(full).catch(() => undefined) : info;
    if (target === undefined)
      return setupFailure([
        errorDiagnostic("input-not-found", `The input ${input} is a symbolic link to nothing`, "Check the link; nothing was imported.", input),
      ]);
    if (!target.isDirectory() && !target.isFile())
      return setupFailure([
        errorDiagnostic(
          "input-not-regular",
          `The input ${input} is ${fileKind(target)}, not a file or folder; import reads saved pages from regular files only`,
          "Save the page to a file first (e.g. curl URL > page.html), then import that file; nothing was imported.",
          input,
        ),
      ]);
    if (target.isDirectory()) {
      for (const file of await listFolder(full)) {
        if (file.special) articles.push({ source: display(file.path), outcome: "skipped", reason: "not a regular file" });
        else if (IMPORTABLE.has(path.extname(file.path).toLowerCase())) sources.push(file.path);
        else articles.push({ source: display(file.path), outcome: "skipped", reason: "not a .txt, .html or .mhtml file" });
      }
    } else {
      sources.push(full);
    }
  }

  const existing = await existingArticles(outDir);
  const claimed = new Map<string, string>();
  for (const source of sources) {
    const article = await importOne(source, display(source), {
      timeZone: settings.timeZone,
      outDir,
      display,
      existing,
      claimed,
      dryRun: options.dryRun === true,
      force: options.force === true,
    });
    articles.push(article);
  }
  articles.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  for (const article of articles) {
    if (article.outcome === "imported" || article.outcome === "would-import") counts.imported++;
    else if (article.outcome === "skipped") counts.skipped++;
    else counts.attention++;
  }
  return { exitCode: counts.attention > 0 ? 1 : 0, diagnostics: [], articles, counts, timeZone: settings.timeZone, outDir };
}

interface Context {
  timeZone: string;
  outDir: string;
  display: (file: string) => string;
  /** Article file names already in the output folder, by slug. */
  existing: Map<string, string>;
  /** Targets written in this run, with the source that claimed each. */
  claimed: Map<string, string>;
  dryRun: boolean;
  force: boolean;
}

async function importOne(file: string, source: string, context: Context): Promise<ImportedArticle> {
  const attention = (reason: string, more: Partial<ImportedArticle> = {}): ImportedArticle => ({ source, outcome: "needs-attention", reason, ...more });
  const read = await readRegularFile(file);
  if (!read.ok) {
    const { refusal } = read;
    if (refusal.kind === "not-regular") return attention(`the file is ${refusal.what}; only regular files are read`);
    if (refusal.kind === "too-large") {
      const diagnostic = errorDiagnostic(
        "page-too-large",
        `the file has ${refusal.bytes} bytes, more than the ${MAX_SOURCE_BYTES} a saved page can have; it is not read`,
        "check that it is the page you meant, and save the article alone",
        source,
      );
      return attention(`${diagnostic.message} [${diagnostic.rule}]`, { diagnostic });
    }
    return attention(`the file cannot be read (${refusal.code})`);
  }
  // A page saved as one file (.mhtml): the page is its first text/html part.
  const namedMhtml = /\.mht(?:ml)?$/iu.test(file);
  const mhtml = namedMhtml || looksLikeMhtml(read.bytes) ? mhtmlPage(read.bytes) : undefined;
  if (mhtml === undefined && namedMhtml) return attention("the file is no MHTML page: it holds no text/html part");
  const bytes = mhtml?.html ?? read.bytes;
  const namedHtml = mhtml !== undefined || /\.html?$/iu.test(file);
  const transport = mhtml?.charset === undefined ? undefined : { label: mhtml.charset, by: "its MHTML part's Content-Type" };
  // Whether the file is a page decides whether it can declare its encoding: asked of its opening bytes, as ASCII.
  const decoded = decodePage(bytes, namedHtml || looksLikeHtml(ascii.decode(bytes.subarray(0, 1024)).replace(/^\u00ef\u00bb\u00bf/u, "")), transport);
  if (!decoded.ok) {
    const diagnostic: Diagnostic = { ...errorDiagnostic("page-encoding", decoded.message, decoded.hint, source), line: decoded.line, column: decoded.column };
    return attention(`${source}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.message} [${diagnostic.rule}] (hint: ${diagnostic.hint})`, {
      diagnostic,
    });
  }
  const { text } = decoded;
  const isHtml = namedHtml || looksLikeHtml(text);
  const detection = isHtml ? analyzeHtml(text, context.timeZone, mhtml?.location) : analyzeText(text, context.timeZone);
  if (decoded.declared !== undefined) detection.encoding = { value: `${decoded.encoding}, as ${decoded.declared.by} says`, line: decoded.declared.line };
  if (detection.blocked !== undefined) {
    const diagnostic: Diagnostic = {
      ...errorDiagnostic("html-too-deep", detection.blocked.message, "save the article again from the browser's reader view", source),
      line: detection.blocked.line,
      column: detection.blocked.column,
    };
    return attention(`${source}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.message} [${diagnostic.rule}] (hint: ${diagnostic.hint})`, {
      detection,
      diagnostic,
    });
  }
  const missing = [
    detection.title === undefined ? "title" : undefined,
    detection.date === undefined ? "date" : undefined,
    detection.body.length === 0 ? "body" : undefined,
  ].filter((field) => field !== undefined);
  if (missing.length > 0 || detection.title === undefined || detection.date === undefined)
    return attention(`no ${missing.join(", no ")} found with confidence; see the notes`, { detection });

  const slug = slugify(detection.title.value);
  const day = calendarDate(detection.date.date, context.timeZone);
  const name = `${day.year}-${day.month}-${day.day}-${slug}.md`;
  const target = path.resolve(context.outDir, name);
  if (slug === "" || !ARTICLE_NAME.test(name) || path.dirname(target) !== context.outDir)
    return attention(`no safe file name can be made from the title (got "${name}")`, { detection });
  const markdown = articleMarkdown(detection);
  const shown = context.display(target);
  const result = { source, target: shown, detection, markdown };

  const earlier = context.claimed.get(target);
  if (earlier !== undefined) return { ...result, outcome: "skipped", reason: `${earlier} in this same import gives the same file name` };
  context.claimed.set(target, source);
  const sameSlug = context.existing.get(slug);
  if (sameSlug !== undefined && sameSlug !== name)
    return attention(`${context.display(path.join(context.outDir, sameSlug))} already uses the slug "${slug}"; the build would report a duplicate`, result);
  const present = await lstat(target).catch(() => undefined);
  if (present !== undefined && !present.isFile()) return attention(`${shown} exists and is not a regular file; it is never overwritten`, result);
  if (present !== undefined && !context.force) return { ...result, outcome: "skipped", reason: `${shown} exists; pass --force to overwrite it` };
  if (context.dryRun) return { ...result, outcome: "would-import" };
  await mkdir(context.outDir, { recursive: true });
  try {
    // "wx" fails rather than overwrite a file that appeared since the check.
    await writeFile(target, markdown, { flag: context.force ? "w" : "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return { ...result, outcome: "skipped", reason: `${shown} exists; pass --force to overwrite it` };
    return attention(`${shown} cannot be written (${code ?? "error"})`, result);
  }
  return { ...result, outcome: "imported" };
}

/**
 * Files below a folder, sorted; hidden entries are skipped and symbolic links are not followed.
 * Pipes, sockets and devices are listed as `special`, to be reported and never opened.
 */
async function listFolder(folder: string): Promise<{ path: string; special: boolean }[]> {
  const found: { path: string; special: boolean }[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await listFolder(full)));
    else if (entry.isFile()) found.push({ path: full, special: false });
    else if (!entry.isSymbolicLink()) found.push({ path: full, special: true });
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Article files already in the output folder, by the slug their name gives. */
async function existingArticles(outDir: string): Promise<Map<string, string>> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  const bySlug = new Map<string, string>();
  for (const name of names) {
    const slug = /^\d{4}-\d{2}-\d{2}-(.+)\.md$/u.exec(name)?.[1];
    if (slug !== undefined) bySlug.set(slug, name);
  }
  return bySlug;
}
