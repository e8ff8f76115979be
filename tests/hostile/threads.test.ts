// Every article is prepared on a render thread bounded in time and memory, and a signal stops a
// build at any moment. Before: a build of fewer than 64 articles rendered on the main thread, where
// `_*` × 30,000 (with the marker bound raised) ran for 70 s and SIGTERM waited for it, and a large
// article could take all the memory of the process; nothing bounded either.
// Threads start only from the compiled JavaScript: the sources are compiled to a private folder
// (as tests/cache/workers.test.ts does) and wirefeed runs from there in a child process.
import { execFile, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { treeDigest } from "../cache/site.js";
import { repoRoot, tempDir } from "../helpers/build.js";

const run = promisify(execFile);
const compiled = path.join(repoRoot, `.wirefeed-test-dist-${process.pid}`);
const cliScript = path.join(compiled, "hostile-cli.mjs");

beforeAll(async () => {
  await run(process.execPath, [path.join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", path.join(repoRoot, "tsconfig.build.json"), "--outDir", compiled]);
  await writeFile(cliScript, 'import { main } from "./cli/main.js";\nprocess.exitCode = await main(process.argv.slice(2));\n');
}, 180_000);

afterAll(() => rm(compiled, { recursive: true, force: true }));

const now = "2026-11-27T00:00:00Z";
const article = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2022-03-01\n---\n\n${body}\n`;
const good = (index: number) =>
  article(`Good ${index}`, `Paragraph ${index} of an ordinary article, with *some* emphasis and a [link](https://example.org/${index}).`);

/** Bodies the renderer is slow on once the marker bound is raised out of the way (see linear.test.ts). */
const slowBodies: Record<string, string> = {
  "underscore-star": "_*".repeat(40_000),
  "star-star-a": "**a".repeat(60_000),
  "link-opener": "[a](".repeat(100_000),
};

async function writeSite(articles: Record<string, string>, config: Record<string, unknown> = {}): Promise<string> {
  const dir = await tempDir("wirefeed-threads-");
  // The bounds that would refuse these bodies before they are rendered are raised: only the thread's bounds are left.
  const settings = { title: "Threads", url: "https://news.example/", maxInlineMarkers: 100_000_000, maxNestingDepth: 100_000_000, ...config };
  await writeFile(path.join(dir, "wirefeed.config.json"), JSON.stringify(settings));
  await mkdir(path.join(dir, "articles"));
  for (const [name, text] of Object.entries(articles)) await writeFile(path.join(dir, "articles", name), text);
  return dir;
}

interface Report {
  exitCode: number;
  diagnostics: { rule: string; file?: string; line?: number; column?: number; message: string; hint: string }[];
  counts: { built: number };
}

/** `wirefeed build` of `site` from the compiled sources, with a JSON report. */
async function buildCompiled(site: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Report> {
  const child = await run(process.execPath, [cliScript, "build", "--now", now, "--quiet", "--report", "json", ...args], {
    cwd: site,
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout: string }) => error);
  return JSON.parse(child.stdout) as Report;
}

const problems = (report: Report) => report.diagnostics.map(({ rule, file, line, column }) => ({ rule, file, line, column }));

describe("a render thread that passes its time bound", () => {
  it.each(Object.keys(slowBodies))("%s: that article fails at its file, the others are built under --keep-going", async (name) => {
    const articles: Record<string, string> = { [`${name}.md`]: article("Slow", slowBodies[name]!) };
    for (let index = 0; index < 20; index++) articles[`good-${index}.md`] = good(index);
    const site = await writeSite(articles, { renderTimeoutMs: 1500 });
    const started = performance.now();
    const report = await buildCompiled(site, ["--keep-going", "--workers", "2", "--no-cache"]);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(problems(report)).toEqual([{ rule: "render-timeout", file: `articles/${name}.md`, line: 1, column: 1 }]);
    // At 1:1, the whole file: the message says the bound and its unit, the hint the config key.
    expect(report.diagnostics[0]!.message).toBe("Preparing the article took longer than 1500 ms; its render thread was stopped");
    expect(report.diagnostics[0]!.hint).toContain("renderTimeoutMs");
    expect(report).toMatchObject({ exitCode: 1, counts: { built: 20 } });
  });

  it("two slow articles in one batch: each fails alone, the thread is replaced twice, the batch's other articles are built", async () => {
    const articles: Record<string, string> = {
      "a-slow.md": article("Slow A", slowBodies["underscore-star"]!),
      "c-slow.md": article("Slow C", slowBodies["star-star-a"]!),
    };
    for (let index = 0; index < 6; index++) articles[`b-good-${index}.md`] = good(index);
    const site = await writeSite(articles, { renderTimeoutMs: 1500 });
    const report = await buildCompiled(site, ["--keep-going", "--workers", "1"]);
    expect(problems(report).map(({ rule, file }) => [rule, file])).toEqual([
      ["render-timeout", "articles/a-slow.md"],
      ["render-timeout", "articles/c-slow.md"],
    ]);
    expect(report).toMatchObject({ exitCode: 1, counts: { built: 6 } });
  });

  it("without --keep-going the build stops cleanly: exit 1, the previous output as it was", async () => {
    const site = await writeSite({ "good.md": good(1) }, { renderTimeoutMs: 1500 });
    expect((await buildCompiled(site)).exitCode).toBe(0);
    const before = await treeDigest(path.join(site, "output"));
    await writeFile(path.join(site, "articles", "slow.md"), article("Slow", slowBodies["underscore-star"]!));
    const report = await buildCompiled(site);
    expect(problems(report)).toEqual([{ rule: "render-timeout", file: "articles/slow.md", line: 1, column: 1 }]);
    expect(report.exitCode).toBe(1);
    expect(await treeDigest(path.join(site, "output"))).toEqual(before);
  });

  it("an article stopped at the bound is not cached: the next build tries it again, the good one comes from the cache", async () => {
    const site = await writeSite({ "slow.md": article("Slow", slowBodies["link-opener"]!), "good.md": good(1) }, { renderTimeoutMs: 1000 });
    const cacheDir = path.join(site, "cache");
    const first = await buildCompiled(site, ["--keep-going", "--cache-dir", cacheDir]);
    expect(problems(first).map(({ rule }) => rule)).toEqual(["render-timeout"]);
    const second = (await buildCompiled(site, ["--keep-going", "--cache-dir", cacheDir])) as Report & { cache: { misses: number } };
    expect(problems(second).map(({ rule }) => rule)).toEqual(["render-timeout"]);
    expect(second.cache.misses).toBe(1);
  });
});

describe("a render thread that runs out of its memory", () => {
  const prose = (bytes: number) => "A paragraph of *ordinary* prose with a [link](https://example.org/) in it.\n\n".repeat(Math.ceil(bytes / 76));

  it.each<[string, string, number]>([
    ["4 MB of prose under a 48 MB heap", prose(4_000_000), 48],
    ["a 1 MB table under a 32 MB heap", `| a | b |\n|---|---|\n${"| x | y |\n".repeat(110_000)}`, 32],
    ["2 MB of nested quotes under a 32 MB heap", "> ".repeat(50).concat("quoted text\n").repeat(20_000), 32],
  ])(
    "%s: that article fails at its file, the others are built",
    async (_name, body, memoryMb) => {
      const articles: Record<string, string> = { "big.md": article("Big", body) };
      for (let index = 0; index < 5; index++) articles[`good-${index}.md`] = good(index);
      const site = await writeSite(articles, { renderMemoryMb: memoryMb, renderTimeoutMs: 600_000 });
      const report = await buildCompiled(site, ["--keep-going", "--no-cache"]);
      expect(problems(report)).toEqual([{ rule: "render-out-of-memory", file: "articles/big.md", line: 1, column: 1 }]);
      expect(report.diagnostics[0]!.message).toBe(`Preparing the article needed more than ${memoryMb} MB of memory; its render thread was stopped`);
      expect(report.diagnostics[0]!.hint).toContain("renderMemoryMb");
      expect(report).toMatchObject({ exitCode: 1, counts: { built: 5 } });
    },
    240_000,
  );
});

describe("signals stop a build at any moment", () => {
  /** Starts a build that will be rendering a slow article for minutes, and waits until it is. */
  async function slowBuild(site: string, args: string[]) {
    const child = spawn(process.execPath, [cliScript, ...args, "--now", now, "--quiet"], { cwd: site, stdio: "ignore" });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal, at: performance.now() })),
    );
    // The lock is taken before the articles are read; a second later the slow article is on a thread.
    const lock = path.join(site, ".output.lock");
    const deadline = performance.now() + 30_000;
    const locks = args[0] === "build";
    while (locks && !existsSync(lock) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    if (!locks) await new Promise((resolve) => setTimeout(resolve, 1500));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return { child, exited };
  }

  it.each<[NodeJS.Signals, string[], number]>([
    ["SIGTERM", ["build"], 143],
    ["SIGINT", ["build"], 130],
    ["SIGHUP", ["build"], 129],
    ["SIGTERM", ["build", "--no-cache", "--keep-going"], 143],
    ["SIGINT", ["build", "--workers", "1"], 130],
    ["SIGTERM", ["check"], 143],
  ])("%s during %j: gone within a second, the previous output byte for byte as it was", async (signal, args, conventional) => {
    const site = await writeSite({ "good.md": good(1) }, { renderTimeoutMs: 600_000 });
    expect((await buildCompiled(site)).exitCode).toBe(0);
    const before = await treeDigest(path.join(site, "output"));
    const beside = (await readdir(site)).sort();
    await writeFile(path.join(site, "articles", "slow.md"), article("Slow", slowBodies["underscore-star"]!.repeat(2)));
    const { child, exited } = await slowBuild(site, args);
    expect(child.exitCode).toBe(null);
    const sent = performance.now();
    child.kill(signal);
    const { code, signal: by, at } = await exited;
    expect(at - sent).toBeLessThan(1000);
    // Ended by the signal itself, which a shell reports as 128 + its number.
    expect(by ?? code).toBe(signal);
    expect(128 + (await import("node:os")).constants.signals[signal]).toBe(conventional);
    expect(await treeDigest(path.join(site, "output"))).toEqual(before);
    // No staging folder, spool or lock left beside the output.
    expect((await readdir(site)).sort()).toEqual(beside);
  });
});

describe("the cache's key", () => {
  it("lives in the user's state folder, readable by its owner only, and a cache restored without it is prepared again", async () => {
    const site = await writeSite({ "a.md": good(1), "b.md": good(2) });
    const state = await tempDir("wirefeed-state-");
    const cacheDir = path.join(site, "cache");
    const env = { XDG_STATE_HOME: state, WIREFEED_CACHE_KEY: "" };
    const misses = async (extra: NodeJS.ProcessEnv = {}) => {
      const child = await run(process.execPath, [cliScript, "build", "--now", now, "--quiet", "--report", "json", "--cache-dir", cacheDir], {
        cwd: site,
        env: { ...process.env, ...env, ...extra },
      });
      return (JSON.parse(child.stdout) as { cache: { misses: number } }).cache.misses;
    };
    expect(await misses()).toBe(2);
    const keyFile = path.join(state, "wirefeed", "cache-key");
    expect(((await stat(keyFile)).mode & 0o777).toString(8)).toBe("600");
    expect((await stat(keyFile)).size).toBe(32);
    expect(path.relative(cacheDir, keyFile).startsWith("..")).toBe(true);
    expect(await misses()).toBe(0);
    // Another machine (another key file, or another WIREFEED_CACHE_KEY) does not believe this cache.
    expect(await misses({ XDG_STATE_HOME: await tempDir("wirefeed-state-") })).toBe(2);
    expect(await misses({ WIREFEED_CACHE_KEY: "a secret kept beside the cache in CI" })).toBe(2);
    expect(await misses({ WIREFEED_CACHE_KEY: "a secret kept beside the cache in CI" })).toBe(0);
  }, 120_000);

  it("is a warning naming its file when it can be neither read nor created, and the build goes on", async () => {
    const site = await writeSite({ "a.md": good(1) });
    // A state folder that is a file: no key file can be made below it.
    const state = path.join(site, "not-a-folder");
    await writeFile(state, "");
    const child = await run(process.execPath, [cliScript, "build", "--now", now, "--report", "json", "--cache-dir", path.join(site, "cache")], {
      cwd: site,
      env: { ...process.env, XDG_STATE_HOME: state, WIREFEED_CACHE_KEY: "" },
    });
    // execFile rejects on any exit but 0.
    const report = JSON.parse(child.stdout) as { diagnostics: { rule: string; severity: string; message: string }[] };
    expect(report.diagnostics).toMatchObject([{ rule: "cache-key-unkept", severity: "warning" }]);
    expect(report.diagnostics[0]!.message).toContain(path.join("not-a-folder", "wirefeed", "cache-key"));
  }, 60_000);
});

describe("machine errors are exit 2, with what was being done and a hint", () => {
  const canUnshare = spawnSync("unshare", ["-m", "true"]).status === 0;
  const canDrop = process.getuid?.() === 0 && spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "true"]).status === 0;

  /** Runs `wirefeed build` in `site` through `sh -c`, after `setup` (shell commands), and prints the tree's digest after it. */
  const shell = (site: string, setup: string, args: string, after = "") =>
    spawnSync("unshare", ["-m", "sh", "-c", `${setup} && node ${cliScript} build --now ${now} ${args}; echo "exit=$?" >&2; ${after}`], {
      cwd: site,
      encoding: "utf8",
      timeout: 60_000,
    });

  it("--out / is refused before anything is written", async () => {
    const site = await writeSite({ "good.md": good(1) });
    const before = (await readdir("/")).sort();
    const result = spawnSync(process.execPath, [cliScript, "build", "--now", now, "--out", "/"], { cwd: site, encoding: "utf8", timeout: 60_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("[out-holds-inputs]");
    expect((await readdir("/")).sort()).toEqual(before);
  });

  it("a --cache-dir that cannot be made (below /proc) is exit 2 at once, not a build that never ends", async () => {
    const site = await writeSite({ "good.md": good(1) });
    const result = spawnSync(process.execPath, [cliScript, "build", "--now", now, "--cache-dir", `/proc/wirefeed-${process.pid}/cache`], {
      cwd: site,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/mkdir '\/proc\/wirefeed-\d+'/);
    expect(result.stderr).toContain("--cache-dir");
    expect(existsSync(path.join(site, "output"))).toBe(false);
  });

  it.skipIf(!canUnshare)("a --cache-dir on a read-only mount (EROFS)", async () => {
    const site = await writeSite({ "good.md": good(1) });
    await mkdir(path.join(site, "ro"));
    const result = shell(site, "mount -o bind,ro ro ro", "--cache-dir ro/cache");
    expect(result.stderr).toContain("exit=2");
    expect(result.stderr).toContain("EROFS: read-only file system, mkdir");
    expect(result.stderr).toContain("hint: The file system is read-only: pass --out / --cache-dir to a writable folder.");
    expect(existsSync(path.join(site, "output"))).toBe(false);
  });

  it.skipIf(!canUnshare)("an --out on a read-only mount (EROFS)", async () => {
    const site = await writeSite({ "good.md": good(1) });
    await mkdir(path.join(site, "ro"));
    const result = shell(site, "mount -o bind,ro ro ro", "--no-cache --out ro/out");
    expect(result.stderr).toContain("exit=2");
    expect(result.stderr).toContain("EROFS: read-only file system");
    expect(result.stderr).toContain("hint:");
  });

  it.skipIf(!canUnshare)("a full disk under --out (ENOSPC) leaves the previous output as it was", async () => {
    const articles: Record<string, string> = { "good.md": good(1) };
    const site = await writeSite(articles);
    await mkdir(path.join(site, "disk"));
    const tree = "find disk/out -type f | sort | xargs sha256sum";
    const result = shell(
      site,
      `mount -t tmpfs -o size=1m tmpfs disk && node ${cliScript} build --now ${now} --no-cache --quiet --out disk/out && ${tree} > before.txt && ` +
        `for i in 1 2 3; do cp articles/good.md articles/more-$i.md; done && sed -i 's/Good 1/Good more/' articles/more-*.md && (head -c 2000000 /dev/zero > disk/filler || true)`,
      "--no-cache --out disk/out",
      `${tree} > after.txt; cmp before.txt after.txt && echo same-tree >&2`,
    );
    expect(result.stderr).toContain("exit=2");
    expect(result.stderr).toContain("ENOSPC: no space left on device");
    expect(result.stderr).toContain("hint: The disk is full");
    expect(result.stderr).toContain("same-tree");
  });

  it.skipIf(!canDrop)("an --out the user may not write (EACCES)", async () => {
    const site = await writeSite({ "good.md": good(1) });
    const locked = await tempDir("wirefeed-locked-");
    // The site readable by the unprivileged user; the folder the output would go in, not writable by it.
    await run("chmod", ["-R", "a+rX", site]);
    await chmod(locked, 0o755);
    const result = spawnSync(
      "setpriv",
      ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, cliScript, "build", "--now", now, "--no-cache", "--out", path.join(locked, "out")],
      {
        cwd: site,
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("EACCES: permission denied");
    expect(result.stderr).toContain("hint: Check the permissions of that path");
  });
});
