import { type FieldInput, type FieldOutput, field, invalidType } from "./field.js";

const flag = (input: FieldInput, key: string, hint: string): FieldOutput<boolean> => {
  const value = input.data[key];
  if (value === undefined || value === null) return {};
  if (typeof value === "boolean") return { value };
  return { errors: [invalidType(input, key, "true or false", hint, value)] };
};

/** `draft: true`, or Jekyll's `published: false`: a draft by either name. */
export const draft = field<boolean>({
  keys: ["draft", "published"],
  docs: [
    ["draft", "`true` leaves the article out of every output."],
    ["published", "`false` does the same (Jekyll's spelling of a draft)."],
  ],
  read(input) {
    const draft = flag(input, "draft", "Write `draft: true` or remove the line.");
    // A draft by its own key is one whatever `published` says.
    const published = draft.value === true ? {} : flag(input, "published", "Write `published: false` or remove the line.");
    return { value: draft.value === true || published.value === false, errors: [...(draft.errors ?? []), ...(published.errors ?? [])] };
  },
});
