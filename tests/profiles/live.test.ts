import { execFileSync } from "node:child_process";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { readOutput, repoRoot, tempDir } from "../helpers/build.js";

/** A page as the tool itself lists it, dumped by a template the test adds to the site. */
interface Listed {
  source: string;
  title: string;
  date: string;
  url: string;
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Builds the site with wirefeed at `now` and lists its feed's items as the tool's pages are listed. */
async function wirefeedItems(site: string, url: string, now: string) {
  await writeFile(path.join(site, "wirefeed.config.json"), JSON.stringify({ profile: "auto", url }));
  const out = path.join(site, "wirefeed-out");
  const result = await build({ cwd: site, out, now, cacheDir: false, workers: 1 });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const feed = JSON.parse(await readOutput(out, "feed.json"));
  return feed.items
    .map((item: { title: string; date_published: string; url: string }) => ({
      title: item.title,
      date: new Date(item.date_published).toISOString(),
      path: new URL(item.url).pathname,
    }))
    .sort(byPath);
}

const write = async (root: string, files: Record<string, string>) => {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
};

/** Regular pages of the main sections, as Hugo itself lists them. */
const hugoDump = `[{{ range $i, $p := where (where .Site.AllPages "Kind" "page") "Section" "in" .Site.Params.mainSections }}{{ if $i }},{{ end }}{"source": {{ $p.File.Path | jsonify }}, "title": {{ $p.Title | jsonify }}, "date": {{ $p.Date.Format "2006-01-02T15:04:05Z07:00" | jsonify }}, "url": {{ $p.RelPermalink | jsonify }}}{{ end }}]`;

async function runHugo(site: string, config: string): Promise<Listed[]> {
  await write(site, { "layouts/index.json": hugoDump });
  const out = path.join(site, "hugo-out");
  execFileSync("hugo", ["--quiet", "--source", site, "--destination", out, "--config", config], { env: { ...process.env, TZ: "UTC" }, stdio: "pipe" });
  return JSON.parse(await readFile(path.join(out, "index.json"), "utf8"));
}

/** Every post of the site, as Jekyll itself lists them (site.posts leaves out what a build leaves out). */
const jekyllDump = `---
layout: null
---
[{% for post in site.posts %}{"source": {{ post.path | jsonify }}, "title": {{ post.title | jsonify }}, "date": {{ post.date | date_to_xmlschema | jsonify }}, "url": {{ post.url | prepend: site.baseurl | jsonify }}}{% unless forloop.last %},{% endunless %}{% endfor %}]
`;

async function runJekyll(site: string, extraConfig: string): Promise<Listed[]> {
  await write(site, {
    "live-dump.json": jekyllDump,
    "live-override.yml": `plugins: []\nremote_theme: null\nexclude: [wirefeed-out, wirefeed.config.json, node_modules]\n${extraConfig}`,
  });
  const out = path.join(site, "jekyll-out");
  execFileSync(
    "jekyll",
    ["build", "--quiet", "--source", site, "--destination", out, "--config", `${path.join(site, "_config.yml")},${path.join(site, "live-override.yml")}`],
    {
      env: { ...process.env, TZ: "UTC" },
      stdio: "pipe",
    },
  );
  return JSON.parse(await readFile(path.join(out, "live-dump.json"), "utf8"));
}

const asItems = (listed: Listed[]) => listed.map((page) => ({ title: page.title, date: new Date(page.date).toISOString(), path: page.url })).sort(byPath);

/** Pages that use what the profiles map, beyond what the shared sites show. */
const hugoSite = {
  "hugo.toml": `baseURL = "https://example.org/blog/"\ntitle = "Live"\n[outputs]\n  home = ["HTML", "JSON"]\n[permalinks]\n  notes = "/:year/:month/:slug/"\n[params]\n  mainSections = ["posts", "notes"]\n[languages.en]\n  weight = 1\n[languages.de]\n  weight = 2\n`,
  "content/posts/toml.md": "+++\ntitle = 'TOML front matter'\ndate = 2024-02-02T04:14:54-08:00\ntags = ['a']\n+++\nBody.\n",
  "content/posts/json.md": '{\n  "title": "JSON front matter",\n  "date": "2024-03-01"\n}\nBody.\n',
  "content/posts/bundle-one/index.md": "---\ntitle: Bundle one\ndate: 2024-04-01\n---\nOne.\n",
  "content/posts/bundle-two/index.md": "---\ntitle: Bundle two\ndate: 2024-04-01\n---\nTwo.\n",
  "content/posts/bundle-two/notes.md": "---\ntitle: A resource, not a page\n---\n",
  "content/posts/Mixed Case Name.md": "---\ntitle: Mixed case\ndate: 2024-05-01\n---\n",
  "content/posts/slugged.md": "---\ntitle: Slugged\nslug: my-first-post\ndate: 2024-05-02\n---\n",
  "content/posts/urled.md": "---\ntitle: With url\nurl: /articles/my-first-article\ndate: 2024-05-03\n---\n",
  "content/posts/published.md": "---\ntitle: Only publishDate\npublishDate: 2024-05-04T10:00:00Z\n---\n",
  "content/posts/draft.md": "---\ntitle: Draft\ndate: 2024-05-05\ndraft: true\n---\n",
  "content/posts/expired.md": "---\ntitle: Expired\ndate: 2024-05-06\nexpiryDate: 2024-06-01\n---\n",
  "content/posts/future.md": "---\ntitle: Future\ndate: 2099-01-01\n---\n",
  "content/posts/embargoed.md": "---\ntitle: Embargoed\ndate: 2024-05-08\npublishDate: 2099-01-01\n---\n",
  "content/posts/was-embargoed.md": "---\ntitle: Was embargoed\ndate: 2024-05-08\npublishDate: 2024-05-09\n---\n",
  "content/posts/translated.md": "---\ntitle: Translated\ndate: 2024-05-07\n---\n",
  "content/posts/translated.de.md": "---\ntitle: Übersetzt\ndate: 2024-05-07\n---\n",
  "content/posts/_index.md": "---\ntitle: Posts\n---\n",
  "content/notes/dated.md": "---\ntitle: Permalink pattern\ndate: 2023-02-28\n---\n",
  "content/about.md": "---\ntitle: About\ndate: 2024-01-01\n---\n",
};

const jekyllSite = {
  "_config.yml": "baseurl: /site\ntitle: Live\n",
  "_posts/2016-05-19-untitled-post.md": "---\nlayout: post\n---\nNo title.\n",
  "_posts/2016-05-20-welcome-to-jekyll.md":
    "---\nlayout: post\ntitle: Welcome to Jekyll!\ndate: 2016-05-20 21:00:00 +0200\ncategories: jekyll update\n---\nBody.\n",
  "_posts/2016-05-21-listed.md": "---\ntitle: Listed categories\ncategories: [News, World Affairs]\ntags: one two\n---\n",
  "_posts/2016-05-22-unpublished.md": "---\ntitle: Unpublished\npublished: false\n---\n",
  "_posts/2016-05-23-own-permalink.md": "---\ntitle: Own permalink\npermalink: /custom/:title/\n---\n",
  "_posts/2099-01-01-future.md": "---\ntitle: Future\n---\n",
  "_posts/not-a-post.md": "---\ntitle: No date in the name\n---\n",
  "_drafts/a-draft.md": "---\ntitle: A draft\n---\n",
  "blog/_posts/2016-05-24-in-a-category-folder.md": "---\ntitle: In a category folder\n---\n",
  "about.md": "---\ntitle: About\n---\n",
};

describe("the tool itself and wirefeed agree on every post, built live", () => {
  it("Hugo on the PaperMod example site", async () => {
    const site = await tempDir();
    await cp(path.join(repoRoot, "tests/fixtures/sites/hugo-papermod"), site, { recursive: true });
    // The theme is left out of the fixture: its shortcodes are stubbed, the one pairing with a closing tag reads .Inner.
    const stubs = Object.fromEntries(["audio", "video", "inTextImg", "x", "instagram"].map((name) => [`layouts/shortcodes/${name}.html`, ""]));
    // Hugo is given the config without its theme line, under another name, so that wirefeed reads the original.
    const config = (await readFile(path.join(site, "config.yml"), "utf8")).replace(/^theme:.*$/m, "");
    await write(site, { ...stubs, "layouts/shortcodes/collapse.html": "{{ if false }}{{ .Inner }}{{ end }}", "live/hugo.yml": config });
    const tool = asItems(await runHugo(site, path.join(site, "live/hugo.yml")));
    expect(tool.length).toBeGreaterThan(5);
    expect(await wirefeedItems(site, "https://adityatelange.github.io/hugo-PaperMod/", new Date().toISOString())).toEqual(tool);
  });

  it("Hugo on a site with TOML and JSON front matter, bundles, slugs, urls, permalinks and languages", async () => {
    const site = await tempDir();
    await write(site, hugoSite);
    const tool = asItems(await runHugo(site, path.join(site, "hugo.toml")));
    expect(tool.map((page) => page.path)).toEqual(
      expect.arrayContaining(["/blog/posts/bundle-two/", "/blog/de/posts/translated/", "/blog/2023/02/permalink-pattern/"]),
    );
    expect(await wirefeedItems(site, "https://example.org/blog/", new Date().toISOString())).toEqual(tool);
  });

  it("Jekyll on the minima demo site", async () => {
    const site = await tempDir();
    await cp(path.join(repoRoot, "tests/fixtures/sites/jekyll-minima"), site, { recursive: true });
    const tool = asItems(await runJekyll(site, ""));
    expect(tool).toHaveLength(6);
    expect(await wirefeedItems(site, "https://example.com/", new Date().toISOString())).toEqual(tool);
  });

  it("Jekyll on a site with title-less, dated, categorized, unpublished and future posts", async () => {
    const site = await tempDir();
    await write(site, jekyllSite);
    const tool = asItems(await runJekyll(site, ""));
    expect(tool.map((page) => page.path)).toContain("/site/jekyll/update/2016/05/20/welcome-to-jekyll.html");
    expect(await wirefeedItems(site, "https://example.com/", new Date().toISOString())).toEqual(tool);
  });
});
