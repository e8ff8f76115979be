import { stripXmlInvalid } from "../text/text.js";
import type { ElementSpec } from "./xml.js";

/**
 * Writes feed items as XML text without a DOM, byte for byte as xmldom's serializer writes the
 * same tree after `makeCarriable` (xml.ts): an item is written once per build and its bytes are
 * joined into every document that holds it. Every text and attribute value goes through the two
 * functions below; nothing else reaches the output but names and indentation of our own.
 */

/** Text content: what XML 1.0 cannot carry dropped, line ends as LF, then `<`, `&` and `>` escaped, as xmldom does. */
export function escapeText(text: string): string {
  const carriable = stripXmlInvalid(text).replace(/\r\n?/g, "\n");
  return carriable.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** An attribute value: what XML 1.0 cannot carry dropped; tab, LF and CR as character references, so a parser keeps them (xmldom's choice). */
export function escapeAttribute(value: string): string {
  return stripXmlInvalid(value)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("\t", "&#9;")
    .replaceAll("\n", "&#10;")
    .replaceAll("\r", "&#13;");
}

const indentation = (depth: number): string => `\n${"    ".repeat(depth)}`;

function startTag(spec: ElementSpec): string {
  let tag = `<${spec.name}`;
  for (const [name, value] of Object.entries(spec.attributes ?? {})) {
    if (value !== undefined) tag += ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return tag;
}

/**
 * One element at `depth` (the root is 0), laid out as `appendElements` lays it out: each child on
 * a line of its own, one level deeper, and the end tag on the element's own level.
 * @param closingDepth where the end tag of an element with children goes; see `writeItem`
 */
export function writeElement(spec: ElementSpec, depth: number, closingDepth = depth): string {
  const start = startTag(spec);
  if (spec.children?.length) {
    const children = spec.children.map((child) => `${indentation(depth + 1)}${writeElement(child, depth + 1)}`).join("");
    return `${start}>${children}${indentation(closingDepth)}</${spec.name}>`;
  }
  return spec.text === undefined ? `${start}/>` : `${start}>${escapeText(spec.text)}</${spec.name}>`;
}

/**
 * An item or entry at `depth`. Its end tag stands one level deeper than its start tag: the DOM
 * path replaced the date `feed` wrote last, and the replacement kept the child's indentation in
 * front of the end tag. Written the same way, documents keep their bytes.
 */
export const writeItem = (spec: ElementSpec, depth: number): string => writeElement(spec, depth, depth + 1);
