import type { Element, Root } from "hast";
import type { Root as MdastRoot, Text as MdastText } from "mdast";
import { toText } from "hast-util-to-text";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { stripXmlInvalid } from "../../text/text.js";
import "./linear-edits.js";

/** Body text as the renderer wants it: NFC, no characters XML cannot carry, no stray no-break spaces at line ends. */
const prepareMarkdown = (markdown: string): string =>
  stripXmlInvalid(markdown)
    .normalize("NFC")
    .replace(/[\u00A0\u202F\u2007]+$/gm, "");

/** An article body rendered for the feeds. */
export interface RenderedBody {
  /** Sanitized HTML with absolute URLs. */
  html: string;
  /** The body as plain text, blocks separated by blank lines. */
  text: string;
  /** Plain text of the first paragraph, the source of a summary. */
  firstParagraph: string;
}

/**
 * The allow-list of raw HTML in article bodies, written out in full so that what survives is
 * decided here, not by a dependency's defaults. Everything not listed is dropped:
 * - elements: prose, lists, tables, quotes, figures and images; never `script`, `style`,
 *   `iframe`, `object`, `embed`, `form` and its controls, `svg`, `math`, `meta`, `base`, `link`;
 * - attributes: only those listed per element; never `on*`, `style`, `srcset`, `id`, `name`;
 * - URLs: `href` may be http, https, mailto or relative; `src` and `cite` http, https or
 *   relative; `data:` only in `img src`, only for raster images, only with `allowDataImages`.
 */
const allowedTags = [
  "a",
  "abbr",
  "b",
  "blockquote",
  "br",
  "caption",
  "cite",
  "code",
  "dd",
  "del",
  "details",
  "dfn",
  "div",
  "dl",
  "dt",
  "em",
  "figcaption",
  "figure",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "i",
  "img",
  "ins",
  "kbd",
  "li",
  "mark",
  "ol",
  "p",
  "pre",
  "q",
  "rp",
  "rt",
  "ruby",
  "s",
  "samp",
  "small",
  "span",
  "strike",
  "strong",
  "sub",
  "summary",
  "sup",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "time",
  "tr",
  "tt",
  "u",
  "ul",
  "var",
];

