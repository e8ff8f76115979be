import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream, rmSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip, type Gzip } from "node:zlib";
import type { Config } from "../../config/schema.js";
import type { FeedModel, Item } from "../../build/stages/model.js";
import { calendarYear, formatRfc3339 } from "../../text/date.js";
import type { OutputContent } from "../../build/stages/write.js";
import {
  archiveFormatVersion,
  archiveJsonChunks,
  archiveNdjsonChunks,
  archiveSite,
  indexedSize,
  type LineIndex,
  PreviousLines,
  RecordLines,
} from "./records.js";
import { inputKey, type PreviousOutput, settingsKey } from "../../build/incremental/previous-output.js";
import { type Digest, DigestedStream, gzipChunks, gzipOptions } from "./gzip.js";
import { archivePaths } from "./paths.js";

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

/**
 * The downloads, as `outputs` asks: archive.json and all.ndjson, each with every article, and per
 * year a JSON and an NDJSON file. Years as seen in the site's time zone.
 */
function plainDownloads(config: Config, items: readonly Item[]): Download[] {
  const { outputs } = config;
  const byYear = new Map<string, Item[]>();
  for (const item of items) {
    const year = calendarYear(item.date, config.timeZone);
    const ofYear = byYear.get(year);
    if (ofYear) ofYear.push(item);
    else byYear.set(year, [item]);
  }
  const downloads: Download[] = outputs.allJson ? [{ path: archivePaths.full, scope: "all", format: "json", items }] : [];
  for (const [year, yearItems] of [...byYear].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (outputs.yearlyJson) downloads.push({ path: `archive/${year}.json`, scope: year, format: "json", items: yearItems });
    if (outputs.yearlyNdjson) downloads.push({ path: `archive/${year}.ndjson`, scope: year, format: "ndjson", items: yearItems });
  }
  if (outputs.allNdjson) downloads.push({ path: allNdjsonPath, scope: "all", format: "ndjson", items });
  return downloads;
}

/** Spool folders of running builds, removed at exit if a failed build left one. */
const spoolFolders = new Set<string>();
let removingAtExit = false;

/** A gzip twin compressed while its plain file is written; `spooled` gives the file holding its bytes, or undefined if the plain file's stream stopped early. */
interface Twin {
  spooled?: Promise<string | undefined>;
}

/**
 * The gzip twins of one build's downloads. Each is compressed on zlib's threads while its plain
 * file is serialized and written on this one, into a spool file that the twin's own stream then
 * copies: every line is serialized once for both files, and compressing overlaps writing.
 * all.ndjson.gz is the years' NDJSON twins end to end (one gzip member a year).
 */
class GzipTwins {
  private folder: Promise<string> | undefined;

  /**
   * @param reuse the previous output's files
   * @param spool the folder for the spools (see `spoolFolder` in write.ts); by default, one in the system's temporary folder
   */
  constructor(
    private readonly reuse: PreviousOutput,
    private readonly spool?: string,
  ) {}

  /** The spool folder, made on first use. */
  private madeSpool(): Promise<string> {
    const spool = this.spool;
    this.folder ??= (spool === undefined ? mkdtemp(path.join(tmpdir(), "wirefeed-gzip-")) : mkdir(spool, { recursive: true }).then(() => spool)).then(
      (folder) => {
        spoolFolders.add(folder);
        if (!removingAtExit) {
          removingAtExit = true;
          process.once("exit", () => {
            for (const left of spoolFolders) rmSync(left, { recursive: true, force: true });
          });
        }
        return folder;
      },
    );
    return this.folder;
  }

