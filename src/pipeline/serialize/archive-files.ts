import { randomUUID } from "node:crypto";
import { createReadStream, rmSync } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Config } from "../../config/schema.js";
import type { FeedModel, Item } from "../model.js";
import { calendarDate, formatRfc3339 } from "../normalize/date.js";
import type { OutputContent } from "../write.js";
import { archiveFormatVersion, archiveJsonChunks, archiveNdjsonChunks, archiveSite, RecordLines } from "./archive.js";
import { type Digest, DigestedStream, gzipChunks, inputKey, type OutputReuse } from "./reuse.js";

/** Where the downloads' manifest, checksums and schema are published, relative to the output folder. */
export const archivePaths = {
  full: "archive.json",
  manifest: "archive/index.json",
  checksums: "archive/sha256sums.txt",
  schema: "archive.schema.json",
} as const;

/** One entry of archive/index.json. */
export interface ManifestEntry {
  path: string;
  scope: string;
  format: "json" | "ndjson";
  compression: "none" | "gzip";
  media_type: "application/json" | "application/x-ndjson" | "application/gzip";
  count: number;
  from: string | null;
  to: string | null;
  bytes: number;
  sha256: string;
}

const allNdjsonPath = "archive/all.ndjson";

interface Download {
  path: string;
  scope: string;
  format: "json" | "ndjson";
  items: readonly Item[];
}

/** The downloads: the full archive.json; per year a JSON and an NDJSON file; all.ndjson. Years as seen in the site's time zone. */
function plainDownloads(config: Config, items: readonly Item[]): Download[] {
  const byYear = new Map<string, Item[]>();
  for (const item of items) {
    const { year } = calendarDate(item.date, config.timeZone);
    byYear.set(year, [...(byYear.get(year) ?? []), item]);
  }
  const downloads: Download[] = [{ path: archivePaths.full, scope: "all", format: "json", items }];
  for (const [year, yearItems] of [...byYear].sort(([a], [b]) => (a < b ? -1 : 1))) {
    downloads.push({ path: `archive/${year}.json`, scope: year, format: "json", items: yearItems });
    downloads.push({ path: `archive/${year}.ndjson`, scope: year, format: "ndjson", items: yearItems });
  }
  downloads.push({ path: allNdjsonPath, scope: "all", format: "ndjson", items });
  return downloads;
}

/**
 * The gzip members of all.ndjson.gz: every year's .ndjson.gz, oldest year first as they are added.
 * A kept year is read from the previous output; a fresh one is copied to a spool file as it is
 * written, so that its bytes are compressed once and never held in memory.
 */
class GzipMembers {
  private readonly members: { kept?: string; spool?: { file: string; complete: boolean }; produce?: () => AsyncIterable<Uint8Array> }[] = [];
  private spoolDir: Promise<string> | undefined;
  private removeOnExit: (() => void) | undefined;

  constructor(private readonly reuse: OutputReuse) {}

  /** A year kept from the previous output. */
  addKept(file: string): void {
    this.members.push({ kept: file });
  }

  /** A year compressed anew: returns its stream, which also fills the member's spool file. */
  addFresh(produce: () => AsyncIterable<Uint8Array>): () => AsyncIterable<Uint8Array> {
    const member: (typeof this.members)[number] = { produce };
    this.members.push(member);
    const spoolDir = (): Promise<string> =>
      (this.spoolDir ??= mkdtemp(path.join(tmpdir(), "wirefeed-gzip-")).then((dir) => {
        // A build that fails before all.ndjson.gz is written still leaves no spool behind.
        this.removeOnExit = () => rmSync(dir, { recursive: true, force: true });
        process.once("exit", this.removeOnExit);
        return dir;
      }));
    return async function* () {
      // Only the first pass spools; a second one (a digest asked for before the write) just compresses.
      if (member.spool) return yield* produce();
      const spool: { file: string; complete: boolean } = { file: path.join(await spoolDir(), `${randomUUID()}.gz`), complete: false };
      member.spool = spool;
      const handle = await open(spool.file, "w");
      try {
        for await (const chunk of produce()) {
          await handle.write(chunk);
          yield chunk;
        }
      } finally {
        await handle.close();
      }
      spool.complete = true;
    };
  }

  /** all.ndjson.gz: the members, newest year first; `whole` compresses all.ndjson when there is no year. */
  async *concatenated(whole: () => AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    if (this.members.length === 0) return yield* whole();
    try {
      for (const member of [...this.members].reverse()) {
        const previous = member.kept === undefined ? undefined : this.reuse.previousPath(member.kept);
        if (previous !== undefined) yield* createReadStream(previous);
        else if (member.spool?.complete) yield* createReadStream(member.spool.file);
        else yield* member.produce!();
      }
    } finally {
      if (this.spoolDir) await rm(await this.spoolDir, { recursive: true, force: true });
      if (this.removeOnExit) process.off("exit", this.removeOnExit);
    }
  }
}

async function previousManifest(reuse: OutputReuse): Promise<Map<string, ManifestEntry>> {
  const text = await reuse.previousText(archivePaths.manifest);
  try {
    const manifest = JSON.parse(text ?? "") as { version?: unknown; files?: ManifestEntry[] };
    if (manifest.version !== archiveFormatVersion || !Array.isArray(manifest.files)) return new Map();
    return new Map(manifest.files.map((entry) => [entry.path, entry]));
  } catch {
    return new Map();
  }
}

