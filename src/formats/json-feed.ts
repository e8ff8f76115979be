import type { Config } from "../config/schema.js";
import type { Author } from "../text/author.js";
import { type Item, itemAuthors } from "../build/stages/model.js";
import { describe, type FeedPage, type ItemContent, onSite, pageHubs, pageLanguage } from "./feed-page.js";
import { itemContentHtml } from "./lead-figure.js";
import { formatRfc3339 } from "../text/date.js";
import { type Frame, joinFrame } from "./frame.js";
import { stripXmlInvalid } from "../text/text.js";

// The XML feeds cannot carry these characters; dropping them here too keeps the three formats saying the same.
const sameAsXml = (_key: string, value: unknown): unknown => (typeof value === "string" ? stripXmlInvalid(value) : value);

const jsonAuthor = (author: Pick<Author, "name"> & { url?: string | undefined }) => ({ name: author.name, ...(author.url ? { url: author.url } : {}) });

/**
 * The `_wirefeed` extension object of an item (JSON Feed 1.1 allows keys starting with "_"):
 * what the image field cannot say.
 */
function extension(site: (url: string) => string, item: Item): Record<string, unknown> | undefined {
  const image = item.image;
  if (!image) return undefined;
  return {
    image: {
      url: site(image.url),
      ...(image.type ? { mime_type: image.type } : {}),
      ...(image.alt ? { alt: image.alt } : {}),
      ...(image.caption ? { caption: image.caption } : {}),
      ...(image.credit ? { credit: image.credit } : {}),
    },
  };
}

/**
 * One item of a JSON Feed 1.1 document, as it stands in the document's `items` array (indented
 * two levels), the same in every document that holds it.
 * @param config the site's config: its URL resolves links, its zone dates
 * @param content whether the item carries the body or the summary alone
 */
export function jsonFeedItem(config: Config, item: Item, content: ItemContent = "full"): string {
  const { timeZone } = config;
  const site = (url: string) => new URL(url, config.url).href;
  const wirefeed = extension(site, item);
  const body = itemContentHtml(config, item, content);
  const authors = itemAuthors(config, item);
  const json = {
    id: item.id,
    url: site(item.url),
    title: item.title,
    // JSON Feed wants content in every item: without the body (or a lead figure), the summary stands as its text.
    ...(body !== undefined ? { content_html: body } : { content_text: item.summary }),
    summary: item.summary,
    ...(item.image ? { image: site(item.image.url) } : {}),
    date_published: formatRfc3339(item.date, timeZone),
    date_modified: formatRfc3339(item.updated, timeZone),
    ...(authors.length ? { authors: authors.map(jsonAuthor) } : {}),
    ...(item.tags.length ? { tags: item.tags.map((tag) => tag.name) } : {}),
    ...(item.lang ? { language: item.lang } : {}),
    ...(wirefeed ? { _wirefeed: wirefeed } : {}),
  };
  // JSON.stringify escapes every line end inside a string: each "\n" it writes starts a line of its own.
  return `    ${JSON.stringify(json, sameAsXml, 2).replaceAll("\n", "\n    ")}`;
}

/**
 * The frame of one feed document as JSON Feed 1.1, around its items (`jsonFeedItem`). Built here
 * rather than with `feed`'s json1(), which writes version 1.0 (a single `author`, no `authors`, no `language`).
 */
export function jsonFeedFrame(page: FeedPage, nextUrl: string | undefined, hasItems: boolean): Frame {
  const { config } = page;
  const head = {
    version: "https://jsonfeed.org/version/1.1",
    title: page.title,
    home_page_url: onSite(page, page.homeUrl),
    feed_url: onSite(page, page.selfUrl),
    description: describe(page),
    ...(nextUrl ? { next_url: onSite(page, nextUrl) } : {}),
    language: pageLanguage(page),
    ...(config.author ? { authors: [jsonAuthor(config.author)] } : {}),
    ...(pageHubs(page).length ? { hubs: pageHubs(page).map((url) => ({ type: "WebSub", url })) } : {}),
  };
  // The items come last, as JSON.stringify would have written them: the head's closing brace makes way for them.
  const open = `${JSON.stringify(head, sameAsXml, 2).slice(0, -2)},\n  "items": `;
  return hasItems ? { open: `${open}[\n`, separator: ",\n", close: "\n  ]\n}\n" } : { open: `${open}[]\n}\n`, separator: "", close: "" };
}

/**
 * Serializes one feed document as JSON Feed 1.1.
 * @param items the page's items, from `jsonFeedItem`, when they were written already
 */
export const renderJsonFeed = (
  page: FeedPage,
  nextUrl?: string,
  items: readonly string[] = page.items.map((item) => jsonFeedItem(page.config, item, page.content)),
): string => joinFrame(jsonFeedFrame(page, nextUrl, items.length > 0), items);
