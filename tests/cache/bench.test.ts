import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import matter from "gray-matter";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot, tempDir } from "../helpers/build.js";
import { buildSite, generator, treeDigest } from "./site.js";

// The benchmark's parts on small corpora: the benchmark itself is not a test, and nothing here is timed.

type Shape = "newsroom" | "uniform";
interface Generator {
  generateCorpus(dir: string, n: number, shape?: Shape): Promise<string>;
  article(index: number, shape?: Shape): { name: string; text: string };
}
const corpus = () => generator() as Promise<Generator>;

interface Run {
  name: string;
  seconds: number;
  cpuSeconds: number | null;
  rssMiB: number;
  output: { total: number; byPath: Record<string, number> };
}
interface Table {
  judge(run: Run, floorSeconds: number, hugoSeconds: number | null, n: number): Run & { ratio: number; ratioToHugo: number | null; met: boolean | null };
  withCpuRatios<T extends Run>(runs: T[]): (T & { cpuRatio: number | null; cpuRatioToHugo: number | null })[];
  formatTable(results: unknown): string;
  formatOutputTable(results: unknown): string;
}
const table = () => import(pathToFileURL(path.join(repoRoot, "bench/table.js")).href) as Promise<Table>;

const bodyWords = (body: string) => body.split(/\s+/).filter(Boolean).length;

describe.each(["newsroom", "uniform"] as const)("the %s corpus", (shape) => {
  it("is the same valid articles of 600 to 1,500 words every time, and wirefeed builds it without a diagnostic", async () => {
    const { generateCorpus, article } = await corpus();
    const [first, second] = [await tempDir(), await tempDir()];
    const articles = await generateCorpus(first, 12, shape);
    await generateCorpus(second, 12, shape);
    expect(await treeDigest(first)).toEqual(await treeDigest(second));
    const names = (await readdir(articles)).sort();
    expect(names).toHaveLength(12);
    for (const name of names) {
      const text = await readFile(path.join(articles, name), "utf8");
      expect(article(Number(/story-(\d+)/.exec(name)?.[1]), shape)).toEqual({ name, text });
      const { data, content } = matter(text, {});
      expect(Object.keys(data)).toEqual(expect.arrayContaining(["title", "date", "description", "tags"]));
      expect(bodyWords(content)).toBeGreaterThanOrEqual(600);
      expect(bodyWords(content)).toBeLessThanOrEqual(1500);
      expect(content).toMatch(/\[[^\]]+\]\(https:\/\/[^)]+\)/);
      expect(content).toMatch(/\*[^*]+\*/);
      expect(content).toMatch(/^(- |1\. )/m);
      expect(content).toMatch(/^> /m);
    }
    const result = await buildSite(first, path.join(first, "output"), false);
    expect(result).toMatchObject({ exitCode: 0, diagnostics: [], counts: { published: 12 } });
  });
});

it("keeps the uniform corpus byte for byte as the first benchmark generated it", async () => {
  const { article } = await corpus();
  const hash = createHash("sha256");
  for (let index = 0; index < 100; index++) {
    const { name, text } = article(index, "uniform");
    hash.update(name).update("\0").update(text);
  }
  // The digest of articles 0 to 99 from bench/generate.js at 430f234, before the newsroom corpus.
  expect(hash.digest("hex")).toBe("5ef76d4262f206571ca88da340abb79de295f4b78039b07f57a549bb008acbcf");
});

