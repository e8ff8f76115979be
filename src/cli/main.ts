import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { closest } from "../diagnostics/suggest.js";
import { counted, formatDiagnostics, formatGithubAnnotations, printable, summaryLine } from "../diagnostics/report.js";
import { type CliIo, defaultIo, usage } from "./io.js";

export type { CliIo } from "./io.js";
import { build, type BuildResult } from "../build/index.js";
import { version } from "../version.js";

const help = `wirefeed ${version}: build RSS 2.0, Atom 1.0, JSON Feed 1.1 and a JSON archive from Markdown articles.

Usage:
  wirefeed build [options]   build articles/ into output/
  wirefeed check [options]   validate the config and every article; write nothing
  wirefeed import <file-or-folder>... [--out DIR] [--dry-run] [--force]
                             turn saved article pages (text, HTML or MHTML) into articles
  wirefeed new "Title"       create today's article file, as a draft
  wirefeed --help | --version

Options:
  --config FILE     config file (default: wirefeed.config.json)
  --articles DIR    articles folder (default: the config's "articles", else articles/)
  --out DIR         output folder (default: the config's "out", else output/)
  --now ISO-8601    the build's "now": later articles are scheduled (default: the clock)
  --strict          warnings fail the build
  --keep-going      build the good articles even if some are bad (still exits 1)
  --allow-removals  let the build drop articles the previous output published
  --cache-dir DIR   cache of prepared articles (default: node_modules/.cache/wirefeed)
  --no-cache        prepare every article anew, and leave the cache alone
  --workers N       render threads for articles
                    (default: one per core; each bounded in time and memory)
  --ping            tell the config's WebSub hubs which feeds changed, once they are
                    in place (as "ping": true does); a failing hub is a warning
  --report json|FILE  print (json, on stdout) or write (FILE) a machine-readable summary
  --quiet           print only errors and the summary line; no progress bar
  --verbose         also list drafts, scheduled and expired articles with their dates,
                    the files written and kept, cache use and timings

On an interactive terminal a progress bar shows on stderr; with GITHUB_ACTIONS=true every
diagnostic is also printed as a workflow annotation (::error file=...,line=...::) on stderr,
so that stdout holds only the --report json.

Exit codes: 0 success, 1 article errors, 2 usage, config or system errors, 3 a bug in wirefeed.
Docs: see README.md.
`;

const buildOptions = {
  config: { type: "string" },
  articles: { type: "string" },
  out: { type: "string" },
  now: { type: "string" },
  strict: { type: "boolean" },
  "keep-going": { type: "boolean" },
  "allow-removals": { type: "boolean" },
  "cache-dir": { type: "string" },
  "no-cache": { type: "boolean" },
  workers: { type: "string" },
  report: { type: "string" },
  ping: { type: "boolean" },
  quiet: { type: "boolean" },
  verbose: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} satisfies ParseArgsConfig["options"];

/** The machine-readable summary of a build or check, for scheduled CI (`--report`). */
export function jsonReport(result: BuildResult, command: string) {
  const { counts } = result;
  const round = (milliseconds: number) => Math.round(milliseconds);
  return {
    command,
    version,
    exitCode: result.exitCode,
    counts: {
      articleFiles: counts.articles,
      built: counts.published,
      skippedDrafts: counts.drafts,
      skippedScheduled: counts.scheduled,
      skippedExpired: counts.expired,
      errors: counts.errors,
      warnings: counts.warnings,
    },
    files: { written: result.written, unchanged: result.unchanged },
    cache: result.cache,
    diagnostics: result.diagnostics,
    // One line per WebSub hub (with --ping or `ping: true`): the changed feeds it was told of.
    ...(result.pings ? { websub: result.pings } : {}),
    timings: {
      prepareMs: round(result.timings.prepareMs),
      outputsMs: round(result.timings.outputsMs),
      writeMs: round(result.timings.writeMs),
      totalMs: round(result.timings.totalMs),
    },
  };
}

