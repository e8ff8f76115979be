import { field } from "./field.js";
import { readDateAfter } from "./dates.js";

/** `updated`: the last substantive change; not before `date`, which it defaults to. */
export const updated = field<Date, { date: Date }>({
  keys: ["updated"],
  docs: [["updated", "Last substantive change, same forms; not before `date`. Defaults to `date`."]],
  read(input, { date }) {
    const read = readDateAfter(input, "updated", date, {
      rule: "updated-before-date",
      message: "The article is updated before it was published",
      orSame: true,
    });
    if (read.errors || read.value !== undefined) return read;
    return date ? { value: date } : {};
  },
});