describe("the newsroom corpus at 2,000 articles", () => {
  const n = 2000;
  let article: Generator["article"];
  let parsed: { text: string; data: Record<string, unknown>; content: string }[] = [];
  beforeAll(async () => {
    article = (await corpus()).article;
    parsed = Array.from({ length: n }, (_, index) => {
      const { text } = article(index);
      return { text, ...matter(text, {}) };
    });
  });
  const tally = (keys: (data: Record<string, unknown>) => string[]) => {
    const counts = new Map<string, number>();
    for (const { data } of parsed) for (const key of keys(data)) counts.set(key, (counts.get(key) ?? 0) + 1);
    return [...counts.values()].sort((a, b) => b - a);
  };
  const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);
  // wirefeed reads categories (the section) as tags: these are the tag feeds a build makes.
  const tagsOf = (data: Record<string, unknown>) => [...strings(data.categories), ...strings(data.tags)];

  it("has a vocabulary of at least 300 tags with a long tail: most on a few dozen articles, a few on thousands' share", () => {
    const counts = tally(tagsOf);
    expect(counts.length).toBeGreaterThanOrEqual(300);
    // At 10,000 articles these shares are thousands of articles for the head, dozens for most.
    expect(counts[0]).toBeGreaterThanOrEqual(n * 0.2);
    expect(counts.filter((count) => count >= n * 0.1).length).toBeGreaterThanOrEqual(3);
    expect(counts.filter((count) => count <= n * 0.005).length).toBeGreaterThan(counts.length / 2);
  });

  it("gives every article one section and 2 to 6 tags in all, each count common", () => {
    const perArticle = new Map<number, number>();
    for (const { data } of parsed) {
      expect(strings(data.categories)).toHaveLength(1);
      const tags = tagsOf(data);
      expect(new Set(tags.map((tag) => tag.toLowerCase())).size).toBe(tags.length);
      perArticle.set(tags.length, (perArticle.get(tags.length) ?? 0) + 1);
    }
    expect([...perArticle.keys()].sort()).toEqual([2, 3, 4, 5, 6]);
    for (const count of perArticle.values()) expect(count).toBeGreaterThan(n / 10);
    expect(tally((data) => strings(data.categories)).length).toBeGreaterThanOrEqual(5);
  });

  it("has a skewed staff of 10 to 30 authors, some bylines shared", () => {
    const counts = tally((data) => strings(data.authors ?? data.author));
    expect(counts.length).toBeGreaterThanOrEqual(10);
    expect(counts.length).toBeLessThanOrEqual(30);
    expect(counts[0]).toBeGreaterThan(4 * (counts.at(-1) ?? 0));
    expect(parsed.filter(({ data }) => Array.isArray(data.authors) && data.authors.length === 2).length).toBeGreaterThan(n * 0.02);
  });

  it("is mostly in English, some in French and Spanish, mostly with a credited lead image", () => {
    const languages = new Map<string, number>();
    for (const { data } of parsed) languages.set(String(data.lang ?? "en"), (languages.get(String(data.lang ?? "en")) ?? 0) + 1);
    expect([...languages.keys()].sort()).toEqual(["en", "es", "fr"]);
    expect(languages.get("en")).toBeGreaterThan(n * 0.75);
    expect(languages.get("es")).toBeGreaterThan(n * 0.02);
    const credited = parsed.filter(({ data }) => typeof (data.image as { credit?: unknown } | undefined)?.credit === "string");
    expect(credited.length).toBeGreaterThan(n * 0.8);
  });

  it("has 600 to 1,500 words, headings, a list and links in every article", () => {
    for (const { content } of parsed) {
      expect(bodyWords(content)).toBeGreaterThanOrEqual(600);
      expect(bodyWords(content)).toBeLessThanOrEqual(1500);
      expect(content).toMatch(/^## \S/m);
      expect(content).toMatch(/^(- |1\. )/m);
      expect(content).toMatch(/\]\((https:\/\/|\/)[^)]+\)/);
    }
  });

  it("is the same bytes on every call, and does not depend on how many articles are made", () => {
    for (const index of [0, 1, 999, 1999]) expect(article(index).text).toBe(parsed[index]?.text);
  });
});

const hugo = (() => {
  try {
    return execFileSync("hugo", ["version"], { encoding: "utf8" }).startsWith("hugo v");
  } catch {
    return false;
  }
})();

