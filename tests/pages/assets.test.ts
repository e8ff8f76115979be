import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { tempDir } from "../helpers/build.js";
import { now, tinyPng } from "./site.js";

async function site(files: Record<string, string | Buffer>) {
  const dir = await tempDir("wirefeed-assets-");
  await writeFile(path.join(dir, "wirefeed.config.json"), JSON.stringify({ title: "Desk", url: "https://desk.example/" }));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, "articles", name)), { recursive: true });
    await writeFile(path.join(dir, "articles", name), content);
  }
  const out = path.join(dir, "output");
  return { dir, out, build: () => build({ cwd: dir, out, now, cacheDir: path.join(dir, "cache") }) };
}

const storm = [
  "---",
  "title: Storm warning",
  "date: 2024-03-01",
  "---",
  "The radar:",
  "",
  "![Radar](radar.png)",
  "",
  'Raw HTML too: <img src="charts/wind%20speed.png" alt="Wind">, and [the data](data/readings.csv).',
  "",
  "Elsewhere: ![site](/images/x.png) ![up](../x.png) [a page](other/) [home](https://desk.example/).",
  "",
].join("\n");

describe("files the body names beside the article", () => {
  it("are copied beside the article's page, where the body's URLs point", async () => {
    const png = tinyPng();
    const { out, build: run } = await site({ "2024-03-01-storm.md": storm, "radar.png": png, "charts/wind speed.png": png, "data/readings.csv": "t,v\n1,2\n" });
    const result = await run();
    expect(result.diagnostics).toEqual([]);
    const folder = path.join(out, "2024/03/01/storm");
    expect(await readFile(path.join(folder, "radar.png"))).toEqual(png);
    expect(await readFile(path.join(folder, "charts/wind speed.png"))).toEqual(png);
    expect(await readFile(path.join(folder, "data/readings.csv"), "utf8")).toBe("t,v\n1,2\n");
    const page = await readFile(path.join(folder, "index.html"), "utf8");
    expect(page).toContain('src="https://desk.example/2024/03/01/storm/radar.png"');
    expect(page).toContain('src="https://desk.example/2024/03/01/storm/charts/wind%20speed.png"');
  });

  it("that are missing are a warning at the reference's line and column; a rebuild with them present copies them", async () => {
    const { out, build: run, dir } = await site({ "2024-03-01-storm.md": storm, "radar.png": tinyPng() });
    const result = await run();
    expect(result.exitCode).toBe(0);
    expect(result.counts.warnings).toBe(2);
    expect(result.diagnostics.map(({ rule, severity, file, line, column }) => `${file}:${line}:${column} ${severity} ${rule}`)).toEqual([
      "articles/2024-03-01-storm.md:9:15 warning missing-asset",
      "articles/2024-03-01-storm.md:9:67 warning missing-asset",
    ]);
    expect(result.diagnostics[0]!.message).toContain('"charts/wind speed.png"');
    expect(result.diagnostics[0]!.hint).toContain(path.join("articles", "charts", "wind speed.png"));
    await mkdir(path.join(dir, "articles/data"));
    await writeFile(path.join(dir, "articles/data/readings.csv"), "t,v\n");
    // The article did not change, yet its asset did: the build copies it all the same.
    const again = await run();
    expect(again.diagnostics.map(({ line, column }) => `${line}:${column}`)).toEqual(["9:15"]);
    expect((await stat(path.join(out, "2024/03/01/storm/data/readings.csv"))).size).toBe(4);
  });

  it("fail the build with --strict", async () => {
    const { dir, out } = await site({ "2024-03-01-storm.md": storm });
    const result = await build({ cwd: dir, out, now, cacheDir: false, strict: true });
    expect(result.exitCode).toBe(1);
  });
});
