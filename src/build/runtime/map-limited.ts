/**
 * `work` on every item, at most `limit` at a time, results in the order of `items`. After a
 * failure no more items start, and the failure is thrown once the items already started are done:
 * nothing is left running behind the caller's clean-up.
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !failed) {
      const index = next++;
      try {
        results[index] = await work(items[index]!, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  });
  const settled = await Promise.allSettled(lanes);
  const failure = settled.find((lane) => lane.status === "rejected");
  if (failure) throw failure.reason;
  return results;
}

/** How many files the build reads or stats at once: enough to keep the disk busy, not so many that a large archive runs out of file handles. */
export const readConcurrency = 64;
