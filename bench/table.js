// The benchmark's figures as tables, and their targets (issue 13, judged at 10,000 newsroom articles).

/** Ratio-to-floor targets by run name; the floor and Hugo are yardsticks, not wirefeed runs. */
export const targets = { cold: 0.7, "warm, unchanged": 0.03, "warm, 1 edited": 0.03, "warm, 1 added": 0.03 };

/** Peak memory allowed at `n` articles, in MiB. */
export const memoryTarget = (n) => (n <= 10_000 ? 512 : 1024);

const ratio = (seconds, yardstick) => (yardstick ? Number((seconds / yardstick).toFixed(3)) : null);

/**
 * One row of the results: the run's figures, its ratios to the floor and to Hugo, and whether it
 * meets its targets of time and memory (null for a run without targets).
 * @param run { name, seconds, rssMiB, output }
 * @param floorSeconds the floor's wall time in the same benchmark
 * @param hugoSeconds Hugo's wall time in the same benchmark, or null when Hugo did not run
 * @param n the corpus size
 */
export function judge(run, floorSeconds, hugoSeconds, n) {
  const toFloor = ratio(run.seconds, floorSeconds);
  const target = targets[run.name];
  const met = target === undefined ? null : toFloor <= target && run.rssMiB <= memoryTarget(n);
  return { ...run, ratio: toFloor, ratioToHugo: ratio(run.seconds, hugoSeconds), target: target ?? null, met };
}

/**
 * The ratios of each run's CPU seconds to the floor's and Hugo's (null where a figure is missing),
 * added to the judged rows.
 * @param runs judged rows with cpuSeconds
 */
export function withCpuRatios(runs) {
  const cpuOf = (name) => runs.find((run) => run.name === name)?.cpuSeconds ?? null;
  const [floor, hugo] = [cpuOf("floor"), cpuOf("hugo")];
  const cpu = (run, yardstick) => (run.cpuSeconds === null ? null : ratio(run.cpuSeconds, yardstick));
  return runs.map((run) => ({ ...run, cpuRatio: cpu(run, floor), cpuRatioToHugo: cpu(run, hugo) }));
}

const megabytes = (bytes) => (bytes / 1e6).toFixed(1);

/** Lines of cells with the first column left-aligned and the others right-aligned. */
function align(header, rows) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)];
}

/**
 * The results as a plain-text table of runs.
 * @param results { corpus, n, cores, node, load, runs: judged rows }
 */
export function formatTable(results) {
  const header = ["run", "wall s", "× floor", "× Hugo", "CPU s", "CPU × floor", "CPU × Hugo", "target", "peak RSS MiB", "output MB", "met"];
  const figure = (value, digits) => (value === null || value === undefined ? "" : value.toFixed(digits));
  const rows = results.runs.map((run) => [
    run.name,
    run.seconds.toFixed(2),
    run.ratio.toFixed(3),
    figure(run.ratioToHugo, 3),
    figure(run.cpuSeconds, 2),
    figure(run.cpuRatio, 3),
    figure(run.cpuRatioToHugo, 3),
    run.target === null ? "" : `≤ ${run.target}`,
    String(Math.round(run.rssMiB)),
    megabytes(run.output.total),
    run.met === null ? "" : run.met ? "yes" : "NO",
  ]);
  return [
    `wirefeed bench: ${results.n} ${results.corpus} articles, ${results.cores} cores, Node ${results.node}; ` +
      `memory target ≤ ${memoryTarget(results.n)} MiB; load average ${results.load.before.join(" ")} before, ${results.load.after.join(" ")} after`,
    ...align(header, rows),
  ].join("\n");
}

/**
 * The output of each distinct kind of run (the floor, Hugo, wirefeed's cold build) by top-level
 * path, in MB in all and per 1,000 articles.
 * @param results { n, runs: rows with output.byPath }
 */
export function formatOutputTable(results) {
  const rows = [];
  for (const run of results.runs.filter((row) => ["floor", "hugo", "cold"].includes(row.name)))
    for (const [where, bytes] of [...Object.entries(run.output.byPath), ["(total)", run.output.total]])
      rows.push([`${run.name} ${where}`, megabytes(bytes), megabytes((bytes * 1000) / results.n)]);
  return align(["output", "MB", "MB per 1,000 articles"], rows).join("\n");
}
