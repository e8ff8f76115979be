// The stages after configure read the config file again only to place a diagnostic in it: a build
// with nothing to say of its config reads it once. Before, empty-feeds read and parsed it on every build.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { build } from "../../src/index.js";
import { tempDir } from "../helpers/temp.js";

const reads = vi.hoisted(() => ({ files: [] as string[] }));

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  const readFile = ((file: Parameters<typeof actual.readFile>[0], ...rest: unknown[]) => {
    reads.files.push(String(file));
    return (actual.readFile as (...args: unknown[]) => unknown)(file, ...rest);
  }) as typeof actual.readFile;
  return { ...actual, default: { ...actual, readFile }, readFile };
});

async function site(config: Record<string, unknown>): Promise<string> {
  const dir = await tempDir();
  await mkdir(path.join(dir, "articles"));
  await writeFile(path.join(dir, "articles", "a.md"), "---\ntitle: A\ndate: 2026-01-02\ntags: [Iran]\n---\n\nBody.\n");
  await writeFile(path.join(dir, "wirefeed.config.json"), JSON.stringify({ title: "Desk", url: "https://desk.example/", ...config }, null, 1));
  return dir;
}

describe("the config file is read again only for a diagnostic's position", () => {
  it.each<[name: string, config: Record<string, unknown>, times: number, rules: string[]]>([
    ["nothing to say of the config", {}, 1, []],
    ["a required set turned on", { feeds: { tag: { enabled: true } } }, 1, []],
    ["an empty required set", { feeds: { section: { enabled: true } } }, 2, ["empty-feed"]],
  ])("%s", async (_name, config, times, rules) => {
    const dir = await site(config);
    const configFile = path.join(dir, "wirefeed.config.json");
    reads.files.length = 0;
    const result = await build({ cwd: dir, now: "2026-06-01T00:00:00Z", cacheDir: false, dryRun: true });
    expect(result.diagnostics.map((d) => d.rule)).toEqual(rules);
    expect(reads.files.filter((file) => file === configFile)).toHaveLength(times);
  });
});
