// Nothing a build reuses is trusted because it is there. Before: the cache's seal was a plain SHA-256
// of the payload, so a body or feed item rewritten to hold a <script> and sealed again the same way
// was published in every output; and a previous output file edited to hold a script (its size and
// modification time put back), or cut to 200 bytes, was kept as "unchanged".
import { createHash } from "node:crypto";
import { readdir, readFile, stat, truncate, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/build.js";
import { buildSite, freshFolders, makeSite, treeDigest } from "../cache/site.js";

const payloadMarker = "<script>alert(1)</script>";

/** Every string in `value` (text kept as UTF-8 bytes too) with `replace` applied, the shape kept (Maps, Dates, arrays, objects). */
function rewrite(value: unknown, replace: (text: string) => string): unknown {
  if (typeof value === "string") return replace(value);
  if (value instanceof Uint8Array) return Buffer.from(replace(Buffer.from(value).toString("utf8")));
  if (value instanceof Map) return new Map([...value].map(([key, entry]) => [key, rewrite(entry, replace)]));
  if (Array.isArray(value)) return value.map((entry) => rewrite(entry, replace));
  if (value && typeof value === "object" && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, rewrite(entry, replace)]));
  return value;
}

/** A payload with a script put into its text, or undefined when it has no paragraph to put one in. */
function withScript(payload: Buffer): Buffer | undefined {
  let changed = false;
  const forged = rewrite(deserialize(payload), (text) => {
    const next = text.replace(/(<p>|&lt;p&gt;)/, (tag) => `${tag}${tag.startsWith("<") ? payloadMarker : "&lt;script&gt;alert(1)&lt;/script&gt;"}`);
    changed ||= next !== text;
    return next;
  });
  return changed ? serialize(forged) : undefined;
}

/**
 * Does what anyone who can write the cache folder can: parses an article's file (its magic is two
 * lines, then for its body and its items a 4-byte length, a 32-byte digest and a V8 payload), puts
 * a script into the text of the parts asked for, and seals them again as the old code did, with
 * the SHA-256 of the new payload.
 * @param parts 0 for the body, 1 for the feed items with the full content, 2 for those with the summary
 */
async function resealWithScript(file: string, parts: readonly number[]): Promise<boolean> {
  const bytes = await readFile(file);
  const magicLength = bytes.indexOf(10, bytes.indexOf(10) + 1) + 1;
  const written: Buffer[] = [bytes.subarray(0, magicLength)];
  let changed = false;
  for (let at = magicLength, part = 0; at < bytes.length; part++) {
    const length = bytes.readUInt32BE(at);
    const end = at + 4 + (length && 32 + length);
    const forged = length && parts.includes(part) ? withScript(bytes.subarray(at + 36, end)) : undefined;
    if (forged) {
      const header = Buffer.alloc(4);
      header.writeUInt32BE(forged.length);
      written.push(header, createHash("sha256").update(forged).digest(), forged);
      changed = true;
    } else written.push(bytes.subarray(at, end));
    at = end;
  }
  if (changed) await writeFile(file, Buffer.concat(written));
  return changed;
}

