import { cp, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { readOutput, repoRoot, tempDir } from "../helpers/build.js";

describe("a site published in a subfolder", () => {
  it("keeps every article, feed and archive URL below the subfolder", async () => {
    const site = await tempDir();
    await cp(path.join(repoRoot, "articles"), path.join(site, "articles"), { recursive: true });
    await writeFile(path.join(site, "wirefeed.config.json"), JSON.stringify({ title: "Desk", url: "https://example.org/news" }));
    const result = await build({ cwd: site, now: "2026-11-27T00:00:00Z", cacheDir: false });
    expect(result.diagnostics).toEqual([]);
    const feed = JSON.parse(await readOutput(path.join(site, "output"), "feed.json"));
    expect(feed.feed_url).toBe("https://example.org/news/feed.json");
    expect(feed.home_page_url).toBe("https://example.org/news/");
    expect(feed.items[0].url).toBe("https://example.org/news/2022/02/25/iran-blames-nato-expansion-for-russias-invasion-of-ukraine/");
    const atom = await readOutput(path.join(site, "output"), "atom.xml");
    expect(atom).toContain('href="https://example.org/news/atom.xml"');
    expect(atom).not.toContain('"https://example.org/2022/');
  });
});
