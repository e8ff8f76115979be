import type { FeedModel } from "./model.js";
import { renderArchive } from "./serialize/archive.js";
import { renderAtom } from "./serialize/atom.js";
import { renderJsonFeed } from "./serialize/json-feed.js";
import type { FeedPage } from "./serialize/page.js";
import { renderRss } from "./serialize/rss.js";
import type { OutputFiles } from "./write.js";

/** Every file of the output folder, from the model. */
export function renderOutputs(model: FeedModel): OutputFiles {
  const { config, items } = model;
  const files: OutputFiles = new Map();
  const site = (relative: string) => new URL(relative, config.url).href;
  const subscription = items.slice(0, config.feedLimit);
  const page = (selfPath: string): FeedPage => ({
    config,
    title: config.title,
    items: subscription,
    selfUrl: site(selfPath),
    homeUrl: config.url,
    feedId: site(selfPath),
    links: [],
    archive: false,
  });
  files.set("feed.xml", renderRss(page("feed.xml")));
  files.set("atom.xml", renderAtom(page("atom.xml")));
  files.set("feed.json", renderJsonFeed(page("feed.json")));
  files.set("archive.json", renderArchive(config, items));
  return files;
}
