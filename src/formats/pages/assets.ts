import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";
import type { Config } from "../../config/schema.js";
import type { ArticleMeta } from "../../build/stages/meta/index.js";
import type { FeedModel } from "../../build/stages/model.js";
import type { OutputContent } from "../../build/stages/write.js";
import { inputKey, type PreviousOutput } from "../../build/incremental/previous-output.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { fileOf } from "./routes.js";
import { itemRoute } from "./listing.js";

/** Where the build finds the articles, and how it names a file to the user. */
export interface ArticleFiles {
  /** The articles folder, absolute. */
  folder: string;
  /** A file as the user is shown it (relative to the current folder). */
  display: (file: string) => string;
}

/**
 * The files article bodies name beside them (`![](radar.png)`), copied to the same place beside
 * the article's page, where the body's URLs point. A copy is kept from the previous output while
 * the file's size and modification time stay the same. A file that is not there is a warning at
 * the reference's position; the body keeps its URL, as the site may serve that file itself.
 */
export async function bodyAssets(
  model: FeedModel,
  articles: ArticleFiles,
  reuse: PreviousOutput,
  claimed: (file: string) => boolean,
): Promise<{ files: Map<string, OutputContent>; diagnostics: Diagnostic[] }> {
  const wanted: { output: string; source: string; article: string; line: number; column: number; name: string }[] = [];
  const outputs = new Set<string>();
  for (const item of model.items) {
    const folder = path.posix.dirname(fileOf(itemRoute(model.config, item)));
    const article = path.join(articles.folder, item.source);
    for (const asset of item.assets ?? []) {
      const output = path.posix.join(folder, asset.path);
      // Two articles of one folder may share an image; the first copy serves both pages' URLs alike.
      if (claimed(output) || outputs.has(output)) continue;
      outputs.add(output);
      wanted.push({ output, source: path.join(path.dirname(article), asset.path), article, line: asset.line, column: asset.column, name: asset.path });
    }
  }
  const files = new Map<string, OutputContent>();
  const diagnostics: Diagnostic[] = [];
  // All at once: libuv's thread pool bounds how many stats run together.
  const found = await Promise.all(wanted.map((entry) => stat(entry.source).catch(() => undefined)));
  for (const [index, entry] of wanted.entries()) {
    const info = found[index];
    if (!info?.isFile()) {
      diagnostics.push({
        rule: "missing-asset",
        severity: "warning",
        message: `The body refers to "${entry.name}", which is not beside the article, so its page and feeds would show a broken link`,
        hint: `Put ${articles.display(entry.source)} next to the article, or refer to the file by an absolute URL.`,
        file: articles.display(entry.article),
        line: entry.line,
        column: entry.column,
      });
      continue;
    }
    const key = inputKey(["asset", entry.source, String(info.size), String(info.mtimeMs)]);
    files.set(entry.output, (await reuse.unchanged(entry.output, key, info.size)) ? { reuse: true } : { stream: () => createReadStream(entry.source) });
  }
  return { files, diagnostics };
}

/**
 * A hash of the files article bodies name beside them, as found now (size and modification time,
 * or absence): the articles alone do not decide the output when pages copy these files.
 * @param articles the published articles: their metadata and file, relative to `folder`
 */
export async function assetStamps(config: Config, folder: string, articles: readonly { meta: ArticleMeta; source: string }[]): Promise<string> {
  if (!config.pages) return "";
  const files = articles.flatMap(({ meta, source }) => (meta.assets ?? []).map((asset) => path.join(folder, path.dirname(source), asset.path)));
  const found = await Promise.all(files.map((file) => stat(file).catch(() => undefined)));
  const hash = createHash("sha256");
  for (const [index, file] of files.entries()) {
    const info = found[index];
    hash.update(`${file}\0${info?.isFile() ? `${info.size}\0${info.mtimeMs}` : "-"}\n`);
  }
  return hash.digest("hex");
}
