import { type Document, isNode, visit, type YAMLError } from "yaml";
import type { Problem } from "../../diagnostics/diagnostic.js";
import { parseLocated, type Position, type PositionPart } from "../../text/yaml-document.js";
import type { RuleId } from "../../diagnostics/catalogue.js";

/** A problem at a place in the file. */
export interface LocatedProblem extends Problem, Position {}

/** An article file split into its front matter data and Markdown body. */
export interface SplitArticle {
  data: Record<string, unknown>;
  body: string;
  /** Line of the file on which the body starts, so body positions map back. */
  bodyLine: number;
  /** Position of a key (the default), or of its value (see `LocatedDocument.positionOf`). */
  positionOf(path: readonly (string | number)[], part?: PositionPart): Position;
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

/** A node's range starts at its value; the author wants to be pointed at the `!tag` written before it. */
const tagOffset = (text: string, valueStart: number): number => {
  const tag = /!\S*\s*$/.exec(text.slice(0, valueStart));
  return tag ? tag.index : valueStart;
};

/**
 * Where a quoted value that never closes opens. yaml reports the missing quote where it gave up
 * looking, at the end of the front matter, which can be many keys below the mistake; the value's
 * node starts at its opening quote.
 */
function unclosedQuoteStart(document: Document, error: YAMLError): number | undefined {
  if (error.code !== "MISSING_CHAR" || !/quote/.test(error.message)) return undefined;
  let start: number | undefined;
  visit(document, {
    Scalar: (_key, node) => {
      const [from, to] = node.range ?? [0, 0];
      if ((node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") && from < error.pos[0] && to >= error.pos[0]) start = from;
    },
  });
  return start;
}

/** The closing fence: exactly three dashes, then nothing but spaces or tabs. */
const fenceLine = /^---[ \t]*$/;
/** The opening fence, with an optional language (`---yaml`, `--- js`): never four dashes. */
const openingLine = /^---(?!-)[ \t]*([^ \t]*)[ \t]*$/;

const problem = (rule: RuleId, message: string, hint: string, line: number, column = 1): { ok: false; problems: LocatedProblem[] } => ({
  ok: false,
  problems: [{ rule, message, hint, line, column }],
});

const fenceHint = "The front matter opens and closes with a line of exactly three dashes, `---`: write it so, or indent the line if it belongs to a value.";

/**
 * Splits normalized article text (no BOM, LF line endings) into front matter and body. wirefeed
 * finds the fences itself, line by line, as the README describes them; the YAML parser sees only
 * the text between them, so no other reading of a `---` line can move the end of the front matter.
 * @param text the article's text
 */
export function splitFrontMatter(text: string): { ok: true; value: SplitArticle } | { ok: false; problems: LocatedProblem[] } {
  const lines = text.split("\n");
  const opening = lines[0] ?? "";
  if (!opening.startsWith("---")) {
    return problem(
      "missing-front-matter",
      "The file does not start with a `---` front matter fence",
      "Start the article with `---`, then `title:` and `date:` lines, then `---`, then the Markdown body.",
      1,
    );
  }
  const opened = openingLine.exec(opening);
  if (!opened) return problem("invalid-fence", `The first line "${opening}" is not a front matter fence`, fenceHint, 1);
  const language = (opened[1] ?? "").toLowerCase();
  if (language !== "" && language !== "yaml" && language !== "yml") {
    const executable = ["js", "javascript", "coffee", "coffeescript"].includes(language);
    return problem(
      executable ? "executable-front-matter" : "unsupported-front-matter",
      executable ? `Front matter in ${language} is code, and wirefeed never runs code from an article` : `Front matter in "${language}" is not supported`,
      "Write the front matter in YAML: replace the first line with a plain `---` and use `key: value` lines.",
      1,
      opening.indexOf(opened[1]!) + 1,
    );
  }
  // The first line that starts with three dashes ends the front matter, or is a fence mistyped:
  // taking `-----` or `---x` for a line of YAML would let the keys after it slip into the body.
  const closingIndex = lines.findIndex((line, index) => index > 0 && line.startsWith("---"));
  if (closingIndex === -1) {
    return problem(
      "unclosed-front-matter",
      "The front matter opened on line 1 is never closed",
      "Add a line holding only `---` after the last front matter key, before the body.",
      1,
    );
  }
  const closing = lines[closingIndex]!;
  if (!fenceLine.test(closing)) {
    return problem("invalid-fence", `Line ${closingIndex + 1} "${closing}" starts like the closing fence but is not one`, fenceHint, closingIndex + 1);
  }
  // From the end of line 1 to the end of the line before the closing fence: YAML positions are then the file's.
  const matterEnd = lines.slice(0, closingIndex).join("\n").length;
  const split = { matter: text.slice(opening.length, matterEnd), content: lines.slice(closingIndex + 1).join("\n") };
  const located = parseLocated(split.matter, 0);
  const problems: LocatedProblem[] = [];
  for (const error of located.document.errors) {
    problems.push({
      rule: "invalid-yaml",
      message: `The front matter is not valid YAML: ${error.message.split("\n")[0]}`,
      hint: "Check indentation, quote values that contain `: ` or start with a special character, and close every quote and bracket.",
      ...located.positionAt(unclosedQuoteStart(located.document, error) ?? error.pos[0]),
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
      bodyLine: closingIndex + 2,
      positionOf: located.positionOf,
    },
  };
}
