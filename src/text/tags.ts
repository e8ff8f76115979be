import { slugify } from "./slug.js";
import { cleanInline } from "./text.js";

/** A tag as the feeds show it: its display name and its URL slug. */
export interface Tag {
  name: string;
  slug: string;
}

// Arabic, Persian and CJK writers type their own comma; "Washington, D.C." inside a YAML
// list stays one tag because list items are never split.
const TAG_SEPARATOR = /[,،，、]/u;
const CAPITAL = /[\p{Lu}\p{Lt}]/gu;

/** Cleans one raw tag: NFC, trim (no-break spaces included), collapse inner whitespace, apply aliases (case-insensitive keys, matched by tagKey). Returns "" for an empty tag. */
export function cleanTag(raw: string, aliases: Readonly<Record<string, string>> = {}): string {
  const name = cleanInline(raw);
  if (name === "") return "";
  const key = tagKey(name);
  const alias = Object.entries(aliases).find(([aliasName]) => tagKey(aliasName) === key);
  return alias === undefined ? name : cleanInline(alias[1]);
}

/** The identity of a tag: case variants ("NATO", "nato", " Nato ") share one key (NFKC, whitespace collapsed, Unicode case folding). */
export function tagKey(name: string): string {
  // Uppercasing before lowercasing approximates full case folding, which JavaScript lacks:
  // "Straße" and "STRASSE" meet at "strasse", final and medial sigma at "σ"/"ς" alike.
  return cleanInline(name.normalize("NFKC")).toUpperCase().toLowerCase().normalize("NFKC");
}

/** Splits a front matter tags value: list items as they are, a string at its commas; pieces are trimmed and empty ones dropped. */
export function splitTags(value: string | readonly string[]): string[] {
  const pieces = typeof value === "string" ? value.split(TAG_SEPARATOR) : value;
  return pieces.map((piece) => cleanInline(piece)).filter((piece) => piece !== "");
}

/** Merges a list of cleaned tags: drops empties and case-variant duplicates, keeps the first-seen spelling and order. */
export function uniqueTags(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = tagKey(name);
    if (key === "" || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Chooses one display name among the variants seen for one key across the corpus (one
 * entry per use): the most frequent; on a tie the one with the most capitals, because
 * acronyms and proper names are what a careless lowercase entry loses ("NATO" over
 * "Nato"); then the first in code-point order, so the choice never depends on file order.
 * Returns "" for no variants.
 */
export function chooseDisplayName(variants: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const variant of variants) counts.set(variant, (counts.get(variant) ?? 0) + 1);
  const ranked = [...counts].sort(
    ([nameA, countA], [nameB, countB]) => countB - countA || capitals(nameB) - capitals(nameA) || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0),
  );
  return ranked[0]?.[0] ?? "";
}

function capitals(name: string): number {
  return name.match(CAPITAL)?.length ?? 0;
}

/** Names Windows reserves for devices in every folder, with or without an extension: `tags/con/` cannot be checked out there. */
const reservedName = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i;

/** The slug a tag would have if Windows did not reserve it (con, nul, aux, com1, lpt9 ...); undefined for every other tag. */
export function reservedTagSlug(name: string): string | undefined {
  const slug = plainTagSlug(name);
  return reservedName.test(slug) ? slug : undefined;
}

/**
 * URL slug of a tag name: slugify, or for a name with no letters or digits at all (an emoji) its
 * code points in hex, so every tag gets a page; a name Windows reserves gets `-tag` after it.
 */
export function tagSlug(name: string): string {
  const slug = plainTagSlug(name);
  return reservedName.test(slug) ? `${slug}-tag` : slug;
}

function plainTagSlug(name: string): string {
  const slug = slugify(name);
  if (slug !== "") return slug;
  const codePoints = [...tagKey(name)].filter((character) => character !== " ");
  return codePoints.map((character) => `u${(character.codePointAt(0) ?? 0).toString(16)}`).join("-");
}
