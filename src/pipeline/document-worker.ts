import { parentPort, workerData } from "node:worker_threads";
import { readStoredBody } from "./cache.js";
import type { Item } from "./model.js";
import type { FeedDocument } from "./serialize/archived-feeds.js";
import { renderDocument } from "./serialize/document.js";

/** What the pool gives every document thread at its start. */
export interface DocumentWorkerSetup {
  /** Where cached bodies are; absent when the build runs without a cache (items then carry their bodies). */
  cacheDir?: string;
}

const { cacheDir } = workerData as DocumentWorkerSetup;

/** Gives an item whose body stayed in the cache accessors that read it there, in place of its `html` and `text`. */
function withStoredBody(item: Item): void {
  if (item.html !== undefined || cacheDir === undefined || item.key === undefined) return;
  const key = item.key;
  let body: { html: string; text: string } | undefined;
  const load = () => {
    body ??= readStoredBody(cacheDir, key)?.body;
    if (!body) throw new Error(`The cached body of ${key} is missing or damaged`);
    return body;
  };
  Object.defineProperties(item, { html: { get: () => load().html, enumerable: true }, text: { get: () => load().text, enumerable: true } });
}

parentPort!.on("message", (document: FeedDocument) => {
  try {
    for (const item of document.page.items) withStoredBody(item);
    parentPort!.postMessage({ text: renderDocument(document) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
