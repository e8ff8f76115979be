import { createHash } from "node:crypto";
import type { Config } from "../../config/schema.js";
import type { SiteFacts } from "../stages/profiles/types.js";
import { version } from "../../version.js";
import { hashCode } from "./code-hash.js";

/** Version of the cached records' shape; bumped when a record of an older wirefeed would no longer fit. */
const recordFormat = 5;

// The code that prepares an article (read, front matter, normalizers, renderer, sanitizer) is part of
// every key; the cache and the threads that run it are not, so tuning them keeps every cached article.
const preparingCode = hashCode(new URL("../stages/article.js", import.meta.url));

/**
 * The part of every cache key that is the same for all articles of a build: the record format,
 * wirefeed's version, the preparing code, the V8 serialization version, the config, and what the
 * site's tool config says (a changed `baseurl` changes every URL).
 * @param config the validated config
 * @param site the profile's reading of the site
 */
export function keyPrefix(config: Config, site?: SiteFacts): string {
  // The bounds of a render thread decide only whether an article is made, never its bytes; an article stopped at one is not cached.
  const { renderTimeoutMs: _time, renderMemoryMb: _memory, ...made } = config;
  return createHash("sha256")
    .update(JSON.stringify({ recordFormat, version, code: preparingCode, v8: process.versions.v8, config: made, site }))
    .digest("hex");
}

/**
 * The cache key of one article file; its path is part of it, as the file name gives the slug and the source.
 * @param prefix from `keyPrefix`
 * @param relativePath the file relative to the articles folder
 * @param bytes the file's raw bytes
 */
export function articleKey(prefix: string, relativePath: string, bytes: Uint8Array): string {
  return createHash("sha256").update(prefix).update("\0").update(relativePath).update("\0").update(bytes).digest("hex");
}

/**
 * What the outputs are made of: the articles of the model, by key, in file order. Equal digests
 * mean byte-identical outputs, as every key covers the version, the config and the file.
 * @param prefix from `keyPrefix`, with the code that makes the outputs
 * @param keys the keys of the articles in the model
 */
export function outputsDigest(prefix: string, keys: readonly string[]): string {
  const hash = createHash("sha256").update(prefix);
  for (const key of keys) hash.update("\0").update(key);
  return hash.digest("hex");
}
