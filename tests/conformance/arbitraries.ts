// Text that feed writers get wrong, for property tests: any code point, plus the
// characters and sequences that break XML or that normalization touches, each
// likely enough to show up in a few dozen runs.
import fc from "fast-check";

const troublemakers = [
  // XML 1.0 cannot carry these; the surrogates are lone halves.
  "\u0000",
  "\u0001",
  "\u0008",
  "\u000B",
  "\u000C",
  "\u001F",
  "\uD800",
  "\uDBFF",
  "\uDC00",
  "\uDFFF",
  "\uFFFE",
  "\uFFFF",
  // Markup and CDATA.
  "]]>",
  "]]",
  "<![CDATA[",
  "&",
  "&amp;",
  "&lt;",
  "&#8217;",
  "<",
  ">",
  "<b>",
  "</b>",
  '"',
  "'",
  // Whitespace and line ends.
  "\t",
  "\n",
  "\r",
  "\r\n",
  " ",
  "  ",
  "\u00A0",
  "\u202F",
  "\u2028",
  "\u0085",
  // Normalization, joiners, scripts, emoji, astral letters.
  "e\u0301",
  "\u200D",
  "\u200F",
  "ایران",
  "שלום",
  "Россия",
  "🎉",
  "👩‍👩‍👧",
  "𝔘",
  // Markdown emphasis and code markers.
  "*",
  "**",
  "_",
  "`",
];

/** One unit of text: usually any Unicode scalar value, often one of the troublemakers. */
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom(...troublemakers) },
);

/** Arbitrary text of up to `maxLength` units, lone surrogates and XML-invalid characters included. */
export const unicodeText = (maxLength = 30) => fc.string({ unit, maxLength });

/** Characters XML 1.0 cannot carry, as the tests' own oracle (not the library's). */
export const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** `text` without what XML 1.0 cannot carry. */
export const withoutXmlInvalid = (text: string): string => text.replace(XML_INVALID, "");

/** `text` as an XML parser reads a text node back: what XML cannot carry is gone, and line ends are LF. */
export const asXmlText = (text: string): string => withoutXmlInvalid(text).replace(/\r\n?/g, "\n");

/** Whether `text` holds a character XML 1.0 cannot carry. */
export const holdsXmlInvalid = (text: string): boolean => new RegExp(XML_INVALID.source, "u").test(text);
