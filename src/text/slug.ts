import { fail, ok, type Result } from "../diagnostics/diagnostic.js";

const MAX_SLUG_LENGTH = 80;

// Letters that NFKD does not decompose into an ASCII base, plus Greek and Cyrillic.
// Keys are lowercase because the text is lowercased first. Greek follows a simplified
// ELOT 743 and Cyrillic a simplified BGN/PCGN, one table for every language written in
// the script: a slug has to be readable and stable, not a linguist's transcription.
// Accented Greek and most accented Cyrillic letters need no entry of their own: NFKD
// splits them into a base letter (transliterated by a second pass) and a mark (dropped).
const TRANSLITERATION: ReadonlyMap<string, string> = new Map([
  // Latin
  ["ß", "ss"],
  ["æ", "ae"],
  ["œ", "oe"],
  ["ø", "o"],
  ["ł", "l"],
  ["đ", "d"],
  ["ð", "d"],
  ["þ", "th"],
  ["ı", "i"],
  ["ħ", "h"],
  ["ŋ", "ng"],
  ["ĸ", "k"],
  ["ŧ", "t"],
  ["ƒ", "f"],
  // Greek: "ου" is one sound; the accented form is listed because the first pass sees it composed.
  ["ου", "ou"],
  ["ού", "ou"],
  ["α", "a"],
  ["β", "v"],
  ["γ", "g"],
  ["δ", "d"],
  ["ε", "e"],
  ["ζ", "z"],
  ["η", "i"],
  ["θ", "th"],
  ["ι", "i"],
  ["κ", "k"],
  ["λ", "l"],
  ["μ", "m"],
  ["ν", "n"],
  ["ξ", "x"],
  ["ο", "o"],
  ["π", "p"],
  ["ρ", "r"],
  ["σ", "s"],
  ["ς", "s"],
  ["τ", "t"],
  ["υ", "y"],
  ["φ", "f"],
  ["χ", "ch"],
  ["ψ", "ps"],
  ["ω", "o"],
  // Cyrillic: й, ё, ї, ў, ѓ and ќ are listed because NFKD would turn them into other letters.
  ["а", "a"],
  ["б", "b"],
  ["в", "v"],
  ["г", "g"],
  ["д", "d"],
  ["е", "e"],
  ["ё", "yo"],
  ["ж", "zh"],
  ["з", "z"],
  ["и", "i"],
  ["й", "y"],
  ["к", "k"],
  ["л", "l"],
  ["м", "m"],
  ["н", "n"],
  ["о", "o"],
  ["п", "p"],
  ["р", "r"],
  ["с", "s"],
  ["т", "t"],
  ["у", "u"],
  ["ф", "f"],
  ["х", "kh"],
  ["ц", "ts"],
  ["ч", "ch"],
  ["ш", "sh"],
  ["щ", "shch"],
  ["ъ", ""],
  ["ы", "y"],
  ["ь", ""],
  ["э", "e"],
  ["ю", "yu"],
  ["я", "ya"],
  ["є", "ye"],
  ["і", "i"],
  ["ї", "yi"],
  ["ґ", "g"],
  ["ў", "u"],
  ["ђ", "dj"],
  ["ј", "j"],
  ["љ", "lj"],
  ["њ", "nj"],
  ["ћ", "c"],
  ["џ", "dz"],
  ["ѓ", "gj"],
  ["ќ", "kj"],
  ["ѕ", "dz"],
  ["ә", "a"],
  ["ғ", "g"],
  ["қ", "k"],
  ["ң", "n"],
  ["ө", "o"],
  ["ұ", "u"],
  ["ү", "u"],
  ["һ", "h"],
]);
// Longest keys first, so "ου" wins over "ο".
const TRANSLITERABLE = new RegExp([...TRANSLITERATION.keys()].sort((a, b) => b.length - a.length).join("|"), "gu");

