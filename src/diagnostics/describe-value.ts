/**
 * The one way wirefeed says what a value is, in a message about a value of the wrong type: the
 * front matter's fields, the normalizers (dates, authors) and the config all use it, so that
 * `title: 42`, `date: 42` and `"feedLimit": "42"` are worded alike. YAML and JSON values only:
 * what `yaml` and `JSON.parse` make (a TOML front matter can also hold a date).
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") return value.trim() === "" ? "empty text" : `the text ${quoted(value)}`;
  if (typeof value === "number" || typeof value === "bigint") return `the number ${String(value)}`;
  if (typeof value === "boolean") return `the boolean ${value}`;
  if (value instanceof Date) return "a date";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (typeof value === "object") return "a map";
  return `a ${typeof value}`;
}

/** Longest text quoted whole in a message; a longer one is cut, so a message stays one line. */
const quotedLength = 40;

/** `"text"` with JSON's escapes (no control character reaches a message), cut after 40 characters. */
function quoted(text: string): string {
  const characters = [...text];
  return characters.length <= quotedLength ? JSON.stringify(text) : `${JSON.stringify(characters.slice(0, quotedLength).join("")).slice(0, -1)}…"`;
}

/**
 * A message for a value of the wrong type: `"draft" must be true or false, not the text "maybe"`.
 * @param what the thing that has the value, as the message names it (`"title"`, `Date`, `The config key "url"`)
 * @param expected what it must be, after "must be" (`text`, `true or false`, `a list of tags`)
 */
export const wrongType = (what: string, expected: string, value: unknown): string => `${what} must be ${expected}, not ${describeValue(value)}`;
