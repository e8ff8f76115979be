import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { readOutput, repoRoot, tempDir, readArchive } from "../helpers/build.js";

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

/** What each site may warn about, and nothing else: template syntax with no plain rendering, and JavaScript front matter. */
const expectedWarnings: Record<string, string[]> = {
  "hugo-papermod": [
    "content/posts/audio-video.md:18:1 template-syntax",
    "content/posts/audio-video.md:42:1 template-syntax",
    "content/posts/emoji-support.md:34:1 template-syntax",
    "content/posts/math-typesetting.md:32:1 template-syntax",
    "content/posts/math-typesetting.md:44:1 template-syntax",
    "content/posts/papermod/papermod-installation.md:22:106 template-syntax",
    "content/posts/papermod/papermod-installation.md:25:19 template-syntax",
    "content/posts/papermod/papermod-installation.md:40:6 template-syntax",
    "content/posts/papermod/papermod-installation.md:59:6 template-syntax",
    "content/posts/papermod/papermod-installation.md:79:6 template-syntax",
    "content/posts/papermod/papermod-installation.md:95:6 template-syntax",
    "content/posts/rich-content.md:24:1 template-syntax",
    "content/posts/rich-content.md:30:1 template-syntax",
    "content/posts/rich-content.md:36:1 template-syntax",
  ],
  "jekyll-minima": [],
  "eleventy-base-blog": ["content/blog/fifthpost.md:1:4 executable-front-matter"],
  "astro-blog": ["src/content/blog/using-mdx.mdx:21:1 template-syntax", "src/content/blog/using-mdx.mdx:23:1 template-syntax"],
};

/** Text that must (and must not) reach readers: what the tool renders, and never the template syntax itself. */
const bodies: Record<string, { url: string; has: string[]; lacks: string[] }[]> = {
  "hugo-papermod": [
    { url: "/hugo-PaperMod/posts/code_syntax/", has: ['<code class="language-html">'], lacks: ["{{&#x3C; highlight", "{{< highlight"] },
    { url: "/hugo-PaperMod/posts/rich-content/", has: ['href="https://www.youtube.com/watch?v=hjD9jTi_DQ4"'], lacks: ["{{&#x3C;", "instagram DBHw3t6A6a4"] },
    { url: "/hugo-PaperMod/posts/math-typesetting/", has: [], lacks: [".Page.Params.math", "math.inline"] },
    {
      url: "/hugo-PaperMod/posts/papermod/papermod-installation/",
      has: ["git clone https://github.com/adityatelange/hugo-PaperMod"],
      lacks: ["collapse", "inTextImg"],
    },
  ],
  "jekyll-minima": [
    { url: "/minima/2016/05/20/welcome-to-jekyll.html", has: ['<code class="language-ruby">=begin'], lacks: ["{%", "endhighlight"] },
    { url: "/minima/2016/05/20/my-example-post.html", has: [], lacks: ["my-themes-great-include", "{%"] },
    // `raw` keeps the Liquid inside as the text Jekyll shows.
    {
      url: "/minima/2016/05/19/codeblocks-ahoy.html",
      has: ["{% assign foo = page.foo | bar: 'baz' %}", "{{ foo }}", '<code class="language-html">'],
      lacks: ["{% raw %}", "linenos"],
    },
  ],
  "eleventy-base-blog": [],
  "astro-blog": [{ url: "/blog/using-mdx/", has: ["Embedded component in MDX"], lacks: ["import HeaderLink", "HeaderLink", "onclick"] }],
};

interface Item {
  title: string;
  date_published: string;
  url: string;
  content_html?: string;
}

const listed = (items: { title: string; date: string; url: string }[]) =>
  items.map((item) => ({ title: item.title, date: new Date(item.date).toISOString(), path: pathOf(item.url) })).sort((a, b) => (a.path < b.path ? -1 : 1));

describe.each(sites)("the %s site", (name) => {
  it("publishes in its feed and archive every post the tool publishes, with its title, date and URL path, and no other", async () => {
    const { expected, result, out } = await buildSite(name);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual(expectedWarnings[name]);
    const want = listed(expected.posts.filter((post) => post.in_default_build).map((post) => ({ ...post, url: post.permalink })));
    const feed = JSON.parse(await readOutput(out, "feed.json"));
    expect(listed(feed.items.map((item: Item) => ({ ...item, date: item.date_published })))).toEqual(want);
    const archive = (await readArchive(out)).articles as Item[];
    expect(listed(archive.map((item: Item) => ({ ...item, date: item.date_published })))).toEqual(want);
    for (const { url, has, lacks } of bodies[name]!) {
      const html = feed.items.find((item: Item) => pathOf(item.url) === url)?.content_html as string;
      for (const text of has) expect(html).toContain(text);
      for (const text of lacks) expect(html).not.toContain(text);
    }
  });

  it("is read through its tool's profile, found by auto, and finds exactly the tool's post files", async () => {
    const { expected, result } = await buildSite(name);
    expect(result.exitCode).toBe(0);
    expect(result.counts.articles).toBe(expected.posts.length);
  });
});

/** The config the README gives for building beside a tool: the JSON block of "Feeds for a Hugo, Jekyll, Eleventy or Astro site". */
async function readmeConfig(): Promise<Record<string, unknown>> {
  const readme = await readFile(path.join(repoRoot, "README.md"), "utf8");
  const block = /with the tool's output folder as `--out`[\s\S]*?```json\n([\s\S]*?)\n```/.exec(readme)?.[1];
  return JSON.parse(block ?? "null") as Record<string, unknown>;
}

// The README's recipe, `<tool build> && wirefeed build --out <the tool's folder>`, with the README's config.
describe.each([
  ["hugo-papermod", "public"],
  ["jekyll-minima", "_site"],
  ["eleventy-base-blog", "_site"],
  ["astro-blog", "dist"],
])("the %s site, built as the README says, into %s after its tool", (name, outFolder) => {
  it("adds wirefeed's feeds beside the tool's pages and leaves those pages as they were", async () => {
    const site = await tempDir();
    await cp(path.join(repoRoot, "tests/fixtures/sites", name), site, { recursive: true });
    await writeFile(path.join(site, "wirefeed.config.json"), JSON.stringify(await readmeConfig()));
    // What the tool's build left there: its front page and one page of its own.
    const out = path.join(site, outFolder);
    const toolPages = { "index.html": "<!doctype html><title>the tool's front page</title>", "about/index.html": "<p>the tool's about page</p>" };
    for (const [file, text] of Object.entries(toolPages)) {
      await mkdir(path.dirname(path.join(out, file)), { recursive: true });
      await writeFile(path.join(out, file), text);
    }
    const result = await build({ cwd: site, out, now: "2026-12-01T20:31:29Z", cacheDir: false, workers: 1 });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(await readOutput(out, "feed.json")).items.length).toBeGreaterThan(0);
    for (const [file, text] of Object.entries(toolPages)) expect(await readOutput(out, file)).toBe(text);
  });
});
