/**
 * Reads an article page saved from a browser (HTML) with rehype-parse: the headline from
 * the article's h1 (or og:title), the dek from the description meta, the date from the
 * published-time meta or a <time datetime>, the lead image from the article's first figure
 * (or og:image), and the body from the article's paragraphs. Fields carry the line of the
 * element they came from.
 */
import type { Element, ElementContent, Root } from "hast";
import { toText } from "hast-util-to-text";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { cleanBlock, cleanInline } from "../text/text.js";
import type { Detection, Found } from "./analyze.js";
import { detectByline, detectCaptionWithCredit, detectCreditLine, detectDateLine, residueAnywhere, residueAtEdge } from "./detect.js";

const parser = unified().use(rehypeParse);

// Elements whose paragraphs are page furniture, not the article.
const OUTSIDE_BODY = new Set(["figure", "figcaption", "header", "footer", "nav", "aside", "form", "script", "style", "noscript", "template", "button"]);

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
  const tree = parser.parse(html) as Root;
  const detection: Detection = { body: [], dropped: [], notes: [] };
  const elements = descendants(tree);
  const meta = (key: string): Found | undefined => {
    const element = elements.find(
      (node) => node.tagName === "meta" && [node.properties.name, node.properties.property].some((value) => String(value ?? "").toLowerCase() === key),
    );
    const content = element === undefined ? "" : cleanInline(String(element.properties.content ?? ""));
    return element === undefined || content === "" ? undefined : { value: content, line: lineOf(element) };
  };
  const container =
    elements.find((node) => node.tagName === "article") ?? elements.find((node) => node.tagName === "main") ?? elements.find((node) => node.tagName === "body");
  const inside = container === undefined ? [] : descendants(container);

  const heading = inside.find((node) => node.tagName === "h1") ?? elements.find((node) => node.tagName === "h1");
  const headingText = heading === undefined ? "" : cleanInline(toText(heading));
  const title = headingText !== "" && heading !== undefined ? { value: headingText, line: lineOf(heading) } : meta("og:title");
  if (title !== undefined) detection.title = title;
  else
    detection.notes.push({
      field: "title",
      message: "The page has no <h1> and no og:title meta; its <title> usually carries the site's name too, so it is not used.",
    });

  const description = meta("description") ?? meta("og:description");
  if (description !== undefined) detection.description = description;
  else
    detection.notes.push({
      field: "description",
      message: "The page has no description or og:description meta; the build will summarize the first paragraph.",
    });

  readDate(detection, elements, meta, timeZone);
  readAuthors(detection, inside, meta);
  readImage(detection, inside, meta, base(elements));

  for (const paragraph of paragraphs(container)) {
    const text = cleanBlock(toText(paragraph));
    if (text === "") continue;
    const residue = residueAnywhere(text) ?? residueAtEdge(text);
    if (residue !== undefined) detection.dropped.push({ value: cleanInline(text), line: lineOf(paragraph), reason: residue });
    else detection.body.push({ value: text, line: lineOf(paragraph) });
  }
  if (detection.body.length === 0) detection.notes.push({ field: "body", message: "The page's article (or main, or body) element holds no <p> paragraphs." });
  return detection;
}

function readDate(detection: Detection, elements: readonly Element[], meta: (key: string) => Found | undefined, timeZone: string): void {
  const time = elements.find((node) => node.tagName === "time" && typeof node.properties.dateTime === "string");
  const candidates: Found[] = [
    meta("article:published_time"),
    meta("date"),
    meta("pubdate"),
    meta("publishdate"),
    time === undefined ? undefined : { value: String(time.properties.dateTime), line: lineOf(time) },
  ].filter((found) => found !== undefined);
  for (const candidate of candidates) {
    const date = detectDateLine(candidate.value, timeZone);
    if (date !== undefined) {
      detection.date = { value: date.text, line: candidate.line, date: date.date };
      return;
    }
  }
  const looked = candidates[0];
  detection.notes.push(
    looked === undefined
      ? { field: "date", message: "The page has no article:published_time meta and no <time datetime> element." }
      : { field: "date", line: looked.line, text: looked.value, message: "This date is not in a form the build reads." },
  );
}

function readAuthors(detection: Detection, inside: readonly Element[], meta: (key: string) => Found | undefined): void {
  const byline = inside.find((node) => classOf(node).includes("byline") || tokens(node.properties.rel).includes("author"));
  const bylineText = byline === undefined ? "" : cleanInline(toText(byline));
  const fromByline = detectByline(bylineText.toLowerCase().startsWith("by ") ? bylineText : `By ${bylineText}`);
  if (byline !== undefined && bylineText !== "" && fromByline !== undefined) {
    detection.authors = { value: bylineText, line: lineOf(byline), names: fromByline };
    return;
  }
  const author = meta("author");
  if (author !== undefined) detection.authors = { ...author, names: [author.value] };
  else detection.notes.push({ field: "author", message: "The page has no byline element and no author meta; the config's author applies." });
}