/** Draws `done/total` as a bar on one terminal line, at most ten times a second, and only once a build runs long enough to need it. */
function progressBar(write: (text: string) => void) {
  const started = performance.now();
  let drawnAt = 0;
  let drawn = false;
  return {
    update(done: number, total: number) {
      const now = performance.now();
      if (now - started < 300 || (now - drawnAt < 100 && done < total)) return;
      drawnAt = now;
      drawn = true;
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} articles`);
    },
    clear() {
      if (drawn) write("\r\u001b[K");
    },
  };
}

/**
 * Runs the CLI on `argv` (without node and script) and returns the exit code.
 * @param argv the arguments
 * @param io streams, environment and folder; the process's by default
 */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return reportCrash(error, io, argv.includes("--verbose"));
  }
}

/** System errors that come from the machine, not from wirefeed: the user can act on them. */
const environmentErrors: Record<string, string> = {
  EACCES: "Check the permissions of that path, or pass --out / --cache-dir to a folder you can write.",
  EPERM: "Check the permissions of that path, or pass --out / --cache-dir to a folder you can write.",
  EROFS: "The file system is read-only: pass --out / --cache-dir to a writable folder.",
  ENOSPC: "The disk is full: free some space and build again; output/ is unchanged.",
  EDQUOT: "The disk quota is exhausted: free some space and build again; output/ is unchanged.",
  EMFILE: "Too many open files: raise the limit (ulimit -n) or pass --workers 1.",
  ENOTDIR: "A path that should be a folder is a file: check --articles, --out and --cache-dir.",
  EEXIST: "A path that should be a folder is a file: check --articles, --out and --cache-dir.",
  EBUSY: "The path is busy or a mount point (such as --out /), and cannot be replaced: pass --out to a folder of its own.",
  ENOENT: "A path the build needed is missing or could not be made (a read-only or vanished --cache-dir or --out?): check them, or pass --no-cache.",
};

/**
 * Turns an error that escaped the build into a message without a stack trace: exit 2 for a
 * problem of the machine (permissions, disk space), exit 3 for a bug in wirefeed.
 */
function reportCrash(error: unknown, io: CliIo, verbose: boolean): number {
  const systemError = error as NodeJS.ErrnoException;
  const hint = typeof systemError?.code === "string" ? environmentErrors[systemError.code] : undefined;
  if (hint) {
    // Node's message says what was being done: the call, and the path it was done to.
    io.stderr(`${printable(`wirefeed: ${systemError.message}`)}\n  hint: ${hint}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(
    `wirefeed: internal error: ${message}\n  hint: This is a bug in wirefeed ${version}, not in your articles. Please report it with the command you ran${verbose ? "." : "; --verbose shows the stack trace."}\n`,
  );
  if (verbose && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return 3;
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout(help);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    io.stdout(`${version}\n`);
    return 0;
  }
  // Loaded only for these commands: the importer's HTML parsers would add a third to a build's start.
  if (command === "import") return (await import("./import.js")).runImport(rest, io);
  if (command === "new") return (await import("./import.js")).runNew(rest, io);
  const commands = ["build", "check", "import", "new"];
  if (!commands.includes(command)) {
    const suggestion = closest(command, commands);
    return usage(io, `unknown command "${command}"`, suggestion ? `Did you mean "wirefeed ${suggestion}"?` : "Run wirefeed --help.");
  }
  let values: ReturnType<typeof parseArgs<{ options: typeof buildOptions; args: string[]; strict: true; allowPositionals: false }>>["values"];
  try {
    values = parseArgs({ args: [...rest], options: buildOptions, strict: true, allowPositionals: false }).values;
  } catch (error) {
    return usage(io, (error as Error).message, "Run wirefeed --help for the options.");
  }
  if (values.help) {
    io.stdout(help);
    return 0;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1)
      return usage(
        io,
        `--workers "${values.workers}" is not a number of threads: it must be a whole number, 1 or more`,
        "Pass 1 or more, such as --workers 2.",
      );
  }
  if (values["no-cache"] && values["cache-dir"] !== undefined) return usage(io, "--no-cache and --cache-dir contradict each other", "Pass one of them.");
  if (values.quiet && values.verbose) return usage(io, "--quiet and --verbose contradict each other", "Pass one of them.");
  const bar = io.stderrIsTTY && !values.quiet ? progressBar(io.stderr) : undefined;
  const started = performance.now();
  const result = await build({
    cwd: io.cwd,
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values.articles !== undefined ? { articles: values.articles } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.now !== undefined ? { now: values.now } : {}),
    strict: values.strict === true,
    keepGoing: values["keep-going"] === true,
    allowRemovals: values["allow-removals"] === true,
    dryRun: command === "check",
    ...(values["no-cache"] ? { cacheDir: false as const } : values["cache-dir"] !== undefined ? { cacheDir: values["cache-dir"] } : {}),
    ...(workers !== undefined ? { workers } : {}),
    ...(values.ping ? { ping: true } : {}),
    ...(bar ? { onProgress: bar.update } : {}),
  });
  bar?.clear();
  const elapsed = performance.now() - started;
  const shown = values.quiet ? result.diagnostics.filter((d) => d.severity === "error") : result.diagnostics;
  if (shown.length > 0) io.stderr(`${formatDiagnostics(shown)}\n\n`);
  // The runner reads annotations from stderr as well: stdout is kept for the JSON report.
  // As quiet as the text: with --quiet, errors alone.
  if (io.env.GITHUB_ACTIONS === "true" && shown.length > 0) io.stderr(`${formatGithubAnnotations(shown)}\n`);
  if (values.report !== undefined) {
    const report = `${JSON.stringify(jsonReport(result, command), null, 2)}\n`;
    if (values.report === "json") io.stdout(report);
    else {
      const file = path.resolve(io.cwd, values.report);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, report);
    }
  }
  const { counts } = result;
  const built = result.written.length + result.unchanged.length;
  const what =
    command === "check"
      ? // A config or folder the build could not set up with stops it before any article is read.
        result.exitCode === 2 && counts.articles === 0
        ? "checked nothing"
        : `checked ${counted(counts.articles, "article file")}`
      : built > 0
        ? `built ${counted(counts.published, "article")} into ${counted(built, "file")} (${result.written.length} written, ${result.unchanged.length} unchanged)`
        : "built nothing; the output folder is unchanged";
  if (values.verbose) {
    for (const { file, state, date, expires } of result.unpublished) {
      const when = state === "scheduled" ? `publishes at ${date}` : state === "expired" ? `expired at ${expires}` : `dated ${date}`;
      io.stderr(`  ${state} ${file} (${when}${state !== "expired" && expires ? `, expires at ${expires}` : ""})\n`);
    }
    for (const file of result.written) io.stderr(`  wrote ${file}\n`);
    for (const file of result.unchanged) io.stderr(`  kept ${file}\n`);
    for (const hub of result.pings ?? [])
      io.stderr(`  hub ${hub.hub}: ${hub.accepted} of ${hub.feeds} changed feeds accepted${hub.ok ? "" : ` (${hub.error})`}\n`);
    const { cache, timings } = result;
    io.stderr(
      `  cache: ${cache.enabled ? `${counted(cache.hits, "article")} reused (${cache.stamped} known by their file's stamp, unread), ${cache.misses} prepared${cache.rebuilt ? ", rebuilt (it could not be trusted)" : ""}` : "off"}\n` +
        (result.outputJobs > 0 ? `  output threads: ${result.outputJobs} pages and archive records made beside the main thread\n` : "") +
        `  timings: prepare ${Math.round(timings.prepareMs)} ms, outputs ${Math.round(timings.outputsMs)} ms, write ${Math.round(timings.writeMs)} ms\n`,
    );
  }
  io.stderr(
    `wirefeed: ${what} (${counted(counts.drafts, "draft")}, ${counts.scheduled} scheduled, ${counts.expired} expired skipped); ${summaryLine(result.diagnostics)} in ${Math.round(elapsed)} ms\n`,
  );
  return result.exitCode;
}
