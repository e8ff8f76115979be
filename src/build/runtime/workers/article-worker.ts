import { parentPort, workerData } from "node:worker_threads";
import { storeRendered } from "../../incremental/article-cache.js";
import { createPreparer, type PrepareContext } from "../../stages/prepare.js";

/** What the pool gives every worker at its start. */
export interface WorkerSetup {
  context: PrepareContext;
  /** Where bodies are stored, so they need not travel back to be written; absent without a cache. */
  cacheDir?: string;
}

// One preparer, hence one unified processor, per worker for the whole build.
const setup = workerData as WorkerSetup;
const preparer = createPreparer(setup.context);

parentPort!.on("message", async ({ batch, files }: { batch: number; files: string[] }) => {
  const records = [];
  for (const file of files) {
    const { rendered, ...record } = await preparer.prepare(file);
    if (setup.cacheDir === undefined || record.key === undefined || !rendered) {
      records.push({ ...record, ...(rendered ? { rendered } : {}) });
      continue;
    }
    // The body stays in the cache, not in the main thread's memory, until an output file needs it.
    storeRendered(setup.cacheDir, record.key, rendered);
    records.push({ ...record, storedSummary: rendered.summary });
  }
  parentPort!.postMessage({ batch, records });
});
