import { Feed } from "feed";
import type { Element } from "@xmldom/xmldom";
import type { Item } from "../build/stages/model.js";
import { newestUpdate } from "../build/stages/model.js";
import { formatRfc3339 } from "../text/date.js";
import { mediaContent } from "./media.js";
import { describe, onSite, type FeedPage } from "./feed-page.js";
import { appendElements, childElements, declareNamespaces, type ElementSpec, forXmlJsText, parseXml, replaceElement, serializeXml } from "./xml.js";

/**
 * What `feed` cannot add to an Atom entry: the summary and content (its CDATA breaks on a second
 * "]]>"), categories, the lead image as an enclosure link with a registered type, and Media RSS
 * with credit and caption (its Atom entries take no extensions).
 */
function entryElements(page: FeedPage, item: Item, tagScheme: string): ElementSpec[] {
  const specs: ElementSpec[] = [
    { name: "summary", attributes: { type: "text" }, text: item.summary },
    { name: "content", attributes: { type: "html" }, text: item.html },
    ...item.tags.map((tag) => ({ name: "category", attributes: { term: tag.name, scheme: tagScheme } })),
  ];
  const image = item.image;
  if (image) {
    const url = onSite(page, image.url);
    // Without a type, readers take an enclosure for text/html: an image of unknown type gets media:content only.
    if (image.type) specs.push({ name: "link", attributes: { rel: "enclosure", href: url, type: image.type, length: image.length } });
    specs.push(mediaContent(image, url));
  }
  return specs;
}

const toFeedAuthor = (page: FeedPage, author: { name: string; email?: string | undefined; url?: string | undefined }) => ({
  name: forXmlJsText(author.name),
  ...(author.email ? { email: forXmlJsText(author.email) } : {}),
  ...(author.url ? { link: onSite(page, author.url) } : {}),
});

/** Serializes one feed document as Atom 1.0 (RFC 4287), with Media RSS and RFC 5005 links. */
export function renderAtom(page: FeedPage): string {
  const { config } = page;
  // RFC 4287 wants an author on every entry: the site's author, or the site itself, stands in.
  const feedAuthor = config.author ?? { name: config.title };
  const feed = new Feed({
    id: forXmlJsText(page.feedId),
    title: forXmlJsText(page.title),
    description: forXmlJsText(describe(page)),
    link: onSite(page, page.homeUrl),
    ...(config.copyright ? { copyright: forXmlJsText(config.copyright) } : {}),
    updated: newestUpdate(page.items),
    generator: "wirefeed",
    author: toFeedAuthor(page, feedAuthor),
    feedLinks: { atom: onSite(page, page.selfUrl) },
  });
  // The title and id are replaced below: `feed` writes titles as CDATA and percent-encodes ids,
  // so an IRI id such as tag:x,2022:گفتگو would differ from the RSS guid and the JSON Feed id.
  for (const item of page.items) {
    feed.addItem({
      title: "",
      id: onSite(page, item.url),
      link: onSite(page, item.url),
      date: item.updated,
      published: item.date,
      author: item.authors.map((author) => toFeedAuthor(page, author)),
    });
  }
  const document = parseXml(feed.atom1());
  declareNamespaces(document, ["media", ...(page.archive ? (["fh"] as const) : [])]);
  const root = document.documentElement!;
  root.setAttribute("xml:lang", config.language);
  const firstEntry = childElements(root, "entry")[0] ?? null;
  appendElements(
    root,
    [
      ...page.links.map((link) => ({ name: "link", attributes: { rel: link.rel, href: onSite(page, link.href), type: "application/atom+xml" } })),
      ...(page.archive ? [{ name: "fh:archive" }] : []),
    ],
    firstEntry,
  );
  const tagScheme = new URL("tags/", config.url).href;
  // `feed` writes UTC with milliseconds; RFC 3339 in the site's zone reads as the site printed it, like JSON Feed.
  const rfc3339 = (date: Date) => formatRfc3339(date, config.timeZone);
  replaceElement(childElements(root, "updated")[0]!, { name: "updated", text: rfc3339(newestUpdate(page.items)) });
  childElements(root, "entry").forEach((element: Element, index) => {
    const item = page.items[index]!;
    if (item.lang) element.setAttribute("xml:lang", item.lang);
    replaceElement(childElements(element, "updated")[0]!, { name: "updated", text: rfc3339(item.updated) });
    replaceElement(childElements(element, "published")[0]!, { name: "published", text: rfc3339(item.date) });
    replaceElement(childElements(element, "title")[0]!, { name: "title", attributes: { type: "text" }, text: item.title });
    replaceElement(childElements(element, "id")[0]!, { name: "id", text: item.id });
    appendElements(element, entryElements(page, item, tagScheme));
  });
  return serializeXml(document);
}
