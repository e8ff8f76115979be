import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { archiveJsonSchema } from "../../src/formats/archive/schema.js";
import { repoRoot } from "../helpers/build.js";
import { buildCorpus, corpusConfig, writeCorpus } from "./corpus.js";

const articleCount = 300;

interface Entry {
  path: string;
  scope: string;
  format: string;
  compression: string;
  count: number;
  from: string | null;
  to: string | null;
  bytes: number;
  sha256: string;
}
interface ArchiveRow {
  id: string;
  date_published: string;
  tags: { name: string; slug: string }[];
}

let out: string;
let schema: object;
let manifest: { files: Entry[]; count: number; schema: string; site: { url: string } };
const read = (file: string) => readFile(path.join(out, file));
const json = async (file: string) => JSON.parse(await read(file).then(String));
const ndjson = async (file: string): Promise<ArchiveRow[]> => {
  const text = String(await read(file));
  expect(text.endsWith("\n") || text === "").toBe(true);
  return text === ""
    ? []
    : text
        .slice(0, -1)
        .split("\n")
        .map((line) => JSON.parse(line));
};
const ids = (records: readonly ArchiveRow[]) => records.map((record) => record.id);

beforeAll(async () => {
  const dir = await writeCorpus(articleCount);
  ({ out } = await buildCorpus(dir));
  schema = await json("archive.schema.json");
  manifest = await json("archive/index.json");
});

describe("archive.schema.json", () => {
  const compile = () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    ajv.addSchema(schema, "archive.schema.json");
    return {
      file: ajv.getSchema("archive.schema.json")!,
      record: ajv.compile({ $ref: "archive.schema.json#/$defs/record" }),
    };
  };

  it("is the schema the code publishes, and the one kept in schema/ (UPDATE=1 rewrites it)", async () => {
    expect(schema).toEqual(archiveJsonSchema());
    const published = path.join(repoRoot, "schema/archive.schema.json");
    if (process.env.UPDATE === "1") {
      const { writeFile } = await import("node:fs/promises");
      await writeFile(published, `${JSON.stringify(archiveJsonSchema(), null, 2)}\n`);
    }
    expect(JSON.parse(await readFile(published, "utf8"))).toEqual(schema);
  });

  it("validates every archive JSON file, the manifest and the tag index", async () => {
    const { file } = compile();
    const years = (await readdir(path.join(out, "archive"))).filter((name) => /^\d{4}\.json$/.test(name));
    expect(years.length).toBeGreaterThanOrEqual(4);
    for (const name of ["archive.json", ...years.map((year) => `archive/${year}`), "archive/index.json", "tags/index.json"]) {
      const valid = file(await json(name));
      expect({ name, errors: valid ? null : file.errors }).toEqual({ name, errors: null });
    }
  });

  it("validates every line of every NDJSON file as one record", async () => {
    const { record } = compile();
    const files = manifest.files.filter((entry) => entry.format === "ndjson" && entry.compression === "none");
    let lines = 0;
    for (const entry of files) {
      for (const line of await ndjson(entry.path)) {
        lines++;
        if (!record(line as unknown)) expect({ file: entry.path, id: line.id, errors: record.errors }).toBeNull();
      }
    }
    expect(lines).toBe(articleCount * 2);
  });

  it.each([
    ["a record without an id", (doc: { articles: object[] }) => delete (doc.articles[0] as { id?: string }).id],
    ["a record with an unknown key", (doc: { articles: object[] }) => Object.assign(doc.articles[0]!, { extra: 1 })],
    ["a date that is not RFC 3339", (doc: { articles: object[] }) => Object.assign(doc.articles[0]!, { date_published: "25 Feb 2022" })],
    ["a wrong format version", (doc: { version: number }) => (doc.version = 99)],
  ])("rejects %s", async (_name, spoil) => {
    const { file } = compile();
    const document = await json("archive.json");
    expect(file(document)).toBe(true);
    spoil(document);
    expect(file(document)).toBe(false);
  });
});

