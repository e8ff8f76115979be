import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packText, readStoredBody, readStoredItems, storeItems, storeRendered, unpackText, verifiedPart } from "../../src/build/incremental/article-cache.js";
import { tempDir } from "../helpers/build.js";

const curly = "“Quoted,” she said — and left. ".repeat(200);

describe("packText and unpackText", () => {
  it.each([
    ["a short string", "short"],
    ["a long string with curly quotes", curly],
    ["a long ASCII string", "plain ".repeat(100)],
    ["nested objects and arrays", { body: { html: `<p>${curly}</p>`, text: curly, firstParagraph: "x" }, list: [curly, 1, null, true] }],
    ["numbers, booleans and null", { count: 3, ok: false, none: null }],
    ["an empty object", {}],
  ])("gives back %s as it was", (_, value) => {
    expect(unpackText(packText(value))).toEqual(value);
  });

  it("keeps short strings as strings and turns long ones into UTF-8 bytes", () => {
    const packed = packText({ short: "“a”", long: curly }) as { short: unknown; long: unknown };
    expect(packed.short).toBe("“a”");
    expect(packed.long).toBeInstanceOf(Uint8Array);
    expect((packed.long as Uint8Array).byteLength).toBe(Buffer.byteLength(curly));
  });
});

describe("the stored body and items", () => {
  const key = "ab".padEnd(64, "0");

  it("take about one byte a character of curly-quoted text, not two, and read back whole", async () => {
    const cache = await tempDir();
    const rendered = { body: { html: `<p>${curly}</p>`, text: curly, firstParagraph: curly.slice(0, 80) }, summary: curly.slice(0, 200) };

    const inEvery = (value: string) => ({ rss: Buffer.from(value), atom: Buffer.from(value), json: Buffer.from(value) });
    const items = { full: inEvery(curly), summary: inEvery("s") };
    storeRendered(cache, key, rendered, { fingerprint: "fingerprint", items });
    const utf8 = (...texts: string[]) => texts.reduce((bytes, text) => bytes + Buffer.byteLength(text), 0);
    // V8 keeps such text two bytes a character: stored that way, the file would be near twice its UTF-8 bytes.
    const { html, text, firstParagraph } = rendered.body;
    const size = statSync(path.join(cache, "articles", "ab", `${key}.bin`)).size;
    expect(size).toBeLessThan(utf8(html, text, firstParagraph, rendered.summary, curly, curly, curly) * 1.1);
    expect(readStoredBody(cache, key)).toEqual(rendered);
    expect(readStoredItems(cache, key, "fingerprint", "full")).toEqual(items.full);
    expect(readStoredItems(cache, key, "fingerprint", "summary")).toEqual(items.summary);
  });
});

describe("an article's file", () => {
  const key = "cd".padEnd(64, "1");
  const rendered = { body: { html: "<p>The quay reopened.</p>", text: "The quay reopened.", firstParagraph: "The quay reopened." }, summary: "The quay." };
  const items = (text: string) => {
    const all = { rss: Buffer.from(text), atom: Buffer.from(text), json: Buffer.from(text) };
    return { full: all, summary: all };
  };

  it("keeps its body when its items are stored later, and takes the newest items", async () => {
    const cache = await tempDir();
    storeRendered(cache, key, rendered);
    expect(readStoredItems(cache, key, "first", "full")).toBeUndefined();
    storeItems(cache, key, { fingerprint: "first", items: items("<item>1</item>") });
    storeItems(cache, key, { fingerprint: "second", items: items("<item>2</item>") });
    expect(readStoredBody(cache, key)).toEqual(rendered);
    expect(readStoredItems(cache, key, "first", "full")).toBeUndefined();
    expect(readStoredItems(cache, key, "second", "full")?.rss.toString()).toBe("<item>2</item>");
  });

  it("holds items alone for an article whose body is not there, and reads as nothing once damaged", async () => {
    const cache = await tempDir();
    storeItems(cache, key, { fingerprint: "first", items: items("<item>1</item>") });
    expect(readStoredBody(cache, key)).toBeUndefined();
    expect(readStoredItems(cache, key, "first", "summary")?.json.toString()).toBe("<item>1</item>");
    const file = path.join(cache, "articles", "cd", `${key}.bin`);
    writeFileSync(file, readFileSync(file).subarray(0, -3));
    expect(readStoredItems(cache, key, "first", "summary")).toBeUndefined();
  });

  it("reads the items with the full content and those with the summary apart: damage to one leaves the other", async () => {
    const cache = await tempDir();
    const made = { full: items("<item>full text</item>").full, summary: items("<item>summary</item>").summary };
    storeRendered(cache, key, rendered, { fingerprint: "first", items: made });
    const file = path.join(cache, "articles", "cd", `${key}.bin`);
    const bytes = readFileSync(file);
    bytes.write("<item>FULL text</item>", bytes.indexOf("<item>full text</item>"));
    writeFileSync(file, bytes);
    expect(readStoredItems(cache, key, "first", "full")).toBeUndefined();
    expect(readStoredItems(cache, key, "first", "summary")?.atom.toString()).toBe("<item>summary</item>");
    expect(readStoredBody(cache, key)).toEqual(rendered);
  });

  it("checks the items' seal once a build, and again whenever the file is not the one checked", async () => {
    const cache = await tempDir();
    storeRendered(cache, key, rendered, { fingerprint: "first", items: items("<item>1</item>") });
    const file = path.join(cache, "articles", "cd", `${key}.bin`);
    const verified = new Map<string, string>();
    expect(readStoredItems(cache, key, "first", "full", verified)?.rss.toString()).toBe("<item>1</item>");
    expect(verified.size).toBe(1);
    // A forged item of the same length, put in place as the cache puts files (a new file renamed over): the seal is checked again.
    const bytes = readFileSync(file);
    const at = bytes.indexOf("<item>1</item>");
    bytes.write("<item>X</item>", at);
    writeFileSync(`${file}.forged`, bytes);
    renameSync(`${file}.forged`, file);
    expect(readStoredItems(cache, key, "first", "full", verified)).toBeUndefined();
    // Forged in place, the file keeps its inode but not its change time.
    storeRendered(cache, key, rendered, { fingerprint: "first", items: items("<item>1</item>") });
    expect(readStoredItems(cache, key, "first", "full", verified)?.rss.toString()).toBe("<item>1</item>");
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = readFileSync(file);
    again.write("<item>X</item>", again.indexOf("<item>1</item>"));
    writeFileSync(file, again);
    expect(readStoredItems(cache, key, "first", "full", verified)).toBeUndefined();
  });

  it("gives the stamp of the file it wrote: the one a read finds there, so the build that wrote it need not check its seals", async () => {
    const cache = await tempDir();
    const stamp = storeRendered(cache, key, rendered, { fingerprint: "first", items: items("<item>1</item>") });
    const found = new Map<string, string>();
    expect(readStoredItems(cache, key, "first", "summary", found)?.rss.toString()).toBe("<item>1</item>");
    expect(found.get(verifiedPart("summary", key))).toBe(stamp);
    // A file put in its place since has another stamp: its seal is checked, and a forged item refused.
    const seeded = new Map([[verifiedPart("full", key), stamp]]);
    const file = path.join(cache, "articles", "cd", `${key}.bin`);
    const bytes = readFileSync(file);
    bytes.write("<item>X</item>", bytes.indexOf("<item>1</item>"));
    writeFileSync(`${file}.forged`, bytes);
    renameSync(`${file}.forged`, file);
    expect(readStoredItems(cache, key, "first", "full", seeded)).toBeUndefined();
  });
});
