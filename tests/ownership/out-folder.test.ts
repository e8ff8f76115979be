import { existsSync, lstatSync } from "node:fs";
import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stateFileOf } from "../../src/build/incremental/output-state.js";
import { build } from "../../src/index.js";
import { hashTree } from "../faults/tree.js";
import { tempDir, readArchive } from "../helpers/build.js";
import { cli } from "../helpers/cli.js";
import { goodArticle, writeSite } from "../errors/site.js";

const now = "2026-11-27T00:00:00Z";

/** A site of two articles and a file of the publisher's own beside them. */
async function site(config: Record<string, unknown> = {}) {
  const dir = await writeSite(
    { "a.md": goodArticle("First", "2022-02-25"), "b.md": goodArticle("Second", "2022-02-26").replace("date:", "tags: [Energy]\ndate:") },
    config,
  );
  await writeFile(path.join(dir, "IMPORTANT.txt"), "keep me\n");
  return dir;
}

describe("an output folder that holds wirefeed's inputs is refused, and nothing is touched", () => {
  const home = process.env.HOME;
  afterEach(() => {
    process.env.HOME = home;
  });

  it.each([
    ["the current folder (--out .)", ".", "the current folder"],
    ["the articles folder", "articles", "the articles folder"],
    ["a folder holding the cache", "node_modules", "the article cache"],
  ])("%s", async (_name, out, what) => {
    const dir = await site();
    await mkdir(path.join(dir, "node_modules/.cache/wirefeed"), { recursive: true });
    const before = await hashTree(dir);
    const { code, stderr } = await cli(dir, ["build", "--now", now, "--out", out]);
    expect(code).toBe(2);
    expect(stderr).toContain("[out-holds-inputs]");
    expect(stderr).toContain(what);
    expect(stderr).toContain("hint: Pass --out with a folder of its own");
    expect(await hashTree(dir)).toEqual(before);
  });

  it("the config file's folder, when the config lives elsewhere", async () => {
    const dir = await site();
    const result = await build({ cwd: path.join(dir, "articles"), config: "../wirefeed.config.json", articles: ".", out: "../", now, workers: 1 });
    expect(result.exitCode).toBe(2);
    expect(result.diagnostics).toMatchObject([{ rule: "out-holds-inputs" }]);
    expect(await readFile(path.join(dir, "IMPORTANT.txt"), "utf8")).toBe("keep me\n");
  });

  it("the home folder", async () => {
    const dir = await site();
    const fakeHome = await tempDir("wirefeed-home-");
    await writeFile(path.join(fakeHome, ".bashrc"), "# mine\n");
    process.env.HOME = fakeHome;
    const result = await build({ cwd: dir, out: fakeHome, now, workers: 1 });
    expect(result.exitCode).toBe(2);
    expect(result.diagnostics).toMatchObject([{ rule: "out-holds-inputs", message: expect.stringContaining("is your home folder") }]);
    expect(await readdir(fakeHome)).toEqual([".bashrc"]);
  });

  // `check` writes nothing, so the refusal can be shown even on code that does not refuse.
  it("the root folder /", async () => {
    const dir = await site();
    const result = await build({ cwd: dir, out: "/", now, dryRun: true });
    expect(result.exitCode).toBe(2);
    expect(result.diagnostics).toMatchObject([{ rule: "out-holds-inputs", message: expect.stringContaining("is the root folder") }]);
  });

  it("a symbolic link to the site", async () => {
    const dir = await site();
    const link = path.join(await tempDir("wirefeed-link-"), "out");
    await symlink(dir, link);
    const result = await build({ cwd: dir, out: link, now, workers: 1 });
    expect(result.diagnostics).toMatchObject([{ rule: "out-holds-inputs" }]);
    expect(await readFile(path.join(dir, "IMPORTANT.txt"), "utf8")).toBe("keep me\n");
  });
});

describe("--out that is a file", () => {
  it("is refused with a hint that does not delete it; following the hint keeps it", async () => {
    const dir = await site();
    await writeFile(path.join(dir, "notes.txt"), "my notes\n");
    const first = await cli(dir, ["build", "--now", now, "--out", "notes.txt"]);
    expect(first.code).toBe(2);
    expect(first.stderr).toContain("[out-not-a-folder]");
    expect(first.stderr).not.toContain("--allow-removals");
    const again = await cli(dir, ["build", "--now", now, "--out", "notes.txt", "--allow-removals"]);
    expect(again.code).toBe(2);
    expect(await readFile(path.join(dir, "notes.txt"), "utf8")).toBe("my notes\n");
  });
});

