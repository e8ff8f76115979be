import type { FeedModel, Item } from "../../build/stages/model.js";
import type { FeedPage, PageAlternate, PageLink } from "../feed-page.js";

/** One feed document to write: where, in which format, and what it holds. */
export interface FeedDocument {
  path: string;
  format: "rss" | "atom" | "json";
  page: FeedPage;
  /** JSON Feed only: the next (older) page. */
  nextUrl?: string;
}

/** The subscription documents, relative to the output folder. */
export const subscriptionPaths = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" } as const;

/**
 * Path of archive page `number` (1 is the oldest) in one format. The number is the page's place
 * counted from the oldest article, so a page's URL and items never move.
 */
export const archivePagePath = (format: FeedDocument["format"], number: number): string =>
  `feeds/archive/${format}/${number}.${format === "json" ? "json" : "xml"}`;

/**
 * Where a file sorts for writing: an archive page's three formats side by side (the paths of
 * `archivePagePath` would write every RSS page, then every Atom page), so that the items they share
 * are read from the cache once for the three, not once per format; any other file by its path.
 */
export const writeOrder = (file: string): string => file.replace(/^feeds\/archive\/(rss|atom|json)\/(\d+)\.(?:xml|json)$/, "feeds/archive/$2/$1");

/**
 * Splits the articles older than the subscription documents into pages of `size`, oldest page
 * first; each page's items newest first, as in every feed document.
 */
export function archivePages(items: readonly Item[], feedLimit: number, size: number): Item[][] {
  const oldestFirst = items.slice(feedLimit).reverse();
  const pages: Item[][] = [];
  for (let start = 0; start < oldestFirst.length; start += size) pages.push(oldestFirst.slice(start, start + size).reverse());
  return pages;
}

/**
 * The subscription documents and the RFC 5005 archive (section 4): feed.xml and atom.xml hold the
 * newest `feedLimit` articles and link to the newest archive page with prev-archive; each archive
 * page is an fh:archive document with current, prev-archive and next-archive links. feed.json
 * pages backwards with JSON Feed's next_url through the same pages. Every published article is
 * in exactly one document of each format.
 */
export function archivedFeeds(model: FeedModel, alternates: (format: FeedDocument["format"]) => PageAlternate[] = () => []): FeedDocument[] {
  const { config, items } = model;
  const { site: subscription, archive } = config.feeds;
  // Without the site's feeds there is nothing for archive pages to continue.
  if (!subscription.enabled) return [];
  const site = (relative: string) => new URL(relative, config.url).href;
  // Without archive pages (`feeds.archive.enabled`), the subscription documents stand alone.
  const pages = archive.enabled ? archivePages(items, subscription.limit, archive.limit) : [];
  const newest = pages.length;
  const formats = ["rss", "atom", "json"] as const;
  const pageUrl = (format: FeedDocument["format"], number: number) => site(archivePagePath(format, number));
  const subscriptionUrl = (format: FeedDocument["format"]) => site(subscriptionPaths[format]);
  /** A document of the feed in `format`, published at `selfUrl` (by default, the subscription document's URL). */
  const page = (format: FeedDocument["format"], selfUrl: string | undefined, pageItems: readonly Item[], links: PageLink[], isArchive: boolean): FeedPage => {
    const written: FeedPage = {
      config,
      title: config.title,
      items: pageItems,
      selfUrl: selfUrl ?? subscriptionUrl(format),
      homeUrl: config.url,
      // The logical feed's id is the subscription document's URL, on its archive pages too.
      feedId: subscriptionUrl(format),
      links,
      archive: isArchive,
      content: isArchive ? archive.content : subscription.content,
    };
    const others = isArchive ? [] : alternates(format);
    if (others.length > 0) written.alternates = others;
    return written;
  };
  const subscriptionItems = items.slice(0, subscription.limit);
  const documents: FeedDocument[] = formats.map((format) =>
    format === "json"
      ? {
          path: subscriptionPaths.json,
          format,
          page: page(format, undefined, subscriptionItems, [], false),
          ...(newest ? { nextUrl: pageUrl(format, newest) } : {}),
        }
      : {
          path: subscriptionPaths[format],
          format,
          page: page(format, undefined, subscriptionItems, newest ? [{ rel: "prev-archive", href: pageUrl(format, newest) }] : [], false),
        },
  );
  pages.forEach((pageItems, index) => {
    const number = index + 1;
    for (const format of formats) {
      const path = archivePagePath(format, number);
      if (format === "json") {
        // JSON Feed identifies a feed by feed_url: every page names the subscription document.
        documents.push({ path, format, page: page(format, undefined, pageItems, [], true), ...(number > 1 ? { nextUrl: pageUrl(format, number - 1) } : {}) });
        continue;
      }
      const links: PageLink[] = [{ rel: "current", href: subscriptionUrl(format) }];
      if (number > 1) links.push({ rel: "prev-archive", href: pageUrl(format, number - 1) });
      if (number < newest) links.push({ rel: "next-archive", href: pageUrl(format, number + 1) });
      documents.push({ path, format, page: page(format, pageUrl(format, number), pageItems, links, true) });
    }
  });
  return documents;
}
