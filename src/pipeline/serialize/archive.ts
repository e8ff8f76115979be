import type { Config } from "../../config/schema.js";
import type { Item } from "../model.js";
import { newestUpdate } from "../model.js";
import { formatRfc3339 } from "../normalize/date.js";

/** Version of the archive format; bumped on any incompatible change to a record. */
export const archiveFormatVersion = 1;

/** One article as the archive keeps it: every normalized field, the HTML and the plain text. */
export function archiveRecord(item: Item, timeZone: string) {
  const image = item.image;
  return {
    id: item.id,
    url: item.url,
    slug: item.slug,
    title: item.title,
    ...(item.description ? { description: item.description } : {}),
    summary: item.summary,
    date_published: formatRfc3339(item.date, timeZone),
    date_modified: formatRfc3339(item.updated, timeZone),
    authors: item.authors.map((author) => ({ ...author })),
    tags: item.tags.map((tag) => ({ name: tag.name, slug: tag.slug })),
    ...(image
      ? {
          image: {
            url: image.url,
            ...(image.type ? { mime_type: image.type } : {}),
            ...(image.length !== undefined ? { length: image.length } : {}),
            ...(image.alt ? { alt: image.alt } : {}),
            ...(image.caption ? { caption: image.caption } : {}),
            ...(image.credit ? { credit: image.credit, credit_as_written: image.creditAsWritten } : {}),
          },
        }
      : {}),
    ...(item.lang ? { language: item.lang } : {}),
    source: item.source,
    content_html: item.html,
    content_text: item.text,
  };
}

export type ArchiveRecord = ReturnType<typeof archiveRecord>;

/** The header every archive file starts with. */
export function archiveHeader(config: Config, items: readonly Item[]) {
  return {
    format: "wirefeed-archive",
    version: archiveFormatVersion,
    site: {
      title: config.title,
      url: config.url,
      ...(config.description ? { description: config.description } : {}),
      language: config.language,
    },
    count: items.length,
    newest: items.length ? formatRfc3339(newestUpdate(items), config.timeZone) : null,
  };
}

/** Serializes the whole archive: the header, then every published article, newest first. */
export function renderArchive(config: Config, items: readonly Item[]): string {
  const document = { ...archiveHeader(config, items), articles: items.map((item) => archiveRecord(item, config.timeZone)) };
  return `${JSON.stringify(document, null, 2)}\n`;
}
