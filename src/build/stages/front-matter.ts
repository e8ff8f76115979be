import matter from "gray-matter";
import { isNode, visit } from "yaml";
import type { Problem } from "../../diagnostics/diagnostic.js";
import { parseLocated, type Position } from "../../text/yaml-document.js";

/** A problem at a place in the file. */
export interface LocatedProblem extends Problem, Position {}

/** An article file split into its front matter data and Markdown body. */
export interface SplitArticle {
  data: Record<string, unknown>;
  body: string;
  /** Line of the file on which the body starts, so body positions map back. */
  bodyLine: number;
  positionOf(path: readonly (string | number)[]): Position;
}

const standardTags = new Set([
  "tag:yaml.org,2002:str",
  "tag:yaml.org,2002:int",
  "tag:yaml.org,2002:float",
  "tag:yaml.org,2002:bool",
  "tag:yaml.org,2002:null",
  "tag:yaml.org,2002:map",
  "tag:yaml.org,2002:seq",
]);

class RefusedEngine extends Error {
  constructor(readonly language: string) {
    super(language);
  }
}

/** gray-matter would evaluate JavaScript and CoffeeScript front matter: every engine but YAML refuses. */
const engines = {
  yaml: (text: string) => ({ text }),
  js: () => {
    throw new RefusedEngine("javascript");
  },
  javascript: () => {
    throw new RefusedEngine("javascript");
  },
  coffee: () => {
    throw new RefusedEngine("coffee");
  },
  coffeescript: () => {
    throw new RefusedEngine("coffee");
  },
  json: () => {
    throw new RefusedEngine("json");
  },
  toml: () => {
    throw new RefusedEngine("toml");
  },
};

const lineCount = (text: string): number => text.split("\n").length;

/** A node's range starts at its value; the author wants to be pointed at the `!tag` written before it. */
const tagOffset = (text: string, valueStart: number): number => {
  const tag = /!\S*\s*$/.exec(text.slice(0, valueStart));
  return tag ? tag.index : valueStart;
};

const fenceLine = /^---[ \t]*$/;

/**
 * Splits normalized article text (no BOM, LF line endings) into front matter and body.
 * @param text the article's text
 */
export function splitFrontMatter(text: string): { ok: true; value: SplitArticle } | { ok: false; problems: LocatedProblem[] } {
  const lines = text.split("\n");
  const opening = lines[0] ?? "";
  if (!opening.startsWith("---")) {
    return {
      ok: false,
      problems: [
        {
          rule: "missing-front-matter",
          message: "The file does not start with a `---` front matter fence",
          hint: "Start the article with `---`, then `title:` and `date:` lines, then `---`, then the Markdown body.",
          line: 1,
          column: 1,
        },
      ],
    };
  }
  const closingIndex = lines.findIndex((line, index) => index > 0 && fenceLine.test(line));
  const language = opening.slice(3).trim().toLowerCase();
  if (language !== "" && language !== "yaml" && language !== "yml") {
    const executable = ["js", "javascript", "coffee", "coffeescript"].includes(language);
    return {
      ok: false,
      problems: [
        {
          rule: executable ? "executable-front-matter" : "unsupported-front-matter",
          message: executable
            ? `Front matter in ${language} is code, and wirefeed never runs code from an article`
            : `Front matter in "${language}" is not supported`,
          hint: "Write the front matter in YAML: replace the first line with a plain `---` and use `key: value` lines.",
          line: 1,
          column: 4,
        },
      ],
    };
  }
  if (closingIndex === -1) {
    return {
      ok: false,
      problems: [
        {
          rule: "unclosed-front-matter",
          message: "The front matter opened on line 1 is never closed",
          hint: "Add a line holding only `---` after the last front matter key, before the body.",
          line: 1,
          column: 1,
        },
      ],
    };
  }
  // gray-matter with an options object (never its shared cache) and engines that cannot run code.
  let split: matter.GrayMatterFile<string>;
  try {
    split = matter(text, { engines: engines as never });
  } catch (error) {
    const language = error instanceof RefusedEngine ? error.language : "unknown";
    return {
      ok: false,
      problems: [
        {
          rule: "executable-front-matter",
          message: `Front matter in ${language} is never evaluated`,
          hint: "Write the front matter in YAML between two `---` lines.",
          line: 1,
          column: 1,
        },
      ],
    };
  }
  // gray-matter's raw front matter starts right after the opening `---`, on line 1 of the file.
  const located = parseLocated(split.matter, 0);
  const problems: LocatedProblem[] = [];
  for (const error of located.document.errors) {
    problems.push({
      rule: "invalid-yaml",
      message: `The front matter is not valid YAML: ${error.message.split("\n")[0]}`,
      hint: "Check indentation, quote values that contain `: ` or start with a special character, and close every quote and bracket.",
      ...located.positionAt(error.pos[0]),
    });
  }
  visit(located.document, (_key, node) => {
    if (isNode(node) && node.tag && !standardTags.has(node.tag)) {
      problems.push({
        rule: "unsafe-yaml-tag",
        message: `The YAML tag "${node.tag}" is not allowed: front matter holds plain values only`,
        hint: "Remove the tag (the `!!...` or `!...` before the value) and write a plain string, number, list or map.",
        ...located.positionAt(tagOffset(split.matter, node.range?.[0] ?? 0)),
      });
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  let data: unknown;
  try {
    data = located.document.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (error) {
    // An alias without its anchor, or aliases that would multiply the data (a "billion laughs").
    let alias: number | undefined;
    visit(located.document, {
      Alias: (_key, node) => {
        alias ??= node.range?.[0];
      },
    });
    return {
      ok: false,
      problems: [
        {
          rule: "invalid-yaml",
          message: `The front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`,
          hint: 'A value starting with `*` or `&` is a YAML alias or anchor: quote it, such as `slug: "*starred"`.',
          ...located.positionAt(alias ?? 0),
        },
      ],
    };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return {
      ok: false,
      problems: [
        {
          rule: "front-matter-not-mapping",
          message: "The front matter must be a mapping of keys to values",
          hint: "Write one `key: value` per line, for example `title: My headline`.",
          line: 2,
          column: 1,
        },
      ],
    };
  }
  return {
    ok: true,
    value: {
      data: data as Record<string, unknown>,
      body: split.content,
      bodyLine: lineCount(text.slice(0, text.length - split.content.length)),
      positionOf: located.positionOf,
    },
  };
}
