// In `u` mode a surrogate range only matches surrogates that are not part of a
// pair, so one regex covers both the forbidden controls and lone surrogates.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;
// The same controls without `u` mode, which scans about three times as fast: most text has none
// of them and no lone surrogate (`isWellFormed`), and is then returned as it is.
const XML_INVALID_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const LINE_BREAK = /\r\n?/g;
// `\s` covers every Unicode space separator (no-break spaces included), tabs and line breaks.
const WHITESPACE_RUN = /\s+/g;
const MARKUP_HINT = /[<&*_`]/;

// Only known HTML element names count as tags, so titles such as "Why List<String> is slow"
// or "a<b and c>d" keep their angle brackets.
const ELEMENT_NAMES =
  "a|abbr|b|bdi|bdo|big|br|cite|code|data|del|dfn|div|em|font|h[1-6]|i|img|ins|kbd|mark|nobr|p|q|s|samp|small|span|strike|strong|sub|sup|time|tt|u|var|wbr" +
  "|svg|math|form|input|button|select|link|meta|base|frame|frameset|applet";
// Elements whose content is code or a document, not words of the title: removed with what they hold,
// so a reader that shows titles as HTML never meets a script.
const CODE_ELEMENTS =
  /<(script|style|iframe|object|embed|noscript|template|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>|<\/?(?:script|style|iframe|object|embed|noscript|template|textarea|title)\b[^>]*>/giu;
// Attributes must carry a value: a bare word after the name reads as prose ("a<b and c>d").
const ATTRIBUTE = String.raw`\s+[a-z_:][-\w:.]*\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+)`;

// One left-to-right pass, so whatever starts first wins: a tag inside a code span stays
// text, and a `*` inside an attribute value is never read as emphasis.
const MARKUP = new RegExp(
  [
    String.raw`(?<ticks>\x60+)(?<code>[^\x60]+?)\k<ticks>(?!\x60)`,
    String.raw`<\/?(?<element>${ELEMENT_NAMES})(?:${ATTRIBUTE})*\s*\/?>`,
    // Markers must sit at word edges: "snake_case", "2*3*4" and "f*ck*ng" are not emphasis.
    String.raw`(?<![\p{L}\p{N}*])(?<stars>\*{1,3})(?=\S)(?<starred>[\s\S]*?\S)\k<stars>(?![\p{L}\p{N}*])`,
    String.raw`(?<![\p{L}\p{N}_])(?<underscores>_{1,3})(?=\S)(?<underscored>[\s\S]*?\S)\k<underscores>(?![\p{L}\p{N}_])`,
    String.raw`&(?:#(?<decimal>\d{1,7})|#x(?<hex>[\da-f]{1,6})|(?<named>[a-z][a-z\d]{1,31}));`,
  ].join("|"),
  "giu",
);

// HTML maps these C1 references to the Windows-1252 characters that old CMSs meant
// (`&#146;` is a right single quote).
const WINDOWS_1252: Readonly<Record<number, number>> = {
  0x80: 0x20ac,
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x8e: 0x017d,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9e: 0x017e,
  0x9f: 0x0178,
};

// The named references that show up in headlines; unknown names are left as written.
const NAMED_REFERENCES: ReadonlyMap<string, string> = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
  ["nbsp", "\u00a0"],
  ["ensp", "\u2002"],
  ["emsp", "\u2003"],
  ["thinsp", "\u2009"],
  ["shy", "\u00ad"],
  ["zwj", "\u200d"],
  ["zwnj", "\u200c"],
  ["ndash", "–"],
  ["mdash", "—"],
  ["hellip", "…"],
  ["middot", "·"],
  ["bull", "•"],
  ["lsquo", "‘"],
  ["rsquo", "’"],
  ["sbquo", "‚"],
  ["ldquo", "“"],
  ["rdquo", "”"],
  ["bdquo", "„"],
  ["laquo", "«"],
  ["raquo", "»"],
  ["lsaquo", "‹"],
  ["rsaquo", "›"],
  ["copy", "©"],
  ["reg", "®"],
  ["trade", "™"],
  ["deg", "°"],
  ["times", "×"],
  ["divide", "÷"],
  ["plusmn", "±"],
  ["frac12", "½"],
  ["frac14", "¼"],
  ["frac34", "¾"],
  ["sect", "§"],
  ["para", "¶"],
  ["euro", "€"],
  ["pound", "£"],
  ["yen", "¥"],
  ["cent", "¢"],
  ["iexcl", "¡"],
  ["iquest", "¿"],
  ["szlig", "ß"],
  ["aelig", "æ"],
  ["AElig", "Æ"],
  ["oslash", "ø"],
  ["Oslash", "Ø"],
  ["eth", "ð"],
  ["ETH", "Ð"],
  ["thorn", "þ"],
  ["THORN", "Þ"],
  ["oelig", "œ"],
  ["OElig", "Œ"],
]);
// Accented Latin letters (`&eacute;`, `&Uuml;`, `&ccedil;`...) are a base letter plus a
// combining mark, so NFC composes them instead of a table listing each one.
const ACCENTED_REFERENCE = /^([A-Za-z])(acute|grave|circ|uml|tilde|cedil|ring|caron)$/;
const COMBINING_MARKS: Readonly<Record<string, string>> = {
  acute: "\u0301",
  grave: "\u0300",
  circ: "\u0302",
  uml: "\u0308",
  tilde: "\u0303",
  cedil: "\u0327",
  ring: "\u030a",
  caron: "\u030c",
};

