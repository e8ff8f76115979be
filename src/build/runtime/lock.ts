import { readFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { link, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** Who holds an output folder: written into the lock file so a waiting build can say who it waits for. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** When the holder started, ISO 8601. */
  startedAt: string;
}

/** A held lock; releasing it is safe more than once. */
export interface OutputLock {
  file: string;
  release(): Promise<void>;
}

export type LockResult = { ok: true; lock: OutputLock } | { ok: false; file: string; holder: LockHolder | undefined; waitedMs: number };

/** How long to wait for another build, and how often to look. */
export interface LockOptions {
  timeoutMs?: number;
  pollMs?: number;
}

/** The lock file of an output folder: beside it, not in it, so the swap of the folder never touches it. */
export const lockFileOf = (out: string): string => path.join(path.dirname(out), `.${path.basename(out)}.lock`);

// A lock file with no readable holder is a build killed between creating and filling it; older than this, it is stale.
const unreadableLockGraceMs = 5_000;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

const readHolder = async (file: string): Promise<LockHolder | undefined> => {
  try {
    const holder = JSON.parse(await readFile(file, "utf8")) as Partial<LockHolder>;
    if (typeof holder.pid === "number" && typeof holder.hostname === "string" && typeof holder.startedAt === "string") {
      return { pid: holder.pid, hostname: holder.hostname, startedAt: holder.startedAt };
    }
  } catch {
    // Missing or half-written: judged by its age below.
  }
  return undefined;
};

/** A lock is stale when its holder ran on this machine and is gone; a holder on another host cannot be checked. */
async function isStale(file: string, holder: LockHolder | undefined): Promise<boolean> {
  if (holder) return holder.hostname === hostname() && holder.pid !== process.pid && !isAlive(holder.pid);
  const info = await stat(file).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > unreadableLockGraceMs;
}

/** Lock files this process created and has not released yet, for a signal handler to remove. */
const created = new Map<string, LockHolder>();

const sameHolder = (a: LockHolder | undefined, b: LockHolder): boolean => a?.pid === b.pid && a.hostname === b.hostname && a.startedAt === b.startedAt;

/** Removes a lock file this process created, if it still holds us. */
function removeIfOursSync(file: string, holder: LockHolder): void {
  created.delete(file);
  try {
    const text = readFileSync(file, "utf8");
    // Only our own lock: a lock broken as stale and retaken by another build is theirs.
    if (sameHolder(JSON.parse(text) as LockHolder, holder)) rmSync(file, { force: true });
  } catch {
    // Already gone, or rewritten by another build: nothing of ours to remove.
  }
}

/** Removes, at once, every lock this process holds or is creating: for a signal handler. */
export function releaseLocksSync(): void {
  for (const [file, holder] of created) removeIfOursSync(file, holder);
  for (const temp of pendingTemps) rmSync(temp, { force: true });
}

/** Lock files being created: a signal may arrive while the link is in flight. */
const pendingTemps = new Set<string>();

/**
 * Creates the lock file atomically and already filled: the holder is written to a private file,
 * then hard-linked to the lock's name, which fails if the lock exists. Exactly one of several racing
 * builds succeeds, and no lock file is ever seen empty. The lock is recorded as ours before the
 * link, so a signal that arrives while the link is in flight still removes it (only if it holds us).
 */
async function tryCreate(file: string, holder: LockHolder): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  pendingTemps.add(temp);
  try {
    await writeFile(temp, `${JSON.stringify(holder)}\n`, { flag: "wx" });
    created.set(file, holder);
    await link(temp, file);
    return true;
  } catch (error) {
    created.delete(file);
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
    pendingTemps.delete(temp);
  }
}

/**
 * Removes the private files of lock attempts whose build was killed before it removed them (a SIGKILL
 * between writing `.output.lock.<pid>.<random>` and linking it): judged as a lock is, by their holder.
 * Called by the build that holds the lock, so that no attempt of a live build is touched.
 */
