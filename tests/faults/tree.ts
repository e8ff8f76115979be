import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/**
 * A fingerprint of a folder: every file's path and SHA-256, sorted; undefined when the folder is missing.
 * @param dir the folder
 */
export async function hashTree(dir: string): Promise<Record<string, string> | undefined> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => undefined);
  if (!entries) return undefined;
  const files: [string, string][] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.push([
      path.relative(dir, full),
      createHash("sha256")
        .update(await readFile(full))
        .digest("hex"),
    ]);
  }
  return Object.fromEntries(files.sort(([a], [b]) => (a < b ? -1 : 1)));
}
