import type { Config } from "../../config/schema.js";
import type { Item } from "../../build/stages/model.js";
import { html, raw, type Fragment } from "./html.js";
import { directionOf, renderPage, timeElement } from "./layout.js";
import { itemRoute } from "./listing.js";
import { relativeUrl, type Route, routes } from "./routes.js";

/** The byline: "By A", "By A and B", "By A, B and C"; a name with a URL links to it. The site's author stands in for none, as in the feeds. */
function byline(config: Config, item: Item): Fragment {
  const authors = item.authors.length > 0 ? item.authors : config.author ? [config.author] : [];
  const names = authors.map((author) => (author.url ? html`<a href="${author.url}">${author.name}</a>` : html`${author.name}`));
  if (names.length === 0) return "";
  const joined = names.length === 1 ? names : [names.slice(0, -1).map((name, index) => (index > 0 ? [", ", name] : name)), " and ", names.at(-1)];
  return html`\n<p class="byline">By ${joined}</p>`;
}

/** The lead image with its caption and credit, the credit as normalized ("Associated Press"). */
function leadImage(item: Item): Fragment {
  const image = item.image;
  if (!image) return "";
  const caption =
    image.caption || image.credit
      ? html`\n<figcaption>${image.caption ? html`<span class="caption">${image.caption}</span>` : ""}${image.caption && image.credit ? " " : ""}${
          image.credit ? html`<span class="credit">${image.credit}</span>` : ""
        }</figcaption>`
      : "";
  return html`<figure class="lead">
<img src="${image.url}" alt="${image.alt ?? ""}">${caption}
</figure>`;
}

/** Links to the newer and older article, each with its headline. */
function neighbours(config: Config, route: Route, newer: Item | undefined, older: Item | undefined): Fragment {
  if (!newer && !older) return "";
  const link = (item: Item, rel: "prev" | "next", label: string) =>
    html`<p class="${rel}"><span class="label">${label}</span> <a rel="${rel}" href="${relativeUrl(route, itemRoute(config, item))}"${
      item.lang ? html` lang="${item.lang}" dir="${directionOf(item.lang)}"` : ""
    }>${item.title}</a></p>\n`;
  return html`<nav class="neighbours" aria-label="More articles">
${older ? link(older, "prev", "Previous article:") : ""}${newer ? link(newer, "next", "Next article:") : ""}</nav>`;
}

/**
 * An article's page at its permalink: headline, dek, byline, dates, lead image, the body as the
 * feeds carry it (rendered once, sanitized), tags and the neighbouring articles.
 * @param newer the next article in time, if any
 * @param older the previous article in time, if any
 */
export function renderArticlePage(config: Config, item: Item, newer: Item | undefined, older: Item | undefined): string {
  const route = itemRoute(config, item);
  const lang = item.lang ?? config.language;
  const updated = item.updated.getTime() > item.date.getTime() ? html` · Updated ${timeElement(config, item.updated)}` : "";
  const tags = item.tags.length
    ? html`<nav class="tags" aria-label="Tags">
<h2>Tags</h2>
<ul>
${item.tags.map((tag) => html`<li><a rel="tag" href="${relativeUrl(route, routes.tag(tag.slug))}">${tag.name}</a></li>\n`)}</ul>
</nav>`
    : "";
  const main = html`<article lang="${lang}" dir="${directionOf(lang)}">
<header>
<h1>${item.title}</h1>${item.description ? html`\n<p class="dek">${item.description}</p>` : ""}${byline(config, item)}
<p class="meta">Published ${timeElement(config, item.date)}${updated}</p>
</header>
${leadImage(item)}
<div class="body">
${raw(item.html)}
</div>
${tags}
</article>
${neighbours(config, route, newer, older)}`;
  return renderPage(
    config,
    route,
    {
      title: item.title,
      description: item.summary,
      openGraph: { type: "article", published: item.date, modified: item.updated, tags: item.tags.map((tag) => tag.name), image: item.image?.url },
    },
    main,
  );
}
