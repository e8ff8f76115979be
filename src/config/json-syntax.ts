/**
 * Where JSON text stops being JSON, as an offset: `JSON.parse` says it in some messages only
 * ("at position N" on some Node versions, nothing for an unexpected `]` on Node 20), so the config's
 * syntax errors are located here. A `}` or `]` right after a comma is a trailing comma: the offset is
 * the comma's, which is what the author has to remove. Iterative: no nesting overflows it.
 * @returns the offset, or undefined when the text is JSON
 */
export function jsonSyntaxError(text: string): number | undefined {
  const containers: ("{" | "[")[] = [];
  let index = 0;
  const skipSpace = () => {
    while (index < text.length && (text[index] === " " || text[index] === "\t" || text[index] === "\n" || text[index] === "\r")) index++;
  };
  const trailingComma = (): number => {
    let before = index - 1;
    while (before >= 0 && /\s/.test(text[before]!)) before--;
    return text[before] === "," ? before : index;
  };
  /** Reads a string at `index`; false if it is not one. */
  const readString = (): boolean => {
    if (text[index] !== '"') return false;
    index++;
    while (index < text.length) {
      const character = text[index]!;
      if (character === '"') {
        index++;
        return true;
      }
      if (character < " ") return false;
      if (character === "\\") {
        const escaped = text[index + 1];
        if (escaped === "u" && /^[0-9A-Fa-f]{4}$/.test(text.slice(index + 2, index + 6))) index += 6;
        else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) index += 2;
        else return false;
      } else index++;
    }
    return false;
  };
  /** Reads `"key":` at `index`; false if it is not there. */
  const readKey = (): boolean => {
    if (!readString()) return false;
    skipSpace();
    if (text[index] !== ":") return false;
    index++;
    return true;
  };
  const scalar = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

  // Each turn reads one value; after it, commas and closing brackets lead to the next.
  for (;;) {
    skipSpace();
    const start = text[index];
    if (start === "{" || start === "[") {
      containers.push(start);
      index++;
      skipSpace();
      if (text[index] === (start === "{" ? "}" : "]")) {
        containers.pop();
        index++;
      } else {
        if (start === "{" && !readKey()) return index;
        continue;
      }
    } else if (start === '"') {
      if (!readString()) return index;
    } else {
      scalar.lastIndex = index;
      if (!scalar.test(text)) return index;
      index = scalar.lastIndex;
    }
    // After a value: the end, a comma, or the bracket that closes its container.
    for (;;) {
      skipSpace();
      const container = containers.at(-1);
      if (container === undefined) return index === text.length ? undefined : index;
      const character = text[index];
      if (character === (container === "{" ? "}" : "]")) {
        containers.pop();
        index++;
        continue;
      }
      if (character !== ",") return index;
      index++;
      skipSpace();
      if (text[index] === "}" || text[index] === "]") return trailingComma();
      if (container === "{" && !readKey()) return index;
      break;
    }
  }
}

/**
 * What `JSON.parse` found wrong, without where: the diagnostic carries the line and column, so
 * Node's offset ("in JSON at position 217", "(line 7 column 3)" on newer Node) and its quote of the
 * text around it (a config in YAML is quoted line ends and all) only repeat it less readably.
 * @param message the SyntaxError's message
 */
export function jsonErrorReason(message: string): string {
  return message
    .replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/su, "")
    .replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?$/u, "")
    .trim();
}
