import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { type OutputContent, type OutputFiles, OutputTooLarge, recoverOutput, spoolFolder, writeOutput } from "../src/build/stages/write.js";
import { journalFileOf } from "../src/build/incremental/output-state.js";
import { hashTree } from "./faults/tree.js";
import { tempDir } from "./helpers/temp.js";

it("refuses an output larger than maxBytes before writing any of it, when every size is known", async () => {
  const root = await tempDir("wirefeed-write-");
  const out = path.join(root, "out");
  await writeOutput(out, new Map<string, OutputContent>([["feed.xml", "<rss/>\n"]]));
  const files: OutputFiles = new Map<string, OutputContent>([
    ["a.json", "x".repeat(60)],
    ["b.json", Buffer.alloc(50)],
    ["feed.xml", { reuse: true }],
  ]);
  const refused = writeOutput(out, files, { maxBytes: 110 });
  await expect(refused).rejects.toBeInstanceOf(OutputTooLarge);
  await expect(refused).rejects.toMatchObject({ bytes: 117, limit: 110, complete: true });
  expect((await readdir(root)).filter((name) => name !== ".wirefeed")).toEqual(["out"]);
  expect(await readdir(out)).toEqual(["feed.xml"]);
  // Streamed files are counted as they are made: the one that passes the limit stops the write.
  const streamed = new Map<string, OutputContent>([
    ["a.json", "x".repeat(60)],
    [
      "b.ndjson",
      {
        stream: async function* () {
          for (let line = 0; line < 10; line++) yield "0123456789\n";
        },
      },
    ],
  ]);
  await expect(writeOutput(out, streamed, { maxBytes: 110 })).rejects.toMatchObject({ limit: 110, complete: false });
  expect((await readdir(root)).filter((name) => name !== ".wirefeed")).toEqual(["out"]);
  expect(await readdir(out)).toEqual(["feed.xml"]);
  await writeOutput(out, streamed, { maxBytes: 170 });
  expect((await readFile(path.join(out, "b.ndjson"), "utf8")).length).toBe(110);
});

it("clears the spools a killed build left beside the output, never this build's own", async () => {
  const root = await tempDir("wirefeed-write-");
  const out = path.join(root, "output");
  const own = spoolFolder(out);
  expect(path.dirname(own)).toBe(root);
  const killed = path.join(root, ".output.spool-999999");
  for (const folder of [own, killed]) {
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "twin.gz"), "spooled");
  }
  await recoverOutput(out);
  expect((await readdir(root)).sort()).toEqual([path.basename(own)]);
});

it("undoes a switch that fails half-way: the previous output comes back byte for byte, other files untouched", async () => {
  const root = await tempDir("wirefeed-write-");
  const out = path.join(root, "out");
  await writeOutput(
    out,
    new Map<string, OutputContent>([
      ["a.txt", "old a\n"],
      ["b/c.txt", "old c\n"],
    ]),
  );
  await writeFile(path.join(out, "z"), "another tool's file\n");
  const before = await hashTree(out);
  // z/x.txt cannot be made once a.txt has been replaced: z is a file.
  await expect(
    writeOutput(
      out,
      new Map<string, OutputContent>([
        ["a.txt", "new a\n"],
        ["z/x.txt", "x\n"],
      ]),
    ),
  ).rejects.toThrow();
  expect(await hashTree(out)).toEqual(before);
  expect(existsSync(journalFileOf(out))).toBe(false);
  expect((await readdir(root)).sort()).toEqual([".wirefeed", "out"]);
  // The state still says what the previous build wrote, so the next build may replace it.
  await writeOutput(out, new Map<string, OutputContent>([["a.txt", "new a\n"]]));
  expect(await hashTree(out)).toEqual({ "a.txt": expect.any(String), z: before!.z });
  expect(await readFile(path.join(out, "a.txt"), "utf8")).toBe("new a\n");
});
