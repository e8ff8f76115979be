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

/**
 * Every field of one tool's result against the expected page: `undefined` where the page does not
 * score that field (no date, no description, no expected text).
 * @param {{ written: boolean, title?: string | null | undefined, names: string[], day?: string | undefined, description?: string | null | undefined, body?: string | null | undefined }} got
 * @param {{ title: string, titleAlso?: string[], date: string, dateAlso?: string[], byline: string[], bylineAlso?: string[][], bylineKind: string, description: string, body?: string, bodyStart?: string }} expected
 */
export function scorePage(got, expected) {
  const hasDate = expected.date !== "";
  return {
    // A page without a publication date must not be written (an "Updated" line is not one).
    written: hasDate ? got.written : undefined,
    refused: hasDate ? undefined : !got.written,
    title: titleRight(got.title, expected.title, expected.titleAlso),
    byline: bylineRight(got.names, expected),
    bylinePerson: expected.bylineKind === "person" ? bylineRight(got.names, expected) : undefined,
    // A name that is not the page's: worse than none.
    bylineWrong: got.names.length > 0 && !bylineRight(got.names, expected),
    description: expected.description === "" ? undefined : f1(got.description, expected.description) >= 0.8,
    date: hasDate ? dayRight(got.day, expected) : undefined,
    // A day that is not the page's, or any day where the page states none.
    dayWrong: got.written && got.day !== undefined && !dayRight(got.day, expected),
    f1: expected.body === undefined || expected.body === "" ? undefined : f1(got.body, expected.body),
    opens: expected.bodyStart === undefined ? undefined : opensWith(got.body, expected.bodyStart),
  };
}

/**
 * The fields a scored page misses: false ones, wrong names or days, a body F1 under 0.9
 * (`bylinePerson` repeats `byline`, so it is not listed).
 * @param {Record<string, boolean | number | undefined>} scored what {@link scorePage} returned
 * @returns {string[]}
 */
export const missedFields = (scored) =>
  Object.entries(scored)
    .filter(
      ([key, value]) =>
        key !== "bylinePerson" && (key.endsWith("Wrong") ? value === true : key === "f1" ? value !== undefined && Number(value) < 0.9 : value === false),
    )
    .map(([key]) => key);

/**
 * What wirefeed made of one page, in the form {@link scorePage} reads: written or not (a dry run's
 * "would-import" counts), the detected fields, and the body as a reader sees it.
 * @param {{ outcome: string, markdown?: string | undefined, detection?: { title?: { value: string }, authors?: { names: string[] }, date?: { date: Date }, description?: { value: string }, body: { value: string }[] } } | undefined} article
 */
export function ofImport(article) {
  const detection = article?.detection;
  return {
    written: article?.outcome === "would-import" || article?.outcome === "imported",
    title: detection?.title?.value,
    names: detection?.authors?.names ?? [],
    day: detection?.date === undefined ? undefined : utcDay(detection.date.date),
    description: detection?.description?.value,
    body:
      article?.markdown === undefined
        ? (detection?.body.map((block) => block.value).join("\n\n") ?? "")
        : renderedText(article.markdown.split(/^---$/mu).slice(2).join("---")),
  };
}

/**
 * A saved page as plain text, the way a browser copies a whole page (its innerText: menus,
 * sidebars and footers included), for the plain-text path.
 * @param {string} html
 */
export function pageAsText(html) {
  const tree = unified().use(rehypeParse).parse(html);
  const root = tree.children.find((node) => node.type === "element" && node.tagName === "html");
  const body = root?.type === "element" ? root.children.find((node) => node.type === "element" && node.tagName === "body") : undefined;
  const text = toText(body ?? tree)
    .replace(/[ \t]+\n/gu, "\n")
    .replace(/\n{3,}/gu, "\n\n");
  return `${text.trim()}\n`;
}
