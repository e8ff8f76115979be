// `npm run bench -- --n 10000`: the floor, then wirefeed cold, warm unchanged, warm with one
// article edited and warm with one added, on the same generated corpus, each in its own process.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFile, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { article, generateCorpus, publishedAt } from "./generate.js";
import { formatTable, judge } from "./table.js";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(benchDir);
const { values } = parseArgs({
  options: { n: { type: "string", default: "1000" }, results: { type: "string", default: path.join(benchDir, "results.json") } },
});
const n = Number(values.n);
if (!Number.isInteger(n) || n < 1) throw new Error(`--n must be a positive whole number, not ${values.n}`);

const corpus = path.join(benchDir, "corpus", `n${n}`);
const rssFile = path.join(tmpdir(), `wirefeed-bench-rss-${process.pid}`);

/** Runs `node args` with the peak-memory hook; returns wall seconds and peak RSS in MiB. */
function measure(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", path.join(benchDir, "max-rss.js"), ...args], {
      cwd: corpus,
      env: { ...process.env, WIREFEED_BENCH_RSS: rssFile },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", async (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`node ${args.join(" ")} exited with ${code}`));
      resolve({ seconds, rssMiB: Number(await readFile(rssFile, "utf8")) / 1024 });
    });
  });
}

/** A digest of every output file, to prove that a warm build wrote what a cold one did. */
async function digestFolder(folder) {
  const hash = createHash("sha256");
  const entries = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const files = entries.map((entry) => path.join(entry.parentPath ?? entry.path, entry.name)).sort();
  for (const file of files)
    hash
      .update(path.relative(folder, file))
      .update("\0")
      .update(await readFile(file));
  return hash.digest("hex");
}

const log = (text) => process.stderr.write(`${text}\n`);
log(`generating ${n} articles in ${path.relative(root, corpus)}/ ...`);
const articles = await generateCorpus(corpus, n);
const out = path.join(corpus, "output");
const wirefeed = [
  "build",
  "--config",
  "wirefeed.config.json",
  "--out",
  out,
  "--cache-dir",
  path.join(corpus, "cache"),
  // After the newest article, whatever N: every article is published, none scheduled.
  "--now",
  publishedAt(n + 1).toISOString(),
  "--quiet",
];
const bin = path.join(root, "bin", "wirefeed.js");

const runs = [];
const step = async (name, args) => {
  log(`${name} ...`);
  const run = { name, ...(await measure(args)) };
  runs.push(run);
  log(`  ${run.seconds.toFixed(2)} s, ${Math.round(run.rssMiB)} MiB`);
  return run;
};
const floor = await step("floor", [path.join(benchDir, "floor.js"), articles, path.join(corpus, "floor.json")]);
await step("cold", [bin, ...wirefeed]);
const coldDigest = await digestFolder(out);
await step("warm, unchanged", [bin, ...wirefeed]);
const identical = (await digestFolder(out)) === coldDigest;
const edited = (await readdir(articles)).sort()[Math.floor(n / 2)];
await appendFile(path.join(articles, edited), "\nAn added closing paragraph, with a [link](https://example.org/edit).\n");
await step("warm, 1 edited", [bin, ...wirefeed]);
const added = article(n);
await writeFile(path.join(articles, added.name), added.text);
await step("warm, 1 added", [bin, ...wirefeed]);
await rm(rssFile, { force: true });

const results = {
  n,
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? "unknown",
  node: process.version,
  date: new Date().toISOString(),
  warmOutputIdenticalToCold: identical,
  runs: runs.map((run) => judge(run, floor.seconds, n)),
};
console.log(formatTable(results));
console.log(`warm output identical to cold: ${identical ? "yes" : "NO"}`);
await writeFile(values.results, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${path.relative(process.cwd(), values.results)}`);
