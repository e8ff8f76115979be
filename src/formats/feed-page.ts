import type { Config } from "../config/schema.js";
import type { Item } from "../build/stages/model.js";

/** An RFC 5005 link between the documents of one paged or archived feed. */
export interface PageLink {
  rel: "current" | "prev-archive" | "next-archive" | "next" | "previous";
  href: string;
}

/** One feed document to write, in any format: the subscription feed, an archive page, a tag feed. */
export interface FeedPage {
  config: Config;
  /** The feed's title. */
  title: string;
  /** Items in this document, newest first. */
  items: readonly Item[];
  /** Absolute URL at which this document is published. */
  selfUrl: string;
  /** The HTML page the feed stands for. */
  homeUrl: string;
  /** A permanent IRI naming the logical feed: the same on every page of it. */
  feedId: string;
  links: readonly PageLink[];
  /** Marks an RFC 5005 archive document (fh:archive). */
  archive: boolean;
}

/** The channel description: RSS requires one, and an empty element tells readers nothing. */
export const describe = (page: FeedPage): string => page.config.description?.trim() || `The latest articles from ${page.title}`;

/**
 * Resolves a URL against the site: `feed` throws a bare TypeError on a relative URL, and a
 * reader cannot resolve one in an enclosure or a guid anyway.
 */
export const onSite = (page: FeedPage, url: string): string => new URL(url, page.config.url).href;
