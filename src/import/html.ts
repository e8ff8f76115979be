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
import { cleanInline } from "../text/text.js";
import type { Detection } from "./analyze.js";
import { readContent } from "./content.js";
import { datesIn, detectByline, isDateOnlyLine, residueAnywhere, residueAtEdge } from "./detect.js";
import { MAX_NESTING, tooDeep } from "./guard.js";
import { classOf, descendants, lineOf, tokens } from "./hast.js";
import { absolute, type Block, captionAndCredit } from "./html-markdown.js";
import { metaReader, readMetadata } from "./metadata.js";

const parser = unified().use(rehypeParse);

/** True when text is an HTML document rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype\s+html|<html[\s>])/iu.test(text.replace(/^\uFEFF/u, ""));
}

/**
 * Analyzes one saved HTML page into the same detection as plain text gives.
 * @param html the page's source
 * @param timeZone the configured zone, for dates without an offset
 * @param savedFrom the address the page was saved from, where the file says (an MHTML part's
 *   Content-Location): relative addresses resolve against it when the page names no canonical one
 */
export function analyzeHtml(html: string, timeZone: string, savedFrom?: string): Detection {
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

  const baseUrl = base(elements) ?? httpAddress(savedFrom);
  const inside = container === undefined ? [] : descendants(container);
  readImage(detection, inside, elements, baseUrl);
  const content = readContent(tree, baseUrl);
  const bylines = [metadata.authors?.value, content.byline].filter((text) => text !== undefined);
  const edges = edgeFurniture(content.blocks, detection);
  const dekApart = setApart(detection, elements);
  const imageTexts = new Set(
    elements
      .filter((node) => node.tagName === "img")
      .flatMap((node) => [node.properties.alt, node.properties.title].map((text) => letters(String(text ?? "")))),
  );
  imageTexts.delete("");
  let prose = false;
  content.blocks.forEach((block, position) => {
    // Before the article's prose, a paragraph that only repeats an image's alt or title is its caption ("- Tapie en 2008. REUTERS/Benoit Tessier -", Slate.fr).
    const caption = !prose && block.kind === "paragraph" && imageTexts.has(letters(block.text)) ? "image caption" : undefined;
    const reason = edges.get(position) ?? caption ?? leftOut(block, detection, bylines, prose, dekApart, timeZone);
    if (reason !== undefined) detection.dropped.push({ value: block.text === "" ? block.markdown : block.text, line: block.line, reason });
    else {
      detection.body.push({ value: block.text, line: block.line, markdown: block.markdown });
      prose ||= block.kind === "paragraph" && block.text.split(/\s+/u).length > 8;
    }
  });
  if (detection.body.length === 0)
    detection.notes.push({
      field: "body",
      message: content.failure === undefined ? "Readability finds no article text on the page." : `Readability cannot read the page (${content.failure}).`,
    });
  return detection;
}

/** A text's letters and digits alone, lower-cased: a caption with its dashes and stops aside. */
const letters = (text: string): string => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(" ");

const LINK_ITEM = /^(?:[-*+]|\d+[.)])\s+\[[^\]]*\]\([^)]*\)$/u;
const shortText = (text: string, words: number): boolean => text.split(/\s+/u).length <= words;

/**
 * Blocks at the edges of Readability's content that are page furniture: short labels above
 * the repeated headline (a section kicker), and after the last paragraph the author's note
 * ("Dan Goodin is the Security Editor ...") and lists of links (tags, related topics) with
 * their headings; and before the first paragraph, the author's box ("Alexia Tsotsis currently works for TechCrunch ...").
 */
