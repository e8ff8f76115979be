// How the benchmark measures one run: wall time, the peak resident memory of the whole process tree,
// and the bytes a run wrote, by top-level output path.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** Dirty and being-written page cache, in KiB, from /proc/meminfo; 0 where there is none to read. */
async function unwrittenKiB() {
  const meminfo = await readFile("/proc/meminfo", "utf8").catch(() => "");
  return [...meminfo.matchAll(/^(?:Dirty|Writeback):\s+(\d+) kB$/gm)].reduce((sum, [, kib]) => sum + Number(kib), 0);
}

/**
 * Waits until what the steps before wrote is on the disk: each step starts on a quiet disk. On this
 * machine's disk (ext4 mounted with \`discard\`) a step that starts while a gigabyte written (or
 * deleted) by the step before is still going to the disk creates its files two to five times slower,
 * and only the steps that write thousands of files (wirefeed's, Hugo's) pay for it.
 */
export async function settleDisk() {
  const deadline = Date.now() + 120_000;
  execFileSync("sync");
  while ((await unwrittenKiB()) > 16 * 1024 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
  // The discards of what was deleted follow the journal's commit, every five seconds.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
}

const gnuTime = "/usr/bin/time";
/** Whether GNU time is there to give the exact peak of each measured process (`apt-get install time`). */
export const hasGnuTime = existsSync(gnuTime);
const pageKiB = 4;
const pollMs = 50;

/** The process ids below `pid` (threads' children included), from /proc. */
async function descendants(pid) {
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.pop();
    let tasks = [];
    try {
      tasks = await readdir(`/proc/${current}/task`);
    } catch {
      continue; // it has exited
    }
    for (const task of tasks) {
      const children = await readFile(`/proc/${current}/task/${task}/children`, "utf8").catch(() => "");
      for (const child of children.split(" ").filter(Boolean)) {
        found.push(Number(child));
        queue.push(Number(child));
      }
    }
  }
  return found;
}

/** The summed resident set of `pids`, in KiB. */
async function residentKiB(pids) {
  let total = 0;
  for (const pid of pids) {
    const statm = await readFile(`/proc/${pid}/statm`, "utf8").catch(() => "");
    total += Number(statm.split(" ")[1] ?? 0) * pageKiB;
  }
  return total;
}

/**
 * Runs `command args` and returns its wall seconds, CPU seconds (user and system, every thread and
 * waited child; null without GNU time) and peak RSS in MiB. The CPU time is the fairer figure on a
 * machine shared with other work, which stretches wall time. The peak is the larger of
 * GNU time's (the kernel's maxrss of the process, exact, threads included) and the sum of the
 * tree's resident sets polled every 50 ms from /proc (which sees several processes at once, but
 * can miss a peak shorter than that).
 * @param command the program
 * @param args its arguments
 * @param options cwd and env
 */
export function measure(command, args, { cwd, env = process.env }) {
  const timeFile = path.join(tmpdir(), `wirefeed-bench-time-${process.pid}`);
  const argv = hasGnuTime ? ["-f", "%M %U %S", "-o", timeFile, command, ...args] : args;
  // What the runs before wrote (the corpus, a cold build's gigabyte) is flushed to disk first, so that
  // no run pays for the writeback of another's files.
  execFileSync("sync");
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(hasGnuTime ? gnuTime : command, argv, { cwd, env, stdio: ["ignore", "ignore", "inherit"] });
    let polledKiB = 0;
    let polling = true;
    const poll = async () => {
      while (polling) {
        const pids = await descendants(child.pid);
        // Under GNU time the root is time itself, not the measured program.
        polledKiB = Math.max(polledKiB, await residentKiB(hasGnuTime ? pids : [child.pid, ...pids]));
        await new Promise((done) => setTimeout(done, pollMs));
      }
    };
    const polled = poll();
    child.on("error", reject);
    child.on("exit", async (code) => {
      const seconds = (performance.now() - started) / 1000;
      polling = false;
      await polled;
      if (code !== 0) return reject(new Error(`${command} ${args.join(" ")} exited with ${code}`));
      if (!hasGnuTime) return resolve({ seconds, cpuSeconds: null, rssMiB: polledKiB / 1024 });
      // The last line: the lines before it, if any, are GNU time's notes (a signal, an exit status).
      const [timeKiB, user, system] = (await readFile(timeFile, "utf8")).trim().split("\n").pop().split(" ").map(Number);
      await rm(timeFile, { force: true });
      resolve({ seconds, cpuSeconds: user + system, rssMiB: Math.max(timeKiB, polledKiB) / 1024 });
    });
  });
}

/**
 * The bytes below `target` (a file or a folder), in all and by top-level entry (folders end in "/").
 * @param target what a run wrote
 */
export async function outputBytes(target) {
  const info = await stat(target);
  if (info.isFile()) return { total: info.size, byPath: { [path.basename(target)]: info.size } };
  const byPath = {};
  let total = 0;
  for (const entry of (await readdir(target, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(target, entry.name);
    let bytes = 0;
    if (entry.isDirectory()) {
      const files = (await readdir(full, { recursive: true, withFileTypes: true })).filter((file) => file.isFile());
      for (const file of files) bytes += (await stat(path.join(file.parentPath, file.name))).size;
    } else bytes = (await stat(full)).size;
    byPath[entry.isDirectory() ? `${entry.name}/` : entry.name] = bytes;
    total += bytes;
  }
  return { total, byPath };
}
