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

/** An archive JSON file of `count` items written to a file, with the index its writing left. */
function writtenArchive(count: number, year = "2024") {
  const items = Array.from({ length: count }, (_, index) =>
    makeItem({ id: `tag:news.example.org,${year}:${index}`, title: `Story “${index}”`, html: `<p>Body ${index} — ${"text ".repeat(index * 40)}</p>` }),
  );
  const lines = new RecordLines(config.timeZone);
  const file = path.join(tempDirSync(), `${year}.json`);
  writeFileSync(file, Buffer.concat([...archiveJsonChunks(config, items, lines)]));
  return { items, file, index: lines.index(config, items, fingerprint) };
}

describe("the line index of an archive JSON file", () => {
  it.each([1, 2, 7])("describes the file written with %i records: its size, and each record's bytes", (count) => {
    const { items, file, index } = writtenArchive(count);
    expect(index).toBeDefined();
    expect(indexedSize(index!)).toBe(statSync(file).size);
    const previous = new PreviousLines([{ file, index: index! }]);
    for (const item of items) expect(previous.read(fingerprint(item))?.toString()).toBe(recordLine(item, config.timeZone));
    previous.close();
  });

  it("finds each record in whichever of several files holds it, asked for in any order", () => {
    const years = ["2023", "2024"].map((year) => writtenArchive(4, year));
    const previous = new PreviousLines(years.map(({ file, index }) => ({ file, index: index! })));
    const items = [years[1]!.items[2]!, years[0]!.items[0]!, years[1]!.items[0]!, years[0]!.items[3]!, years[0]!.items[1]!];
    for (const item of items) expect(previous.read(fingerprint(item))?.toString()).toBe(recordLine(item, config.timeZone));
    previous.close();
  });

  it("is not taken for a file of another size", () => {
    const { file, index } = writtenArchive(3);
    writeFileSync(file, `${readFileSync(file, "utf8")} `);
    expect(indexedSize(index!)).not.toBe(statSync(file).size);
  });

  it("reads nothing where the bytes are not a record, or the fingerprint is not indexed", () => {
    const { items, file, index } = writtenArchive(3);
    writeFileSync(file, Buffer.alloc(statSync(file).size, "x"));
    const previous = new PreviousLines([{ file, index: index! }]);
    expect(previous.read(fingerprint(items[1]!))).toBeUndefined();
    expect(previous.read("fp-unknown")).toBeUndefined();
  });

  it("copies the records of an archive larger than its read block byte for byte, in the file's order or any other", () => {
    // 2.4 MB of records: the previous file is read through its one block several times over.
    const items = Array.from({ length: 80 }, (_, index) =>
      makeItem({ id: `tag:news.example.org,2024:${index}`, title: `Story ${index}`, html: `<p>${`Body ${index} “quoted”. `.repeat(1500)}</p>` }),
    );
    const made = new RecordLines(config.timeZone);
    const file = path.join(tempDirSync(), "archive.json");
    const original = Buffer.concat([...archiveJsonChunks(config, items, made)]);
    writeFileSync(file, original);
    const copied = (order: typeof items) => {
      const lines = new RecordLines(config.timeZone, 0, { lines: new PreviousLines([{ file, index: made.index(config, items, fingerprint)! }]), fingerprint });
      const bytes = Buffer.concat([...archiveJsonChunks(config, order, lines)]);
      lines.close();
      return bytes;
    };
    expect(original.length).toBeGreaterThan(2_000_000);
    expect(copied(items).equals(original)).toBe(true);
    const shuffled = items.filter((_, index) => index % 3 !== 1).reverse();
    expect(copied(shuffled).equals(Buffer.concat([...archiveJsonChunks(config, shuffled)]))).toBe(true);
  });

  it("is made only once every record was made", () => {
    const { items } = writtenArchive(2);
    expect(new RecordLines(config.timeZone).index(config, items, fingerprint)).toBeUndefined();
  });
});
