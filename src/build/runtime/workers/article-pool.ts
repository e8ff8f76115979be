import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { WorkerSetup } from "./article-worker.js";
import type { ArticleRecord } from "../../stages/article.js";

/** Files a worker takes at a time: large enough to keep messages rare, small enough to balance the load. */
const batchSize = 16;

/** Below this many files, starting threads (each loads unified) costs more than it saves. */
export const minimumForWorkers = 64;

const workerScript = new URL("./article-worker.js", import.meta.url);

/** Whether a worker script can start: only from the compiled JavaScript (tests run the TypeScript sources). */
const compiledWorker = (script: URL): boolean => import.meta.url.endsWith(".js") && existsSync(fileURLToPath(script));

/** Whether render threads can start. */
export const workersAvailable = (): boolean => compiledWorker(workerScript);

/** The number of render threads by default: one per core. */
export const defaultWorkers = (): number => availableParallelism();

/**
 * Prepares `files` on `threads` worker threads, each with its own unified processor, and returns
 * the records in the order of `files`.
 * @param files absolute paths
 * @param threads how many workers
 * @param setup the per-article context and the cache folder
 * @param onRecord called as each file is done, for progress
 */
export async function prepareOnWorkers(
  files: readonly string[],
  threads: number,
  setup: WorkerSetup,
  onRecord: () => void = () => {},
): Promise<ArticleRecord[]> {
  const records: ArticleRecord[] = new Array(files.length);
  const batches: number[] = [];
  for (let start = 0; start < files.length; start += batchSize) batches.push(start);
  const workers = Array.from({ length: Math.max(1, Math.min(threads, batches.length)) }, () => new Worker(workerScript, { workerData: setup }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const start = batches.shift();
              if (start === undefined) return resolve();
              worker.postMessage({ batch: start, files: files.slice(start, start + batchSize) });
            };
            worker.on("message", ({ batch, records: done }: { batch: number; records: ArticleRecord[] }) => {
              done.forEach((record, index) => {
                records[batch + index] = record;
                onRecord();
              });
              next();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`A render worker stopped with exit code ${code}`))));
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return records;
}
