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

/** Every string in `value` with `replace` applied, the shape kept (Maps, Dates, arrays, objects). */
function rewrite(value: unknown, replace: (text: string) => string): unknown {
  if (typeof value === "string") return replace(value);
  if (value instanceof Map) return new Map([...value].map(([key, entry]) => [key, rewrite(entry, replace)]));
  if (Array.isArray(value)) return value.map((entry) => rewrite(entry, replace));
  if (value && typeof value === "object" && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, rewrite(entry, replace)]));
  return value;
}

/**
 * Does what anyone who can write the cache folder can: parses a sealed file (its magic is two
 * lines, then a 32-byte digest, then a V8 payload), puts a script into the text, and seals it again
 * as the old code did, with the SHA-256 of the new payload.
 */
async function resealWithScript(file: string): Promise<boolean> {
  const bytes = await readFile(file);
  const magicLength = bytes.indexOf(10, bytes.indexOf(10) + 1) + 1;
  const value = deserialize(bytes.subarray(magicLength + 32));
  let changed = false;
  const forged = rewrite(value, (text) => {
    const next = text.replace(/(<p>|&lt;p&gt;)/, (tag) => `${tag}${tag.startsWith("<") ? payloadMarker : "&lt;script&gt;alert(1)&lt;/script&gt;"}`);
    changed ||= next !== text;
    return next;
  });
  if (!changed) return false;
  const payload = serialize(forged);
  await writeFile(file, Buffer.concat([bytes.subarray(0, magicLength), createHash("sha256").update(payload).digest(), payload]));
  return true;
}

async function cacheFiles(cacheDir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(path.join(cacheDir, "articles"), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(suffix)).map((entry) => path.join(entry.parentPath, entry.name));
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
  it.each<[string, string[]]>([
    ["every body", [".bin"]],
    ["every feed item", [".items.bin"]],
    ["bodies and items", [".bin", ".items.bin"]],
  ])("%s re-sealed with a plain SHA-256: the articles are prepared again, to the bytes of a cold build", async (_name, suffixes) => {
    const site = await makeSite(6);
    const { cacheDir, out } = await freshFolders();
    await buildSite(site, out, cacheDir);
    let forged = 0;
    for (const suffix of suffixes)
      for (const file of await cacheFiles(cacheDir, suffix))
        if ((suffix === ".bin" ? !file.endsWith(".items.bin") : true) && (await resealWithScript(file))) forged++;
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
