import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importArticles, type ImportResult } from "../../src/import/import.js";
import { build } from "../../src/index.js";
import { missedFields, ofImport, scorePage } from "../../bench/import/fields.js";
import { repoRoot, tempDir } from "../helpers/build.js";

// Real saved pages nobody here wrote, most in the legacy encoding their site served (readability-js's
// test pages, Apache-2.0; see tests/fixtures/import/legacy/README.md), against the titles, days and
// bylines read from them by hand, scored as `npm run bench:import` scores them. No config, so UTC.
// Every field of every page must be right but for the misses listed here; a listed miss that comes
// right fails too, so that the list follows the code.
const KNOWN_MISSES: Record<string, string[]> = {
  // the wire agency beside the date is in no byline element ("2015.08.15 10:28" then <sub class="szerzo">MTI</sub>)
  "ma-hu": ["byline"],
};

const root = path.join(repoRoot, "tests/fixtures/import/legacy");
const pages = (await readdir(root, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

describe("real saved pages in legacy encodings, readability-js's set", () => {
  let site: string;
  let dry: ImportResult;
  let real: ImportResult;
  beforeAll(async () => {
    site = await tempDir("wirefeed-import-legacy-");
    await cp(root, path.join(site, "legacy"), { recursive: true });
    dry = await importArticles({ cwd: site, inputs: ["legacy"], dryRun: true });
    real = await importArticles({ cwd: site, inputs: ["legacy"] });
  }, 120_000);

  it.each(pages)("%s: every field right but the known misses", async (page) => {
    const expected = JSON.parse(await readFile(path.join(root, page, "expected.json"), "utf8"));
    const article = real.articles.find((a) => a.source === `legacy/${page}/page.html`);
    expect(missedFields(scorePage(ofImport(article), expected))).toEqual(KNOWN_MISSES[page] ?? []);
  });

  it("writes every article in UTF-8, with the text the page shows", async () => {
    const written = await readFile(
      path.join(site, "articles", "2015-08-03-w-polsce-najwiecej-wydaja-turysci-amerykanscy-ale-najwiecej-jest-niemieckich.md"),
      "utf8",
    );
    expect(written).toContain("title: W Polsce najwięcej wydają turyści amerykańscy, ale najwięcej jest niemieckich\n");
    expect(written).toContain("Takie wyniki można wyciągnąć z badania GUS.");
  });

  it("builds what it imported without an error, the headlines whole in the feeds", async () => {
    await writeFile(
      path.join(site, "wirefeed.config.json"),
      JSON.stringify({ title: "Legacy pages", url: "https://legacy.example/", description: "Imported pages.", language: "en", author: { name: "Desk" } }),
    );
    const result = await build({ cwd: site, out: path.join(site, "output"), now: "2026-11-27T00:00:00Z" });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.exitCode).toBe(0);
    const feed = JSON.parse(await readFile(path.join(site, "output", "feed.json"), "utf8")) as { items: { title: string }[] };
    expect(feed.items.map((item) => item.title)).toContain("Борисов: Тече акция, хванали сме над 100 тона гориво без документи");
  }, 60_000);

  it("the dry run predicts the real run", () => {
    const summary = (result: ImportResult) =>
      result.articles.map((a) => [a.source, a.outcome === "would-import" ? "imported" : a.outcome, a.target, a.markdown]);
    expect(summary(real)).toEqual(summary(dry));
  });
});
