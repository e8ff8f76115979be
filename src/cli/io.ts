import { type ParseArgsConfig, parseArgs } from "node:util";

/** Where the CLI writes; injectable so tests run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Whether stderr is an interactive terminal: only then is a progress bar drawn. */
  stderrIsTTY?: boolean;
}

/** Prints a usage error with its hint; usage errors exit 2. */
export const usage = (io: CliIo, message: string, hint: string): 2 => {
  io.stderr(`wirefeed: ${message}\n  hint: ${hint}\n`);
  return 2;
};

/** A command's options as `parseArgs` reads them: with `help` (`-h`), and positionals allowed. */
type CommandOptions = NonNullable<ParseArgsConfig["options"]> & { help: { type: "boolean"; short: "h" } };
type ParsedCommand<O extends CommandOptions> = ReturnType<typeof parseArgs<{ options: O; args: string[]; strict: true; allowPositionals: true }>>;

/**
 * A command's arguments parsed by its options, or the command's exit code: 0 once its help is
 * printed (--help), 2 for an option it does not take or one without its value.
 * @param io where to print
 * @param args the arguments after the command's name
 * @param options the command's options, `help` among them
 * @param command its name and its help text
 */
export function parseCommand<const O extends CommandOptions>(
  io: CliIo,
  args: readonly string[],
  options: O,
  command: { name: string; help: string },
): ParsedCommand<O> | number {
  let parsed: ParsedCommand<O>;
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    return usage(io, (error as Error).message, `Run wirefeed ${command.name} --help.`);
  }
  // `help` is among the options, whose value types TypeScript does not resolve inside this function.
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(command.help);
    return 0;
  }
  return parsed;
}

/** The process's own streams, environment and folder. */
export function defaultIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    stderrIsTTY: process.stderr.isTTY === true,
  };
}
