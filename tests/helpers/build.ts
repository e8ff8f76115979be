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

/** One record of the archive, as archive.schema.json describes it. */
export interface ArchiveRecord {
  id: string;
  url: string;
  slug: string;
  title: string;
  description?: string;
  summary: string;
  date_published: string;
  date_modified: string;
  authors: { name: string; url?: string; email?: string }[];
  tags: { name: string; slug: string }[];
  image?: { url: string; mime_type?: string; length?: number; alt?: string; caption?: string; credit?: string; credit_as_written?: string };
  language?: string;
  source: string;
  content_html: string;
  content_text: string;
}

/**
 * The published archive as one list, newest first, as the downloads its manifest lists hold it:
 * archive.json when the build wrote it, else the yearly JSON files, newest year first; `count` is the manifest's.
 */
export async function readArchive(out: string): Promise<{ count: number; articles: ArchiveRecord[] }> {
  const manifest = JSON.parse(await readOutput(out, "archive/index.json")) as {
    count: number;
    files: { path: string; scope: string; format: string; compression: string }[];
  };
  const json = manifest.files.filter((entry) => entry.format === "json" && entry.compression === "none");
  const whole = json.find((entry) => entry.scope === "all");
  const parts = whole ? [whole] : json.sort((a, b) => (a.scope < b.scope ? 1 : -1));
  const articles: ArchiveRecord[] = [];
  for (const part of parts) articles.push(...(JSON.parse(await readOutput(out, part.path)) as { articles: ArchiveRecord[] }).articles);
  return { count: manifest.count, articles };
}