/**
 * The archive downloads, each with a gzip twin (except archive.json), the manifest and the
 * checksums. Every download is a stream; one whose articles did not change is the previous file,
 * kept (neither rewritten nor recompressed), so its bytes stay identical from build to build.
 * @param fingerprint a hash of one item's record, which decides whether a file changed
 */
export async function archiveFiles(
  model: FeedModel,
  fingerprint: (item: Item) => string,
  reuse: OutputReuse,
): Promise<Map<string, OutputContent>> {
  const { config, items } = model;
  const files = new Map<string, OutputContent>();
  const before = await previousManifest(reuse);
  // Digests are asked for only when the manifest is written: asking earlier would hash every file twice.
  const entries: { entry: Omit<ManifestEntry, "bytes" | "sha256">; digest: () => Promise<Digest> }[] = [];
  const settings = JSON.stringify(config);

  const keep = async (path: string, key: string): Promise<(() => Promise<Digest>) | undefined> => {
    const previous = before.get(path);
    if (!(await reuse.unchanged(path, key, previous?.bytes)) || !previous) return undefined;
    files.set(path, { reuse: true });
    return async () => ({ bytes: previous.bytes, sha256: previous.sha256 });
  };

  const stream = (path: string, produce: () => AsyncIterable<string | Uint8Array>): (() => Promise<Digest>) => {
    const streamed = new DigestedStream(produce);
    files.set(path, streamed.content());
    return () => streamed.digest();
  };

  const downloads = plainDownloads(config, items);
  const lines = new RecordLines(config.timeZone);
  const keyOf = (download: Download) =>
    inputKey(["archive", String(archiveFormatVersion), download.format, settings, ...download.items.map(fingerprint)]);
  // all.ndjson.gz is the years' NDJSON gzip files end to end, newest year first: a valid gzip file
  // (one member a year) that decompresses to all.ndjson, so a year kept as it is is never recompressed.
  const allGzipPath = `${allNdjsonPath}.gz`;
  const members = new GzipMembers(reuse);
  const allGzipKept = await keep(allGzipPath, inputKey([keyOf(downloads.find((download) => download.path === allNdjsonPath)!), "gzip"]));

  for (const download of downloads) {
    const chunks = () => (download.format === "json" ? archiveJsonChunks : archiveNdjsonChunks)(config, download.items, lines);
    const key = keyOf(download);
    const describe = (path: string, compression: ManifestEntry["compression"]) => ({
      path,
      scope: download.scope,
      format: download.format,
      compression,
      media_type: compression === "gzip" ? "application/gzip" : download.format === "json" ? "application/json" : "application/x-ndjson",
      count: download.items.length,
      from: download.items.length ? formatRfc3339(download.items.at(-1)!.date, config.timeZone) : null,
      to: download.items.length ? formatRfc3339(download.items[0]!.date, config.timeZone) : null,
    }) as const;

    const digest =
      (await keep(download.path, key)) ??
      stream(download.path, async function* () {
        yield* chunks();
      });
    entries.push({ entry: describe(download.path, "none"), digest });
    if (download.path === archivePaths.full) continue;

    const gzipPath = `${download.path}.gz`;
    let gzipDigest: () => Promise<Digest>;
    if (gzipPath === allGzipPath) {
      gzipDigest = allGzipKept ?? stream(gzipPath, () => members.concatenated(() => gzipChunks(chunks)));
    } else {
      const kept = await keep(gzipPath, inputKey([key, "gzip"]));
      const isMember = download.format === "ndjson" && !allGzipKept;
      if (kept) {
        if (isMember) members.addKept(gzipPath);
        gzipDigest = kept;
      } else {
        gzipDigest = stream(gzipPath, isMember ? members.addFresh(() => gzipChunks(chunks)) : () => gzipChunks(chunks));
      }
    }
    entries.push({ entry: describe(gzipPath, "gzip"), digest: gzipDigest });
  }

  let manifest: Promise<ManifestEntry[]> | undefined;
  const manifestEntries = () =>
    (manifest ??= Promise.all(entries.map(async ({ entry, digest }) => ({ ...entry, ...(await digest()) }))).then((resolved) =>
      resolved.sort((a, b) => (a.path < b.path ? -1 : 1)),
    ));
  // Streams that wait for the downloads' digests: written after them (paths sort after theirs), never built before.
  files.set(archivePaths.manifest, {
    stream: async function* () {
      const document = {
        format: "wirefeed-archive-manifest",
        version: archiveFormatVersion,
        site: archiveSite(config),
        schema: new URL(archivePaths.schema, config.url).href,
        count: items.length,
        files: await manifestEntries(),
      };
      yield `${JSON.stringify(document, null, 2)}\n`;
    },
  });
  files.set(archivePaths.checksums, {
    stream: async function* () {
      // Paths relative to archive/, so that `sha256sum -c sha256sums.txt` works from inside it.
      for (const entry of await manifestEntries()) yield `${entry.sha256}  ${entry.path.startsWith("archive/") ? entry.path.slice(8) : `../${entry.path}`}\n`;
    },
  });
  return files;
}