describe("the manifest", () => {
  it("lists archive.json and every file in archive/ but itself and the checksums", async () => {
    const listed = manifest.files.map((entry) => entry.path).sort();
    const present = (await readdir(path.join(out, "archive")))
      .filter((name) => name !== "index.json" && name !== "sha256sums.txt")
      .map((name) => `archive/${name}`);
    expect(listed).toEqual(["archive.json", ...present].sort());
    expect(manifest.count).toBe(articleCount);
    expect(manifest.schema).toBe(new URL("archive.schema.json", corpusConfig.url).href);
    expect(manifest.site.url).toBe(corpusConfig.url);
  });

  it("gives each file's true size, SHA-256, count and date range", async () => {
    for (const entry of manifest.files) {
      const bytes = await read(entry.path);
      expect({ path: entry.path, bytes: entry.bytes, sha256: entry.sha256 }).toEqual({
        path: entry.path,
        bytes: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      });
      const plain = entry.compression === "gzip" ? gunzipSync(bytes) : bytes;
      const records: ArchiveRow[] =
        entry.format === "json"
          ? JSON.parse(String(plain)).articles
          : String(plain)
              .trimEnd()
              .split("\n")
              .map((line) => JSON.parse(line));
      const dates = records.map((record) => record.date_published).sort((a, b) => Date.parse(a) - Date.parse(b));
      expect({ path: entry.path, count: entry.count, from: entry.from, to: entry.to }).toEqual({
        path: entry.path,
        count: records.length,
        from: dates[0],
        to: dates.at(-1),
      });
    }
  });

  it("has checksums that `sha256sum -c` accepts from inside archive/", () => {
    const run = spawnSync("sha256sum", ["-c", "sha256sums.txt"], { cwd: path.join(out, "archive"), encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const ok = run.stdout.trim().split("\n");
    expect(ok).toHaveLength(manifest.files.length);
    expect(ok.every((line) => line.endsWith(": OK"))).toBe(true);
  });
});

describe("the downloads", () => {
  it("year files partition the archive: every article once, in the year of its date", async () => {
    const all = (await json("archive.json")).articles as ArchiveRow[];
    expect(all).toHaveLength(articleCount);
    expect(new Set(ids(all)).size).toBe(articleCount);
    const years = manifest.files.filter((entry) => /^\d{4}$/.test(entry.scope) && entry.format === "json" && entry.compression === "none");
    const seen: string[] = [];
    for (const entry of years) {
      const document = await json(entry.path);
      expect(document.count).toBe(document.articles.length);
      for (const record of document.articles as ArchiveRow[]) expect(record.date_published.slice(0, 4)).toBe(entry.scope);
      seen.push(...ids(document.articles));
      // The NDJSON twin holds the same records in the same order.
      expect(await ndjson(entry.path.replace(/\.json$/, ".ndjson"))).toEqual(document.articles);
    }
    expect(seen.sort()).toEqual(ids(all).sort());
    expect(await ndjson("archive/all.ndjson")).toEqual(all);
  });

  it("keeps every file newest first", async () => {
    const all = (await json("archive.json")).articles as ArchiveRow[];
    const times = all.map((record) => Date.parse(record.date_published));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("gzip twins decompress to their plain twin, with no file name and a zero mtime", async () => {
    const twins = manifest.files.filter((entry) => entry.compression === "gzip");
    expect(twins.length).toBeGreaterThanOrEqual(9);
    for (const entry of twins) {
      const gz = await read(entry.path);
      expect(gz.subarray(0, 3)).toEqual(Buffer.from([0x1f, 0x8b, 8]));
      expect({ path: entry.path, flags: gz[3], mtime: gz.readUInt32LE(4) }).toEqual({ path: entry.path, flags: 0, mtime: 0 });
      expect(gunzipSync(gz).equals(await read(entry.path.slice(0, -3)))).toBe(true);
    }
  });
});

describe("a site with no published article", () => {
  it("still publishes a valid, empty archive with its manifest and checksums", async () => {
    const dir = await writeCorpus(0);
    const { out: empty } = await buildCorpus(dir);
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(archiveJsonSchema());
    const archive = JSON.parse(await readFile(path.join(empty, "archive.json"), "utf8"));
    const index = JSON.parse(await readFile(path.join(empty, "archive/index.json"), "utf8"));
    expect(validate(archive) && validate(index)).toBe(true);
    expect(archive).toMatchObject({ count: 0, newest: null, articles: [] });
    expect(index.files.map((entry: Entry) => [entry.path, entry.count, entry.from, entry.bytes])).toEqual([
      ["archive.json", 0, null, (await readFile(path.join(empty, "archive.json"))).length],
      ["archive/all.ndjson", 0, null, 0],
      ["archive/all.ndjson.gz", 0, null, (await readFile(path.join(empty, "archive/all.ndjson.gz"))).length],
    ]);
    expect(gunzipSync(await readFile(path.join(empty, "archive/all.ndjson.gz"))).length).toBe(0);
    expect(spawnSync("sha256sum", ["-c", "sha256sums.txt"], { cwd: path.join(empty, "archive") }).status).toBe(0);
  });
});
