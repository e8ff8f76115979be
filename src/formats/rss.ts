import { Feed } from "feed";
import type { Element } from "@xmldom/xmldom";
import type { Item } from "../build/stages/model.js";
import { newestUpdate } from "../build/stages/model.js";
import { formatRfc822 } from "../text/date.js";
import { mediaContent } from "./media.js";
import { describe, onSite, type FeedPage } from "./feed-page.js";
import { appendElements, childElements, declareNamespaces, replaceElement, type ElementSpec, forXmlJsText, parseXml, serializeXml, textAsHtml } from "./xml.js";

/**
 * The parts of an item `feed` cannot write correctly, added through the DOM: the description and
 * content (its CDATA breaks on a second "]]>"), authors as dc:creator (its <author> is a bare
 * name, and RSS wants an email there), categories, and the lead image as Media RSS plus one
 * enclosure with a registered type (its enclosures say "image/jpg" with length 0).
 * No <author> is written even when an email is known: feedparser then lists that person twice.
 */
function itemElements(page: FeedPage, item: Item): ElementSpec[] {
  const specs: ElementSpec[] = [
    { name: "description", text: textAsHtml(item.summary) },
    { name: "content:encoded", text: item.html },
  ];
  for (const author of item.authors) specs.push({ name: "dc:creator", text: author.name });
  for (const tag of item.tags) specs.push({ name: "category", text: tag.name });
  const image = item.image;
  if (image) {
    const url = onSite(page, image.url);
    // An enclosure needs a type; an image of unknown type is still described by media:content.
    if (image.type) specs.push({ name: "enclosure", attributes: { url, length: image.length ?? 0, type: image.type } });
    specs.push(mediaContent(image, url));
  }
  return specs;
}

/** Serializes one feed document as RSS 2.0 with content, Dublin Core, Media RSS, Atom links and RFC 5005. */
export function renderRss(page: FeedPage): string {
  const { config } = page;
  const feed = new Feed({
    id: page.feedId,
    title: forXmlJsText(page.title),
    description: forXmlJsText(describe(page)),
    link: onSite(page, page.homeUrl),
    language: config.language,
    ...(config.copyright ? { copyright: forXmlJsText(config.copyright) } : {}),
    updated: newestUpdate(page.items),
    generator: "wirefeed",
    docs: "https://www.rssboard.org/rss-specification",
    feedLinks: { rss: onSite(page, page.selfUrl) },
  });
  // Only what `feed` writes right goes through it: link, guid and date; the title is empty so that it writes none.
  for (const item of page.items) {
    feed.addItem({ title: "", id: forXmlJsText(item.id), link: onSite(page, item.url), date: item.updated, published: item.date });
  }
  const document = parseXml(feed.rss2());
  declareNamespaces(document, ["atom", "content", "dc", "media", ...(page.archive ? (["fh"] as const) : [])]);
  const channel = document.getElementsByTagName("channel")[0]!;
  const firstItem = childElements(channel, "item")[0] ?? null;
  appendElements(
    channel,
    [
      ...page.links.map((link) => ({ name: "atom:link", attributes: { rel: link.rel, href: onSite(page, link.href), type: "application/rss+xml" } })),
      ...(page.archive ? [{ name: "fh:archive" }] : []),
    ],
    firstItem,
  );
  // `feed` writes dates in GMT; a news site's readers expect the time as the site printed it.
  const rfc822 = (date: Date) => formatRfc822(date, config.timeZone);
  replaceElement(childElements(channel, "lastBuildDate")[0]!, { name: "lastBuildDate", text: rfc822(newestUpdate(page.items)) });
  childElements(channel, "item").forEach((element: Element, index) => {
    const item = page.items[index]!;
    replaceElement(childElements(element, "pubDate")[0]!, { name: "pubDate", text: rfc822(item.date) });
    appendElements(element, [{ name: "title", text: item.title }], childElements(element, "link")[0]);
    appendElements(element, itemElements(page, item));
  });
  return serializeXml(document);
}