function readImage(detection: Detection, inside: readonly Element[], meta: (key: string) => Found | undefined, baseUrl: string | undefined): void {
  const figure = inside.find((node) => node.tagName === "figure" && descendants(node).some((child) => child.tagName === "img"));
  const image: NonNullable<Detection["image"]> = {};
  const img = figure === undefined ? undefined : descendants(figure).find((node) => node.tagName === "img");
  const rawSrc = img === undefined ? meta("og:image")?.value : String(img.properties.src ?? "");
  const src = rawSrc === undefined ? undefined : absoluteSource(rawSrc, baseUrl);
  if (src !== undefined) image.src = { value: src, line: img === undefined ? (meta("og:image")?.line ?? 1) : lineOf(img) };
  else if (rawSrc !== undefined)
    detection.notes.push({
      field: "image.src",
      text: rawSrc,
      message: "The image address is relative and the page names no canonical URL to resolve it against.",
    });
  const alt = img === undefined ? meta("og:image:alt")?.value : cleanInline(String(img.properties.alt ?? ""));
  if (alt) image.alt = { value: alt, line: img === undefined ? (meta("og:image:alt")?.line ?? 1) : lineOf(img) };
  const caption = figure === undefined ? undefined : descendants(figure).find((node) => node.tagName === "figcaption");
  if (caption !== undefined) {
    const line = lineOf(caption);
    const creditElement = descendants(caption).find((node) => /credit|copyright|source/iu.test(classOf(node)));
    const creditText = creditElement === undefined ? "" : cleanInline(toText(creditElement));
    const text = cleanInline(toText(caption));
    const split = detectCaptionWithCredit(text);
    if (creditText !== "") {
      const captionText = cleanInline(text.slice(0, text.lastIndexOf(creditText)));
      if (captionText !== "") image.caption = { value: captionText, line };
      image.credit = { value: creditText, line: lineOf(creditElement as Element) };
    } else if (split !== undefined) {
      image.caption = { value: split.caption, line };
      image.credit = { value: split.credit, line };
    } else if (detectCreditLine(text) !== undefined) {
      image.credit = { value: text, line };
    } else if (text !== "") {
      image.caption = { value: text, line };
    }
  }
  if (Object.keys(image).length > 0) detection.image = image;
  else detection.notes.push({ field: "image", message: "The article has no <figure> with an <img> and the page no og:image meta." });
  if (detection.image !== undefined && image.src === undefined && !detection.notes.some((note) => note.field === "image.src"))
    detection.notes.push({
      field: "image.src",
      message: "The figure's image has no address; the caption and credit are kept as image_caption and image_credit.",
    });
}

/** The page's canonical URL, against which relative image addresses resolve. */
function base(elements: readonly Element[]): string | undefined {
  const canonical = elements.find((node) => node.tagName === "link" && tokens(node.properties.rel).includes("canonical"));
  const href = canonical === undefined ? undefined : String(canonical.properties.href ?? "");
  return href !== undefined && URL.canParse(href) ? href : undefined;
}

function absoluteSource(src: string, baseUrl: string | undefined): string | undefined {
  const trimmed = src.trim();
  if (/^https?:\/\//iu.test(trimmed) && URL.canParse(trimmed)) return trimmed;
  return baseUrl !== undefined && trimmed !== "" && URL.canParse(trimmed, baseUrl) ? new URL(trimmed, baseUrl).href : undefined;
}

/** Paragraphs of the article in document order, leaving out figures, headers, footers, navigation and asides. */
function paragraphs(container: Element | undefined): Element[] {
  const found: Element[] = [];
  const walk = (children: readonly ElementContent[]) => {
    for (const child of children) {
      if (child.type !== "element" || OUTSIDE_BODY.has(child.tagName)) continue;
      if (child.tagName === "p") found.push(child);
      else walk(child.children);
    }
  };
  if (container !== undefined) walk(container.children);
  return found;
}

function descendants(node: Root | Element): Element[] {
  const found: Element[] = [];
  const walk = (children: readonly (Root["children"][number] | ElementContent)[]) => {
    for (const child of children) {
      if (child.type !== "element") continue;
      found.push(child);
      walk(child.type === "element" && child.tagName === "template" ? [] : child.children);
    }
  };
  walk(node.children);
  return found;
}

function classOf(node: Element): string {
  return tokens(node.properties.className).join(" ");
}

/** hast keeps space-separated attributes (class, rel) as lists. */
function tokens(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? value.split(/\s+/u) : [];
}

function lineOf(node: Element): number {
  return node.position?.start.line ?? 1;
}
