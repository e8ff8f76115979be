import { validateSlug } from "../../../text/slug.js";
import { failAt, field, locateValueProblem, readText } from "./field.js";

/** The scheme an id begins with (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`, then `:`), lower case; none for a plain id. */
export const idScheme = (id: string): string | undefined => /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(id)?.[1]?.toLowerCase();

/** The schemes an explicit id may have (README: "an absolute IRI (tag:, urn:, https:)"). */
const idSchemes = new Set(["tag", "urn", "http", "https"]);

/**
 * `id`: the article's permanent id as written (a number is read as its digits), checked; the
 * tag: URI made of the site, the date and the slug when there is none is made in `index.ts`.
 */
export const id = field<string>({
  keys: ["id"],
  docs: [
    [
      "id",
      "Permanent id. Default: an RFC 4151 tag URI from the site's host, the publication date and the slug (`tag:worlddesk.example,2022-02-25:my-slug`). Never derived from the title, so fixing a typo never makes readers see a duplicate.",
    ],
  ],
  read(input) {
    const written = input.data.id;
    const text = typeof written === "number" ? { value: String(written) } : readText(input, "id");
    if (text.value === undefined) return text;
    const checked = validateSlug(text.value, "id");
    if (!checked.ok) return { errors: [locateValueProblem(input, checked.problem, "id", text.value)] };
    const scheme = idScheme(checked.value);
    // An id is written as the RSS guid and the Atom id, which readers may follow as a link: only schemes that name, never run.
    if (scheme !== undefined && !idSchemes.has(scheme))
      return failAt(
        input,
        "unsafe-id",
        `The id "${checked.value}" has the scheme "${scheme}:", which is not one of tag:, urn:, http: and https:`,
        "Write a plain id such as `my-article`, or a tag:, urn: or https: IRI.",
        "id",
      );
    return { value: checked.value };
  },
});
