import { field } from "./field.js";
import { readDateAfter } from "./dates.js";

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
    return readDateAfter(input, "expiryDate", date, { rule: "expiry-before-date", message: "The article would expire before it is published" });
  },
});
