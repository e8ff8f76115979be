import { createHash } from "node:crypto";
import type { Config } from "../../config/schema.js";
import type { ArticleMeta } from "../stages/meta/index.js";
import { buildModel, type Item } from "../stages/model.js";
import type { RenderedBody } from "../stages/render.js";
import type { Tag } from "../../text/tags.js";
import { type FeedFormat, itemWriters } from "../../formats/document.js";
import type { ItemContent } from "../../formats/feed-page.js";
import { type ItemForms, itemContents, itemFormats, type ItemsMade, readStoredItems, type StoredItems, storeItems, verifiedPart } from "./article-cache.js";
import { inputKey } from "./previous-output.js";

/**
 * What an item's bytes are made from besides wirefeed's version and the serializers' code: its
 * cache key (the file, the config) and its tags as the whole site resolves them.
 */
export const itemFingerprint = (key: string, tags: readonly Tag[]): string => inputKey(["item", key, JSON.stringify(tags)]);

/** An article's items in every format, with its full content and with its summary, as UTF-8. */
function writeItems(config: Config, item: Item): StoredItems {
  const kind = (content: ItemContent) => ({
    rss: Buffer.from(itemWriters.rss(config, item, content)),
    atom: Buffer.from(itemWriters.atom(config, item, content)),
    json: Buffer.from(itemWriters.json(config, item, content)),
  });
  return { full: kind("full"), summary: kind("summary") };
}

/**
 * What of the config an item's bytes depend on, in every kept item's fingerprint: the site's URL
 * and zone, the lead figure and the site author who stands in for none. The article key holds the
 * whole config today; the items do not count on it.
 */
const itemSettings = ({ url, timeZone, author, feeds }: Config): string =>
  JSON.stringify({ url, timeZone, author: author ?? null, leadImageFigure: feeds.leadImageFigure });

/** The fingerprint a kept item is stored under: what it is made from, and the settings it depends on. */
const keptFingerprint = (made: string, settings: string): string => createHash("sha256").update(made).update("\0").update(settings).digest("hex");

/**
 * One freshly rendered article's items, made where it is rendered (on a render thread) and stored
 * with its body, so that the main thread only joins bytes. The site's tags are not known there:
 * the items are made with the article's own tags resolved alone, which is what the site resolves
 * them to unless another article spells a tag differently or two tags share a slug. The
 * fingerprint holds the tags they were made with, so the `ItemStore` takes them only when they
 * are the site's, and writes them again otherwise.
 * @param config the site's config
 * @param article the rendered article: its key, metadata, summary and body, and its file relative to the articles folder
 */
export function itemsAhead(config: Config, article: { key: string; meta: ArticleMeta; summary: string; body: RenderedBody; source: string }): ItemsMade {
  const { key, meta, summary, body, source } = article;
  const [item] = buildModel([{ meta, summary, body: { html: body.html, text: body.text }, source, key }], config).items;
  return { fingerprint: keptFingerprint(itemFingerprint(key, item!.tags), itemSettings(config)), items: writeItems(config, item!) };
}

/**
 * How many bytes of items are kept in memory.
 * A tag's three feeds come one after another, so an item is wanted again soon or much later (in
 * another tag's feed, or an archive page in another format): the recent ones stay here, the rest
 * are read back from the cache. A tag feed's 50 items in their three formats fit several times over.
 */
const memoryBudget = 8 * 1024 * 1024;

const entrySize = (entry: Partial<StoredItems>) =>
  itemContents.reduce((sum, content) => sum + itemFormats.reduce((size, format) => size + (entry[content]?.[format].byteLength ?? 0), 0), 0);

/**
 * The feed items of a build: each article's item is written once per format, kept with the
 * article in the cache (when there is one) and joined into every document that holds it. An edit
 * makes a new key, so only that article's items are written again. The items with the full content
 * and those with the summary are read from the cache apart: most documents (tag feeds) want the summary.
 */
export class ItemStore {
  private readonly recent = new Map<Item, Partial<StoredItems>>();
  private held = 0;
  /** Stamps of the cache files whose items were verified by this build (see `readStoredItems`). */
  private readonly verified = new Map<string, string>();
  /** Items written anew by this build (the rest came from the cache). */
  written = 0;
  /** What of the config an item's bytes depend on (`itemSettings`). */
  private readonly settings: string;

  /**
   * @param config the site's config (its URL and zone are in every item)
   * @param fingerprint what an item's bytes are made from besides its key: its resolved tags and the serializers' code
   * @param cacheDir where the items are kept between builds; without it they are written anew in each build
   * @param lost keys of the bodies the cache lost, read as empty: their items are never kept
   * @param written the stamps of the cache files this build's render threads wrote, by key: their
   *   items were sealed in this build, and are read without checking the seals again while the
   *   files keep those stamps (a cold build reads 20,000 items parts)
   */
  constructor(
    private readonly config: Config,
    private readonly fingerprint: (item: Item) => string,
    private readonly cacheDir?: string,
    private readonly lost: ReadonlySet<string> = new Set(),
    written: ReadonlyMap<string, string> = new Map(),
  ) {
    this.settings = itemSettings(config);
    for (const [key, stamp] of written) for (const content of itemContents) this.verified.set(verifiedPart(content, key), stamp);
  }

  /** The UTF-8 bytes of `item` in `format`, carrying `content`. */
  bytes = (item: Item, format: FeedFormat, content: ItemContent): Buffer => this.forms(item, content)[format];

  private forms(item: Item, content: ItemContent): ItemForms {
    const kept = this.recent.get(item);
    const found = kept?.[content];
    if (kept && found) {
      // Most recently used last: the first entry is the one to let go.
      this.recent.delete(item);
      this.recent.set(item, kept);
      return found;
    }
    const { cacheDir } = this;
    const key = item.key;
    const fingerprint = keptFingerprint(this.fingerprint(item), this.settings);
    const stored = cacheDir === undefined || key === undefined ? undefined : readStoredItems(cacheDir, key, fingerprint, content, this.verified);
    const entry: Partial<StoredItems> = kept ?? {};
    this.held -= entrySize(entry);
    if (stored) entry[content] = stored;
    else {
      // Both kinds at once: the body is read for the first, and a summary item costs little beside it.
      const items = writeItems(this.config, item);
      this.written++;
      if (cacheDir !== undefined && key !== undefined && !this.lost.has(key)) storeItems(cacheDir, key, { fingerprint, items });
      Object.assign(entry, items);
    }
    this.held += entrySize(entry);
    this.recent.delete(item);
    this.recent.set(item, entry);
    for (const [oldest, old] of this.recent) {
      if (this.held <= memoryBudget) break;
      this.recent.delete(oldest);
      this.held -= entrySize(old);
    }
    return entry[content]!;
  }
}
