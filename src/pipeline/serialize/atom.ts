import { Feed } from "feed";
import type { Element } from "@xmldom/xmldom";
import type { Item } from "../model.js";
import { newestUpdate } from "../model.js";
import { describe, type FeedPage } from "./page.js";
import { appendElements, childElements, declareNamespaces, type ElementSpec, forXmlJsText, parseXml, serializeXml, textAsHtml } from "./xml.js";

/**
 * What `feed` cannot add to an Atom entry: categories (it leaves "<" unescaped in attributes), the
 * lead image as an enclosure link with a registered type, and Media RSS with credit and caption
 * (its Atom entries take no extensions).
 */
function entryExtras(item: Item, tagScheme: string): ElementSpec[] {
  const specs: ElementSpec[] = item.tags.map((tag) => ({ name: "category", attributes: { term: tag.name, scheme: tagScheme } }));
  const image = item.image;
  if (image) {
    specs.push({ name: "link", attributes: { rel: "enclosure", href: image.url, type: image.type, length: image.length } });
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

const toFeedAuthor = (author: { name: string; email?: string | undefined; url?: string | undefined }) => ({
  name: forXmlJsText(author.name),
  ...(author.email ? { email: forXmlJsText(author.email) } : {}),
  ...(author.url ? { link: author.url } : {}),
});

/** Serializes one feed document as Atom 1.0 (RFC 4287), with Media RSS and RFC 5005 links. */
export function renderAtom(page: FeedPage): string {
  const { config } = page;
  // RFC 4287 wants an author on every entry: the site's author, or the site itself, stands in.
  const feedAuthor = config.author ?? { name: config.title };
  const feed = new Feed({
    id: page.feedId,
    title: forXmlJsText(page.title),
    description: forXmlJsText(describe(page)),
    link: page.homeUrl,
    ...(config.copyright ? { copyright: forXmlJsText(config.copyright) } : {}),
    updated: newestUpdate(page.items),
    generator: "wirefeed",
    author: toFeedAuthor(feedAuthor),
    feedLinks: { atom: page.selfUrl },
  });
  for (const item of page.items) {
    feed.addItem({
      // type="html" titles: escaping the text as HTML keeps "<", "&" and "]]>" literal.
      title: textAsHtml(item.title),
      id: item.id,
      link: item.url,
      date: item.updated,
      published: item.date,
      description: textAsHtml(item.summary),
      content: item.html,
      author: item.authors.map(toFeedAuthor),
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
      ...page.links.map((link) => ({ name: "link", attributes: { rel: link.rel, href: link.href, type: "application/atom+xml" } })),
      ...(page.archive ? [{ name: "fh:archive" }] : []),
    ],
    firstEntry,
  );
  const tagScheme = new URL("tags/", config.url).href;
  childElements(root, "entry").forEach((element: Element, index) => {
    const item = page.items[index]!;
    if (item.lang) element.setAttribute("xml:lang", item.lang);
    appendElements(element, entryExtras(item, tagScheme));
  });
  return serializeXml(document);
}