  /** The plain file's stream; its first pass also fills the twin's spool. */
  teed(twin: Twin, source: () => AsyncIterable<Uint8Array>): () => AsyncIterable<Uint8Array> {
    const madeSpool = () => this.madeSpool();
    return async function* () {
      if (twin.spooled) return yield* source();
      // Settled however this stream ends (a twin waiting for it then compresses on its own).
      let spooledFile: (file: string | undefined) => void = () => {};
      twin.spooled = new Promise((resolve) => {
        spooledFile = resolve;
      });
      let gzip: Gzip | undefined;
      try {
        const file = path.join(await madeSpool(), `${randomUUID()}.gz`);
        gzip = createGzip(gzipOptions);
        const spooled = pipeline(gzip, createWriteStream(file));
        // Awaited below on success; a stream abandoned half way must not leave a rejection unheard.
        spooled.catch(() => {});
        for await (const chunk of source()) {
          yield chunk;
          if (!gzip.write(chunk)) await once(gzip, "drain");
        }
        gzip.end();
        await spooled;
        spooledFile(file);
      } finally {
        spooledFile(undefined);
        gzip?.destroy();
      }
    };
  }

  /** The twin's stream: its spool once the plain file is written (it may still be), else compressed from `compress`. */
  twin(twin: Twin, compress: () => AsyncIterable<Uint8Array>): () => AsyncIterable<Uint8Array> {
    return async function* () {
      const file = await twin.spooled;
      yield* file === undefined ? compress() : createReadStream(file);
    };
  }

  /**
   * all.ndjson.gz: the years' gzip files, newest year first, each kept from the previous output
   * or taken from its twin; `whole` compresses all.ndjson when there is no year.
   */
  async *concatenated(
    members: readonly ({ kept: string } | { twin: Twin; compress: () => AsyncIterable<Uint8Array> })[],
    whole: () => AsyncIterable<Uint8Array>,
  ): AsyncGenerator<Uint8Array> {
    if (members.length === 0) return yield* whole();
    for (const member of [...members].reverse()) {
      const previous = "kept" in member ? this.reuse.previousPath(member.kept) : undefined;
      if (previous !== undefined) yield* createReadStream(previous);
      else if ("twin" in member) yield* this.twin(member.twin, member.compress)();
    }
  }

  /**
   * Removes the spool files; called once every twin has been written, or the build failed. Never
   * throws, so that it cannot hide the failure: what it cannot remove, the exit hook removes.
   */
  async dispose(): Promise<void> {
    const folder = await this.folder?.catch(() => undefined);
    if (folder === undefined) return;
    await rm(folder, { recursive: true, force: true, maxRetries: 3 }).then(
      () => spoolFolders.delete(folder),
      () => {},
    );
  }
}

