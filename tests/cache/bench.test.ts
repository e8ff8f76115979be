import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { repoRoot, tempDir } from "../helpers/build.js";
import { buildSite, generator } from "./site.js";

// A smoke test of the benchmark's parts, at five articles: the benchmark itself is not a test.

interface Table {
  judge(run: { name: string; seconds: number; rssMiB: number }, floorSeconds: number, n: number): { ratio: number; met: boolean | null };
  formatTable(results: unknown): string;
}
const table = () => import(pathToFileURL(path.join(repoRoot, "bench/table.js")).href) as Promise<Table>;

it("generates the same valid articles of 600 to 1,500 words every time", async () => {
  const { generateCorpus, article } = await generator();
  const dir = await tempDir();
  const articles = await generateCorpus(dir, 5);
  const names = (await readdir(articles)).sort();
  expect(names).toHaveLength(5);
  for (const [index, name] of names.entries()) {
    const text = await readFile(path.join(articles, name), "utf8");
    expect(article(index)).toEqual({ name, text });
    const [, frontMatter = "", body = ""] = text.split(/^---$/m);
    for (const key of ["title", "date", "description", "author", "tags", "image", "  caption", "  credit"]) expect(frontMatter).toContain(`\n${key}:`);
    const words = body.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(600);
    expect(words).toBeLessThanOrEqual(1500);
    expect(body).toMatch(/\[[^\]]+\]\(https:\/\/[^)]+\)/);
    expect(body).toMatch(/\*[^*]+\*/);
    expect(body).toMatch(/^- /m);
    expect(body).toMatch(/^> /m);
  }
  const result = await buildSite(dir, path.join(dir, "output"), false);
  expect(result).toMatchObject({ exitCode: 0, diagnostics: [], counts: { published: 5 } });
});

it("judges runs against the floor and prints them as a table", async () => {
  const { judge, formatTable } = await table();
  const runs = [
    judge({ name: "floor", seconds: 10, rssMiB: 200 }, 10, 5),
    judge({ name: "cold", seconds: 5, rssMiB: 300 }, 10, 5),
    judge({ name: "warm, unchanged", seconds: 1, rssMiB: 100 }, 10, 5),
  ];
  expect(runs.map(({ ratio, met }) => [ratio, met])).toEqual([
    [1, null],
    [0.5, true],
    [0.1, false],
  ]);
  const text = formatTable({ n: 5, cores: 2, node: "v20.0.0", runs });
  expect(text.split("\n")).toHaveLength(6);
  expect(text).toMatch(/^warm, unchanged +1\.00 +0\.100 +≤ 0\.05 +100 +NO$/m);
});
