import { Worker } from "node:worker_threads";
import { compiledWorker } from "./article-pool.js";
import { type ItemFields, jobItems, KeptItems, type OutputJob, type OutputSetup } from "./output-jobs.js";
import type { OutputAnswer, OutputMessage } from "./output-worker.js";

const workerScript = new URL("./output-worker.js", import.meta.url);

/**
 * Jobs made here before any thread is started: an edit's few pages cost less than a thread's start
 * (a tenth of a second of a core), a cold build's thousands far more.
 */
const startAfter = 64;

interface OutputThread {
  worker: Worker;
  live: boolean;
  /** The items it holds, as it keeps them. */
  holds: KeptItems<true>;
  pending: Map<number, { resolve: (bytes: Uint8Array | undefined) => void; reject: (error: Error) => void }>;
}

/**
 * Threads that make the files of one article (its page, its archive record) while the main thread
 * writes the others: in a cold build the render threads are done and their cores idle, and these
 * files are a third of the main thread's work. A job is made on the thread with the fewest in hand,
 * or here before the threads start (the first `startAfter` jobs); either way with the same code (`outputJob`), so the bytes are the same.
 */
export class OutputThreads {
  private readonly threads: OutputThread[] = [];
  private asked = 0;
  private nextId = 0;
  /** Jobs made on the threads. */
  made = 0;

  /**
   * @param count how many threads at most
   * @param setup what each is given first
   * @param memoryMb the heap each may hold (the config's `renderMemoryMb`)
   * @param itemAt the item at a place in the model, without its body
   */
  constructor(
    private readonly count: number,
    private readonly setup: OutputSetup,
    private readonly memoryMb: number,
    private readonly itemAt: (index: number) => ItemFields,
  ) {}

  /**
   * The bytes of `job`: made by `local` here for the first few jobs, and where the thread finds no
   * body (`local` then finds it lost too); else on the thread with the fewest jobs in hand (a thread
   * still loading takes its jobs once it is ready).
   */
  async run(job: OutputJob, local: () => string): Promise<string | Uint8Array> {
    if (++this.asked === startAfter && compiledWorker(workerScript)) this.start();
    let thread: OutputThread | undefined;
    for (const candidate of this.threads) if (candidate.live && (!thread || candidate.pending.size < thread.pending.size)) thread = candidate;
    if (!thread) return local();
    // A thread that failed leaves its jobs to be made here, where the same failure is a build's error.
    return (await this.ask(thread, job).catch(() => undefined)) ?? local();
  }

  private ask(thread: OutputThread, job: OutputJob): Promise<Uint8Array | undefined> {
    const id = this.nextId++;
    const items = thread.holds.take(jobItems(job), () => true).map((index): [number, ItemFields] => [index, this.itemAt(index)]);
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ id, job, items } satisfies OutputMessage);
    });
  }

  private start(): void {
    const { setup } = this;
    for (let started = 0; started < this.count; started++) {
      const worker = new Worker(workerScript, { resourceLimits: { maxOldGenerationSizeMb: this.memoryMb } });
      const thread: OutputThread = { worker, live: true, holds: new KeptItems(), pending: new Map() };
      this.threads.push(thread);
      worker.postMessage({ setup } satisfies OutputMessage);
      worker.on("message", (answer: OutputAnswer) => {
        const waiting = thread.pending.get(answer.id);
        thread.pending.delete(answer.id);
        if ("bytes" in answer) this.made++;
        waiting?.resolve("bytes" in answer ? answer.bytes : undefined);
      });
      const failed = (error: Error) => {
        thread.live = false;
        for (const waiting of thread.pending.values()) waiting.reject(error);
        thread.pending.clear();
      };
      worker.on("error", failed);
      worker.on("exit", (code) => failed(new Error(`An output thread stopped with exit code ${code}`)));
    }
  }

  /** Ends the threads, which until then keep the process alive (a job waits for one): the build calls it however its writing ends. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()));
  }
}
