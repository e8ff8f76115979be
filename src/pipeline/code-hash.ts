import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * A hash of the code files in the given folders. Code is an input of what it makes: with it in a
 * cache key, a changed renderer or serializer (between releases too, while wirefeed itself is
 * developed) never leaves an old result in place.
 * @param folders folder URLs, such as `new URL(".", import.meta.url)`
 */
export function hashCode(...folders: readonly URL[]): string {
  const hash = createHash("sha256");
  for (const folder of folders) {
    const dir = fileURLToPath(folder);
    for (const name of readdirSync(dir).sort()) if (/\.[cm]?[jt]s$/.test(name)) hash.update(name).update(readFileSync(`${dir}/${name}`));
  }
  return hash.digest("hex");
}
