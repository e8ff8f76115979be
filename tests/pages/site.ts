// The sites the page tests look at: the repository's own (the seed article), and a richer one
// with enough articles to paginate, a Persian article, and a body image beside its article.
import { cp, readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { build } from "../../src/index.js";
import { buildRepo, repoRoot, tempDir } from "../helpers/build.js";

export const now = "2026-11-27T00:00:00Z";

/** A real PNG of one opaque pixel: enough for a browser to decode and draw. */
export function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from([0, 30, 90, 160]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** How many generated articles the rich site has besides the seed: more than two list pages of the front and of the "Energy" tag. */
export const generatedCount = 45;

/** The repository's config and seed, plus generated articles, a Persian one and one with a body image; built. */
export async function buildRichSite(configChanges: Record<string, unknown> = {}) {
  const dir = await tempDir("wirefeed-pages-");
  await cp(path.join(repoRoot, "articles"), path.join(dir, "articles"), { recursive: true });
  const config = JSON.parse(await readFile(path.join(repoRoot, "wirefeed.config.json"), "utf8")) as Record<string, unknown>;
  delete config.$schema;
  await writeFile(path.join(dir, "wirefeed.config.json"), JSON.stringify({ ...config, ...configChanges }, null, 2));
  for (let index = 1; index <= generatedCount; index++) {
    const day = String(1 + (index % 28)).padStart(2, "0");
    const month = String(1 + Math.floor(index / 28)).padStart(2, "0");
    await writeFile(
      path.join(dir, "articles", `2023-${month}-${day}-energy-report-${index}.md`),
      `---\ntitle: "Energy report ${index}: prices & <supply>"\ndate: 2023-${month}-${day}T09:30\nauthor: Desk Writer ${index}\ntags: [Energy, ${index % 2 ? "Oil" : "Gas"}]\n---\nPrices moved on day ${index}. See [the seed](https://worlddesk.example/2022/02/25/iran-blames-nato-expansion-for-russias-invasion-of-ukraine/).\n`,
    );
  }
  await writeFile(
    path.join(dir, "articles", "2024-03-01-storm-warning.md"),
    "---\ntitle: Storm warning for the coast\ndate: 2024-03-01T08:00\nupdated: 2024-03-02T10:15\ntags: [Weather]\n---\nThe radar at dawn:\n\n![Radar image of the storm](radar.png)\n\nDetails follow.\n",
  );
  await writeFile(path.join(dir, "articles", "radar.png"), tinyPng());
  await writeFile(
    path.join(dir, "articles", "2024-03-05-tehran-talks.md"),
    "---\ntitle: گفت‌وگوهای تهران ادامه دارد\nslug: tehran-talks\ndate: 2024-03-05T12:00\nlang: fa\ntags: [Iran]\n---\nگفت‌وگوها امروز در تهران ادامه یافت.\n",
  );
  const out = path.join(dir, "output");
  const result = await build({ cwd: dir, out, now, cacheDir: false });
  return { dir, out, result };
}

/** The repository's own site, built as `npm run build` builds it. */
export const buildSeedSite = () => buildRepo({ cacheDir: false });

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  // application/rss+xml or atom+xml would make a browser download the file; servers commonly send feeds as XML.
  ".xml": "application/xml; charset=utf-8",
  ".xsl": "application/xml; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".gz": "application/gzip",
  ".ndjson": "application/x-ndjson",
};

/** Serves an output folder on 127.0.0.1 as a static web server would: folders by their index.html. */
export async function serve(folder: string): Promise<{ base: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    try {
      const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
      const relative = pathname.endsWith("/") ? `${pathname}index.html` : pathname;
      const file = path.join(folder, path.normalize(relative));
      if (!file.startsWith(folder)) throw new Error("outside");
      const bytes = await readFile(file);
      response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
      response.end(bytes);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
