// Shared by the saved-page tests: how close a body is to the expected text, word for word.
import { toText } from "hast-util-to-text";
import rehypeRaw from "rehype-raw";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/** Lowercase words and numbers. */
export const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Token F1 of two texts, each taken as a bag of words. */
export function f1(got: string, expected: string): number {
  const want = new Map<string, number>();
  for (const word of words(expected)) want.set(word, (want.get(word) ?? 0) + 1);
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
  const recall = common / words(expected).length;
  return (2 * precision * recall) / (precision + recall);
}

/** The text a reader sees once a Markdown body is rendered (tables stay HTML, so raw HTML is parsed). */
export function renderedText(body: string): string {
  const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
  return toText(processor.runSync(processor.parse(body)));
}
