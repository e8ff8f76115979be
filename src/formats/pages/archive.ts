import type { FeedModel, Item } from "../../build/stages/model.js";
import type { ManifestEntry } from "../archive/files.js";
import { calendarYear } from "../../text/date.js";
import { html } from "./html.js";
import { renderPage } from "./layout.js";
import { articleList, type ListPage, pageNavigation } from "./listing.js";
import { relativeUrl, routes } from "./routes.js";

/** The articles of each year in the site's zone, newest year first. */
export function itemsByYear(model: FeedModel): [string, Item[]][] {
  const years = new Map<string, Item[]>();
  for (const item of model.items) {
    const year = calendarYear(item.date, model.config.timeZone);
    const items = years.get(year);
    if (items) items.push(item);
    else years.set(year, [item]);
  }
  return [...years].sort(([a], [b]) => (a < b ? 1 : -1));
}

/** A size as a person reads it: "812 bytes", "4.2 kB", "1.3 MB" (powers of 1000, as file managers show them). */
export function readableSize(bytes: number): string {
  if (bytes < 1000) return bytes === 1 ? "1 byte" : `${bytes} bytes`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.95 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** archive/index.html: the years with their article counts, and every download with its size, count and SHA-256 from the manifest. */
export function renderArchivePage(model: FeedModel, manifest: readonly ManifestEntry[]): string {
  const { config } = model;
  const link = (to: string) => relativeUrl(routes.archive, to);
  const years = itemsByYear(model);
  const main = html`<h1>Archive</h1>
<p class="lede">${model.items.length === 1 ? "One article" : `${model.items.length} articles`} from ${config.title}.</p>
<section aria-labelledby="years-heading">
<h2 id="years-heading">By year</h2>
<ul class="years">
${years.map(([year, items]) => html`<li><a href="${link(routes.year(year))}">${year}</a> <span class="count">(${items.length === 1 ? "1 article" : `${items.length} articles`})</span></li>\n`)}</ul>
</section>
<section aria-labelledby="downloads-heading">
<h2 id="downloads-heading">Downloads</h2>
<p>Every article as data, for research and backups: JSON, or NDJSON with one article a line, plain or gzipped. <a href="${link("archive/sha256sums.txt")}">sha256sums.txt</a> checks them all; <a href="${link("archive/index.json")}">index.json</a> describes them.</p>
<div class="table">
<table>
<thead>
<tr><th scope="col">File</th><th scope="col">Articles</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr>
</thead>
<tbody>
${manifest.map(
  (entry) =>
    html`<tr><td><a href="${link(entry.path)}">${entry.path}</a></td><td>${entry.count}</td><td><data value="${entry.bytes}">${readableSize(entry.bytes)}</data></td><td><code>${entry.sha256}</code></td></tr>\n`,
)}</tbody>
</table>
</div>
</section>`;
  return renderPage(
    config,
    routes.archive,
    { title: "Archive", description: `Every article of ${config.title} by year, and the archive downloads`, openGraph: { type: "website" } },
    main,
  );
}

/** A page of one year's articles at archive/<year>/. */
export function renderYearPage(model: FeedModel, year: string, count: number, page: ListPage): string {
  const { config } = model;
  // The count only on the first page, as on a tag's pages.
  const counted = page.newer === undefined ? `${count === 1 ? "One article" : `${count} articles`} from ${config.title} in ${year}. ` : "";
  const main = html`<h1>${year}</h1>
<p class="lede">${counted}<a href="${relativeUrl(page.route, routes.archive)}">All years</a></p>
<section aria-labelledby="articles-heading">
<h2 id="articles-heading">Articles</h2>
${articleList(config, page.route, page.items)}
${pageNavigation(page)}
</section>`;
  return renderPage(config, page.route, { title: `Articles of ${year}`, openGraph: { type: "website" } }, main);
}
