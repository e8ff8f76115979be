import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { detectProfile } from "../../src/build/stages/profiles/detect.js";
import { tempDir } from "../helpers/build.js";

const write = async (root: string, files: Record<string, string>) => {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
};

describe("discovery", () => {
  it('with "articles": ".", never enters node_modules, the output folder or the cache folder', async () => {
    const site = await tempDir();
    const article = "---\ntitle: A\ndate: 2024-01-01\n---\nBody.\n";
    await write(site, {
      "wirefeed.config.json": JSON.stringify({ url: "https://example.org/", articles: ".", out: "public", outShared: true }),
      "2024-01-01-a.md": article,
      "node_modules/pkg/README.md": "# A package\n",
      "public/old.md": article,
      ".cache/wirefeed/x.md": article,
      "build-cache/x.md": article,
    });
    const result = await build({ cwd: site, now: "2025-01-01T00:00:00Z", cacheDir: path.join(site, "build-cache") });
    expect([result.counts.articles, result.diagnostics]).toEqual([1, []]);
  });

  it.each([
    { files: { "hugo.toml": "" }, profile: "hugo" },
    { files: { "config.toml": "", "content/posts/a.md": "" }, profile: "hugo" },
    { files: { "config.yml": "", "content/posts/a.md": "" }, profile: "hugo" },
    { files: { "_config.yml": "", "content/posts/a.md": "" }, profile: "jekyll" },
    { files: { "_posts/2024-01-01-a.md": "" }, profile: "jekyll" },
    { files: { "eleventy.config.js": "" }, profile: "eleventy" },
    { files: { ".eleventy.js": "" }, profile: "eleventy" },
    { files: { "content/blog/blog.11tydata.json": "{}" }, profile: "eleventy" },
    { files: { "astro.config.mjs": "" }, profile: "astro" },
    { files: { "src/content/blog/a.md": "" }, profile: "astro" },
    { files: { "articles/a.md": "" }, profile: "wirefeed" },
  ])("auto names $profile from $files", async ({ files, profile }) => {
    const site = await tempDir();
    await write(site, files);
    expect(detectProfile(site)).toBe(profile);
  });

  it("reports a tool config that does not parse as a setup error at its line", async () => {
    const site = await tempDir();
    await write(site, {
      "wirefeed.config.json": JSON.stringify({ url: "https://example.org/", profile: "hugo" }),
      "hugo.toml": 'baseURL = "https://example.org/"\ntitle = \n',
    });
    const result = await build({ cwd: site, now: "2025-01-01T00:00:00Z", cacheDir: false });
    expect(result.exitCode).toBe(2);
    expect(result.diagnostics).toMatchObject([{ rule: "invalid-tool-config", file: "hugo.toml", line: 2 }]);
  });
});
