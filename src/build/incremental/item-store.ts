import { createHash } from "node:crypto";
import type { Config } from "../../config/schema.js";
import type { Item } from "../stages/model.js";
import { type FeedFormat, itemWriters } from "../../formats/document.js";
import type { ItemContent } from "../../formats/feed-page.js";
import { readStoredItems, type StoredItems, storeItems } from "./article-cache.js";

/**
 * How many characters of items are kept in memory (two bytes each, for text with curly quotes).
 * A tag's three feeds come one after another, so an item is wanted again soon or much later (in
 * another tag's feed, or an archive page in another format): the recent ones stay here, the rest
 * are read back from the cache. A tag feed's 50 items in their six forms fit several times over.
 */
const memoryBudget = 8 * 1024 * 1024;

const formats = ["rss", "atom", "json"] as const;
const contents = ["full", "summary"] as const;

const sizeOf = (items: StoredItems) => contents.reduce((sum, content) => sum + formats.reduce((size, format) => size + items[content][format].length, 0), 0);

/**
 * The feed items of a build: each article's item is written once per format, kept with the
 * article in the cache (when there is one) and joined into every document that holds it. An edit
 * makes a new key, so only that article's items are written again.
 */
export class ItemStore {
  private readonly recent = new Map<Item, StoredItems>();
  private held = 0;
  /** Items written anew by this build (the rest came from the cache). */
  written = 0;
  /**
   * What of the config an item's bytes depend on, in every kept item's fingerprint: the site's URL
   * and zone, the lead figure and the site author who stands in for none. The article key holds the
   * whole config today; the items do not count on it.
   */
  private readonly settings: string;

  /**
   * @param config the site's config (its URL and zone are in every item)
   * @param fingerprint what an item's bytes are made from besides its key: its resolved tags and the serializers' code
   * @param cacheDir where the items are kept between builds; without it they are written anew in each build
   * @param lost keys of the bodies the cache lost, read as empty: their items are never kept
   */
  constructor(
    private readonly config: Config,
    private readonly fingerprint: (item: Item) => string,
    private readonly cacheDir?: string,
    private readonly lost: ReadonlySet<string> = new Set(),
  ) {
    const { url, timeZone, author, feeds } = config;
    this.settings = JSON.stringify({ url, timeZone, author: author ?? null, leadImageFigure: feeds.leadImageFigure });
  }

  /** The bytes of `item` in `format`, carrying `content`. */
  bytes = (item: Item, format: FeedFormat, content: ItemContent): string => this.items(item)[content][format];

  private items(item: Item): StoredItems {
    const found = this.recent.get(item);
    if (found) {
      // Most recently used last: the first entry is the one to let go.
      this.recent.delete(item);
      this.recent.set(item, found);
      return found;
    }
    const { cacheDir } = this;
    const key = item.key;
    const fingerprint = createHash("sha256").update(this.fingerprint(item)).update("\0").update(this.settings).digest("hex");
    let items = cacheDir === undefined || key === undefined ? undefined : readStoredItems(cacheDir, key, fingerprint);
    if (!items) {
      // Both kinds at once: the body is read for the first, and a summary item costs little beside it.
      const { config } = this;
      const kind = (content: ItemContent) => ({
        rss: itemWriters.rss(config, item, content),
        atom: itemWriters.atom(config, item, content),
        json: itemWriters.json(config, item, content),
      });
      items = { full: kind("full"), summary: kind("summary") };
      this.written++;
      if (cacheDir !== undefined && key !== undefined && !this.lost.has(key)) storeItems(cacheDir, key, fingerprint, items);
    }
    this.recent.set(item, items);
    this.held += sizeOf(items);
    for (const [oldest, old] of this.recent) {
      if (this.held <= memoryBudget) break;
      this.recent.delete(oldest);
      this.held -= sizeOf(old);
    }
    return items;
  }
}
