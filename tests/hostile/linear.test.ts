// Preparing an article takes time linear in its body, whatever the body holds: doubling the input
// at most about doubles the time (a quadratic step would quadruple it). Ratios, not wall-clock
// limits, so that a slow machine passes as well as a fast one. Before the bounds, one block of
// `_*`, `**a` or `[a]` runs grew with the square of its length (a ratio near 4).
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { articleKey, keyPrefix } from "../../src/build/incremental/keys.js";
import { createPreparer } from "../../src/build/stages/article.js";
import type { SiteFacts } from "../../src/build/stages/profiles/types.js";
import { tempDir } from "../helpers/build.js";

/** A preparer of one article file holding `body`. */
async function preparing(body: string, config: Record<string, unknown>): Promise<() => Promise<unknown>> {
  const articlesDir = await tempDir("wirefeed-linear-");
  const file = path.join(articlesDir, "a.md");
  await writeFile(file, `---\ntitle: Linear\ndate: 2022-01-01\n---\n${body}\n`);
  const parsed = configSchema.parse({ url: "https://news.example/", maxArticleBytes: 50_000_000, ...config });
  const site: SiteFacts = { profile: "wirefeed", basePath: "/", ignoreKeys: [], settings: {} };
  const prefix = keyPrefix(parsed);
  const preparer = createPreparer({ articlesDir, config: parsed, site, now: Date.parse("2026-01-01") }, (relative, bytes) =>
    articleKey(prefix, relative, bytes),
  );
  return () => preparer.prepare(file);
}

/**
 * How much longer an article of `4 * size` takes than one of `size`: the input doubled twice,
 * so that linear (4) and quadratic (16) stay far apart even on a machine busy with other work. Runs
 * alternate between the two, and the fastest of each counts: the least disturbed.
 */
async function growth(body: (size: number) => string, size: number, config: Record<string, unknown> = {}): Promise<number> {
  const small = await preparing(body(size), config);
  const large = await preparing(body(4 * size), config);
  const best = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (let run = 0; run < 6; run++) {
    for (const [index, prepare] of [small, large].entries()) {
      const started = performance.now();
      await prepare();
      if (run > 0) best[index] = Math.min(best[index]!, performance.now() - started);
    }
  }
  return best[1]! / best[0]!;
}

describe("preparing an article, input doubled twice", () => {
  // One block: the bound refuses it after a linear scan.
  it.each([
    ["`_*` in one block", (n: number) => "_*".repeat(n), 500_000],
    ["`**a` in one block", (n: number) => "**a".repeat(n), 350_000],
    ["`[a](` in one block", (n: number) => "[a](".repeat(n), 250_000],
    ["`[a]` in one block", (n: number) => "[a]".repeat(n), 350_000],
    ["`- ` nested on one line", (n: number) => `${"- ".repeat(n)}a`, 500_000],
    ["`<div>` nested", (n: number) => "<div>".repeat(n), 200_000],
    ["unmatched backtick runs", (n: number) => Array.from({ length: n }, (_, i) => "`".repeat((i % 50) + 1)).join(" a "), 1_000],
  ])("%s: at most about four times the time", async (_name, body, size) => {
    expect(await growth(body, size)).toBeLessThan(10);
  });

  // Many blocks just inside the bounds: each block's cost is bounded, and they add up.
  it.each([
    ["blocks of `_*` at the marker bound", (n: number) => `${"_*".repeat(100)}\n\n`.repeat(n), 10],
    ["blocks of `[a]` at the marker bound", (n: number) => `${"[a]".repeat(100)}\n\n`.repeat(n), 10],
    ["lists nested to the depth bound", (n: number) => `${"- ".repeat(20)}a\n\n`.repeat(n), 10],
    ["quotes nested to the depth bound", (n: number) => `${"> ".repeat(20)}a\n\n`.repeat(n), 40],
    ["plain paragraphs", (n: number) => "The desk files copy, the editors check it, the feed carries it.\n\n".repeat(n), 500],
  ])("%s: at most about four times the time", async (_name, body, size) => {
    expect(await growth(body, size, { maxInlineMarkers: 200, maxNestingDepth: 20 })).toBeLessThan(10);
  });
});
