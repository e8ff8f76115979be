import { parentPort, workerData } from "node:worker_threads";
import type { FeedDocument } from "../../../formats/archive/feeds.js";
import { renderDocument } from "../../../formats/document.js";
import { BodyReader } from "../../incremental/bodies.js";
import { attachLazyBody } from "../../stages/model.js";

/** What the pool gives every document thread at its start. */
export interface DocumentWorkerSetup {
  /** Where cached bodies are; absent when the build runs without a cache (items then carry their bodies). */
  cacheDir?: string;
}

const { cacheDir } = workerData as DocumentWorkerSetup;

/**
 * A page comes in three formats one after another: with one document thread, each body is read
 * and checked once for the three. Only the bodies the next document also holds are kept, so memory
 * stays one page's worth.
 */
const bodies = cacheDir === undefined ? undefined : new BodyReader(cacheDir);

parentPort!.on("message", (document: FeedDocument) => {
  const { items } = document.page;
  if (bodies) {
    bodies.retain(items.flatMap(({ key }) => (key === undefined ? [] : [key])));
    // An item that came without its body has it in the cache, under its key.
    for (const item of items) if (item.html === undefined && item.key !== undefined) attachLazyBody(item, bodies.loader(item.key));
  }
  try {
    const text = renderDocument(document);
    // A lost body reads as empty: the calling thread renders the document instead, and finds the loss itself.
    if (bodies && bodies.lost.size > 0) parentPort!.postMessage({ error: `Cached bodies are missing or damaged: ${[...bodies.lost].join(", ")}` });
    else parentPort!.postMessage({ text });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
  bodies?.lost.clear();
});
