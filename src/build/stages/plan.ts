import { createHash } from "node:crypto";
import { renderHere } from "../../formats/render-here.js";
import type { FeedModel, Item } from "./model.js";
import { type LineIndex, recordLine } from "../../formats/archive/records.js";
import { archiveFiles, archivePaths } from "../../formats/archive/files.js";
import { archiveJsonSchema } from "../../formats/archive/schema.js";
import { archivedFeeds, type FeedDocument } from "../../formats/archive/feeds.js";
import { inputKey, PreviousOutput, statePath } from "../incremental/previous-output.js";
import { renderTagsIndex, tagFeeds, tagsIndexPath } from "../../formats/tag-feeds.js";
import type { OutputFiles } from "./write.js";

/** Where the files of a build may come from besides the model. */
export interface RenderOptions {
  /** The previous output: files whose inputs did not change are kept from it, not rebuilt. */
  previous?: PreviousOutput;
  /** Where the gzip twins are spooled while they are made (see `spoolFolder`); by default, in the system's temporary folder. */
  spool?: string;
  /** Renders feed documents on other threads; without it they are rendered on this one as they are written. */
  documents?: { render(document: FeedDocument): Promise<string> };
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
 * and schema. Large files are streams; files whose inputs did not change are `{reuse: true}`.
 * `dispose` removes the scratch files of the streams once they are written (or abandoned).
 */
export async function renderOutputs(
  model: FeedModel,
  options: RenderOptions = {},
): Promise<{ files: OutputFiles; dispose: () => Promise<void>; lineIndex: () => LineIndex | undefined }> {
  const files: OutputFiles = new Map();
  const reuse = options.previous ?? (await PreviousOutput.open(undefined));
  // Whether anything about an item changed: its cache key (the file, the config, wirefeed's version)
  // and its resolved tags decide every field, so they stand for its record without serializing it;
  // an item without a key is hashed by its record, which covers every field.
  const fingerprints = new Map<Item, string>();
  const fingerprint = (item: Item) => {
    let hash = fingerprints.get(item);
    if (hash === undefined) {
      hash =
        item.key === undefined
          ? createHash("sha256").update(recordLine(item, model.config.timeZone)).digest("hex")
          : inputKey(["item", item.key, JSON.stringify(item.tags)]);
      fingerprints.set(item, hash);
    }
    return hash;
  };

  const pool = options.documents;
  for (const [order, document] of [...archivedFeeds(model), ...tagFeeds(model)].entries()) {
    const key = documentKey(document, fingerprint);
    files.set(
      document.path,
      await (pool ? reuse.keyed(document.path, key, () => pool.render(document), { order }) : reuse.keyed(document.path, key, () => renderHere(document))),
    );
  }
  files.set(tagsIndexPath, renderTagsIndex(model));
  files.set(archivePaths.schema, `${JSON.stringify(archiveJsonSchema(), null, 2)}\n`);
  const archive = await archiveFiles(model, fingerprint, reuse, options.spool);
  for (const [path, content] of archive.files) files.set(path, content);
  files.set(statePath, reuse.stateFile());
  return { files, dispose: archive.dispose, lineIndex: archive.lineIndex };
}
