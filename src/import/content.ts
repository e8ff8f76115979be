/**
 * The article's main content, found by Mozilla's Readability (the reader view of Firefox)
 * run on a linkedom document, then turned into Markdown blocks. Every element carries the
 * source line it came from through a data attribute, which Readability keeps, so body
 * blocks still point into the saved page.
 */
import { Readability } from "@mozilla/readability";
import type { Element, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { parseHTML } from "linkedom";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { descendants, tokens } from "./hast.js";
import { type Block, htmlToBlocks } from "./html-markdown.js";

const fragmentParser = unified().use(rehypeParse, { fragment: true });

// Boxes that are never the article, by a word of their class or id. Readability removes
// most of these itself; these are the ones news pages name plainly and it sometimes keeps.
const NOT_ARTICLE = new Set([
  "newsletter",
  "cookie",
  "cookies",
  "consent",
  "gdpr",
  "share",
  "sharing",
  "social",
  "related",
  "recommended",
  "recirculation",
  "promo",
  "teaser",
  "teasers",
  "subscribe",
  "subscription",
  "paywall",
  "comments",
  "outbrain",
  "taboola",
  "advert",
  "advertisement",
  "ad-slot",
  "sponsored",
]);

/** The content Readability finds, as blocks, and the element names it came from. */
export interface Content {
  blocks: Block[];
  /** Readability's own reading of the byline, when it found one. */
  byline?: string;
  /** Why Readability could not read the page, when it failed. */
  failure?: string;
}

/**
 * Finds the main content of a page. Mutates `tree`: elements get a line attribute, and
 * boxes that are never the article are removed.
 * @param tree the page, parsed with positions (its nesting already checked)
 * @param base the page's address, for relative links and images
 */
export function readContent(tree: Root, base: string | undefined): Content {
  for (const element of descendants(tree)) {
    if (element.position !== undefined) element.properties.dataWfLine = element.position.start.line;
  }
  prune(tree);
  const { document } = parseHTML(toHtml(tree));
  // Readability reads the page's JSON-LD itself; the metadata reader already has, with more kinds.
  let article: ReturnType<Readability<string>["parse"]>;
  try {
    article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { keepClasses: true, disableJSONLD: true }).parse();
  } catch (error) {
    // Readability walks whatever DOM it is given; a page it cannot walk is that page's problem, not the import's.
    return { blocks: [], failure: (error as Error).message };
  }
  if (article === null || typeof article.content !== "string") return { blocks: [] };
  const fragment = fragmentParser.parse(article.content) as Root;
  const blocks = htmlToBlocks(fragment, base);
  return { blocks, ...(typeof article.byline === "string" && article.byline.trim() !== "" ? { byline: article.byline.trim() } : {}) };
}

function prune(tree: Root): void {
  const drop = (parent: Root | Element) => {
    parent.children = parent.children.filter((child) => {
      if (child.type !== "element") return true;
      if (isNotArticle(child)) return false;
      drop(child);
      return true;
    });
  };
  drop(tree);
}

// Never the article, wherever they stand: navigation, sidebars, footers (share bars, tags), forms.
const NOT_ARTICLE_TAGS = new Set(["nav", "aside", "footer", "form", "button", "dialog"]);

function isNotArticle(element: Element): boolean {
  // ASP.NET pages wrap the whole page in one <form>: a form that holds the headline is the page.
  if (element.tagName === "form") return !holdsHeadline(element);
  if (NOT_ARTICLE_TAGS.has(element.tagName)) return true;
  if (["article", "main", "body", "html", "h1"].includes(element.tagName)) return false;
  const words = [...tokens(element.properties.className), ...tokens(element.properties.id)].flatMap((token) => token.toLowerCase().split(/[_-]+/u));
  const joined = [...tokens(element.properties.className), ...tokens(element.properties.id)].map((token) => token.toLowerCase());
  if (!words.some((word) => NOT_ARTICLE.has(word)) && !joined.some((token) => NOT_ARTICLE.has(token))) return false;
  // A box named "share" that holds the headline is the article's header, not a share bar.
  return !holdsHeadline(element);
}

const holdsHeadline = (element: Element): boolean => descendants(element).some((child) => child.tagName === "h1" || child.tagName === "article");
