import { setFlagsFromString } from "node:v8";

/**
 * From here on, V8 lets the old generation grow by half past what survived a full collection, not
 * about double (the flag is the process's; it changes when collections run, never what a program
 * computes). The write stage holds every article's metadata while it makes short-lived pages and
 * documents: at 100,000 articles the default let a build peak at 2.3 GB, by half 1.4 GB (10,000:
 * 540 → 395 MiB). It is set once the articles are prepared, so that render threads, whose heaps churn
 * through parse trees, keep V8's default while they run.
 */
export function boundHeapGrowth(): void {
  setFlagsFromString("--heap-growing-percent=50");
}
