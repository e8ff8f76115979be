import { failAt, field, isEmpty, readText } from "./field.js";

/** `lang`: the article's BCP 47 language, when it differs from the site's. */
export const lang = field<string>({
  keys: ["lang"],
  docs: [
    [
      "lang",
      "BCP 47 language of the article when it differs from the site's. With articles in more than one language, each language has its feed set (`languages/<tag>/`).",
    ],
  ],
  read(input) {
    const text = readText(input, "lang");
    if (text.value === undefined || /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(text.value)) return text;
    const where = isEmpty(text.value) ? "value" : "key";
    return failAt(input, "invalid-lang", `"${text.value}" is not a BCP 47 language tag`, "Write a tag such as en, fa or pt-BR.", "lang", where);
  },
});
