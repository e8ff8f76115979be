// Per-kind settings (issue 15): each kind's on/off, limit and content, on the newsroom.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { makeNewsroom, newsroomNow } from "./newsroom.js";

async function built(feeds: Record<string, unknown>) {
  const dir = await makeNewsroom({ count: 30, config: { feeds } });
  const result = await build({ cwd: dir, now: newsroomNow, cacheDir: false });
  expect(result.diagnostics).toEqual([]);
  const out = path.join(dir, "output");
  return { result, read: (file: string) => readFile(path.join(out, file), "utf8") };
}

describe("feeds.<kind>", () => {
  it("limit and content per kind: a section of 2 summaries, authors in full", async () => {
    const { read } = await built({ section: { limit: 2, content: "summary" }, author: { content: "full", limit: 3 } });
    const section = JSON.parse(await read("sections/world/feed.json")) as { items: { content_html?: string; content_text?: string; image?: string }[] };
    expect(section.items).toHaveLength(2);
    for (const item of section.items) {
      if (item.image) expect(item.content_html).toMatch(/^<figure>[\s\S]*<\/figure>\n<p>[^<]*<\/p>$/);
      else expect(item.content_text).toBeDefined();
    }
    const author = JSON.parse(await read("authors/jo-park/feed.json")) as { items: { content_html: string }[] };
    expect(author.items).toHaveLength(3);
    expect(author.items.every((item) => item.content_html.includes("A second paragraph."))).toBe(true);
    // The site's feeds keep their defaults, and the front page names them.
    expect(JSON.parse(await read("feed.json")).items).toHaveLength(30);
    expect(await read("index.html")).toContain('href="feed.xml"');
  });

  it("a kind turned off writes none of its files, and the pages name no feed that is not there", async () => {
    const { result, read } = await built({ site: { enabled: false }, author: { enabled: false }, language: { enabled: false } });
    const files = [...result.written, ...result.unchanged];
    expect(files.filter((file) => /^(feed\.xml|atom\.xml|feed\.json|feeds\/archive\/|authors\/|languages\/)/.test(file))).toEqual([]);
    expect(files).toContain("sections/world/feed.xml");
    expect(await read("index.html")).not.toContain('href="feed.xml"');
    const opml = await read("feeds.opml");
    expect(opml).not.toContain('text="Site"');
    expect(opml).not.toContain('text="Authors"');
  });

  it("the lead figure can be turned off: the image stays in media:content and the enclosure", async () => {
    const { read } = await built({ leadImageFigure: false });
    const rss = await read("feed.xml");
    expect(rss).not.toContain("&lt;figure&gt;");
    expect(rss).toContain("<media:content");
    expect(rss).toContain("<enclosure");
  });
});
