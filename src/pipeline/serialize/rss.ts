import { Feed } from "feed";
import type { Element } from "@xmldom/xmldom";
import type { Item } from "../model.js";
import { newestUpdate } from "../model.js";
import { describe, type FeedPage } from "./page.js";
import { appendElements, childElements, declareNamespaces, type ElementSpec, forXmlJsText, parseXml, serializeXml, textAsHtml } from "./xml.js";

/**
 * The elements `feed` cannot write correctly, added through the DOM: the title (its CDATA breaks on
 * a second "]]>"), authors (RSS <author> needs an email; names go in dc:creator), categories (it
 * leaves "<" unescaped in attributes), and the lead image as Media RSS plus one enclosure with a
 * registered type.
 */
function itemExtras(item: Item): ElementSpec[] {
  const specs: ElementSpec[] = [];
  const withEmail = item.authors.find((author) => author.email);
  if (withEmail) specs.push({ name: "author", text: `${withEmail.email} (${withEmail.name})` });
  for (const author of item.authors) specs.push({ name: "dc:creator", text: author.name });
  for (const tag of item.tags) specs.push({ name: "category", text: tag.name });
  const image = item.image;
  if (image) {
    if (image.type) specs.push({ name: "enclosure", attributes: { url: image.url, length: image.length ?? 0, type: image.type } });
    specs.push({
      name: "media:content",
      attributes: { url: image.url, medium: "image", type: image.type, fileSize: image.length },
      children: [
        ...(image.caption ? [{ name: "media:description", attributes: { type: "plain" }, text: image.caption }] : []),
        ...(image.credit ? [{ name: "media:credit", attributes: { role: "photographer" }, text: image.credit }] : []),
        ...(image.alt ? [{ name: "media:text", attributes: { type: "plain" }, text: image.alt }] : []),
      ],
    });
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
    link: page.homeUrl,
    language: config.language,
    ...(config.copyright ? { copyright: forXmlJsText(config.copyright) } : {}),
    updated: newestUpdate(page.items),
    generator: "wirefeed",
    docs: "https://www.rssboard.org/rss-specification",
    feedLinks: { rss: page.selfUrl },
  });
  for (const item of page.items) {
    feed.addItem({
      title: "",
      id: item.id,
      link: item.url,
      date: item.updated,
      published: item.date,
      description: textAsHtml(item.summary),
      content: item.html,
    });
  }
  const document = parseXml(feed.rss2());
  declareNamespaces(document, ["atom", "content", "dc", "media", ...(page.archive ? (["fh"] as const) : [])]);
  const channel = document.getElementsByTagName("channel")[0]!;
  const firstItem = childElements(channel, "item")[0] ?? null;
  appendElements(
    channel,
    [
      ...page.links.map((link) => ({ name: "atom:link", attributes: { rel: link.rel, href: link.href, type: "application/rss+xml" } })),
      ...(page.archive ? [{ name: "fh:archive" }] : []),
    ],
    firstItem,
  );
  childElements(channel, "item").forEach((element: Element, index) => {
    const item = page.items[index]!;
    appendElements(element, [{ name: "title", text: item.title }], childElements(element, "link")[0]);
    appendElements(element, itemExtras(item));
  });
  return serializeXml(document);
}
