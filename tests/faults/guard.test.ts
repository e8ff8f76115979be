import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build, type BuildOptions } from "../../src/index.js";
import { goodArticle, writeSite } from "../errors/site.js";
import { hashTree } from "./tree.js";
import { readArchive } from "../helpers/build.js";

const now = "2026-11-27T00:00:00Z";

/** A site built once with three articles: the previous output the guard compares with. */
async function previouslyBuilt() {
  const dir = await writeSite({
    "a.md": goodArticle("Alpha", "2022-02-25"),
    "b.md": goodArticle("Beta", "2022-02-26"),
    "c.md": goodArticle("Gamma", "2022-02-27"),
  });
  const first = await build({ cwd: dir, now });
  expect(first.exitCode).toBe(0);
  const out = path.join(dir, "output");
  const rebuild = (options: BuildOptions = {}) => build({ cwd: dir, now, ...options });
  const article = (name: string) => path.join(dir, "articles", name);
  return { dir, out, rebuild, article, before: await hashTree(out) };
}

const sources = async (out: string) => ((await readArchive(out)) as { articles: { source: string }[] }).articles.map((a) => a.source).sort();

describe("the silent loss guard", () => {
  it("fails when an article of the previous build is gone, lists it, and leaves output/ as it was", async () => {
    const site = await previouslyBuilt();
    await rm(site.article("b.md"));
    const result = await site.rebuild();
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics).toMatchObject([{ rule: "articles-removed", severity: "error", file: path.join("output", "archive", "index.json") }]);
    expect(result.diagnostics[0]!.message).toContain("1 article");
    expect(result.diagnostics[0]!.message).toContain("b.md (tag:news.example,2022-02-26:b)");
    expect(await hashTree(site.out)).toEqual(site.before);
  });

  it("fails when the whole articles folder is empty (a bad checkout), naming every article", async () => {
    const site = await previouslyBuilt();
    for (const name of ["a.md", "b.md", "c.md"]) await rm(site.article(name));
    const result = await site.rebuild();
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(["articles-removed"]);
    for (const name of ["a.md", "b.md", "c.md"]) expect(result.diagnostics[0]!.message).toContain(name);
    expect(await hashTree(site.out)).toEqual(site.before);
  });

  it('lets an article listed under "removed" in the config go, in a plain scheduled build, and archive/index.json records it', async () => {
    const site = await previouslyBuilt();
    await rm(site.article("b.md"));
    await rm(site.article("c.md"));
    const config = JSON.parse(await readFile(path.join(site.dir, "wirefeed.config.json"), "utf8"));
    const removed = [
      { source: "b.md", reason: "Withdrawn at the subject's request" },
      { id: "tag:news.example,2022-02-27:c", reason: "Duplicate of a.md" },
    ];
    await writeFile(path.join(site.dir, "wirefeed.config.json"), JSON.stringify({ ...config, removed }));
    const result = await site.rebuild();
    expect(result.diagnostics).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(await sources(site.out)).toEqual(["a.md"]);
    expect(JSON.parse(await readFile(path.join(site.out, "archive/index.json"), "utf8")).removed).toEqual(removed);
  });

  it('still fails for a deleted article that "removed" does not list', async () => {
    const site = await previouslyBuilt();
    await rm(site.article("b.md"));
    await rm(site.article("c.md"));
    const config = JSON.parse(await readFile(path.join(site.dir, "wirefeed.config.json"), "utf8"));
    await writeFile(path.join(site.dir, "wirefeed.config.json"), JSON.stringify({ ...config, removed: [{ source: "b.md", reason: "Withdrawn" }] }));
    const result = await site.rebuild();
    expect(result.diagnostics).toMatchObject([
      { rule: "articles-removed", message: expect.stringContaining("1 article that the previous build published: c.md") },
    ]);
    expect(result.diagnostics[0]!.hint).toContain('"removed"');
    expect(await hashTree(site.out)).toEqual(site.before);
  });

  it("lets removals through with allowRemovals", async () => {
    const site = await previouslyBuilt();
    await rm(site.article("b.md"));
    const result = await site.rebuild({ allowRemovals: true });
    expect(result.diagnostics).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(await sources(site.out)).toEqual(["a.md", "c.md"]);
  });

  it("does not count a draft or a scheduled article as lost", async () => {
    const site = await previouslyBuilt();
    await writeFile(site.article("b.md"), "---\ntitle: Beta\ndate: 2022-02-26\ndraft: true\n---\nBody.\n");
    await writeFile(site.article("c.md"), goodArticle("Gamma", "2030-01-01"));
    const result = await site.rebuild();
    expect(result.diagnostics.filter((d) => d.rule !== "id-changed")).toEqual([]);
  });

  it("reports an id that would change at the article, and accepts the old id pinned", async () => {
    const site = await previouslyBuilt();
    await writeFile(site.article("a.md"), goodArticle("Alpha", "2022-03-01"));
    const changed = await site.rebuild();
    expect(changed.exitCode).toBe(1);
    expect(changed.diagnostics).toMatchObject([{ rule: "id-changed", file: path.join("articles", "a.md"), line: 3, column: 1 }]);
    expect(changed.diagnostics[0]!.hint).toContain('id: "tag:news.example,2022-02-25:a"');
    expect(await hashTree(site.out)).toEqual(site.before);

    await writeFile(site.article("a.md"), `---\ntitle: Alpha\ndate: 2022-03-01\nid: "tag:news.example,2022-02-25:a"\n---\nBody.\n`);
    const pinned = await site.rebuild();
    expect(pinned.diagnostics).toEqual([]);
    expect(pinned.exitCode).toBe(0);
  });

  it("does not pile a removal on top of an article's own error, but counts it with --keep-going", async () => {
    const site = await previouslyBuilt();
    await writeFile(site.article("b.md"), "---\ntitle: Beta\ndate: next Tuesday\n---\nBody.\n");
    const plain = await site.rebuild();
    expect(plain.diagnostics.map((d) => d.rule)).toEqual(["invalid-date"]);
    const keepGoing = await site.rebuild({ keepGoing: true });
    expect(keepGoing.diagnostics.map((d) => d.rule).sort()).toEqual(["articles-removed", "invalid-date"]);
    expect(await hashTree(site.out)).toEqual(site.before);
    const allowed = await site.rebuild({ keepGoing: true, allowRemovals: true });
    expect(allowed.exitCode).toBe(1);
    expect(await sources(site.out)).toEqual(["a.md", "c.md"]);
  });

  it("reads an archive written as one JSON document, not a record a line", async () => {
    const site = await previouslyBuilt();
    const archiveFile = path.join(site.out, "archive/2022.json");
    await writeFile(archiveFile, JSON.stringify(JSON.parse(await readFile(archiveFile, "utf8")), null, 2));
    await rm(site.article("c.md"));
    const result = await site.rebuild();
    expect(result.diagnostics).toMatchObject([{ rule: "articles-removed" }]);
    expect(result.diagnostics[0]!.message).toContain("c.md");
  });

  it.each([
    ["a download", "archive/2022.json", '{"articles": ['],
    ["the manifest", "archive/index.json", '{"files": '],
  ])("refuses to guess when the previous archive is unreadable: %s", async (_name, file, text) => {
    const site = await previouslyBuilt();
    await writeFile(path.join(site.out, file), text);
    const result = await site.rebuild();
    expect(result.diagnostics).toMatchObject([{ rule: "previous-archive-unreadable", file: path.join("output", file) }]);
    expect(result.exitCode).toBe(1);
  });

  it("counts a download deleted by hand as holding nothing, reads the others, and makes it again", async () => {
    const site = await previouslyBuilt();
    const configFile = path.join(site.dir, "wirefeed.config.json");
    await writeFile(configFile, JSON.stringify({ ...JSON.parse(await readFile(configFile, "utf8")), outputs: { yearlyJson: true, allNdjson: true } }));
    expect((await site.rebuild()).exitCode).toBe(0);
    await rm(path.join(site.out, "archive/all.ndjson"));
    const again = await site.rebuild();
    expect(again.diagnostics).toEqual([]);
    expect(again.written).toContain("archive/all.ndjson");
    // Read from the yearly file, complete where all.ndjson is not: c.md's loss is seen.
    await rm(path.join(site.out, "archive/all.ndjson"));
    await rm(site.article("c.md"));
    expect((await site.rebuild({ cacheDir: false })).diagnostics).toMatchObject([{ rule: "articles-removed" }]);
  });

  it("reads the previous archive from whichever downloads hold every article: archive.json, all.ndjson or the yearly NDJSON files", async () => {
    for (const outputs of [
      { allJson: true, yearlyJson: false },
      { allNdjson: true, yearlyJson: false },
      { yearlyNdjson: true, yearlyJson: false },
    ]) {
      const site = await previouslyBuilt();
      const configFile = path.join(site.dir, "wirefeed.config.json");
      await writeFile(configFile, JSON.stringify({ ...JSON.parse(await readFile(configFile, "utf8")), outputs }));
      expect((await site.rebuild()).exitCode).toBe(0);
      await rm(site.article("c.md"));
      // Without the cache's list: the guard reads the files.
      const result = await site.rebuild({ cacheDir: false });
      expect(result.diagnostics, JSON.stringify(outputs)).toMatchObject([{ rule: "articles-removed" }]);
      expect(result.diagnostics[0]!.message).toContain("c.md");
    }
  });
});

