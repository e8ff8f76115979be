import { cleanBlock, cleanInline } from "./text.js";

const DEFAULT_MAX_LENGTH = 280;
const ELLIPSIS = "…";
const BLANK_LINE = /\n[^\S\n]*\n/;
// Scripts written without spaces between words: any word boundary next to them is a fine cut.
const UNSPACED_LETTER = "[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}]";
const ENDS_UNSPACED = new RegExp(`${UNSPACED_LETTER}$`, "u");
const STARTS_UNSPACED = new RegExp(`^${UNSPACED_LETTER}`, "u");
// A break before punctuation that ends a word ("world; this") is as good as one before the space.
const WORD_END_AHEAD = /^\p{P}*(?:\s|$)/u;
// Separators and openers that would dangle before the ellipsis ("Raisi told Putin,…").
const DANGLING_END = /[\s,;:、，；：\p{Pd}\p{Ps}\p{Pi}]+$/u;

// Created once, as constructing one loads ICU break rules; a fixed locale keeps builds independent of the machine.
const WORDS = new Intl.Segmenter("und", { granularity: "word" });
const GRAPHEMES = new Intl.Segmenter("und", { granularity: "grapheme" });

/** A summary from plain text: the first paragraph (split on blank lines), whitespace collapsed, cut at a word boundary to at most `maxLength` characters (default 280, counted in code points, never splitting a surrogate pair), with "…" appended when cut. */
export function summarize(plainText: string, maxLength: number = DEFAULT_MAX_LENGTH): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`summarize: maxLength must be a positive integer, got ${maxLength}`);
  }
  const firstParagraph = cleanInline(cleanBlock(plainText).split(BLANK_LINE)[0] ?? "");
  if (codePointLength(firstParagraph) <= maxLength) return firstParagraph;

  // The ellipsis counts against maxLength, so callers can treat it as a hard limit.
  const budget = maxLength - ELLIPSIS.length;
  const cut = lastWordBreak(firstParagraph, budget) ?? lastGraphemeBreak(firstParagraph, budget);
  return firstParagraph.slice(0, cut).replace(DANGLING_END, "") + ELLIPSIS;
}

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The UTF-16 end of the last word boundary within `budget` code points where a reader would accept a cut, if any. */
function lastWordBreak(text: string, budget: number): number | undefined {
  let best: number | undefined;
  let codePoints = 0;
  for (const { segment, index } of WORDS.segment(text)) {
    codePoints += codePointLength(segment);
    if (codePoints > budget) break;
    const end = index + segment.length;
    const following = text.slice(end);
    // Inside spaced scripts only a space is a word break; "state-of-the-art" is one word to a reader.
    if (WORD_END_AHEAD.test(following) || ENDS_UNSPACED.test(segment) || STARTS_UNSPACED.test(following)) {
      best = end;
    }
  }
  return best;
}

/** The UTF-16 end of the last whole grapheme within `budget` code points, for text with no usable word break. */
function lastGraphemeBreak(text: string, budget: number): number {
  let end = 0;
  let codePoints = 0;
  for (const { segment, index } of GRAPHEMES.segment(text)) {
    codePoints += codePointLength(segment);
    if (codePoints > budget) break;
    end = index + segment.length;
  }
  return end;
}
