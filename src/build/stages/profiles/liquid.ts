import { BodyWriter, fencedCode, parseArguments } from "./template-syntax.js";
import type { PageLocator, TemplateInput, TemplateRewriter } from "./types.js";

/** `{% tag args %}` and `{{ expression }}`, with Liquid's `-` whitespace control. */
const liquid = /\{%-?\s*(\w+)([\s\S]*?)-?%\}|\{\{-?([\s\S]*?)-?\}\}/g;

/** Block tags whose text between the tags is no output: it vanishes with them. */
const silentBlocks = new Set(["comment", "capture"]);
/** Block tags with an end tag, whose inner text is kept when the tags are dropped. */
const blockTags = new Set([
  "if",
  "unless",
  "for",
  "case",
  "tablerow",
  "raw",
  "comment",
  "capture",
  "highlight",
  "with",
  "block",
  "set",
  "macro",
  "filter",
  "call",
]);

interface Options {
  tool: string;
  /** `{% link path %}` and `{% post_url name %}`, when the tool has them. */
  locate?: PageLocator;
}

/** What `{{ ... }}` can stand for without a template engine: the site's base path and URL, and literals through `relative_url`. */
function expression(text: string, input: TemplateInput): string | undefined {
  const [head, ...filters] = text.split("|").map((part) => part.trim());
  const base = input.site.basePath.replace(/\/$/, "");
  const origin = new URL(input.config.url).origin;
  if (filters.length === 0 && head === "site.baseurl") return base;
  if (filters.length === 0 && head === "site.url") return origin;
  const literal = /^"([^"]*)"$|^'([^']*)'$/.exec(head ?? "");
  if (literal && filters.length === 1 && (filters[0] === "relative_url" || filters[0] === "absolute_url")) {
    const value = literal[1] ?? literal[2] ?? "";
    const relative = `${base}/${value.replace(/^\/+/, "")}`;
    return filters[0] === "absolute_url" ? origin + relative : relative;
  }
  return undefined;
}

/**
 * Rewrites Liquid (Jekyll) or Nunjucks/Liquid (Eleventy) in a body: `raw` keeps its text as
 * written, `comment` vanishes, `highlight` becomes a fenced code block, `link` and `post_url`
 * the URL of the post they name, `{{ site.baseurl }}` and `{{ "/x" | relative_url }}` their
 * value; any other tag or expression is dropped with a warning (a block tag keeps its inner text).
 */
export function liquidRewriter(options: Options): TemplateRewriter {
  return (body, input) => {
    const matches = [...body.matchAll(liquid)];
    if (matches.length === 0) return { body, problems: [] };
    const out = new BodyWriter(body, input, options.tool);
    let cursor = 0;
    for (let index = 0; index < matches.length; index++) {
      const match = matches[index]!;
      if (match.index < cursor) continue;
      out.push(body.slice(cursor, match.index));
      cursor = match.index + match[0].length;
      const tag = match[1];
      if (tag === undefined) {
        const value = expression(match[3]!.trim(), input);
        if (value === undefined) out.dropped(match.index, `expression "{{ ${match[3]!.trim()} }}"`, "nothing");
        else out.push(value);
        continue;
      }
      if (tag.startsWith("end")) continue;
      const args = match[2]!.trim();
      const endAt = blockTags.has(tag) ? matches.findIndex((other, at) => at > index && other[1] === `end${tag}`) : -1;
      const end = endAt === -1 ? undefined : matches[endAt]!;
      const inner = end ? body.slice(cursor, end.index) : undefined;
      const skipInner = () => {
        if (end) cursor = end.index + end[0].length;
      };
      if (tag === "raw" && inner !== undefined) {
        out.push(inner);
        skipInner();
      } else if (silentBlocks.has(tag) && inner !== undefined) {
        skipInner();
      } else if (tag === "highlight" && inner !== undefined) {
        out.push(fencedCode(inner, parseArguments(args).positional[0] ?? ""));
        skipInner();
      } else if ((tag === "link" || tag === "post_url") && options.locate) {
        const url = options.locate(tag === "link" ? args : `_posts/${args}.md`, input);
        if (url === undefined) out.dropped(match.index, `tag "${tag} ${args}" names no post here, and`, "nothing");
        else out.push(url);
      } else out.dropped(match.index, `tag "${tag}"`, inner === undefined ? "nothing" : "inner");
    }
    out.push(body.slice(cursor));
    return { body: out.toString(), problems: out.problems };
  };
}
