// Builds the same sites with the code of a reference commit and with this tree, and compares every
// output file byte for byte: a change meant to keep behaviour (a restructure, an optimization) must
// not move a byte. The reference is the last commit whose output changes were meant, kept in
// tests/reference-commit.txt; a commit that changes outputs on purpose moves it to itself.
import { execFileSync, spawnSync } from "node:child_process";
import { cp, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate.js";
import { repoRoot, tempDir } from "../helpers/build.js";
import { compileRunner } from "../faults/corpus.js";
import { hashTree } from "../faults/tree.js";

const reference = (await readFile(path.join(repoRoot, "tests/reference-commit.txt"), "utf8")).trim();
// A shallow clone does not have the commit: then there is nothing to compare with.
const available = spawnSync("git", ["cat-file", "-e", `${reference}^{commit}`], { cwd: repoRoot }).status === 0;
const now = "2026-11-30T00:00:00Z";

let referenceRunner: string;
let currentRunner: string;

/**
 * Builds `site` with `runner` into `site/out` and hashes every file written there but the state
 * file, wirefeed's own record of the input keys, which hash its code and so differ by design.
 */
async function buildWith(runner: string, site: string, out: string, extra: string[] = []) {
  const run = spawnSync(process.execPath, [runner, "build", "--now", now, "--out", out, "--quiet", ...extra], { cwd: site, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  const { ".wirefeed-state.json": _state, ...tree } = (await hashTree(path.join(site, out))) ?? {};
  expect(Object.keys(tree).length).toBeGreaterThan(10);
  return tree;
}

describe.skipIf(!available)(`outputs are byte for byte those of the reference commit ${reference.slice(0, 7)}`, () => {
  beforeAll(async () => {
    const tree = await tempDir("wirefeed-reference-");
    // The reference's sources, as they were committed.
    const archive = execFileSync("git", ["archive", reference, "src", "package.json"], { cwd: repoRoot });
    execFileSync("tar", ["-x", "-C", tree], { input: archive });
    const cli = (await readFile(path.join(tree, "src/cli/main.ts")).catch(() => undefined)) ? "cli/main.js" : "cli.js";
    referenceRunner = await compileRunner(tree, "wirefeed-reference", cli);
    currentRunner = await compileRunner(repoRoot, "wirefeed-current");
  }, 120_000);

  it("on the tricky fixtures, cold and warm", async () => {
    const site = await tempDir("wirefeed-reference-tricky-");
    await cp(path.join(repoRoot, "tests/fixtures/tricky"), site, { recursive: true });
    const before = await buildWith(referenceRunner, site, "before", ["--no-cache"]);
    const after = await buildWith(currentRunner, site, "after", ["--cache-dir", "cache"]);
    expect(after).toEqual(before);
    // Warm: every article from the cache, every file kept or made again the same (a download made again from the cache).
    const manifest = JSON.parse(await readFile(path.join(site, "after", "archive/index.json"), "utf8")) as { files: { path: string }[] };
    await rm(path.join(site, "after", manifest.files[0]!.path));
    expect(await buildWith(currentRunner, site, "after", ["--cache-dir", "cache"])).toEqual(before);
  });

  it("on a 2,000-article generated corpus", async () => {
    const site = await tempDir("wirefeed-reference-corpus-");
    await generateCorpus(site, 2000);
    const before = await buildWith(referenceRunner, site, "before", ["--no-cache"]);
    expect(await buildWith(currentRunner, site, "after", ["--cache-dir", "cache"])).toEqual(before);
  }, 900_000);
});
