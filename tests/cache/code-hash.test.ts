import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { hashCode, moduleGraph } from "../../src/build/incremental/code-hash.js";
import { repoRoot, tempDir } from "../helpers/build.js";

it("hashes a module and what it imports, transitively, and nothing else, wherever it is installed", async () => {
  const dir = await tempDir("wirefeed-code-");
  const write = (name: string, code: string) => writeFile(path.join(dir, name), code);
  await mkdir(path.join(dir, "lib/sub"), { recursive: true });
  await write("lib/entry.js", 'import { b } from "../b.js";\nexport const a = () => import("./lazy.js");\n');
  await write("b.js", 'export * from "./lib/sub/c.js";\nexport const b = 1;\n');
  await write("lib/sub/c.js", "export const c = 1;\n");
  await write("lib/lazy.js", "export const lazy = 1;\n");
  await write("lib/unrelated.js", "export const u = 1;\n");
  const entry = pathToFileURL(path.join(dir, "lib/entry.js"));
  const before = hashCode(entry);

  // The same code in another folder (another checkout, another CI runner) hashes the same.
  const elsewhere = path.join(await tempDir("wirefeed-code-"), "copy");
  await cp(dir, elsewhere, { recursive: true });
  expect(hashCode(pathToFileURL(path.join(elsewhere, "lib/entry.js")))).toBe(before);

  await write("lib/unrelated.js", "export const u = 2;\n");
  expect(hashCode(entry)).toBe(before);
  for (const name of ["lib/sub/c.js", "lib/lazy.js", "b.js"]) {
    await write(name, "export const changed = true;\n");
    expect(hashCode(entry), name).not.toBe(before);
  }
});

it.each([
  // The code in every article's cache key: the per-article stages, without the cache or the threads that run them.
  ["src/build/stages/article.ts", ["src/build/stages/render.ts", "src/build/stages/meta/index.ts", "src/build/stages/meta/title.ts", "src/text/date.ts"]],
  // The code in every reused output's key: the plan and the serializers, without the engine that makes them fast.
  [
    "src/build/stages/plan.ts",
    ["src/formats/rss.ts", "src/formats/atom.ts", "src/formats/json-feed.ts", "src/formats/archive/gzip.ts", "src/build/stages/model.ts"],
  ],
])("the code hash of %s covers what makes its results, and none of the build's engine", (entry, covered) => {
  const files = moduleGraph(pathToFileURL(path.join(repoRoot, entry))).map(([file]) => path.relative(repoRoot, file).split(path.sep).join("/"));
  for (const file of covered) expect(files).toContain(file);
  expect(files.filter((file) => /^src\/build\/(incremental|runtime)\//.test(file))).toEqual([]);
});
