/**
 * `work` on every item, at most `limit` at a time, results in the order of `items`: enough to
 * keep the disk busy, not so many that a large archive runs out of file handles.
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** How many files the build reads or stats at once. */
export const readConcurrency = 64;
