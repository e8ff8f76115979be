import type { Config } from "../../config/schema.js";
import type { Item } from "../../build/stages/model.js";
import { archivePages } from "../archive/feeds.js";
import { html, type Markup } from "./html.js";
import { directionOf, timeElement } from "./layout.js";
import { type FeedLink, listPageSize, relativeUrl, type Route, routeOf, routes } from "./routes.js";

/** One page of a paginated list of articles. */
export interface ListPage {
  route: Route;
  items: readonly Item[];
  /** The page of newer articles, and of older ones. */
  newer?: Route | undefined;
  older?: Route | undefined;
}

/**
 * A list of articles in pages: the newest `listPageSize` at `base`, the older ones at
 * `base/page/N/`, numbered from the oldest like the feed archive, so that a new article changes
 * only the first page and the newest numbered one, and every other page keeps its URL and articles.
 */
export function paginate(base: Route, items: readonly Item[]): ListPage[] {
  const older = archivePages(items, listPageSize, listPageSize);
  const pages: ListPage[] = [{ route: base, items: items.slice(0, listPageSize) }];
  for (let number = older.length; number >= 1; number--) pages.push({ route: routes.listPage(base, number), items: older[number - 1]! });
  for (const [index, page] of pages.entries()) {
    page.newer = pages[index - 1]?.route;
    page.older = pages[index + 1]?.route;
  }
  return pages;
}

const itemRoutes = new WeakMap<Item, { site: string; route: Route }>();

/** The route of an item's page. Kept with the item: every page that lists or links it asks, and parsing two URLs each time cost a tenth of an edit's pages. */
export function itemRoute(config: Config, item: Item): Route {
  const known = itemRoutes.get(item);
  if (known?.site === config.url) return known.route;
  const route = routeOf(config, item.url) ?? "";
  itemRoutes.set(item, { site: config.url, route });
  return route;
}

/** Articles as a list: headline linking to the page, date, dek; each in its own language and direction. */
export function articleList(config: Config, from: Route, items: readonly Item[]): Markup {
  return html`<ol class="articles">
${items.map(
  (item) => html`<li${item.lang ? html` lang="${item.lang}" dir="${directionOf(item.lang)}"` : ""}>
<h3><a href="${relativeUrl(from, itemRoute(config, item))}">${item.title}</a></h3>
<p class="meta">${timeElement(config, item.date)}</p>
<p>${item.summary}</p>
</li>
`,
)}</ol>`;
}

/** Links to the newer and older pages of a list, when there are any. */
export function pageNavigation(page: ListPage): Markup | "" {
  if (!page.newer && !page.older) return "";
  const link = (to: Route) => relativeUrl(page.route, to);
  return html`<nav class="pages" aria-label="More articles">
${page.newer !== undefined ? html`<a rel="prev" href="${link(page.newer)}">Newer articles</a>\n` : ""}${page.older !== undefined ? html`<a rel="next" href="${link(page.older)}">Older articles</a>\n` : ""}</nav>`;
}

/** Feeds with a line on what a feed is, and their URLs in full, to copy into a reader. */
export function feedBox(from: Route, heading: string, feeds: readonly FeedLink[]): Markup {
  return html`<section class="feeds" aria-labelledby="feeds-heading">
<h2 id="feeds-heading">${heading}</h2>
<p>A feed lists new articles for a feed reader app: copy one of these addresses into your reader to be told of every new article.</p>
<ul>
${feeds.map((feed) => html`<li><a href="${relativeUrl(from, feed.route)}">${feed.label}</a>: <code>${feed.url}</code></li>\n`)}</ul>
</section>`;
}
