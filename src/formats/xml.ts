import { DOMParser, XMLSerializer, type CharacterData, type Document, type Element, type Node } from "@xmldom/xmldom";
import { stripXmlInvalid } from "../text/text.js";
import type { Frame } from "./frame.js";

/** Namespaces the feeds use beyond their own. */
export const namespaces = {
  atom: "http://www.w3.org/2005/Atom",
  content: "http://purl.org/rss/1.0/modules/content/",
  dc: "http://purl.org/dc/elements/1.1/",
  media: "http://search.yahoo.com/mrss/",
  fh: "http://purl.org/syndication/history/1.0",
} as const;

export type Prefix = keyof typeof namespaces;

/**
 * xml-js, which `feed` writes with, turns `&amp;` in text back into `&` before escaping: doubling
 * every `&` first makes the text come out exactly as given.
 */
export const forXmlJsText = (text: string): string => text.replaceAll("&", "&amp;");

/** Escapes plain text as HTML, for the elements the feeds declare as `type="html"`. */
export const textAsHtml = (text: string): string => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/**
 * XML 1.0 line-end handling: CRLF and CR become LF. xmldom's default follows XML 1.1 and also
 * turns U+0085, U+2028 and U+2029 into LF, which would change names `feed` wrote.
 */
const xml10LineEnds = (text: string): string => text.replace(/\r\n?/g, "\n");

