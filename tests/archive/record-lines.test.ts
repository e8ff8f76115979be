// An edit copies the unchanged records of the previous archive JSON files instead of serializing
// every article again: the line index must find each record's bytes there, and nothing else.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { archiveJsonChunks, indexedSize, PreviousLines, RecordLines, recordLine } from "../../src/formats/archive/records.js";
import { tempDirSync } from "../helpers/temp.js";
import { makeItem, siteConfig } from "../serialize/pages.js";

const config = siteConfig();
const fingerprint = (item: { id: string }) => `fp-${item.id}`;

/** A file's bytes from its chunks. */
async function joined(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return Buffer.concat(all);
}

/** An archive JSON file of `count` items written to a file, with the index its writing left. */
async function writtenArchive(count: number, year = "2024") {
  const items = Array.from({ length: count }, (_, index) =>
    makeItem({ id: `tag:news.example.org,${year}:${index}`, title: `Story “${index}”`, html: `<p>Body ${index} — ${"text ".repeat(index * 40)}</p>` }),
  );
  const lines = new RecordLines(config.timeZone);
  const file = path.join(tempDirSync(), `${year}.json`);
  writeFileSync(file, await joined(archiveJsonChunks(config, items, lines)));
  return { items, file, index: lines.index(config, items, fingerprint) };
}

describe("the line index of an archive JSON file", () => {
  it.each([1, 2, 7])("describes the file written with %i records: its size, and each record's bytes", async (count) => {
    const { items, file, index } = await writtenArchive(count);
    expect(index).toBeDefined();
    expect(indexedSize(index!)).toBe(statSync(file).size);
    const previous = new PreviousLines([{ file, index: index! }]);
    for (const item of items) expect(previous.read(fingerprint(item))?.toString()).toBe(recordLine(item, config.timeZone));
    previous.close();
  });

  it("finds each record in whichever of several files holds it, asked for in any order", async () => {
    const years = await Promise.all(["2023", "2024"].map((year) => writtenArchive(4, year)));
    const previous = new PreviousLines(years.map(({ file, index }) => ({ file, index: index! })));
    const items = [years[1]!.items[2]!, years[0]!.items[0]!, years[1]!.items[0]!, years[0]!.items[3]!, years[0]!.items[1]!];
    for (const item of items) expect(previous.read(fingerprint(item))?.toString()).toBe(recordLine(item, config.timeZone));
    previous.close();
  });

  it("is not taken for a file of another size", async () => {
    const { file, index } = await writtenArchive(3);
    writeFileSync(file, `${readFileSync(file, "utf8")} `);
    expect(indexedSize(index!)).not.toBe(statSync(file).size);
  });

  it("reads nothing where the bytes are not a record, or the fingerprint is not indexed", async () => {
    const { items, file, index } = await writtenArchive(3);
    writeFileSync(file, Buffer.alloc(statSync(file).size, "x"));
    const previous = new PreviousLines([{ file, index: index! }]);
    expect(previous.read(fingerprint(items[1]!))).toBeUndefined();
    expect(previous.read("fp-unknown")).toBeUndefined();
  });

  it("copies the records of an archive larger than its read block byte for byte, in the file's order or any other", async () => {
    // 2.4 MB of records: the previous file is read through its one block several times over.
    const items = Array.from({ length: 80 }, (_, index) =>
      makeItem({ id: `tag:news.example.org,2024:${index}`, title: `Story ${index}`, html: `<p>${`Body ${index} “quoted”. `.repeat(1500)}</p>` }),
    );
    const made = new RecordLines(config.timeZone);
    const file = path.join(tempDirSync(), "archive.json");
    const original = await joined(archiveJsonChunks(config, items, made));
    writeFileSync(file, original);
    const copied = async (order: typeof items) => {
      const lines = new RecordLines(config.timeZone, 0, { lines: new PreviousLines([{ file, index: made.index(config, items, fingerprint)! }]), fingerprint });
      const bytes = await joined(archiveJsonChunks(config, order, lines));
      lines.close();
      return bytes;
    };
    expect(original.length).toBeGreaterThan(2_000_000);
    expect((await copied(items)).equals(original)).toBe(true);
    const shuffled = items.filter((_, index) => index % 3 !== 1).reverse();
    expect((await copied(shuffled)).equals(await joined(archiveJsonChunks(config, shuffled)))).toBe(true);
  });

  it("copies records into two files streamed at once, each line whole, the previous file's block read in turn by both", async () => {
    const items = Array.from({ length: 60 }, (_, index) =>
      makeItem({ id: `tag:news.example.org,2024:${index}`, title: `Story ${index}`, html: `<p>${`Body ${index}. `.repeat(4000)}</p>` }),
    );
    const made = new RecordLines(config.timeZone);
    const file = path.join(tempDirSync(), "archive.json");
    const original = await joined(archiveJsonChunks(config, items, made));
    writeFileSync(file, original);
    const lines = new RecordLines(config.timeZone, 0, { lines: new PreviousLines([{ file, index: made.index(config, items, fingerprint)! }]), fingerprint });
    const [forwards, backwards] = await Promise.all([
      joined(archiveJsonChunks(config, items, lines)),
      joined(archiveJsonChunks(config, [...items].reverse(), lines)),
    ]);
    lines.close();
    expect(forwards.equals(original)).toBe(true);
    expect(backwards.equals(await joined(archiveJsonChunks(config, [...items].reverse())))).toBe(true);
  });

  it("takes the lines made elsewhere for the records the previous files lack, and makes no line twice", async () => {
    const items = Array.from({ length: 150 }, (_, index) => makeItem({ id: `tag:news.example.org,2024:${index}`, title: `Story ${index}` }));
    const asked: string[] = [];
    const lines = new RecordLines(config.timeZone, undefined, undefined, async (item) => {
      asked.push(item.id);
      return Buffer.from(recordLine(item, config.timeZone));
    });
    const bytes = await joined(archiveJsonChunks(config, items, lines));
    expect(bytes.equals(await joined(archiveJsonChunks(config, items)))).toBe(true);
    expect(asked).toEqual(items.map((item) => item.id));
    // The same lines in a second file (a year's NDJSON beside its JSON) are the ones kept, not made again.
    await joined(archiveJsonChunks(config, items, lines));
    expect(asked).toHaveLength(items.length);
  });

  it("is made only once every record was made", async () => {
    const { items } = await writtenArchive(2);
    expect(new RecordLines(config.timeZone).index(config, items, fingerprint)).toBeUndefined();
  });
});
