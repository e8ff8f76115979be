import { failAt, field } from "./field.js";
import { readDate } from "./dates.js";

/** `updated`: the last substantive change; not before `date`, which it defaults to. */
export const updated = field<Date, { date: Date }>({
  keys: ["updated"],
  docs: [["updated", "Last substantive change, same forms; not before `date`. Defaults to `date`."]],
  read(input, { date }) {
    const read = readDate(input, "updated");
    if (read.errors) return read;
    if (read.value === undefined) return date ? { value: date } : {};
    if (date && read.value < date)
      return failAt(
        input,
        "updated-before-date",
        "The article is updated before it was published",
        "Set `updated` to a moment after `date`, or remove it.",
        "updated",
      );
    return read;
  },
});
