import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importArticles, type ImportResult } from "../../src/import/import.js";
import { build } from "../../src/index.js";
import { repoRoot, tempDir } from "../helpers/build.js";
import { comparable, f1, renderedText } from "../../bench/import/fields.js";

// Real saved pages nobody here wrote (Mozilla Readability's test pages, Apache-2.0; see
// tests/fixtures/import/real/README.md), against the dates and bylines read from them by hand.
// No config, so UTC: a page's published day is its UTC day.

const realDir = path.join(repoRoot, "tests/fixtures/import/real");
const pages = (await readdir(realDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

interface Expected {
  title: string;
  date: string;
  byline: string[];
  bylineKind: "person" | "organization" | "none";
  description: string;
  body: string;
}

describe("real saved pages", () => {
  let site: string;
  let dry: ImportResult;
  let real: ImportResult;
  beforeAll(async () => {
    site = await tempDir("wirefeed-import-real-");
    await cp(realDir, path.join(site, "real"), { recursive: true });
    dry = await importArticles({ cwd: site, inputs: ["real"], dryRun: true });
    real = await importArticles({ cwd: site, inputs: ["real"] });
  }, 120_000);

  it.each(pages)("%s: written, with the page's title, day, names and body", async (page) => {
    const expected = JSON.parse(await readFile(path.join(realDir, page, "expected.json"), "utf8")) as Expected;
    const article = real.articles.find((a) => a.source === `real/${page}/page.html`);
    const detection = article?.detection;
    expect(article?.outcome).toBe("imported");
    expect(comparable(detection?.title?.value)).toBe(comparable(expected.title));
    expect(detection?.date?.date.toISOString().slice(0, 10)).toBe(expected.date);
    expect(detection?.authors?.names.map(comparable)).toEqual(expected.byline.map(comparable));
    // A person is never taken for an organization (that would let another source's name win).
    if (expected.bylineKind === "person") expect(detection?.authors?.organization).toBe(false);
    if (expected.description !== "") expect(f1(detection?.description?.value ?? "", expected.description)).toBeGreaterThanOrEqual(0.8);
    const body = (article?.markdown ?? "").split(/^---$/mu).slice(2).join("---");
    expect(f1(renderedText(body), expected.body)).toBeGreaterThanOrEqual(0.9);
  });

  it("the dry run predicts the real run", () => {
    const summary = (result: ImportResult) =>
      result.articles.map((a) => [a.source, a.outcome === "would-import" ? "imported" : a.outcome, a.target, a.markdown]);
    expect(summary(real)).toEqual(summary(dry));
  });

  it("builds what it imported without an error", async () => {
    await writeFile(
      path.join(site, "wirefeed.config.json"),
      JSON.stringify({ title: "Real pages", url: "https://real.example/", description: "Imported pages.", language: "en", author: { name: "Desk" } }),
    );
    const result = await build({ cwd: site, out: path.join(site, "output"), now: "2026-11-27T00:00:00Z" });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.exitCode).toBe(0);
  }, 60_000);
});
