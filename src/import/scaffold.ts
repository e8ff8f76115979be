/**
 * `wirefeed new "Title"`: an article file for today, with every front matter key the
 * build reads. Keys a new article needs are set; optional ones are written as YAML
 * comments, ready to uncomment.
 */
import { lstat, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Document, isScalar, type Pair, type YAMLMap } from "yaml";
import { calendarDate } from "../text/date.js";
import { slugify } from "../text/slug.js";
import { cleanInline } from "../text/text.js";
import { fail, ok, type Result } from "../diagnostics/diagnostic.js";
import type { ProfileName } from "../build/stages/profiles/types.js";

/** The optional keys, as the comment block under `date` shows them. */
const OPTIONAL_KEYS = (day: string, slug: string): string =>
  [
    ` updated: ${day}T12:00:00        # when the article changed after publication`,
    " description: One or two sentences readers see in their feed reader (the dek)",
    " author: Jane Doe <jane@example.com>   # or authors: [Jane Doe, John Roe]; default: the config's author",
    " section: World   # the desk it belongs to: its own feeds at sections/world/",
    " tags: [World, Politics]",
    " image:",
    `   src: /images/${day.slice(0, 4)}/${day.slice(5, 7)}/photo.jpg   # or an https:// URL`,
    "   alt: What the photo shows",
    "   caption: Who and what is in the photo",
    '   credit: "Photo: Agency or photographer"',
    ` slug: ${slug}   # default: from the file name`,
    ` id: ${slug}     # keep it once published: readers track articles by it`,
    " lang: en   # default: the config's language",
  ].join("\n");

/**
 * How a new article is kept unpublished: `draft: true`, which wirefeed, Hugo and the Eleventy and
 * Astro starters read; in a Jekyll site `published: false`, as Jekyll publishes a post whatever its
 * `draft` says (wirefeed's Jekyll profile reads `published: false` as a draft).
 */
const unpublished = (profile: ProfileName | undefined) =>
  profile === "jekyll"
    ? { key: "published", value: false, comment: " remove this line (or write true) to publish" }
    : { key: "draft", value: true, comment: " remove this line (or write false) to publish" };

/**
 * The text of a new article file.
 * @param title the headline
 * @param day the publication date, YYYY-MM-DD
 * @param slug the slug the file name gives
 * @param profile the tool whose site the article is for, when it is one
 */
export function scaffoldText(title: string, day: string, slug: string, profile?: ProfileName): string {
  const { key, value, comment } = unpublished(profile);
  const document = new Document({ title, date: day, [key]: value });
  const items = (document.contents as YAMLMap).items as Pair[];
  const draft = items.find((pair) => isScalar(pair.key) && pair.key.value === key);
  if (draft !== undefined && isScalar(draft.key)) draft.key.commentBefore = OPTIONAL_KEYS(day, slug);
  if (draft !== undefined && isScalar(draft.value)) draft.value.comment = comment;
  return `---\n${document.toString({ lineWidth: 0 })}---\n\nWrite the article here, in Markdown.\n`;
}

/**
 * Writes `YYYY-MM-DD-slug.md` for `now` in `timeZone` into `articlesDir`; never overwrites.
 * @param title the headline, as typed
 * @param options the articles folder, the configured zone, the moment that counts as today and the site's tool
 */
export async function scaffoldArticle(
  title: string,
  options: { articlesDir: string; timeZone: string; now: Date; profile?: ProfileName | undefined },
): Promise<Result<{ file: string; text: string }>> {
  const headline = cleanInline(title);
  const slug = slugify(headline);
  if (slug === "")
    return fail(
      "empty-slug",
      `No file name can be made from the title "${title}"`,
      'Give a title with letters or digits, e.g. wirefeed new "Iran blames NATO".',
    );
  const { year, month, day } = calendarDate(options.now, options.timeZone);
  const date = `${year}-${month}-${day}`;
  const file = path.join(options.articlesDir, `${date}-${slug}.md`);
  if ((await lstat(file).catch(() => undefined)) !== undefined)
    return fail("article-exists", `${file} already exists`, "Choose another title, or edit the existing article.");
  const text = scaffoldText(headline, date, slug, options.profile);
  await mkdir(options.articlesDir, { recursive: true });
  await writeFile(file, text, { flag: "wx" });
  return ok({ file, text });
}
