import type { Config } from "../config/schema.js";
import { type Item, itemLanguage } from "../build/stages/model.js";
import { formatRfc3339 } from "../text/date.js";
import type { ElementSpec } from "./xml.js";
import { writeElement } from "./xml-writer.js";

/** Where the sitemaps are published, relative to the output folder. */
export const sitemapPath = "sitemap.xml";
export const newsSitemapPath = "news-sitemap.xml";
/** The parts of a sitemap split in several (sitemaps/1.xml...), listed by sitemap.xml as a sitemap index. */
export const sitemapPartPath = (number: number): string => `sitemaps/${number}.xml`;

/** The sitemaps protocol's bound on the URLs of one file (https://www.sitemaps.org/protocol.html). */
export const sitemapUrlLimit = 50_000;
/** Google News: articles of the last two days, at most 1,000 of them (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap). */
export const newsWindowMs = 2 * 24 * 60 * 60 * 1000;
export const newsUrlLimit = 1000;

const sitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
const newsNs = "http://www.google.com/schemas/sitemap-news/0.9";

/**
 * Whether the build writes the sitemaps: `sitemaps` in the config, else when wirefeed writes the
 * pages. Without pages, the article URLs are another tool's (which writes its own sitemap), unless
 * the config names the `permalink` they follow (which sets `sitemaps`, see the schema).
 */
export const writesSitemaps = (config: Config): boolean => config.sitemaps ?? config.pages !== false;

const document = (root: ElementSpec): string => `<?xml version="1.0" encoding="UTF-8"?>\n${writeElement(root, 0)}\n`;

/** An article's page as a sitemap <url>: its address and when it last changed, in the site's zone. */
const urlOf = (config: Config, item: Item, extra: ElementSpec[] = []): ElementSpec => ({
  name: "url",
  children: [{ name: "loc", text: new URL(item.url, config.url).href }, { name: "lastmod", text: formatRfc3339(item.updated, config.timeZone) }, ...extra],
});

/** The files `renderSitemaps` makes of `count` articles: sitemap.xml, and past `perFile` URLs its parts. */
export function sitemapPaths(count: number, perFile = sitemapUrlLimit): string[] {
  if (count <= perFile) return [sitemapPath];
  return [sitemapPath, ...Array.from({ length: Math.ceil(count / perFile) }, (_, index) => sitemapPartPath(index + 1))];
}

/**
 * sitemap.xml: every article's page with its lastmod, newest first. Past `perFile` URLs (the
 * protocol's 50,000) it is a sitemap index of sitemaps/<n>.xml, each of `perFile` URLs at most,
 * numbered from the oldest articles so that a part's URLs move only when articles are removed.
 * @returns the files by path
 */
export function renderSitemaps(config: Config, items: readonly Item[], perFile = sitemapUrlLimit): Map<string, string> {
  const files = new Map<string, string>();
  const urlset = (part: readonly Item[]): string =>
    document({ name: "urlset", attributes: { xmlns: sitemapNs }, children: part.map((item) => urlOf(config, item)) });
  if (items.length <= perFile) {
    files.set(sitemapPath, urlset(items));
    return files;
  }
  const oldestFirst = [...items].reverse();
  const parts: ElementSpec[] = [];
  for (let start = 0, number = 1; start < oldestFirst.length; start += perFile, number++) {
    const part = oldestFirst.slice(start, start + perFile).reverse();
    files.set(sitemapPartPath(number), urlset(part));
    parts.push({
      name: "sitemap",
      children: [
        { name: "loc", text: new URL(sitemapPartPath(number), config.url).href },
        { name: "lastmod", text: formatRfc3339(new Date(Math.max(...part.map((item) => item.updated.getTime()))), config.timeZone) },
      ],
    });
  }
  // The index names the newest part first, as the parts list their newest article first.
  files.set(sitemapPath, document({ name: "sitemapindex", attributes: { xmlns: sitemapNs }, children: parts.reverse() }));
  return files;
}

/** The articles Google News takes: published in the two days before `now`, the newest 1,000. */
export const newsItems = <T extends { date: Date }>(items: readonly T[], now: Date): T[] =>
  items.filter((item) => item.date.getTime() <= now.getTime() && now.getTime() - item.date.getTime() <= newsWindowMs).slice(0, newsUrlLimit);

/**
 * Google News names a publication's language by its ISO 639 code, with zh-cn and zh-tw as the
 * only regional forms: "pt-BR" is "pt", "zh-Hant-TW" is "zh-tw".
 */
export function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase();
  if (lower.startsWith("zh")) return /-(tw|hk|mo|hant)\b/.test(lower) ? "zh-tw" : "zh-cn";
  return lower.split("-")[0]!;
}

/**
 * news-sitemap.xml (Google News sitemap 0.9): the articles of the last two days before `now`,
 * each with its publication (the site's title and the article's language), publication date and title.
 */
export function renderNewsSitemap(config: Config, items: readonly Item[], now: Date): string {
  const urls = newsItems(items, now).map((item) =>
    urlOf(config, item, [
      {
        name: "news:news",
        children: [
          {
            name: "news:publication",
            children: [
              { name: "news:name", text: config.title },
              { name: "news:language", text: newsLanguage(itemLanguage(config, item)) },
            ],
          },
          { name: "news:publication_date", text: formatRfc3339(item.date, config.timeZone) },
          { name: "news:title", text: item.title },
        ],
      },
    ]),
  );
  return document({ name: "urlset", attributes: { xmlns: sitemapNs, "xmlns:news": newsNs }, children: urls });
}
