import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The folders made by this test file, removed after its tests (see setup.ts). */
const made: string[] = [];

/** A fresh temporary folder, removed once the test file's tests are done. */
export function tempDirSync(prefix = "wirefeed-test-"): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** `tempDirSync`, for callers that await. */
export const tempDir = async (prefix?: string): Promise<string> => tempDirSync(prefix);

/** Removes every folder made so far. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
