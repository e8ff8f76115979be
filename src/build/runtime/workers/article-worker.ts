import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { storeRendered, useSealingKey } from "../../incremental/article-cache.js";
import { itemsAhead } from "../../incremental/item-store.js";
import { articleKey } from "../../incremental/keys.js";
import { type ArticleRecord, createPreparer, type PrepareContext } from "../../stages/article.js";

/** What the pool gives every worker at its start. */
export interface WorkerSetup {
  context: PrepareContext;
  /** From `keyPrefix`: the part of every key that stands for the config and the code. */
  keyPrefix: string;
  /** Where bodies are stored, so they need not travel back to be written; absent without a cache. */
  cacheDir?: string;
  /** The key the cache is sealed with, given with `cacheDir`: the main thread's, whatever this thread would find. */
  sealingKey?: Uint8Array;
}

/** A file relative to the articles folder, with forward slashes, as the build names its source. */
const sourceOf = (file: string): string => path.relative(setup.context.articlesDir, file).split(path.sep).join("/");

// One preparer, hence one unified processor, per worker for the whole build.
const setup = workerData as WorkerSetup;
if (setup.sealingKey) useSealingKey(setup.sealingKey);
const preparer = createPreparer(setup.context, (relativePath, bytes) => articleKey(setup.keyPrefix, relativePath, bytes));

// Each record goes back as soon as it is made: the pool times every article from the one before.
parentPort!.on("message", async ({ files }: { files: string[] }) => {
  for (const file of files) {
    const record = await preparer.prepare(file);
    if (setup.cacheDir !== undefined && record.state === "rendered" && "inline" in record.body) {
      // The body stays in the cache, not in the main thread's memory, until an output file needs it.
      // With its feed items, made here rather than on the main thread (see itemsAhead).
      const items = itemsAhead(setup.context.config, { ...record, body: record.body.inline, source: sourceOf(file) });
      storeRendered(setup.cacheDir, record.key, { body: record.body.inline, summary: record.summary }, items);
      record.body = { stored: record.key };
    }
    parentPort!.postMessage(record satisfies ArticleRecord);
  }
});

// Every module is loaded: from now on the pool times each article, not the thread's start.
parentPort!.postMessage({ ready: true });
