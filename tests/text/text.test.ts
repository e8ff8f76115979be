import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanBlock, cleanInline, plainTitle, stripXmlInvalid } from "../../src/text/text.js";

const SEED_TITLE = "Iran Blames NATO Expansion for Russia’s Invasion of Ukraine";
const SEED_DEK =
  "Iran’s Foreign Ministry stated that provocative moves by NATO, spearheaded by the US, have led to a situation that has left the Eurasian region on the cusp of a big crisis.";
// The seed's JCPOA paragraph ends in a stray no-break space after the closing quote.
const SEED_PARAGRAPH =
  "Both leaders also talked about the ongoing nuclear negotiations in Vienna, which aimed at reviving the 2015 nuclear deal, formally known as the Joint Comprehensive Plan of Action (JCPOA). Raisi told Putin that if there are credible guarantees that the West will abide by the deal and that the United States (US) will lift sanctions, Iran is ready to enter a lasting agreement. In response, Putin agreed that reviving the JCPOA “would contribute to regional stability and security.”";

/** Characters XML 1.0 allows: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

describe("stripXmlInvalid", () => {
  it.each<[label: string, input: string, expected: string]>([
    // The seed article's strings carry nothing to strip
    ["seed title", SEED_TITLE, SEED_TITLE],
    ["seed paragraph with its no-break space", `${SEED_PARAGRAPH}\u00a0`, `${SEED_PARAGRAPH}\u00a0`],

    // C0 controls XML 1.0 forbids
    ["NUL", "a\u0000b", "ab"],
    ["U+0008 backspace", "a\u0008b", "ab"],
    ["vertical tab U+000B", "a\u000bb", "ab"],
    ["form feed U+000C", "a\u000cb", "ab"],
    ["U+000E", "a\u000eb", "ab"],
    ["U+001F", "a\u001fb", "ab"],
    ["several in a row", "\u0001\u0002\u0003x", "x"],

    // Controls XML 1.0 allows stay
    ["tab, LF and CR", "a\tb\nc\rd", "a\tb\nc\rd"],
    ["DEL and C1 controls (allowed, if discouraged)", "a\u007fb\u0085c", "a\u007fb\u0085c"],

    // Noncharacters at the end of the BMP
    ["U+FFFE", "a\ufffeb", "ab"],
    ["U+FFFF", "a\uffffb", "ab"],
    ["U+FFFD replacement character stays", "a\ufffdb", "a\ufffdb"],

    // Surrogates: pairs stay, lone halves go
    ["valid pair (emoji)", "a😀b", "a😀b"],
    ["valid pair (CJK extension B)", "𠀀", "𠀀"],
    ["lone high surrogate", "a\ud83db", "ab"],
    ["lone low surrogate", "a\ude00b", "ab"],
    ["high surrogate at the end", "ab\ud83d", "ab"],
    ["low surrogate before a pair", "\ude00😀", "😀"],
    ["reversed pair", "\ude00\ud83d", ""],
    ["high, high, low keeps the last pair", "\ud83d\ud83d\ude00", "😀"],

    // Empty input
    ["empty string", "", ""],
  ])("%s", (_label, input, expected) => {
    expect(stripXmlInvalid(input)).toBe(expected);
  });

  const anyCodeUnitOrPoint = fc.oneof(
    fc.integer({ min: 0, max: 0x1f }).map((unit) => String.fromCharCode(unit)),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
    fc.constantFrom("\ufffe", "\uffff", "\ufffd"),
    fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint)),
  );
  const validCodePoint = fc
    .oneof(
      fc.constantFrom(0x9, 0xa, 0xd),
      fc.integer({ min: 0x20, max: 0xd7ff }),
      fc.integer({ min: 0xe000, max: 0xfffd }),
      fc.integer({ min: 0x10000, max: 0x10ffff }),
    )
    .map((codePoint) => String.fromCodePoint(codePoint));

  it("never leaves an XML-invalid character", () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCodeUnitOrPoint }), (input) => {
        for (const char of stripXmlInvalid(input)) {
          expect(isXmlChar(char.codePointAt(0) ?? -1)).toBe(true);
        }
      }),
    );
  });

  it("leaves text made only of valid characters unchanged", () => {
    fc.assert(
      fc.property(fc.string({ unit: validCodePoint }), (input) => {
        expect(stripXmlInvalid(input)).toBe(input);
      }),
    );
  });
});

describe("cleanBlock", () => {
  it.each<[label: string, input: string, expected: string]>([
    // The seed article's own strings
    ["seed title is already clean", SEED_TITLE, SEED_TITLE],
    ["seed dek is already clean", SEED_DEK, SEED_DEK],
    ["seed paragraph loses its trailing no-break space", `${SEED_PARAGRAPH}\u00a0`, SEED_PARAGRAPH],

    // Trimming: ASCII and Unicode spaces, line breaks
    ["leading and trailing spaces", "  text  ", "text"],
    ["narrow no-break space U+202F", "\u202ftext\u202f", "text"],
    ["figure space U+2007", "\u2007text\u2007", "text"],
    ["ideographic space U+3000", "\u3000text\u3000", "text"],
    ["surrounding blank lines", "\n\n text \n\n", "text"],
    ["byte order mark", "\ufefftext", "text"],

    // Inner whitespace and line structure are kept
    ["inner spaces stay", "a  b", "a  b"],
    ["inner no-break space stays", "a\u00a0b", "a\u00a0b"],
    ["paragraph break stays", "one\n\ntwo", "one\n\ntwo"],

    // Line endings become LF
    ["CRLF", "one\r\ntwo", "one\ntwo"],
    ["lone CR", "one\rtwo", "one\ntwo"],
    ["CRLF blank line", "one\r\n\r\ntwo", "one\n\ntwo"],
    ["mixed endings", "a\r\nb\rc\nd", "a\nb\nc\nd"],

    // Unicode NFC
    ["decomposed é composes", "Cafe\u0301", "Café"],
    ["decomposed Hangul composes", "\u1100\u1161", "\uac00"],
    ["Persian text stays", "ایران", "ایران"],

    // XML-invalid characters go before trimming
    ["control character between spaces", " \u0001 text", "text"],
    ["lone surrogate", "te\ud800xt", "text"],

    // Raw C1 controls are the Windows-1252 characters an old CMS meant, as feedparser reads them
    ["U+0092 is a right single quote", "Russia\u0092s", "Russia’s"],
    ["U+0085 is an ellipsis, not a line break", "wait\u0085", "wait…"],
    ["U+0093 and U+0094 are curly double quotes", "\u0093hi\u0094", "“hi”"],
    ["unassigned U+0081 and U+009D are dropped", "a\u0081b\u009dc", "abc"],

    // Empty results
    ["only whitespace", " \u00a0\t\n ", ""],
    ["empty string", "", ""],
  ])("%s", (_label, input, expected) => {
    expect(cleanBlock(input)).toBe(expected);
  });
});

describe("cleanInline", () => {
  it.each<[label: string, input: string, expected: string]>([
    // The seed article's own strings
    ["seed title", SEED_TITLE, SEED_TITLE],
    ["seed dek", SEED_DEK, SEED_DEK],
    ["seed paragraph with trailing no-break space", `${SEED_PARAGRAPH}\u00a0`, SEED_PARAGRAPH],
    ["seed caption", "Iranian President Ebrahim Raisi", "Iranian President Ebrahim Raisi"],
    ["seed credit line", " IMAGE SOURCE:\u00a0ASSOCIATED PRESS ", "IMAGE SOURCE: ASSOCIATED PRESS"],

    // Runs of whitespace become one ASCII space
    ["double space", "a  b", "a b"],
    ["tab", "a\tb", "a b"],
    ["newline", "a\nb", "a b"],
    ["CRLF", "a\r\nb", "a b"],
    ["paragraph break", "a\n\nb", "a b"],
    ["no-break space U+00A0", "a\u00a0b", "a b"],
    ["narrow no-break space U+202F", "a\u202fb", "a b"],
    ["figure space U+2007", "a\u2007b", "a b"],
    ["em space U+2003", "a\u2003b", "a b"],
    ["ideographic space U+3000", "a\u3000b", "a b"],
    ["line separator U+2028", "a\u2028b", "a b"],
    ["mixed run", "a \u00a0\t\n\u202f b", "a b"],

    // Not whitespace: zero-width characters stay
    ["zero-width joiner in an emoji", "👩\u200d💻", "👩\u200d💻"],

    // cleanBlock still applies
    ["NFC", "Cafe\u0301 news", "Café news"],
    ["control characters", "a\u0007b", "ab"],
    ["surrounding no-break spaces", "\u00a0title\u00a0", "title"],
    ["empty", "", ""],
  ])("%s", (_label, input, expected) => {
    expect(cleanInline(input)).toBe(expected);
  });
});

describe("plainTitle", () => {
  it.each<[label: string, input: string, expected: string]>([
    // The seed article's own title, with its curly apostrophe
    ["seed title", SEED_TITLE, SEED_TITLE],
    ["seed title with surrounding no-break spaces", `\u00a0${SEED_TITLE}\u00a0`, SEED_TITLE],
    ["seed title with a numeric reference", "Iran Blames NATO Expansion for Russia&#8217;s Invasion of Ukraine", SEED_TITLE],
    ["seed title with a hex reference", "Iran Blames NATO Expansion for Russia&#x2019;s Invasion of Ukraine", SEED_TITLE],
    ["seed title with a named reference", "Iran Blames NATO Expansion for Russia&rsquo;s Invasion of Ukraine", SEED_TITLE],
    ["seed title split over lines", "Iran Blames NATO Expansion\n  for Russia’s Invasion of Ukraine", SEED_TITLE],
    ["seed title with emphasis", "Iran Blames **NATO Expansion** for Russia’s Invasion of Ukraine", SEED_TITLE],

    // HTML tags that look like real tags go
    ["bold", "<b>Bold</b> move", "Bold move"],
    ["emphasis", "An <em>urgent</em> call", "An urgent call"],
    ["upper-case tag", "An <EM>urgent</EM> call", "An urgent call"],
    ["link with attributes", "A <a href=\"https://example.com/?a=1&b=2\" title='x'>link</a> here", "A link here"],
    ["unquoted attribute", "A <a href=/x>link</a>", "A link"],
    ["span with class", '<span class="kicker">Live:</span> Talks resume', "Live: Talks resume"],
    ["line break becomes a space", "Line<br/>break", "Line break"],
    ["line break with spaces", "Line <br /> break", "Line break"],
    ["heading wrapper", "<h1>Headline</h1>", "Headline"],

    // A lone < or a non-HTML name in brackets is text
    ["x < y", "x < y", "x < y"],
    ["a<b", "a<b", "a<b"],
    ["a<b and c>d", "a<b and c>d", "a<b and c>d"],
    ["generic type", "Why List<String> is slow", "Why List<String> is slow"],
    ["arrow", "Prices <- wages", "Prices <- wages"],
    ["less-than-or-equal", "Inflation <= 2%", "Inflation <= 2%"],

    // Markdown emphasis and code markers wrapping words go
    ["single star", "*Breaking* news", "Breaking news"],
    ["double star", "**Breaking** news", "Breaking news"],
    ["triple star", "***Breaking*** news", "Breaking news"],
    ["underscore", "_Breaking_ news", "Breaking news"],
    ["double underscore", "__Breaking__ news", "Breaking news"],
    ["code span", "The `fetch` API", "The fetch API"],
    ["several words emphasised", "*Two words* and **three more words**", "Two words and three more words"],
    ["nested emphasis", "**bold _and italic_**", "bold and italic"],
    ["emphasis around a tag", "*<b>both</b>*", "both"],

    // Markers that do not wrap words are text
    ["multiplication with spaces", "5 * 3 * 2", "5 * 3 * 2"],
    ["multiplication without spaces", "2*3*4", "2*3*4"],
    ["censored words", "f*ck*ng and sh*t", "f*ck*ng and sh*t"],
    ["trailing stars", "F*** this", "F*** this"],
    ["snake_case", "Rename snake_case_name", "Rename snake_case_name"],
    ["lone backtick", "don`t", "don`t"],
    ["star with space inside", "* not emphasis *", "* not emphasis *"],

    // Code spans keep their content literal
    ["tag inside code", "The `<b>` tag", "The <b> tag"],
    ["underscores inside code", "`__init__` explained", "__init__ explained"],
    ["stars inside code", "Glob `**/*.md`", "Glob **/*.md"],

    // HTML character references are decoded
    ["&amp;", "Tom &amp; Jerry", "Tom & Jerry"],
    ["escaped tag stays text", "&lt;b&gt;not a tag&lt;/b&gt;", "<b>not a tag</b>"],
    ["escaped stars stay text", "&#42;literal&#42;", "*literal*"],
    ["&quot;", "&quot;Quoted&quot;", '"Quoted"'],
    ["curly quotes", "&ldquo;Quoted&rdquo;", "“Quoted”"],
    ["dashes and ellipsis", "A&ndash;B &mdash; wait&hellip;", "A–B — wait…"],
    ["upper-case hex", "It&#X2019;s", "It’s"],
    ["astral code point", "Smile &#128512;", "Smile 😀"],
    ["Windows-1252 reference", "Don&#146;t", "Don’t"],
    ["accented letters", "Caf&eacute; &Uuml;ber &ccedil;a", "Café Über ça"],
    ["&nbsp; collapses", "a &nbsp; b", "a b"],
    ["&nbsp; at the end is trimmed", "Title&nbsp;", "Title"],
    ["control character reference is stripped", "a&#1;b", "ab"],
    ["NUL reference is dropped", "a&#0;b", "ab"],
    ["lone surrogate reference is dropped", "a&#xD800;b", "ab"],
    ["reference past U+10FFFF is dropped", "a&#x110000;b", "ab"],
    ["unknown name stays", "&bogus; and &qacute;", "&bogus; and &qacute;"],
    ["bare ampersand stays", "Q&A: what now", "Q&A: what now"],
    ["reference without semicolon stays", "AT&T &amp T", "AT&T &amp T"],

    // code never survives in a title, content included
    ["script with content", "<script>alert(1)</script> Hello", "Hello"],
    ["style with content", "<style>p{}</style>Title", "Title"],
    ["iframe", '<iframe src="x"></iframe>Title', "Title"],
    ["unclosed script tag", "Title <script src=x>", "Title"],
    ["img with handler", "<img src=x onerror=alert(1)>News", "News"],
    ["svg with handler", "<svg onload=alert(1)>News", "News"],

    // cleanInline still applies
    ["decomposed accent", "Cafe\u0301", "Café"],
    ["empty", "", ""],
    ["only markup", "<b></b>", ""],
  ])("%s", (_label, input, expected) => {
    expect(plainTitle(input)).toBe(expected);
  });

  it("stays fast on long unmatched markers", () => {
    const started = performance.now();
    plainTitle("*a _b ".repeat(500));
    expect(performance.now() - started).toBeLessThan(200);
  });
});
