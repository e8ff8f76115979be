// Kills real builds (child processes running the CLI) at random moments and checks that output/ is
// either the previous one, byte for byte, or the complete new one: never a mix (after a kill -9 in
// the middle of the switch, once the next build has undone it). In a shared folder (`outShared`),
// the other generator's files stay byte for byte throughout.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { recoverOutput } from "../../src/build/stages/write.js";
import { tempDir } from "../helpers/build.js";
import { compileRunner, writeCorpus } from "./corpus.js";
import { hashTree } from "./tree.js";

const articleCount = 80;
const iterations = Number(process.env.WIREFEED_KILL_RUNS ?? 12);
const variants = ["alpha", "beta"] as const;
type Variant = (typeof variants)[number];

let runner: string;

/** Files another generator put into a shared output folder, some in folders wirefeed writes too. */
const foreignFiles = { "index.html": "<h1>Kill Desk</h1>\n", "posts/one/index.html": "<p>One</p>\n", "tags/desk/index.html": "<p>Desk</p>\n" };

const fingerprint = async (dir: string) => {
  const tree = await hashTree(dir);
  return tree === undefined ? undefined : JSON.stringify(tree);
};

beforeAll(async () => {
  runner = await compileRunner();
}, 120_000);

describe.each([
  ["a folder of its own", false],
  ["a shared folder", true],
])("in %s", (_mode, shared) => {
  let site: string;
  const expected = new Map<Variant, string>();
  /** How long a whole build takes here: the kills are spread over it. */
  let buildMs = 0;

  /** Starts a build of one variant's articles into site/output. */
  function startBuild(variant: Variant, extra: string[] = []) {
    const child = spawn(process.execPath, [runner, "build", "--now", "2026-11-27T00:00:00Z", "--articles", `articles-${variant}`, "--quiet", ...extra], {
      cwd: site,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal, stderr })),
    );
    return { child, exited };
  }

  /** Leftovers of a build beside output/: its lock, staging and retired folders. */
  const leftovers = async () => (await readdir(site)).filter((name) => name.startsWith(".output"));

  beforeAll(async () => {
    site = await tempDir("wirefeed-kill-");
    await writeFile(
      // In a shared folder the other tool makes the pages (its index.html is there): wirefeed makes none.
      path.join(site, "wirefeed.config.json"),
      JSON.stringify({ title: "Kill Desk", url: "https://news.example/", feedLimit: 30, outShared: shared, pages: !shared }),
    );
    if (shared) {
      for (const [file, text] of Object.entries(foreignFiles)) {
        await mkdir(path.dirname(path.join(site, "output", file)), { recursive: true });
        await writeFile(path.join(site, "output", file), text);
      }
    }
    for (const variant of variants) await writeCorpus(path.join(site, `articles-${variant}`), articleCount, variant);
    // Each variant's complete output, built after the other one: what a finished build must leave.
    for (const variant of ["alpha", "beta", "alpha"] as const) {
      const started = Date.now();
      const { code, stderr } = await startBuild(variant).exited;
      buildMs = Date.now() - started;
      expect(code, stderr).toBe(0);
      expected.set(variant, (await fingerprint(path.join(site, "output")))!);
    }
    expect(expected.get("alpha")).not.toBe(expected.get("beta"));
    if (shared) {
      const foreign = await foreignHashes();
      for (const variant of variants) expect(JSON.parse(expected.get(variant)!)).toMatchObject(foreign);
    }
  }, 120_000);

  describe("a build killed at a random moment", () => {
    it(`leaves output/ as it was or complete and new, ${iterations} times`, async () => {
      const out = path.join(site, "output");
      let current: Variant = "alpha";
      const outcomes = { kept: 0, replaced: 0, recovered: 0 };
      for (let run = 0; run < iterations; run++) {
        const next: Variant = current === "alpha" ? "beta" : "alpha";
        const signal = run % 4 === 1 ? "SIGINT" : run % 4 === 3 ? "SIGTERM" : "SIGKILL";
        const { child, exited } = startBuild(next);
        // From before the config is read to after the swap.
        const delay = Math.random() * buildMs * 1.1;
        await new Promise((resolve) => setTimeout(resolve, delay));
        child.kill(signal);
        const { code, stderr } = await exited;
        expect(code === 0 || code === null, stderr).toBe(true);

        let now = await fingerprint(out);
        if (now !== expected.get(current) && now !== expected.get(next)) {
          // Killed in the middle of the switch: the journal beside the output tells the next build how to undo it.
          expect(signal).toBe("SIGKILL");
          await recoverOutput(out);
          now = await fingerprint(out);
          outcomes.recovered++;
        }
        expect([expected.get(current), expected.get(next)], `run ${run}, ${signal} after ${Math.round(delay)} ms`).toContain(now);
        if (now === expected.get(next)) {
          outcomes.replaced++;
          current = next;
        } else {
          outcomes.kept++;
        }
        // SIGINT and SIGTERM are caught: the build frees its own lock and puts back an output it had
        // renamed aside. (What an earlier SIGKILL left stays until a build gets far enough to recover it;
        // a file operation already queued on libuv's threads can recreate the staging folder, which is
        // never read and which the next build clears: both are checked below.)
        if (signal !== "SIGKILL" && code === null) {
          const left = await leftovers();
          const lock = left.includes(".output.lock") ? await readFile(path.join(site, ".output.lock"), "utf8").catch(() => "") : "";
          const context = `run ${run}, ${signal} after ${Math.round(delay)} ms`;
          expect(lock.includes(`"pid":${child.pid},`), context).toBe(false);
          expect(left, context).not.toContain(`.output.retired-${child.pid}`);
        }
      }
      // The next build recovers whatever a killed one left (a stale lock, a staging folder) and succeeds.
      const last = current === "alpha" ? "beta" : "alpha";
      const { code, stderr } = await startBuild(last).exited;
      expect(code, stderr).toBe(0);
      expect(await fingerprint(out)).toBe(expected.get(last));
      expect(await leftovers()).toEqual([]);
      expect(await readdir(path.join(site, ".wirefeed"))).toEqual(["output.json"]);
      console.info(`kill test: ${iterations} kills over a ${buildMs} ms build:`, outcomes);
    }, 120_000);
  });

  describe("two builds into the same folder at once", () => {
    it("leave output/ as one complete build, never a mix", async () => {
      const out = path.join(site, "output");
      const results = await Promise.all([startBuild("alpha").exited, startBuild("beta").exited]);
      for (const { code, stderr } of results) expect(code, stderr).toBe(0);
      expect([expected.get("alpha"), expected.get("beta")]).toContain(await fingerprint(out));
      expect(existsSync(path.join(site, ".output.lock"))).toBe(false);
    }, 60_000);
  });
});

/** The SHA-256 of each file another generator put into the shared folder. */
async function foreignHashes(): Promise<Record<string, string>> {
  const folder = await tempDir("wirefeed-foreign-");
  for (const [file, text] of Object.entries(foreignFiles)) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), text);
  }
  return (await hashTree(folder))!;
}
