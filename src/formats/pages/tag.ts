import type { FeedModel } from "../../build/stages/model.js";
import type { Tag } from "../../text/tags.js";
import { tagFeedPaths } from "../feed-sets.js";
import { html } from "./html.js";
import { renderPage } from "./layout.js";
import { articleList, feedBox, type ListPage, pageNavigation } from "./listing.js";
import { feedLinks, relativeUrl, routes } from "./routes.js";

/** A tag's feeds, as its pages announce them: none when the config writes no tag feeds. */
export const tagFeedLinks = (model: FeedModel, tag: Tag) =>
  !model.config.feeds.tag.enabled ? [] : feedLinks(model.config, `${model.config.title}: ${tag.name}`, tagFeedPaths(tag.slug));

/** A page of a tag's articles at tags/<slug>/, with the tag's feeds (also announced in the head). */
export function renderTagPage(model: FeedModel, tag: Tag, count: number, page: ListPage): string {
  const { config } = model;
  const feeds = tagFeedLinks(model, tag);
  const title = `Articles tagged “${tag.name}”`;
  // The count only on the first page: on the others it would change every page with every new article.
  const main = html`<h1>${title}</h1>${page.newer === undefined ? html`\n<p class="lede">${count === 1 ? "One article" : `${count} articles`} from ${config.title}.</p>` : ""}
<section aria-labelledby="articles-heading">
<h2 id="articles-heading">${page.newer === undefined ? "Latest articles" : "Older articles"}</h2>
${articleList(config, page.route, page.items)}
${pageNavigation(page)}
</section>
${feeds.length > 0 ? feedBox(page.route, `Follow “${tag.name}” in a feed reader`, feeds) : ""}`;
  return renderPage(config, page.route, { title, description: `${title} from ${config.title}`, openGraph: { type: "website" }, feeds }, main);
}

/** tags/index.html: every tag with its article count, by name. */
export function renderTagsPage(model: FeedModel): string {
  const { config } = model;
  const tags = [...model.tags.values()].sort((a, b) => (a.tag.name < b.tag.name ? -1 : a.tag.name > b.tag.name ? 1 : 0));
  const main = html`<h1>Tags</h1>
<ul class="tag-cloud">
${tags.map(({ tag, items }) => html`<li><a href="${relativeUrl(routes.tags, routes.tag(tag.slug))}">${tag.name}</a> <span class="count">(${items.length})</span></li>\n`)}</ul>`;
  return renderPage(config, routes.tags, { title: "Tags", openGraph: { type: "website" } }, main);
}
