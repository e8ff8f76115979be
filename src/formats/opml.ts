import type { FeedModel } from "../build/stages/model.js";
import { subscriptionPaths } from "./archive/feeds.js";
import { type FeedSetKind, feedSetKinds, feedSetMembers, feedSetPaths, writesFeedSet } from "./feed-sets.js";
import type { ElementSpec } from "./xml.js";
import { writeElement } from "./xml-writer.js";

/** Where the OPML list of every feed is published, relative to the output folder. */
export const opmlPath = "feeds.opml";

const groupNames: Record<FeedSetKind, string> = { tag: "Tags", section: "Sections", author: "Authors", language: "Languages" };

/**
 * feeds.opml (OPML 2.0, http://opml.org/spec2.opml): every feed the build writes, grouped by kind
 * (the site, then sections, tags, authors and languages), so that a reader can subscribe to a
 * whole group at once. One outline per feed, naming its RSS document: the Atom and JSON Feed
 * documents beside it carry the same items, and three outlines per feed would subscribe a reader
 * three times. Archive pages are not listed: nobody subscribes to them. Undated (OPML's head
 * dates are optional): the list changes only when the feeds do. Undefined when the build writes no feed.
 */
export function renderOpml(model: FeedModel): string | undefined {
  const { config } = model;
  const site = (relative: string) => new URL(relative, config.url).href;
  const feed = (title: string, rss: string, htmlUrl?: string): ElementSpec => ({
    name: "outline",
    attributes: { type: "rss", version: "RSS2", text: title, title, xmlUrl: site(rss), htmlUrl },
  });
  const groups: ElementSpec[] = [];
  if (config.feeds.site.enabled)
    groups.push({ name: "outline", attributes: { text: "Site", title: "Site" }, children: [feed(config.title, subscriptionPaths.rss, config.url)] });
  for (const kind of feedSetKinds) {
    if (!writesFeedSet(model, kind)) continue;
    const children = feedSetMembers(model, kind).map((member) => feed(`${config.title}: ${member.name}`, feedSetPaths(kind, member.slug).rss));
    groups.push({ name: "outline", attributes: { text: groupNames[kind], title: groupNames[kind] }, children });
  }
  if (groups.length === 0) return undefined;
  const opml: ElementSpec = {
    name: "opml",
    attributes: { version: "2.0" },
    children: [
      {
        name: "head",
        children: [
          { name: "title", text: `${config.title}: every feed` },
          { name: "docs", text: "http://opml.org/spec2.opml" },
        ],
      },
      { name: "body", children: groups },
    ],
  };
  return `<?xml version="1.0" encoding="utf-8"?>\n${writeElement(opml, 0)}\n`;
}
