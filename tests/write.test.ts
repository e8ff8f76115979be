import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { type OutputContent, type OutputFiles, recoverOutput, spoolFolder, writeOutput } from "../src/build/stages/write.js";
import { journalFileOf } from "../src/build/incremental/output-state.js";
import { hashTree } from "./faults/tree.js";
import { tempDir } from "./helpers/temp.js";

it("writes files made on other threads in their order, not their paths', beside the others", async () => {
  const root = await tempDir("wirefeed-write-");
  const started: string[] = [];
  const made = (name: string, order?: number): OutputContent => ({
    stream: async function* () {
      started.push(name);
      yield `${name}\n`;
    },
    ...(order === undefined ? {} : { offThread: { order } }),
  });
  // Page by page, as documents come: the path order would take every RSS page before any Atom page.
  // One folder, so that no document waits longer than another for its folder to be made.
  const documents = ["feeds/rss-1.xml", "feeds/atom-1.xml", "feeds/json-1.json", "feeds/rss-2.xml", "feeds/atom-2.xml", "feeds/json-2.json"];
  const files: OutputFiles = new Map<string, OutputContent>([
    ["archive.json", made("archive.json")],
    ["feed.xml", "<rss/>\n"],
    ...documents.map((name, order) => [name, made(name, order)] as const),
  ]);
  await writeOutput(path.join(root, "out"), files);
  expect(started.filter((name) => documents.includes(name))).toEqual(documents);
  for (const name of [...documents, "archive.json"]) expect(await readFile(path.join(root, "out", name), "utf8")).toBe(`${name}\n`);
  expect(await readFile(path.join(root, "out", "feed.xml"), "utf8")).toBe("<rss/>\n");
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
