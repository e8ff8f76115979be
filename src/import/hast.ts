/** Small readers of a hast tree shared by the HTML analyzers. */
import type { Element, ElementContent, Root } from "hast";

/** Every element below a node, in document order; a template's content is not the page's. */
export function descendants(node: Root | Element): Element[] {
  const found: Element[] = [];
  const walk = (children: readonly (Root["children"][number] | ElementContent)[]) => {
    for (const child of children) {
      if (child.type !== "element") continue;
      found.push(child);
      walk(child.tagName === "template" ? [] : child.children);
    }
  };
  walk(node.children);
  return found;
}

/** hast keeps space-separated attributes (class, rel, itemprop) as lists. */
export function tokens(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? value.split(/\s+/u).filter(Boolean) : [];
}

/** The class attribute as one string. */
export function classOf(node: Element): string {
  return tokens(node.properties.className).join(" ");
}

/** The 1-based line an element starts on. */
export function lineOf(node: Element): number {
  return node.position?.start.line ?? 1;
}
