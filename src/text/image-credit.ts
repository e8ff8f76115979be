import { cleanInline } from "./text.js";

// Nouns such as "Picture" or "Image Source" are also parts of agency names ("picture
// alliance/dpa", the stock agency Image Source), so they are only stripped when a colon
// or a spaced dash marks them as a label.
const LABEL =
  /^(?:image\s+source|(?:image|photo)\s+credits?|photograph(?:er|y|s)?|photos?|pictures?|pics?|images?|credits?|sources?)(?:\s*:\s*|\s+-\s+|\s*[–—]\s*)/iu;
// A connecting word ("by", "of") or a copyright mark says enough on its own.
const PHRASE = /^(?:(?:photo(?:graph)?|picture|image)\s+(?:by|courtesy(?:\s+of)?)|courtesy(?:\s+of)?)(?![\p{L}\p{N}])[\s:–—-]*/iu;
const COPYRIGHT = /^(?:©|\(c\)|copyright(?![\p{L}\p{N}]))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?(?!\p{N}))?[\s,.:–—-]*/iu;
const PREFIXES = [LABEL, PHRASE, COPYRIGHT];
const ALL_RIGHTS_RESERVED = /[\s,.;:–—-]*all\s+rights\s+reserved\.?$/iu;

const COMPOUND_SEPARATOR = /(\s*\/\s*)/u;
const TITLE_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
// Elided articles and particles: "O'NEIL" → "O'Neil", "L'EQUIPE" → "L'Equipe", but "SMITH'S" → "Smith's".
const ELISION = /^(\p{L})(['’])(\p{L}{2,})/u;

const ACRONYMS: ReadonlySet<string> = new Set([
  "AA",
  "AAP",
  "ABC",
  "AFP",
  "ANP",
  "ANSA",
  "AP",
  "BBC",
  "CBS",
  "CNN",
  "DPA",
  "EFE",
  "EPA",
  "ESA",
  "EU",
  "IAEA",
  "ICRC",
  "IDF",
  "II",
  "III",
  "ILNA",
  "IRIB",
  "IRNA",
  "ISNA",
  "IV",
  "JPL",
  "KCNA",
  "NASA",
  "NATO",
  "NBC",
  "NHK",
  "NPR",
  "NYT",
  "PA",
  "PBS",
  "RIA",
  "SANA",
  "TASS",
  "TV",
  "UK",
  "UN",
  "UNHCR",
  "UNICEF",
  "UPI",
  "US",
  "USA",
  "WANA",
  "WHO",
]);
const SMALL_WORDS: ReadonlySet<string> = new Set(["and", "at", "by", "for", "in", "of", "on", "the", "to", "via"]);

// Keys are matched case-insensitively against the cleaned credit. AP is spelled out
// because that is how the seed's publisher credits it; AFP keeps its short name because
// that is the agency's own credit line ("AFP", "AFP/Getty Images"). Canonical names map
// to themselves so that a lowercase "reuters" is written the agency's way.
const BUILT_IN_ALIASES: ReadonlyMap<string, string> = new Map([
  ["ap", "Associated Press"],
  ["associated press", "Associated Press"],
  ["the associated press", "Associated Press"],
  ["afp", "AFP"],
  ["agence france-presse", "AFP"],
  ["agence france presse", "AFP"],
  ["reuters", "Reuters"],
  ["getty images", "Getty Images"],
]);

/**
 * Turns a raw credit line into a clean display credit; "" when nothing is left (callers drop it).
 * @param raw the credit as written in front matter, e.g. "IMAGE SOURCE: ASSOCIATED PRESS"
 * @param aliases config `creditAliases`: case-insensitive keys matched against the cleaned credit,
 *   applied on top of the built-in agency table; a key may also name a built-in result
 *   ({"Associated Press": "AP"} turns "AP" into "AP" again).
 *
 * A `/` compound is first looked up whole, then part by part, so "AP/Getty Images" becomes
 * "Associated Press/Getty Images" like a lone "AP" does, while an alias for the whole
 * compound can still keep a mandated form. "AP Photo/Evan Vucci" is untouched: "AP Photo"
 * is AP's own credit format, and aliases only match whole parts.
 */
export function normalizeCredit(raw: string, aliases: Readonly<Record<string, string>> = {}): string {
  const credit = stripPrefixes(cleanInline(raw)).replace(ALL_RIGHTS_RESERVED, "");
  if (credit === "") return "";
  const userAliases = new Map(Object.entries(aliases).map(([key, value]) => [aliasKey(key), cleanInline(value)]));
  const cased = isAllCaps(credit) ? titleCase(credit) : credit;
  return resolveAlias(cased, userAliases) ?? resolveCompound(cased, userAliases);
}

function stripPrefixes(text: string): string {
  // Repeated, because labels stack: "Photo: © 2022 Jane Doe".
  const stripped = PREFIXES.reduce((rest, prefix) => rest.replace(prefix, ""), text);
  return stripped === text ? text : stripPrefixes(stripped);
}

// Mixed case is the author's choice ("iStock", "Jane Doe"); only shouted text is recased.
function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

function titleCase(text: string): string {
  return text.replace(TITLE_WORD, (word: string, offset: number) => {
    const upper = word.toUpperCase();
    if (ACRONYMS.has(upper)) return upper;
    const lower = word.toLowerCase();
    const before = text.slice(0, offset).trimEnd();
    const startsPart = before === "" || before.endsWith("/");
    if (!startsPart && SMALL_WORDS.has(lower)) return lower;
    const elided = ELISION.exec(lower);
    if (elided !== null) {
      const [, letter = "", apostrophe = "", rest = ""] = elided;
      return letter.toUpperCase() + apostrophe + capitalize(rest) + lower.slice(elided[0].length);
    }
    return capitalize(lower);
  });
}

function capitalize(word: string): string {
  const [first = "", ...rest] = word;
  return first.toUpperCase() + rest.join("");
}

function resolveCompound(credit: string, userAliases: ReadonlyMap<string, string>): string {
  const pieces: string[] = [];
  let separator = "";
  credit.split(COMPOUND_SEPARATOR).forEach((piece, index) => {
    // split() with a capture group alternates names (even) and the separators between them (odd).
    if (index % 2 === 1) {
      separator = piece;
      return;
    }
    // An alias to "" drops a part, e.g. {"Handout": ""}; its separator goes with it.
    const name = resolveAlias(piece, userAliases) ?? piece;
    if (name === "") return;
    if (pieces.length > 0) pieces.push(separator);
    pieces.push(name);
  });
  return pieces.join("");
}

function resolveAlias(name: string, userAliases: ReadonlyMap<string, string>): string | undefined {
  const key = aliasKey(name);
  const direct = userAliases.get(key);
  if (direct !== undefined) return direct;
  const builtIn = BUILT_IN_ALIASES.get(key);
  if (builtIn === undefined) return undefined;
  return userAliases.get(aliasKey(builtIn)) ?? builtIn;
}

function aliasKey(name: string): string {
  return cleanInline(name).toLowerCase();
}
