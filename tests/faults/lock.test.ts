import { existsSync } from "node:fs";
import { readFile, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { acquireOutputLock, lockFileOf } from "../../src/build/runtime/lock.js";
import { goodArticle, writeSite } from "../errors/site.js";
import { hashTree } from "./tree.js";
import { repoRoot, tempDir } from "../helpers/build.js";

const now = "2026-11-27T00:00:00Z";

/** The pid of a process that has certainly ended. */
const deadPid = (): number => spawnSync(process.execPath, ["-e", "0"]).pid!;

async function builtSite() {
  const dir = await writeSite({ "a.md": goodArticle() });
  expect((await build({ cwd: dir, now })).exitCode).toBe(0);
  const out = path.join(dir, "output");
  return { dir, out, lock: lockFileOf(out), before: await hashTree(out) };
}

const holder = (pid: number, host = hostname()) => JSON.stringify({ pid, hostname: host, startedAt: "2026-11-26T23:59:00.000Z" });

describe("the output lock", () => {
  it("lives beside the output folder and is gone after a build", async () => {
    const site = await builtSite();
    expect(site.lock).toBe(path.join(site.dir, ".output.lock"));
    expect(existsSync(site.lock)).toBe(false);
  });

  it("makes a second build wait for the first, then fail with output-locked (exit 2), output untouched", async () => {
    const site = await builtSite();
    await writeFile(site.lock, holder(process.pid));
    const started = Date.now();
    const result = await build({ cwd: site.dir, now, lockTimeoutMs: 400 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(result.exitCode).toBe(2);
    expect(result.diagnostics).toMatchObject([{ rule: "output-locked", severity: "error", file: ".output.lock" }]);
    expect(result.diagnostics[0]!.message).toContain(`build ${process.pid} on ${hostname()}`);
    expect(result.diagnostics[0]!.hint).toContain("delete .output.lock");
    expect(await hashTree(site.out)).toEqual(site.before);
    // Not ours: the live holder keeps its lock.
    expect(await readFile(site.lock, "utf8")).toBe(holder(process.pid));
  });

  it("removes the private files of lock attempts a killed build left, never a live build's", async () => {
    const site = await builtSite();
    const dead = deadPid();
    const deadAttempt = `${site.lock}.${dead}.0a337cc5`;
    const deadBreak = `${site.lock}.break.${dead}.11223344`;
    const liveAttempt = `${site.lock}.${process.ppid}.deadbeef`;
    const elsewhere = `${site.lock}.${dead}.55667788`;
    await writeFile(deadAttempt, holder(dead));
    await writeFile(deadBreak, holder(dead));
    await writeFile(liveAttempt, holder(process.ppid));
    await writeFile(elsewhere, holder(dead, "another-host.example"));
    expect((await build({ cwd: site.dir, now })).exitCode).toBe(0);
    expect([deadAttempt, deadBreak, liveAttempt, elsewhere].map((file) => existsSync(file))).toEqual([false, false, true, true]);
  });

  it.each([
    ["a dead process on this host", () => holder(deadPid()), 0],
    ["a half-written lock left long ago", () => "", 10_000],
  ])("recovers a stale lock of %s", async (_name, content, ageMs) => {
    const site = await builtSite();
    await writeFile(site.lock, content());
    if (ageMs > 0) await utimes(site.lock, new Date(Date.now() - ageMs), new Date(Date.now() - ageMs));
    const result = await build({ cwd: site.dir, now, lockTimeoutMs: 2_000 });
    expect(result.diagnostics).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(existsSync(site.lock)).toBe(false);
  });

  it.each([
    ["a live process on another host", holder(deadPid(), "another-host.example")],
    ["a lock being written right now", ""],
  ])("does not break the lock of %s", async (_name, content) => {
    const site = await builtSite();
    await writeFile(site.lock, content);
    const result = await build({ cwd: site.dir, now, lockTimeoutMs: 300 });
    expect(result.diagnostics.map((d) => d.rule)).toEqual(["output-locked"]);
    expect(existsSync(site.lock)).toBe(true);
  });

  it("is held by one of two racing takers at a time", async () => {
    const site = await builtSite();
    const order: string[] = [];
    const take = async (name: string) => {
      const taken = await acquireOutputLock(site.out, { timeoutMs: 5_000, pollMs: 10 });
      if (!taken.ok) throw new Error("lock not taken");
      order.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push(`${name} out`);
      await taken.lock.release();
    };
    await Promise.all([take("a"), take("b"), take("c")]);
    for (let index = 0; index < order.length; index += 2) expect(order[index + 1]).toBe(order[index]!.replace("in", "out"));
  });

  it("is not taken by a check, which writes nothing", async () => {
    const site = await builtSite();
    await writeFile(site.lock, holder(process.pid));
    const result = await build({ cwd: site.dir, now, dryRun: true, lockTimeoutMs: 100 });
    expect(result.exitCode).toBe(0);
  });
});

describe("a first build into a folder that does not exist yet", () => {
  it("creates the output folder's parents, lock included", async () => {
    const nested = path.join(await tempDir(), "site", "public", "feeds");
    const result = await build({ cwd: repoRoot, out: nested, now: "2026-11-27T00:00:00Z", cacheDir: false });
    expect(result.exitCode).toBe(0);
    expect(result.written).toContain("feed.xml");
  });
});
