import { plainTitle } from "../../../text/text.js";
import { failAt, field, readText } from "./field.js";

/** `title`: the headline, plain text. Required: absent, empty or only markup, it is an error. */
export const title = field<string>({
  keys: ["title"],
  docs: [["title", "Headline, plain text (markup is removed). Required."]],
  read(input) {
    const text = readText(input, "title");
    if (text.errors) return text;
    const value = text.value === undefined ? "" : plainTitle(text.value);
    if (value !== "") return { value };
    const hint = 'Add a `title: "Your headline"` line to the front matter.';
    // `title:` alone, `title: null` and `title: ""` are there but empty: shown at the value.
    if (input.data.title === undefined) return { errors: [{ rule: "missing-title", message: "The article has no title", hint, line: 1, column: 1 }] };
    return failAt(input, "empty-title", "The article's title is empty", hint, "title", "value");
  },
});
