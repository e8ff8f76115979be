import { existsSync, realpathSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { type Diagnostic, errorDiagnostic } from "../../diagnostics/diagnostic.js";
import { journalFileOf, readOutputState } from "../incremental/output-state.js";

/** The folders and files an output folder must never be, nor hold. */
export interface OutFolderInputs {
  out: string;
  cwd: string;
  config: string;
  articles: string;
  /** The article cache, when there is one. */
  cache?: string | undefined;
  /** The config's `outShared`: another generator fills the folder too. */
  shared: boolean;
  display: (file: string) => string;
}

/** `file` with symbolic links resolved as far as it exists, so that a link cannot disguise a folder. */
function realPath(file: string): string {
  const missing: string[] = [];
  let existing = path.resolve(file);
  while (!existsSync(existing) && path.dirname(existing) !== existing) {
    missing.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  try {
    return path.join(realpathSync(existing), ...missing);
  } catch {
    return path.resolve(file);
  }
}

/** Whether `inner` is `outer` or lies below it. */
const holds = (outer: string, inner: string): boolean => {
  const relative = path.relative(outer, inner);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
};

/**
 * Refuses an output folder that wirefeed could not own without destroying something: a file; a
 * folder that is or holds the config, the articles, the cache, the current folder, the home
 * folder or `/`; a non-empty folder wirefeed never wrote, unless the config says it is shared.
 * @returns the reason, or undefined when the folder is safe to write
 */
export async function refuseOutFolder(inputs: OutFolderInputs): Promise<Diagnostic | undefined> {
  const out = realPath(inputs.out);
  const shown = inputs.display(inputs.out);
  const info = await stat(inputs.out).catch(() => undefined);
  if (info && !info.isDirectory()) {
    return errorDiagnostic(
      "out-not-a-folder",
      `The output path ${shown} is a file, not a folder; wirefeed writes a folder of feeds and never replaces a file it did not write`,
      'Pass --out with the path of a folder (new, or one wirefeed wrote before), or set "out" in the config.',
      shown,
    );
  }
  const protectedPaths: [string, string | undefined][] = [
    ["the config file", inputs.config],
    ["the articles folder", inputs.articles],
    ["the article cache", inputs.cache],
    ["the current folder", inputs.cwd],
    ["your home folder", homedir()],
    ["the root folder", path.parse(out).root],
  ];
  const held = protectedPaths.flatMap(([name, file]) => (file !== undefined && holds(out, realPath(file)) ? [{ name, file: realPath(file) }] : []));
  const reason = held.find(({ file }) => file === out) ?? held[0];
  if (reason) {
    const what = reason.file === out ? `is ${reason.name}` : `holds ${reason.name} (${inputs.display(reason.file)})`;
    return errorDiagnostic(
      "out-holds-inputs",
      `The output folder ${shown} ${what}; wirefeed replaces what it writes there, and must never be pointed at its own inputs`,
      'Pass --out with a folder of its own, such as --out output (or set "out" in the config).',
      shown,
    );
  }
  if (!info || inputs.shared || readOutputState(inputs.out) !== undefined || existsSync(journalFileOf(inputs.out))) return undefined;
  const entries = await readdir(inputs.out);
  if (entries.length === 0) return undefined;
  return errorDiagnostic(
    "out-not-empty",
    `The output folder ${shown} holds ${entries.length} file${entries.length === 1 ? "" : "s"} that wirefeed did not write (such as ${entries.sort()[0]}); wirefeed writes only into a new or empty folder, or one it wrote before`,
    'Pass --out with a new or empty folder; or, if another generator fills this folder too, set "outShared": true in the config: wirefeed then adds and replaces only its own files there. If wirefeed wrote it and the .wirefeed/ folder beside it was lost, delete the folder and build again.',
    shown,
  );
}
