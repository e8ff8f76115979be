import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { WorkerMessage, WorkerSetup } from "./article-worker.js";
import type { ArticleRecord } from "../../stages/article.js";
import type { Config } from "../../../config/schema.js";

/** Files a worker takes at a time: large enough to keep messages rare, small enough to balance the load. */
const batchSize = 16;

const workerScript = new URL("./article-worker.js", import.meta.url);

/** Whether a worker script can start: only from the compiled JavaScript (tests run the TypeScript sources). */
export const compiledWorker = (script: URL): boolean => import.meta.url.endsWith(".js") && existsSync(fileURLToPath(script));

/** Whether render threads can start. */
export const workersAvailable = (): boolean => compiledWorker(workerScript);

/** The number of render threads by default: one per core. */
export const defaultWorkers = (): number => availableParallelism();

/** How long one article may take and how much memory one thread may hold (the config's `renderTimeoutMs`, `renderMemoryMb`). */
export interface RenderBounds {
  timeoutMs: number;
  memoryMb: number;
}

/** A config's bounds of time and memory for its render threads. */
export const renderBounds = (config: Config): RenderBounds => ({ timeoutMs: config.renderTimeoutMs, memoryMb: config.renderMemoryMb });

type Bound = "render-timeout" | "render-out-of-memory";

/** The record of an article whose thread was stopped at a bound: an error at the file, never cached (it has no key). */
function boundRecord(bound: Bound, bounds: RenderBounds): ArticleRecord {
  const problem =
    bound === "render-timeout"
      ? {
          rule: bound,
          message: `Preparing the article took longer than ${bounds.timeoutMs} ms; its render thread was stopped`,
          hint: "Simplify what the renderer takes long on (thousands of markers, tags or nested blocks), or raise `renderTimeoutMs` in the config.",
        }
      : {
          rule: bound,
          message: `Preparing the article needed more than ${bounds.memoryMb} MB of memory; its render thread was stopped`,
          hint: "Split the article, or raise `renderMemoryMb` in the config.",
        };
  return { state: "unreadable", problems: [{ ...problem, severity: "error", line: 1, column: 1 }] };
}

/** A render thread, possibly started before its files are known (see `startRenderThread`). */
export interface RenderThread {
  worker: Worker;
  /** Whether it has loaded its modules and said so. */
  ready: boolean;
  /** Whether it stopped before it was given work: it is not used, another is started. */
  exited: boolean;
}

/**
 * Starts a render thread now, to be given its setup and files later by `prepareOnWorkers`: it
 * loads its modules (a third of a second to a second) on another core while the main thread
 * checks the output folder, reads the cache and stamps the files, so an edit's one article does
 * not wait for a thread to start. It does not keep the process alive; whoever holds it terminates
 * it when no article needs preparing.
 */
export function startRenderThread(bounds: RenderBounds): RenderThread {
  const worker = new Worker(workerScript, { resourceLimits: { maxOldGenerationSizeMb: bounds.memoryMb } });
  const thread: RenderThread = { worker, ready: false, exited: false };
  worker.once("message", () => {
    thread.ready = true;
  });
  // A thread that fails before it has work is only not used: the error is the exit's.
  worker.on("error", () => {});
  worker.once("exit", () => {
    thread.exited = true;
  });
  worker.unref();
  return thread;
}

/** A thread started ahead, when there is a core to spare for it; else undefined. */
export const spareRenderThread = (bounds: RenderBounds): RenderThread | undefined =>
  workersAvailable() && availableParallelism() > 1 ? startRenderThread(bounds) : undefined;

/**
 * Prepares `files` on `threads` worker threads, each with its own unified processor and a bounded
 * heap, and returns the records in the order of `files`. A thread that passes `bounds.timeoutMs` on
 * one article, or runs out of its `bounds.memoryMb`, is stopped and replaced: that article gets a
 * `render-timeout` or `render-out-of-memory` error and the others of its batch go to the new thread.
 * The main thread only waits meanwhile, so a signal is handled at once whatever an article does.
 * @param files absolute paths
 * @param threads how many workers
 * @param setup the per-article context and the cache folder
 * @param bounds time per article and memory per thread
 * @param onRecord called as each file is done, for progress
 * @param started a thread started ahead with the same setup and bounds, used first (and ended if there is nothing to prepare)
 */
export function prepareOnWorkers(
  files: readonly string[],
  threads: number,
  setup: WorkerSetup,
  bounds: RenderBounds,
  onRecord: () => void = () => {},
  started?: RenderThread,
): Promise<ArticleRecord[]> {
  const records: ArticleRecord[] = new Array(files.length);
  const queue: number[][] = [];
  for (let start = 0; start < files.length; start += batchSize)
    queue.push(Array.from({ length: Math.min(batchSize, files.length - start) }, (_, offset) => start + offset));
  const live = new Set<Worker>();
  let spare = started;
  if (files.length === 0) {
    void spare?.worker.terminate();
    return Promise.resolve(records);
  }
  return new Promise<ArticleRecord[]>((resolve, reject) => {
    let failed: Error | undefined;
    const settle = () => {
      if (live.size > 0) return;
      if (failed) reject(failed);
      else resolve(records);
    };
    const fail = (error: Error) => {
      failed ??= error;
      for (const worker of live) void worker.terminate();
    };
    const start = () => {
      const thread = spare && !spare.exited ? spare : startRenderThread(bounds);
      spare = undefined;
      const { worker } = thread;
      worker.ref();
      live.add(worker);
      /** The indices of the batch in hand not done yet, the first being prepared now. */
      let current: number[] = [];
      let timer: NodeJS.Timeout | undefined;
      let stopped: Bound | undefined;
      let retiring = false;
      let ready = thread.ready;
      worker.postMessage({ setup } satisfies WorkerMessage);
      const arm = () => {
        clearTimeout(timer);
        if (!ready) return;
        timer = setTimeout(() => {
          stopped = "render-timeout";
          void worker.terminate();
        }, bounds.timeoutMs);
      };
      const next = () => {
        const batch = failed ? undefined : queue.shift();
        if (!batch) {
          retiring = true;
          clearTimeout(timer);
          void worker.terminate();
          return;
        }
        current = batch;
        arm();
        worker.postMessage({ files: batch.map((index) => files[index]!) } satisfies WorkerMessage);
      };
      worker.on("message", (record: ArticleRecord | { ready: true }) => {
        if ("ready" in record) {
          ready = true;
          return arm();
        }
        const index = current.shift();
        if (index === undefined) return;
        records[index] = record;
        onRecord();
        if (current.length === 0) next();
        else arm();
      });
      worker.on("error", (error: Error & { code?: string }) => {
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY") stopped ??= "render-out-of-memory";
        else fail(error);
      });
      worker.on("exit", (code) => {
        clearTimeout(timer);
        live.delete(worker);
        if (stopped && !failed) {
          const [index, ...rest] = current;
          if (index !== undefined) {
            records[index] = boundRecord(stopped, bounds);
            onRecord();
          }
          if (rest.length > 0) queue.unshift(rest);
          // The replacement takes the rest of the batch, and what no thread has taken yet.
          if (queue.length > 0) start();
        } else if (!retiring && !failed) fail(new Error(`A render worker stopped with exit code ${code}`));
        settle();
      });
      next();
    };
    const count = Math.max(1, Math.min(threads, queue.length));
    for (let begun = 0; begun < count; begun++) start();
  });
}
