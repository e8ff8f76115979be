import { Feed } from "feed";
import type { Config } from "../config/schema.js";
import type { Item } from "../build/stages/model.js";
import { itemAuthors, newestUpdate } from "../build/stages/model.js";
import { formatRfc822 } from "../text/date.js";
import { mediaContent } from "./media.js";
import { describe, type FeedPage, type ItemContent, onSite, pageHubs, pageLanguage } from "./feed-page.js";
import { itemContentHtml } from "./lead-figure.js";
import { type Frame, joinFrame } from "./frame.js";
import { appendElements, childElements, declareNamespaces, itemsFrame, replaceElement, type ElementSpec, forXmlJsText, parseXml, textAsHtml } from "./xml.js";
import { writeItem } from "./xml-writer.js";

/**
 * One item as RSS 2.0, the same in every document that holds it. `feed` wrote items once, and
 * what it wrote wrongly was patched through the DOM; the item is now written whole, in the order
 * and with the values the patched item had: its title first (`feed` wrote none), link and guid,
 * the date in the site's zone (`feed` writes GMT), the description and content (its CDATA breaks
 * on a second "]]>"), authors as dc:creator (its <author> is a bare name, and RSS wants an email
 * there), categories, and the lead image as one enclosure with a registered type (its enclosures
 * say "image/jpg" with length 0) plus Media RSS. The content starts with the lead image as a
 * figure (`leadFigure`); an article without an author is the site author's (`itemAuthors`).
 * No <author> is written even when an email is known: feedparser then lists that person twice.
 * @param config the site's config: its URL resolves links, its zone dates
 * @param content whether the item carries the body (content:encoded) or the description alone (with the lead figure, when there is one)
 */
export function rssItem(config: Config, item: Item, content: ItemContent = "full"): string {
  const site = (url: string) => new URL(url, config.url).href;
  const body = itemContentHtml(config, item, content);
  const specs: ElementSpec[] = [
    { name: "title", text: item.title },
    { name: "link", text: site(item.url) },
    { name: "guid", attributes: { isPermaLink: "false" }, text: item.id },
    { name: "pubDate", text: formatRfc822(item.date, config.timeZone) },
    { name: "description", text: textAsHtml(item.summary) },
    ...(body !== undefined ? [{ name: "content:encoded", text: body }] : []),
  ];
  for (const author of itemAuthors(config, item)) specs.push({ name: "dc:creator", text: author.name });
  for (const tag of item.tags) specs.push({ name: "category", text: tag.name });
  const image = item.image;
  if (image) {
    const url = site(image.url);
    // An enclosure needs a type; an image of unknown type is still described by media:content.
    if (image.type) specs.push({ name: "enclosure", attributes: { url, length: image.length ?? 0, type: image.type } });
    specs.push(mediaContent(image, url));
  }
  return writeItem({ name: "item", children: specs }, 2);
}

/**
 * The frame of one feed document as RSS 2.0 with content, Dublin Core, Media RSS, Atom links and
 * RFC 5005, around its items (`rssItem`).
 */
export function rssFrame(page: FeedPage, hasItems: boolean): Frame {
  const { config } = page;
  const updated = newestUpdate(page.items);
  const feed = new Feed({
    id: page.feedId,
    title: forXmlJsText(page.title),
    // Readers render a channel's description as HTML, as they do an item's: text is escaped for HTML first, then for XML.
    description: forXmlJsText(textAsHtml(describe(page))),
    link: onSite(page, page.homeUrl),
    language: pageLanguage(page),
    ...(config.copyright ? { copyright: forXmlJsText(config.copyright) } : {}),
    updated,
    generator: "wirefeed",
    docs: "https://www.rssboard.org/rss-specification",
    feedLinks: { rss: onSite(page, page.selfUrl) },
  });
  // The channel alone goes through `feed` and the DOM; the items are joined into its bytes.
  const document = parseXml(feed.rss2());
  declareNamespaces(document, ["atom", "content", "dc", "media", ...(page.archive ? (["fh"] as const) : [])]);
  const channel = document.getElementsByTagName("channel")[0]!;
  appendElements(channel, [
    ...page.links.map((link) => ({ name: "atom:link", attributes: { rel: link.rel, href: onSite(page, link.href), type: "application/rss+xml" } })),
    ...(page.alternates ?? []).map((alternate) => ({
      name: "atom:link",
      attributes: { rel: "alternate", href: alternate.href, hreflang: alternate.hreflang, type: "application/rss+xml" },
    })),
    ...pageHubs(page).map((hub) => ({ name: "atom:link", attributes: { rel: "hub", href: hub } })),
    ...(page.archive ? [{ name: "fh:archive" }] : []),
  ]);
  // `feed` writes dates in GMT; a news site's readers expect the time as the site printed it.
  replaceElement(childElements(channel, "lastBuildDate")[0]!, { name: "lastBuildDate", text: formatRfc822(updated, config.timeZone) });
  return itemsFrame(document, channel, hasItems, page.stylesheet);
}

/** Serializes one feed document; `items` are its items, when they were written already. */
export const renderRss = (page: FeedPage, items: readonly string[] = page.items.map((item) => rssItem(page.config, item, page.content))): string =>
  joinFrame(rssFrame(page, items.length > 0), items);
