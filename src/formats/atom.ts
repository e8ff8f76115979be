import { Feed } from "feed";
import type { Config } from "../config/schema.js";
import type { Item } from "../build/stages/model.js";
import { itemAuthors, newestUpdate } from "../build/stages/model.js";
import { formatRfc3339 } from "../text/date.js";
import { mediaContent } from "./media.js";
import { describe, type FeedPage, type ItemContent, onSite, pageHubs, pageLanguage } from "./feed-page.js";
import { itemContentHtml } from "./lead-figure.js";
import { type Frame, joinFrame } from "./frame.js";
import { appendElements, childElements, declareNamespaces, type ElementSpec, forXmlJsText, itemsFrame, parseXml, replaceElement } from "./xml.js";
import { writeItem } from "./xml-writer.js";

/**
 * One entry as Atom 1.0, the same in every document that holds it; written whole, in the order
 * and with the values of the entry `feed` wrote and the DOM patched: the title as text (`feed`
 * writes CDATA), the id as given (`feed` percent-encodes ids, so an IRI id such as
 * tag:x,2022:گفتگو would differ from the RSS guid and the JSON Feed id), dates in the site's zone
 * (`feed` writes UTC with milliseconds), the summary and content (its CDATA breaks on a second
 * "]]>"), categories, the lead image as an enclosure link with a registered type, and Media RSS
 * with credit and caption (its Atom entries take no extensions). The content starts with the lead
 * image as a figure; an entry without an author names the site's author, which readers do not
 * all take from the feed.
 * @param config the site's config: its URL resolves links and names the tag scheme, its zone dates
 * @param content whether the entry carries the body or the summary alone (with its link, as RFC 4287 allows)
 */
export function atomEntry(config: Config, item: Item, content: ItemContent = "full"): string {
  const site = (url: string) => new URL(url, config.url).href;
  const rfc3339 = (date: Date) => formatRfc3339(date, config.timeZone);
  const tagScheme = site("tags/");
  const body = itemContentHtml(config, item, content);
  const specs: ElementSpec[] = [
    { name: "title", attributes: { type: "text" }, text: item.title },
    { name: "id", text: item.id },
    { name: "link", attributes: { href: site(item.url) } },
    { name: "updated", text: rfc3339(item.updated) },
    ...itemAuthors(config, item).map((author) => ({
      name: "author",
      children: [
        { name: "name", text: author.name },
        ...(author.email ? [{ name: "email", text: author.email }] : []),
        ...(author.url ? [{ name: "uri", text: site(author.url) }] : []),
      ],
    })),
    { name: "published", text: rfc3339(item.date) },
    { name: "summary", attributes: { type: "text" }, text: item.summary },
    ...(body !== undefined ? [{ name: "content", attributes: { type: "html" }, text: body }] : []),
    ...item.tags.map((tag) => ({ name: "category", attributes: { term: tag.name, scheme: tagScheme } })),
  ];
  const image = item.image;
  if (image) {
    const url = site(image.url);
    // Without a type, readers take an enclosure for text/html: an image of unknown type gets media:content only.
    if (image.type) specs.push({ name: "link", attributes: { rel: "enclosure", href: url, type: image.type, length: image.length } });
    specs.push(mediaContent(image, url));
  }
  return writeItem({ name: "entry", attributes: { "xml:lang": item.lang || undefined }, children: specs }, 1);
}

const toFeedAuthor = (page: FeedPage, author: { name: string; email?: string | undefined; url?: string | undefined }) => ({
  name: forXmlJsText(author.name),
  ...(author.email ? { email: forXmlJsText(author.email) } : {}),
  ...(author.url ? { link: onSite(page, author.url) } : {}),
});

/** The frame of one feed document as Atom 1.0 (RFC 4287), with Media RSS and RFC 5005 links, around its entries (`atomEntry`). */
export function atomFrame(page: FeedPage, hasItems: boolean): Frame {
  const { config } = page;
  const updated = newestUpdate(page.items);
  // RFC 4287 wants an author on every entry: the site's author, or the site itself, stands in.
  const feedAuthor = config.author ?? { name: config.title };
  const feed = new Feed({
    id: forXmlJsText(page.feedId),
    title: forXmlJsText(page.title),
    description: forXmlJsText(describe(page)),
    link: onSite(page, page.homeUrl),
    ...(config.copyright ? { copyright: forXmlJsText(config.copyright) } : {}),
    updated,
    generator: "wirefeed",
    author: toFeedAuthor(page, feedAuthor),
    feedLinks: { atom: onSite(page, page.selfUrl) },
  });
  // The feed's head alone goes through `feed` and the DOM; the entries are joined into its bytes.
  const document = parseXml(feed.atom1());
  declareNamespaces(document, ["media", ...(page.archive ? (["fh"] as const) : [])]);
  const root = document.documentElement!;
  const language = pageLanguage(page);
  root.setAttribute("xml:lang", language);
  // The HTML page `feed` links as the alternate is in the feed's language.
  for (const link of childElements(root, "link")) if (link.getAttribute("rel") === "alternate") link.setAttribute("hreflang", language);
  appendElements(root, [
    ...page.links.map((link) => ({ name: "link", attributes: { rel: link.rel, href: onSite(page, link.href), type: "application/atom+xml" } })),
    ...(page.alternates ?? []).map((alternate) => ({
      name: "link",
      attributes: { rel: "alternate", href: alternate.href, hreflang: alternate.hreflang, type: "application/atom+xml" },
    })),
    ...pageHubs(page).map((hub) => ({ name: "link", attributes: { rel: "hub", href: hub } })),
    ...(page.archive ? [{ name: "fh:archive" }] : []),
  ]);
  // `feed` writes UTC with milliseconds; RFC 3339 in the site's zone reads as the site printed it, like JSON Feed.
  replaceElement(childElements(root, "updated")[0]!, { name: "updated", text: formatRfc3339(updated, config.timeZone) });
  return itemsFrame(document, root, hasItems, page.stylesheet);
}

/** Serializes one feed document; `entries` are its items, when they were written already. */
export const renderAtom = (page: FeedPage, entries: readonly string[] = page.items.map((item) => atomEntry(page.config, item, page.content))): string =>
  joinFrame(atomFrame(page, entries.length > 0), entries);
