import { parentPort } from "node:worker_threads";
import { readStoredBody, useSealingKey } from "../../incremental/article-cache.js";
import { type ItemFields, jobItems, KeptItems, outputJob, type OutputJob, type OutputSetup } from "./output-jobs.js";

/** What an output thread is sent: its setup first, then jobs, each with an id its answer carries and the items it names that the thread lacks. */
export type OutputMessage = { setup: OutputSetup } | { id: number; job: OutputJob; items: [number, ItemFields][] };

/** An output thread's answer: the file's bytes, or `lost` when the cache no longer has the article's body. */
export type OutputAnswer = { id: number; bytes: Uint8Array } | { id: number; lost: true };

let setup: OutputSetup | undefined;
const items = new KeptItems<ItemFields>();

parentPort!.on("message", (message: OutputMessage) => {
  if ("setup" in message) {
    setup = message.setup;
    useSealingKey(setup.sealingKey);
    return;
  }
  const { id, job } = message;
  const given = new Map(message.items);
  items.take(jobItems(job), (index) => given.get(index)!);
  const { key } = items.get(job.item)!;
  const body = key === undefined ? undefined : readStoredBody(setup!.cacheDir, key)?.body;
  if (!body) {
    parentPort!.postMessage({ id, lost: true } satisfies OutputAnswer);
    return;
  }
  // Encoded here, into a buffer of its own that travels without a copy: the main thread only writes it.
  const bytes = new TextEncoder().encode(outputJob(setup!.config, items, job, body));
  parentPort!.postMessage({ id, bytes } satisfies OutputAnswer, [bytes.buffer]);
});
