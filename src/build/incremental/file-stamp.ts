import { type BigIntStats, statSync } from "node:fs";

/**
 * How long a file must have been left alone before its stamp is trusted: far longer than the
 * coarsest file system clock, so a write in the same clock tick as the build's read cannot leave
 * the stamp unchanged (git's "racily clean" problem).
 */
export const settledMs = 2_000;
const settledNs = BigInt(settledMs) * 1_000_000n;

/**
 * A stamp of each file (device, inode, size, modification and change times), taken before the
 * files are read: a file whose stamp equals the one recorded with its cache key has the same bytes,
 * so an unchanged build need not read 10,000 articles to learn that nothing changed. The change
 * time catches tools that restore an old modification time (`touch -d`, `rsync -t`). Files touched
 * within the last two seconds, or dated in the future, get no stamp and are always read.
 * Synchronous: the build has nothing else to do yet, and 10,000 calls take a fraction of the time
 * that 10,000 round trips through libuv's thread pool do.
 * @param files absolute paths
 * @param nowMs the clock, in milliseconds since the epoch
 */
export function fileStamps(files: readonly string[], nowMs = Date.now()): (string | undefined)[] {
  const settledBefore = BigInt(Math.floor(nowMs)) * 1_000_000n - settledNs;
  const statOf = (file: string) => {
    try {
      return statSync(file, { bigint: true, throwIfNoEntry: false });
    } catch {
      // Unreadable now: no stamp, so the build reads it and reports why it cannot.
      return undefined;
    }
  };
  return files.map((file) => {
    const info = statOf(file);
    if (!info?.isFile() || info.mtimeNs > settledBefore || info.ctimeNs > settledBefore) return undefined;
    return exactStamp(info);
  });
}

/** A file's stamp as `stat` (with `bigint`) found it: device, inode, size, modification and change times. */
export const exactStamp = (info: BigIntStats): string => `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
