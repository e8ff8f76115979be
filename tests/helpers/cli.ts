import { type CliIo, main } from "../../src/cli/main.js";

/** Runs the CLI in-process in `cwd`, collecting what it prints. */
export async function cli(cwd: string, argv: string[], env: NodeJS.ProcessEnv = {}, stderrIsTTY = false) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, cwd, stderrIsTTY };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