/** Removes characters XML 1.0 cannot carry: U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF and lone surrogates (valid surrogate pairs stay). */
export function stripXmlInvalid(text: string): string {
  if (text.isWellFormed() && !XML_INVALID_CONTROL.test(text)) return text;
  return text.replace(XML_INVALID, "");
}

// A raw C1 control in news text is a Windows-1252 character read as Latin-1 ("Russia\u0092s"):
// feedparser, which many readers embed, reads it that way, so the feeds must say it that way.
const C1_CONTROL = /[\u0080-\u009F]/g;

/** Block text (bodies, captions): stripXmlInvalid, C1 controls as their Windows-1252 characters (unassigned ones dropped), NFC, CRLF/CR → LF, trim (no-break spaces included). */
export function cleanBlock(text: string): string {
  return stripXmlInvalid(text)
    .replace(C1_CONTROL, (control) => {
      const meant = WINDOWS_1252[control.charCodeAt(0)];
      return meant === undefined ? "" : String.fromCodePoint(meant);
    })
    .normalize("NFC")
    .replace(LINE_BREAK, "\n")
    .trim();
}

/** Inline text (titles, names, tags, credits): cleanBlock, then every run of whitespace (tabs, newlines, no-break spaces U+00A0/U+202F/U+2007, other Unicode spaces) becomes one ASCII space. */
export function cleanInline(text: string): string {
  return cleanBlock(text).replace(WHITESPACE_RUN, " ");
}

/** Titles (and descriptions) carry no markup: cleanInline plus removal of HTML tags that look like real tags (`<b>`, `</em>`, `<a href="...">`, `<br/>`) and of Markdown emphasis/code markers wrapping words (`*x*`, `**x**`, `_x_`, `` `x` ``), decoding HTML character references (`&amp;` → `&`, `&#8217;` → ’). A lone `<` as in "x < y" or "a<b" is text and stays. */
export function plainTitle(text: string): string {
  const inline = cleanInline(text);
  if (!MARKUP_HINT.test(inline)) return inline;
  // Decoded references and removed tags can leave control characters or doubled spaces.
  return cleanInline(stripMarkup(inline.replace(CODE_ELEMENTS, "")));
}

function stripMarkup(text: string): string {
  return text.replace(MARKUP, (match: string, ...args: unknown[]) => {
    const groups = args.at(-1) as Record<string, string | undefined>;
    if (groups.code !== undefined) return groups.code;
    if (groups.element !== undefined) return groups.element.toLowerCase() === "br" ? " " : "";
    if (groups.starred !== undefined) return stripMarkup(groups.starred);
    if (groups.underscored !== undefined) return stripMarkup(groups.underscored);
    if (groups.decimal !== undefined) return fromNumericReference(Number.parseInt(groups.decimal, 10));
    if (groups.hex !== undefined) return fromNumericReference(Number.parseInt(groups.hex, 16));
    return fromNamedReference(groups.named ?? "") ?? match;
  });
}

function fromNumericReference(codePoint: number): string {
  const remapped = WINDOWS_1252[codePoint];
  if (remapped !== undefined) return String.fromCodePoint(remapped);
  const unusable = codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff);
  // Dropped, as the body drops them: a U+FFFD would stand for a character the text never had.
  return unusable ? "" : String.fromCodePoint(codePoint);
}

function fromNamedReference(name: string): string | undefined {
  const known = NAMED_REFERENCES.get(name);
  if (known !== undefined) return known;
  const accented = ACCENTED_REFERENCE.exec(name);
  if (accented === null) return undefined;
  const [, letter = "", accent = ""] = accented;
  const composed = (letter + (COMBINING_MARKS[accent] ?? "")).normalize("NFC");
  // A letter the accent does not compose with (`&qacute;`) is not a real reference.
  return [...composed].length === 1 ? composed : undefined;
}
