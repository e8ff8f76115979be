// Judges built HTML by parsing it (rehype-parse, as a browser would), never by grepping.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Element, Root } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { DOMParser, MIME_TYPE, type Document } from "@xmldom/xmldom";
import { ATOM_NS, childElements, textOf } from "../support/xml.js";
import { readArchive } from "../helpers/build.js";

// Elements that run code, load active content, submit data or change how the page resolves.
const dangerousElements = new Set([
  "script",
  "style",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "form",
  "input",
  "button",
  "select",
  "textarea",
  "meta",
  "base",
  "link",
  "svg",
  "math",
  "template",
  "noscript",
  "html",
  "head",
  "body",
  "video",
  "audio",
  "isindex",
  "portal",
  "param",
]);

// hast property names of attributes that carry a URL or code.
const dangerousProperties = new Set([
  "style",
  "srcSet",
  "formAction",
  "action",
  "data",
  "poster",
  "background",
  "srcDoc",
  "xLinkHref",
  "codeBase",
  "dynsrc",
  "lowsrc",
]);

const urlProperties = ["href", "src", "cite", "longDesc"];

const rasterDataImage = /^data:image\/(?:png|gif|jpeg|webp|avif);/i;

const parseHtml = (html: string) => unified().use(rehypeParse, { fragment: true }).parse(html) as Root;

/**
 * Everything in `html` that could run code or leak the reader: dangerous elements, event handler
 * and style attributes, and URLs whose scheme is not http(s), mailto or an allowed data: image.
 */
export function htmlDangers(html: string, options: { allowDataImages?: boolean } = {}): string[] {
  const found: string[] = [];
  visit(parseHtml(html), (node) => {
    if (node.type === "comment") found.push(`comment <!--${String((node as { value: string }).value)}-->`);
    if (node.type !== "element") return;
    const element = node as Element;
    if (dangerousElements.has(element.tagName)) found.push(`<${element.tagName}>`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) found.push(`<${element.tagName} ${name}>`);
      if (dangerousProperties.has(name)) found.push(`<${element.tagName} ${name}>`);
      if (!urlProperties.includes(name) || typeof value !== "string") continue;
      // A browser resolves against the page; a relative URL left over would be http(s) there too.
      const url = URL.canParse(value) ? new URL(value) : URL.canParse(value, "https://reader.example/") ? new URL(value, "https://reader.example/") : undefined;
      if (!url) continue;
      const dataAllowed = options.allowDataImages === true && element.tagName === "img" && name === "src" && rasterDataImage.test(value.trim());
      if (!["http:", "https:", "mailto:"].includes(url.protocol) && !dataAllowed) found.push(`<${element.tagName} ${name}="${value}">`);
    }
  });
  return found;
}

/**
 * Parses XML strictly, except for xmldom's warning about U+FFFD: a legal character, which random
 * text written as UTF-8 produces from lone surrogates.
 */
export function parseXml(text: string): Document {
  const errors: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => void (message.startsWith("Unicode replacement character") || errors.push(`${level}: ${message}`)),
  });
  const document = parser.parseFromString(text, MIME_TYPE.XML_TEXT);
  if (errors.length > 0) throw new Error(`Invalid XML: ${errors.join("; ")}`);
  return document;
}

/** The HTML body of one article in each output format. */
export interface Bodies {
  rss: string;
  atom: string;
  json: string;
  archive: string;
}

/**
 * Reads every output format and returns the HTML body of each article by title, after checking
 * that the XML is well formed and the JSON parses.
 * @param out the output folder
 */
export async function readBodies(out: string): Promise<Map<string, Bodies>> {
  const read = (file: string) => readFile(path.join(out, file), "utf8");
  const rss = parseXml(await read("feed.xml"));
  const atom = parseXml(await read("atom.xml"));
  const json = JSON.parse(await read("feed.json")) as { items: { title: string; content_html: string }[] };
  const archive = await readArchive(out);
  const bodies = new Map<string, Partial<Bodies>>();
  const put = (title: string, format: keyof Bodies, html: string) => bodies.set(title, { ...bodies.get(title), [format]: html });
  const channel = childElements(rss.documentElement!, null, "channel")[0]!;
  for (const item of childElements(channel, null, "item")) {
    const encoded = Array.from(item.children).find((child) => child.localName === "encoded");
    put(textOf(childElements(item, null, "title")[0]), "rss", textOf(encoded));
  }
  for (const entry of childElements(atom.documentElement!, ATOM_NS, "entry")) {
    put(textOf(childElements(entry, ATOM_NS, "title")[0]), "atom", textOf(childElements(entry, ATOM_NS, "content")[0]));
  }
  for (const item of json.items) put(item.title, "json", item.content_html);
  for (const article of archive.articles) put(article.title, "archive", article.content_html);
  return bodies as Map<string, Bodies>;
}
