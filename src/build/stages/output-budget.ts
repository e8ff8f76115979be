import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Position } from "../../text/yaml-document.js";
import type { OutputTooLarge } from "./write.js";

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * The diagnostic of an output larger than `maxOutputBytes`, on the config file that sets the limit.
 * @param error what the writer found
 * @param configFile the config file, as the user sees its path
 * @param at the position of `maxOutputBytes` in it (the file's start when the limit is the default)
 */
export function outputTooLarge(error: OutputTooLarge, configFile: string, at: Position): Diagnostic {
  return {
    rule: "output-too-large",
    severity: "error",
    file: configFile,
    ...at,
    message: `The output would be ${error.complete ? "" : "more than "}${megabytes(error.bytes)}, over maxOutputBytes (${megabytes(error.limit)}); nothing was written, the previous output stays`,
    hint: 'Turn off copies you do not need under "outputs" (the README says what each costs per 1,000 articles: yearly files, gzip twins, archive pages, tag feeds "summary" or "off"), or raise maxOutputBytes.',
  };
}
