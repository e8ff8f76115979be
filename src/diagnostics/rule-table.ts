import { catalogue, type RuleId, ruleGroups } from "./catalogue.js";

/** The README's rule table, made from the catalogue: a heading row per group, then a row per rule. */
export function ruleTable(): string {
  const lines = ["| rule | severity | meaning | fix |", "|---|---|---|---|"];
  const ids = Object.keys(catalogue) as RuleId[];
  for (const group of ruleGroups) {
    lines.push(`| **${group}** | | | |`);
    for (const id of ids) {
      const rule = catalogue[id];
      if (rule.group === group) lines.push(`| \`${id}\` | ${rule.severity} | ${rule.meaning} | ${rule.fix} |`);
    }
  }
  return lines.join("\n");
}

/** Where the table goes in the README: between these two lines. */
export const ruleTableMarkers = ["<!-- rule table: generated from src/diagnostics/catalogue.ts by `npm run docs` -->", "<!-- end of rule table -->"] as const;

/**
 * `readme` with `table` in place of what stands between the two marker lines: the README's
 * generated tables are kept this way.
 */
export function replaceBetween(readme: string, [open, close]: readonly [string, string], table: string, what: string): string {
  const start = readme.indexOf(open);
  const end = readme.indexOf(close);
  if (start === -1 || end < start) throw new Error(`README.md has no ${what} markers (${open} ... ${close})`);
  return `${readme.slice(0, start + open.length)}\n${table}\n${readme.slice(end)}`;
}

/** `readme` with its rule table made anew from the catalogue. */
export const withRuleTable = (readme: string): string => replaceBetween(readme, ruleTableMarkers, ruleTable(), "rule table");
