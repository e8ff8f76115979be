import { describe, expect, it } from "vitest";
import { itemsByYear, readableSize, renderArchivePage } from "../../src/formats/pages/archive.js";
import { meta, model, parse, select, texts } from "./model.js";

describe("readableSize", () => {
  it.each([
    [0, "0 bytes"],
    [1, "1 byte"],
    [999, "999 bytes"],
    [1000, "1.0 kB"],
    [4_210, "4.2 kB"],
    [999_949, "999.9 kB"],
    [999_950, "1.0 MB"],
    [1_300_000_000, "1.3 GB"],
  ])("%i bytes is %s", (bytes, shown) => {
    expect(readableSize(bytes)).toBe(shown);
  });
});

describe("the archive page", () => {
  // 19:00 UTC on New Year's Eve is already the new year in Kolkata.
  const site = model([meta("a", "2021-12-31T19:00:00Z"), meta("b", "2021-06-01T10:00:00Z"), meta("c", "2020-03-01T10:00:00Z")]);
  const manifest = [
    {
      path: "archive.json",
      scope: "all",
      format: "json",
      compression: "none",
      media_type: "application/json",
      count: 3,
      from: null,
      to: null,
      bytes: 5120,
      sha256: "ab".repeat(32),
    },
    {
      path: "archive/2022.ndjson.gz",
      scope: "2022",
      format: "ndjson",
      compression: "gzip",
      media_type: "application/gzip",
      count: 1,
      from: null,
      to: null,
      bytes: 300,
      sha256: "cd".repeat(32),
    },
  ] as const;

  it("groups by year in the site's zone, newest first", () => {
    expect(itemsByYear(site).map(([year, items]) => [year, items.map((item) => item.slug)])).toEqual([
      ["2022", ["a"]],
      ["2021", ["b"]],
      ["2020", ["c"]],
    ]);
  });

  it("lists the years with counts, and every download with its count, size and checksum", () => {
    const tree = parse(renderArchivePage(site, [...manifest]));
    expect(texts(select(tree, "ul", { className: "years" }))).toEqual(["2022 (1 article)\n2021 (1 article)\n2020 (1 article)"]);
    expect(
      select(tree, "tr")
        .slice(1)
        .map((row) => texts(select({ type: "root", children: [row] }, "td"))),
    ).toEqual([
      ["archive.json", "3", "5.1 kB", "ab".repeat(32)],
      ["archive/2022.ndjson.gz", "1", "300 bytes", "cd".repeat(32)],
    ]);
    expect(select(tree, "a").map((link) => link.properties.href)).toEqual(
      expect.arrayContaining(["../archive.json", "2022.ndjson.gz", "2022/", "sha256sums.txt"]),
    );
  });
});
