import { BodyWriter } from "./template-syntax.js";
import type { TemplateRewriter } from "./types.js";

/**
 * MDX in a body, outside code: ESM lines (`import`, `export`) and `{expressions}` are code and are
 * dropped; a JSX component (`<HeaderLink ...>`, capitalized or dotted) loses its tags and keeps its
 * children, which are prose. Each drop is a warning. Plain `.md` files are Markdown and pass as they are.
 */
export const mdxRewriter: TemplateRewriter = (body, input) => {
  if (!input.relativePath.toLowerCase().endsWith(".mdx")) return { body, problems: [] };
  const out = new BodyWriter(body, input, "MDX");
  let fence: string | undefined;
  let offset = 0;
  let inEsm = false;
  for (const line of body.split(/(?<=\n)/)) {
    const start = offset;
    offset += line.length;
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener) fence = undefined;
      out.push(line);
      continue;
    }
    if (opener) {
      fence = opener;
      out.push(line);
      continue;
    }
    if (inEsm || /^(import|export)\s/.test(line)) {
      if (!inEsm) out.dropped(start, `${line.startsWith("import") ? "import" : "export"} statement`, "nothing");
      // A statement runs on until a line ends it (a `;`, or the closing of what it opened).
      inEsm = !/;\s*$|^\s*$/.test(line) && !/^(import|export)\s.*(from\s+["'][^"']+["']|\})\s*$/.test(line);
      continue;
    }
    // Inline code spans are prose: only what lies outside them is scanned.
    let rewritten = "";
    const parts = line.split(/(`+[^`]*`+)/);
    let at = start;
    for (const part of parts) {
      if (part.startsWith("`")) rewritten += part;
      else
        rewritten += part.replace(/<\/?([A-Z][\w]*(?:\.[\w]+)*)\b[^>]*>|\{[^{}]*\}/g, (match, name: string | undefined, index: number) => {
          if (name === undefined || !match.startsWith("</"))
            out.dropped(at + index, name ? `component <${name}>` : `expression "${match}"`, name ? "inner" : "nothing");
          return "";
        });
      at += part.length;
    }
    out.push(rewritten);
  }
  return { body: out.toString(), problems: out.problems };
};
