/**
 * Turns an article's extracted HTML into Markdown blocks the build renders back to the same
 * text: headings, paragraphs, lists, block quotes, code, figures with their captions and
 * credits, links made absolute. One handler per element kind; text goes through the same
 * escaping as plain-text paragraphs. Tables stay HTML (rebuilt from their cells, nothing
 * else kept), because the build reads CommonMark, which has no tables.
 */
import type { Element, ElementContent, Root, RootContent } from "hast";
import { toText } from "hast-util-to-text";
import { cleanInline } from "../text/text.js";
import { detectCaptionWithCredit, detectCreditLine } from "./detect.js";
import { classOf } from "./hast.js";
import { escapeInline, escapeLineStart } from "./markdown.js";

/** One Markdown block, its text as a reader sees it, and the source line it came from. */
export interface Block {
  markdown: string;
  text: string;
  line: number;
  kind: "paragraph" | "heading" | "list" | "quote" | "code" | "table" | "figure" | "rule";
}

interface State {
  /** The page's address (http or https only) relative links resolve against. */
  base: string | undefined;
  line: number;
}

type Node = Root | RootContent | ElementContent;

const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const BLOCK_CONTAINERS = new Set([
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "body",
  "html",
  "center",
  "details",
  "summary",
  "dl",
  "dd",
  "dt",
  "address",
  "hgroup",
  "form",
  "fieldset",
  "span",
  "font",
  "li",
]);
const BLOCK_TAGS = new Set([...HEADINGS, "p", "ul", "ol", "blockquote", "pre", "table", "figure", "hr", ...BLOCK_CONTAINERS]);
const SKIPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "button",
  "input",
  "select",
  "textarea",
  "svg",
  "iframe",
  "object",
  "embed",
  "video",
  "audio",
  "canvas",
  "map",
  "head",
]);
const CREDIT_CLASS = /credit|copyright|source|byline|attribution/iu;

/**
 * The Markdown blocks of a fragment.
 * @param root the article's content, parsed
 * @param base the page's address, for relative links; only an http(s) address is used
 */
export function htmlToBlocks(root: Root, base: string | undefined): Block[] {
  const httpBase = base !== undefined && /^https?:\/\//iu.test(base) && URL.canParse(base) ? base : undefined;
  return blocksOf(root.children, { base: httpBase, line: 1 });
}

function lineOfNode(node: Element, state: State): State {
  const line = Number(node.properties.dataWfLine);
  return Number.isInteger(line) && line > 0 ? { ...state, line } : state;
}

function isBlock(node: Node): boolean {
  if (node.type !== "element") return false;
  if (BLOCK_TAGS.has(node.tagName) && node.tagName !== "span" && node.tagName !== "font") return true;
  // A span or font that holds blocks (Blogger wraps whole posts in them) is a block too.
  return (node.tagName === "span" || node.tagName === "font") && node.children.some(isBlock);
}

/** Blocks of a run of siblings: inline runs between blocks become paragraphs. */
function blocksOf(children: readonly Node[], state: State): Block[] {
  const blocks: Block[] = [];
  let run: Node[] = [];
  let runState = state;
  const flush = () => {
    const paragraph = paragraphOf(run, runState);
    if (paragraph !== undefined) blocks.push(paragraph);
    run = [];
  };
  for (const child of children) {
    if (child.type === "element" && SKIPPED.has(child.tagName)) continue;
    if (child.type === "element" && child.tagName === "br" && run.length > 0 && run.at(-1)?.type === "element" && (run.at(-1) as Element).tagName === "br") {
      // Two line breaks in a row end a paragraph, as Blogger writes them.
      run.pop();
      flush();
      continue;
    }
    if (!isBlock(child)) {
      if (run.length === 0 && child.type === "element") runState = lineOfNode(child, state);
      run.push(child);
      continue;
    }
    flush();
    blocks.push(...blockOf(child as Element, lineOfNode(child as Element, state)));
  }
  flush();
  return blocks;
}

function blockOf(node: Element, state: State): Block[] {
  const { tagName } = node;
  if (tagName === "p") {
    // A <p> holding a figure or list is invalid HTML that parsers keep; read its parts.
    if (node.children.some(isBlock)) return blocksOf(node.children, state);
    const paragraph = paragraphOf(node.children, state);
    return paragraph === undefined ? [] : [paragraph];
  }
  if (HEADINGS.has(tagName)) {
    const text = inlineOf(node.children, state).trim();
    if (text === "") return [];
    const level = Math.max(2, Number(tagName.slice(1)));
    return [{ markdown: `${"#".repeat(level)} ${text}`, text: cleanInline(toText(node)), line: state.line, kind: "heading" }];
  }
  if (tagName === "ul" || tagName === "ol") return listOf(node, state);
  if (tagName === "blockquote") {
    const inner = blocksOf(node.children, state);
    if (inner.length === 0) return [];
    const markdown = inner
      .map((block) => block.markdown)
      .join("\n\n")
      .split("\n")
      .map((line) => (line === "" ? ">" : `> ${line}`))
      .join("\n");
    return [{ markdown, text: inner.map((block) => block.text).join(" "), line: state.line, kind: "quote" }];
  }
  if (tagName === "pre") return codeOf(node, state);
  if (tagName === "table") return tableOf(node, state);
  if (tagName === "figure") return figureOf(node, state);
  if (tagName === "hr") return [{ markdown: "---", text: "", line: state.line, kind: "rule" }];
  return blocksOf(node.children, state);
}