describe("setup problems are reported before anything is touched", () => {
  it.each([
    ["the config file", { config: "missing.config.json" }, "config-not-found"],
    ["the articles folder", { articles: "no-such-folder" }, "articles-not-found"],
  ])("%s does not exist: exit 2", async (_name, options, rule) => {
    const site = await previouslyBuilt();
    const result = await site.rebuild(options);
    expect(result.exitCode).toBe(2);
    expect(result.diagnostics).toMatchObject([{ rule, severity: "error" }]);
    expect(result.diagnostics[0]!.hint.length).toBeGreaterThan(0);
    expect(await hashTree(site.out)).toEqual(site.before);
  });
});

describe("what a build killed outright left", () => {
  it("is put back and cleared by the next build even when that build stops before writing, and the guard sees the previous output", async () => {
    const site = await previouslyBuilt();
    // kill -9 between the swap's two renames, with a staging folder and a gzip spool left behind.
    const retired = path.join(site.dir, ".output.retired-999999");
    await rename(site.out, retired);
    for (const left of [".output.staging-999999", ".output.spool-999999"]) {
      await mkdir(path.join(site.dir, left));
      await writeFile(path.join(site.dir, left, "archive.json.gz"), "half written");
    }
    await rm(site.article("b.md"));
    const result = await site.rebuild();
    // The guard read the previous output, put back in its place, and stopped the build before writing.
    expect(result.diagnostics.map((d) => d.rule)).toEqual(["articles-removed"]);
    expect(await hashTree(site.out)).toEqual(site.before);
    expect((await readdir(site.dir)).filter((name) => name.startsWith(".output"))).toEqual([]);
  });
});