async function articleFiles(cacheDir: string): Promise<string[]> {
  const entries = await readdir(path.join(cacheDir, "articles"), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Whether any file of `out` holds the script, raw or escaped once (as a feed carries HTML). */
async function holdsScript(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.filter((e) => e.isFile())) {
    const text = await readFile(path.join(entry.parentPath, entry.name), "latin1");
    if (text.includes("alert(1)")) found.push(entry.name);
  }
  return found;
}

describe("a cache rewritten by someone without its key is not believed", () => {
  it.each<[string, number[]]>([
    ["every body", [0]],
    ["every feed item with its full content", [1]],
    ["every feed item with its summary", [2]],
    ["bodies and items", [0, 1, 2]],
  ])("%s re-sealed with a plain SHA-256: the articles are prepared again, to the bytes of a cold build", async (_name, parts) => {
    const site = await makeSite(6);
    const { cacheDir, out } = await freshFolders();
    await buildSite(site, out, cacheDir);
    let forged = 0;
    for (const file of await articleFiles(cacheDir)) if (await resealWithScript(file, parts)) forged++;
    expect(forged).toBeGreaterThan(0);
    // A fresh output folder (as CI restores the cache, not the output): everything is made from the cache.
    const restored = path.join(await tempDir(), "output");
    const result = await buildSite(site, restored, cacheDir);
    expect(result.exitCode).toBe(0);
    expect(await holdsScript(restored)).toEqual([]);
    expect(await treeDigest(restored)).toEqual(await treeDigest(out));
  });

  it("a manifest re-sealed with a plain SHA-256 is not read: every article is prepared again", async () => {
    const site = await makeSite(4);
    const { cacheDir, out } = await freshFolders();
    await buildSite(site, out, cacheDir);
    const manifest = path.join(cacheDir, "manifest.bin");
    const bytes = await readFile(manifest);
    const magicLength = bytes.indexOf(10, bytes.indexOf(10) + 1) + 1;
    const payload = bytes.subarray(magicLength + 32);
    await writeFile(manifest, Buffer.concat([bytes.subarray(0, magicLength), createHash("sha256").update(payload).digest(), payload]));
    const result = await buildSite(site, path.join(await tempDir(), "output"), cacheDir);
    expect(result.cache).toMatchObject({ hits: 0, rebuilt: true });
  });
});

describe("a previous output file is kept only while it holds what the build that wrote it sealed", () => {
  const file = "feed.xml";

  const sameSizeScript = async (target: string) => {
    const before = await stat(target);
    const text = await readFile(target, "utf8");
    const at = text.indexOf("<title>") + "<title>".length;
    const forged = `${text.slice(0, at)}${payloadMarker}${text.slice(at + payloadMarker.length)}`;
    expect(forged.length).toBe(text.length);
    await writeFile(target, forged);
    await utimes(target, before.atime, before.mtime);
  };

  it.each<[string, string, (target: string) => Promise<void>, "cache" | "no cache"]>([
    ["feed.xml edited to hold a script, size and modification time put back (warm cache)", "feed.xml", sameSizeScript, "cache"],
    ["feed.xml cut to 200 bytes (warm cache)", "feed.xml", (target) => truncate(target, 200), "cache"],
    [
      "atom.xml cut to 200 bytes, mtime put back (warm cache)",
      "atom.xml",
      async (target) => {
        const before = await stat(target);
        await truncate(target, 200);
        await utimes(target, before.atime, before.mtime);
      },
      "cache",
    ],
    ["feed.xml edited to hold a script, no cache", "feed.xml", sameSizeScript, "no cache"],
    ["feed.xml cut to 200 bytes, no cache", "feed.xml", (target) => truncate(target, 200), "no cache"],
    [
      "index.html edited to hold a script, no cache",
      "index.html",
      async (target) => {
        const before = await stat(target);
        const text = await readFile(target, "utf8");
        await writeFile(target, text.replace("</body>", `${payloadMarker}</body>`));
        await utimes(target, before.atime, before.mtime);
      },
      "no cache",
    ],
  ])("%s: a warm build writes it again", async (_name, relative, change, cache) => {
    const site = await makeSite(5);
    const folders = await freshFolders();
    const cacheDir = cache === "cache" && folders.cacheDir;
    const { out } = folders;
    await buildSite(site, out, cacheDir);
    const cold = await treeDigest(out);
    expect(cold[relative]).toBeDefined();
    await change(path.join(out, relative));
    const warm = await buildSite(site, out, cacheDir);
    expect(warm.exitCode).toBe(0);
    expect(warm.written).toContain(relative);
    expect(await holdsScript(out)).toEqual([]);
    expect(await treeDigest(out)).toEqual(cold);
  });

  it("an untouched output is kept whole, and a file copied back with its bytes intact is kept", async () => {
    const site = await makeSite(5);
    const { cacheDir, out } = await freshFolders();
    await buildSite(site, out, cacheDir);
    expect((await buildSite(site, out, cacheDir)).written).toEqual([]);
    // Copied back (a new inode and change time, the same bytes): its hash still matches.
    const target = path.join(out, file);
    const bytes = await readFile(target);
    await writeFile(target, bytes);
    const warm = await buildSite(site, out, false);
    expect(warm.written).not.toContain(file);
  });
});
