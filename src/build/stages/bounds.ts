import type { RuleId } from "../../diagnostics/diagnostic.js";
import type { LocatedProblem } from "./front-matter.js";

/** The per-article bounds of the config that the body scan checks. */
export interface BodyBounds {
  /** Deepest nesting of lists, quotes and HTML elements. */
  maxNestingDepth: number;
  /** Most emphasis and link markers (`*`, `_`, `[`, `]`) in one block. */
  maxInlineMarkers: number;
}

/** What the scan found: the first bound the body crosses, and an estimate of what rendering it costs. */
export interface BodyScan {
  problem?: LocatedProblem;
  /**
   * Roughly bytes of plain prose that render in the same time. A marker weighs more than a byte:
   * emphasis and links make many tree nodes, and micromark resolves them by walking back over
   * the markers of their block.
   */
  cost: number;
}

/** What a marker costs, in bytes of plain text: measured on `a*` and `[a]` runs, where rendering takes 20 to 40 times as long per byte. */
const markerCost = 40;

/** What a container marker (`>`, `-`, `1.`) costs: nested quotes and lists take some 100 times as long per byte as prose. */
const containerCost = 100;

/** Elements an HTML parser never nests (void), and those a sibling of the same name closes (`<p>a<p>b`). */
const voidElements = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const selfClosing = new Set(["p", "li", "dt", "dd", "tr", "td", "th", "option", "rp", "rt", "thead", "tbody", "tfoot"]);

const listMarker = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const fence = /^(`{3,}|~{3,})/;

/** Columns of leading whitespace (a tab to the next multiple of 4) and where the text after it starts. */
function indentation(line: string, from: number): { columns: number; end: number } {
  let columns = 0;
  let end = from;
  for (; end < line.length; end++) {
    if (line[end] === " ") columns++;
    else if (line[end] === "\t") columns += 4 - (columns % 4);
    else break;
  }
  return { columns, end };
}

/** Backtick runs of one length: where each starts, and the first not yet consumed. */
type BacktickRuns = Map<number, { starts: number[]; next: number }>;

/** The start of every run of backticks in `line`, by run length. */
function backtickRuns(line: string): BacktickRuns {
  const runs: BacktickRuns = new Map();
  for (let column = line.indexOf("`"); column !== -1; column = line.indexOf("`", column)) {
    let length = 1;
    while (line[column + length] === "`") length++;
    const run = runs.get(length) ?? { starts: [], next: 0 };
    run.starts.push(column);
    runs.set(length, run);
    column += length;
  }
  return runs;
}

/**
 * The last column of the code span opened by the backtick run at `column` (or of the run, when no
 * run of the same length closes it on this line). Runs are consumed from the front, so a line's
 * scan stays linear however many unmatched runs it holds.
 */
function codeSpanEnd(line: string, column: number, runs: BacktickRuns): number {
  let length = 1;
  while (line[column + length] === "`") length++;
  const run = runs.get(length)!;
  while (run.next < run.starts.length && run.starts[run.next]! <= column) run.next++;
  const close = run.starts[run.next++];
  return close === undefined ? column + length - 1 : close + length - 1;
}

/**
 * Checks an article body against the bounds before any recursive parser sees it, in one pass
 * over its characters. Every count is an upper bound of what the parsers will build:
 * - container depth of a line: its `>` and list markers, plus half its indentation (a nested
 *   list item is indented at least two columns per level);
 * - HTML depth: open elements minus closed ones, void elements and the implicitly closed ones aside;
 * - inline markers: per block (paragraphs and list items), outside code spans and fences.
 * @param body the Markdown body
 * @param bodyLine the file's line on which the body starts, so that positions point into the file
 * @param bounds the limits
 */
export function scanBody(body: string, bodyLine: number, bounds: BodyBounds): BodyScan {
  const lines = body.split("\n");
  let markers = 0;
  let containers = 0;
  let blockMarkers = 0;
  const open: string[] = [];
  let inFence: string | undefined;
  const at = (index: number, column: number, rule: RuleId, message: string, hint: string): BodyScan => ({
    problem: { rule, message, hint, line: bodyLine + index, column: column + 1 },
    cost: body.length,
  });
  const tooDeep = (index: number, column: number, what: string) =>
    at(
      index,
      column,
      "nesting-too-deep",
      `${what} nest more than ${bounds.maxNestingDepth} levels deep here`,
      "No real article nests this deep: flatten the lists, quotes or HTML, or raise `maxNestingDepth` in the config.",
    );
  for (const [index, line] of lines.entries()) {
    // Container markers at the start of the line.
    let depth = 0;
    let position = 0;
    let startsBlock = false;
    /** Where the depth first passes the bound: code in a fence is indented as it likes. */
    let crossed: number | undefined;
    for (;;) {
      const { columns, end } = indentation(line, position);
      depth += Math.floor(columns / 2);
      if (depth > bounds.maxNestingDepth) crossed ??= end;
      position = end;
      const item = line[position] === ">" ? ">" : listMarker.exec(line.slice(position, position + 12))?.[0];
      if (item === undefined) break;
      if (++depth > bounds.maxNestingDepth) crossed ??= position;
      containers++;
      startsBlock ||= item !== ">";
      position += item.length;
    }
    const rest = line.slice(position);
    const fenced = fence.exec(rest);
    if (inFence !== undefined) {
      if (fenced && fenced[1]![0] === inFence[0] && fenced[1]!.length >= inFence.length) inFence = undefined;
      continue;
    }
    if (crossed !== undefined) return tooDeep(index, crossed, "Lists and quotes");
    if (fenced) {
      inFence = fenced[1];
      continue;
    }
    if (rest.trim() === "" || startsBlock || rest.startsWith("#")) blockMarkers = 0;
    // Inline: markers and HTML tags, code spans skipped.
    let spans: BacktickRuns | undefined;
    for (let column = position; column < line.length; column++) {
      const character = line[column]!;
      if (character === "`") {
        spans ??= backtickRuns(line);
        column = codeSpanEnd(line, column, spans);
        continue;
      }
      if (character === "*" || character === "_" || character === "[" || character === "]") {
        markers++;
        if (++blockMarkers > bounds.maxInlineMarkers)
          return at(
            index,
            column,
            "too-many-markers",
            `This block holds more than ${bounds.maxInlineMarkers} emphasis and link markers (\`*\`, \`_\`, \`[\`, \`]\`); the Markdown parser's time grows with their square`,
            "Split the block with blank lines, escape literal markers as `\\*`, put code in backticks, or raise `maxInlineMarkers` in the config.",
          );
        continue;
      }
      if (character !== "<") continue;
      const closing = line[column + 1] === "/";
      const name = /^[A-Za-z][A-Za-z0-9-]*/.exec(line.slice(column + (closing ? 2 : 1), column + 34))?.[0].toLowerCase();
      if (name === undefined || voidElements.has(name)) continue;
      if (closing) {
        const match = open.lastIndexOf(name);
        if (match !== -1) open.length = match;
        continue;
      }
      if (line[line.indexOf(">", column) - 1] === "/") continue;
      if (selfClosing.has(name) && open.at(-1) === name) open.pop();
      open.push(name);
      markers++;
      if (open.length + depth > bounds.maxNestingDepth) return tooDeep(index, column, "HTML elements");
    }
  }
  return { cost: body.length + markers * markerCost + containers * containerCost };
}
