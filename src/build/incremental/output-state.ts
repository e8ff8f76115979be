import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, type Stats, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * What wirefeed knows about an output folder it wrote: the files it owns there (and may replace or
 * delete) and the input key each reusable file was built from. Kept beside the folder, in
 * `.wirefeed/<folder>.json`, never inside it, so that publishing the folder never publishes it.
 */
export interface OutputState {
  /** Set by the build that wrote it; a journal with the same id was committed. */
  id: string;
  /** Paths relative to the output folder, sorted. */
  owned: string[];
  /** Input keys of reusable files, by path. */
  keys: Record<string, string>;
  /** What each owned file held when the build that wrote (or kept) it committed, by path (see `sealOf`). */
  seals?: Record<string, FileSeal>;
}

/**
 * The SHA-256 of an output file's bytes, and the stamp of the file it was taken from: the size,
 * modification and change times and inode. A file whose stamp is unchanged was not written since
 * (its change time cannot be set back), so its bytes need not be read again; any other file is
 * trusted only when its bytes hash to `sha256`.
 */
export interface FileSeal {
  sha256: string;
  size: number;
  stamp: string;
}

/** The stamp of a file as `stat` found it. */
export const stampOf = (info: Stats): string => `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;

/** The SHA-256 of a file's bytes, read in one go. */
export const sha256Sync = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

/**
 * The seal of every file of `owned` in `out` as it is now: a file this build wrote has the hash
 * taken as it was written, one the previous seal still stands for (same stamp) keeps it, any other
 * is read and hashed. A file `kept` (found sealed by this build, and left in place) keeps its seal
 * without a stat, under the stamp this build found when it had to hash the file to trust it
 * (`restamped`): were it changed since, its stamp would no longer be the seal's, and the next
 * build would hash it before trusting it.
 */
function sealsOf(
  out: string,
  owned: readonly string[],
  previous: Record<string, FileSeal>,
  written: ReadonlyMap<string, string>,
  kept: ReadonlySet<string>,
  restamped: ReadonlyMap<string, FileSeal>,
): Record<string, FileSeal> {
  const seals: Record<string, FileSeal> = {};
  for (const file of owned) {
    const sealed = kept.has(file) ? (restamped.get(file) ?? previous[file]) : undefined;
    if (sealed) {
      seals[file] = sealed;
      continue;
    }
    const absolute = path.join(out, file);
    let info: Stats;
    try {
      info = statSync(absolute);
    } catch {
      continue;
    }
    if (!info.isFile()) continue;
    const stamp = stampOf(info);
    const before = previous[file];
    const sha256 = written.get(file);
    seals[file] =
      sha256 !== undefined ? { sha256, size: info.size, stamp } : before?.stamp === stamp ? before : { sha256: sha256Sync(absolute), size: info.size, stamp };
  }
  return seals;
}

const stateFormat = "wirefeed-output-state";

/** The state file of output folder `out`. */
export const stateFileOf = (out: string): string => path.join(path.dirname(out), ".wirefeed", `${path.basename(out)}.json`);

/** The commit journal of output folder `out` (see write.ts). */
export const journalFileOf = (out: string): string => path.join(path.dirname(out), ".wirefeed", `${path.basename(out)}.journal.json`);

/** Where wirefeed 0.1 kept its reuse keys: inside the output folder, so it was published with it. */
export const legacyStatePath = ".wirefeed-state.json";

/** Writes a JSON file so that a reader sees the old bytes or the new, never half of them. */
export function writeJsonAtomicSync(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, file);
}

/**
 * Writes the state of `out`, with the seal of each file it owns (as the files are now, once moved in).
 * @param written the SHA-256 of each file this build wrote, taken as it was written
 * @param restamped seals of kept files under their stamp of now (see `sealsOf`)
 */
export function writeOutputStateSync(
  out: string,
  state: Omit<OutputState, "seals">,
  written: ReadonlyMap<string, string>,
  kept: ReadonlySet<string>,
  restamped: ReadonlyMap<string, FileSeal> = new Map(),
): void {
  const seals = sealsOf(out, state.owned, readOutputState(out)?.seals ?? {}, written, kept, restamped);
  writeJsonAtomicSync(stateFileOf(out), { format: stateFormat, version: 2, ...state, seals });
}

/**
 * Records the stamps of now in the seals of `out`'s state, when a build that changes no file found
 * owned files restamped (see `PreviousOutput.restamped`): the state is otherwise left as it is.
 */
export function restampOutputStateSync(out: string, restamped: ReadonlyMap<string, FileSeal>): void {
  const state = readOutputState(out);
  // A wirefeed 0.1 folder's state (inside it) has no seals: nothing of it is restamped.
  if (!state?.seals) return;
  const owned = new Set(state.owned);
  const fresh = [...restamped].filter(([file, seal]) => owned.has(file) && state.seals?.[file]?.sha256 === seal.sha256);
  if (fresh.length === 0) return;
  writeJsonAtomicSync(stateFileOf(out), { format: stateFormat, version: 2, ...state, seals: { ...state.seals, ...Object.fromEntries(fresh) } });
}

const readJson = (file: string): Record<string, unknown> | undefined => {
  try {
    const value = JSON.parse(readFileSync(file, "utf8")) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** Every regular file below `dir`, relative to it. */
function filesBelow(dir: string): string[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

const stringRecord = (value: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries(value && typeof value === "object" ? value : {}).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );

const isSeal = (value: unknown): value is FileSeal => {
  const seal = value as FileSeal | null;
  return typeof seal === "object" && seal !== null && typeof seal.sha256 === "string" && typeof seal.size === "number" && typeof seal.stamp === "string";
};

const sealRecord = (value: unknown): Record<string, FileSeal> =>
  Object.fromEntries(Object.entries(value && typeof value === "object" ? value : {}).filter((entry): entry is [string, FileSeal] => isSeal(entry[1])));

/**
 * The state of output folder `out`: undefined when wirefeed never wrote it. A folder written by
 * wirefeed 0.1 (its state file inside) was wholly wirefeed's then, so every file in it is owned.
 */
export function readOutputState(out: string): OutputState | undefined {
  const file = stateFileOf(out);
  // A build asks three or four times (ownership, reuse, the commit); at 10,000 articles the file is
  // 3 MB of seals, 100 ms to parse: the last one read is kept while its stamp says it is the same file.
  const info = statSync(file, { throwIfNoEntry: false });
  const stamp = info && `${file}\0${stampOf(info)}`;
  if (stamp !== undefined && lastRead?.stamp === stamp) return lastRead.state;
  const state = parseOutputState(out, readJson(file));
  lastRead = stamp === undefined ? undefined : { stamp, state };
  return state;
}

let lastRead: { stamp: string; state: OutputState | undefined } | undefined;

function parseOutputState(out: string, state: Record<string, unknown> | undefined): OutputState | undefined {
  if (state?.format === stateFormat && typeof state.id === "string" && Array.isArray(state.owned)) {
    return {
      id: state.id,
      owned: state.owned.filter((file): file is string => typeof file === "string"),
      keys: stringRecord(state.keys),
      seals: sealRecord(state.seals),
    };
  }
  const legacy = path.join(out, legacyStatePath);
  if (!existsSync(legacy)) return undefined;
  return { id: "legacy", owned: filesBelow(out), keys: stringRecord(readJson(legacy)?.files) };
}
