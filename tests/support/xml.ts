import { DOMParser, MIME_TYPE, type Document, type Element } from "@xmldom/xmldom";
import { XMLParser } from "fast-xml-parser";

export const ATOM_NS = "http://www.w3.org/2005/Atom";

export interface ParsedXml {
  document: Document | undefined;
  /** Every warning and error xmldom reported; a document with any of them is not trusted. */
  errors: string[];
}

/**
 * xmldom warns when it meets U+FFFD, guessing at an encoding problem; but U+FFFD is a character like
 * any other, which an article may hold, and every XML parser accepts it. That one warning is not a finding.
 */
export const isReplacementCharacterWarning = (level: string, message: string): boolean =>
  level === "warning" && message.includes("Unicode replacement character");

/** Parses XML with namespaces in xmldom, turning every warning, error and fatal error into a message instead of parsing past it. */
export function parseXmlStrictly(text: string): ParsedXml {
  const errors: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => {
      if (!isReplacementCharacterWarning(level, message)) errors.push(`${level}: ${message}`);
    },
  });
  try {
    const document = parser.parseFromString(text, MIME_TYPE.XML_TEXT);
    return { document: errors.length === 0 ? document : undefined, errors };
  } catch (error) {
    // xmldom throws a ParseError after reporting a fatal error; the report is already in `errors`.
    if (errors.length === 0) errors.push(`fatalError: ${error instanceof Error ? error.message : String(error)}`);
    return { document: undefined, errors };
  }
}

/** The child elements of `parent` in `namespace` (null for no namespace), optionally only those named `localName`. */
export function childElements(parent: Element, namespace: string | null, localName?: string): Element[] {
  return Array.from(parent.children).filter((child) => child.namespaceURI === namespace && (localName === undefined || child.localName === localName));
}

/** The text content of `element`, or "" when it has none. */
export function textOf(element: Element | undefined): string {
  return element?.textContent ?? "";
}

type OrderedNode = Record<string, unknown>;

/** Every element and attribute prefix used without a declaration in scope, as "prefix:name" strings (xmldom refuses such documents outright, so this reads the raw names). */
export function undeclaredPrefixes(text: string): string[] {
  const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, attributeNamePrefix: "", processEntities: false });
  const roots = parser.parse(text) as OrderedNode[];
  const found: string[] = [];
  const visit = (nodes: OrderedNode[], inScope: ReadonlySet<string>): void => {
    for (const node of nodes) {
      const name = Object.keys(node).find((key) => key !== ":@");
      if (name === undefined || name.startsWith("#") || name.startsWith("?")) continue;
      const attributes = (node[":@"] ?? {}) as Record<string, unknown>;
      const scope = new Set(inScope);
      for (const attribute of Object.keys(attributes)) {
        if (attribute.startsWith("xmlns:")) scope.add(attribute.slice("xmlns:".length));
      }
      const prefixed = [name, ...Object.keys(attributes).filter((attribute) => !attribute.startsWith("xmlns:"))];
      for (const qualified of prefixed) {
        const prefix = qualified.includes(":") ? qualified.slice(0, qualified.indexOf(":")) : undefined;
        if (prefix !== undefined && !scope.has(prefix)) found.push(qualified);
      }
      const children = node[name];
      if (Array.isArray(children)) visit(children as OrderedNode[], scope);
    }
  };
  // "xml" is bound by the Namespaces in XML recommendation itself.
  visit(roots, new Set(["xml"]));
  return found;
}