it.skipIf(!hugo)("has a Hugo peer that publishes every article and the same tag feeds as wirefeed", async () => {
  const { generateCorpus } = await corpus();
  const dir = await tempDir();
  const articles = await generateCorpus(dir, 40);
  const site = path.join(dir, "hugo-public");
  execFileSync("hugo", [
    "--source",
    path.join(repoRoot, "bench/hugo"),
    "--contentDir",
    articles,
    "--destination",
    site,
    "--cacheDir",
    path.join(dir, "hugo-cache"),
    "--noBuildLock",
    "--quiet",
  ]);
  const archive = JSON.parse(await readFile(path.join(site, "archive.json"), "utf8")) as { articles: { content_html: string }[] };
  expect(archive.articles).toHaveLength(40);
  for (const entry of archive.articles) expect(entry.content_html).toMatch(/^<p>/);
  const feeds = async (taxonomy: string) => (await readdir(path.join(site, taxonomy))).map((slug) => readdir(path.join(site, taxonomy, slug)));
  const termFolders = [...(await feeds("tags")), ...(await feeds("categories"))];
  for (const files of await Promise.all(termFolders)) expect(files.sort()).toEqual(["atom.xml", "feed.json", "feed.xml"]);
  const home = JSON.parse(await readFile(path.join(site, "feed.json"), "utf8")) as { items: unknown[] };
  expect(home.items).toHaveLength(40);
  const out = path.join(dir, "output");
  await buildSite(dir, out, false);
  const tagIndex = JSON.parse(await readFile(path.join(out, "tags", "index.json"), "utf8")) as { tags: unknown[] };
  expect(termFolders).toHaveLength(tagIndex.tags.length);
});

it("judges runs against the floor and Hugo, in wall and CPU time, and prints them as tables", async () => {
  const { judge, withCpuRatios, formatTable, formatOutputTable } = await table();
  const output = (total: number) => ({ total, byPath: { "archive.json": total / 2, "tags/": total / 2 } });
  const runs = withCpuRatios([
    judge({ name: "floor", seconds: 10, cpuSeconds: 8, rssMiB: 200, output: output(1e6) }, 10, 4, 5),
    judge({ name: "hugo", seconds: 4, cpuSeconds: 6, rssMiB: 900, output: output(3e6) }, 10, 4, 5),
    judge({ name: "cold", seconds: 5, cpuSeconds: 9, rssMiB: 300, output: output(8e6) }, 10, 4, 5),
    judge({ name: "warm, unchanged", seconds: 1, cpuSeconds: 0.6, rssMiB: 100, output: output(8e6) }, 10, 4, 5),
    judge({ name: "warm, 1 edited", seconds: 0.2, cpuSeconds: null, rssMiB: 600, output: output(8e6) }, 10, 4, 5),
  ]);
  expect(runs.map(({ ratio, ratioToHugo, cpuRatio, cpuRatioToHugo, met }) => [ratio, ratioToHugo, cpuRatio, cpuRatioToHugo, met])).toEqual([
    [1, 2.5, 1, 1.333, null],
    [0.4, 1, 0.75, 1, null],
    [0.5, 1.25, 1.125, 1.5, true],
    [0.1, 0.25, 0.075, 0.1, false],
    // Fast enough, but over the memory target; without GNU time there is no CPU figure.
    [0.02, 0.05, null, null, false],
  ]);
  expect(judge(runs[2] as Run, 10, null, 5).ratioToHugo).toBeNull();
  const results = { corpus: "newsroom", n: 5, cores: 2, node: "v20.0.0", load: { before: [1, 1, 1], after: [2, 1, 1] }, runs };
  const text = formatTable(results);
  expect(text.split("\n")).toHaveLength(8);
  expect(text).toMatch(/^warm, unchanged +1\.00 +0\.100 +0\.250 +0\.60 +0\.075 +0\.100 +≤ 0\.03 +100 +8\.0 +NO$/m);
  expect(text).toMatch(/^warm, 1 edited +0\.20 +0\.020 +0\.050 +≤ 0\.03 +600 +8\.0 +NO$/m);
  // Output per 1,000 articles: 4 MB of tags at 5 articles is 800 MB per 1,000.
  expect(formatOutputTable(results)).toMatch(/^cold tags\/ +4\.0 +800\.0$/m);
});
