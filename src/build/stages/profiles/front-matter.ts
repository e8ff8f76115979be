import { parse as parseToml, TomlDate, TomlError } from "smol-toml";
import type { Severity } from "../../../diagnostics/diagnostic.js";
import { parseLocated } from "../../../text/yaml-document.js";
import { type LocatedProblem, type SplitArticle, splitFrontMatter } from "../front-matter.js";
import type { FrontMatterLanguage } from "./types.js";

export type ProfileSplit = { ok: true; value: SplitArticle } | { ok: false; problems: LocatedProblem[]; severity: Severity };

/** A file the profile cannot split: one problem, an error or (code it will not run) a warning. */
const refused = (problem: LocatedProblem, severity: Severity = "error"): ProfileSplit => ({ ok: false, severity, problems: [problem] });

const lineCount = (text: string): number => text.split("\n").length;

/** TOML dates become the strings wirefeed's date normalizer reads: a local date stays a calendar date. */
function plainToml(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainToml);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plainToml(inner)]));
  return value;
}

const bareKey = (key: string): string => key.trim().replace(/^"(.*)"$|^'(.*)'$/s, "$1$2");

/**
 * Positions of keys in TOML text, found by reading its lines: smol-toml keeps none. A key is found
 * as `key =` under its `[table]` header or as a dotted `table.key =`; otherwise its nearest ancestor.
 */
function tomlPositions(text: string, lineOffset: number): SplitArticle["positionOf"] {
  const entries: { path: string; line: number; column: number; valueColumn?: number }[] = [];
  let table = "";
  for (const [index, line] of text.split("\n").entries()) {
    const header = /^\s*\[\[?([^\]]+)\]\]?/.exec(line);
    if (header) {
      table = header[1]!.split(".").map(bareKey).join(".");
      entries.push({ path: table, line: index + 1 + lineOffset, column: line.indexOf("[") + 1 });
      continue;
    }
    const assignment = /^(\s*)((?:"[^"]*"|'[^']*'|[\w-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[\w-]+))*)\s*=[ \t]*/.exec(line);
    if (!assignment) continue;
    const key = assignment[2]!.split(".").map(bareKey).join(".");
    entries.push({
      path: table ? `${table}.${key}` : key,
      line: index + 1 + lineOffset,
      column: assignment[1]!.length + 1,
      valueColumn: assignment[0].length + 1,
    });
  }
  return (path, part) => {
    for (let length = path.length; length > 0; length--) {
      const wanted = path.slice(0, length).map(String).join(".");
      const found = entries.find((entry) => entry.path === wanted);
      // A value is pointed at when the whole path is a key assigned on its line.
      if (found) return { line: found.line, column: part === "value" && length === path.length ? (found.valueColumn ?? found.column) : found.column };
    }
    return { line: 1 + lineOffset, column: 1 };
  };
}

const closingFence = (lines: readonly string[], fence: RegExp): number => lines.findIndex((line, index) => index > 0 && fence.test(line));

function splitToml(text: string): ProfileSplit {
  const lines = text.split("\n");
  const closing = closingFence(lines, /^\+\+\+[ \t]*$/);
  if (closing === -1) {
    return refused({
      rule: "unclosed-front-matter",
      message: "The TOML front matter opened with `+++` on line 1 is never closed",
      hint: "Add a line holding only `+++` after the last front matter key, before the body.",
      line: 1,
      column: 1,
    });
  }
  const source = lines.slice(1, closing).join("\n");
  let data: unknown;
  try {
    data = plainToml(parseToml(source));
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    return refused({
      rule: "invalid-toml",
      message: `The front matter is not valid TOML: ${error.message.split("\n")[0]!.replace(/^Invalid TOML document: /, "")}`,
      hint: 'Check that every value is quoted or a number, date, true/false, [list] or {table}, such as title = "My story".',
      line: error.line + 1,
      column: error.column,
    });
  }
  const positionOf = tomlPositions(source, 1);
  return { ok: true, value: { data: data as Record<string, unknown>, body: lines.slice(closing + 1).join("\n"), bodyLine: closing + 2, positionOf } };
}

/** The end of a JSON object that opens the text: the offset after its closing brace, or -1. */
function jsonObjectEnd(text: string): number {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === "\\") index++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === "{") depth++;
    else if (character === "}" && --depth === 0) return index + 1;
  }
  return -1;
}

/** JSON is YAML: the located YAML reader parses it and keeps positions; only an object is front matter. */
function splitJson(json: string, firstLine: number, body: string, bodyLine: number): ProfileSplit {
  const located = parseLocated(json, firstLine - 1);
  const error = located.document.errors[0];
  const data: unknown = error ? undefined : located.document.toJS({ maxAliasCount: 0 });
  if (error || typeof data !== "object" || data === null || Array.isArray(data)) {
    return refused({
      rule: "invalid-json",
      message: `The front matter is not a JSON object${error ? `: ${error.message.split("\n")[0]}` : ""}`,
      hint: 'Write one object, such as {"title": "My story", "date": "2024-02-10"}, with double quotes around every key and string.',
      ...(error ? located.positionAt(error.pos[0]) : { line: firstLine, column: 1 }),
    });
  }
  return { ok: true, value: { data: data as Record<string, unknown>, body, bodyLine, positionOf: located.positionOf } };
}

/**
 * Splits an article's front matter in any language its tool accepts: YAML between `---`, TOML
 * between `+++`, JSON as a leading `{...}` object (Hugo) or between `---json` and `---` (Eleventy).
 * JavaScript front matter (`---js`) is code: it is refused and never run; the file is left out with
 * a warning, since the tool would have made a page of it that wirefeed cannot know.
 * @param text normalized article text
 * @param languages what the profile accepts besides YAML
 */
export function splitToolFrontMatter(text: string, languages: readonly FrontMatterLanguage[]): ProfileSplit {
  const opening = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n"));
  if (languages.includes("toml") && /^\+\+\+[ \t]*$/.test(opening)) return splitToml(text);
  if (languages.includes("json") && opening.startsWith("{")) {
    const end = jsonObjectEnd(text);
    if (end !== -1) {
      const rest = text.slice(end).replace(/^[ \t]*\n?/, "");
      return splitJson(text.slice(0, end), 1, rest, lineCount(text.slice(0, text.length - rest.length)));
    }
  }
  const language = /^---[ \t]*(\w*)[ \t]*$/.exec(opening)?.[1]?.toLowerCase();
  if (language === "js" || language === "javascript") {
    return refused(
      {
        rule: "executable-front-matter",
        message: `Front matter in ${language} is code, and wirefeed never runs code from an article: the file is left out of the feeds`,
        hint: "Write the front matter as data (YAML between `---` lines, or `---json`) to publish it in the feeds.",
        line: 1,
        column: 4,
      },
      "warning",
    );
  }
  if (language === "json" && languages.includes("json")) {
    const lines = text.split("\n");
    const closing = closingFence(lines, /^---[ \t]*$/);
    if (closing !== -1) return splitJson(lines.slice(1, closing).join("\n"), 2, lines.slice(closing + 1).join("\n"), closing + 2);
  }
  const split = splitFrontMatter(text);
  return split.ok ? split : { ...split, severity: "error" };
}
