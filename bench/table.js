// The benchmark's figures as a table and their targets (issue 6).

/** Ratio-to-floor targets by run name; the floor is the yardstick itself. */
export const targets = { cold: 0.6, "warm, unchanged": 0.05, "warm, 1 edited": 0.07, "warm, 1 added": 0.07 };

/** Peak memory allowed at `n` articles, in MiB. */
export const memoryTarget = (n) => (n <= 10_000 ? 512 : 1024);

/**
 * One row of the results: the run's figures, its ratio to the floor and whether it meets its
 * targets of time and memory (null for the floor itself).
 * @param run { name, seconds, rssMiB }
 * @param floorSeconds the floor's wall time in the same benchmark
 * @param n the corpus size
 */
export function judge(run, floorSeconds, n) {
  const ratio = run.seconds / floorSeconds;
  const target = targets[run.name];
  // The floor is the yardstick, not a wirefeed run: it has no target to meet.
  const met = target === undefined ? null : ratio <= target && run.rssMiB <= memoryTarget(n);
  return { ...run, ratio: Number(ratio.toFixed(3)), target: target ?? null, met };
}

/**
 * The results as a plain-text table.
 * @param results { n, cores, node, runs: judged rows }
 */
export function formatTable(results) {
  const header = ["run", "wall s", "× floor", "target", "peak RSS MiB", "met"];
  const rows = results.runs.map((run) => [
    run.name,
    run.seconds.toFixed(2),
    run.ratio.toFixed(3),
    run.target === null ? "" : `≤ ${run.target}`,
    String(Math.round(run.rssMiB)),
    run.met === null ? "" : run.met ? "yes" : "NO",
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  return [
    `wirefeed bench: ${results.n} articles, ${results.cores} cores, Node ${results.node}; memory target ≤ ${memoryTarget(results.n)} MiB`,
    line(header),
    line(widths.map((width) => "-".repeat(width))),
    ...rows.map(line),
  ].join("\n");
}
