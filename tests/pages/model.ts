// Hand-built sites for the page modules' unit tests, and a way to read the pages they make.
import type { Element, Root } from "hast";
import { toText } from "hast-util-to-text";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { buildModel, type FeedModel } from "../../src/build/stages/model.js";
import type { ArticleMeta } from "../../src/build/stages/meta/index.js";
import { type Config, configSchema } from "../../src/config/schema.js";

export const config = (changes: Record<string, unknown> = {}): Config =>
  configSchema.parse({ title: "The World Desk", url: "https://worlddesk.example/", timeZone: "Asia/Kolkata", description: "News.", ...changes });

const position = { line: 1, column: 1 };

/** An article's metadata as the meta stage makes it, with `changes`. */
export function meta(slug: string, date: string, changes: Partial<ArticleMeta> = {}): ArticleMeta {
  const day = date.slice(0, 10).replaceAll("-", "/");
  return {
    id: `https://worlddesk.example/${day}/${slug}/`,
    slug,
    url: `https://worlddesk.example/${day}/${slug}/`,
    title: `Title of ${slug}`,
    date: new Date(date),
    updated: new Date(date),
    authors: [],
    tags: [],
    draft: false,
    positions: { slug: position, id: position },
    ...changes,
  };
}

/** A model of `articles`, each with a one-paragraph body. */
export function model(articles: readonly ArticleMeta[], changes: Record<string, unknown> = {}): FeedModel {
  return buildModel(
    articles.map((article) => ({
      meta: article,
      body: { html: `<p>Body of ${article.slug}.</p>`, text: `Body of ${article.slug}.` },
      summary: `Summary of ${article.slug}.`,
      source: `${article.slug}.md`,
    })),
    config(changes),
  );
}

/** A page's tree, as a browser would parse it. */
export const parse = (page: string): Root => unified().use(rehypeParse).parse(page);

/** The elements of `tree` that match: a tag name, and attributes that must equal (or, as true, be present). */
export function select(tree: Root, tagName: string, attributes: Record<string, string | true> = {}): Element[] {
  const found: Element[] = [];
  visit(tree, "element", (node: Element) => {
    if (node.tagName !== tagName) return;
    for (const [name, value] of Object.entries(attributes)) {
      const actual = node.properties[name];
      const shown = Array.isArray(actual) ? actual.join(" ") : actual;
      if (value === true ? actual === undefined : String(shown) !== value) return;
    }
    found.push(node);
  });
  return found;
}

/** The text of each element. */
export const texts = (elements: readonly Element[]): string[] => elements.map((element) => toText(element).trim());
