/**
 * Reads an article page saved from a browser (HTML). The page is parsed with rehype-parse,
 * which keeps source positions; the metadata (title, description, dates, authors) is
 * weighed by `readMetadata`, the body is Readability's main content as Markdown, and the
 * lead image is the article's first figure (or og:image). Fields carry the line of the
 * element they came from.
 */
import type { Element, Root } from "hast";
import { toText } from "hast-util-to-text";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { cleanInline } from "../pipeline/normalize/text.js";
import type { Detection, Found } from "./analyze.js";
import { readContent } from "./content.js";
import { residueAnywhere, residueAtEdge } from "./detect.js";
import { MAX_NESTING, tooDeep } from "./guard.js";
import { descendants, lineOf, tokens } from "./hast.js";
import { absolute, captionAndCredit } from "./html-markdown.js";
import { readMetadata } from "./metadata.js";

const parser = unified().use(rehypeParse);

/** True when text is an HTML document rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype\s+html|<html[\s>])/iu.test(text.replace(/^\uFEFF/u, ""));
}

/**
 * Analyzes one saved HTML page into the same detection as plain text gives.
 * @param html the page's source
 * @param timeZone the configured zone, for dates without an offset
 */
export function analyzeHtml(html: string, timeZone: string): Detection {
  const detection: Detection = { body: [], dropped: [], notes: [] };
  const deep = tooDeep(html);
  if (deep !== undefined) {
    detection.blocked = {
      line: deep.line,
      column: deep.column,
      message: `Elements nest deeper than ${MAX_NESTING} levels here, far deeper than any article page; the page is not read, so that no parser runs out of stack.`,
    };
    return detection;
  }
  const tree = parser.parse(html) as Root;
  const elements = descendants(tree);
  const container = articleElement(elements);
  const metadata = readMetadata(tree, timeZone, container);
  detection.evidence = metadata.evidence;
  for (const problem of metadata.problems) detection.notes.push({ field: problem.field, line: problem.line, message: problem.message });

  if (metadata.title !== undefined) detection.title = metadata.title;
  else detection.notes.push({ field: "title", message: "The page has no <h1>, no og:title or JSON-LD headline, and no <title>." });
  if (metadata.description !== undefined) detection.description = metadata.description;
  else
    detection.notes.push({
      field: "description",
      message: "The page has no JSON-LD, og: or meta description; the build will summarize the first paragraph.",
    });
  if (metadata.date !== undefined) detection.date = metadata.date;
  else if (!detection.notes.some((note) => note.field === "date")) {
    const rejected = metadata.evidence.find((item) => item.field === "date");
    detection.notes.push(
      rejected === undefined
        ? {
            field: "date",
            message: "The page has no datePublished (JSON-LD or itemprop), no article:published_time or date meta, no <time datetime> and no date line.",
          }
        : { field: "date", line: rejected.line, text: rejected.value, message: `This date is not used: ${rejected.reason ?? "not in a form the build reads"}` },
    );
  }
  if (metadata.updated !== undefined) detection.updated = metadata.updated;
  if (metadata.authors !== undefined) detection.authors = metadata.authors;
  else
    detection.notes.push({
      field: "author",
      message: "The page has no JSON-LD or itemprop author, no author meta and no byline element; the config's author applies.",
    });

  const baseUrl = base(elements);
  const inside = container === undefined ? [] : descendants(container);
  readImage(detection, inside, elements, baseUrl);
  const content = readContent(tree, baseUrl);
  const bylineText = metadata.authors?.value;
  for (const block of content.blocks) {
    const found = { value: block.text, line: block.line, markdown: block.markdown };
    if (block.kind === "heading" && detection.title !== undefined && sameText(block.text, detection.title.value)) {
      detection.dropped.push({ value: block.text, line: block.line, reason: "repeated headline" });
    } else if (block.kind === "figure" && detection.image?.src !== undefined && block.markdown.includes(`(${detection.image.src.value})`)) {
      detection.dropped.push({ value: detection.image.src.value, line: block.line, reason: "lead image (in the front matter)" });
    } else if (
      block.kind === "figure" &&
      block.text !== "" &&
      [detection.image?.caption?.value, detection.image?.credit?.value].some((part) => part !== undefined && block.text.includes(part))
    ) {
      detection.dropped.push({ value: block.text, line: block.line, reason: "lead image caption (in the front matter)" });
    } else if (block.kind === "paragraph" && (sameText(block.text, bylineText ?? "") || sameText(block.text, content.byline ?? ""))) {
      detection.dropped.push({ value: block.text, line: block.line, reason: "byline" });
    } else {
      const residue = block.kind === "paragraph" ? (residueAnywhere(block.text) ?? residueAtEdge(block.text)) : undefined;
      if (residue !== undefined) detection.dropped.push({ value: block.text, line: block.line, reason: residue });
      else detection.body.push(found);
    }
  }
  if (detection.body.length === 0) detection.notes.push({ field: "body", message: "Readability finds no article text on the page." });
  return detection;
}

