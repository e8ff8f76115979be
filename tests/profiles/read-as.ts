import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { configSchema } from "../../src/config/schema.js";
import { createPreparer } from "../../src/build/stages/article.js";
import { resolveSite } from "../../src/build/stages/profiles/site.js";
import { listArticleFiles } from "../../src/build/stages/read.js";
import { discoveryFor } from "../../src/build/stages/profiles/site.js";
import { tempDir } from "../helpers/build.js";

/**
 * Writes a small site (the tool's config and some pages), reads it through the given profile as a
 * build does, and returns what the per-article stages made of `file`, and whether discovery found it.
 * @param files path below the site folder to content
 */
export async function readAs(profile: string, files: Record<string, string>, file: string, config: Record<string, unknown> = {}) {
  const root = await tempDir();
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  const parsed = configSchema.parse({ url: "https://example.org/", profile, ...config });
  const resolved = await resolveSite(parsed, root, (name) => name);
  if (!resolved.ok) throw new Error(resolved.diagnostic.message);
  const site = resolved.site;
  const found = (await listArticleFiles(root, discoveryFor(site, root, [path.join(root, "public"), path.join(root, "_site")]))).map((name) =>
    path.relative(root, name).split(path.sep).join("/"),
  );
  const preparer = createPreparer({ articlesDir: root, config: parsed, site, now: Date.parse("2030-01-01T00:00:00Z") }, () => "test");
  const record = await preparer.prepare(path.join(root, file));
  const meta = record.state === "parsed" || record.state === "rendered" ? record.meta : undefined;
  return {
    root,
    site,
    found,
    discovered: found.includes(file),
    meta,
    path: meta ? new URL(meta.url).pathname : undefined,
    problems: record.problems.map(({ rule, severity, line, column }) => `${line}:${column} ${severity} ${rule}`),
    html: record.state === "rendered" && "inline" in record.body ? record.body.inline.html : undefined,
  };
}
