import type { Config } from "../config/schema.js";
import type { Item } from "../build/stages/model.js";
import type { FeedDocument } from "./archive/feeds.js";
import type { ItemContent } from "./feed-page.js";
import { atomEntry, renderAtom } from "./atom.js";
import { jsonFeedItem, renderJsonFeed } from "./json-feed.js";
import { renderRss, rssItem } from "./rss.js";

export type FeedFormat = FeedDocument["format"];

/** The writer of one item in each format: an item's bytes depend on it, what it carries, and the site's URL and zone only. */
export const itemWriters: Record<FeedFormat, (config: Config, item: Item, content?: ItemContent) => string> = {
  rss: rssItem,
  atom: atomEntry,
  json: jsonFeedItem,
};

/** Where a document takes its items' bytes from: by default each is written for it. */
export type ItemBytes = (item: Item, format: FeedFormat, content: ItemContent) => string;

/**
 * A feed document's bytes, in its format: its head, its items' bytes, its tail.
 * @param itemBytes the items' bytes, written once for every document that holds them (see `ItemStore`)
 */
export function renderDocument(document: FeedDocument, itemBytes?: ItemBytes): string {
  const { page, format } = document;
  const content = page.content ?? "full";
  const items = page.items.map((item) => (itemBytes ? itemBytes(item, format, content) : itemWriters[format](page.config, item, content)));
  return format === "rss" ? renderRss(page, items) : format === "atom" ? renderAtom(page, items) : renderJsonFeed(page, document.nextUrl, items);
}