const sameText = (a: string, b: string): boolean => a !== "" && cleanInline(a).toLowerCase() === cleanInline(b).toLowerCase();

/** The element holding the article: the <article> with the most text (pages list teasers as articles too), else <main>, else <body>. */
function articleElement(elements: readonly Element[]): Element | undefined {
  let best: Element | undefined;
  let bestLength = 0;
  for (const node of elements) {
    if (node.tagName !== "article") continue;
    const length = toText(node).length;
    if (length > bestLength) {
      best = node;
      bestLength = length;
    }
  }
  return best ?? elements.find((node) => node.tagName === "main") ?? elements.find((node) => node.tagName === "body");
}

function metaContent(elements: readonly Element[], key: string): Found | undefined {
  const element = elements.find(
    (node) => node.tagName === "meta" && [node.properties.name, node.properties.property].some((value) => String(value ?? "").toLowerCase() === key),
  );
  const content = element === undefined ? "" : cleanInline(String(element.properties.content ?? ""));
  return element === undefined || content === "" ? undefined : { value: content, line: lineOf(element) };
}

function readImage(detection: Detection, inside: readonly Element[], elements: readonly Element[], baseUrl: string | undefined): void {
  const figure = inside.find((node) => node.tagName === "figure" && descendants(node).some((child) => child.tagName === "img"));
  const image: NonNullable<Detection["image"]> = {};
  const img = figure === undefined ? undefined : descendants(figure).find((node) => node.tagName === "img");
  const og = metaContent(elements, "og:image");
  const rawSrc = img === undefined ? og?.value : String(img.properties.src ?? "");
  const src = rawSrc === undefined ? undefined : absolute(rawSrc, baseUrl);
  if (src !== undefined && !src.startsWith("mailto:")) image.src = { value: src, line: img === undefined ? (og?.line ?? 1) : lineOf(img) };
  else if (rawSrc !== undefined && rawSrc.trim() !== "")
    detection.notes.push({
      field: "image.src",
      text: rawSrc,
      message: "The image address is relative and the page names no canonical URL to resolve it against.",
    });
  const ogAlt = metaContent(elements, "og:image:alt");
  const alt = img === undefined ? ogAlt?.value : cleanInline(String(img.properties.alt ?? ""));
  if (alt) image.alt = { value: alt, line: img === undefined ? (ogAlt?.line ?? 1) : lineOf(img) };
  const caption = figure === undefined ? undefined : descendants(figure).find((node) => node.tagName === "figcaption");
  if (caption !== undefined) {
    const split = captionAndCredit(caption);
    if (split.caption !== "") image.caption = { value: split.caption, line: lineOf(caption) };
    if (split.credit !== "") image.credit = { value: split.credit, line: split.creditElement === undefined ? lineOf(caption) : lineOf(split.creditElement) };
  }
  if (Object.keys(image).length > 0) detection.image = image;
  else detection.notes.push({ field: "image", message: "The article has no <figure> with an <img> and the page no og:image meta." });
  if (detection.image !== undefined && image.src === undefined && !detection.notes.some((note) => note.field === "image.src"))
    detection.notes.push({
      field: "image.src",
      message: "The figure's image has no address; the caption and credit are kept as image_caption and image_credit.",
    });
}

/** The page's own address (canonical link, else og:url), against which relative addresses resolve; only http(s). */
function base(elements: readonly Element[]): string | undefined {
  const canonical = elements.find((node) => node.tagName === "link" && tokens(node.properties.rel).includes("canonical"));
  const candidates = [canonical === undefined ? undefined : String(canonical.properties.href ?? ""), metaContent(elements, "og:url")?.value];
  return candidates.find((href) => href !== undefined && /^https?:\/\//iu.test(href.trim()) && URL.canParse(href.trim()))?.trim();
}
