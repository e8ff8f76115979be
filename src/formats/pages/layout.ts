import type { Config } from "../../config/schema.js";
import { formatRfc3339 } from "../../text/date.js";
import { html, type Fragment, type Markup } from "./html.js";
import { type FeedLink, relativeUrl, type Route, routes, siteFeeds, urlOf } from "./routes.js";

/** Scripts written right to left; a language tag's primary subtag decides (`fa-IR`, `ar`, `he`). */
const rtlLanguages = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi"]);

/** The direction of text in `lang`: "rtl" for Persian, Arabic, Hebrew, Urdu and the like. */
export const directionOf = (lang: string): "ltr" | "rtl" => {
  const [primary = "", second] = lang.toLowerCase().split("-");
  // A script subtag overrides the language's usual script: ku-Arab is rtl, ku-Latn is not.
  if (second === "arab" || second === "hebr" || second === "syrc" || second === "thaa") return "rtl";
  if (second === "latn" || second === "cyrl") return "ltr";
  return rtlLanguages.has(primary) ? "rtl" : "ltr";
};

const maxKeptTimes = 200_000;

/** The time elements of one language and zone, by instant: an article is listed on five pages or so, and each asked Intl again. */
const timeElements = new Map<string, { format: Intl.DateTimeFormat; made: Map<number, Markup> }>();

/** A date as the site prints it ("February 25, 2022"), in its zone and language, in `<time datetime>`. */
export function timeElement(config: Config, date: Date): Markup {
  const key = `${config.language}\0${config.timeZone}`;
  let known = timeElements.get(key);
  if (!known) {
    known = { format: new Intl.DateTimeFormat(config.language, { dateStyle: "long", timeZone: config.timeZone }), made: new Map() };
    timeElements.set(key, known);
  }
  const instant = date.getTime();
  let element = known.made.get(instant);
  if (!element) {
    element = html`<time datetime="${formatRfc3339(date, config.timeZone)}">${known.format.format(date)}</time>`;
    // Bounded: a process that builds many sites (a test run, a server) does not keep every date it met.
    if (known.made.size >= maxKeptTimes) known.made.clear();
    known.made.set(instant, element);
  }
  return element;
}

/** What a page says about itself in its head. */
export interface PageHead {
  /** The document title, without the site's name. */
  title: string;
  description?: string | undefined;
  /** Open Graph type and the article properties that go with it. */
  openGraph: { type: "website" } | { type: "article"; published: Date; modified: Date; tags: readonly string[]; image?: string | undefined };
  /** Feeds the page concerns besides the site's. */
  feeds?: readonly FeedLink[];
}

/** A page in the site's layout: head with canonical, autodiscovery and Open Graph; header, main and footer. */
export function renderPage(config: Config, route: Route, head: PageHead, main: Fragment): string {
  const canonical = urlOf(config, route);
  const link = (to: Route) => relativeUrl(route, to);
  const feeds = [...siteFeeds(config), ...(head.feeds ?? [])];
  const og = head.openGraph;
  const title = route === routes.front ? config.title : `${head.title} · ${config.title}`;
  const description = head.description ?? config.description;
  const meta = (property: string, content: string | undefined) => (content === undefined ? "" : html`\n<meta property="${property}" content="${content}">`);
  const document = html`<!DOCTYPE html>
<html lang="${config.language}" dir="${directionOf(config.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>${description ? html`\n<meta name="description" content="${description}">` : ""}
<link rel="canonical" href="${canonical}">
<link rel="stylesheet" href="${link(routes.siteStylesheet)}">${feeds.map((feed) => html`\n<link rel="alternate" type="${feed.type}" title="${feed.title}" href="${feed.url}">`)}${meta("og:type", og.type)}${meta("og:site_name", config.title)}${meta("og:title", head.title)}${meta("og:url", canonical)}${meta("og:description", description)}${
    og.type === "article"
      ? [
          meta("og:image", og.image),
          meta("article:published_time", formatRfc3339(og.published, config.timeZone)),
          meta("article:modified_time", formatRfc3339(og.modified, config.timeZone)),
          og.tags.map((tag) => meta("article:tag", tag)),
        ]
      : ""
  }
</head>
<body>
<header class="site-header">
<a class="site-name" href="${link(routes.front)}">${config.title}</a>
<nav aria-label="Site">
<ul>
<li><a href="${link(routes.front)}">Latest</a></li>
<li><a href="${link(routes.tags)}">Tags</a></li>
<li><a href="${link(routes.archive)}">Archive</a></li>
</ul>
</nav>
</header>
<main>
${main}
</main>
<footer class="site-footer">
${siteFeeds(config).length > 0 ? html`<p>Follow ${config.title} in a feed reader: ${siteFeeds(config).map((feed, index) => html`${index > 0 ? " · " : ""}<a href="${link(feed.route)}">${feed.label}</a>`)}</p>` : ""}${config.copyright ? html`\n<p>${config.copyright}</p>` : ""}
</footer>
</body>
</html>
`;
  return document.value;
}
