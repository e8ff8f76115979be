// `npm run bench -- --n 10000 [--corpus newsroom|uniform] [--skip hugo,one-worker,fresh]`: on one generated corpus, each in its own
// process, the floor, Hugo (when installed: `npm run bench:setup`), then wirefeed cold, warm
// unchanged, cold on one worker, warm with one article edited and warm with one added; then checks
// that the outputs that should be equal are byte for byte.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFile, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { article, generateCorpus, publishedAt, shapes } from "./generate.js";
import { hasGnuTime, measure, outputBytes, settleDisk } from "./measure.js";
import { formatOutputTable, formatTable, judge, withCpuRatios } from "./table.js";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(benchDir);
const { values } = parseArgs({
  options: {
    n: { type: "string", default: "1000" },
    corpus: { type: "string", default: "newsroom" },
    results: { type: "string" },
    skip: { type: "string", default: "" },
  },
});
// At 100,000 articles Hugo needs more memory than the machine has (3.7 GB at 10,000), and the
// one-worker build and the fresh comparison build double the run's time: they can be left out.
const skippable = ["hugo", "one-worker", "fresh"];
const skipped = new Set(values.skip.split(",").filter(Boolean));
for (const step of skipped) if (!skippable.includes(step)) throw new Error(`--skip takes ${skippable.join(", ")}, not ${step}`);
const n = Number(values.n);
if (!Number.isInteger(n) || n < 1) throw new Error(`--n must be a positive whole number, not ${values.n}`);
const shape = values.corpus;
if (!Object.hasOwn(shapes, shape)) throw new Error(`--corpus must be ${Object.keys(shapes).join(" or ")}, not ${shape}`);
const resultsFile = values.results ?? path.join(benchDir, `results-${shape}-${n}.json`);

const corpus = path.join(benchDir, "corpus", `${shape}-n${n}`);
const log = (text) => process.stderr.write(`${text}\n`);
const load = () => loadavg().map((average) => Number(average.toFixed(2)));
const loadBefore = load();
if (!hasGnuTime) log("note: /usr/bin/time is missing (npm run bench:setup installs it); peak memory is polled from /proc every 50 ms only");

/** Every file below `folder` by relative path, as a SHA-256 of its bytes. */
async function treeDigest(folder) {
  const entries = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const digests = new Map();
  for (const file of entries.map((entry) => path.join(entry.parentPath, entry.name)).sort())
    digests.set(
      path.relative(folder, file),
      createHash("sha256")
        .update(await readFile(file))
        .digest("hex"),
    );
  return digests;
}

/** The paths whose bytes differ between two digests (present in one only, or changed), at most five. */
function differences(a, b) {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((file) => a.get(file) !== b.get(file)).slice(0, 5);
}

