import { createHash } from "node:crypto";
import { type FeedModel, type Item, newestUpdate } from "./model.js";
import { type LineIndex, recordLine } from "../../formats/archive/records.js";
import { archiveFiles } from "../../formats/archive/files.js";
import { archivePaths } from "../../formats/archive/paths.js";
import { archiveJsonSchema } from "../../formats/archive/schema.js";
import { archivedFeeds, type FeedDocument, writeOrder } from "../../formats/archive/feeds.js";
import { renderDocument } from "../../formats/document.js";
import { itemFingerprint, ItemStore } from "../incremental/item-store.js";
import { inputKey, PreviousOutput, settingsKey } from "../incremental/previous-output.js";
import { feedSetIndexPath, feedSetKinds, feedSets, languageAlternates, renderFeedSetIndex, writesFeedSet } from "../../formats/feed-sets.js";
import { type OutputFiles, twinOf } from "./write.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { opmlPath, renderOpml } from "../../formats/opml.js";
import { newsSitemapPath, renderNewsSitemap, renderSitemaps, sitemapPaths, writesSitemaps } from "../../formats/sitemaps.js";
import { type ArticleFiles, pageFiles, withFeedStyle } from "../../formats/pages/index.js";
import { renderArticlePage } from "../../formats/pages/article.js";
import type { OutputThreads } from "../runtime/workers/output-pool.js";

/** Where the files of a build may come from besides the model. */
export interface RenderOptions {
  /** The previous output: files whose inputs did not change are kept from it, not rebuilt. */
  previous?: PreviousOutput;
  /** Where the gzip twins are spooled while they are made (see `spoolFolder`); by default, in the system's temporary folder. */
  spool?: string;
  /** The article cache's folder, where each article's feed items are kept between builds. */
  cacheDir?: string;
  /** The stamps of the cache files this build wrote, by key (see `storeRendered`). */
  written?: ReadonlyMap<string, string>;
  /** Keys of the bodies the cache lost: items made from them are not kept (the files are not published). */
  lost?: ReadonlySet<string>;
  /** Where the articles are, so that the files their bodies name are copied beside their pages. */
  articles?: ArticleFiles;
  /** The build's now: the news sitemap holds the articles of the two days before it. */
  now?: Date;
  /** Threads that make articles' pages and archive records while this one writes (an article with its body in the cache only). */
  threads?: OutputThreads;
}

/** Everything a feed document's bytes depend on, besides wirefeed's version. */
function documentKey(document: FeedDocument, fingerprint: (item: Item) => string): string {
  const { page } = document;
  const { items, config, ...rest } = page;
  return inputKey(["feed", document.format, document.nextUrl ?? "", settingsKey(config), JSON.stringify(rest), ...items.map(fingerprint)]);
}

/**
 * Where each file sorts for writing: the articles' pages spread evenly among the other files, each
 * set in `writeOrder`. The pages are made on the output threads and the feeds and lists here, so
 * that both are busy all through the writing; in path order the pages came first, with this thread
 * half idle, and then the feeds, with the threads idle. Neither set's files wait for the other's,
 * and each keeps its own order, so a file still waits only for files before it.
 */
export function interleavedOrder(files: Iterable<string>, articlePages: ReadonlySet<string>): (file: string) => string {
  // Each file's writeOrder once, not in every comparison of the sort: a build sorts 15,000 files.
  const pages: [string, string][] = [];
  const rest: [string, string][] = [];
  for (const file of files) if (twinOf(file) === file) (articlePages.has(file) ? pages : rest).push([file, writeOrder(file)]);
  const keys = new Map<string, string>();
  // A place in [0, 1), in a fixed number of digits so that keys sort as numbers do; "a" before "b" at the same place.
  const place = (list: [string, string][], tie: string) => {
    list.sort(([, a], [, b]) => (a < b ? -1 : 1));
    for (const [index, [file]] of list.entries()) keys.set(file, `${((index + 0.5) / list.length).toFixed(12)}${tie}`);
  };
  place(pages, "a");
  place(rest, "b");
  // A gzip twin goes with its file; a file not listed, after all the others.
  return (file) => keys.get(twinOf(file)) ?? `1${writeOrder(file)}`;
}

/**
 * Every file of the output folder, from the model: the subscription feeds and their archive
 * pages, the per-tag feeds and their index, the archive downloads with their manifest, checksums
 * and schema; the HTML pages. Large files are streams; files whose inputs did not change are `{reuse: true}`.
 * `dispose` removes the scratch files of the streams once they are written (or abandoned);
 * `diagnostics` are the warnings about files the pages could not copy.
 */
