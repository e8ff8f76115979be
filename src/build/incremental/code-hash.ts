import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Relative module specifiers of static imports, re-exports and dynamic imports.
const relativeImport = /(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

/** The file a specifier names: the compiled `.js`, or its `.ts` source when running from sources. */
function resolveModule(specifier: string, from: URL): URL | undefined {
  const url = new URL(specifier, from);
  if (existsSync(fileURLToPath(url))) return url;
  const source = new URL(url.href.replace(/\.js$/, ".ts"));
  return existsSync(fileURLToPath(source)) ? source : undefined;
}

/**
 * A hash of a module and every module it imports by a relative path, transitively. Code is an
 * input of what it makes: with it in a cache key, a changed renderer or serializer (between
 * releases too, while wirefeed itself is developed) never leaves an old result in place, and a
 * change to code that does not make it (the writer, the CLI) leaves the cache alone.
 * @param entry the module's URL, such as `new URL("../stages/article.js", import.meta.url)`
 */
export function hashCode(entry: URL): string {
  const root = fileURLToPath(new URL(".", entry));
  const hash = createHash("sha256");
  // Paths relative to the entry's folder: the same code installed elsewhere hashes the same.
  for (const [file, code] of moduleGraph(entry)) hash.update(path.relative(root, file).split(path.sep).join("/")).update("\0").update(code);
  return hash.digest("hex");
}

// The build's engine (the cache, the previous output, locks and threads) decides how fast
// outputs are made, never their bytes: a module there is not followed, so that tuning it keeps
// every cached article and every reused output. The byte-for-byte tests (cold and warm, one
// thread and several, this tree and the reference commit) hold the engine to that.
const engine = /[\\/]build[\\/](incremental|runtime)[\\/]/;

/**
 * Every module `entry` imports by a relative path, transitively, but the engine's, with its code,
 * sorted by path.
 * @param entry the module's URL
 */
export function moduleGraph(entry: URL): [file: string, code: Buffer][] {
  const seen = new Map<string, Buffer>();
  const pending = [resolveModule(entry.href, entry) ?? entry];
  for (let url = pending.pop(); url; url = pending.pop()) {
    if (seen.has(url.href)) continue;
    const code = readFileSync(fileURLToPath(url));
    seen.set(url.href, code);
    for (const [, specifier] of code.toString("utf8").matchAll(relativeImport)) {
      const imported = resolveModule(specifier!, url);
      if (imported && !seen.has(imported.href) && !engine.test(fileURLToPath(imported))) pending.push(imported);
    }
  }
  return [...seen].map(([href, code]) => [fileURLToPath(href), code] as [string, Buffer]).sort(([a], [b]) => (a < b ? -1 : 1));
}
