// How an imported page is compared with its expected.json, field by field: shared by
// `npm run bench:import` (bench/import/score.js) and the saved-page tests (tests/import/*-pages.test.ts),
// so the benchmark's figures and the tests' thresholds measure the same thing.
import { toText } from "hast-util-to-text";
import rehypeParse from "rehype-parse";
import rehypeRaw from "rehype-raw";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/**
 * Lowercase words and numbers, for token F1 and for comparing titles and names.
 * @param {string | undefined | null} text
 * @returns {string[]}
 */
export const words = (text) => (text ?? "").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * A text with quotes, case and punctuation aside.
 * @param {string | undefined | null} text
 */
export const comparable = (text) => words(text).join(" ");

/**
 * Token F1 of two texts, each taken as a bag of words (0 when either is empty).
 * @param {string | undefined | null} got
 * @param {string | undefined | null} expected
 */
export function f1(got, expected) {
  const want = new Map();
  const expectedWords = words(expected);
  for (const word of expectedWords) want.set(word, (want.get(word) ?? 0) + 1);
  const gotWords = words(got);
  let common = 0;
  for (const word of gotWords) {
    const left = want.get(word) ?? 0;
    if (left > 0) {
      common++;
      want.set(word, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / gotWords.length;
  const recall = common / expectedWords.length;
  return (2 * precision * recall) / (precision + recall);
}

/**
 * Whether a body opens with the article's first words: they are among its first `within` words, in order.
 * @param {string | undefined | null} got
 * @param {string} opening
 */
export function opensWith(got, opening, within = 60) {
  const head = words(got)
    .slice(0, within + words(opening).length)
    .join(" ");
  const start = comparable(opening);
  return start !== "" && ` ${head} `.includes(` ${start} `);
}

/**
 * The text a reader sees once a Markdown body is rendered (tables stay HTML, so raw HTML is parsed).
 * @param {string} markdown
 */
export function renderedText(markdown) {
  const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
  return toText(processor.runSync(processor.parse(markdown)));
}

/**
 * The text of an HTML fragment.
 * @param {string | undefined | null} html
 */
export const htmlToText = (html) =>
  toText(
    unified()
      .use(rehypeParse, { fragment: true })
      .parse(html ?? ""),
  );

/**
 * Right when equal to the expected title or one of `also` once quotes, case and punctuation are
 * aside, or equal but for a site name after (or before) a separator.
 * @param {string | undefined | null} got
 * @param {string} expected
 * @param {string[]} [also]
 */
export function titleRight(got, expected, also = []) {
  if (got === undefined || got === null) return false;
  const right = new Set([expected, ...also].map(comparable));
  if (right.has(comparable(got))) return true;
  const head = /^(.+?)\s+(?:[|–—·]|-)\s+[^|–—·]+$/u.exec(got)?.[1];
  const tail = /^[^|–—·]+\s+(?:[|–—·]|-)\s+(.+)$/u.exec(got)?.[1];
  return [head, tail].some((part) => part !== undefined && right.has(comparable(part)));
}

/**
 * A peer's byline string as names, split the plain way ("By A and B" → A, B), with no cutting of dates or roles.
 * @param {unknown} byline
 * @returns {string[]}
 */
export function names(byline) {
  if (typeof byline !== "string" || byline.trim() === "") return [];
  return byline
    .replace(/^\s*(?:by|par|von|di|por)\s+/iu, "")
    .split(/\s*(?:,|;|&|\/|\band\b|\bund\b|\bet\b|\be\b|\by\b)\s*/u)
    .map((name) => name.trim())
    .filter(Boolean);
}

/**
 * The same names, in any order.
 * @param {readonly string[]} got
 * @param {readonly string[]} expected
 */
export const sameNames = (got, expected) =>
  got.length === expected.length && [...got].map(comparable).sort().join("|") === [...expected].map(comparable).sort().join("|");

/**
 * Whether the names are the expected ones or one of the other right answers.
 * @param {readonly string[]} got
 * @param {{ byline: string[], bylineAlso?: string[][] }} expected
 */
export const bylineRight = (got, expected) => [expected.byline, ...(expected.bylineAlso ?? [])].some((right) => sameNames(got, right));

/**
 * The UTC day of a date or of a date string, undefined when there is none.
 * @param {unknown} value
 * @returns {string | undefined}
 */
export function utcDay(value) {
  if (value === undefined || value === null || value === "") return undefined;
  const date = value instanceof Date ? value : new Date(/** @type {string} */ (value));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

/**
 * Whether a day is the page's published day (UTC, or the page's own day where that differs).
 * @param {string | undefined} day
 * @param {{ date: string, dateAlso?: string[] }} expected
 */
export const dayRight = (day, expected) => expected.date !== "" && (day === expected.date || (expected.dateAlso ?? []).includes(day ?? ""));
