import path from "node:path";
import { parentPort } from "node:worker_threads";
import { storeRendered, useSealingKey } from "../../incremental/article-cache.js";
import { itemsAhead } from "../../incremental/item-store.js";
import { articleKey } from "../../incremental/keys.js";
import { type ArticleRecord, createPreparer, type PrepareContext } from "../../stages/article.js";

/** What the pool gives every worker before its first files. */
export interface WorkerSetup {
  context: PrepareContext;
  /** From `keyPrefix`: the part of every key that stands for the config and the code. */
  keyPrefix: string;
  /** Where bodies are stored, so they need not travel back to be written; absent without a cache. */
  cacheDir?: string;
  /** The key the cache is sealed with, given with `cacheDir`: the main thread's, whatever this thread would find. */
  sealingKey?: Uint8Array;
}

/** What a worker is sent: its setup first, then batches of files. */
export type WorkerMessage = { setup: WorkerSetup } | { files: string[] };

let setup: WorkerSetup | undefined;
let preparer: ReturnType<typeof createPreparer> | undefined;

/** A file relative to the articles folder, with forward slashes, as the build names its source. */
const sourceOf = (articlesDir: string, file: string): string => path.relative(articlesDir, file).split(path.sep).join("/");

// The setup comes as a message, not as workerData: a thread starts loading its modules as soon as
// the config is read, before the site, the cache and the key prefix it needs are known.
parentPort!.on("message", async (message: WorkerMessage) => {
  if ("setup" in message) {
    setup = message.setup;
    if (setup.sealingKey) useSealingKey(setup.sealingKey);
    // One preparer, hence one unified processor, per worker for the whole build.
    const { keyPrefix } = setup;
    preparer = createPreparer(setup.context, (relativePath, bytes) => articleKey(keyPrefix, relativePath, bytes));
    return;
  }
  // Each record goes back as soon as it is made: the pool times every article from the one before.
  for (const file of message.files) {
    const record = await preparer!.prepare(file);
    const { cacheDir, context } = setup!;
    if (cacheDir !== undefined && record.state === "rendered" && "inline" in record.body) {
      // The body stays in the cache, not in the main thread's memory, until an output file needs it.
      // With its feed items, made here rather than on the main thread (see itemsAhead).
      const items = itemsAhead(context.config, { ...record, body: record.body.inline, source: sourceOf(context.articlesDir, file) });
      const stamp = storeRendered(cacheDir, record.key, { body: record.body.inline, summary: record.summary }, items);
      record.body = { stored: record.key, stamp };
    }
    parentPort!.postMessage(record satisfies ArticleRecord);
  }
});

// Every module is loaded: from now on the pool times each article, not the thread's start.
parentPort!.postMessage({ ready: true });
