// WebSub (issue 15): hubs named in every feed, and told of exactly the feeds whose bytes changed,
// once the output is in place; a hub that is down, slow or failing is a bounded warning.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { build, type BuildOptions } from "../../src/index.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";
import { makeNewsroom, newsroomNow } from "./newsroom.js";

type Behaviour = "up" | "500" | "slow";

/** A hub on 127.0.0.1 that records each publish request and answers as told. */
async function startHub(
  behaviour: Behaviour,
  onPublish: (feedUrl: string) => void = () => {},
): Promise<{ url: string; requests: URLSearchParams[]; server: Server }> {
  const requests: URLSearchParams[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      requests.push(new URLSearchParams(body));
      onPublish(new URLSearchParams(body).get("hub.url") ?? "");
      if (behaviour === "slow") return; // Never answers: the client's timeout ends it.
      response.statusCode = behaviour === "500" ? 500 : 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hub`, requests, server };
}

/** The URL of a port nothing listens on: a hub that is down. */
async function downHub(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/hub`;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const fast = { timeoutMs: 300, attempts: 3, backoffMs: 20, totalMs: 3_000 };

async function newsroomWithHubs(hubs: string[], config: Record<string, unknown> = {}) {
  const dir = await makeNewsroom({ count: 24, config: { hubs, ...config } });
  const cacheDir = path.join(await tempDir(), "cache");
  const run = (options: BuildOptions = {}) => build({ cwd: dir, now: newsroomNow, cacheDir, ping: true, pingPolicy: fast, ...options });
  return { dir, out: path.join(dir, "output"), run };
}

/** Every subscribed feed document of an output (no archive pages), by path, with its bytes. */
async function feedBytes(out: string, written: readonly string[]): Promise<Map<string, string>> {
  const feeds = written.filter((file) => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(file) && !file.startsWith("feeds/archive/"));
  return new Map(await Promise.all(feeds.map(async (file) => [file, await readFile(path.join(out, file), "utf8")] as const)));
}

const hubUrls = (requests: readonly URLSearchParams[]) => requests.map((request) => request.get("hub.url")!).sort();

describe("WebSub", () => {
  it("names the hubs in RSS, Atom and JSON Feed", async () => {
    const { out, run } = await newsroomWithHubs(["https://hub.example/"]);
    expect((await run({ ping: false })).exitCode).toBe(0);
    expect(await readFile(path.join(out, "feed.xml"), "utf8")).toContain('<atom:link rel="hub" href="https://hub.example/"/>');
    expect(await readFile(path.join(out, "sections/world/atom.xml"), "utf8")).toContain('<link rel="hub" href="https://hub.example/"/>');
    expect(JSON.parse(await readFile(path.join(out, "authors/ana-lima/feed.json"), "utf8")).hubs).toEqual([{ type: "WebSub", url: "https://hub.example/" }]);
  });

  it("pings every feed of a first build, nothing after an unchanged one, and exactly the feeds whose bytes an edit changed", async () => {
    // What a subscriber fetching the feed at the moment of the ping would get.
    const fetched = new Map<string, string>();
    const hub = await startHub("up", (feedUrl) => {
      if (feedUrl.endsWith("/feed.json")) fetched.set(feedUrl, readFileSync(path.join(out, new URL(feedUrl).pathname), "utf8"));
    });
    const { dir, out, run } = await newsroomWithHubs([hub.url]);
    const first = await run();
    expect(first.exitCode).toBe(0);
    const before = await feedBytes(out, [...first.written, ...first.unchanged]);
    expect(hubUrls(hub.requests)).toEqual([...before.keys()].map((file) => new URL(file, "https://newsroom.example/").href).sort());
    expect(hub.requests.every((request) => request.get("hub.mode") === "publish")).toBe(true);
    expect(first.pings).toEqual([expect.objectContaining({ hub: hub.url, ok: true, feeds: before.size, accepted: before.size })]);

    hub.requests.length = 0;
    const unchanged = await run();
    expect(hub.requests).toEqual([]);
    expect(unchanged.pings).toEqual([]);

    // An edit to one article's body: the oracle is the bytes on disk, compared here, not the build's own account.
    const file = path.join(dir, "articles", "2026-report-004.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("A second paragraph.", "A second paragraph, corrected."));
    const edited = await run();
    const after = await feedBytes(out, [...edited.written, ...edited.unchanged]);
    const changed = [...after].filter(([file, bytes]) => before.get(file) !== bytes).map(([file]) => new URL(file, "https://newsroom.example/").href);
    expect(changed.length).toBeGreaterThan(3);
    expect(changed.length).toBeLessThan(after.size);
    expect(hubUrls(hub.requests)).toEqual(changed.sort());
    // The hub was told once the new output was in place: the site's feed it could fetch holds the edit.
    expect(fetched.get("https://newsroom.example/feed.json")).toContain("A second paragraph, corrected.");
  });

  it.each([
    ["down", async () => ({ url: await downHub(), requests: undefined })],
    ["answering 500", async () => startHub("500")],
    ["too slow", async () => startHub("slow")],
  ])("a hub that is %s is a warning after retries, within the time bound; --strict makes it fail the build", async (_name, start) => {
    const hub = await start();
    const { run } = await newsroomWithHubs([hub.url]);
    const started = Date.now();
    const result = await run();
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.exitCode).toBe(0);
    expect(result.written).toContain("feed.xml");
    const [line] = result.pings!;
    expect(line).toMatchObject({ hub: hub.url, ok: false, accepted: 0 });
    // The first failing feed ends the hub's turn: each of the four lanes tried its feed three times.
    expect(line!.requests).toBeLessThanOrEqual(4 * fast.attempts);
    if (hub.requests) expect(hub.requests.length).toBe(line!.requests);
    // At the hub's line in the config's `hubs`.
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: "hub-ping-failed", severity: "warning", file: "wirefeed.config.json", line: 10 })]);
    expect(result.counts).toMatchObject({ errors: 0, warnings: 1 });
    // A fresh output folder: every feed is new, so the hub is asked again.
    const strict = await run({ strict: true, out: path.join(await tempDir(), "output") });
    expect(strict.exitCode).toBe(1);
    expect(strict.diagnostics.map((d) => d.rule)).toEqual(["hub-ping-failed"]);
  });

  it("--report has a line per hub", async () => {
    const up = await startHub("up");
    const failing = await startHub("500");
    const { dir } = await newsroomWithHubs([up.url, failing.url]);
    // Without --ping (and `ping` unset) nothing is pinged and the report has no websub lines.
    const quiet = await cli(dir, ["build", "--now", newsroomNow, "--no-cache", "--report", "json", "--quiet", "--out", "first"]);
    expect(JSON.parse(quiet.stdout).websub).toBeUndefined();
    expect(up.requests).toEqual([]);
    const run = await cli(dir, ["build", "--ping", "--now", newsroomNow, "--no-cache", "--report", "json", "--quiet"]);
    const report = JSON.parse(run.stdout);
    expect(report.websub).toEqual([
      expect.objectContaining({ hub: up.url, ok: true }),
      expect.objectContaining({ hub: failing.url, ok: false, error: "HTTP 500" }),
    ]);
  }, 30_000);
});
