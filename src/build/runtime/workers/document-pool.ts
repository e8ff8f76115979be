import { Worker } from "node:worker_threads";
import type { DocumentWorkerSetup } from "./document-worker.js";
import { hasLazyBody, type Item } from "../../stages/model.js";
import type { FeedDocument } from "../../../formats/archive/feeds.js";
import { compiledWorker } from "./article-pool.js";
import { renderHere } from "../../../formats/render-here.js";

const workerScript = new URL("./document-worker.js", import.meta.url);

/** Whether document threads can start: only from the compiled JavaScript (tests run the TypeScript sources). */
export const documentWorkersAvailable = (): boolean => compiledWorker(workerScript);

/**
 * A page of 100 articles with its DOM fits in far less; the limit keeps a thread's garbage from
 * growing unchecked, and a document too large for it is rendered on the calling thread instead.
 */
const workerHeapMb = 128;

/**
 * An item as a message carries it. A body the model would load from the cache is left there
 * (`html` and `text` undefined, in their places): the thread reads it by the item's key.
 */
function portable(item: Item, bodiesInCache: boolean): Item {
  const lazy = bodiesInCache && item.key !== undefined && hasLazyBody(item);
  const copy: Record<string, unknown> = {};
  for (const name of Object.keys(item)) copy[name] = lazy && (name === "html" || name === "text") ? undefined : item[name as keyof Item];
  return copy as unknown as Item;
}

interface Task {
  document: FeedDocument;
  resolve: (text: string) => void;
  reject: (error: unknown) => void;
}

/**
 * Renders feed documents (archive pages, tag feeds) on worker threads while the calling thread
 * writes the archive downloads. A document whose thread fails (a body the cache lost, a page too
 * large for the thread's heap) is rendered on the calling thread, which reports a real error as
 * the build always has.
 */
export class DocumentPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  private readonly running = new Map<Worker, Task>();
  private started = 0;
  private broken = false;

  /**
   * @param threads how many threads at most
   * @param setup where the threads read cached bodies
   */
  constructor(
    private readonly threads: number,
    private readonly setup: DocumentWorkerSetup,
  ) {}

  /** The document's bytes, rendered on a thread of the pool. */
  render(document: FeedDocument): Promise<string> {
    if (this.broken) return renderHere(document);
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ document, resolve, reject });
      this.dispatch();
    }).catch(() => renderHere(document));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? this.start();
      if (!worker) return;
      const task = this.queue.shift()!;
      this.running.set(worker, task);
      const { page } = task.document;
      const items = page.items.map((item) => portable(item, this.setup.cacheDir !== undefined));
      worker.postMessage({ ...task.document, page: { ...page, items } });
    }
  }

  private start(): Worker | undefined {
    if (this.started >= this.threads) return undefined;
    this.started++;
    const worker = new Worker(workerScript, { workerData: this.setup, resourceLimits: { maxOldGenerationSizeMb: workerHeapMb } });
    worker.on("message", (reply: { text: string } | { error: string }) => {
      const task = this.running.get(worker);
      // A thread that failed has handed its document back to the calling thread: a reply it had
      // already sent comes too late, and must not be taken for another document's.
      if (!task) return;
      this.running.delete(worker);
      if ("text" in reply) task.resolve(reply.text);
      else task.reject(new Error(reply.error));
      this.idle.push(worker);
      this.dispatch();
    });
    // A thread that dies (out of memory) hands its document and the rest of the queue back to this thread.
    const fail = (error: unknown) => {
      this.broken = true;
      this.running.get(worker)?.reject(error);
      this.running.delete(worker);
      for (const task of this.queue.splice(0)) task.reject(error);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (code !== 0) fail(new Error(`A document worker stopped with exit code ${code}`));
    });
    return worker;
  }

  /** Stops the threads; documents still queued are rendered on the calling thread. */
  async close(): Promise<void> {
    this.broken = true;
    const workers = [...this.idle, ...this.running.keys()];
    for (const task of this.queue.splice(0)) task.reject(new Error("closed"));
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
