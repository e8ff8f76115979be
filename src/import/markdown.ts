/**
 * Writes a detected article as a front-mattered Markdown file in the vocabulary the build
 * reads. Front matter goes through the `yaml` package, so no value can break the YAML;
 * body paragraphs are escaped only where Markdown would otherwise read them as markup.
 */
import { Document, isScalar, type Pair, type YAMLMap } from "yaml";
import type { Detection } from "./analyze.js";

// At the start of a line: headings, quotes, list markers, fences and thematic breaks. A link
// reference definition ("[x]: ...") is already broken by the escaped "]".
const LINE_START = /^(?:#{1,6}(?=\s|$)|>|[-+](?=\s|$)|~~~|-(?:\s*-){2,}\s*$)/u;
const ORDERED_LIST = /^(\d{1,9})([.)])(?=\s|$)/u;

/**
 * Escapes one paragraph of plain text so that Markdown renders exactly this text: markers
 * that would make a heading, quote, list, code block or thematic break at the line start,
 * and inline emphasis, code, links, HTML and character references anywhere.
 * @param text a paragraph on one line, without surrounding whitespace
 */
export function escapeParagraph(text: string): string {
  return escapeLineStart(escapeInline(text));
}

/**
 * Escapes inline markup in a run of text: emphasis, code, links, HTML and character
 * references. A run ends where markup the caller writes begins.
 * @param text plain text
 */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_<&\]]/gu, (character, offset: number) => {
    const before = text[offset - 1] ?? "";
    const after = text[offset + 1] ?? "";
    switch (character) {
      case "\\":
        return /[!-/:-@[-`{-~]/u.test(after) || after === "" ? "\\\\" : character;
      case "_":
        // Between letters or digits ("snake_case") an underscore can neither open nor close emphasis.
        return /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after) ? character : "\\_";
      case "<":
        return /[A-Za-z/!?]/u.test(after) ? "\\<" : character;
      case "&":
        return /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/iu.test(text.slice(offset)) ? "\\&" : character;
      case "]":
        return /[([:]/u.test(after) ? "\\]" : character;
      default:
        return `\\${character}`;
    }
  });
}

/**
 * Escapes what would make a heading, quote, list, fence or thematic break at a line's start.
 * @param inline a line whose inline markup is already escaped
 */
export function escapeLineStart(inline: string): string {
  const ordered = ORDERED_LIST.exec(inline);
  if (ordered !== null) return `${ordered[1]}\\${inline.slice((ordered[1] ?? "").length)}`;
  return LINE_START.test(inline) ? `\\${inline}` : inline;
}

/** The note written above image_caption and image_credit when the text gives no image address. */
export const IMAGE_SRC_COMMENT =
  " The text names no image address. Add `image: /path/to/photo.jpg` (and image_alt)\n for this caption and credit to apply; until then the article has no image.";

/**
 * The front matter data of a detection, in the build's vocabulary. The credit is kept as
 * written: the build normalizes it, so the file keeps what the page said.
 * @param detection what was read from the source
 */
export function frontMatterData(detection: Detection): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (detection.title) data.title = detection.title.value;
  if (detection.date) data.date = detection.date.value;
  if (detection.updated) data.updated = detection.updated.value;
  if (detection.description) data.description = detection.description.value;
  const names = detection.authors?.names ?? [];
  if (names.length === 1) data.author = names[0];
  else if (names.length > 1) data.authors = names;
  const image = detection.image;
  if (image?.src) {
    data.image = {
      src: image.src.value,
      ...(image.alt ? { alt: image.alt.value } : {}),
      ...(image.caption ? { caption: image.caption.value } : {}),
      ...(image.credit ? { credit: image.credit.value } : {}),
    };
  } else if (image) {
    // Without a src the build would refuse an `image:` map; the flat keys wait for one.
    if (image.alt) data.image_alt = image.alt.value;
    if (image.caption) data.image_caption = image.caption.value;
    if (image.credit) data.image_credit = image.credit.value;
  }
  return data;
}

/**
 * Renders a detection as the text of an article file: front matter, a blank line, the
 * paragraphs separated by blank lines.
 * @param detection what was read from the source; needs at least a title and a date to build
 */
export function articleMarkdown(detection: Detection): string {
  const document = new Document(frontMatterData(detection));
  const firstImageKey = (document.contents as YAMLMap).items.find(
    (pair: Pair) => isScalar(pair.key) && typeof pair.key.value === "string" && pair.key.value.startsWith("image_"),
  );
  if (firstImageKey !== undefined && isScalar(firstImageKey.key)) firstImageKey.key.commentBefore = IMAGE_SRC_COMMENT;
  const frontMatter = document.toString({ lineWidth: 0 });
  const body = detection.body.map((block) => block.markdown ?? escapeParagraph(block.value)).join("\n\n");
  return `---\n${frontMatter}---\n\n${body}\n`;
}