// Apostrophes vanish so that "Russia’s" gives "russias", not "russia-s". The Catalan
// middle dot (col·lecció) and the joiners inside Persian and Indic words do the same.
// Removed before NFKD, which would turn U+00B4 into a space, and after it, which turns ŉ into ʼn.
const VANISHING = /['’‘ʼʻ`´·\u200c\u200d]/gu;
// Marks are only dropped after Latin letters (and the ASCII that transliteration made):
// in Devanagari, Thai, Hebrew or Arabic they are part of the word.
const MARKS_ON_LATIN = /(?<=[\p{Script=Latin}\p{ASCII}])\p{M}+/gu;
// A mark that follows no letter or digit (an emoji's variation selector) is not kept.
const WORD = /(?:[\p{L}\p{N}]\p{M}*)+/gu;

/** Makes a URL- and file-name-safe slug from any text: Latin folded to ASCII, Greek and Cyrillic transliterated, other scripts kept as lowercase letters; "" when nothing usable is left. */
export function slugify(text: string): string {
  const lowered = text.normalize("NFC").toLowerCase().replace(VANISHING, "");
  // Two passes: the first sees composed letters (й), the second the bases NFKD exposes (ά → α).
  const decomposed = transliterate(transliterate(lowered).normalize("NFKD")).replace(VANISHING, "");
  // Compatibility forms can decompose to capitals (ℌ → H), hence the second lowercasing.
  const folded = decomposed.replace(MARKS_ON_LATIN, "").normalize("NFC").toLowerCase();
  return truncateAtHyphen((folded.match(WORD) ?? []).join("-"));
}

function transliterate(text: string): string {
  return text.replace(TRANSLITERABLE, (letter) => TRANSLITERATION.get(letter) ?? letter);
}

// Counted in code points, so an astral character (CJK extension B, for one) is never split.
function truncateAtHyphen(slug: string): string {
  const characters = [...slug];
  if (characters.length <= MAX_SLUG_LENGTH) return slug;
  const lastHyphen = characters.slice(0, MAX_SLUG_LENGTH + 1).lastIndexOf("-");
  return characters.slice(0, lastHyphen > 0 ? lastHyphen : MAX_SLUG_LENGTH).join("");
}

// RFC 3986 scheme syntax: an id that starts like this is read as an absolute IRI.
const IRI_SCHEME = /^[a-z][a-z\d+.-]*:/i;
const CONTROL_OR_INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const WHITESPACE = /\s/u;
const UNSAFE_IN_SEGMENT = /[?#%<>"|*:/\\]/u;
// RFC 3987 excludes these from IRIs; `%` is checked separately because it may start an escape.
const UNSAFE_IN_IRI = /[<>"{}|\\^`]/u;
const BROKEN_PERCENT_ESCAPE = /%(?![\da-f]{2})/iu;

/** Validates a slug or id given in front matter; an id may also be an absolute IRI (tag:, https:, urn:). Returns the value in NFC. */
export function validateSlug(value: string, field: "slug" | "id"): Result<string> {
  const label = field === "slug" ? "Slug" : "Id";
  if (value.trim() === "") {
    return fail(
      field === "slug" ? "empty-slug" : "empty-id",
      `${label} is empty, so it cannot name the article.`,
      `Remove the ${field} key to let wirefeed derive it, or give a value such as "my-article".`,
    );
  }
  const normalized = value.normalize("NFC");
  if (field === "id" && IRI_SCHEME.test(normalized)) {
    const problem = findIriProblem(normalized);
    if (problem === undefined) return ok(normalized);
    return fail("unsafe-id", `${label} ${quote(value)} ${problem.what}.`, problem.hint);
  }
  const problem = findSegmentProblem(normalized, field);
  if (problem === undefined) return ok(normalized);
  return fail(field === "slug" ? "unsafe-slug" : "unsafe-id", `${label} ${quote(value)} ${problem}.`, suggestion(value, field));
}

function findSegmentProblem(value: string, field: "slug" | "id"): string | undefined {
  if (value.includes("..")) return `contains "..", which could point outside the output folder`;
  if (value === ".") return `is ".", which names the folder itself`;
  const found = firstUnsafeCharacter(value, UNSAFE_IN_SEGMENT);
  if (found === undefined) return undefined;
  if (found === ":" && field === "id") {
    return `contains ":", which an id may only have when it is an absolute IRI with a scheme (tag:, https:, urn:)`;
  }
  if (found === "/" || found === "\\") return `contains "${found}", which would split it into folders`;
  return `contains ${describe(found)}, which is not safe in a URL path or a file name`;
}

// An IRI id is compared as a string and never becomes a path, so "/", ":", "?", "#" and
// ".." are fine in it; only what cannot appear in an IRI at all is refused.
function findIriProblem(value: string): { what: string; hint: string } | undefined {
  if (value.slice(value.indexOf(":") + 1) === "") {
    return { what: "has a scheme but nothing after it", hint: 'Complete it, e.g. "tag:example.com,2022:my-article".' };
  }
  const percentHint = 'Percent-encode it: a space becomes "%20", a lone "%" becomes "%25".';
  const found = firstUnsafeCharacter(value, UNSAFE_IN_IRI);
  if (found !== undefined) return { what: `contains ${describe(found)}, which is not allowed in an IRI`, hint: percentHint };
  if (BROKEN_PERCENT_ESCAPE.test(value)) return { what: 'contains a "%" that does not start a %XX escape', hint: percentHint };
  return undefined;
}

function firstUnsafeCharacter(value: string, unsafe: RegExp): string | undefined {
  return [...value].find((character) => isInvisible(character) || unsafe.test(character));
}

function isInvisible(character: string): boolean {
  return WHITESPACE.test(character) || CONTROL_OR_INVISIBLE.test(character);
}

function codePointOf(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

function describe(character: string): string {
  if (character === " ") return "a space";
  if (WHITESPACE.test(character)) return `whitespace (${codePointOf(character)})`;
  if (CONTROL_OR_INVISIBLE.test(character)) return `the invisible control character ${codePointOf(character)}`;
  return `"${character}"`;
}

// Invisible characters are spelled out, or the quoted value would look harmless.
function quote(value: string): string {
  const visible = [...value].map((character) => (character !== " " && isInvisible(character) ? `<${codePointOf(character)}>` : character));
  return `"${visible.join("")}"`;
}

function suggestion(value: string, field: "slug" | "id"): string {
  const slug = slugify(value);
  const safe = slug === "" ? "only letters, digits and hyphens" : `"${slug}"`;
  if (field === "slug") return `Use ${safe} instead.`;
  return `Use ${safe} instead, or a full IRI such as "tag:example.com,2022:${slug || "my-article"}".`;
}

const ARTICLE_EXTENSION = /\.(?:md|markdown)$/i;
const DATED_STEM = /^(\d{4}-\d{2}-\d{2})(?:-(.*))?$/su;

/**
 * Reads "YYYY-MM-DD-some-slug.md" (or .markdown, or a path ending in one): the date string and
 * the slug, or undefined when it is not an article file or names no slug. The slug part goes
 * through slugify, because a file name is a source to derive a slug from, not a declared
 * slug: "2022-02-25-Café Noir.md" gives "cafe-noir" rather than an unsafe path segment.
 * The date is not checked here: the date normalizer does that.
 */
export function parseArticleFileName(fileName: string): { date?: string; slug: string } | undefined {
  const baseName = fileName.split(/[\\/]/u).at(-1) ?? "";
  if (!ARTICLE_EXTENSION.test(baseName)) return undefined;
  const stem = baseName.replace(ARTICLE_EXTENSION, "");
  const dated = DATED_STEM.exec(stem);
  const slug = slugify(dated === null ? stem : (dated[2] ?? ""));
  if (slug === "") return undefined;
  return dated?.[1] === undefined ? { slug } : { date: dated[1], slug };
}
