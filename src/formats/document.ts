import type { Config } from "../config/schema.js";
import type { Item } from "../build/stages/model.js";
import type { FeedDocument } from "./archive/feeds.js";
import type { ItemContent } from "./feed-page.js";
import { atomEntry, atomFrame } from "./atom.js";
import { joinFrameBytes } from "./frame.js";
import { jsonFeedFrame, jsonFeedItem } from "./json-feed.js";
import { rssFrame, rssItem } from "./rss.js";

export type FeedFormat = FeedDocument["format"];

/** The writer of one item in each format: an item's bytes depend on it, what it carries, and the site's URL and zone only. */
export const itemWriters: Record<FeedFormat, (config: Config, item: Item, content?: ItemContent) => string> = {
  rss: rssItem,
  atom: atomEntry,
  json: jsonFeedItem,
};

/** Where a document takes its items' UTF-8 bytes from, when they were written already. */
export type ItemBytes = (item: Item, format: FeedFormat, content: ItemContent) => Uint8Array;

/**
 * A feed document's UTF-8 bytes, in its format: its head, its items, its tail, with each item's
 * bytes written once for every document that holds it (see `ItemStore`).
 */
export function renderDocument(document: FeedDocument, itemBytes: ItemBytes): Buffer {
  const { page, format } = document;
  const content = page.content ?? "full";
  const hasItems = page.items.length > 0;
  const frame = format === "rss" ? rssFrame(page, hasItems) : format === "atom" ? atomFrame(page, hasItems) : jsonFeedFrame(page, document.nextUrl, hasItems);
  return joinFrameBytes(
    frame,
    page.items.map((item) => itemBytes(item, format, content)),
  );
}
