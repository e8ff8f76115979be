// Code, catalogue and README say the same rules. Code -> catalogue is the type system's job: a
// diagnostic's `rule` is a `RuleId`, a key of the catalogue, so `tsc` refuses any other. These tests
// check the other directions: every catalogue rule can be reported by some code, and the README's
// table is the catalogue's.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogue } from "../../src/diagnostics/catalogue.js";
import { ruleTable, ruleTableMarkers, withRuleTable } from "../../src/diagnostics/rule-table.js";
import { repoRoot } from "../helpers/build.js";

const readme = await readFile(path.join(repoRoot, "README.md"), "utf8");

/** Every string literal in the code that is written where a rule id goes, outside the catalogue itself. */
async function literalsInCode(): Promise<Set<string>> {
  const literals = new Set<string>();
  const sources = (await readdir(path.join(repoRoot, "src"), { recursive: true })).filter((file) => file.endsWith(".ts") && !file.endsWith("catalogue.ts"));
  for (const file of sources) {
    const text = await readFile(path.join(repoRoot, "src", file), "utf8");
    for (const [, literal] of text.matchAll(/"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"/g)) literals.add(literal!);
  }
  return literals;
}

describe("the rule catalogue", () => {
  it("has only rules some code reports", async () => {
    const literals = await literalsInCode();
    expect(Object.keys(catalogue).filter((id) => !literals.has(id))).toEqual([]);
  });

  it("is what the README's rule table shows, row for row", () => {
    expect(readme).toContain(ruleTableMarkers[0]);
    expect(withRuleTable(readme)).toBe(readme);
    for (const id of Object.keys(catalogue)) expect(ruleTable()).toContain(`| \`${id}\` |`);
  });

  it("says what to do about every rule", () => {
    for (const [id, rule] of Object.entries(catalogue)) {
      expect(rule.meaning.length, id).toBeGreaterThan(10);
      expect(rule.fix.length, id).toBeGreaterThan(5);
    }
  });
});
