import type { RuleId } from "../../diagnostics/diagnostic.js";
import { readFileSync, statSync } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { LocatedProblem } from "./front-matter.js";

/** An article file read from disk, decoded and normalized to LF line endings without BOM. */
export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the articles folder, with forward slashes: stable across machines. */
  relativePath: string;
  text: string;
  /** The raw bytes, for the content hash of the cache. */
  bytes: Buffer;
}

export type LoadedFile = { ok: true; file: SourceFile } | { ok: false; path: string; problems: LocatedProblem[] };

const articleExtensions = [".md", ".markdown"];

/** Where to look for articles below the articles folder, and what to pass over. */
export interface DiscoveryOptions {
  /** Folders to walk, relative to the root; default the root itself. Missing ones are skipped. */
  folders?: readonly string[];
  /** File extensions that can be articles, lowercase with the dot. */
  extensions?: readonly string[];
  /** Absolute folders never entered: the output and the cache, when they lie inside the root. */
  exclude?: readonly string[];
  /** Whether a file, by its path relative to the root (forward slashes), can be an article. */
  accept?: (relativePath: string) => boolean;
}

/** Never articles, wherever they are: installed packages carry hundreds of README.md files. */
const neverEntered = new Set(["node_modules"]);

/**
 * Lists article files below `root`, sorted: hidden (`.`) and private (`_`) entries and
 * node_modules are skipped, as are the excluded folders, and symbolic links are followed only
 * while they stay inside the articles folder.
 */
export async function listArticleFiles(root: string, options: DiscoveryOptions = {}): Promise<string[]> {
  const realRoot = await realpath(root);
  const extensions = new Set(options.extensions ?? articleExtensions);
  const excluded = new Set((options.exclude ?? []).map((folder) => path.resolve(folder)));
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name.startsWith("_") || neverEntered.has(entry.name)) continue;
      const full = path.join(folder, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await realpath(full).catch(() => undefined);
        if (!target || (target !== realRoot && !target.startsWith(realRoot + path.sep))) continue;
        const targetStat = await stat(target);
        // A link back up the tree would make the walk loop forever: skip folders reached by link.
        isDirectory = false;
        isFile = targetStat.isFile();
      }
      if (isDirectory) {
        if (!excluded.has(full)) await walk(full);
      } else if (isFile && extensions.has(path.extname(entry.name).toLowerCase())) {
        const relative = path.relative(root, full).split(path.sep).join("/");
        if (!options.accept || options.accept(relative)) found.push(full);
      }
    }
  };
  for (const folder of options.folders ?? ["."]) {
    const start = path.resolve(root, folder);
    if (excluded.has(start) || !(await stat(start).catch(() => undefined))?.isDirectory()) continue;
    await walk(start);
  }
  return [...new Set(found)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

const problemAt = (rule: RuleId, message: string, hint: string, line = 1, column = 1): LocatedProblem[] => [{ rule, message, hint, line, column }];

/** Finds the line and column of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Buffer): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0) break;
    try {
      utf8.decode(bytes.subarray(index, index + length));
    } catch {
      break;
    }
    if (byte === 0x0a) {
      line++;
      lineStart = index + 1;
    }
    index += length;
  }
  const column = utf8.decode(bytes.subarray(lineStart, index)).length + 1;
  return { line, column };
}

/**
 * Reads one article file and decodes it, refusing what is not text an author wrote.
 * @param file absolute path
 * @param root the articles folder, for the relative path
 * @param maxBytes size limit from the config
 */
export async function loadArticleFile(file: string, root: string, maxBytes: number): Promise<LoadedFile> {
  const relativePath = path.relative(root, file).split(path.sep).join("/");
  const fail = (problems: LocatedProblem[]): LoadedFile => ({ ok: false, path: file, problems });
  // stat, not lstat: a link inside the folder is measured by the file it leads to.
  let bytes: Buffer;
  try {
    // Synchronous: one small file at a time, on a render thread, is read faster than through
    // libuv's thread pool and back, which leaves the thread idle for each file.
    const info = statSync(file);
    if (info.size > maxBytes) {
      return fail(
        problemAt(
          "file-too-large",
          `The file is ${info.size} bytes, more than the limit of ${maxBytes} bytes`,
          "Split the article, or raise `maxArticleBytes` in wirefeed.config.json if it is really this long.",
        ),
      );
    }
    bytes = readFileSync(file);
  } catch (error) {
    return fail(
      problemAt(
        "unreadable-file",
        `The file cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        "Check that the file still exists and that the user running wirefeed may read it.",
      ),
    );
  }
  if (bytes.length === 0 || bytes.toString("utf8").trim() === "") {
    return fail(problemAt("empty-file", "The file is empty", "Delete it, or add front matter with a title and a date, and a body."));
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail(
      problemAt(
        "binary-file",
        "The file holds a NUL byte: it is binary, not a Markdown article",
        "Move binary files (images, PDFs) out of the articles folder, or rename them so they do not end in .md.",
      ),
    );
  }
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    const { line, column } = firstInvalidUtf8(bytes);
    return fail(
      problemAt(
        "invalid-utf8",
        "The file is not valid UTF-8",
        "Save the file as UTF-8 in your editor (for example `iconv -f WINDOWS-1252 -t UTF-8`).",
        line,
        column,
      ),
    );
  }
  const text = decoded.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return { ok: true, file: { path: file, relativePath, text, bytes } };
}
