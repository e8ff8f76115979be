import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** A key (an unknown key, a typo) or its value (of the wrong type, empty). */
export type PositionPart = "key" | "value";

/** A parsed YAML (or JSON) document that can say where any of its values stands. */
export interface LocatedDocument {
  document: Document.Parsed;
  /**
   * Position of the key (or item) at `path`, falling back to the nearest ancestor found; with
   * `"value"`, of the key's value (for `title: null`, the `null`; for `title:` alone, the end of the line).
   */
  positionOf(path: readonly (string | number)[], part?: PositionPart): Position;
  /** Position of a character offset in the parsed text. */
  positionAt(offset: number): Position;
}

/**
 * Parses YAML with the core schema, so that `2022-02-25` stays a string (a calendar date is not
 * an instant) and no tag can construct an object; `lineOffset` maps the text's lines onto the file's.
 */
export function parseLocated(text: string, lineOffset = 0): LocatedDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    schema: "core",
    uniqueKeys: true,
    prettyErrors: false,
  });
  const positionAt = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const positionOf = (path: readonly (string | number)[], part: PositionPart = "key"): Position => {
    let node: unknown = document.contents;
    let offset = (document.contents as Node | null)?.range?.[0] ?? 0;
    let found = 0;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof step === "number") {
        const item = node.items[step] as Node | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else {
        break;
      }
      found++;
    }
    // A value is pointed at only when the whole path was found: else the nearest ancestor's key.
    if (part === "value" && found === path.length && found > 0) offset = (node as Node | null)?.range?.[0] ?? offset;
    return positionAt(offset);
  };
  return { document, positionOf, positionAt };
}
