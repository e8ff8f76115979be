import { failAt, field } from "./field.js";
import { readDate } from "./dates.js";

/** `expiryDate`: the moment the article leaves the outputs (Hugo's key); after `date`. */
export const expires = field<Date, { date: Date }>({
  keys: ["expiryDate"],
  docs: [
    [
      "expiryDate",
      "The moment the article leaves every output, as Hugo leaves an expired page out (same forms as `date`; after `date`). It stays in the articles folder, so the removal guard does not count it as lost.",
    ],
  ],
  read(input, { date }) {
    const read = readDate(input, "expiryDate");
    if (read.value !== undefined && date && read.value <= date)
      return failAt(
        input,
        "expiry-before-date",
        "The article would expire before it is published",
        "Set `expiryDate` to a moment after `date`, or remove it.",
        "expiryDate",
      );
    return read;
  },
});
