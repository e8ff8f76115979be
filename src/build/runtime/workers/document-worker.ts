import { parentPort, workerData } from "node:worker_threads";
import { readStoredBody } from "../../incremental/article-cache.js";
import type { Item } from "../../stages/model.js";
import type { FeedDocument } from "../../../formats/archive/feeds.js";
import { renderDocument } from "../../../formats/document.js";

/** What the pool gives every document thread at its start. */
export interface DocumentWorkerSetup {
  /** Where cached bodies are; absent when the build runs without a cache (items then carry their bodies). */
  cacheDir?: string;
}

const { cacheDir } = workerData as DocumentWorkerSetup;

type Body = { html: string; text: string };

/**
 * The bodies the last document read: a page comes in three formats one after another, and with
 * one document thread each body is read and checked once for the three. Only those the next
 * document also holds are carried over, so memory stays one page's worth.
 */
let recentBodies = new Map<string, Body>();

/** Gives an item whose body stayed in the cache accessors that read it there, in place of its `html` and `text`. */
function withStoredBody(item: Item, bodies: Map<string, Body>): void {
  if (item.html !== undefined || cacheDir === undefined || item.key === undefined) return;
  const key = item.key;
  const load = () => {
    let body = bodies.get(key);
    if (!body) {
      body = readStoredBody(cacheDir, key)?.body;
      if (!body) throw new Error(`The cached body of ${key} is missing or damaged`);
      bodies.set(key, body);
    }
    return body;
  };
  Object.defineProperties(item, { html: { get: () => load().html, enumerable: true }, text: { get: () => load().text, enumerable: true } });
}

parentPort!.on("message", (document: FeedDocument) => {
  const bodies = new Map<string, Body>();
  for (const { key } of document.page.items) {
    const body = key === undefined ? undefined : recentBodies.get(key);
    if (body) bodies.set(key!, body);
  }
  recentBodies = bodies;
  try {
    for (const item of document.page.items) withStoredBody(item, bodies);
    parentPort!.postMessage({ text: renderDocument(document) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
