import { cp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importArticles, type ImportResult } from "../../src/import/import.js";
import { build } from "../../src/index.js";
import { repoRoot, tempDir } from "../helpers/build.js";
import { f1, renderedText } from "../../bench/import/fields.js";

// The benchmark's saved pages (self-written, each modelled on a real site's markup, see its
// expected.json): every field as expected, dry run and real run alike, and the result builds.

const pagesDir = path.join(repoRoot, "tests/fixtures/import/pages");
const pages = (await readdir(pagesDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

interface Expected {
  title: string;
  date: string;
  byline: string[];
  bylineKind: "person" | "organization";
  description: string;
  body: string;
}

describe("saved pages", () => {
  let site: string;
  let dry: ImportResult;
  let real: ImportResult;
  beforeAll(async () => {
    site = await tempDir("wirefeed-import-pages-");
    await cp(path.join(repoRoot, "wirefeed.config.json"), path.join(site, "wirefeed.config.json"));
    await cp(pagesDir, path.join(site, "pages"), { recursive: true });
    dry = await importArticles({ cwd: site, inputs: ["pages"], dryRun: true });
    real = await importArticles({ cwd: site, inputs: ["pages"] });
  }, 60_000);

  it.each(pages)("%s: every field as expected", async (page) => {
    const expected = JSON.parse(await readFile(path.join(pagesDir, page, "expected.json"), "utf8")) as Expected;
    const article = real.articles.find((a) => a.source === `pages/${page}/page.html`);
    const detection = article?.detection;
    expect(detection?.title?.value).toBe(expected.title);
    if (expected.date === "") {
      // only an "Updated" line: that is never the publication date, so the article waits for one
      expect(article?.outcome).toBe("needs-attention");
      expect(detection?.date).toBeUndefined();
      expect(detection?.updated).toBeDefined();
    } else {
      expect(article?.outcome).toBe("imported");
      expect(detection?.date?.date.toISOString().slice(0, 10)).toBe(expected.date);
    }
    expect(detection?.authors?.names).toEqual(expected.byline);
    expect(detection?.authors?.organization === true).toBe(expected.bylineKind === "organization");
    if (expected.description === "") expect(detection?.description).toBeUndefined();
    else expect(detection?.description?.value).toBe(expected.description);
    const body =
      article?.markdown === undefined
        ? (detection?.body.map((block) => block.markdown ?? block.value).join("\n\n") ?? "")
        : article.markdown.split(/^---$/mu).slice(2).join("---");
    expect(f1(renderedText(body), expected.body)).toBeGreaterThanOrEqual(0.95);
  });

  it("the dry run predicts the real run: the same outcomes, targets and file contents", async () => {
    const summary = (result: ImportResult) =>
      result.articles.map((a) => [a.source, a.outcome === "would-import" ? "imported" : a.outcome, a.target, a.markdown]);
    expect(summary(real)).toEqual(summary(dry));
    for (const article of real.articles.filter((a) => a.outcome === "imported"))
      expect(await readFile(path.join(site, article.target ?? ""), "utf8")).toBe(article.markdown);
  });

  it("builds what it imported without an error or warning", async () => {
    const result = await build({ cwd: site, out: path.join(site, "output"), now: "2026-11-27T00:00:00Z" });
    expect(result.diagnostics).toEqual([]);
    expect(result.exitCode).toBe(0);
    const feed = JSON.parse(await readFile(path.join(site, "output", "feed.json"), "utf8")) as { items: { title: string }[] };
    expect(feed.items.map((item) => item.title).sort()).toEqual(
      (await Promise.all(pages.map(async (page) => JSON.parse(await readFile(path.join(pagesDir, page, "expected.json"), "utf8")) as Expected)))
        .filter((expected) => expected.date !== "")
        .map((expected) => expected.title)
        .sort(),
    );
  });
});
