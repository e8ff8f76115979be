// What the build writes is a choice in the config (`outputs`), with defaults that keep a
// newsroom's site hostable, and `maxOutputBytes` refuses an output that would not be.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkAtom, checkJsonFeed, checkRss, checkXmlWellFormed } from "../support/validate.js";
import { corpusConfig, corpusNow, siteUrl, writeCorpus } from "./corpus.js";

async function buildWith(dir: string, config: Record<string, unknown>) {
  await writeFile(path.join(dir, "wirefeed.config.json"), JSON.stringify(config, null, 2));
  const { build } = await import("../../src/index.js");
  return build({ cwd: dir, now: corpusNow, cacheDir: path.join(dir, "cache") });
}

async function listFiles(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

const { outputs: _all, ...defaults } = corpusConfig;

describe("the default outputs", () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = await writeCorpus(60);
    const result = await buildWith(dir, defaults);
    expect(result.diagnostics).toEqual([]);
    files = await listFiles(path.join(dir, "output"));
  });

  it("are the yearly JSON files, the archive pages and tag feeds, without archive.json, NDJSON files or gzip twins", () => {
    expect(files).toContain("archive/2019.json");
    expect(files).not.toContain("archive.json");
    expect(files.filter((file) => file.endsWith(".ndjson") || file.endsWith(".gz"))).toEqual([]);
    expect(files).toContain("feeds/archive/atom/1.xml");
    expect(files).toContain("tags/index.json");
  });

  it("list in the manifest only the downloads there are, which hold every article once", async () => {
    const manifest = JSON.parse(await readFile(path.join(dir, "output", "archive/index.json"), "utf8"));
    const listed = manifest.files as { path: string; count: number }[];
    expect(listed.map((entry) => entry.path)).toEqual(files.filter((file) => /^archive\/\d{4}\.json$/.test(file)).sort());
    expect(listed.reduce((sum, entry) => sum + entry.count, 0)).toBe(manifest.count);
    expect(manifest.count).toBe(60);
  });

  it("give tag feeds that carry summaries, valid in every format", async () => {
    const tag = files.find((file) => file.startsWith("tags/") && file.endsWith("/feed.xml"))!;
    const folder = path.join(dir, "output", path.dirname(tag));
    const [rss, atom, json] = ["feed.xml", "atom.xml", "feed.json"].map((name) => path.join(folder, name)) as [string, string, string];
    expect([...checkXmlWellFormed([rss, atom]), ...checkRss(rss, siteUrl(tag)), ...checkAtom(atom), ...checkJsonFeed(json)]).toEqual([]);
    // No body in a summary item: an item with a lead image carries the figure and the summary (issue 15), one without carries the summary alone.
    const items = JSON.parse(await readFile(json, "utf8")).items as { summary: string; image?: string; content_text?: string; content_html?: string }[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      if (item.image === undefined) expect(item).toMatchObject({ content_text: item.summary });
      else expect(item.content_html).toMatch(/^<figure><img src="[^"]+" alt="[^"]*">.*<\/figure>\n<p>[^<]*<\/p>$/s);
    }
    const rssText = await readFile(rss, "utf8");
    const withImage = items.filter((item) => item.image !== undefined).length;
    expect(rssText.split("<content:encoded>").length - 1).toBe(withImage);
    expect((await readFile(atom, "utf8")).split('<content type="html">').length - 1).toBe(withImage);
    // The subscription feeds keep the full content.
    expect(await readFile(path.join(dir, "output", "feed.xml"), "utf8")).toContain("<content:encoded>");
  });
});

describe("outputs switched off", () => {
  it("cannot be every archive download: the config error names the outputs", async () => {
    const dir = await writeCorpus(3);
    const result = await buildWith(dir, { ...defaults, outputs: { yearlyJson: false } });
    expect(result.exitCode).toBe(2);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        rule: "invalid-config-value",
        file: "wirefeed.config.json",
        message: expect.stringMatching(/outputs.*every archive download/),
      }),
    ]);
    expect((await readdir(dir)).includes("output")).toBe(false);
  });

  it("leave out archive pages and tag feeds, and link to no archive page", async () => {
    const dir = await writeCorpus(40);
    const result = await buildWith(dir, { ...defaults, outputs: { archivePages: false, tagFeeds: "off" } });
    expect(result.diagnostics).toEqual([]);
    const files = await listFiles(path.join(dir, "output"));
    // The tag pages stay (pages are another switch), without the feeds that are not there.
    const tagFeeds = files.filter((file) => file.startsWith("tags/") && !file.endsWith(".html"));
    expect(files.filter((file) => file.startsWith("feeds/") || file === "archive/all.ndjson")).toEqual([]);
    expect(tagFeeds).toEqual([]);
    for (const page of files.filter((file) => file.startsWith("tags/")))
      expect(await readFile(path.join(dir, "output", page), "utf8")).not.toMatch(
        /tags\/[^"\s]*\/(feed\.xml|feed\.json|atom\.xml)|href="(feed\.xml|feed\.json|atom\.xml)"/,
      );
    expect(await readFile(path.join(dir, "output", "feed.xml"), "utf8")).not.toContain("prev-archive");
    expect(JSON.parse(await readFile(path.join(dir, "output", "feed.json"), "utf8")).next_url).toBeUndefined();
  });
});

describe("maxOutputBytes", () => {
  it("fails a build whose output is larger, with the rule and a hint, and leaves the previous output as it was", async () => {
    const dir = await writeCorpus(30);
    expect((await buildWith(dir, defaults)).exitCode).toBe(0);
    const out = path.join(dir, "output");
    const before = await readFile(path.join(out, "archive/2019.json"));
    const beforeFiles = await listFiles(out);

    const result = await buildWith(dir, { ...defaults, title: "A retitled desk", maxOutputBytes: 100_000 });
    expect(result.exitCode).toBe(2);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ rule: "output-too-large", severity: "error", file: "wirefeed.config.json", hint: expect.stringContaining('"outputs"') }),
    ]);
    expect(result.diagnostics[0]!.message).toMatch(/over maxOutputBytes \(0\.1 MB\)/);
    expect(result.counts).toMatchObject({ errors: 1, warnings: 0 });
    // At the limit's key in the config.
    const configLines = (await readFile(path.join(dir, "wirefeed.config.json"), "utf8")).split("\n");
    expect(result.diagnostics[0]).toMatchObject({ line: configLines.findIndex((line) => line.includes('"maxOutputBytes"')) + 1, column: 3 });
    expect(await readFile(path.join(out, "archive/2019.json"))).toEqual(before);
    expect(await listFiles(out)).toEqual(beforeFiles);
    expect((await readdir(dir)).filter((name) => name.startsWith(".output."))).toEqual([]);
  });

  it("lets a build as large as the limit through", async () => {
    const dir = await writeCorpus(30);
    expect((await buildWith(dir, defaults)).exitCode).toBe(0);
    const files = await listFiles(path.join(dir, "output"));
    const sizes = await Promise.all(files.map(async (file) => (await readFile(path.join(dir, "output", file))).length));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    // The same build again, limited to its own size: the state file and the manifest stay the same size too.
    const result = await buildWith(dir, { ...defaults, maxOutputBytes: total });
    expect(result.diagnostics).toEqual([]);
  });
});
