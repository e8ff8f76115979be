import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";
import { runNew } from "../../src/cli/import.js";
import { importArticles } from "../../src/import/import.js";
import { scaffoldText } from "../../src/import/scaffold.js";
import { build } from "../../src/index.js";
import { splitFrontMatter } from "../../src/build/stages/front-matter.js";
import { repoRoot, tempDir } from "../helpers/build.js";

const io = (cwd: string, now?: Date): CliIo & { now?: Date; out: string[]; err: string[] } => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, cwd, env: {}, stdout: (t) => out.push(t), stderr: (t) => err.push(t), ...(now ? { now } : {}) };
};

describe("wirefeed new", () => {
  it("names the file for today in the configured zone (Asia/Kolkata is already on the next day)", async () => {
    const dir = await tempDir("wirefeed-new-");
    await cp(path.join(repoRoot, "wirefeed.config.json"), path.join(dir, "wirefeed.config.json"));
    const cli = io(dir, new Date("2026-11-26T20:00:00Z"));
    expect(await runNew(["Iran Blames NATO Expansion"], cli)).toBe(0);
    expect(cli.out.join("")).toBe("articles/2026-11-27-iran-blames-nato-expansion.md\n");
  });

  it("writes every key: title, date and draft set, the optional ones commented, and builds as a draft", async () => {
    const dir = await tempDir("wirefeed-new-");
    await cp(path.join(repoRoot, "wirefeed.config.json"), path.join(dir, "wirefeed.config.json"));
    expect(await runNew(["Talks: Day #2"], io(dir, new Date("2026-11-26T00:00:00Z")))).toBe(0);
    const file = path.join(dir, "articles/2026-11-26-talks-day-2.md");
    const text = await readFile(file, "utf8");
    const split = splitFrontMatter(text);
    expect(split.ok && split.value.data).toEqual({ title: "Talks: Day #2", date: "2026-11-26", draft: true });
    for (const key of ["updated", "description", "author", "section", "tags", "image", "src", "alt", "caption", "credit", "slug", "id", "lang"])
      expect(text).toMatch(new RegExp(`^#\\s+${key}:`, "mu"));
    const asDraft = await build({ cwd: dir, out: path.join(dir, "output"), now: "2026-11-27T00:00:00Z", dryRun: true });
    // A site of one draft has empty feeds: the check says why, and how to publish (issue 15).
    expect([asDraft.exitCode, asDraft.diagnostics.map((d) => d.message), asDraft.counts.drafts]).toEqual([
      1,
      ["The site's feeds would have no items: every article is a draft (1)"],
      1,
    ]);
    await writeFile(file, text.replace(/^draft: true.*\n/mu, ""));
    const published = await build({ cwd: dir, out: path.join(dir, "output"), now: "2026-11-27T00:00:00Z" });
    expect([published.exitCode, published.diagnostics, published.counts.published]).toEqual([0, [], 1]);
  });

  it("each commented key, uncommented, is read by the build without a warning", async () => {
    const text = scaffoldText("Talks", "2026-11-26", "talks")
      .replace(/^# ?(\s*)(\w+):/gmu, "$1$2:")
      .replace(/^draft: true.*\n/mu, "");
    const dir = await tempDir("wirefeed-new-");
    await cp(path.join(repoRoot, "wirefeed.config.json"), path.join(dir, "wirefeed.config.json"));
    await mkdir(path.join(dir, "articles"));
    await writeFile(path.join(dir, "articles/2026-11-26-talks.md"), text);
    const result = await build({ cwd: dir, out: path.join(dir, "output"), now: "2026-11-27T00:00:00Z", dryRun: true });
    expect(result.diagnostics).toEqual([]);
  });

  it("never overwrites, and needs exactly one title", async () => {
    const dir = await tempDir("wirefeed-new-");
    const now = new Date("2026-11-26T12:00:00Z");
    expect(await runNew(["Talks"], io(dir, now))).toBe(0);
    const again = io(dir, now);
    expect(await runNew(["Talks"], again)).toBe(2);
    expect(again.err.join("")).toContain("already exists");
    expect(await main(["new"], io(dir))).toBe(2);
    expect(await main(["new", "!!!"], io(dir))).toBe(2);
  });
});

// In a tool's site the articles folder is the site's root, which neither the tool nor wirefeed reads
// posts from: a file written there would never be published.
describe.each([
  ["hugo-papermod", "content/posts"],
  ["jekyll-minima", "_posts"],
  ["eleventy-base-blog", "content/blog"],
  ["astro-blog", "src/content/blog"],
])("wirefeed new and import in the %s site", (name, posts) => {
  const site = async () => {
    const dir = await tempDir("wirefeed-new-");
    await cp(path.join(repoRoot, "tests/fixtures/sites", name), dir, { recursive: true });
    await writeFile(path.join(dir, "wirefeed.config.json"), JSON.stringify({ profile: "auto", url: "https://example.org/", title: "My site" }));
    return dir;
  };
  const now = new Date("2026-11-26T12:00:00Z");

  it(`refuse the site's root, write nothing, and name ${posts} in the hint`, async () => {
    const dir = await site();
    const before = await readdir(dir, { recursive: true });
    const cli = io(dir, now);
    expect(await runNew(["Talks"], cli)).toBe(2);
    expect(cli.err.join("")).toContain("[tool-site-root]");
    expect(cli.err.join("")).toContain(`--articles ${posts}`);
    const imported = await importArticles({ cwd: dir, inputs: [path.join(repoRoot, "tests/fixtures/seed/000_30e032a2b5043f8a.txt")] });
    expect([imported.exitCode, imported.diagnostics.map((d) => d.rule), imported.diagnostics[0]?.hint]).toEqual([
      2,
      ["tool-site-root"],
      `Pass --out with the folder of its posts, such as --out ${posts}.`,
    ]);
    expect(await readdir(dir, { recursive: true })).toEqual(before);
  });

  it("write into the folder of posts they are given", async () => {
    const dir = await site();
    const cli = io(dir, now);
    expect(await runNew(["Talks", "--articles", posts], cli)).toBe(0);
    expect(cli.out.join("")).toBe(`${posts}/2026-11-26-talks.md\n`);
    // Unpublished as the tool itself reads it, so that neither the tool nor wirefeed publishes it yet.
    const text = await readFile(path.join(dir, posts, "2026-11-26-talks.md"), "utf8");
    expect(text).toMatch(name.startsWith("jekyll") ? /^published: false +#/m : /^draft: true +#/m);
    expect(text).not.toMatch(name.startsWith("jekyll") ? /^draft:/m : /^published:/m);
  });
});