const allowedAttributes: SanitizeSchema["attributes"] = {
  "*": ["dir", "lang", "title"],
  a: ["href", "hrefLang"],
  img: ["src", "alt", "width", "height"],
  blockquote: ["cite"],
  q: ["cite"],
  del: ["cite", "dateTime"],
  ins: ["cite", "dateTime"],
  time: ["dateTime"],
  // Syntax highlighters downstream key on `language-*` classes; no other class passes.
  code: [["className", /^language-[\w+#-]+$/]],
  ol: ["start", "reversed"],
  td: ["colSpan", "rowSpan", "headers", "align"],
  th: ["colSpan", "rowSpan", "headers", "scope", "align"],
  details: ["open"],
};

/** Elements whose content must vanish with them, not be left behind as text. */
const strippedWithContent = [
  "script",
  "style",
  "template",
  "noscript",
  "noembed",
  "noframes",
  "xmp",
  "plaintext",
  "textarea",
  "select",
  "title",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
];

/** Raster image types a `data:` URL may carry; SVG is excluded because it is a document. */
const dataImage = /^data:image\/(?:png|gif|jpeg|webp|avif);/i;

/**
 * The sanitize schema of article bodies (see the allow-list above).
 * @param allowDataImages whether `img src` may be a `data:` URL (raster types only)
 */
export function sanitizeSchema(allowDataImages: boolean): SanitizeSchema {
  return {
    tagNames: allowedTags,
    attributes: allowedAttributes,
    ancestors: { tbody: ["table"], td: ["table"], th: ["table"], thead: ["table"], tfoot: ["table"], tr: ["table"], caption: ["table"] },
    protocols: {
      href: ["http", "https", "mailto"],
      cite: ["http", "https"],
      src: ["http", "https", ...(allowDataImages ? ["data"] : [])],
    },
    strip: strippedWithContent,
    allowComments: false,
    allowDoctypes: false,
    clobber: [],
    required: {},
  };
}

const safeUrl = (attribute: string, value: string, allowDataImages: boolean): boolean => {
  const protocol = new URL(value).protocol;
  if (attribute === "href") return protocol === "http:" || protocol === "https:" || protocol === "mailto:";
  if (attribute === "src" && protocol === "data:") return allowDataImages && dataImage.test(value);
  return protocol === "http:" || protocol === "https:";
};

const urlAttributes: Record<string, string[]> = { a: ["href"], img: ["src"], q: ["cite"], blockquote: ["cite"], del: ["cite"], ins: ["cite"] };

/** A file the body names by a relative path inside the article's folder, such as `radar.png`, and where (line and column of the body). */
export interface BodyAsset {
  /** Relative to the article's folder, decoded: `charts/radar.png`. */
  path: string;
  line: number;
  column: number;
}

/** Link targets that are pages, not files to copy: a folder, or an HTML document. */
const pageTarget = /(?:\/|\.html?)$/i;

/**
 * The asset a relative reference names, when it stays inside the folder of the article's page
 * (`radar.png`, `charts/a.svg`; not `../x.png`, `/img/x.png` or `//cdn/x.png`, which are the site's).
 */
function relativeAsset(tagName: string, value: string, base: string): string | undefined {
  if (URL.canParse(value) || /^[/?]/.test(value)) return undefined;
  const folder = new URL(".", base);
  const resolved = new URL(value, base);
  if (resolved.origin !== folder.origin || !resolved.pathname.startsWith(folder.pathname) || resolved.pathname === folder.pathname) return undefined;
  const relative = resolved.pathname.slice(folder.pathname.length);
  if (tagName === "a" && pageTarget.test(relative)) return undefined;
  try {
    return decodeURIComponent(relative);
  } catch {
    return undefined;
  }
}

/**
 * Relative links and image sources become absolute: email digests and many readers ignore
 * xml:base. A URL that does not resolve to an allowed scheme is dropped, a second line of
 * defence behind the sanitizer. Relative references to files beside the article are noted in
 * `file.data.assets`, so that the pages can copy them.
 */
function absoluteUrls(options: { allowDataImages: boolean }) {
  return (tree: Root, file: VFile) => {
    const base = file.data.baseUrl as string;
    const assets = new Map<string, BodyAsset>();
    visit(tree, "element", (node: Element) => {
      for (const attribute of urlAttributes[node.tagName] ?? []) {
        const value = node.properties[attribute];
        if (typeof value !== "string" || value.startsWith("#")) continue;
        if (!URL.canParse(value, base) || !safeUrl(attribute, new URL(value, base).href, options.allowDataImages)) {
          delete node.properties[attribute];
          continue;
        }
        const asset = attribute === "cite" ? undefined : relativeAsset(node.tagName, value, base);
        if (asset !== undefined && !assets.has(asset)) {
          const start = node.position?.start;
          assets.set(asset, { path: asset, line: start?.line ?? 1, column: start?.column ?? 1 });
        }
        if (!value.startsWith("data:")) node.properties[attribute] = new URL(value, base).href;
      }
    });
    file.data.assets = [...assets.values()];
  };
}

/**
 * rehype-raw re-parses the whole tree through an HTML parser: about a fifth of rendering. A body
 * without raw HTML has no `raw` node, and gives the same tree without it.
 */
function rawHtmlWhenPresent() {
  const parseRaw = rehypeRaw();
  return (tree: Root, file: VFile): Root => {
    let hasRaw = false;
    visit(tree, "raw", () => {
      hasRaw = true;
      return false;
    });
    return hasRaw ? (parseRaw(tree, file) as Root) : tree;
  };
}

/**
 * Drops the U+FFFD that Markdown parsing puts for a numeric character reference to a character no
 * document can carry (`&#1;`, `&#xD800;`): the outputs drop such characters when written raw, and
 * the reference says no more than they do. A text whose source holds a U+FFFD of its own keeps every
 * U+FFFD, as which one came from a reference is then unknown.
 */
function dropInvalidReferences() {
  return (tree: MdastRoot, file: VFile) => {
    const source = String(file.value);
    visit(tree, "text", (node: MdastText) => {
      if (!node.value.includes("\uFFFD")) return;
      const { start, end } = node.position ?? {};
      if (start?.offset === undefined || end?.offset === undefined || source.slice(start.offset, end.offset).includes("\uFFFD")) return;
      node.value = node.value.replaceAll("\uFFFD", "");
    });
  };
}

/** Creates the Markdown renderer once per build; `render` is then called per article. */
export function createRenderer(options: { allowDataImages: boolean }) {
  const processor = unified()
    .use(remarkParse)
    .use(dropInvalidReferences)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rawHtmlWhenPresent)
    .use(rehypeSanitize, sanitizeSchema(options.allowDataImages))
    .use(absoluteUrls, options)
    .use(rehypeStringify);
  return {
    /**
     * Renders Markdown to safe HTML, plain text and the first paragraph.
     * @param markdown the article body
     * @param baseUrl the article's own URL, against which relative URLs resolve
     * @returns the body, and the files it names beside the article (positions in the body)
     */
    render(markdown: string, baseUrl: string): RenderedBody & { assets: BodyAsset[] } {
      const file = new VFile({ value: prepareMarkdown(markdown), data: { baseUrl } });
      const tree = processor.runSync(processor.parse(file), file) as Root;
      const html = processor.stringify(tree, file);
      let firstParagraph = "";
      visit(tree, "element", (node: Element) => {
        if (node.tagName !== "p") return true;
        firstParagraph = toText(node).trim();
        return firstParagraph === "";
      });
      return { html, text: toText(tree).trim(), firstParagraph, assets: file.data.assets as BodyAsset[] };
    },
  };
}

export type Renderer = ReturnType<typeof createRenderer>;
