import { replaceBetween } from "../../../diagnostics/rule-table.js";
import { fields } from "./fields.js";

/** The README's front matter table, made from the registry's docs: a row per key, in the registry's order. */
export function frontMatterTable(): string {
  const lines = ["| key | meaning |", "|---|---|"];
  for (const entry of Object.values(fields)) for (const [key, meaning] of entry.docs) lines.push(`| \`${key}\` | ${meaning} |`);
  return lines.join("\n");
}

/** Where the table goes in the README: between these two lines. */
export const frontMatterTableMarkers = [
  "<!-- front matter table: generated from src/build/stages/meta/fields.ts by `npm run docs` -->",
  "<!-- end of front matter table -->",
] as const;

/** `readme` with its front matter table made anew from the registry. */
export const withFrontMatterTable = (readme: string): string => replaceBetween(readme, frontMatterTableMarkers, frontMatterTable(), "front matter table");
