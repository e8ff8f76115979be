import { writeFile } from "node:fs/promises";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { closest } from "./diagnostics/suggest.js";
import { formatDiagnostics, formatGithubAnnotations, summaryLine } from "./diagnostics/report.js";
import { runImport, runNew } from "./import/command.js";
import { build, type BuildResult } from "./pipeline/index.js";
import { version } from "./version.js";

/** Where the CLI writes; injectable so tests run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const help = `wirefeed ${version}: build RSS 2.0, Atom 1.0, JSON Feed 1.1 and a JSON archive from Markdown articles.

Usage:
  wirefeed build [options]   build articles/ into output/
  wirefeed check [options]   validate the config and every article; write nothing
  wirefeed import <file-or-folder>... [--out DIR] [--dry-run] [--force]
                             turn saved article pages (text or HTML) into articles
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
  --report json|FILE  print (json) or write (FILE) a machine-readable summary
  --quiet           print only errors and the summary line
  --verbose         also list every file written

Exit codes: 0 success, 1 article errors, 2 usage or config errors.
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
  report: { type: "string" },
  quiet: { type: "boolean" },
  verbose: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} satisfies ParseArgsConfig["options"];

const usage = (io: CliIo, message: string, hint: string): 2 => {
  io.stderr(`wirefeed: ${message}\n  hint: ${hint}\n`);
  return 2;
};

/** A JSON summary for scheduled CI. */
function jsonReport(result: BuildResult, command: string, milliseconds: number) {
  return {
    command,
    version,
    exitCode: result.exitCode,
    counts: result.counts,
    written: result.written,
    diagnostics: result.diagnostics,
    timings: { totalMs: Math.round(milliseconds) },
  };
}

/**
 * Runs the CLI on `argv` (without node and script) and returns the exit code.
 * @param argv the arguments
 * @param io streams, environment and folder; the process's by default
 */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout(help);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (command === "import") return runImport(rest, io);
  if (command === "new") return runNew(rest, io);
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
  });
  const elapsed = performance.now() - started;
  const shown = values.quiet ? result.diagnostics.filter((d) => d.severity === "error") : result.diagnostics;
  if (shown.length > 0) io.stderr(`${formatDiagnostics(shown)}\n\n`);
  if (io.env.GITHUB_ACTIONS === "true" && result.diagnostics.length > 0) io.stdout(`${formatGithubAnnotations(result.diagnostics)}\n`);
  if (values.report === "json") {
    io.stdout(`${JSON.stringify(jsonReport(result, command, elapsed), null, 2)}\n`);
  } else {
    if (values.report !== undefined) await writeFile(values.report, `${JSON.stringify(jsonReport(result, command, elapsed), null, 2)}\n`);
    const { counts } = result;
    const what =
      command === "check"
        ? `checked ${counts.articles} article files`
        : result.exitCode === 0 || result.written.length > 0
          ? `built ${counts.published} articles into ${result.written.length} files`
          : "built nothing; output/ is unchanged";
    if (values.verbose) for (const file of result.written) io.stdout(`  wrote ${file}\n`);
    io.stderr(
      `wirefeed: ${what} (${counts.drafts} drafts, ${counts.scheduled} scheduled skipped); ${summaryLine(result.diagnostics)} in ${Math.round(elapsed)} ms\n`,
    );
  }
  return result.exitCode;
}

function defaultIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  };
}
