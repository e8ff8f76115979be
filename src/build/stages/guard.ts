import { createReadStream, existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import path from "node:path";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { assetStamps } from "../../formats/pages/assets.js";
import type { Position } from "../../text/yaml-document.js";
import type { BuildContext, Stage } from "../context.js";
import { outputsDigest } from "../incremental/keys.js";
import { newsItems, writesSitemaps } from "../../formats/sitemaps.js";
import { compareItems } from "./model.js";
import { PreviousOutput, serializerCode } from "../incremental/previous-output.js";
import { tally } from "./collect.js";
import { archivePaths } from "../../formats/archive/paths.js";

/** An article the new build publishes, as the guard compares it with the previous archive. */
export interface PublishedArticle {
  id: string;
  /** Path relative to the articles folder, as the archive records it. */
  source: string;
  /** The file as shown to the user, and where its id comes from. */
  file: string;
  position: Position;
}

/** What the previous build published, from its archive. */
export interface PreviousArticle {
  id: string;
  source: string;
}

/** How many removed articles one diagnostic names before it counts the rest. */
const listedRemovals = 20;

/** Past this size the archive is only read a record a line: one JSON string that large would not fit in memory. */
const wholeParseLimit = 128 * 1024 * 1024;

const pick = (record: unknown): PreviousArticle[] => {
  const { id, source } = (record ?? {}) as Record<string, unknown>;
  return typeof id === "string" && typeof source === "string" ? [{ id, source }] : [];
};

/**
 * The archive writes one article a line under a header that states the count: read it that way,
 * a line at a time, so that 100,000 articles need no more memory than their ids.
 */
async function readRecordLines(archiveFile: string): Promise<{ count: number | undefined; articles: PreviousArticle[] }> {
  let count: number | undefined;
  const articles: PreviousArticle[] = [];
  const lines = createInterface({ input: createReadStream(archiveFile, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    const trimmed = line.trim();
    const header = /^"count": (\d+),?$/.exec(trimmed);
    if (header && count === undefined) count = Number(header[1]);
    if (!trimmed.startsWith('{"')) continue;
    try {
      articles.push(...pick(JSON.parse(trimmed.replace(/,$/, ""))));
    } catch {
      // Not a whole record on one line: the whole-file reading below decides.
    }
  }
  return { count, articles };
}

/** An archive file of the previous build, with the number of articles it says it holds (undefined: the file says). */
interface ArchiveFile {
  file: string;
  count?: number;
}

/** One entry of the previous manifest, as far as the guard needs it. */
interface ListedFile {
  path: string;
  scope: string;
  format: string;
  compression: string;
  count: number;
}

/**
 * The previous build's archive files that hold every article once: archive.json, else
 * all.ndjson, else the yearly JSON files, else the yearly NDJSON files, as its manifest lists
 * them, the first set whose files are all there (a download deleted by hand holds nothing to
 * lose: with none complete, the first set's files that are there); an output older than the
 * manifest has archive.json. Undefined when the manifest cannot be read.
 */
async function previousArchive(outDir: string): Promise<ArchiveFile[] | undefined> {
  const text = await readFile(path.join(outDir, archivePaths.manifest), "utf8").catch((error: NodeJS.ErrnoException) => error);
  if (text instanceof Error) return text.code === "ENOENT" ? [{ file: path.join(outDir, archivePaths.full) }] : undefined;
  try {
    const manifest = JSON.parse(text) as { count?: unknown; files?: ListedFile[] };
    if (!Array.isArray(manifest.files)) return undefined;
    const plain = manifest.files.filter((entry) => entry.compression === "none");
    const whole = (format: string) => plain.filter((entry) => entry.scope === "all" && entry.format === format);
    const yearly = (format: string) => plain.filter((entry) => entry.scope !== "all" && entry.format === format);
    const sets = [whole("json"), whole("ndjson"), yearly("json"), yearly("ndjson")]
      .filter((entries) => entries.length > 0)
      .map((entries) => entries.map((entry) => ({ file: path.join(outDir, entry.path), count: entry.count })));
    if (sets.length === 0) return manifest.count === 0 ? [] : undefined;
    const there = (file: string) => existsSync(file);
    return sets.find((set) => set.every(({ file }) => there(file))) ?? sets[0]!.filter(({ file }) => there(file));
  } catch {
    return undefined;
  }
}

/**
 * Reads the articles of the previous build's archive: none when there is no previous build, and a
 * diagnostic when there is one that cannot be read, since then nothing can be checked.
 */
async function readPrevious(outDir: string, display: (file: string) => string): Promise<PreviousArticle[] | Diagnostic> {
  const unreadable = (file: string): Diagnostic => ({
    rule: "previous-archive-unreadable",
    severity: "error",
    message: "The previous build's archive cannot be read, so wirefeed cannot tell whether this build would lose articles",
    hint: `Restore ${display(outDir)} from a backup, or pass --allow-removals once to write a new one.`,
    file: display(file),
  });
  const files = await previousArchive(outDir);
  if (!files) return unreadable(path.join(outDir, archivePaths.manifest));
  const articles: PreviousArticle[] = [];
  for (const { file, count } of files) {
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => error);
    // No manifest and no archive.json: there was no previous build.
    if (info instanceof Error) {
      if (info.code === "ENOENT" && count === undefined) return [];
      return unreadable(file);
    }
    try {
      const byLine = await readRecordLines(file);
      if ((count ?? byLine.count) === byLine.articles.length) {
        articles.push(...byLine.articles);
        continue;
      }
      if (info.size > wholeParseLimit || file.endsWith(".ndjson")) return unreadable(file);
      const archive = JSON.parse(await readFile(file, "utf8")) as { articles?: unknown };
      if (!Array.isArray(archive.articles)) return unreadable(file);
      articles.push(...archive.articles.flatMap(pick));
    } catch {
      return unreadable(file);
    }
  }
  return articles;
}

/**
 * The silent loss guard: compares what this build publishes with the previous output's archive.
 * An article that vanished (a deleted file, a bad checkout, a missing folder) or whose id changed
 * fails the build, unless removals are allowed.
 * @param outDir the output folder whose archive is the previous build's
 * @param published every article this build will publish
 * @param options `allowRemovals` lets the build drop or re-id articles; `removed` lists the articles deleted on purpose; `display` shows a path; `kept` lists sources still present but not published (drafts, scheduled); `previous` is what the previous build published, when the caller knows it for certain (then the archive is not read)
 */
export async function checkRemovals(
  outDir: string,
  published: readonly PublishedArticle[],
  options: {
    allowRemovals: boolean;
    display: (file: string) => string;
    kept?: ReadonlySet<string>;
    previous?: readonly PreviousArticle[];
    /** The config's `removed`: articles deleted on purpose, by source or id. */
    removed?: readonly { source?: string | undefined; id?: string | undefined }[];
  },
): Promise<Diagnostic[]> {
  if (options.allowRemovals) return [];
  const previous = options.previous ?? (await readPrevious(outDir, options.display));
  if ("rule" in previous) return [previous];
  const ids = new Set(published.map((article) => article.id));
  const meant = (article: PreviousArticle) => options.removed?.some(({ source, id }) => source === article.source || id === article.id) === true;
  const bySource = new Map(published.map((article) => [article.source, article]));
  const diagnostics: Diagnostic[] = [];
  const removed: PreviousArticle[] = [];
  for (const before of previous) {
    if (ids.has(before.id)) continue;
    const now = bySource.get(before.source);
    if (now) {
      diagnostics.push({
        rule: "id-changed",
        severity: "error",
        message: `The article's id would change from "${before.id}" to "${now.id}"; readers' feed apps would show it again as a new article`,
        hint: `Keep the old id: add \`id: "${before.id}"\` to the front matter (ids are forever), or pass --allow-removals if the change is meant.`,
        file: now.file,
        ...now.position,
      });
    } else if (!options.kept?.has(before.source) && !meant(before)) {
      removed.push(before);
    }
  }
  if (removed.length > 0) {
    const listed = removed.slice(0, listedRemovals).map((article) => `${article.source} (${article.id})`);
    const more = removed.length - listed.length;
    diagnostics.push({
      rule: "articles-removed",
      severity: "error",
      message: `This build would remove ${removed.length} article${removed.length === 1 ? "" : "s"} that the previous build published: ${listed.join(", ")}${more > 0 ? `, and ${more} more` : ""}`,
      hint: 'Restore the missing files (check the articles folder and the checkout). If they were deleted on purpose, list each under "removed" in the config, with its "source" and a "reason" (or pass --allow-removals once).',
      file: options.display(path.join(outDir, archivePaths.manifest)),
    });
  }
  return diagnostics;
}

/**
 * The stage: an output made from exactly these articles (the same digest, every file as the last
 * build left it) is kept whole, and nothing can be lost; otherwise the new build must keep every
 * article the previous one published. A dry run stops here; so does a build that failed (unless
 * --keep-going) or would lose articles.
 */
/** The articles in the news sitemap's window at `now`: when time moves them out, the output is not the same. */
const newsWindow = (context: BuildContext): string =>
  writesSitemaps(context.config)
    ? newsItems(context.published.map((entry) => entry.meta).sort(compareItems), context.now)
        .map((meta) => meta.id)
        .join(" ")
    : "";

export const guard: Stage = async (context) => {
  const { options, outDir, display, source, published } = context;
  const previous = await PreviousOutput.open(outDir, source?.outputs);
  context.previous = previous;
  // The code that makes the files is an input of the whole output, as the articles are.
  context.digest = outputsDigest(
    // The files bodies name beside their articles are inputs too: one added or edited rebuilds what copies it.
    `${source?.prefix} ${serializerCode} ${await assetStamps(
      context.config,
      context.articlesDir,
      published.map(({ meta, article }) => ({ meta, source: article.source })),
    )} ${newsWindow(context)}`,
    published.map(({ key }) => key),
  );
  context.reusable = options.dryRun ? undefined : await previous.whole(context.digest);
  const before = context.reusable ? undefined : await previous.published();
  const losses = context.reusable
    ? []
    : await checkRemovals(
        outDir,
        published.map(({ meta, article }) => ({ id: meta.id, source: article.source, file: display(article.file), position: meta.positions.id })),
        {
          allowRemovals: options.allowRemovals === true,
          display,
          kept: context.kept,
          removed: context.config.removed,
          ...(before ? { previous: before } : {}),
        },
      );
  context.diagnostics.push(...losses);
  tally(context);
  context.outputs = source?.outputs;
  // --keep-going builds past bad articles, never past lost ones.
  if (options.dryRun || (context.failed && !options.keepGoing) || losses.length > 0) context.end = "finished";
};
