import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/build.js";

/** Rule ids as the code writes them: `rule: "x"`, `fail("x", ...)`, `error("x", ...)`, `usageError("x", ...)`, ternaries and tables of them. */
async function ruleIdsInCode(): Promise<Set<string>> {
  const ids = new Set<string>();
  const sources = (await readdir(path.join(repoRoot, "src"), { recursive: true })).filter((file) => file.endsWith(".ts"));
  for (const file of sources) {
    const text = await readFile(path.join(repoRoot, "src", file), "utf8");
    const calls = /(?:\brule:\s*|\b(?:fail|error|usageError|setupError|problemAt)(?:<[^>]*>)?\(\s*)([^,;}]*?)(?:[,;})])/g;
    for (const [, expression] of text.matchAll(calls)) {
      for (const [, id] of expression!.matchAll(/"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"/g)) ids.add(id!);
      // `empty-${field}` and `unsafe-${field}`: slug.ts validates the fields slug and id.
      for (const [, prefix] of expression!.matchAll(/`([a-z-]+-)\$\{field\}`/g)) for (const field of ["slug", "id"]) ids.add(`${prefix}${field}`);
    }
    for (const [, id] of text.matchAll(/\["[a-z]+", "(duplicate-[a-z]+)"\]/g)) ids.add(id!);
  }
  return ids;
}

describe("the README's rule table", () => {
  it("lists every rule id the code can report", async () => {
    const readme = await readFile(path.join(repoRoot, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## When a build fails"), readme.indexOf("## Unsafe HTML"));
    const documented = new Set([...section.matchAll(/^\|([^|]*)\|/gm)].flatMap(([, cell]) => [...cell!.matchAll(/`([a-z0-9-]+)`/g)].map(([, id]) => id!)));
    const ids = await ruleIdsInCode();
    expect(ids.size).toBeGreaterThan(40);
    expect([...ids].filter((id) => !documented.has(id)).sort()).toEqual([]);
  });
});
