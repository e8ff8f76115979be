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