function paragraphOf(nodes: readonly Node[], state: State): Block | undefined {
  const markdown = inlineOf(nodes, state)
    .replace(/^(?:\s|\\\n)+|(?:\s|\\\n)+$/gu, "")
    .split("\n")
    .map((line) => escapeLineStart(line.trimStart()))
    .join("\n");
  const text = cleanInline(plainText(nodes));
  if (markdown === "" || (text === "" && !markdown.includes("!["))) return undefined;
  // A paragraph that is only an image (linked or not) is a figure without a caption.
  return { markdown, text, line: state.line, kind: /^\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?$/u.test(markdown) ? "figure" : "paragraph" };
}

/** The text a reader sees: text nodes as they are (whitespace evened by the caller), a line break a space. */
function plainText(nodes: readonly Node[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text") return node.value;
      if (node.type !== "element" || SKIPPED.has(node.tagName)) return "";
      return node.tagName === "br" ? " " : plainText(node.children);
    })
    .join("");
}

function inlineOf(nodes: readonly Node[], state: State): string {
  return nodes.map((node) => inlineNode(node, state)).join("");
}

const EMPHASIS: Record<string, string> = { em: "*", i: "*", cite: "*", strong: "**", b: "**" };

function inlineNode(node: Node, state: State): string {
  if (node.type === "text") return escapeInline(node.value.replace(/\s+/gu, " "));
  if (node.type !== "element" || SKIPPED.has(node.tagName)) return "";
  const { tagName } = node;
  if (tagName === "br") return "\\\n";
  if (tagName === "img") return imageOf(node, state) ?? "";
  if (tagName === "code" || tagName === "kbd" || tagName === "samp") {
    const code = toText(node).replace(/\s+/gu, " ");
    if (code.trim() === "") return code;
    const ticks = "`".repeat(Math.max(0, ...[...code.matchAll(/`+/gu)].map((run) => run[0].length)) + 1);
    const pad = code.startsWith("`") || code.endsWith("`") ? " " : "";
    return `${ticks}${pad}${code}${pad}${ticks}`;
  }
  const inner = inlineOf(node.children, state);
  const marker = EMPHASIS[tagName];
  if (marker !== undefined) {
    // Emphasis cannot open or close next to a space: keep the spaces outside the markers.
    const core = inner.trim();
    if (core === "") return inner;
    const lead = inner.slice(0, inner.indexOf(core));
    return `${lead}${marker}${core}${marker}${inner.slice(lead.length + core.length)}`;
  }
  if (tagName === "a") {
    const href = absolute(String(node.properties.href ?? ""), state.base);
    const text = inner.trim();
    if (href === undefined || text === "") return inner;
    const lead = inner.slice(0, inner.indexOf(text));
    return `${lead}[${text}](${destination(href)})${inner.slice(lead.length + text.length)}`;
  }
  return inner;
}

/** An absolute http(s) or mailto address, or undefined for fragments, scripts and what cannot be resolved. */
export function absolute(href: string, base: string | undefined): string | undefined {
  const trimmed = href.trim();
  if (trimmed === "" || trimmed.startsWith("#")) return undefined;
  const url = URL.canParse(trimmed) ? new URL(trimmed) : base !== undefined && URL.canParse(trimmed, base) ? new URL(trimmed, base) : undefined;
  return url !== undefined && /^(?:https?|mailto):$/u.test(url.protocol) ? url.href : undefined;
}

function destination(url: string): string {
  return url.replace(/[()<> ]/gu, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

function imageOf(node: Element, state: State): string | undefined {
  const { properties } = node;
  const source = [properties.src, properties.dataSrc, properties.dataOriginal, properties.dataLazySrc].find(
    (value) => typeof value === "string" && value.trim() !== "" && !value.startsWith("data:"),
  );
  const src = source === undefined ? undefined : absolute(String(source), state.base);
  if (src === undefined) return undefined;
  const alt = cleanInline(String(properties.alt ?? "")).replace(/[[\]\\]/gu, "\\$&");
  return `![${alt}](${destination(src)})`;
}

function listOf(node: Element, state: State): Block[] {
  const ordered = node.tagName === "ol";
  const start = Number(node.properties.start ?? 1);
  const items = node.children.filter((child): child is Element => child.type === "element" && child.tagName === "li");
  const rendered = items.flatMap((item, index) => {
    const inner = blocksOf(item.children, lineOfNode(item, state));
    if (inner.length === 0) return [];
    const marker = ordered ? `${(Number.isInteger(start) ? start : 1) + index}. ` : "- ";
    const indent = " ".repeat(marker.length);
    const body = inner
      .map((block) => block.markdown)
      .join("\n\n")
      .split("\n")
      .map((line, position) => (position === 0 ? `${marker}${line}` : line === "" ? "" : `${indent}${line}`))
      .join("\n");
    return [{ markdown: body, text: inner.map((block) => block.text).join(" ") }];
  });
  if (rendered.length === 0) return [];
  return [{ markdown: rendered.map((item) => item.markdown).join("\n"), text: rendered.map((item) => item.text).join(" "), line: state.line, kind: "list" }];
}

function codeOf(node: Element, state: State): Block[] {
  const code = toText(node, { whitespace: "pre" }).replace(/\n+$/u, "");
  if (code.trim() === "") return [];
  const codeElement = node.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
  const language = /(?:^|\s)(?:language|lang)-([\w+-]+)/u.exec(`${classOf(node)} ${codeElement === undefined ? "" : classOf(codeElement)}`)?.[1] ?? "";
  const fence = "`".repeat(Math.max(3, ...[...code.matchAll(/`{3,}/gu)].map((run) => run[0].length + 1)));
  return [{ markdown: `${fence}${language}\n${code}\n${fence}`, text: cleanInline(code), line: state.line, kind: "code" }];
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/gu, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[character] ?? character);

function tableOf(node: Element, state: State): Block[] {
  const rows: Element[] = [];
  const walk = (children: readonly ElementContent[]) => {
    for (const child of children) {
      if (child.type !== "element" || child.tagName === "table") continue;
      if (child.tagName === "tr") rows.push(child);
      else walk(child.children);
    }
  };
  walk(node.children);
  const cells = rows.map((row) =>
    row.children
      .filter((cell): cell is Element => cell.type === "element" && (cell.tagName === "td" || cell.tagName === "th"))
      .map((cell) => ({ header: cell.tagName === "th", text: cleanInline(toText(cell)) })),
  );
  if (cells.every((row) => row.every((cell) => cell.text === ""))) return [];
  const html = cells
    .map((row) => `<tr>${row.map((cell) => `<${cell.header ? "th" : "td"}>${escapeHtml(cell.text)}</${cell.header ? "th" : "td"}>`).join("")}</tr>`)
    .join("\n");
  return [{ markdown: `<table>\n${html}\n</table>`, text: cells.flatMap((row) => row.map((cell) => cell.text)).join(" "), line: state.line, kind: "table" }];
}

function figureOf(node: Element, state: State): Block[] {
  const images: string[] = [];
  const find = (children: readonly ElementContent[]) => {
    for (const child of children) {
      if (child.type !== "element" || child.tagName === "figcaption") continue;
      if (child.tagName === "img") {
        const image = imageOf(child, state);
        if (image !== undefined) images.push(image);
      } else find(child.children);
    }
  };
  find(node.children);
  const caption = node.children.find((child): child is Element => child.type === "element" && child.tagName === "figcaption");
  const { caption: captionText, credit } = caption === undefined ? { caption: "", credit: "" } : captionAndCredit(caption);
  const blocks: Block[] = images.map((markdown) => ({ markdown, text: "", line: state.line, kind: "figure" }));
  const words = [captionText, credit].filter((part) => part !== "");
  if (words.length > 0)
    blocks.push({ markdown: escapeLineStart(`*${escapeInline(words.join(" "))}*`), text: words.join(" "), line: state.line, kind: "figure" });
  if (images.length === 0 && words.length === 0) return blocksOf(node.children, state);
  return blocks;
}

/**
 * A figure caption split into caption and credit: a credit element (class credit, copyright,
 * source), or a credit at the caption's end ("(Photo: Reuters)"), or a caption that is only a credit.
 * @param caption the figcaption element
 */
export function captionAndCredit(caption: Element): { caption: string; credit: string; creditElement?: Element } {
  const creditElement = findCredit(caption);
  const text = cleanInline(toText(caption));
  if (creditElement !== undefined) {
    const credit = cleanInline(toText(creditElement));
    if (credit !== "") return { caption: cleanInline(text.slice(0, text.lastIndexOf(credit))), credit, creditElement };
  }
  const split = detectCaptionWithCredit(text);
  if (split !== undefined) return split;
  if (detectCreditLine(text) !== undefined) return { caption: "", credit: text };
  return { caption: text, credit: "" };
}

function findCredit(node: Element): Element | undefined {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (CREDIT_CLASS.test(classOf(child))) return child;
    const inner = findCredit(child);
    if (inner !== undefined) return inner;
  }
  return undefined;
}
