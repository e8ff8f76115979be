import { field, readFlag } from "./field.js";

/** `draft: true`, or Jekyll's `published: false`: a draft by either name. */
export const draft = field<boolean>({
  keys: ["draft", "published"],
  docs: [
    ["draft", "`true` leaves the article out of every output."],
    ["published", "`false` does the same (Jekyll's spelling of a draft)."],
  ],
  read(input) {
    const draft = readFlag(input, "draft", "Write `draft: true` or remove the line.");
    // A draft by its own key is one whatever `published` says.
    const published = draft.value === true ? {} : readFlag(input, "published", "Write `published: false` or remove the line.");
    return { value: draft.value === true || published.value === false, errors: [...(draft.errors ?? []), ...(published.errors ?? [])] };
  },
});
