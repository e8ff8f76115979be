import { execFile } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { repoRoot, tempDir } from "../helpers/build.js";
import { buildSite, makeSite, now, treeDigest } from "./site.js";

const run = promisify(execFile);

// Worker threads load compiled JavaScript, which the tests (run from the TypeScript sources) do
// not use: compile the sources to a private folder inside the repository (so that node_modules
// and package.json resolve) and build from there in a child process.
const compiled = path.join(repoRoot, `.wirefeed-test-dist-${process.pid}`);

beforeAll(async () => {
  await run(process.execPath, [path.join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", path.join(repoRoot, "tsconfig.build.json"), "--outDir", compiled]);
}, 120_000);

afterAll(() => rm(compiled, { recursive: true, force: true }));

it("articles rendered on worker threads give the bytes of articles rendered in one thread", async () => {
  const site = await makeSite(80);
  const threadedOut = path.join(await tempDir(), "output");
  const cacheDir = path.join(await tempDir(), "cache");
  const script = `
    const { build } = await import(${JSON.stringify(pathToFileURL(path.join(compiled, "index.js")).href)});
    const result = await build({ cwd: ${JSON.stringify(site)}, out: ${JSON.stringify(threadedOut)}, now: ${JSON.stringify(now)}, cacheDir: ${JSON.stringify(cacheDir)}, workers: 2 });
    console.log(JSON.stringify({ exitCode: result.exitCode, workers: result.workers, misses: result.cache.misses, diagnostics: result.diagnostics }));`;
  const scriptFile = path.join(await tempDir(), "build.mjs");
  await writeFile(scriptFile, script);
  const { stdout } = await run(process.execPath, [scriptFile]);
  const threaded = JSON.parse(stdout) as { exitCode: number; workers: number; misses: number; diagnostics: unknown[] };
  expect(threaded).toMatchObject({ exitCode: 0, workers: 2, misses: 83 });

  const singleOut = path.join(await tempDir(), "output");
  const single = await buildSite(site, singleOut, false);
  expect(single.workers).toBe(0);
  expect(threaded.diagnostics).toEqual(single.diagnostics);
  expect(await treeDigest(threadedOut)).toEqual(await treeDigest(singleOut));

  // The bodies the workers cached serve an in-thread build just as well.
  const fromCacheOut = path.join(await tempDir(), "output");
  const fromCache = await buildSite(site, fromCacheOut, cacheDir);
  expect(fromCache.cache.misses).toBe(0);
  expect(await treeDigest(fromCacheOut)).toEqual(await treeDigest(singleOut));
}, 120_000);
