// A feed kind the config writes that would come out empty is an error naming why (issue 15), not a silent empty file.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { tempDir } from "../helpers/temp.js";

async function site(articles: Record<string, string>, config: Record<string, unknown> = {}): Promise<string> {
  const dir = await tempDir();
  await mkdir(path.join(dir, "articles"));
  for (const [name, text] of Object.entries(articles)) await writeFile(path.join(dir, "articles", name), text);
  await writeFile(path.join(dir, "wirefeed.config.json"), JSON.stringify({ title: "Desk", url: "https://desk.example/", ...config }, null, 1));
  return dir;
}

const article = (title: string, extra = "") => `---\ntitle: ${title}\ndate: 2026-01-02\n${extra}---\n\nBody.\n`;
const run = (dir: string) => build({ cwd: dir, now: "2026-06-01T00:00:00Z", cacheDir: false });

describe("an empty feed is an error naming why", () => {
  it.each([
    ["every article is a draft", { "a.md": article("A", "draft: true\n"), "b.md": article("B", "draft: true\n") }, "every article is a draft (2)"],
    ["every article is scheduled", { "a.md": article("A").replace("2026-01-02", "2027-01-02") }, "every article is scheduled"],
    [
      "drafts and scheduled",
      { "a.md": article("A", "draft: true\n"), "b.md": article("B").replace("2026-01-02", "2027-01-02") },
      "of 2 articles, 1 draft, 1 scheduled: none is published",
    ],
  ])("the site's feeds: %s", async (_name, articles, why) => {
    const result = await run(await site(articles));
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: "empty-feed", severity: "error", file: "wirefeed.config.json", line: 1 })]);
    expect(result.diagnostics[0]!.message).toContain(why);
    expect(result.written).toEqual([]);
  });

  it("a set turned on explicitly that nothing fills, at its key: no article has a section (a draft has one)", async () => {
    const dir = await site({ "a.md": article("A"), "b.md": article("B", "section: World\ndraft: true\n") }, { feeds: { section: { enabled: true } } });
    const result = await run(dir);
    expect(result.exitCode).toBe(1);
    const [diagnostic] = result.diagnostics;
    expect(diagnostic).toMatchObject({ rule: "empty-feed", file: "wirefeed.config.json", line: 6 });
    expect(diagnostic!.message).toBe(
      "feeds.section is turned on, but its feed set would be empty: no published article has a section (`section` in the front matter); 1 unpublished article (drafts, scheduled or with errors) has one",
    );
  });

  it("a language set turned on with one language", async () => {
    const result = await run(await site({ "a.md": article("A") }, { feeds: { language: { enabled: true } } }));
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "feeds.language is turned on, but its feed set would be empty: every published article is in en",
    ]);
  });

  it("by default a set with no members is simply not written, and a kind turned off is never an error", async () => {
    const result = await run(await site({ "a.md": article("A") }));
    expect(result.diagnostics).toEqual([]);
    expect(result.written.filter((file) => /^(sections|authors|languages)\//.test(file))).toEqual([]);
    const off = await run(await site({ "a.md": article("A", "draft: true\n") }, { feeds: { site: { enabled: false } } }));
    expect(off.diagnostics).toEqual([]);
  });
});
