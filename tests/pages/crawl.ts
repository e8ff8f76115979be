// A crawler of an output folder: every href and src of its pages and feeds must name a file the
// build wrote, or an absolute URL outside the site.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import type { Element } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";

/** Every file of a folder, relative, with "/" separators. */
export async function outputFiles(out: string): Promise<Set<string>> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  return new Set(
    entries.filter((entry) => entry.isFile()).map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")),
  );
}

/** One reference found in a file: where, which attribute or element, and its value. */
export interface Reference {
  file: string;
  what: string;
  value: string;
}

const htmlParser = unified().use(rehypeParse);

/** The href and src values of an HTML page. */
function pageReferences(file: string, text: string): Reference[] {
  const found: Reference[] = [];
  visit(htmlParser.parse(text), "element", (node: Element) => {
    for (const attribute of ["href", "src"]) {
      const value = node.properties[attribute];
      if (typeof value === "string") found.push({ file, what: `<${node.tagName} ${attribute}>`, value });
    }
  });
  return found;
}

/** The links of an RSS or Atom document: its stylesheet, every href and url attribute, and RSS <link> elements. */
function feedReferences(file: string, text: string): Reference[] {
  const document = new DOMParser().parseFromString(text, "text/xml");
  const found: Reference[] = [];
  for (let node = document.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.PROCESSING_INSTRUCTION_NODE && node.nodeName === "xml-stylesheet") {
      const href = /href="([^"]*)"/.exec((node as unknown as { data: string }).data)?.[1];
      if (href !== undefined) found.push({ file, what: "<?xml-stylesheet href?>", value: href.replaceAll("&amp;", "&") });
    }
  }
  for (const element of Array.from(document.getElementsByTagName("*")) as XmlElement[]) {
    for (const attribute of ["href", "url"]) {
      const value = element.getAttribute(attribute);
      if (value !== null && value !== "") found.push({ file, what: `<${element.tagName} ${attribute}>`, value });
    }
    if (element.tagName === "link" && !element.namespaceURI) found.push({ file, what: "<link>", value: element.textContent ?? "" });
  }
  return found;
}

/**
 * The references of the output that lead nowhere: on the site but not written, or not absolute
 * http(s)/mailto URLs when off the site.
 * @param siteUrl the config's url, where the output is published
 * @param external on-site URLs the site serves itself, which wirefeed only links to (lead images named by a site path)
 */
export async function brokenReferences(out: string, siteUrl: string, external: ReadonlySet<string> = new Set()) {
  const files = await outputFiles(out);
  const references: Reference[] = [];
  for (const file of files) {
    if (file.endsWith(".html")) references.push(...pageReferences(file, await readFile(path.join(out, file), "utf8")));
    else if (file.endsWith(".xml")) references.push(...feedReferences(file, await readFile(path.join(out, file), "utf8")));
  }
  const site = new URL(siteUrl);
  const broken = references.filter(({ file, value }) => {
    const url = new URL(value, new URL(file, site));
    if (url.origin === site.origin && url.pathname.startsWith(site.pathname)) {
      if (external.has(url.href)) return false;
      const relative = decodeURIComponent(url.pathname.slice(site.pathname.length));
      return !files.has(relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative);
    }
    return url.origin === site.origin || !["http:", "https:", "mailto:"].includes(url.protocol);
  });
  return { references, broken };
}
