import type { LocatedProblem } from "../front-matter.js";
import { positionInBody, type TemplateInput } from "./types.js";

/** Escapes text for an HTML attribute or element. */
export const escapeHtml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A fenced code block that no backtick run in `code` can close early. */
export function fencedCode(code: string, language: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `\n\n${fence}${language.replace(/[^\w+#-]/g, "")}\n${code.replace(/^\n+|\s+$/g, "")}\n${fence}\n\n`;
}

/** Arguments of a shortcode or tag: positional ones in order, named ones (`key="value"`) by name. */
export function parseArguments(text: string): { positional: string[]; named: Record<string, string> } {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (const match of text.matchAll(/(?:([\w-]+)\s*[=:]\s*)?(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|([^\s"'`=]+))/g)) {
    const value = (match[2] !== undefined ? match[2].replace(/\\(.)/g, "$1") : undefined) ?? match[3] ?? match[4] ?? match[5] ?? "";
    if (match[1]) named[match[1]] = value;
    else positional.push(value);
  }
  return { positional, named };
}

/** Builds a body anew from pieces, and the warnings for what was dropped. */
export class BodyWriter {
  private readonly pieces: string[] = [];
  readonly problems: LocatedProblem[] = [];
  constructor(
    private readonly body: string,
    private readonly input: TemplateInput,
    private readonly tool: string,
  ) {}
  push(text: string): void {
    this.pieces.push(text);
  }
  /** Warns that the construct at `offset` is not published. */
  dropped(offset: number, what: string, kept: "nothing" | "inner"): void {
    this.problems.push({
      rule: "template-syntax",
      message: `${this.tool} ${what} has no plain rendering: ${kept === "inner" ? "its tags are dropped from the feeds, the text inside them kept" : "it is dropped from the feeds"}`,
      hint: "Feeds carry the article's prose; the site keeps the tool's rendering. Write it as Markdown or HTML if feed readers should see it.",
      ...positionInBody(this.body, offset, this.input.bodyLine),
    });
  }
  toString(): string {
    return this.pieces.join("");
  }
}
