import type { FeedModel, Item } from "../../build/stages/model.js";
import type { OutputContent } from "../../build/stages/write.js";
import { inputKey, type PreviousOutput, settingsKey } from "../../build/incremental/previous-output.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { FeedDocument } from "../archive/feeds.js";
import type { ManifestEntry } from "../archive/files.js";
import { itemsByYear, renderArchivePage, renderYearPage } from "./archive.js";
import { renderArticlePage } from "./article.js";
import { type ArticleFiles, bodyAssets } from "./assets.js";
import { frontTags, renderFrontPage } from "./front.js";
import { itemRoute, type ListPage, paginate } from "./listing.js";
import { fileOf, relativeUrl, routes } from "./routes.js";
import { feedCss, feedXsl, siteCss, stylesheetPaths } from "./stylesheets.js";
import { renderTagPage, renderTagsPage } from "./tag.js";

export type { ArticleFiles } from "./assets.js";

/** An RSS or Atom document with the stylesheet `feedStyle` asks for, named relative to the document so the output works from any host. */
export function withFeedStyle(document: FeedDocument): FeedDocument {
  const { feedStyle } = document.page.config;
  if (document.format === "json" || feedStyle === "none") return document;
  const stylesheet = feedStyle === "css" ? stylesheetPaths.feedCss : stylesheetPaths.feedXsl;
  const href = relativeUrl(document.path, stylesheet);
  return { ...document, page: { ...document.page, stylesheet: { type: feedStyle === "css" ? "text/css" : "text/xsl", href } } };
}

/** What the pages are made from besides the model. */
export interface PageInputs {
  reuse: PreviousOutput;
  /** A hash of everything an item's record holds (see plan.ts). */
  fingerprint: (item: Item) => string;
  /** The archive downloads as the manifest lists them, once their digests are known. */
  manifest: () => Promise<ManifestEntry[]>;
  /** Where the article files are, to copy the files their bodies name; without it, none is copied. */
  articles?: ArticleFiles | undefined;
  /** Makes an article's page as `renderArticlePage` does, elsewhere (on another thread); by default here. */
  articlePage?: ((item: Item, newer: Item | undefined, older: Item | undefined) => Promise<string | Uint8Array>) | undefined;
}

/**
 * The HTML pages (with `pages: true`) and the feed stylesheet (per `feedStyle`): article pages at
 * their permalinks, the front page, tag pages, the archive, their stylesheet, and the files
 * article bodies name beside them. A page whose inputs did not change is kept from the previous
 * output, as a feed document is; the archive page waits for the downloads' checksums.
 */
export async function pageFiles(
  model: FeedModel,
  inputs: PageInputs,
): Promise<{ files: Map<string, OutputContent>; diagnostics: Diagnostic[]; articlePages: Set<string> }> {
  const { config } = model;
  const files = new Map<string, OutputContent>();
  /** The files of the articles' own pages (made by `articlePage`). */
  const articlePages = new Set<string>();
  if (config.feedStyle === "css") files.set(stylesheetPaths.feedCss, feedCss);
  if (config.feedStyle === "xsl") files.set(stylesheetPaths.feedXsl, feedXsl);
  // Unset means on: the build sets it off under a tool profile (see configure).
  if (config.pages === false) return { files, diagnostics: [], articlePages };

  const { reuse, fingerprint } = inputs;
  const articlePage = inputs.articlePage ?? ((item: Item, newer: Item | undefined, older: Item | undefined) => renderArticlePage(config, item, newer, older));
  const settings = settingsKey(config);
  // Without a promise when the previous file's stamp decides: an edit keeps 10,000 pages or so.
  const keyed = (route: string, parts: readonly string[], render: () => string | Uint8Array | Promise<string | Uint8Array>): undefined | Promise<void> => {
    const file = fileOf(route);
    const content = reuse.keyed(file, inputKey(["page", route, settings, ...parts]), render);
    if (!(content instanceof Promise)) {
      files.set(file, content);
      return undefined;
    }
    return content.then((settled) => {
      files.set(file, settled);
    });
  };
  // `count` is shown on the first page of a list only, and is an input of that page only.
  const listParts = (page: ListPage, count = 0) => [
    page.newer ?? "",
    page.older ?? "",
    page.newer === undefined ? String(count) : "",
    ...page.items.map(fingerprint),
  ];

  files.set(stylesheetPaths.site, siteCss);
  for (const [index, item] of model.items.entries()) {
    const newer = model.items[index - 1];
    const older = model.items[index + 1];
    const route = itemRoute(config, item);
    articlePages.add(fileOf(route));
    // The neighbours' headlines and URLs are on the page: their fingerprints are among its inputs.
    const pending = keyed(route, ["article", fingerprint(item), newer ? fingerprint(newer) : "", older ? fingerprint(older) : ""], () =>
      articlePage(item, newer, older),
    );
    if (pending) await pending;
  }
  const tagCounts = (tags: ReturnType<typeof frontTags>) => JSON.stringify(tags.map(({ tag, items }) => [tag.name, tag.slug, items.length]));
  for (const page of paginate(routes.front, model.items)) {
    const tags = page.newer === undefined ? tagCounts(frontTags(model)) : "";
    await keyed(page.route, ["front", tags, ...listParts(page)], () => renderFrontPage(model, page));
  }
  await keyed(routes.tags, ["tags", tagCounts([...model.tags.values()])], () => renderTagsPage(model));
  for (const { tag, items } of model.tags.values()) {
    for (const page of paginate(routes.tag(tag.slug), items)) {
      await keyed(page.route, ["tag", tag.name, ...listParts(page, items.length)], () => renderTagPage(model, tag, items.length, page));
    }
  }
  for (const [year, items] of itemsByYear(model)) {
    for (const page of paginate(routes.year(year), items)) {
      await keyed(page.route, ["year", ...listParts(page, items.length)], () => renderYearPage(model, year, items.length, page));
    }
  }
  // Written after the downloads (its path sorts after theirs), so their digests are known by then.
  files.set(fileOf(routes.archive), {
    stream: async function* () {
      yield renderArchivePage(model, await inputs.manifest());
    },
  });
  if (!inputs.articles) return { files, diagnostics: [], articlePages };
  const assets = await bodyAssets(model, inputs.articles, reuse, (file) => files.has(file));
  for (const [file, content] of assets.files) files.set(file, content);
  return { files, diagnostics: assets.diagnostics, articlePages };
}