/** Hugo's version line, or null when it is not installed. */
function hugoVersion() {
  try {
    return execFileSync("hugo", ["version"], { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

log(`generating ${n} ${shape} articles in ${path.relative(root, corpus)}/ ...`);
const articles = await generateCorpus(corpus, n, shape);
const corpusBytes = (await outputBytes(articles)).total;
const bin = path.join(root, "bin", "wirefeed.js");
/** A wirefeed build of the corpus into `out` with its cache in `cache` (false: none). */
const wirefeed = (out, cache, ...more) => [
  bin,
  "build",
  "--config",
  "wirefeed.config.json",
  "--out",
  out,
  ...(cache ? ["--cache-dir", cache] : ["--no-cache"]),
  // After the newest article, whatever N: every article is published, none scheduled.
  "--now",
  publishedAt(n + 1).toISOString(),
  "--quiet",
  ...more,
];
const out = path.join(corpus, "output");
const cache = path.join(corpus, "cache");

const runs = [];
const step = async (name, command, args, wrote) => {
  await settleDisk();
  log(`${name} ...`);
  const run = { name, ...(await measure(command, args, { cwd: corpus })), output: await outputBytes(wrote) };
  runs.push(run);
  const cpu = run.cpuSeconds === null ? "" : ` (CPU ${run.cpuSeconds.toFixed(2)} s)`;
  log(`  ${run.seconds.toFixed(2)} s${cpu}, ${Math.round(run.rssMiB)} MiB, ${(run.output.total / 1e6).toFixed(1)} MB`);
  return run;
};
const floorFile = path.join(corpus, "floor.json");
const floor = await step("floor", process.execPath, [path.join(benchDir, "floor.js"), articles, floorFile], floorFile);

const hugo = skipped.has("hugo") ? null : hugoVersion();
let hugoRun = null;
let hugoCounts = null;
if (hugo) {
  const site = path.join(corpus, "hugo-public");
  // Hugo reads the corpus's own files (--contentDir) and writes nothing into bench/hugo/.
  const args = ["--source", path.join(benchDir, "hugo"), "--contentDir", articles, "--destination", site];
  args.push("--cacheDir", path.join(corpus, "hugo-cache"), "--noBuildLock", "--quiet");
  hugoRun = await step("hugo", "hugo", args, site);
  const archive = JSON.parse(await readFile(path.join(site, "archive.json"), "utf8"));
  const termFeeds = async (taxonomy) => (await readdir(path.join(site, taxonomy), { withFileTypes: true })).filter((entry) => entry.isDirectory()).length;
  hugoCounts = { articles: archive.articles.length, termFeeds: (await termFeeds("tags")) + (await termFeeds("categories")) };
} else
  log(
    skipped.has("hugo") ? "note: Hugo skipped (--skip hugo)" : "note: Hugo is not installed (npm run bench:setup installs Debian's hugo); its row is skipped",
  );

await step("cold", process.execPath, wirefeed(out, cache), out);
const cold = await treeDigest(out);
await step("warm, unchanged", process.execPath, wirefeed(out, cache), out);
const unchangedDiff = differences(cold, await treeDigest(out));
let oneWorkerDiff = null;
if (!skipped.has("one-worker")) {
  const oneWorkerOut = path.join(corpus, "output-1-worker");
  await step("cold, 1 worker", process.execPath, wirefeed(oneWorkerOut, path.join(corpus, "cache-1-worker"), "--workers", "1"), oneWorkerOut);
  oneWorkerDiff = differences(cold, await treeDigest(oneWorkerOut));
}

const edited = (await readdir(articles)).sort()[Math.floor(n / 2)];
await appendFile(path.join(articles, edited), "\nAn added closing paragraph, with a [link](https://example.org/edit).\n");
await step("warm, 1 edited", process.execPath, wirefeed(out, cache), out);
const added = article(n, shape);
await writeFile(path.join(articles, added.name), added.text);
await step("warm, 1 added", process.execPath, wirefeed(out, cache), out);
// The edited and added corpus built from nothing: what the two warm builds must have written.
let warmDiff = null;
if (!skipped.has("fresh")) {
  log("checking the warm output against a cold build of the same articles ...");
  const freshOut = path.join(corpus, "output-fresh");
  await rm(freshOut, { recursive: true, force: true });
  await measure(process.execPath, wirefeed(freshOut, false), { cwd: corpus });
  warmDiff = differences(await treeDigest(freshOut), await treeDigest(out));
}

const wirefeedTags = JSON.parse(await readFile(path.join(out, "tags", "index.json"), "utf8")).tags.length;
const results = {
  corpus: shape,
  n,
  corpusBytes,
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? "unknown",
  node: process.version,
  hugo,
  commit: execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim(),
  date: new Date().toISOString(),
  load: { before: loadBefore, after: load() },
  peakMemory: hasGnuTime ? "GNU time maxrss and /proc tree polling, the larger" : "/proc tree polling every 50 ms",
  // Each list names the files that differ (at most five): empty when the outputs are identical.
  checks: {
    warmUnchangedIdenticalToCold: unchangedDiff,
    oneWorkerIdenticalToDefault: oneWorkerDiff,
    warmEditedAndAddedIdenticalToCold: warmDiff,
  },
  // What each tool published: every article in Hugo's archive, one feed set per tag and section in both.
  published: { wirefeedTagFeeds: wirefeedTags, ...(hugoCounts ? { hugoArticles: hugoCounts.articles, hugoTermFeeds: hugoCounts.termFeeds } : {}) },
  runs: withCpuRatios(runs.map((run) => judge(run, floor.seconds, hugoRun?.seconds ?? null, n))),
};
console.log(formatTable(results));
console.log("");
console.log(formatOutputTable(results));
console.log("");
const verdict = (diff) => (diff === null ? "not checked (--skip)" : diff.length === 0 ? "yes" : `NO (${diff.join(", ")})`);
console.log(`warm unchanged output identical to cold: ${verdict(unchangedDiff)}`);
console.log(`output on 1 worker identical to default (${availableParallelism()} cores): ${verdict(oneWorkerDiff)}`);
console.log(`output after the edit and the addition identical to a cold build: ${verdict(warmDiff)}`);
if (hugoCounts) {
  const complete = hugoCounts.articles === n && hugoCounts.termFeeds === wirefeedTags;
  console.log(
    `Hugo published ${hugoCounts.articles} of ${n} articles and ${hugoCounts.termFeeds} term feeds (wirefeed: ${wirefeedTags})${complete ? "" : ": NOT the same work"}`,
  );
}
await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${path.relative(process.cwd(), resultsFile)}`);