/** Parses the XML `feed` wrote with a strict parser: a malformed document is a bug, never shipped. */
export function parseXml(xml: string): Document {
  const document = new DOMParser({
    normalizeLineEndings: xml10LineEnds,
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`feed wrote malformed XML: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
  return document;
}

/**
 * Makes every text and attribute value of the tree something XML can carry: characters XML 1.0
 * forbids (which `feed` and xmldom both pass through) are removed; line ends in text become LF,
 * because xmldom writes a CR in text raw and every parser reads it back as LF; CDATA sections
 * become text nodes, which the serializer escapes, so no "]]>" can ever end one early.
 * Attribute values keep CR, tab and LF: xmldom writes them as character references.
 */
function makeCarriable(node: Node): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === child.TEXT_NODE || child.nodeType === child.CDATA_SECTION_NODE) {
      const written = (child as CharacterData).data;
      const data = stripXmlInvalid(written).replace(/\r\n?/g, "\n");
      if (data === written && child.nodeType === child.TEXT_NODE) continue;
      const text = node.ownerDocument!.createTextNode(data);
      node.replaceChild(text, child);
      child = text;
    } else if (child.nodeType === child.ELEMENT_NODE) {
      const element = child as Element;
      for (const attribute of Array.from(element.attributes)) {
        const value = stripXmlInvalid(attribute.value);
        if (value !== attribute.value) element.setAttributeNS(attribute.namespaceURI, attribute.name, value);
      }
      makeCarriable(element);
    }
  }
}

/**
 * The frame of `document` around its items, each written at the depth of a child of `container`,
 * as its last children. A comment marks their place while the rest is serialized: no other comment
 * can be in the output (`feed` writes none, and every "<" of text or attribute values is escaped),
 * so the first one found is ours.
 * @param hasItems false for a document without items: then the frame is the whole document
 */
export function itemsFrame(document: Document, container: Element, hasItems: boolean, stylesheet?: XmlStylesheet): Frame {
  if (!hasItems) return { open: serializeXml(document, stylesheet), separator: "", close: "" };
  const marker = document.createComment("wirefeed items");
  // Before the whitespace that indents the container's end tag.
  const trailing = container.lastChild;
  container.insertBefore(marker, trailing && trailing.nodeType === trailing.TEXT_NODE ? trailing : null);
  const xml = serializeXml(document, stylesheet);
  const markup = "<!--wirefeed items-->";
  const at = xml.indexOf(markup);
  const indent = `\n${"    ".repeat(depthOf(container) + 1)}`;
  return { open: `${xml.slice(0, at)}${indent}`, separator: indent, close: xml.slice(at + markup.length) };
}

/** A stylesheet an XML document names in an `<?xml-stylesheet?>` processing instruction, for browsers that open it. */
export interface XmlStylesheet {
  type: "text/css" | "text/xsl";
  href: string;
}

/** A pseudo-attribute value of a processing instruction, escaped as an attribute is (the PI's data is not escaped by the serializer). */
const pseudoAttribute = (value: string): string => textAsHtml(value).replaceAll('"', "&quot;");

/**
 * Serializes a document with the XML declaration, ending with a newline; text XML cannot carry is
 * dropped first. A stylesheet becomes a processing instruction node between the declaration and
 * the root, serialized by the same serializer.
 */
export function serializeXml(document: Document, stylesheet?: XmlStylesheet): string {
  makeCarriable(document);
  const serializer = new XMLSerializer();
  const instruction = stylesheet
    ? `${serializer.serializeToString(
        document.createProcessingInstruction("xml-stylesheet", `type="${stylesheet.type}" href="${pseudoAttribute(stylesheet.href)}"`),
      )}\n`
    : "";
  return `<?xml version="1.0" encoding="utf-8"?>\n${instruction}${serializer.serializeToString(document.documentElement!)}\n`;
}

const depthOf = (element: Element): number => {
  let depth = 0;
  for (let node = element.parentNode; node && node.nodeType === node.ELEMENT_NODE; node = node.parentNode) depth++;
  return depth;
};

/** Declares the namespaces of `prefixes` on the root element. */
export function declareNamespaces(document: Document, prefixes: readonly Prefix[]): void {
  for (const prefix of prefixes) {
    document.documentElement!.setAttributeNS("http://www.w3.org/2000/xmlns/", `xmlns:${prefix}`, namespaces[prefix]);
  }
}

/** What to add: a name (`prefix:local` or a name in the root's namespace), attributes, text or children. */
export interface ElementSpec {
  name: string;
  attributes?: Record<string, string | number | undefined>;
  text?: string;
  children?: ElementSpec[];
}

/** Creates an element in its namespace, with attributes set through the DOM so they are escaped. */
function createElement(document: Document, spec: ElementSpec): Element {
  const [prefix, local] = spec.name.includes(":") ? spec.name.split(":") : [undefined, spec.name];
  const namespace = prefix ? namespaces[prefix as Prefix] : document.documentElement!.namespaceURI;
  const element = namespace ? document.createElementNS(namespace, spec.name) : document.createElement(local!);
  for (const [name, value] of Object.entries(spec.attributes ?? {})) {
    if (value !== undefined) element.setAttribute(name, String(value));
  }
  if (spec.text !== undefined) element.appendChild(document.createTextNode(spec.text));
  return element;
}

/**
 * Appends elements to `parent` (before `before`, when given), indented like the rest of the
 * document; text goes in as a DOM text node, so the serializer escapes it.
 */
export function appendElements(parent: Element, specs: readonly ElementSpec[], before?: Element | null): void {
  const document = parent.ownerDocument!;
  const indent = `\n${"    ".repeat(depthOf(parent) + 1)}`;
  const closing = `\n${"    ".repeat(depthOf(parent))}`;
  // An empty element gets its closing indentation first; one with any child already has it.
  if (!parent.lastChild) parent.appendChild(document.createTextNode(closing));
  for (const spec of specs) {
    const element = createElement(document, spec);
    const anchor = before ?? parent.lastChild;
    if (before) {
      parent.insertBefore(element, before);
      parent.insertBefore(document.createTextNode(indent), before);
    } else {
      // Keep the closing indentation last: insert before the trailing whitespace node.
      const trailing = anchor && anchor.nodeType === anchor.TEXT_NODE ? anchor : null;
      parent.insertBefore(document.createTextNode(indent), trailing);
      parent.insertBefore(element, trailing);
    }
    if (spec.children?.length) appendElements(element, spec.children);
  }
}

/** Puts a new element where `old` stood, e.g. to replace what `feed` wrote wrongly. */
export function replaceElement(old: Element, spec: ElementSpec): void {
  const parent = old.parentNode as Element;
  appendElements(parent, [spec], old);
  // appendElements added an indentation node after the new element; the old one's stays.
  const indentation = old.nextSibling;
  parent.removeChild(old);
  if (indentation && indentation.nodeType === indentation.TEXT_NODE) parent.removeChild(indentation);
}

/** The direct child elements of `parent` named `name`. */
export function childElements(parent: Element, name: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE && (node as Element).tagName === name) found.push(node as Element);
  }
  return found;
}
