import { cp, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions, type BuildResult } from "../../src/index.js";
import { tempDir } from "./temp.js";

/** The repository's root folder. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export { tempDir } from "./temp.js";

/** Copies a fixture folder (articles/ and wirefeed.config.json) to a temporary folder. */
export async function copyFixture(name: string): Promise<string> {
  const dir = await tempDir();
  await cp(path.join(repoRoot, "tests/fixtures", name), dir, { recursive: true });
  return dir;
}

/** Builds the repository's own articles and config into a temporary output folder. */
export async function buildRepo(options: BuildOptions = {}): Promise<BuildResult & { out: string }> {
  const out = path.join(await tempDir(), "output");
  const result = await build({ cwd: repoRoot, out, now: "2026-11-27T00:00:00Z", ...options });
  return { ...result, out };
}

/** Reads a built file as text. */
export const readOutput = (out: string, file: string) => readFile(path.join(out, file), "utf8");
