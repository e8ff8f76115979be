import { cleanTag, reservedTagSlug, splitTags, tagSlug, uniqueTags } from "../../../text/tags.js";
import type { LocatedProblem } from "../front-matter.js";
import { field, invalidType } from "./field.js";

const keys = ["tags", "categories", "keywords"];

/** `tags`, with `categories` and `keywords` merged in: cleaned, aliased, one per case variant. */
export const tags = field<string[]>({
  keys,
  docs: [
    [
      "tags",
      "A list or a comma-separated string; `categories` and `keywords` are merged in. Case variants are one tag (`NATO`, `nato`); `tagAliases` maps other spellings.",
    ],
  ],
  read(input) {
    const { config } = input;
    const present = keys.filter((key) => input.data[key] !== undefined && input.data[key] !== null);
    const errors: LocatedProblem[] = [];
    const warnings: LocatedProblem[] = [];
    const raw: string[] = [];
    for (const key of present) {
      const value = input.data[key];
      if (typeof value === "string") raw.push(...splitTags(value));
      else if (Array.isArray(value) && value.every((tag) => typeof tag === "string" || typeof tag === "number")) raw.push(...value.map(String));
      else errors.push(invalidType(input, key, "a list of tags or a comma-separated string", `Write ${key}: [Iran, NATO] or ${key}: "Iran, NATO".`, value));
    }
    const value = uniqueTags(raw.map((tag) => cleanTag(tag, config.tagAliases)));
    for (const tag of value) {
      const reserved = reservedTagSlug(tag);
      if (reserved !== undefined)
        warnings.push({
          rule: "reserved-tag-slug",
          message: `The tag "${tag}" would have the folder tags/${reserved}/, a name Windows reserves; its feeds are at tags/${tagSlug(tag)}/`,
          hint: "Nothing to do unless you want another folder: then use `tagAliases` to give the tag another name.",
          ...input.at(present[0]!),
        });
    }
    // Every tag is a feed in three formats holding the whole article: tags multiply its output.
    if (value.length > config.maxTagsPerArticle)
      errors.push({
        rule: "too-many-tags",
        message: `The article has ${value.length} tags; at most ${config.maxTagsPerArticle} are allowed`,
        hint: "Keep the tags readers follow, or raise `maxTagsPerArticle` in the config.",
        ...input.at(present[0]!),
      });
    return { value, errors, warnings };
  },
});
