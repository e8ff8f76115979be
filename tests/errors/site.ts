import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { build, type BuildOptions, type BuildResult } from "../../src/index.js";
import { tempDir } from "../helpers/build.js";

/** The smallest config a build accepts, plus any keys a case needs. */
export const siteConfig = (extra: Record<string, unknown> = {}) => ({ title: "Test Desk", url: "https://news.example/", ...extra });

/** A valid article, for cases that need a good neighbour. */
export const goodArticle = (title = "A good article", date = "2022-02-25") => `---\ntitle: ${title}\ndate: ${date}\n---\nA body paragraph.\n`;

/**
 * Writes a site (config and articles, paths relative to articles/) into a fresh temporary folder.
 * @param articles article files by relative path
 * @param config extra config keys
 */
export async function writeSite(articles: Record<string, string | Uint8Array>, config: Record<string, unknown> = {}): Promise<string> {
  const dir = await tempDir("wirefeed-errors-");
  await writeFile(path.join(dir, "wirefeed.config.json"), JSON.stringify(siteConfig(config)));
  for (const [relative, content] of Object.entries(articles)) {
    const file = path.join(dir, "articles", relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  await mkdir(path.join(dir, "articles"), { recursive: true });
  return dir;
}

/** Writes a site and builds it at a fixed now. */
export async function buildSite(
  articles: Record<string, string | Uint8Array>,
  config: Record<string, unknown> = {},
  options: BuildOptions = {},
): Promise<BuildResult & { dir: string; out: string }> {
  const dir = await writeSite(articles, config);
  const result = await build({ cwd: dir, now: "2026-11-27T00:00:00Z", ...options });
  return { ...result, dir, out: path.join(dir, "output") };
}
