import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "./site.js";
import { readArchive } from "../helpers/build.js";

/** Every text output of a build, by path. */
async function outputs(out: string): Promise<Map<string, string>> {
  const files = ["feed.xml", "atom.xml", "feed.json", "archive/2022.json"];
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(path.join(out, file), "utf8")] as const)));
}

describe("a description with markup", () => {
  it.each([
    ["a script element", "<script>alert('desc')</script>Plain dek", "Plain dek"],
    ["inline markup", "An <i>angle</i> on **it**", "An angle on it"],
    ["a reference", "Q&amp;A &#8212; now", "Q&A — now"],
  ])("%s loses it, as a title does, in every summary", async (_name, description, summary) => {
    const result = await buildSite({ "a.md": `---\ntitle: Story\ndate: 2022-02-25\ndescription: "${description}"\n---\nBody.\n` });
    expect(result.diagnostics).toEqual([]);
    const archive = await readArchive(result.out);
    expect(archive.articles[0]!.description ?? archive.articles[0]!.summary).toBe(summary);
    const feed = JSON.parse(await readFile(path.join(result.out, "feed.json"), "utf8"));
    expect(feed.items[0].summary).toBe(summary);
    for (const [file, text] of await outputs(result.out)) expect(text, file).not.toMatch(/<i>|&lt;i&gt;|alert|&lt;script/);
  });
});

describe("a numeric character reference to a character no document can carry", () => {
  it.each([
    ["&#1;", "a&#1;b"],
    ["&#xD800;", "a&#xD800;b"],
    ["&#0;", "a&#0;b"],
  ])("%s in a body is dropped, not turned into U+FFFD", async (_name, text) => {
    const result = await buildSite({ "a.md": `---\ntitle: Story\ndate: 2022-02-25\n---\nSee ${text} here.\n` });
    expect(result.diagnostics).toEqual([]);
    for (const [file, output] of await outputs(result.out)) {
      expect(output, file).not.toContain("\uFFFD");
      expect(output, file).toContain("See ab here.");
    }
  });

  it("a U+FFFD written as such stays", async () => {
    const result = await buildSite({ "a.md": "---\ntitle: Story\ndate: 2022-02-25\n---\nBroken \uFFFD byte.\n" });
    expect(JSON.parse(await readFile(path.join(result.out, "feed.json"), "utf8")).items[0].content_html).toContain("Broken \uFFFD byte.");
  });
});
