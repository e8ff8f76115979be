import type { Config } from "../../config/schema.js";
import { subscriptionPaths } from "../archive/feeds.js";

/**
 * Where pages live, as routes: paths relative to the site root, decoded (`tags/گفتگو/`), a
 * folder ending in "/". A route names both the output file (`tags/گفتگو/index.html`) and, encoded,
 * the URL; pages link to each other by relative URLs, so that the output can be browsed from
 * any folder or host before it is published.
 */
export type Route = string;

/** The output file of a route: a folder's index.html. */
export const fileOf = (route: Route): string => (route === "" || route.endsWith("/") ? `${route}index.html` : route);

/** The route of a URL on the site (an article's permalink), or undefined for a URL elsewhere. */
export function routeOf(config: Config, url: string): Route | undefined {
  const site = new URL(config.url);
  const target = new URL(url);
  if (target.origin !== site.origin || !target.pathname.startsWith(site.pathname)) return undefined;
  const relative = target.pathname.slice(site.pathname.length);
  try {
    const decoded = relative.split("/").map(decodeURIComponent).join("/");
    // A permalink without a trailing slash is still a folder: its page is that folder's index.html.
    return decoded === "" || decoded.endsWith("/") || /\.html?$/.test(decoded) ? decoded : `${decoded}/`;
  } catch {
    return undefined;
  }
}

/** The absolute URL of a route. */
export const urlOf = (config: Config, route: Route): string => new URL(route.split("/").map(encodeURIComponent).join("/"), config.url).href;

/** The relative URL from the page at `from` to `to`: `../../tags/nato/`, `./` for its own folder. */
export function relativeUrl(from: Route, to: Route): string {
  const fromFolders = fileOf(from).split("/").slice(0, -1);
  const toParts = to.split("/");
  let common = 0;
  while (common < fromFolders.length && common < toParts.length - 1 && fromFolders[common] === toParts[common]) common++;
  const relative = [...Array(fromFolders.length - common).fill(".."), ...toParts.slice(common).map(encodeURIComponent)].join("/");
  // Segments are percent-encoded, so a colon in the first cannot read as a scheme.
  return relative === "" ? "./" : relative;
}

/** Routes of the pages that are not articles. */
export const routes = {
  front: "",
  tags: "tags/",
  tag: (slug: string): Route => `tags/${slug}/`,
  archive: "archive/",
  year: (year: string): Route => `archive/${year}/`,
  /** Page `number` of a paginated list at `base`, counted from the oldest so that its URL and articles stay put. */
  listPage: (base: Route, number: number): Route => `${base}page/${number}/`,
  siteStylesheet: "assets/wirefeed.css",
} as const;

/** How many articles a page of a list holds. */
export const listPageSize = 20;

/** A feed a page announces: its title, absolute URL, media type and the label a reader sees. */
export interface FeedLink {
  label: string;
  /** Where the document is in the output. */
  route: Route;
  title: string;
  url: string;
  type: string;
}

/** The feeds of a set of feed documents at `paths` (RSS, Atom, JSON), titled after `title`. */
export function feedLinks(config: Config, title: string, paths: { rss: string; atom: string; json: string }): FeedLink[] {
  return [
    { label: "RSS", route: paths.rss, title: `${title} (RSS)`, url: new URL(paths.rss, config.url).href, type: "application/rss+xml" },
    { label: "Atom", route: paths.atom, title: `${title} (Atom)`, url: new URL(paths.atom, config.url).href, type: "application/atom+xml" },
    { label: "JSON Feed", route: paths.json, title: `${title} (JSON Feed)`, url: new URL(paths.json, config.url).href, type: "application/feed+json" },
  ];
}

/** The site's subscription feeds: none when `feeds.site.enabled` is false. */
export const siteFeeds = (config: Config): FeedLink[] => (config.feeds.site.enabled ? feedLinks(config, config.title, subscriptionPaths) : []);
