import { normalizeCredit } from "../../../text/image-credit.js";
import { imageMediaType } from "../../../text/mime.js";
import { cleanBlock, cleanInline } from "../../../text/text.js";
import type { LocatedProblem } from "../front-matter.js";
import { field, invalidType, locate } from "./field.js";

/** The lead image of an article. */
export interface ArticleImage {
  /** Absolute URL. */
  url: string;
  /** Registered media type, when the extension tells it. */
  type?: string;
  /** Size in bytes, when the front matter states it. */
  length?: number;
  alt?: string;
  caption?: string;
  /** Normalized credit ("Associated Press"). */
  credit?: string;
  /** The credit line as written ("IMAGE SOURCE: ASSOCIATED PRESS"). */
  creditAsWritten?: string;
}

const isPath = (value: string): boolean => /^[^\s:?#]+(\?[^\s#]*)?(#\S*)?$/.test(value) && !value.startsWith("//");

const isAbsoluteHttp = (value: string): boolean => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value);

/** `image` as a map or a string, with the flat `image_caption`, `image_credit`, `image_alt` keys. */
export const image = field<ArticleImage>({
  keys: ["image", "image_caption", "image_credit", "image_alt"],
  docs: [
    [
      "image",
      "The lead image: `{src, alt, caption, credit, length}` or just the src. `src` is an absolute http(s) URL or a path (resolved against the site URL). The flat keys `image_caption`, `image_credit`, `image_alt` also work. The credit is normalized: `IMAGE SOURCE: ASSOCIATED PRESS` becomes `Associated Press`.",
    ],
  ],
  read(input) {
    const { data, config } = input;
    const value = data.image;
    if (value === undefined || value === null) return {};
    if (typeof value !== "string" && (typeof value !== "object" || Array.isArray(value)))
      return { errors: [invalidType(input, "image", "a URL or a map", "Write `image: {src: /images/a.jpg, caption: ..., credit: ...}`.", value)] };
    const fields: Record<string, unknown> = typeof value === "string" ? { src: value } : { ...(value as object) };
    for (const flat of ["caption", "credit", "alt"]) {
      if (fields[flat] === undefined && data[`image_${flat}`] !== undefined) fields[flat] = data[`image_${flat}`];
    }
    const where = (name: string): (string | number)[] =>
      typeof value === "object" && name in (value as object) ? ["image", name] : name === "src" ? ["image"] : [`image_${name}`];
    const errors: LocatedProblem[] = [];
    const strings: Record<string, string> = {};
    for (const [name, fieldValue] of Object.entries(fields)) {
      if (fieldValue === undefined || fieldValue === null) continue;
      if (name === "length") continue;
      if (!["src", "alt", "caption", "credit", "url"].includes(name)) {
        errors.push(
          locate(input, { rule: "unknown-image-key", message: `Unknown image key "${name}"`, hint: "An image takes src, alt, caption, credit and length." }, [
            "image",
            name,
          ]),
        );
        continue;
      }
      if (typeof fieldValue !== "string") {
        errors.push(invalidType(input, where(name), "text", `Write ${name} as a string.`, fieldValue));
        continue;
      }
      strings[name === "url" ? "src" : name] = fieldValue;
    }
    const src = strings.src?.trim();
    if (!src) {
      if (Object.keys(strings).length > 0)
        errors.push(locate(input, { rule: "missing-image-src", message: "The image has no src", hint: "Add `src:` with the image's URL or path." }, "image"));
      return { errors };
    }
    if (!isAbsoluteHttp(src) && !isPath(src)) {
      const problem = {
        rule: "invalid-image-src",
        message: `The image src "${src}" is neither an absolute http(s) URL nor a path`,
        hint: "Use https://... or a path such as /images/photo.jpg.",
      } as const;
      errors.push(locate(input, problem, where("src")));
      return { errors };
    }
    const image: ArticleImage = { url: new URL(src, config.url).href };
    const type = imageMediaType(src);
    if (type) image.type = type;
    const length = fields.length;
    if (length !== undefined) {
      if (typeof length === "number" && Number.isInteger(length) && length >= 0) image.length = length;
      else
        errors.push(
          invalidType(input, ["image", "length"], "a whole number of bytes", "Write the file size in bytes, e.g. `length: 48213`, or remove it.", length),
        );
    }
    if (strings.alt !== undefined && cleanInline(strings.alt)) image.alt = cleanInline(strings.alt);
    if (strings.caption !== undefined && cleanBlock(strings.caption)) image.caption = cleanInline(strings.caption);
    if (strings.credit !== undefined) {
      const written = cleanInline(strings.credit);
      const credit = normalizeCredit(written, config.creditAliases);
      if (credit) {
        image.credit = credit;
        image.creditAsWritten = written;
      }
    }
    return { value: image, errors };
  },
});
