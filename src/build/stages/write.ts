import { createHash, randomUUID } from "node:crypto";
import {
  createWriteStream,
  existsSync,
  linkSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
} from "node:fs";
import { lstat, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import {
  type FileSeal,
  journalFileOf,
  readOutputState,
  restampOutputStateSync,
  stateFileOf,
  writeJsonAtomicSync,
  writeOutputStateSync,
} from "../incremental/output-state.js";
import { mapLimited } from "../runtime/map-limited.js";

/**
 * How many files are written at once. A file's creation costs about a millisecond of the disk's
 * time on a busy machine (its folder's metadata, the journal), far more than the CPU that renders
 * it: with eight lanes libuv's four threads always have files to write while this thread renders
 * the next ones (two lanes left this thread idle most of the writing of a cold build).
 */
const writeLanes = 8;

/**
 * What one output file holds: its bytes; a stream of chunks, for files too large to build as one
 * string (the archive at 100,000 articles); or `reuse`, the same file of the previous output, kept
 * where it is (neither rewritten nor recompressed).
 */
export type OutputContent = string | Uint8Array | StreamedContent | { reuse: true };

/**
 * A file made as a stream of chunks. `sha256`, when the stream hashes its bytes itself (an archive
 * download, whose checksum the manifest lists), gives their SHA-256 once they are all streamed:
 * the writer then does not hash 170 MB a second time.
 */
export interface StreamedContent {
  stream: () => AsyncIterable<string | Uint8Array>;
  sha256?: () => Promise<string>;
}

/** The files of one build: paths relative to the output folder, with their content. */
export type OutputFiles = Map<string, OutputContent>;

export const isReuse = (content: OutputContent): boolean => typeof content === "object" && "reuse" in content;

/** The file a gzip twin (`x.gz`) is the twin of; any other file is its own. The two are written in turn. */
export const twinOf = (file: string): string => file.replace(/\.gz$/, "");

/** An output larger than the config's `maxOutputBytes`: nothing of it was put in place. */
export class OutputTooLarge extends Error {
  constructor(
    /** Bytes counted when the limit was passed: all of the output, or (while files were still being made) a part of it. */
    readonly bytes: number,
    readonly limit: number,
    /** Whether `bytes` is the whole output. */
    readonly complete: boolean,
  ) {
    super(`The output is ${complete ? "" : "at least "}${bytes} bytes, more than maxOutputBytes (${limit})`);
  }
}

/** Counts the bytes of the output, failing as soon as they pass `limit`. */
class ByteBudget {
  private total = 0;
  /** Set once the limit is passed: other files' writes may fail after it for that reason, and say less. */
  exceeded: OutputTooLarge | undefined;

  constructor(private readonly limit: number | undefined) {}

  add(bytes: number, complete = false): void {
    this.total += bytes;
    if (this.limit === undefined || this.total <= this.limit) return;
    this.exceeded ??= new OutputTooLarge(this.total, this.limit, complete);
    throw this.exceeded;
  }

  async *counted(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
    for await (const chunk of chunks) {
      this.add(typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength);
      yield chunk;
    }
  }
}

/**
 * Writes one file and returns the SHA-256 of its bytes, taken as they are written: the output's
 * seals (output-state.ts) need it, and reading the file back would read the whole output again.
 */
async function writeOne(target: string, content: Exclude<OutputContent, { reuse: true }>, budget: ByteBudget): Promise<string> {
  // Text is encoded once, for the hash and the file both.
  const bytesOf = (chunk: string | Uint8Array) => (typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  if (typeof content === "string" || content instanceof Uint8Array) {
    const bytes = bytesOf(content);
    await writeFile(target, bytes);
    return createHash("sha256").update(bytes).digest("hex");
  }
  const hash = content.sha256 ? undefined : createHash("sha256");
  const digest = async () => (hash ? hash.digest("hex") : await content.sha256!());
  // Most streams are one rendered page: such a file is written in one call, without a stream's machinery.
  const chunks = budget.counted(content.stream())[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) {
    await writeFile(target, "");
    return digest();
  }
  const second = await chunks.next();
  if (second.done) {
    const bytes = bytesOf(first.value);
    await writeFile(target, bytes);
    hash?.update(bytes);
    return digest();
  }
  async function* rest(): AsyncGenerator<string | Uint8Array> {
    for (const chunk of [first.value as string | Uint8Array, second.value as string | Uint8Array]) {
      hash?.update(chunk);
      yield chunk;
    }
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      hash?.update(next.value);
      yield next.value;
    }
  }
  // Two chunks ahead at most: a stream's chunks are up to a megabyte, and several files are written at once.
  await pipeline(Readable.from(rest(), { highWaterMark: 2 }), createWriteStream(target));
  return digest();
}

/** The folder the output really is: a symlinked output stays a link, and its scratch folders go beside its target, on its disk. */
const realFolder = (out: string): string => {
  try {
    return realpathSync(out);
  } catch {
    return out;
  }
};

const siblings = (out: string) => {
  const real = realFolder(out);
  const base = path.basename(real);
  return { folder: path.dirname(real), staging: `.${base}.staging-`, retired: `.${base}.retired-`, spool: `.${path.basename(out)}.spool-` };
};

/**
 * Where this process keeps the files it makes before writing them (the gzip twins' spools): beside
 * the output rather than in the system's temporary folder, so that what a killed build leaves is
 * cleared by the next build, and a large archive's spools stay on the output's disk.
 */
export function spoolFolder(out: string): string {
  return path.join(path.dirname(out), `${siblings(out).spool}${process.pid}`);
}

/**
 * The commit of one build, written before the first file of the output changes: the new files
 * wait in `stage`, and each file of the previous output that they replace or that goes is kept in
 * `backup` until the new state is written. Until then a crash is undone by `rollBackSync`.
 */
interface Journal {
  id: string;
  pid: number;
  out: string;
  stage: string;
  backup: string;
  /** Files moved from the stage into the output. */
  moves: string[];
  /** Files of the previous output that go. */
  drops: string[];
}

const readJournal = (out: string): Journal | undefined => {
  try {
    return JSON.parse(readFileSync(journalFileOf(out), "utf8")) as Journal;
  } catch {
    return undefined;
  }
};

const exists = (file: string): boolean => {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
};

/** Removes the folders of `files` that are left empty, up to (not including) `root`. */
function pruneEmptyFolders(root: string, files: readonly string[]): void {
  const folders = new Set(files.map((file) => path.dirname(path.join(root, file))));
  for (const start of [...folders].sort((a, b) => b.length - a.length)) {
    for (let folder = start; folder.startsWith(`${root}${path.sep}`); folder = path.dirname(folder)) {
      try {
        rmdirSync(folder);
      } catch {
        break; // Not empty (another tool's files, or ours still): it stays.
      }
    }
  }
}

/**
 * Undoes a commit that did not finish: every file moved in goes back out (or is removed, if it was
 * new), every file set aside comes back. Only renames: the previous output returns byte for byte,
 * and files of other tools were never touched.
 */
function rollBackSync(journal: Journal): void {
  const { out, stage, backup } = journal;
  for (const file of journal.moves) {
    if (exists(path.join(stage, file))) continue; // never moved in
    if (exists(path.join(backup, file))) renameSync(path.join(backup, file), path.join(out, file));
    else rmSync(path.join(out, file), { force: true });
  }
  for (const file of journal.drops) if (exists(path.join(backup, file))) renameSync(path.join(backup, file), path.join(out, file));
  pruneEmptyFolders(out, journal.moves);
  finishJournalSync(journal);
}

/** Clears a journal's scratch folders, then the journal. */
function finishJournalSync(journal: Journal): void {
  for (const folder of [journal.stage, journal.backup]) rmSync(folder, { recursive: true, force: true, maxRetries: 3, retryDelay: 5 });
  rmSync(journalFileOf(journal.out), { force: true });
}

/** Finishes what a killed build's commit left: kept when its state was written, else rolled back. */
function settleJournalSync(out: string, onlyOwn = false): void {
  const journal = readJournal(out);
  if (!journal || (onlyOwn && journal.pid !== process.pid)) return;
  if (readOutputState(out)?.id === journal.id) finishJournalSync(journal);
  else rollBackSync(journal);
}

/**
 * Finishes or undoes a commit that a killed build left, and clears staging, backup and spool
 * folders (not this process's own spool): the output is then the one the last finished build wrote.
 */
export async function recoverOutput(out: string): Promise<void> {
  settleJournalSync(out);
  // A state or journal a kill left half-written, never renamed into place.
  const stateFolder = path.dirname(stateFileOf(out));
  for (const name of await readdir(stateFolder).catch(() => [] as string[])) {
    if (name.startsWith(`${path.basename(out)}.`) && name.endsWith(".tmp")) await rm(path.join(stateFolder, name), { force: true });
  }
  const { folder, staging, retired } = siblings(out);
  const spoolParent = path.dirname(out);
  const ownSpool = path.basename(spoolFolder(out));
  for (const [parent, prefixes] of [
    [folder, [staging, retired]],
    [spoolParent, [siblings(out).spool]],
  ] as const) {
    const entries = await readdir(parent).catch(() => [] as string[]);
    for (const name of entries.sort()) {
      if (name === ownSpool || !prefixes.some((prefix) => name.startsWith(prefix))) continue;
      // wirefeed 0.1 renamed the whole output aside: such a folder comes back if nothing replaced it.
      if (name.startsWith(retired) && !existsSync(out)) await rename(path.join(parent, name), out);
      else await rm(path.join(parent, name), { recursive: true, force: true });
    }
  }
}

/**
 * Undoes this process's unfinished write at once, for a signal handler: the staging and spool
 * folders go. (The commit itself runs in one synchronous stretch, which no signal handler interrupts.)
 * @param out the output folder
 */
export function abandonOutputSync(out: string): void {
  settleJournalSync(out, true);
  const { folder, staging } = siblings(out);
  for (const scratch of [path.join(folder, `${staging}${process.pid}`), spoolFolder(out)]) {
    // File operations already in flight on libuv's threads may recreate the folder or files in it
    // while it is removed: remove again until it stays gone.
    for (let attempt = 0; attempt < 5 && existsSync(scratch); attempt++) {
      rmSync(scratch, { recursive: true, force: true, maxRetries: 3, retryDelay: 5 });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

/** Files in the output folder that wirefeed would write over but did not write: another tool's. */
export class OutputConflict extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join("; "));
  }
}

/** What a file of the output is, for messages that name it. */
const describeOutputFile = (file: string): string =>
  /\.xml$/.test(file) ? "feed" : /^archive|\.ndjson|\.gz$/.test(file) ? "archive download" : file.endsWith(".json") ? "JSON file" : "file";

/** Moves one file, making its folder first. */
const moveSync = (from: string, to: string) => {
  mkdirSync(path.dirname(to), { recursive: true });
  renameSync(from, to);
};

/**
 * The outermost folder of `file` (relative, with forward slashes) that `out` does not have, or
 * undefined when its folder is there already.
 */
function firstMissingFolder(out: string, file: string): string | undefined {
  const parts = file.split("/").slice(0, -1);
  for (let depth = 1; depth <= parts.length; depth++) {
    const folder = parts.slice(0, depth).join("/");
    if (!exists(path.join(out, folder))) return folder;
  }
  return undefined;
}

/**
 * The switch from the previous output to the new one, in one synchronous stretch: a signal handler
 * cannot run in the middle of it, and a `kill -9` in the middle leaves the journal, which the next
 * build follows to undo it. Replaced files are hard-linked aside first, so that a reader finds the
 * old file or the new one at every moment; the commit is decided when the new state is written.
 */
function commitSync(
  journal: Journal,
  files: OutputFiles,
  keys: Record<string, string>,
  digests: ReadonlyMap<string, string>,
  restamped: ReadonlyMap<string, FileSeal> | undefined,
): void {
  const { out, stage, backup } = journal;
  writeJsonAtomicSync(journalFileOf(out), journal);
  try {
    // A staged folder the output does not have yet moves in whole: one rename for all its files (a
    // cold build's article pages are 1,300 folders), and the stage is not left with a tree of empty
    // folders to remove. A rollback finds each of its files gone from the stage and removes it, as it
    // does a file moved alone.
    const movedFolders = new Set<string>();
    const movedAlready = (file: string): boolean => {
      for (let folder = path.posix.dirname(file); folder !== "."; folder = path.posix.dirname(folder)) if (movedFolders.has(folder)) return true;
      return false;
    };
    for (const file of journal.moves) {
      if (movedAlready(file)) continue;
      const newFolder = firstMissingFolder(out, file);
      if (newFolder !== undefined) {
        renameSync(path.join(stage, newFolder), path.join(out, newFolder));
        movedFolders.add(newFolder);
        continue;
      }
      const target = path.join(out, file);
      if (exists(target)) {
        mkdirSync(path.dirname(path.join(backup, file)), { recursive: true });
        try {
          linkSync(target, path.join(backup, file));
        } catch {
          copyFileSync(target, path.join(backup, file));
        }
      }
      moveSync(path.join(stage, file), target);
    }
    for (const file of journal.drops) if (exists(path.join(out, file))) moveSync(path.join(out, file), path.join(backup, file));
    pruneEmptyFolders(out, journal.drops);
    const kept = new Set([...files].filter(([, content]) => isReuse(content)).map(([file]) => file));
    writeOutputStateSync(out, { id: journal.id, owned: [...files.keys()].sort(), keys }, digests, kept, restamped);
  } catch (error) {
    rollBackSync(journal);
    throw error;
  }
  finishJournalSync(journal);
}

/** Whether two files-to-keys records hold the same entries. */
function sameKeys(a: Record<string, string>, b: Record<string, string>): boolean {
  const entries = Object.entries(a);
  return entries.length === Object.keys(b).length && entries.every(([file, key]) => b[file] === key);
}

/**
 * Writes the files into a staging folder beside `out`, then moves them in, setting aside the files
 * of the previous build they replace and those it made that this build does not: a failure at any
 * point leaves the previous output as it was. wirefeed changes only files it wrote itself (as the
 * state of the previous build records them); a file of another tool in the way is an `OutputConflict`.
 * @param out the output folder
 * @param files the new output
 * @param options `keys`: input keys of the reusable files, for the next build (by default the previous
 * build's); `complete`: asked once every file is staged, whether what was written is right to publish
 * (a body the cache lost makes it not): when it is not, nothing changes and the result is false;
 * `order`: where each file sorts for writing, by default its path; `restamped`: seals of kept files
 * under the stamp they have now (`PreviousOutput.restamped`), for the state
 */
export async function writeOutput(
  out: string,
  files: OutputFiles,
  options: {
    keys?: Record<string, string>;
    complete?: () => boolean;
    maxBytes?: number | undefined;
    order?: (file: string) => string;
    restamped?: ReadonlyMap<string, FileSeal>;
  } = {},
): Promise<boolean> {
  await mkdir(out, { recursive: true });
  await recoverOutput(out);
  const budget = new ByteBudget(options.maxBytes);
  if (options.maxBytes !== undefined) {
    // The sizes known beforehand (files made whole, files kept) are checked before anything is written; streams as they are made.
    const sizes = await mapLimited([...files], 16, async ([relative, content]) => {
      if (typeof content === "string") return Buffer.byteLength(content);
      if (content instanceof Uint8Array) return content.byteLength;
      return "reuse" in content ? ((await lstat(path.join(out, relative)).catch(() => undefined))?.size ?? 0) : 0;
    });
    const streamed = [...files.values()].some((content) => typeof content === "object" && "stream" in content);
    budget.add(
      sizes.reduce((sum, size) => sum + size, 0),
      !streamed,
    );
  }
  const previous = readOutputState(out);
  const owned = new Set(previous?.owned ?? []);
  const foreign = (
    await mapLimited([...files.keys()], 16, async (file) =>
      !owned.has(file) &&
      (await lstat(path.join(out, file)).then(
        () => true,
        () => false,
      ))
        ? [file]
        : [],
    )
  ).flat();
  if (foreign.length > 0) {
    throw new OutputConflict(
      foreign.sort().map((file) => ({
        rule: "output-file-not-owned",
        severity: "error",
        message: `This file was not written by wirefeed (another tool made it, or it was there before wirefeed's first build), and wirefeed's ${describeOutputFile(file)} ${file} would replace it`,
        hint: file.endsWith(".html")
          ? 'When another tool makes the pages, set "pages": false in the config; else move that file, or build wirefeed into a folder of its own (--out).'
          : 'Move or rename that file, or build wirefeed into a folder of its own (--out, or "out" in the config).',
        file: path.join(out, file),
      })),
    );
  }
  const moves = [...files].filter(([, content]) => !isReuse(content)).map(([file]) => file);
  const drops = [...owned].filter((file) => !files.has(file));
  const keys = options.keys ?? Object.fromEntries(Object.entries(previous?.keys ?? {}).filter(([file]) => files.has(file)));
  // Nothing to move in, nothing to drop, the same keys: the output and its state stay as they are (no commit at all).
  if (moves.length === 0 && drops.length === 0 && previous && owned.size === files.size && sameKeys(keys, previous.keys)) {
    if (options.restamped && options.restamped.size > 0) restampOutputStateSync(out, options.restamped);
    return true;
  }
  const { folder, staging, retired } = siblings(out);
  const stage = path.join(folder, `${staging}${process.pid}`);
  await rm(stage, { recursive: true, force: true });
  await mkdir(stage, { recursive: true });
  const digests = new Map<string, string>();
  try {
    const made = new Map<string, Promise<unknown>>();
    // Files are written a few at a time, in path order (or the `order` the caller gives, which moves
    // only files that wait for none), so that a file compressed on zlib's threads does not hold up the next one. A file and its gzip twin (`x` and `x.gz`) go in turn,
    // as the twin is compressed while the file is written. A file may wait for files before it (the
    // manifest for the downloads' checksums), never for one after it, so the lanes cannot deadlock.
    const groups = new Map<string, [string, Exclude<OutputContent, { reuse: true }>][]>();
    const order = options.order ?? ((file: string) => file);
    const sorted = [...files].map(([relative, content]) => ({ relative, content, key: order(relative) })).sort((a, b) => (a.key < b.key ? -1 : 1));
    for (const { relative, content } of sorted) {
      if (typeof content === "object" && "reuse" in content) continue;
      const plain = twinOf(relative);
      const group = groups.get(plain);
      if (group) group.push([relative, content]);
      else groups.set(plain, [[relative, content]]);
    }
    const writeGroup = async (group: [string, Exclude<OutputContent, { reuse: true }>][]) => {
      for (const [relative, content] of group) {
        const target = path.join(stage, relative);
        const dir = path.dirname(target);
        if (!made.has(dir)) made.set(dir, mkdir(dir, { recursive: true }));
        await made.get(dir);
        digests.set(relative, await writeOne(target, content, budget));
      }
    };
    await mapLimited([...groups.values()], writeLanes, writeGroup);
    if (options.complete && !options.complete()) {
      await rm(stage, { recursive: true, force: true });
      return false;
    }
  } catch (error) {
    await rm(stage, { recursive: true, force: true });
    throw budget.exceeded ?? error;
  }
  const journal = { id: randomUUID(), pid: process.pid, out, stage, backup: path.join(folder, `${retired}${process.pid}`), moves, drops };
  commitSync(journal, files, keys, digests, options.restamped);
  return true;
}