async function removeDeadTemps(file: string): Promise<void> {
  const prefix = `${path.basename(file)}.`;
  const names = await readdir(path.dirname(file)).catch(() => [] as string[]);
  for (const name of names) {
    const temp = /^(?:break\.)?(\d+)\.[0-9a-f]{8}$/u.exec(name.startsWith(prefix) ? name.slice(prefix.length) : "");
    if (temp === null || Number(temp[1]) === process.pid) continue;
    const attempt = path.join(path.dirname(file), name);
    if (await isStale(attempt, await readHolder(attempt))) await rm(attempt, { force: true });
  }
}

/**
 * Removes a stale lock under a second, short-lived lock, so that two waiting builds cannot both
 * break it and one of them delete the lock the other has just taken.
 */
async function breakStale(file: string, seen: LockHolder | undefined): Promise<void> {
  const breaker = `${file}.break`;
  const me: LockHolder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  if (!(await tryCreate(breaker, me))) {
    if (await isStale(breaker, await readHolder(breaker))) await rm(breaker, { force: true });
    return;
  }
  try {
    const now = await readHolder(file);
    if (JSON.stringify(now) === JSON.stringify(seen) && (await isStale(file, now))) await rm(file, { force: true });
  } finally {
    await rm(breaker, { force: true });
    created.delete(breaker);
  }
}

/**
 * The lock as its holder sees it. It is released on release, and when the process exits without
 * releasing (an uncaught error), so that only a killed build leaves a lock behind.
 */
function heldLock(file: string, holder: LockHolder): OutputLock {
  let released = false;
  const releaseSync = () => {
    if (released) return;
    released = true;
    process.off("exit", releaseSync);
    removeIfOursSync(file, holder);
  };
  process.on("exit", releaseSync);
  return {
    file,
    async release() {
      if (released) return;
      released = true;
      process.off("exit", releaseSync);
      // Known as ours until it is gone: a signal that arrives meanwhile still removes it.
      if (sameHolder(await readHolder(file), holder)) await rm(file, { force: true });
      created.delete(file);
    },
  };
}

/**
 * Runs `cleanup` (synchronous) when SIGINT, SIGTERM or SIGHUP arrives, then lets the signal end
 * the process as it would have. Signals the host program already listens to are left to it.
 * @param cleanup undoes what the build has half done
 * @returns a function that removes the handlers
 */
export function onInterrupt(cleanup: () => void): () => void {
  const signals = (["SIGINT", "SIGTERM", "SIGHUP"] as const).filter((signal) => process.listenerCount(signal) === 0);
  const stop = () => {
    for (const signal of signals) process.off(signal, handler);
  };
  const handler = (signal: NodeJS.Signals) => {
    stop();
    try {
      cleanup();
    } finally {
      process.kill(process.pid, signal);
    }
  };
  for (const signal of signals) process.on(signal, handler);
  return stop;
}

/**
 * Takes the lock of an output folder, waiting (polling) while another live build holds it and
 * recovering a lock left by a build that died.
 * @param out the output folder
 * @param options how long to wait (default 60 s) and how often to look (default 100 ms)
 */
export async function acquireOutputLock(out: string, options: LockOptions = {}): Promise<LockResult> {
  const file = lockFileOf(out);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pollMs = options.pollMs ?? 100;
  const holder: LockHolder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  const started = Date.now();
  // The output folder's parent may not exist yet (`--out site/public/feeds` on a first build).
  await mkdir(path.dirname(file), { recursive: true });
  for (;;) {
    if (await tryCreate(file, holder)) {
      await removeDeadTemps(file);
      return { ok: true, lock: heldLock(file, holder) };
    }
    const current = await readHolder(file);
    if (await isStale(file, current)) {
      await breakStale(file, current);
      continue;
    }
    const waitedMs = Date.now() - started;
    if (waitedMs >= timeoutMs) return { ok: false, file, holder: current, waitedMs };
    await sleep(Math.min(pollMs, Math.max(1, timeoutMs - waitedMs)));
  }
}
