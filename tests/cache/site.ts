import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, type BuildOptions, type BuildResult } from "../../src/index.js";
import { repoRoot, tempDir } from "../helpers/build.js";

interface Generator {
  generateCorpus(dir: string, n: number): Promise<string>;
  article(index: number): { name: string; text: string };
}

/** The benchmark's corpus generator (plain JavaScript, outside the TypeScript project). */
export const generator = (): Promise<Generator> => import(pathToFileURL(path.join(repoRoot, "bench/generate.js")).href) as Promise<Generator>;

/** The build's clock in these tests: the generated articles are all older; `scheduled.md` is later. */
export const now = "2026-11-27T00:00:00Z";

/** A fresh cache folder and output folder for one test's builds. */
export const freshFolders = async (): Promise<{ cacheDir: string; out: string }> => ({
  cacheDir: path.join(await tempDir(), "cache"),
  out: path.join(await tempDir(), "output"),
});

/**
 * A site of `n` generated articles plus a draft, a scheduled article and one with a warning, in a temporary folder.
 * @param n how many generated articles
 * @param config settings laid over the generated config
 */
export async function makeSite(n: number, config: Record<string, unknown> = {}): Promise<string> {
  const dir = await tempDir("wirefeed-cache-");
  const articles = await (await generator()).generateCorpus(dir, n);
  const configFile = path.join(dir, "wirefeed.config.json");
  await writeFile(configFile, `${JSON.stringify({ ...JSON.parse(await readFile(configFile, "utf8")), ...config }, null, 2)}\n`);
  const extra = (name: string, frontMatter: string) =>
    writeFile(path.join(articles, name), `---\ntitle: ${name}\n${frontMatter}---\n\nThe body of ${name}, with a [relative link](/about/).\n`);
  await extra("draft.md", "date: 2020-01-01\ndraft: true\n");
  await extra("scheduled.md", "date: 2027-06-01T09:00:00Z\n");
  await extra("warned.md", "date: 2020-02-02\nsubtitle: an unknown key\n");
  return dir;
}

/**
 * Builds `site` into `out`, with the cache in `cacheDir` or without one (`false`).
 * @param site the site folder
 * @param out the output folder
 * @param cacheDir the cache folder, or false
 * @param options more build options
 */
export const buildSite = (site: string, out: string, cacheDir: string | false, options: BuildOptions = {}): Promise<BuildResult> =>
  build({ cwd: site, out, now, cacheDir, workers: 1, ...options });

/** Every file below `folder` by relative path, as a SHA-256 of its bytes. */
export async function treeDigest(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const digests: Record<string, string> = {};
  for (const file of files.sort())
    digests[path.relative(folder, file)] = createHash("sha256")
      .update(await readFile(file))
      .digest("hex");
  return digests;
}
