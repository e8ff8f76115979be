import { createHash } from "node:crypto";
import type { FeedModel, Item } from "./model.js";
import { type LineIndex, recordLine } from "../../formats/archive/records.js";
import { archiveFiles, archivePaths } from "../../formats/archive/files.js";
import { archiveJsonSchema } from "../../formats/archive/schema.js";
import { archivedFeeds, type FeedDocument } from "../../formats/archive/feeds.js";
import { renderDocument } from "../../formats/document.js";
import { itemFingerprint, ItemStore } from "../incremental/item-store.js";
import { inputKey, PreviousOutput } from "../incremental/previous-output.js";
import { renderTagsIndex, tagFeeds, tagsIndexPath } from "../../formats/tag-feeds.js";
import type { OutputFiles } from "./write.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { type ArticleFiles, pageFiles, withFeedStyle } from "../../formats/pages/index.js";

/** Where the files of a build may come from besides the model. */
export interface RenderOptions {
  /** The previous output: files whose inputs did not change are kept from it, not rebuilt. */
  previous?: PreviousOutput;
  /** Where the gzip twins are spooled while they are made (see `spoolFolder`); by default, in the system's temporary folder. */
  spool?: string;
  /** The article cache's folder, where each article's feed items are kept between builds. */
  cacheDir?: string;
  /** Keys of the bodies the cache lost: items made from them are not kept (the files are not published). */
  lost?: ReadonlySet<string>;
  /** Where the articles are, so that the files their bodies name are copied beside their pages. */
  articles?: ArticleFiles;
}

/** Everything a feed document's bytes depend on, besides wirefeed's version. */
function documentKey(document: FeedDocument, fingerprint: (item: Item) => string): string {
  const { page } = document;
  const { items, config, ...rest } = page;
  return inputKey(["feed", document.format, document.nextUrl ?? "", JSON.stringify(config), JSON.stringify(rest), ...items.map(fingerprint)]);
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
  lineIndex: () => LineIndex | undefined;
  diagnostics: Diagnostic[];
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
  const items = new ItemStore(model.config, fingerprint, options.cacheDir, options.lost);
  for (const document of [...archivedFeeds(model), ...tagFeeds(model)].map(withFeedStyle)) {
    files.set(document.path, await reuse.keyed(document.path, documentKey(document, fingerprint), () => renderDocument(document, items.bytes)));
  }
  if (model.config.outputs.tagFeeds !== "off") files.set(tagsIndexPath, renderTagsIndex(model));
  files.set(archivePaths.schema, `${JSON.stringify(archiveJsonSchema(), null, 2)}\n`);
  const archive = await archiveFiles(model, fingerprint, reuse, options.spool);
  for (const [path, content] of archive.files) files.set(path, content);
  const pages = await pageFiles(model, { reuse, fingerprint, manifest: archive.manifest, articles: options.articles });
  for (const [path, content] of pages.files) if (!files.has(path)) files.set(path, content);
  return { files, keys: reuse.inputKeys(), dispose: archive.dispose, lineIndex: archive.lineIndex, diagnostics: pages.diagnostics };
}
