import { type Author, parseAuthors } from "../../../text/author.js";
import { field, isEmpty, locate } from "./field.js";

/** `author` (or `authors`): one author or a list, each a name, "Name <email>" or a map. */
export const authors = field<Author[]>({
  keys: ["author", "authors"],
  docs: [
    [
      "author",
      "`Jane Doe`, `Jane Doe <jane@example.com>`, `{name, email, url}`, or a list of those (`authors` works too). Without it, the config's `author` stands for the site.",
    ],
  ],
  read(input) {
    const key = input.data.authors !== undefined ? "authors" : "author";
    const value = input.data[key];
    if (value === undefined || value === null) return { value: [] };
    const parsed = parseAuthors(value);
    if (parsed.ok) return { value: parsed.value };
    // Text, a map or a list is an author's form, wrong inside; anything else, or empty text, is wrong as a whole.
    const whole = isEmpty(value) || (typeof value !== "string" && typeof value !== "object");
    return { errors: [locate(input, parsed.problem, key, whole ? "value" : "key")] };
  },
});
