import { createHash, hash } from "node:crypto";
import { type Stats, statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { version } from "../../version.js";
import type { LineIndex } from "../../formats/archive/records.js";
import { archivePaths } from "../../formats/archive/paths.js";
import { mapLimited, readConcurrency } from "../runtime/map-limited.js";
import { isReuse, type OutputContent, type OutputFiles } from "../stages/write.js";
import { hashCode } from "./code-hash.js";
import { settledMs } from "./file-stamp.js";
import { type FileSeal, readOutputState, stampOf } from "./output-state.js";

// The code that makes the output files from the model (serializers, date formats, the model) is an input of every file.
export const serializerCode = hashCode(new URL("../stages/plan.js", import.meta.url));

const keyHead = `wirefeed ${version} ${serializerCode}\n`;

/**
 * A hash of everything a file is made from: wirefeed's version, its serializers' code and the
 * given parts, each length-prefixed so that no two lists collide.
 */
export function inputKey(parts: readonly string[]): string {
  // One string hashed at once: a build keys some 16,000 files, and an update a part took three times as long.
  // A part's length in UTF-16 units frames it as surely as its length in bytes.
  let text = keyHead;
  for (const part of parts) text += `${part.length}:${part}`;
  return hash("sha256", text);
}

const settingsKeys = new WeakMap<object, string>();

/**
 * The config as one part of an input key: its hash, made once a config. Every page and feed
 * document depends on the config; its JSON, a few kilobytes, hashed into each of 15,000 keys was a
 * twentieth of an edit.
 */
export function settingsKey(config: object): string {
  let key = settingsKeys.get(config);
  if (key === undefined) {
    key = hash("sha256", JSON.stringify(config));
    settingsKeys.set(config, key);
  }
  return key;
}

/** One file the last build wrote, as it was left. */
export interface WrittenFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** What the last build wrote, and from what: kept in the article cache's manifest. */
export interface WrittenOutputs {
  digest: string;
  outDir: string;
  files: WrittenFile[];
  /** The articles the archive lists, so that the next build's removal guard need not read it. */
  published?: { id: string; source: string }[];
  /** Where each record is in each archive JSON file, by path, so that the next build copies unchanged ones. */
  lines?: Record<string, LineIndex>;
}

/** Whether a file was written long enough before its stat for its stamp to be trusted, as article stamps are (file-stamp.ts). */
const settled = (info: Stats, statedAt: number): boolean => Math.max(info.mtimeMs, info.ctimeMs) < statedAt - settledMs;

/** Size and modification time of one output file, as `info` found it; -1 for a file that is gone. */
const described = (file: string, info: Stats | undefined): WrittenFile => ({ path: file, size: info?.size ?? -1, mtimeMs: info?.mtimeMs ?? -1 });

/**
 * The previous output folder, opened once per build: everything the build may reuse of it. What
 * the last build recorded (in the cache) is trusted only for files still as it left them (same size
 * and modification time); the state beside the folder says which input key each file was built from,
 * and what its bytes hashed to: no file is kept, copied from or believed unless it still does.
 * Keys go into the new state as they are decided; `inputKeys()` gives them.
 */
export class PreviousOutput {
  private readonly next = new Map<string, string>();
  /**
   * Each file's stat, taken once a build: whether the last build's record still holds, whether a
   * seal's stamp does, and what this build leaves of a file it kept all ask it. One synchronous stat
   * each: a stat of a file whose inode is cached takes microseconds, and a promise for each of
   * 2,500 files cost ten times more than the stats (a sixth of an unchanged build).
   */
  private readonly stats = new Map<string, Stats | undefined>();
  /** When each stat was taken: a stamp is trusted only if the file was left alone long before that. */
  private readonly statTimes = new Map<string, number>();
  private readonly checked = new Map<string, boolean | Promise<boolean>>();
  /** Seals of files whose stamp had changed but whose bytes still hash to their seal, with the stamp they have now. */
  private readonly restampedSeals = new Map<string, FileSeal>();

  private constructor(
    private readonly folder: string | undefined,
    private readonly recorded: WrittenOutputs | undefined,
    private readonly keys: ReadonlyMap<string, string>,
    private readonly seals: ReadonlyMap<string, FileSeal>,
  ) {}

  /**
   * Reads the previous build's state; a missing, foreign or unreadable state means nothing is reused.
   * @param folder the output folder, or undefined for a build that reuses nothing
   * @param recorded what the cache says the last build wrote
   */
  static async open(folder: string | undefined, recorded?: WrittenOutputs): Promise<PreviousOutput> {
    if (folder === undefined) return new PreviousOutput(undefined, undefined, new Map(), new Map());
    const state = readOutputState(folder);
    const keys = new Map(Object.entries(state?.keys ?? {}));
    return new PreviousOutput(folder, recorded?.outDir === folder ? recorded : undefined, keys, new Map(Object.entries(state?.seals ?? {})));
  }

  /**
   * Whether `file` of the previous output still holds the bytes the build that wrote it sealed: the
   * same stamp (not written since), or bytes that hash to the seal. A file edited, cut short or
   * replaced since, or without a seal, is not kept: it is made and written again. The answer is
   * given at once when the stamp decides (nearly always): an edit asks it of 15,000 files, and a
   * promise each, with the calls that wait on it, cost more than the stats.
   */
  private sealed(file: string): boolean | Promise<boolean> {
    let checked = this.checked.get(file);
    if (checked === undefined) {
      checked = this.check(file);
      this.checked.set(file, checked);
    }
    return checked;
  }

  private check(file: string): boolean | Promise<boolean> {
    const seal = this.seals.get(file);
    if (!seal || this.folder === undefined) return false;
    const info = this.statOf(file);
    if (!info?.isFile() || info.size !== seal.size) return false;
    const stamp = stampOf(info);
    if (stamp === seal.stamp) return true;
    return readFile(path.join(this.folder, file)).then((bytes) => {
      const same = createHash("sha256").update(bytes).digest("hex") === seal.sha256;
      // The stamp was taken before the read; one from a write that may share the clock tick of the stat is not trusted.
      if (same && settled(info, this.statTimes.get(file) ?? 0)) this.restampedSeals.set(file, { ...seal, stamp });
      return same;
    });
  }

  /**
   * Files kept whose stamp changed since they were sealed (the folder was copied, restored or
   * moved) though not their bytes, with their seal under the stamp they have now: recorded, so
   * that the next build trusts the stat again instead of hashing the whole output every time.
   */
  restamped(): ReadonlyMap<string, FileSeal> {
    return this.restampedSeals;
  }

  private statOf(file: string): Stats | undefined {
    if (!this.stats.has(file)) {
      this.statTimes.set(file, Date.now());
      this.stats.set(file, this.folder === undefined ? undefined : statSync(path.join(this.folder, file), { throwIfNoEntry: false }));
    }
    return this.stats.get(file);
  }

  /** The recorded files of the last build that are still as it left them. */
  private async intact(files: readonly WrittenFile[]): Promise<boolean> {
    const now = files.map((file) => described(file.path, this.statOf(file.path)));
    if (!now.every((found, index) => found.size === files[index]!.size && found.mtimeMs === files[index]!.mtimeMs)) return false;
    return (await mapLimited(files, readConcurrency, async (file) => this.sealed(file.path))).every(Boolean);
  }

  private recordedFile(file: string): WrittenFile | undefined {
    return this.recorded?.files.find((written) => written.path === file);
  }

  /** Every file of the previous output kept as it is, when it was made from the same articles and nobody touched it since. */
  async whole(digest: string): Promise<OutputFiles | undefined> {
    if (!this.recorded || this.recorded.digest !== digest) return undefined;
    if (!(await this.intact(this.recorded.files))) return undefined;
    return new Map(this.recorded.files.map((file) => [file.path, { reuse: true }]));
  }

  /**
   * What the previous build published, when its record of the archive's manifest and downloads
   * still matches the files: reading 100 MB of archive would say the same.
   */
  async published(): Promise<WrittenOutputs["published"]> {
    const archive = this.recorded?.files.filter(({ path }) => path === archivePaths.full || (path.startsWith("archive/") && !path.endsWith(".html"))) ?? [];
    if (!this.recorded?.published || !archive.some(({ path }) => path === archivePaths.manifest) || !(await this.intact(archive))) return undefined;
    return this.recorded.published;
  }

  /**
   * The line index of `file` in the previous output, when the file is as the previous build left it.
   * @param sizeOf the size of the file an index describes, to tell that it describes this one
   */
  async lineIndex(file: string, sizeOf: (index: LineIndex) => number): Promise<LineIndex | undefined> {
    const lines = this.recorded?.lines;
    const index = lines && Object.hasOwn(lines, file) ? lines[file] : undefined;
    const recorded = this.recordedFile(file);
    if (!index || !recorded || !(await this.intact([recorded]))) return undefined;
    return sizeOf(index) === recorded.size ? index : undefined;
  }

  /**
   * True when the previous output has `file`, built from the same key (and `bytes` long, when the
   * caller knows its size): then it can be kept as it is. Records the key for the next build either
   * way. Without a promise when the file's stamp decides (see `sealed`).
   */
  unchanged(file: string, key: string, bytes?: number): boolean | Promise<boolean> {
    this.next.set(file, key);
    if (this.folder === undefined || this.keys.get(file) !== key) return false;
    if (bytes !== undefined && this.seals.get(file)?.size !== bytes) return false;
    return this.sealed(file);
  }

  /**
   * The content of a rendered file: the previous file when its key is unchanged; else a stream
   * that renders it only when it is written, so that one page at a time is held in memory.
   * Without a promise when the file's stamp decides (see `sealed`).
   */
  keyed(file: string, key: string, render: () => string | Uint8Array | Promise<string | Uint8Array>): OutputContent | Promise<OutputContent> {
    const content = (unchanged: boolean): OutputContent =>
      unchanged
        ? { reuse: true }
        : {
            stream: async function* () {
              yield await render();
            },
          };
    const unchanged = this.unchanged(file, key);
    return typeof unchanged === "boolean" ? content(unchanged) : unchanged.then(content);
  }

  /** Marks files whose new bytes equal the previous output's as reused, so they are neither rewritten nor touched. */
  async keepUnchanged(files: OutputFiles): Promise<OutputFiles> {
    const folder = this.folder;
    if (folder === undefined) return files;
    await mapLimited([...files], readConcurrency, async ([file, content]) => {
      if (typeof content !== "string" && !(content instanceof Uint8Array)) return;
      const bytes = typeof content === "string" ? Buffer.from(content) : content;
      const statedAt = Date.now();
      const before = await stat(path.join(folder, file)).catch(() => undefined);
      if (
        before?.isFile() &&
        before.size === bytes.length &&
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(await readFile(path.join(folder, file)))
      ) {
        files.set(file, { reuse: true });
        const seal = this.seals.get(file);
        const stamp = stampOf(before);
        if (seal && seal.stamp !== stamp && settled(before, statedAt)) {
          const sha256 = createHash("sha256").update(bytes).digest("hex");
          if (sha256 === seal.sha256) this.restampedSeals.set(file, { ...seal, stamp });
        }
      }
    });
    return files;
  }

  /**
   * Size and modification time of each file of this build's output in `outDir`, once it is in
   * place: a file kept from the previous output is as this build found it; -1 for a file that is gone.
   */
  describe(outDir: string, files: OutputFiles): WrittenFile[] {
    const kept = outDir === this.folder;
    return [...files].map(([file, content]) =>
      described(file, kept && isReuse(content) ? this.statOf(file) : statSync(path.join(outDir, file), { throwIfNoEntry: false })),
    );
  }

  /** Where a file of the previous output is, when there is a previous output. */
  previousPath(file: string): string | undefined {
    return this.folder === undefined ? undefined : path.join(this.folder, file);
  }

  /** A file of the previous output as text, if it has one as the build that wrote it sealed it. */
  async previousText(file: string): Promise<string | undefined> {
    if (this.folder === undefined || !(await this.sealed(file))) return undefined;
    return readFile(path.join(this.folder, file), "utf8").catch(() => undefined);
  }

  /** The input keys of this build's files, sorted by path, for the output's state. */
  inputKeys(): Record<string, string> {
    return Object.fromEntries([...this.next].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}
