import type { FeedModel } from "../build/stages/model.js";
import { archiveSite } from "./archive/records.js";
import type { FeedDocument } from "./archive/feeds.js";

/** Version of tags/index.json. */
export const tagsIndexFormatVersion = 1;

/** Where the tag index is published, relative to the output folder. */
export const tagsIndexPath = "tags/index.json";

const tagFeedPaths = (slug: string) => ({ rss: `tags/${slug}/feed.xml`, atom: `tags/${slug}/atom.xml`, json: `tags/${slug}/feed.json` });

/** For every tag, RSS, Atom and JSON feeds of its newest `feedLimit` articles, at tags/<slug>/. */
export function tagFeeds(model: FeedModel): FeedDocument[] {
  const { config } = model;
  const documents: FeedDocument[] = [];
  for (const { tag, items } of model.tags.values()) {
    // The channel description is the site's unless a page says otherwise: a tag feed says what it holds.
    const tagConfig = { ...config, description: `Articles tagged “${tag.name}” from ${config.title}` };
    for (const [format, path] of Object.entries(tagFeedPaths(tag.slug)) as [FeedDocument["format"], string][]) {
      const selfUrl = new URL(path, config.url).href;
      documents.push({
        path,
        format,
        page: {
          config: tagConfig,
          title: `${config.title}: ${tag.name}`,
          items: items.slice(0, config.feedLimit),
          selfUrl,
          homeUrl: config.url,
          feedId: selfUrl,
          links: [],
          archive: false,
        },
      });
    }
  }
  return documents;
}

/** tags/index.json: every tag's display name, slug, article count and feed URLs, by slug. */
export function renderTagsIndex(model: FeedModel): string {
  const { config } = model;
  const tags = [...model.tags.values()].map(({ tag, items }) => ({
    name: tag.name,
    slug: tag.slug,
    count: items.length,
    feeds: Object.fromEntries(Object.entries(tagFeedPaths(tag.slug)).map(([format, path]) => [format, new URL(path, config.url).href])),
  }));
  return `${JSON.stringify({ format: "wirefeed-tags", version: tagsIndexFormatVersion, site: archiveSite(config), tags }, null, 2)}\n`;
}
