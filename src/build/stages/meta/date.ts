import { failAt, field } from "./field.js";
import { readDate } from "./dates.js";

const hint = "Add a `date: 2022-02-25` line (ISO 8601; a time and offset are optional) to the front matter.";

/** `date`: when the article is published. Required. */
export const date = field<Date>({
  keys: ["date"],
  docs: [
    [
      "date",
      "Publication date. Required. ISO 8601 (`2022-02-25`, `2022-02-25T14:30+03:30`), RFC 2822 (`Fri, 25 Feb 2022 14:30:00 +0000`) or news forms (`February 25, 2022`, `Feb. 25, 2022`, `25 February 2022`, each with an optional time such as `2:30 PM`). Without an offset it is a wall-clock time in the config's `timeZone`; a date alone is midnight there. Numeric forms like `03/04/2022` are ambiguous and rejected.",
    ],
  ],
  read(input) {
    const value = input.data.date;
    if (value === undefined) return { errors: [{ rule: "missing-date", message: "The article has no date", hint, line: 1, column: 1 }] };
    // `date:` alone, `date: null` and `date: ""` are there but empty: shown at the value.
    if (value === null || value === "") return failAt(input, "missing-date", "The article's date is empty", hint, "date", "value");
    return readDate(input, "date");
  },
});
