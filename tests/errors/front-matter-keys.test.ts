// The front matter's keys live in one registry (src/build/stages/meta/fields.ts): the keys the
// build knows, the unknown-key hints and the README's table all come from it.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fields } from "../../src/build/stages/meta/fields.js";
import { knownKeys } from "../../src/build/stages/meta/index.js";
import { frontMatterTable, frontMatterTableMarkers, withFrontMatterTable } from "../../src/build/stages/meta/readme-table.js";
import { repoRoot } from "../helpers/build.js";
import { buildSite } from "./site.js";

const readme = await readFile(path.join(repoRoot, "README.md"), "utf8");

describe("the front matter registry", () => {
  it("is what the README's front matter table shows, row for row (run `npm run docs` after changing a field)", () => {
    expect(readme).toContain(frontMatterTableMarkers[0]);
    expect(withFrontMatterTable(readme)).toBe(readme);
  });

  it("names each key once, and documents every field's own key", () => {
    expect(new Set(knownKeys).size).toBe(knownKeys.length);
    for (const [name, entry] of Object.entries(fields)) {
      expect(entry.keys.length, name).toBeGreaterThan(0);
      expect(
        entry.docs.map(([key]) => key),
        name,
      ).toContain(entry.keys[0]);
      for (const [key, meaning] of entry.docs) {
        expect(entry.keys, name).toContain(key);
        expect(meaning.length, key).toBeGreaterThan(10);
      }
    }
    // Every alias is in the table, as a row or named in its field's row.
    for (const key of knownKeys) expect(frontMatterTable(), key).toContain(`\`${key}\``);
  });

  it.each(knownKeys)("knows %s: no unknown-key warning", async (key) => {
    const value = key.startsWith("image_")
      ? "Caption"
      : key.endsWith("ate") || key === "updated"
        ? "2030-01-01"
        : key === "draft"
          ? "false"
          : key === "published"
            ? "true"
            : "x";
    const extra = key.startsWith("image_") ? [`${key}: ${value}`, "image: /a.jpg"] : ["title", "date"].includes(key) ? [] : [`${key}: ${value}`];
    const lines = ["---", "title: Hello", "date: 2022-02-25", ...extra, "---", "Body.", ""];
    const result = await buildSite({ "a.md": lines.join("\n") });
    expect(result.diagnostics.filter((d) => d.rule === "unknown-key" || d.rule === "misspelled-publication-key")).toEqual([]);
  });
});
