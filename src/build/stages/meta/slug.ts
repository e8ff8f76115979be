import path from "node:path";
import { parseArticleFileName, slugify, validateSlug } from "../../../text/slug.js";
import { failAt, field, locateValueProblem, readText } from "./field.js";

/** `slug`: the article's URL segment; else the profile's, else from the file name, else from the title. */
export const slug = field<string, { title: string }>({
  keys: ["slug"],
  docs: [["slug", "URL segment. Default: from the file name (`2022-02-25-my-slug.md` → `my-slug`), else the title."]],
  read(input, { title }) {
    const text = readText(input, "slug");
    if (text.errors) return text;
    if (text.value !== undefined) {
      const checked = validateSlug(text.value, "slug");
      return checked.ok ? { value: checked.value } : { errors: [locateValueProblem(input, checked.problem, "slug", text.value)] };
    }
    if (input.place) return { value: input.place.slug };
    const value = parseArticleFileName(input.fileName)?.slug || slugify(path.parse(input.fileName).name) || slugify(title ?? "");
    if (value) return { value };
    return failAt(input, "empty-slug", "No slug can be made from the file name or the title", "Add a `slug: my-article` line to the front matter.", "title");
  },
});