function edgeFurniture(blocks: readonly Block[], detection: Detection): Map<number, string> {
  const found = new Map<number, string>();
  const headline =
    detection.title === undefined ? -1 : blocks.findIndex((block) => block.kind === "heading" && sameText(block.text, detection.title?.value ?? ""));
  for (let position = 0; position < headline; position++) {
    const block = blocks[position] as Block;
    if ((block.kind === "heading" || block.kind === "paragraph") && shortText(block.text, 6)) found.set(position, "above the headline");
  }
  // Readability often removes the headline itself; a one-to-three-word heading opening the content is still its kicker.
  const first = blocks[0];
  if (headline === -1 && first?.kind === "heading" && shortText(first.text, 3) && blocks[1]?.kind === "heading") found.set(0, "above the headline");
  const names = detection.authors?.names ?? [];
  // "Dan Goodin is the Security Editor", "Alexia Tsotsis currently works for TechCrunch": a note on the author.
  const aboutAuthor = (block: Block) =>
    block.kind === "paragraph" &&
    names.some((name) => new RegExp(`^${escapeRegExp(name)},? (?:\\p{Ll}+ly )?(?:is|was|covers|writes|reports|works)\\b`, "iu").test(block.text));
  // Before the article's first paragraph, the author's box (TechCrunch's bio under the byline).
  for (let position = headline + 1; position < blocks.length; position++) {
    const block = blocks[position] as Block;
    if (aboutAuthor(block)) found.set(position, "about the author");
    else if (block.kind === "paragraph" && !shortText(block.text, 8)) break;
  }
  for (let position = blocks.length - 1; position > headline; position--) {
    const block = blocks[position] as Block;
    const links = block.kind === "list" && block.markdown.split("\n").every((line) => LINK_ITEM.test(line));
    const label = block.kind === "heading" && shortText(block.text, 5);
    const note = aboutAuthor(block);
    if (!links && !label && !note) break;
    found.set(position, note ? "about the author" : "links after the article");
  }
  return found;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/**
 * Why a block of Readability's content is left out of the body, if it is: what the front
 * matter already holds (headline, dek, byline, date line, lead figure), and, before the
 * first paragraph of prose, a section link ("New York") heading the article.
 */
function leftOut(block: Block, detection: Detection, bylines: readonly string[], afterProse: boolean, dekApart: boolean, timeZone: string): string | undefined {
  const { text, kind, markdown } = block;
  if (kind === "heading" && detection.title !== undefined && sameText(text, detection.title.value)) return "repeated headline";
  if (kind === "figure" && detection.image?.src !== undefined && markdown.includes(`(${detection.image.src.value})`)) return "lead image (in the front matter)";
  const captions = [detection.image?.caption?.value, detection.image?.credit?.value].filter((part) => part !== undefined);
  if (kind === "figure" && text !== "" && captions.some((part) => text.includes(part))) return "lead image caption (in the front matter)";
  if (
    !afterProse &&
    dekApart &&
    (kind === "paragraph" || kind === "heading") &&
    detection.description !== undefined &&
    sameText(text, detection.description.value)
  )
    return "dek (in the front matter)";
  if (kind !== "paragraph") return undefined;
  if (bylines.some((byline) => sameText(text, byline))) return "byline";
  const dates = datesIn(text, timeZone);
  const hasDate = dates.published !== undefined || dates.updated !== undefined;
  if (hasDate && (isDateOnlyLine(text, timeZone) || detectByline(text) !== undefined)) return "date line";
  if (!afterProse && /^\[[^\]]+\]\([^)]+\)$/u.test(markdown) && text.split(/\s+/u).length <= 4) return "section link";
  return residueAnywhere(text) ?? residueAtEdge(text);
}

// The class or id words of a dek, standfirst or summary ("article__desc", "chapo", "dek").
const DEK_CLASS =
  /(?:^|[\s_-])(?:dek|deck|desc|description|standfirst|summary|subtitle|sub-title|subhead|subheadline|chapo|chapeau|strapline|excerpt)(?:$|[\s_-])/iu;

/**
 * Whether the page sets its description apart from the article's text: given in JSON-LD or
 * itemprop, or shown in a heading or in an element classed as a dek. A meta description that
 * only repeats the first paragraph (many CMSs write it so) is that paragraph, and it stays.
 */
function setApart(detection: Detection, elements: readonly Element[]): boolean {
  const description = detection.description?.value;
  if (description === undefined) return false;
  const source = detection.evidence?.find((item) => item.field === "description" && item.used)?.source ?? "";
  if (source.startsWith("JSON-LD") || source.startsWith("itemprop")) return true;
  return elements.some(
    (node) =>
      !["meta", "script", "title", "head", "html", "body"].includes(node.tagName) &&
      (/^h[1-6]$/u.test(node.tagName) || DEK_CLASS.test(`${classOf(node)} ${tokens(node.properties.id).join(" ")}`)) &&
      sameText(toText(node), description),
  );
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

function readImage(detection: Detection, inside: readonly Element[], elements: readonly Element[], baseUrl: string | undefined): void {
  const meta = metaReader(elements);
  const figure = inside.find((node) => node.tagName === "figure" && descendants(node).some((child) => child.tagName === "img"));
  const image: NonNullable<Detection["image"]> = {};
  const img = figure === undefined ? undefined : descendants(figure).find((node) => node.tagName === "img");
  const og = meta("og:image");
  const rawSrc = img === undefined ? og?.value : String(img.properties.src ?? "");
  const src = rawSrc === undefined ? undefined : absolute(rawSrc, baseUrl);
  if (src !== undefined && !src.startsWith("mailto:")) image.src = { value: src, line: img === undefined ? (og?.line ?? 1) : lineOf(img) };
  else if (rawSrc !== undefined && rawSrc.trim() !== "")
    detection.notes.push({
      field: "image.src",
      text: rawSrc,
      message: "The image address is relative and the page names no canonical URL to resolve it against.",
    });
  const ogAlt = meta("og:image:alt");
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
  const candidates = [canonical === undefined ? undefined : String(canonical.properties.href ?? ""), metaReader(elements)("og:url")?.value];
  return candidates.map(httpAddress).find((href) => href !== undefined);
}

/** An absolute http(s) address, trimmed; undefined for anything else. */
const httpAddress = (href: string | undefined): string | undefined =>
  href !== undefined && /^https?:\/\//iu.test(href.trim()) && URL.canParse(href.trim()) ? href.trim() : undefined;
