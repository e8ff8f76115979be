import { readdir, readFile, rename, rm, stat, truncate, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { tempDir } from "../helpers/build.js";
import { buildSite, freshFolders, generator, makeSite, treeDigest } from "./site.js";

// The promise of the cache: whatever it holds, a build writes exactly the bytes and reports exactly
// the diagnostics of a build without it.

const articlesOf = (site: string) => path.join(site, "articles");
const generatedNames = async (site: string) => (await readdir(articlesOf(site))).filter((name) => name.includes("story-")).sort();

async function expectSameAsUncached(site: string, cachedOut: string, cached: Awaited<ReturnType<typeof buildSite>>, options = {}) {
  const uncachedOut = path.join(await tempDir(), "output");
  const uncached = await buildSite(site, uncachedOut, false, options);
  expect(cached.exitCode).toBe(uncached.exitCode);
  expect(cached.diagnostics).toEqual(uncached.diagnostics);
  expect(cached.counts).toEqual(uncached.counts);
  expect(await treeDigest(cachedOut)).toEqual(await treeDigest(uncachedOut));
}

describe("a cached build", () => {
  let site: string;
  let cacheDir: string;
  beforeAll(async () => {
    site = await makeSite(24);
    cacheDir = path.join(await tempDir(), "cache");
  });

  it("writes the bytes of an uncached build, cold and then warm", async () => {
    const out = path.join(await tempDir(), "output");
    const cold = await buildSite(site, out, cacheDir);
    expect(cold.cache).toMatchObject({ enabled: true, hits: 0, misses: 27, rebuilt: false });
    expect(cold.counts).toMatchObject({ articles: 27, published: 25, drafts: 1, scheduled: 1, warnings: 1 });
    await expectSameAsUncached(site, out, cold);

    const warm = await buildSite(site, out, cacheDir);
    expect(warm.cache).toMatchObject({ hits: 27, misses: 0 });
    expect(warm.written).toEqual([]);
    expect(warm.unchanged).toEqual(cold.written);
    await expectSameAsUncached(site, out, warm);
  });

  it("renders from cached bodies into another output folder", async () => {
    const out = path.join(await tempDir(), "elsewhere");
    const result = await buildSite(site, out, cacheDir);
    expect(result.cache.misses).toBe(0);
    expect(result.written.length).toBeGreaterThan(0);
    await expectSameAsUncached(site, out, result);
  });
});

type Change = (site: string) => Promise<void>;
const generatedFile = async (site: string, index: number) => path.join(articlesOf(site), (await generatedNames(site))[index]!);
const editConfig = async (site: string, change: (config: Record<string, unknown>) => void) => {
  const file = path.join(site, "wirefeed.config.json");
  const config = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  change(config);
  await writeFile(file, JSON.stringify(config));
};

describe("after a change, a cached build still writes the bytes of an uncached one", () => {
  // Each row: the change, and how many articles the next build must prepare anew ("all" when every key changed).
  it.each<[string, Change, number | "all"]>([
    // Articles
    [
      "one body edited",
      async (site) => writeFile(await generatedFile(site, 3), `${await readFile(await generatedFile(site, 3), "utf8")}\nA new closing line.\n`),
      1,
    ],
    [
      "one title edited",
      async (site) => {
        const file = await generatedFile(site, 5);
        await writeFile(file, (await readFile(file, "utf8")).replace(/^title: .*$/m, 'title: "A new title"'));
      },
      1,
    ],
    ["one deleted", async (site) => rm(await generatedFile(site, 7)), 0],
    ["one renamed (a new slug)", async (site) => rename(await generatedFile(site, 2), (await generatedFile(site, 2)).replace(".md", "-renamed.md")), 1],
    [
      "one added",
      async (site) => {
        const added = (await generator()).article(500);
        await writeFile(path.join(articlesOf(site), added.name), added.text);
      },
      1,
    ],
    [
      "a draft published",
      async (site) => writeFile(path.join(articlesOf(site), "draft.md"), "---\ntitle: No longer a draft\ndate: 2020-01-01\n---\n\nPublished.\n"),
      1,
    ],
    ["one made invalid", async (site) => writeFile(await generatedFile(site, 1), "---\ntitle: [unclosed\n---\n\nBody.\n"), 1],
    // Config
    ["the title changed", (site) => editConfig(site, (config) => (config.title = "Another Desk")), "all"],
    ["the time zone changed", (site) => editConfig(site, (config) => (config.timeZone = "America/New_York")), "all"],
    ["the feed limit changed", (site) => editConfig(site, (config) => (config.feedLimit = 5)), "all"],
    // What items carry (issue 15): each changes items' bytes, so no kept item may serve.
    ["the lead figure turned off", (site) => editConfig(site, (config) => (config.feeds = { leadImageFigure: false })), "all"],
    ["tag feeds carry the full content", (site) => editConfig(site, (config) => (config.feeds = { tag: { content: "full" } })), "all"],
    ["a site author named", (site) => editConfig(site, (config) => (config.author = { name: "The Night Desk" })), "all"],
  ])("%s", async (_name, change, misses) => {
    const site = await makeSite(12);
    const { cacheDir, out } = await freshFolders();
    await buildSite(site, out, cacheDir);
    await change(site);
    const options = { keepGoing: true, allowRemovals: true };
    const result = await buildSite(site, out, cacheDir, options);
    expect(result.cache.misses).toBe(misses === "all" ? result.counts.articles : misses);
    await expectSameAsUncached(site, out, result, options);
  });

  it("a scheduled article that falls due is rendered then", async () => {
    const site = await makeSite(6);
    const { cacheDir, out } = await freshFolders();
    expect((await buildSite(site, out, cacheDir)).counts.scheduled).toBe(1);
    const later = { now: "2027-07-01T00:00:00Z" };
    const result = await buildSite(site, out, cacheDir, later);
    expect(result.counts.scheduled).toBe(0);
    expect(result.cache.misses).toBe(1);
    await expectSameAsUncached(site, out, result, later);
    // The cache now holds its body: the next build renders nothing.
    expect((await buildSite(site, out, cacheDir, later)).cache.misses).toBe(0);
  });
});

describe("what the cache remembers of the previous output is used only while that output is as it was left", () => {
  const editOne = async (site: string) => writeFile(await generatedFile(site, 4), `${await readFile(await generatedFile(site, 4), "utf8")}\nAn edit.\n`);

  // The edited article (2010) and the others share archive/2010.json; archive.json, when on, holds them all.
  it.each([
    ["the yearly JSON file", {}, "archive/2010.json"],
    ["archive.json", { outputs: { allJson: true, yearlyJson: true } }, "archive.json"],
  ])("copies unchanged records from the previous %s, to the bytes of an uncached build", async (_name, config, file) => {
    const site = await makeSite(12, config);
    const { cacheDir, out } = await freshFolders();
    await buildSite(site, out, cacheDir);
    await editOne(site);
    const result = await buildSite(site, out, cacheDir);
    expect(result.written).toContain(file);
    await expectSameAsUncached(site, out, result);
  });

  it("serializes the records again when a yearly JSON file was changed behind its back, even to the same size", async () => {
    const site = await makeSite(12);
    const { cacheDir, out } = await freshFolders();
    await buildSite(site, out, cacheDir);
    const archive = path.join(out, "archive/2010.json");
    // Still a readable archive of the same articles (the removal guard reads it), with every record's text altered.
    const altered = (await readFile(archive, "utf8")).replaceAll(/("content_text":")([A-Za-z])/g, (_, key, letter) => `${key}${letter === "X" ? "Y" : "X"}`);
    expect(altered.length).toBe((await readFile(archive, "utf8")).length);
    await writeFile(archive, altered);
    await editOne(site);
    const result = await buildSite(site, out, cacheDir);
    await expectSameAsUncached(site, out, result);
  });

  it.each([
    ["from the cache's list while the archive is as it was left", async () => {}, "articles-removed"],
    ["from the archive once its manifest changed", async (manifest: string) => writeFile(manifest, "not an archive"), "previous-archive-unreadable"],
  ])("the removal guard takes the previous articles %s", async (_name, damage, rule) => {
    const site = await makeSite(8);
    const { cacheDir, out } = await freshFolders();
    await buildSite(site, out, cacheDir);
    await rm(await generatedFile(site, 2));
    await damage(path.join(out, "archive/index.json"));
    const result = await buildSite(site, out, cacheDir);
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.rule)).toEqual([rule]);
  });
});

const bodyFiles = async (cacheDir: string) => {
  const entries = await readdir(path.join(cacheDir, "articles"), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
};

describe("a cache that cannot be trusted is rebuilt, never used", () => {
  const manifest = (cacheDir: string) => path.join(cacheDir, "manifest.bin");
  it.each<[string, (cacheDir: string) => Promise<void>]>([
    ["a truncated manifest", async (cacheDir) => truncate(manifest(cacheDir), 100)],
    ["an empty manifest", async (cacheDir) => writeFile(manifest(cacheDir), "")],
    [
      "a manifest with one byte flipped",
      async (cacheDir) => {
        const bytes = await readFile(manifest(cacheDir));
        bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
        await writeFile(manifest(cacheDir), bytes);
      },
    ],
    ["a foreign file as the manifest", async (cacheDir) => writeFile(manifest(cacheDir), JSON.stringify({ prefix: "x", articles: {} }))],
  ])("%s", async (_name, damage) => {
    const site = await makeSite(8);
    const { cacheDir, out } = await freshFolders();
    await buildSite(site, out, cacheDir);
    await damage(cacheDir);
    const rebuilt = await buildSite(site, out, cacheDir);
    expect(rebuilt.cache).toMatchObject({ rebuilt: true, hits: 0, misses: 11 });
    await expectSameAsUncached(site, out, rebuilt);
    const after = await buildSite(site, out, cacheDir);
    expect(after.cache).toMatchObject({ rebuilt: false, hits: 11, misses: 0 });
  });

  it.each<[string, (file: string, other: string) => Promise<void>]>([
    ["a truncated body", async (file) => truncate(file, 40)],
    [
      "a body with one byte flipped",
      async (file) => {
        const bytes = await readFile(file);
        bytes.writeUInt8(bytes.readUInt8(bytes.length - 5) ^ 0x01, bytes.length - 5);
        await writeFile(file, bytes);
      },
    ],
    ["another article's body in its place", async (file, other) => writeFile(file, await readFile(other))],
    ["a deleted body", async (file) => rm(file)],
  ])("%s", async (_name, damage) => {
    const site = await makeSite(8);
    const cacheDir = path.join(await tempDir(), "cache");
    await buildSite(site, path.join(await tempDir(), "output"), cacheDir);
    const [file, other] = await bodyFiles(cacheDir);
    const intact = await readFile(file!);
    await damage(file!, other!);
    // A new output folder, so that the bodies are read.
    const out = path.join(await tempDir(), "output");
    const result = await buildSite(site, out, cacheDir);
    await expectSameAsUncached(site, out, result);
    expect(await readFile(file!)).toEqual(intact);
  });

  it("a damaged shard of the manifest costs only its own articles", async () => {
    const site = await makeSite(12);
    const { cacheDir, out } = await freshFolders();
    await buildSite(site, out, cacheDir);
    const shards = (await readdir(cacheDir)).filter((name) => /^articles-[0-9a-f]\.bin$/.test(name)).sort();
    expect(shards).toHaveLength(16);
    // The biggest shard holds at least one of the 15 articles.
    const sizes = await Promise.all(shards.map(async (name) => (await stat(path.join(cacheDir, name))).size));
    const damaged = path.join(cacheDir, shards[sizes.indexOf(Math.max(...sizes))]!);
    const bytes = await readFile(damaged);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0x20, bytes.length - 3);
    await writeFile(damaged, bytes);
    const result = await buildSite(site, out, cacheDir);
    expect(result.cache.misses).toBeGreaterThan(0);
    expect(result.cache.hits).toBeGreaterThan(0);
    expect(result.cache.rebuilt).toBe(false);
    await expectSameAsUncached(site, out, result);
  });

  it("a build that changed one article rewrites at most the two shards of its old and new keys", async () => {
    const site = await makeSite(12);
    const { cacheDir, out } = await freshFolders();
    await buildSite(site, out, cacheDir);
    const shardStamps = async () => {
      const names = (await readdir(cacheDir)).filter((name) => name.startsWith("articles-")).sort();
      return Promise.all(names.map(async (name) => `${name} ${(await stat(path.join(cacheDir, name))).ino}`));
    };
    const before = await shardStamps();
    const file = await generatedFile(site, 6);
    await writeFile(file, `${await readFile(file, "utf8")}\nOne more line.\n`);
    await buildSite(site, out, cacheDir);
    const after = await shardStamps();
    expect(after).toHaveLength(16);
    expect(after.filter((shard) => !before.includes(shard)).length).toBeLessThanOrEqual(2);
  });

  it("deletes the bodies of the old config's articles once the config changed", async () => {
    const site = await makeSite(6);
    const { cacheDir, out } = await freshFolders();
    await buildSite(site, out, cacheDir);
    const before = await bodyFiles(cacheDir);
    await editConfig(site, (config) => (config.title = "Another Desk"));
    await buildSite(site, out, cacheDir);
    const after = await bodyFiles(cacheDir);
    expect(after).toHaveLength(before.length);
    expect(after.filter((file) => before.includes(file))).toEqual([]);
  });

  it("deletes the file (body and feed items) of articles that are gone", async () => {
    const site = await makeSite(6);
    const { cacheDir, out } = await freshFolders();
    await buildSite(site, out, cacheDir);
    const before = await bodyFiles(cacheDir);
    await rm(await generatedFile(site, 0));
    await buildSite(site, out, cacheDir);
    const after = await bodyFiles(cacheDir);
    expect(after.length).toBe(before.length - 1);
    expect(after.filter((file) => !before.includes(file))).toEqual([]);
  });
});

describe("a file's stamp stands for its bytes only while nothing touched it", () => {
  // Stamps are trusted only for files left alone for two seconds; the build's clock moves a minute on instead of waiting.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 60_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const sameSizeEdit = async (file: string) => {
    const text = await readFile(file, "utf8");
    const before = await stat(file);
    // Same length, same modification time: only the change time and the bytes tell.
    await writeFile(file, text.replace(/\bthe\b/, "THE"));
    await utimes(file, before.atime, before.mtime);
  };

  it.each<[string, (file: string) => Promise<void>, number]>([
    ["untouched", async () => {}, 0],
    ["edited to the same size, with its modification time put back", sameSizeEdit, 1],
    [
      "replaced by a new file with the same bytes but one",
      async (file) => {
        const text = await readFile(file, "utf8");
        await writeFile(`${file}.new`, text.replace(/\bthe\b/, "THE"));
        await rename(`${file}.new`, file);
      },
      1,
    ],
  ])("%s", async (_name, change, misses) => {
    const site = await makeSite(8);
    const { cacheDir, out } = await freshFolders();
    await buildSite(site, out, cacheDir);
    // The first build read every file; the second knows them all by their stamps.
    const warm = await buildSite(site, out, cacheDir);
    expect(warm.cache).toMatchObject({ hits: 11, stamped: 11, misses: 0 });
    await change(await generatedFile(site, 3));
    const result = await buildSite(site, out, cacheDir);
    expect(result.cache).toMatchObject({ hits: 11 - misses, stamped: 11 - misses, misses });
    await expectSameAsUncached(site, out, result);
  });

  it("a file written within the last two seconds is read, not trusted by its stamp", async () => {
    vi.useRealTimers();
    const site = await makeSite(4);
    const { cacheDir, out } = await freshFolders();
    await buildSite(site, out, cacheDir);
    // Written again with the same bytes just now, however long the first build took.
    for (const name of await readdir(articlesOf(site))) {
      const file = path.join(articlesOf(site), name);
      await writeFile(file, await readFile(file));
    }
    const warm = await buildSite(site, out, cacheDir);
    expect(warm.cache).toMatchObject({ hits: 7, stamped: 0 });
  });
});
