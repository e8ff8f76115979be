import type { Config } from "../config/schema.js";
import type { Item } from "../build/stages/model.js";
import type { XmlStylesheet } from "./xml.js";

/** An RFC 5005 link between the documents of one paged or archived feed. */
export interface PageLink {
  rel: "current" | "prev-archive" | "next-archive" | "next" | "previous";
  href: string;
}

/** Another language's version of a feed, for `hreflang` alternates. */
export interface PageAlternate {
  hreflang: string;
  href: string;
}

/** What each item of a document carries: its full content, or its summary only (as tag feeds do by default). */
export type ItemContent = "full" | "summary";

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
  /** What each item carries; the full content when absent. */
  content?: ItemContent;
  /** The feed's language (a language set's); the site's when absent. */
  language?: string;
  /** The same feed in other languages (RSS and Atom: rel="alternate" with hreflang). */
  alternates?: readonly PageAlternate[];
  /** RSS and Atom: the stylesheet a browser shows the document with (see `feedStyle`). */
  stylesheet?: XmlStylesheet;
}

/** The language a document is in: its own, else the site's. */
export const pageLanguage = (page: FeedPage): string => page.language ?? page.config.language;

/** The WebSub hubs a document names (none on archive pages, which never change once full). */
export const pageHubs = (page: FeedPage): readonly string[] => (page.archive ? [] : page.config.hubs);

/** The channel description: RSS requires one, and an empty element tells readers nothing. */
export const describe = (page: FeedPage): string => page.config.description?.trim() || `The latest articles from ${page.title}`;

/**
 * Resolves a URL against the site: `feed` throws a bare TypeError on a relative URL, and a
 * reader cannot resolve one in an enclosure or a guid anyway.
 */
export const onSite = (page: FeedPage, url: string): string => new URL(url, page.config.url).href;
