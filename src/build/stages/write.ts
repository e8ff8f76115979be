import { createWriteStream, existsSync, renameSync, rmSync } from "node:fs";
import { copyFile, link, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { mapLimited } from "../runtime/map-limited.js";

/** How many files are written at once. */
const writeLanes = 2;

/**
 * What one output file holds: its bytes; a stream of chunks, for files too large to build as one
 * string (the archive at 100,000 articles); or `reuse`, the same file of the previous output, kept
 * as it is (hard-linked, so neither rewritten nor recompressed).
 */
export type OutputContent =
  | string
  | Uint8Array
  /**
   * `offThread`: made on other threads, so written alongside the files this thread makes rather
   * than after them, in `order`: the documents of one page together, whose bodies a thread then reads once.
   */
  | { stream: () => AsyncIterable<string | Uint8Array>; offThread?: { order: number } }
  | { reuse: true };

/** The files of one build: paths relative to the output folder, with their content. */
export type OutputFiles = Map<string, OutputContent>;

async function writeOne(target: string, content: OutputContent, previous: string): Promise<void> {
  if (typeof content === "string" || content instanceof Uint8Array) return writeFile(target, content);
  // Two chunks ahead at most: a stream's chunks are up to a megabyte, and several files are written at once.
  if ("stream" in content) return pipeline(Readable.from(content.stream(), { highWaterMark: 2 }), createWriteStream(target));
  await link(previous, target).catch(() => copyFile(previous, target));
}

const siblings = (out: string) => {
  const folder = path.dirname(out);
  const base = path.basename(out);
  return { folder, staging: `.${base}.staging-`, retired: `.${base}.retired-`, spool: `.${base}.spool-` };
};

/**
 * Where this process keeps the files it makes before writing them (the gzip twins' spools): beside
 * the output rather than in the system's temporary folder, so that what a killed build leaves is
 * cleared by the next build, and a large archive's spools stay on the output's disk.
 */
export function spoolFolder(out: string): string {
  const { folder, spool } = siblings(out);
  return path.join(folder, `${spool}${process.pid}`);
}

/**
 * Puts back an output folder that a killed build left renamed aside, and clears its staging and
 * spool folders (not this process's own spool): the previous output stays what readers get.
 */
export async function recoverOutput(out: string): Promise<void> {
  const { folder, staging, retired, spool } = siblings(out);
  const ownSpool = path.basename(spoolFolder(out));
  const entries = await readdir(folder).catch(() => [] as string[]);
  const outExists = entries.includes(path.basename(out));
  for (const name of entries.sort()) {
    if (name.startsWith(retired)) {
      if (!outExists) await rename(path.join(folder, name), out);
      else await rm(path.join(folder, name), { recursive: true, force: true });
    } else if (name.startsWith(staging) || (name.startsWith(spool) && name !== ownSpool)) {
      await rm(path.join(folder, name), { recursive: true, force: true });
    }
  }
}

/**
 * Undoes this process's unfinished write at once, for a signal handler: the staging and spool
 * folders go, and an output folder this process had renamed aside comes back if nothing replaced it.
 * @param out the output folder
 */
export function abandonOutputSync(out: string): void {
  const { folder, staging, retired } = siblings(out);
  const aside = path.join(folder, `${retired}${process.pid}`);
  for (const scratch of [path.join(folder, `${staging}${process.pid}`), spoolFolder(out)]) {
    // File operations already in flight on libuv's threads may recreate the folder or files in it
    // while it is removed: remove again until it stays gone.
    for (let attempt = 0; attempt < 5 && existsSync(scratch); attempt++) {
      rmSync(scratch, { recursive: true, force: true, maxRetries: 3, retryDelay: 5 });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  if (!existsSync(aside)) return;
  if (!existsSync(out)) renameSync(aside, out);
  // Never delete the previous output unless a complete one stands in its place.
  else rmSync(aside, { recursive: true, force: true });
}

/**
 * Writes the files into a staging folder beside `out`, then swaps it in with two renames, so a
 * failure at any point leaves the previous output as it was (a kill between the renames is undone
 * by `recoverOutput` on the next run). When `complete()` says, once every file is written, that
 * what was written is not right to publish (a body the cache lost), nothing is swapped in: returns false.
 */
export async function writeOutput(out: string, files: OutputFiles, complete: () => boolean = () => true): Promise<boolean> {
  const { folder, staging, retired } = siblings(out);
  await mkdir(folder, { recursive: true });
  await recoverOutput(out);
  const stage = path.join(folder, `${staging}${process.pid}`);
  await rm(stage, { recursive: true, force: true });
  await mkdir(stage, { recursive: true });
  try {
    const made = new Map<string, Promise<unknown>>();
    // Files are written a few at a time, in path order, so that a file compressed on zlib's
    // threads does not hold up the next one. A file and its gzip twin (`x` and `x.gz`) go in turn,
    // as the twin is compressed while the file is written. A file may wait for files before it (the
    // manifest for the downloads' checksums), never for one after it, so the lanes cannot deadlock.
    // Files made on other threads form a queue of their own, in their `order`, written while this thread makes the rest.
    const groups = new Map<string, [string, OutputContent][]>();
    for (const [relative, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const plain = relative.replace(/\.gz$/, "");
      const group = groups.get(plain);
      if (group) group.push([relative, content]);
      else groups.set(plain, [[relative, content]]);
    }
    const offThreadOrder = (group: [string, OutputContent][]): number | undefined => {
      const [, content] = group[0]!;
      return typeof content === "object" && "offThread" in content ? content.offThread?.order : undefined;
    };
    const writeGroup = async (group: [string, OutputContent][]) => {
      for (const [relative, content] of group) {
        const target = path.join(stage, relative);
        const dir = path.dirname(target);
        if (!made.has(dir)) made.set(dir, mkdir(dir, { recursive: true }));
        await made.get(dir);
        await writeOne(target, content, path.join(out, relative));
      }
    };
    const queues = [
      [...groups.values()].filter((group) => offThreadOrder(group) === undefined),
      [...groups.values()].filter((group) => offThreadOrder(group) !== undefined).sort((a, b) => offThreadOrder(a)! - offThreadOrder(b)!),
    ];
    const written = await Promise.allSettled(queues.map((queue) => mapLimited(queue, writeLanes, writeGroup)));
    const failure = written.find((queue) => queue.status === "rejected");
    if (failure) throw failure.reason;
    if (!complete()) {
      await rm(stage, { recursive: true, force: true });
      return false;
    }
    const aside = path.join(folder, `${retired}${process.pid}`);
    const hadOutput = await rename(out, aside).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return false;
        throw error;
      },
    );
    await rename(stage, out);
    if (hadOutput) await rm(aside, { recursive: true, force: true });
    return true;
  } catch (error) {
    await rm(stage, { recursive: true, force: true });
    throw error;
  }
}
