import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summarize } from "../../src/text/summary.js";

const SEED_DEK =
  "Iran’s Foreign Ministry stated that provocative moves by NATO, spearheaded by the US, have led to a situation that has left the Eurasian region on the cusp of a big crisis.";
const SEED_FIRST_PARAGRAPH =
  "During a phone call with his Russian counterpart Vladimir Putin on Thursday, Iranian President Ebrahim Raisi blamed the North Atlantic Treaty Organization (NATO) for provoking tensions in Ukraine and asserted that Russia’s invasion of Ukraine was justified.";
const SEED_SECOND_PARAGRAPH =
  "“The expansion of the NATO is a serious threat to the stability and security of independent countries in different regions,” Raisi told Putin.";
// The seed's JCPOA paragraph ends in a stray no-break space after the closing quote.
const SEED_JCPOA_PARAGRAPH =
  "Both leaders also talked about the ongoing nuclear negotiations in Vienna, which aimed at reviving the 2015 nuclear deal, formally known as the Joint Comprehensive Plan of Action (JCPOA). Raisi told Putin that if there are credible guarantees that the West will abide by the deal and that the United States (US) will lift sanctions, Iran is ready to enter a lasting agreement. In response, Putin agreed that reviving the JCPOA “would contribute to regional stability and security.”";

const codePoints = (text: string): number => [...text].length;
// In `u` mode a surrogate range only matches halves that are not part of a pair.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

describe("summarize", () => {
  it.each<[label: string, input: string, maxLength: number | undefined, expected: string]>([
    // The seed article's own text
    ["seed dek fits the default length", SEED_DEK, undefined, SEED_DEK],
    ["seed body: only the first paragraph", `${SEED_FIRST_PARAGRAPH}\n\n${SEED_SECOND_PARAGRAPH}`, undefined, SEED_FIRST_PARAGRAPH],
    [
      "seed JCPOA paragraph: no-break space gone, cut to 280 with the ellipsis",
      `${SEED_JCPOA_PARAGRAPH}\u00a0`,
      undefined,
      "Both leaders also talked about the ongoing nuclear negotiations in Vienna, which aimed at reviving the 2015 nuclear deal, formally known as the Joint Comprehensive Plan of Action (JCPOA). Raisi told Putin that if there are credible guarantees that the West will abide by the deal…",
    ],
    ["seed dek cut at a word boundary", SEED_DEK, 60, "Iran’s Foreign Ministry stated that provocative moves by…"],
    ["seed dek: the comma before the cut goes", SEED_DEK, 66, "Iran’s Foreign Ministry stated that provocative moves by NATO…"],
    ["seed dek: the curly apostrophe keeps Iran’s one word", SEED_DEK, 8, "Iran’s…"],

    // First paragraph: blank lines split, single line breaks do not
    ["single line break joins", "one\ntwo\n\nthree", undefined, "one two"],
    ["blank line with spaces", "one\n  \t\ntwo", undefined, "one"],
    ["CRLF blank line", "one\r\n\r\ntwo", undefined, "one"],
    ["leading blank lines are skipped", "\n\n\none\n\ntwo", undefined, "one"],
    ["whitespace collapsed", "  a  \t b\u00a0\u00a0c  ", undefined, "a b c"],

    // Not cut when it fits, even exactly
    ["exactly maxLength", "Hello world", 11, "Hello world"],
    ["short text", "Hello", 280, "Hello"],

    // Cut at a word boundary; maxLength includes the ellipsis
    ["one over the limit", "Hello world", 10, "Hello…"],
    ["cut before the next word", "Hello world, this is a test", 14, "Hello world…"],
    ["cut just before a space", "Hello world again", 13, "Hello world…"],
    ["hyphenated word is not split", "A state-of-the-art approach", 18, "A…"],
    ["decimal number is not split", "Inflation hit 3.75 percent today", 17, "Inflation hit…"],

    // Trailing punctuation and openers before the ellipsis go
    ["comma", "Hello, world and more", 8, "Hello…"],
    ["semicolon", "Hello world; this is a test", 12, "Hello world…"],
    ["colon", "Update: talks resume in Vienna", 10, "Update…"],
    ["dash", "Vienna — talks resume today", 10, "Vienna…"],
    ["opening parenthesis", "Talks (in Vienna) resume", 9, "Talks…"],
    ["opening quote", "He said “no more talks”", 10, "He said…"],
    ["ideographic comma", "外交部，发言人表示", 5, "外交部…"],

    // Languages without spaces are still cut
    ["Chinese: at a word boundary", "中华人民共和国外交部发言人今天在例行记者会上表示", 10, "中华人民共和国…"],
    ["Chinese mixed with Latin", "NATO的扩张是对不同地区独立国家稳定与安全的严重威胁", 12, "NATO的扩张是对不同…"],
    ["no word boundary at all: hard cut at maxLength", "Supercalifragilisticexpialidocious", 10, "Supercali…"],

    // Code points, not UTF-16 units; never a split pair or flag
    ["emoji count as one", "😀😀😀😀😀😀😀😀😀😀😀😀", 10, "😀😀😀😀😀😀😀😀😀…"],
    ["flags are not split", "🇺🇸🇺🇸🇺🇸🇺🇸🇺🇸🇺🇸", 6, "🇺🇸🇺🇸…"],
    ["astral Han counts as one", "𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀", 6, "𠀀𠀀𠀀𠀀𠀀…"],

    // Degenerate input
    ["empty", "", undefined, ""],
    ["only whitespace", " \n\n \u00a0", undefined, ""],
    ["maxLength 1 leaves only the ellipsis", "Hello", 1, "…"],
  ])("%s", (_label, input, maxLength, expected) => {
    expect(summarize(input, maxLength)).toBe(expected);
  });

  it.each<[label: string, maxLength: number]>([
    // A bad maxLength is a bug in the caller
    ["zero", 0],
    ["negative", -5],
    ["fraction", 2.5],
    ["NaN", Number.NaN],
  ])("rejects maxLength %s", (_label, maxLength) => {
    expect(() => summarize("text", maxLength)).toThrow(RangeError);
  });

  it("never exceeds maxLength code points and never leaves a lone surrogate", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.integer({ min: 1, max: 300 }), (text, maxLength) => {
        const summary = summarize(text, maxLength);
        expect(codePoints(summary)).toBeLessThanOrEqual(maxLength);
        expect(summary).not.toMatch(LONE_SURROGATE);
      }),
    );
  });
});
