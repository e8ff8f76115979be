import { BodyWriter, escapeHtml, fencedCode, parseArguments } from "./template-syntax.js";
import type { PageLocator, TemplateRewriter } from "./types.js";

/** `{{< name args >}}`, `{{% name args %}}`, their closing forms, and Hugo's escaped form with a comment inside the braces. */
const shortcode = /\{\{([<%])(\/\*)?\s*(\/)?\s*([\w.-]+)([\s\S]*?)(\*\/)?\s*(\/)?\s*([>%])\}\}/g;

interface Tag {
  start: number;
  end: number;
  name: string;
  args: string;
  closing: boolean;
  selfClosing: boolean;
  escaped: boolean;
  text: string;
}

function scan(body: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of body.matchAll(shortcode)) {
    tags.push({
      start: match.index,
      end: match.index + match[0].length,
      name: match[4]!,
      args: match[5]!.trim(),
      closing: match[3] === "/",
      selfClosing: match[7] === "/",
      escaped: match[2] === "/*" && match[6] === "*/",
      text: match[0],
    });
  }
  return tags;
}

/** Hugo's figure shortcode, as its embedded template writes it. */
function figure(named: Record<string, string>): string {
  const image = `<img src="${escapeHtml(named.src ?? "")}"${(named.alt ?? named.caption) ? ` alt="${escapeHtml(named.alt ?? named.caption ?? "")}"` : ""}${named.width ? ` width="${escapeHtml(named.width)}"` : ""}${named.height ? ` height="${escapeHtml(named.height)}"` : ""}>`;
  const linked = named.link ? `<a href="${escapeHtml(named.link)}">${image}</a>` : image;
  const attribution = named.attr
    ? named.attrlink
      ? ` <a href="${escapeHtml(named.attrlink)}">${escapeHtml(named.attr)}</a>`
      : ` ${escapeHtml(named.attr)}`
    : "";
  const caption =
    named.title || named.caption || named.attr
      ? `<figcaption>${named.title ? `<h4>${escapeHtml(named.title)}</h4>` : ""}${named.caption || attribution ? `<p>${escapeHtml(named.caption ?? "")}${attribution}</p>` : ""}</figcaption>`
      : "";
  return `\n\n<figure>${linked}${caption}</figure>\n\n`;
}

/**
 * Hugo shortcodes in a body: `highlight`, `figure` and `youtube` become what Hugo makes of them,
 * `ref` and `relref` the URL of the page they name
 * (the YouTube player is an iframe, which feeds never carry: a link to the video instead);
 * escaped examples (a comment inside the braces) become the literal text Hugo shows; inline shortcode
 * definitions (`name.inline`) are templates and vanish; any other shortcode is dropped with a
 * warning, and a paired one keeps the text between its tags.
 */
export const hugoShortcodes =
  (locate: PageLocator): TemplateRewriter =>
  (body, input) => {
    const tags = scan(body);
    if (tags.length === 0) return { body, problems: [] };
    const out = new BodyWriter(body, input, "Hugo");
    let cursor = 0;
    for (let index = 0; index < tags.length; index++) {
      const tag = tags[index]!;
      if (tag.start < cursor) continue;
      out.push(body.slice(cursor, tag.start));
      cursor = tag.end;
      if (tag.escaped) {
        out.push(tag.text.replace("/*", "").replace(/\*\/(\s*[>%]\}\})$/, "$1"));
        continue;
      }
      if (tag.closing) {
        continue;
      }
      const closer = tag.selfClosing ? -1 : tags.findIndex((other, at) => at > index && other.closing && other.name === tag.name && !other.escaped);
      const inner = closer === -1 ? undefined : body.slice(tag.end, tags[closer]!.start);
      const skipInner = () => {
        cursor = tags[closer]!.end;
      };
      const { positional, named } = parseArguments(tag.args);
      if (tag.name === "highlight" && inner !== undefined) {
        out.push(fencedCode(inner, positional[0] ?? named.lang ?? ""));
        skipInner();
      } else if (tag.name === "figure") {
        out.push(figure(named));
      } else if (tag.name === "youtube" && (named.id ?? positional[0])) {
        const id = encodeURIComponent(named.id ?? positional[0]!);
        out.push(`<a href="https://www.youtube.com/watch?v=${id}">${escapeHtml(named.title ?? "Watch the video on YouTube")}</a>`);
      } else if (tag.name === "ref" || tag.name === "relref") {
        const url = locate(named.path ?? positional[0] ?? "", input);
        if (url === undefined) out.dropped(tag.start, `shortcode "${tag.name} ${positional[0] ?? ""}" names no page here, and`, "nothing");
        else out.push(tag.name === "ref" ? url : new URL(url).pathname + new URL(url).hash);
      } else if (tag.name.endsWith(".inline")) {
        out.dropped(tag.start, `inline shortcode "${tag.name}"`, "nothing");
        if (inner !== undefined) skipInner();
      } else {
        out.dropped(tag.start, `shortcode "${tag.name}"`, inner === undefined ? "nothing" : "inner");
      }
    }
    out.push(body.slice(cursor));
    return { body: out.toString(), problems: out.problems };
  };
