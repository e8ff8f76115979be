import { execFile } from "node:child_process";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { repoRoot, tempDir } from "../helpers/build.js";
import { makeSite, now, treeDigest } from "./site.js";

const run = promisify(execFile);

// Worker threads load compiled JavaScript, which the tests (run from the TypeScript sources) do
// not use: compile the sources to a private folder inside the repository (so that node_modules
// and package.json resolve) and build from there in a child process.
const compiled = path.join(repoRoot, `.wirefeed-test-dist-${process.pid}`);

beforeAll(async () => {
  await run(process.execPath, [path.join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", path.join(repoRoot, "tsconfig.build.json"), "--outDir", compiled]);
}, 120_000);

afterAll(() => rm(compiled, { recursive: true, force: true }));

interface Summary {
  exitCode: number;
  workers: number;
  outputJobs: number;
  misses: number;
  diagnostics: unknown[];
}

/** Builds `site` with the compiled wirefeed in a child process. */
async function compiledBuild(site: string, out: string, cacheDir: string | false, workers: number): Promise<Summary> {
  const script = `
    const { build } = await import(${JSON.stringify(pathToFileURL(path.join(compiled, "index.js")).href)});
    const result = await build(${JSON.stringify({ cwd: site, out, now, cacheDir, workers })});
    console.log(JSON.stringify({ exitCode: result.exitCode, workers: result.workers, outputJobs: result.outputJobs, misses: result.cache.misses, diagnostics: result.diagnostics }));`;
  const scriptFile = path.join(await tempDir(), "build.mjs");
  await writeFile(scriptFile, script);
  return JSON.parse((await run(process.execPath, [scriptFile])).stdout) as Summary;
}

it("articles rendered on worker threads give the bytes of those rendered in one thread", async () => {
  const site = await makeSite(80);
  // Small pages: many archive documents for the document threads to render.
  const configFile = path.join(site, "wirefeed.config.json");
  await writeFile(configFile, JSON.stringify({ ...JSON.parse(await readFile(configFile, "utf8")), archivePageSize: 10, feedLimit: 5 }));
  const cacheDir = path.join(await tempDir(), "cache");
  const threadedOut = path.join(await tempDir(), "output");
  const threaded = await compiledBuild(site, threadedOut, cacheDir, 2);
  expect(threaded).toMatchObject({ exitCode: 0, workers: 2, misses: 83 });
  // Past the first 64 of its 162 pages and records, an output thread made them, from the cached bodies.
  expect(threaded.outputJobs).toBeGreaterThan(80);

  const singleOut = path.join(await tempDir(), "output");
  const single = await compiledBuild(site, singleOut, false, 1);
  // One render thread: every article is prepared on a bounded thread, never on the main one.
  expect(single.workers).toBe(1);
  // Without a cache, no body waits there for an output thread: the main thread makes every page.
  expect(single.outputJobs).toBe(0);
  expect(threaded.diagnostics).toEqual(single.diagnostics);
  expect(await treeDigest(threadedOut)).toEqual(await treeDigest(singleOut));

  // Without a cache, the documents' threads get the bodies with the items.
  const uncachedOut = path.join(await tempDir(), "output");
  expect(await compiledBuild(site, uncachedOut, false, 2)).toMatchObject({ exitCode: 0, workers: 2 });
  expect(await treeDigest(uncachedOut)).toEqual(await treeDigest(singleOut));

  // The bodies the workers cached serve a build in one thread just as well.
  const fromCacheOut = path.join(await tempDir(), "output");
  expect(await compiledBuild(site, fromCacheOut, cacheDir, 1)).toMatchObject({ exitCode: 0, misses: 0 });
  expect(await treeDigest(fromCacheOut)).toEqual(await treeDigest(singleOut));

  // A body the cache lost fails on a document thread too: the build renders that article again.
  const bodies = (await readdir(path.join(cacheDir, "articles"), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  await rm(path.join(bodies[0]!.parentPath, bodies[0]!.name));
  const lostBodyOut = path.join(await tempDir(), "output");
  expect(await compiledBuild(site, lostBodyOut, cacheDir, 2)).toMatchObject({ exitCode: 0, misses: 0 });
  expect(await treeDigest(lostBodyOut)).toEqual(await treeDigest(singleOut));
}, 120_000);
