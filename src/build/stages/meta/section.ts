import { cleanInline } from "../../../text/text.js";
import { field, readText } from "./field.js";

/** `section`: the desk or department, which has a feed set of its own. */
export const section = field<string>({
  keys: ["section"],
  docs: [
    [
      "section",
      "The desk or department (`World`, `Business`): the article is in that section's feed set (`sections/<slug>/`). Case variants are one section. Under the Hugo profile a page's top folder below `content/` is its section (`content/world/…`), under Jekyll the folder above `_posts` (`world/_posts/…`).",
    ],
  ],
  read(input) {
    const text = readText(input, "section");
    if (text.value === undefined) return text;
    const cleaned = cleanInline(text.value);
    return cleaned ? { value: cleaned } : {};
  },
});
