import type { FeedKind } from "../config/schema.js";
import type { FeedModel, Item } from "../build/stages/model.js";
import { archiveSite } from "./archive/records.js";
import type { FeedDocument } from "./archive/feeds.js";
import type { FeedPage, PageAlternate } from "./feed-page.js";

/** The feed sets: one feed in each format per tag, section, author or language, in a folder of their own. */
export const feedSetKinds = ["tag", "section", "author", "language"] as const satisfies readonly FeedKind[];
export type FeedSetKind = (typeof feedSetKinds)[number];

/** The folder of each set, relative to the output folder. */
export const feedSetFolders: Record<FeedSetKind, string> = { tag: "tags", section: "sections", author: "authors", language: "languages" };

/** Version of each set's index.json (tags/index.json, sections/index.json...). */
export const tagsIndexFormatVersion = 1;

/** Where a set's index is published, relative to the output folder. */
export const feedSetIndexPath = (kind: FeedSetKind): string => `${feedSetFolders[kind]}/index.json`;

/** The feed documents of one member of a set, relative to the output folder. */
export const feedSetPaths = (kind: FeedSetKind, slug: string) => {
  const folder = `${feedSetFolders[kind]}/${slug}`;
  return { rss: `${folder}/feed.xml`, atom: `${folder}/atom.xml`, json: `${folder}/feed.json` };
};

/** The feed documents of one tag, relative to the output folder. */
export const tagFeedPaths = (slug: string) => feedSetPaths("tag", slug);

/** One member of a set as its feeds see it. */
export interface FeedSetMember {
  name: string;
  slug: string;
  items: readonly Item[];
  /** A language set's language, which its feeds are in. */
  lang?: string;
}

/** The members of a set, by slug; the language set only when the articles are in more than one language. */
export function feedSetMembers(model: FeedModel, kind: FeedSetKind): FeedSetMember[] {
  if (kind === "tag") return [...model.tags.values()].map(({ tag, items }) => ({ name: tag.name, slug: tag.slug, items }));
  if (kind === "section") return [...model.sections.values()];
  if (kind === "author") return [...model.authors.values()];
  return model.languages.size > 1 ? [...model.languages.values()] : [];
}

/** Whether the build writes the set's feeds: the kind is on and has members. */
export const writesFeedSet = (model: FeedModel, kind: FeedSetKind): boolean => model.config.feeds[kind].enabled && feedSetMembers(model, kind).length > 0;

/** What the channel description says a member's feed holds. */
const descriptions: Record<FeedSetKind, (name: string, site: string) => string> = {
  tag: (name, site) => `Articles tagged “${name}” from ${site}`,
  section: (name, site) => `Articles in the “${name}” section of ${site}`,
  author: (name, site) => `Articles by ${name} from ${site}`,
  language: (name, site) => `Articles in the language “${name}” from ${site}`,
};

/**
 * The alternates of a feed in another language: each language feed of the same format, with its
 * hreflang. Written on the site's feeds and on each language feed (not on itself).
 */
export function languageAlternates(model: FeedModel, format: FeedDocument["format"], except?: string): PageAlternate[] {
  if (!writesFeedSet(model, "language")) return [];
  return feedSetMembers(model, "language")
    .filter((member) => member.lang !== except)
    .map((member) => ({ hreflang: member.lang!, href: new URL(feedSetPaths("language", member.slug)[format], model.config.url).href }));
}

/**
 * For every member of every set the config turns on, RSS, Atom and JSON feeds of its newest
 * `feeds.<kind>.limit` articles at <folder>/<slug>/, their items carrying the full content or the
 * summary as `feeds.<kind>.content` says.
 */
export function feedSets(model: FeedModel): FeedDocument[] {
  const { config } = model;
  const documents: FeedDocument[] = [];
  for (const kind of feedSetKinds) {
    const settings = config.feeds[kind];
    if (!settings.enabled) continue;
    for (const member of feedSetMembers(model, kind)) {
      // The channel description is the site's unless a page says otherwise: a member's feed says what it holds.
      const memberConfig = { ...config, description: descriptions[kind](member.name, config.title) };
      for (const [format, path] of Object.entries(feedSetPaths(kind, member.slug)) as [FeedDocument["format"], string][]) {
        const selfUrl = new URL(path, config.url).href;
        const page: FeedPage = {
          config: memberConfig,
          title: `${config.title}: ${member.name}`,
          items: member.items.slice(0, settings.limit),
          selfUrl,
          homeUrl: config.url,
          feedId: selfUrl,
          links: [],
          archive: false,
          content: settings.content,
        };
        if (member.lang !== undefined) {
          page.language = member.lang;
          page.alternates = languageAlternates(model, format, member.lang);
        }
        documents.push({ path, format, page });
      }
    }
  }
  return documents;
}

/** <folder>/index.json: every member's display name, slug, article count and feed URLs, by slug. */
export function renderFeedSetIndex(model: FeedModel, kind: FeedSetKind): string {
  const { config } = model;
  const members = feedSetMembers(model, kind).map((member) => ({
    name: member.name,
    slug: member.slug,
    count: member.items.length,
    feeds: Object.fromEntries(Object.entries(feedSetPaths(kind, member.slug)).map(([format, path]) => [format, new URL(path, config.url).href])),
  }));
  // The list is named as the set's folder, as is the index's `format`: tags/index.json keeps the shape it had.
  const name = feedSetFolders[kind];
  return `${JSON.stringify({ format: `wirefeed-${name}`, version: tagsIndexFormatVersion, site: archiveSite(config), [name]: members }, null, 2)}\n`;
}
