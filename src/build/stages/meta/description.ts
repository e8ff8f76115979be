import { plainTitle } from "../../../text/text.js";
import { field, readText } from "./field.js";

const keys = ["description", "summary", "dek"];

/** `description` (or `summary`, or `dek`): the dek as written, plain text. */
export const description = field<string>({
  keys,
  docs: [
    [
      "description",
      "The dek, shown as the summary; plain text, markup is removed as from titles. Also accepted as `summary` or `dek`. Without it, the first paragraph, cut at a word boundary, is the summary.",
    ],
  ],
  read(input) {
    const key = keys.find((name) => input.data[name] !== undefined && input.data[name] !== null);
    if (key === undefined) return {};
    const text = readText(input, key);
    // Markup goes as it goes from titles: every summary is plain text (JSON Feed's `summary` by its spec).
    if (text.errors) return text;
    const value = plainTitle(text.value ?? "");
    return value ? { value } : {};
  },
});
