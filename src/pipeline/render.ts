import type { Element, Root } from "hast";
import { toText } from "hast-util-to-text";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { stripXmlInvalid } from "./normalize/text.js";

/** Body text as the renderer wants it: NFC, no characters XML cannot carry, no stray no-break spaces at line ends. */
const prepareMarkdown = (markdown: string): string =>
  stripXmlInvalid(markdown).normalize("NFC").replace(/[\u00A0\u202F\u2007]+$/gm, "");

/** An article body rendered for the feeds. */
export interface RenderedBody {
  /** Sanitized HTML with absolute URLs. */
  html: string;
  /** The body as plain text, blocks separated by blank lines. */
  text: string;
  /** Plain text of the first paragraph, the source of a summary. */
  firstParagraph: string;
}

/** Elements whose content must vanish with them, not be left behind as text. */
const stripped = ["script", "style", "template", "noscript", "textarea", "title", "iframe", "object", "embed"];

/**
 * The documented allow-list: GitHub's schema as hast-util-sanitize ships it (no script, style,
 * iframe, object, embed, form, no on* attributes, only http, https, mailto and relative URLs),
 * with `data:` image sources only when the config allows them.
 */
export function sanitizeSchema(allowDataImages: boolean): SanitizeSchema {
  const protocols = defaultSchema.protocols ?? {};
  return {
    ...defaultSchema,
    strip: [...new Set([...(defaultSchema.strip ?? []), ...stripped])],
    protocols: { ...protocols, src: [...(protocols.src ?? ["http", "https"]), ...(allowDataImages ? ["data"] : [])] },
  };
}

const urlAttributes: Record<string, string[]> = { a: ["href"], img: ["src", "longDesc"], q: ["cite"], blockquote: ["cite"], del: ["cite"], ins: ["cite"] };

/** Relative links and image sources become absolute: email digests and many readers ignore xml:base. */
function absoluteUrls() {
  return (tree: Root, file: VFile) => {
    const base = file.data.baseUrl as string;
    visit(tree, "element", (node: Element) => {
      for (const attribute of urlAttributes[node.tagName] ?? []) {
        const value = node.properties[attribute];
        if (typeof value !== "string" || value.startsWith("#")) continue;
        if (URL.canParse(value, base)) node.properties[attribute] = new URL(value, base).href;
      }
    });
  };
}

/** Creates the Markdown renderer once per build; `render` is then called per article. */
export function createRenderer(options: { allowDataImages: boolean }) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, sanitizeSchema(options.allowDataImages))
    .use(absoluteUrls)
    .use(rehypeStringify);
  return {
    /**
     * Renders Markdown to safe HTML, plain text and the first paragraph.
     * @param markdown the article body
     * @param baseUrl the article's own URL, against which relative URLs resolve
     */
    render(markdown: string, baseUrl: string): RenderedBody {
      const file = new VFile({ value: prepareMarkdown(markdown), data: { baseUrl } });
      const tree = processor.runSync(processor.parse(file), file) as Root;
      // "]]>" cannot stand inside the CDATA sections of the XML feeds; `&gt;` means the same in HTML.
      const html = processor.stringify(tree, file).replaceAll("]]>", "]]&gt;");
      let firstParagraph = "";
      visit(tree, "element", (node: Element) => {
        if (node.tagName !== "p") return true;
        firstParagraph = toText(node).trim();
        return firstParagraph === "" ? true : false;
      });
      return { html, text: toText(tree).trim(), firstParagraph };
    },
  };
}

export type Renderer = ReturnType<typeof createRenderer>;
