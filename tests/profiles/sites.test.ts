import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { readOutput, repoRoot, tempDir } from "../helpers/build.js";

/** A post as the tool itself listed it (expected.json, made by running the tool). */
interface ToolPost {
  source: string;
  title: string;
  date: string;
  permalink: string;
  in_default_build: boolean;
}

interface Expected {
  tool: string;
  built_at: string;
  base_url: string;
  posts: ToolPost[];
}

/** The site URL wirefeed is configured with: the tool's own, or an example host where the tool has only a path. */
const siteUrl = (expected: Expected): string => (/^https?:/.test(expected.base_url) ? expected.base_url : "https://example.com/");

const sites = ["hugo-papermod", "jekyll-minima", "eleventy-base-blog", "astro-blog"];

/** Copies a site from tests/fixtures/sites, adds a wirefeed config and builds it as the tool's default build would, at the tool's build time. */
async function buildSite(name: string, config: Record<string, unknown> = {}) {
  const folder = path.join(repoRoot, "tests/fixtures/sites", name);
  const expected = JSON.parse(await readFile(path.join(folder, "expected.json"), "utf8")) as Expected;
  const site = await tempDir();
  await cp(folder, site, { recursive: true });
  await writeFile(path.join(site, "wirefeed.config.json"), JSON.stringify({ profile: "auto", url: siteUrl(expected), title: name, ...config }));
  const result = await build({ cwd: site, out: path.join(site, "wirefeed-out"), now: expected.built_at, cacheDir: false, workers: 1 });
  return { expected, result, out: path.join(site, "wirefeed-out") };
}

const pathOf = (url: string): string => new URL(url, "https://example.com/").pathname;

describe.each(sites)("the %s site", (name) => {
  it("publishes every post the tool publishes, with its title, date and URL path, and no other", async () => {
    const { expected, result, out } = await buildSite(name);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const published = expected.posts.filter((post) => post.in_default_build);
    const want = published
      .map((post) => ({ title: post.title, date: new Date(post.date).toISOString(), path: pathOf(post.permalink) }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    const feed = JSON.parse(await readOutput(out, "feed.json"));
    const items = feed.items
      .map((item: { title: string; date_published: string; url: string }) => ({
        title: item.title,
        date: new Date(item.date_published).toISOString(),
        path: pathOf(item.url),
      }))
      .sort((a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1));
    expect(items).toEqual(want);
    console.log(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} [${d.rule}]`).join("\n"));
  });
});
