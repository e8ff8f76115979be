import type { FeedModel } from "../../build/stages/model.js";
import { html } from "./html.js";
import { renderPage } from "./layout.js";
import { articleList, feedBox, type ListPage, pageNavigation } from "./listing.js";
import { relativeUrl, routes, siteFeeds } from "./routes.js";

/** How many tags the front page lists, the most used first; the tags page lists them all. */
export const frontTagCount = 50;

/** The tags the front page shows: the most used, ties by name. */
export const frontTags = (model: FeedModel) =>
  [...model.tags.values()]
    .sort((a, b) => b.items.length - a.items.length || (a.tag.name < b.tag.name ? -1 : a.tag.name > b.tag.name ? 1 : 0))
    .slice(0, frontTagCount);

/**
 * A page of the front: the first is index.html with the newest articles, the site's feeds and
 * its most used tags; the others continue the list of articles.
 */
export function renderFrontPage(model: FeedModel, page: ListPage): string {
  const { config } = model;
  const first = page.newer === undefined;
  const link = (to: string) => relativeUrl(page.route, to);
  const tags = frontTags(model);
  const main = first
    ? html`<h1>${config.title}</h1>${config.description ? html`\n<p class="lede">${config.description}</p>` : ""}
<section aria-labelledby="latest-heading">
<h2 id="latest-heading">Latest articles</h2>
${articleList(config, page.route, page.items)}
${pageNavigation(page)}
</section>
${siteFeeds(config).length > 0 ? feedBox(page.route, "Follow in a feed reader", siteFeeds(config)) : ""}${
  tags.length
    ? html`
<section aria-labelledby="tags-heading">
<h2 id="tags-heading">Tags</h2>
<ul class="tag-cloud">
${tags.map(({ tag, items }) => html`<li><a href="${link(routes.tag(tag.slug))}">${tag.name}</a> <span class="count">(${items.length})</span></li>\n`)}</ul>
<p><a href="${link(routes.tags)}">All tags</a></p>
</section>`
    : ""
}`
    : html`<h1>Older articles</h1>
<section aria-labelledby="latest-heading">
<h2 id="latest-heading">Articles</h2>
${articleList(config, page.route, page.items)}
${pageNavigation(page)}
</section>`;
  return renderPage(config, page.route, { title: first ? config.title : "Older articles", openGraph: { type: "website" } }, main);
}
