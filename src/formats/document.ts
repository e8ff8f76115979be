import type { FeedDocument } from "./archive/feeds.js";
import { renderAtom } from "./atom.js";
import { renderJsonFeed } from "./json-feed.js";
import { renderRss } from "./rss.js";

/** A feed document's bytes, in its format. */
export const renderDocument = (document: FeedDocument): string =>
  document.format === "rss"
    ? renderRss(document.page)
    : document.format === "atom"
      ? renderAtom(document.page)
      : renderJsonFeed(document.page, document.nextUrl);
