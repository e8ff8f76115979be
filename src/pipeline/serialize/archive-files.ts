import type { Config } from "../../config/schema.js";
import type { FeedModel, Item } from "../model.js";
import { calendarDate, formatRfc3339 } from "../normalize/date.js";
import type { OutputContent } from "../write.js";
import { archiveFormatVersion, archiveJsonChunks, archiveNdjsonChunks, archiveSite } from "./archive.js";
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
  downloads.push({ path: "archive/all.ndjson", scope: "all", format: "ndjson", items });
  return downloads;
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

  for (const download of plainDownloads(config, items)) {
    const chunks = () => (download.format === "json" ? archiveJsonChunks : archiveNdjsonChunks)(config, download.items);
    const key = inputKey(["archive", String(archiveFormatVersion), download.format, settings, ...download.items.map(fingerprint)]);
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
    const gzipDigest = (await keep(gzipPath, inputKey([key, "gzip"]))) ?? stream(gzipPath, () => gzipChunks(chunks));
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