export async function renderOutputs(
  model: FeedModel,
  options: RenderOptions = {},
): Promise<{
  files: OutputFiles;
  keys: Record<string, string>;
  dispose: () => Promise<void>;
  lineIndexes: () => Record<string, LineIndex>;
  diagnostics: Diagnostic[];
  /** The feed documents readers subscribe to (no archive pages), by path: what a WebSub hub is told of. */
  feeds: { path: string; url: string }[];
  /** Where each file sorts for writing (see `interleavedOrder`). */
  order: (file: string) => string;
}> {
  const files: OutputFiles = new Map();
  const reuse = options.previous ?? (await PreviousOutput.open(undefined));
  // Whether anything about an item changed: its cache key (the file, the config, wirefeed's version)
  // and its resolved tags decide every field, so they stand for its record without serializing it;
  // an item without a key is hashed by its record, which covers every field.
  const fingerprints = new Map<Item, string>();
  const fingerprint = (item: Item) => {
    let hash = fingerprints.get(item);
    if (hash === undefined) {
      hash = item.key === undefined ? createHash("sha256").update(recordLine(item, model.config.timeZone)).digest("hex") : itemFingerprint(item.key, item.tags);
      fingerprints.set(item, hash);
    }
    return hash;
  };

  // A document is its head, its items' bytes and its tail: each item is written once, for all of them.
  const items = new ItemStore(model.config, fingerprint, options.cacheDir, options.lost, options.written);
  const feeds = [...archivedFeeds(model, (format) => languageAlternates(model, format)), ...feedSets(model)].map(withFeedStyle);
  for (const document of feeds) {
    files.set(document.path, await reuse.keyed(document.path, documentKey(document, fingerprint), () => renderDocument(document, items.bytes)));
  }
  // tags/index.json is there whenever tag feeds are on, as it always was; the other indexes with their sets.
  for (const kind of feedSetKinds)
    if (kind === "tag" ? model.config.feeds.tag.enabled : writesFeedSet(model, kind)) files.set(feedSetIndexPath(kind), renderFeedSetIndex(model, kind));
  const opml = renderOpml(model);
  if (opml !== undefined) files.set(opmlPath, opml);
  if (writesSitemaps(model.config)) {
    // What a sitemap holds of each article is its URL and lastmod: an edit that moves neither keeps every part unrendered.
    const key = inputKey(["sitemaps", settingsKey(model.config), ...model.items.map((item) => `${item.url} ${item.updated.getTime()}`)]);
    let sitemaps: Map<string, string> | undefined;
    const rendered = () => {
      sitemaps ??= renderSitemaps(model.config, model.items);
      return sitemaps;
    };
    for (const path of sitemapPaths(model.items.length)) files.set(path, await reuse.keyed(path, key, () => rendered().get(path)!));
    files.set(newsSitemapPath, renderNewsSitemap(model.config, model.items, options.now ?? new Date(newestUpdate(model.items))));
  }
  files.set(archivePaths.schema, `${JSON.stringify(archiveJsonSchema(), null, 2)}\n`);
  const { threads } = options;
  const { config } = model;
  const places = new Map(model.items.map((item, index) => [item, index]));
  const made = (kind: "page" | "record", item: Item, local: () => string, newer?: Item, older?: Item): Promise<string | Uint8Array> => {
    if (!threads || item.key === undefined) return Promise.resolve(local());
    const place = (neighbour: Item | undefined) => neighbour && places.get(neighbour);
    return threads.run({ kind, item: places.get(item)!, newer: place(newer), older: place(older) }, local);
  };
  const archive = await archiveFiles(model, fingerprint, reuse, options.spool, (item) => made("record", item, () => recordLine(item, config.timeZone)));
  for (const [path, content] of archive.files) files.set(path, content);
  const articlePage = (item: Item, newer: Item | undefined, older: Item | undefined) =>
    made("page", item, () => renderArticlePage(config, item, newer, older), newer, older);
  const pages = await pageFiles(model, { reuse, fingerprint, manifest: archive.manifest, articles: options.articles, articlePage });
  for (const [path, content] of pages.files) if (!files.has(path)) files.set(path, content);
  const order = interleavedOrder(files.keys(), pages.articlePages);
  const subscribed = feeds.filter((document) => !document.page.archive).map((document) => ({ path: document.path, url: document.page.selfUrl }));
  return {
    files,
    keys: reuse.inputKeys(),
    dispose: archive.dispose,
    lineIndexes: archive.lineIndexes,
    diagnostics: pages.diagnostics,
    feeds: subscribed,
    order,
  };
}