describe("a non-empty folder wirefeed did not make", () => {
  it("is refused without outShared", async () => {
    const dir = await site();
    await mkdir(path.join(dir, "public/posts/hello"), { recursive: true });
    await writeFile(path.join(dir, "public/index.html"), "<h1>Hugo</h1>\n");
    const before = await hashTree(path.join(dir, "public"));
    const { code, stderr } = await cli(dir, ["build", "--now", now, "--out", "public"]);
    expect(code).toBe(2);
    expect(stderr).toContain("[out-not-empty]");
    expect(stderr).toContain('"outShared": true');
    expect(await hashTree(path.join(dir, "public"))).toEqual(before);
  });

  it('with "outShared": true and pages on, refuses to replace the other tool\'s index.html, naming it, and changes nothing', async () => {
    const dir = await site({ out: "public", outShared: true });
    const publicDir = path.join(dir, "public");
    await mkdir(publicDir, { recursive: true });
    await writeFile(path.join(publicDir, "index.html"), "<h1>Hugo</h1>\n");
    const before = await hashTree(publicDir);
    const result = await build({ cwd: dir, now, workers: 1 });
    expect(result.exitCode).toBe(2);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(["output-file-not-owned"]);
    expect(result.diagnostics[0]!.hint).toContain('"pages": false');
    expect(await hashTree(publicDir)).toEqual(before);
  });

  it('with "outShared": true gets wirefeed\'s files beside the others, which stay as they were, build after build', async () => {
    // The other tool makes the pages, so wirefeed makes none: its index.html would be Hugo's.
    const dir = await site({ out: "public", outShared: true, pages: false });
    const publicDir = path.join(dir, "public");
    await mkdir(path.join(publicDir, "posts/hello"), { recursive: true });
    await writeFile(path.join(publicDir, "index.html"), "<h1>Hugo</h1>\n");
    await writeFile(path.join(publicDir, "posts/hello/index.html"), "<p>Hello</p>\n");
    await mkdir(path.join(publicDir, "tags/energy"), { recursive: true });
    await writeFile(path.join(publicDir, "tags/energy/index.html"), "<p>Energy</p>\n");
    const hugo = await hashTree(publicDir);
    const first = await build({ cwd: dir, now, workers: 1 });
    expect(first.diagnostics).toEqual([]);
    expect(first.exitCode).toBe(0);
    const afterFirst = (await hashTree(publicDir))!;
    expect(afterFirst).toMatchObject(hugo!);
    expect(Object.keys(afterFirst)).toEqual(expect.arrayContaining(["feed.xml", "archive/2022.json", "tags/energy/feed.xml"]));
    // The tag goes: its feeds go, and Hugo's page in the same folder stays.
    await writeFile(path.join(dir, "articles/b.md"), goodArticle("Second", "2022-02-26"));
    const second = await build({ cwd: dir, now, workers: 1 });
    expect(second.exitCode).toBe(0);
    const afterSecond = (await hashTree(publicDir))!;
    expect(afterSecond).toMatchObject(hugo!);
    expect(Object.keys(afterSecond)).not.toContain("tags/energy/feed.xml");
    expect(Object.keys(afterSecond)).toContain("feed.xml");
  });

  it("with outShared, a file of another tool that wirefeed would overwrite is an error naming both, and nothing changes", async () => {
    const dir = await site({ out: "public", outShared: true });
    await mkdir(path.join(dir, "public"), { recursive: true });
    await writeFile(path.join(dir, "public/feed.xml"), "<rss>Hugo's own</rss>\n");
    const { code, stderr } = await cli(dir, ["build", "--now", now]);
    expect(code).toBe(2);
    expect(stderr).toContain("[output-file-not-owned]");
    expect(stderr).toMatch(/^public\/feed\.xml\b.*This file was not written by wirefeed.*wirefeed's feed feed\.xml would replace it/m);
    expect(stderr).not.toContain(dir);
    expect(await readdir(path.join(dir, "public"))).toEqual(["feed.xml"]);
    expect(await readFile(path.join(dir, "public/feed.xml"), "utf8")).toBe("<rss>Hugo's own</rss>\n");
  });
});

describe("a folder wirefeed wrote", () => {
  it("keeps a CNAME file the publisher added, and the next build replaces only wirefeed's files", async () => {
    const dir = await site();
    expect((await build({ cwd: dir, now, workers: 1 })).exitCode).toBe(0);
    await writeFile(path.join(dir, "output/CNAME"), "news.example\n");
    await writeFile(path.join(dir, "articles/c.md"), goodArticle("Third", "2022-02-27"));
    const result = await build({ cwd: dir, now, workers: 1 });
    expect(result.exitCode).toBe(0);
    expect(await readFile(path.join(dir, "output/CNAME"), "utf8")).toBe("news.example\n");
    expect((await readArchive(path.join(dir, "output"))).count).toBe(3);
  });

  it("stays a symbolic link when it is one", async () => {
    const dir = await site();
    const target = path.join(await tempDir("wirefeed-target-"), "www");
    await mkdir(target);
    await symlink(target, path.join(dir, "output"));
    for (const title of ["Third", "Fourth"]) {
      await writeFile(path.join(dir, `articles/${title}.md`), goodArticle(title, "2022-02-27"));
      const result = await build({ cwd: dir, now, workers: 1 });
      expect(result.diagnostics).toEqual([]);
      expect(lstatSync(path.join(dir, "output")).isSymbolicLink()).toBe(true);
    }
    expect((await readArchive(target)).count).toBe(4);
  });

  it("holds no internal file: the state is kept beside it, in .wirefeed/", async () => {
    const dir = await site();
    expect((await build({ cwd: dir, now, workers: 1 })).exitCode).toBe(0);
    const published = Object.keys((await hashTree(path.join(dir, "output")))!);
    expect(published.filter((file) => file.split("/").some((part) => part.startsWith(".")))).toEqual([]);
    expect(JSON.parse(await readFile(stateFileOf(path.join(dir, "output")), "utf8")).owned).toEqual(published);
  });

  it("written by wirefeed 0.1 (its state inside) is still wirefeed's, and loses that file", async () => {
    const dir = await site();
    await mkdir(path.join(dir, "output"));
    await writeFile(path.join(dir, "output/.wirefeed-state.json"), JSON.stringify({ format: "wirefeed-output-state", version: 1, files: {} }));
    await writeFile(path.join(dir, "output/feed.xml"), "<rss/>\n");
    const result = await build({ cwd: dir, now, workers: 1 });
    expect(result.exitCode).toBe(0);
    expect(existsSync(path.join(dir, "output/.wirefeed-state.json"))).toBe(false);
    expect(await readFile(path.join(dir, "output/feed.xml"), "utf8")).toContain("<rss");
  });
});