async function previousManifest(reuse: PreviousOutput): Promise<Map<string, ManifestEntry>> {
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
 * `lineIndexes()` tells, once the files are written, where each record is in this build's JSON files, by path.
 * @param fingerprint a hash of one item's record, which decides whether a file changed
 * @param reuse the previous output, whose JSON files' unchanged records are copied rather than made again
 * @param spool where the gzip twins are spooled while they are made (see `spoolFolder` in write.ts)
 * @param makeRecord makes an item's record line elsewhere (see `RecordLines`)
 * `manifest()` gives the manifest's entries once the downloads' digests are known (for the archive page).
 */
export async function archiveFiles(
  model: FeedModel,
  fingerprint: (item: Item) => string,
  reuse: PreviousOutput,
  spool?: string,
  makeRecord?: (item: Item) => Promise<string | Uint8Array>,
): Promise<{
  files: Map<string, OutputContent>;
  dispose: () => Promise<void>;
  lineIndexes: () => Record<string, LineIndex>;
  manifest: () => Promise<ManifestEntry[]>;
}> {
  const { config, items } = model;
  const files = new Map<string, OutputContent>();
  const before = await previousManifest(reuse);
  // Digests are asked for only when the manifest is written: asking earlier would hash every file twice.
  const entries: { entry: Omit<ManifestEntry, "bytes" | "sha256">; digest: () => Promise<Digest> }[] = [];
  const settings = settingsKey(config);

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
  // Where each record is in the previous JSON files, so that an edit copies the unchanged ones.
  const previousIndexes = new Map<string, LineIndex>();
  const previousFiles: { file: string; index: LineIndex }[] = [];
  for (const download of downloads) {
    const index = download.format === "json" ? await reuse.lineIndex(download.path, indexedSize) : undefined;
    const file = index && reuse.previousPath(download.path);
    if (!index || !file) continue;
    previousIndexes.set(download.path, index);
    previousFiles.push({ file, index });
  }
  const lines = new RecordLines(
    config.timeZone,
    undefined,
    previousFiles.length > 0 ? { lines: new PreviousLines(previousFiles), fingerprint } : undefined,
    makeRecord,
  );
  const lineIndexes: Record<string, LineIndex> = {};
  const keyOf = (download: Download) => inputKey(["archive", String(archiveFormatVersion), download.format, settings, ...download.items.map(fingerprint)]);
  const allGzipPath = `${allNdjsonPath}.gz`;
  const twins = new GzipTwins(reuse, spool);
  const members: Parameters<GzipTwins["concatenated"]>[0][number][] = [];
  const allNdjson = downloads.find((download) => download.path === allNdjsonPath);
  const allGzipKept = allNdjson && config.outputs.gzip ? await keep(allGzipPath, inputKey([keyOf(allNdjson), "gzip"])) : undefined;

  for (const download of downloads) {
    const chunks = () => (download.format === "json" ? archiveJsonChunks : archiveNdjsonChunks)(config, download.items, lines);
    const compress = () => gzipChunks(chunks);
    const key = keyOf(download);
    const describe = (path: string, compression: ManifestEntry["compression"]) =>
      ({
        path,
        scope: download.scope,
        format: download.format,
        compression,
        media_type: compression === "gzip" ? "application/gzip" : download.format === "json" ? "application/json" : "application/x-ndjson",
        count: download.items.length,
        from: download.items.length ? formatRfc3339(download.items.at(-1)!.date, config.timeZone) : null,
        to: download.items.length ? formatRfc3339(download.items[0]!.date, config.timeZone) : null,
      }) as const;

    const gzipPath = `${download.path}.gz`;
    const hasTwin = config.outputs.gzip && download.path !== archivePaths.full;
    const gzipKept = hasTwin && gzipPath !== allGzipPath ? await keep(gzipPath, inputKey([key, "gzip"])) : allGzipKept;
    const twin: Twin = {};
    // all.ndjson's twin is made of the years' twins; spools are removed once every file is written.
    const teed = hasTwin && !gzipKept && gzipPath !== allGzipPath;
    const kept = await keep(download.path, key);
    const keptIndex = kept && previousIndexes.get(download.path);
    if (keptIndex) lineIndexes[download.path] = keptIndex;
    // Once a JSON file's every record went by, where each is in it is known: the next build's index.
    const indexed = async function* () {
      yield* chunks();
      const index = download.format === "json" ? lines.index(config, download.items, fingerprint) : undefined;
      if (index) lineIndexes[download.path] = index;
    };
    const digest = kept ?? stream(download.path, teed ? twins.teed(twin, indexed) : indexed);
    entries.push({ entry: describe(download.path, "none"), digest });
    if (!hasTwin) continue;

    if (gzipPath !== allGzipPath && download.format === "ndjson") members.push(gzipKept ? { kept: gzipPath } : { twin, compress });
    const gzipDigest = gzipKept ?? stream(gzipPath, gzipPath === allGzipPath ? () => twins.concatenated(members, compress) : twins.twin(twin, compress));
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
        // Articles taken down on purpose: what a reader who kept a copy needs to know. Absent when there are none.
        ...(config.removed.length > 0 ? { removed: config.removed } : {}),
      };
      yield `${JSON.stringify(document, null, 2)}\n`;
    },
  });
  files.set(archivePaths.checksums, {
    stream: async function* () {
      const entries = await manifestEntries();
      // Paths relative to archive/, so that `sha256sum -c sha256sums.txt` works from inside it.
      for (const entry of entries) yield `${entry.sha256}  ${entry.path.startsWith("archive/") ? entry.path.slice(8) : `../${entry.path}`}\n`;
    },
  });
  // The spools and the previous all.ndjson are let go once every file is written: a file whose
  // digest the manifest made in a pass of its own may still be written after the manifest, from them.
  return {
    files,
    manifest: manifestEntries,
    dispose: async () => {
      lines.close();
      await twins.dispose();
    },
    lineIndexes: () => lineIndexes,
  };
}
