import { field } from "./field.js";
import { isAfterDate, readDate } from "./dates.js";

/** `publishDate`: when the article enters the feeds, kept only when it is later than `date` (Hugo's key). */
export const publishes = field<Date, { date: Date }>({
  keys: ["publishDate"],
  docs: [["publishDate", "When later than `date`: the article waits for it (the date shown stays `date`)."]],
  read(input, { date }) {
    const read = readDate(input, "publishDate", true);
    return isAfterDate(read.value, date) ? read : {};
  },
});
