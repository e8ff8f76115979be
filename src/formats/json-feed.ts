import type { Author } from "../text/author.js";
import type { Item } from "../build/stages/model.js";
import { describe, onSite, type FeedPage } from "./feed-page.js";
import { formatRfc3339 } from "../text/date.js";
import { stripXmlInvalid } from "../text/text.js";

// The XML feeds cannot carry these characters; dropping them here too keeps the three formats saying the same.
const sameAsXml = (_key: string, value: unknown): unknown => (typeof value === "string" ? stripXmlInvalid(value) : value);

const jsonAuthor = (author: Pick<Author, "name"> & { url?: string | undefined }) => ({ name: author.name, ...(author.url ? { url: author.url } : {}) });

/**
 * The `_wirefeed` extension object of an item (JSON Feed 1.1 allows keys starting with "_"):
 * what the image field cannot say.
 */
function extension(page: FeedPage, item: Item): Record<string, unknown> | undefined {
  const image = item.image;
  if (!image) return undefined;
  return {
    image: {
      url: onSite(page, image.url),
      ...(image.type ? { mime_type: image.type } : {}),
      ...(image.alt ? { alt: image.alt } : {}),
      ...(image.caption ? { caption: image.caption } : {}),
      ...(image.credit ? { credit: image.credit } : {}),
    },
  };
}

/**
 * Serializes one feed document as JSON Feed 1.1. Built here rather than with `feed`'s json1(),
 * which writes version 1.0 (a single `author`, no `authors`, no `language`).
 */
export function renderJsonFeed(page: FeedPage, nextUrl?: string): string {
  const { config } = page;
  const timeZone = config.timeZone;
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: page.title,
    home_page_url: onSite(page, page.homeUrl),
    feed_url: onSite(page, page.selfUrl),
    description: describe(page),
    ...(nextUrl ? { next_url: onSite(page, nextUrl) } : {}),
    language: config.language,
    ...(config.author ? { authors: [jsonAuthor(config.author)] } : {}),
    items: page.items.map((item) => {
      const wirefeed = extension(page, item);
      return {
        id: item.id,
        url: onSite(page, item.url),
        title: item.title,
        content_html: item.html,
        summary: item.summary,
        ...(item.image ? { image: onSite(page, item.image.url) } : {}),
        date_published: formatRfc3339(item.date, timeZone),
        date_modified: formatRfc3339(item.updated, timeZone),
        ...(item.authors.length ? { authors: item.authors.map(jsonAuthor) } : {}),
        ...(item.tags.length ? { tags: item.tags.map((tag) => tag.name) } : {}),
        ...(item.lang ? { language: item.lang } : {}),
        ...(wirefeed ? { _wirefeed: wirefeed } : {}),
      };
    }),
  };
  return `${JSON.stringify(feed, sameAsXml, 2)}\n`;
}
