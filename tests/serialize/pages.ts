// Feed documents built by hand, for calling the serializers directly: the way to give
// them what no article file can hold (a lone surrogate, a relative URL).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { type Config, configSchema } from "../../src/config/schema.js";
import type { Item } from "../../src/build/stages/model.js";
import type { FeedPage } from "../../src/formats/feed-page.js";
import { tempDirSync } from "../helpers/temp.js";

export const SITE = "https://news.example.org/";

/** A config with every default, as the loader would give it. */
export const siteConfig = (overrides: Partial<Config> = {}): Config =>
  configSchema.parse({ url: SITE, title: "Example News", description: "Stories from Example", timeZone: "UTC", ...overrides });

/** One item with plain values; `overrides` replace any field. */
export function makeItem(overrides: Partial<Item> = {}): Item {
  return {
    id: "tag:news.example.org,2022-02-25:harbour",
    slug: "harbour",
    url: `${SITE}2022/02/25/harbour/`,
    title: "Harbour reopens",
    date: new Date("2022-02-25T10:00:00Z"),
    updated: new Date("2022-02-25T12:00:00Z"),
    authors: [{ name: "Ana Lima" }],
    tags: [{ name: "Transport", slug: "transport" }],
    summary: "The harbour reopened.",
    html: "<p>The harbour reopened.</p>",
    text: "The harbour reopened.",
    source: "2022-02-25-harbour.md",
    ...overrides,
  };
}

/** The subscription feed document for `items`, published at `selfPath` on the site. */
export function makePage(items: readonly Item[], config: Config = siteConfig(), selfPath = "feed.xml"): FeedPage {
  const selfUrl = new URL(selfPath, config.url).href;
  return { config, title: config.title, items, selfUrl, homeUrl: config.url, feedId: selfUrl, links: [], archive: false };
}

/** Writes `text` to a new temporary file named `name`, for the validators that read files. */
export function writeTemp(name: string, text: string): string {
  const file = path.join(tempDirSync("wirefeed-serialize-"), name);
  writeFileSync(file, text);
  return file;
}
