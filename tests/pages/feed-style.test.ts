import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { parseXml, serializeXml } from "../../src/formats/xml.js";
import { withFeedStyle } from "../../src/formats/pages/index.js";
import { archivedFeeds } from "../../src/formats/archive/feeds.js";
import { repoRoot, tempDir } from "../helpers/build.js";
import { config, meta, model } from "./model.js";
import { now } from "./site.js";

describe("the stylesheet processing instruction", () => {
  it("goes between the XML declaration and the root, its href escaped as a pseudo-attribute", () => {
    const xml = serializeXml(parseXml("<rss><channel/></rss>"), { type: "text/css", href: 'a&b"<c>.css' });
    expect(xml).toBe('<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet type="text/css" href="a&amp;b&quot;&lt;c&gt;.css"?>\n<rss><channel/></rss>\n');
    // An XML parser reads it back as one processing instruction before the root.
    const document = new DOMParser().parseFromString(xml, "text/xml");
    const before: string[] = [];
    for (let node = document.firstChild; node && node !== document.documentElement; node = node.nextSibling) {
      if (node.nodeType === node.PROCESSING_INSTRUCTION_NODE) before.push(`${node.nodeName} ${(node as unknown as { data: string }).data}`);
    }
    expect(before.filter((instruction) => instruction.startsWith("xml-stylesheet"))).toEqual([
      'xml-stylesheet type="text/css" href="a&amp;b&quot;&lt;c&gt;.css"',
    ]);
  });

  it.each([
    ["css", "text/css", "../../../assets/feed.css"],
    ["xsl", "text/xsl", "../../../assets/feed.xsl"],
  ])("with feedStyle %s, names %s relative to each RSS and Atom document, never JSON Feed", (feedStyle, type, archiveHref) => {
    const site = model(
      Array.from({ length: 5 }, (_, index) => meta(`s${index}`, `2022-0${index + 1}-01T00:00:00Z`)),
      { feedStyle, feedLimit: 2, archivePageSize: 2 },
    );
    const styled = archivedFeeds(site).map(withFeedStyle);
    expect(styled.map((document) => [document.path, document.page.stylesheet?.type, document.page.stylesheet?.href])).toEqual([
      ["feed.xml", type, `assets/feed.${feedStyle}`],
      ["atom.xml", type, `assets/feed.${feedStyle}`],
      ["feed.json", undefined, undefined],
      ["feeds/archive/rss/1.xml", type, archiveHref],
      ["feeds/archive/atom/1.xml", type, archiveHref],
      ["feeds/archive/json/1.json", undefined, undefined],
      ["feeds/archive/rss/2.xml", type, archiveHref],
      ["feeds/archive/atom/2.xml", type, archiveHref],
      ["feeds/archive/json/2.json", undefined, undefined],
    ]);
  });

  it("is left out with feedStyle none", () => {
    const site = model([meta("s", "2022-01-01T00:00:00Z")], { feedStyle: "none" });
    expect(
      archivedFeeds(site)
        .map(withFeedStyle)
        .every((document) => document.page.stylesheet === undefined),
    ).toBe(true);
    expect(config({ feedStyle: "none" }).pages).not.toBe(false);
  });
});

describe("pages: false and feedStyle", () => {
  async function buildSeed(changes: Record<string, unknown>) {
    const dir = await tempDir("wirefeed-style-");
    const settings = JSON.parse(await readFile(path.join(repoRoot, "wirefeed.config.json"), "utf8")) as Record<string, unknown>;
    delete settings.$schema;
    await writeFile(path.join(dir, "wirefeed.config.json"), JSON.stringify({ ...settings, articles: path.join(repoRoot, "articles"), ...changes }));
    const out = path.join(dir, "output");
    const result = await build({ cwd: dir, out, now, cacheDir: false });
    expect(result.exitCode).toBe(0);
    const files = (await readdir(out, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)));
    return { out, files };
  }

  it("writes no page and no site stylesheet with pages: false, and still styles the feeds", async () => {
    const { out, files } = await buildSeed({ pages: false });
    expect(files.filter((file) => file.endsWith(".html") || file === "assets/wirefeed.css")).toEqual([]);
    expect(files).toContain("assets/feed.css");
    expect(await readFile(path.join(out, "feed.xml"), "utf8")).toContain('<?xml-stylesheet type="text/css" href="assets/feed.css"?>');
  });

  it("writes no feed stylesheet and no processing instruction with feedStyle none", async () => {
    const { out, files } = await buildSeed({ feedStyle: "none" });
    expect(files.filter((file) => file.startsWith("assets/"))).toEqual(["assets/wirefeed.css"]);
    expect(await readFile(path.join(out, "atom.xml"), "utf8")).not.toContain("xml-stylesheet");
  });

  it("writes the XSL stylesheet with feedStyle xsl, a well-formed XSLT document that names nothing outside the output", async () => {
    const { out, files } = await buildSeed({ feedStyle: "xsl" });
    expect(files.filter((file) => file.startsWith("assets/feed"))).toEqual(["assets/feed.xsl"]);
    const xsl = await readFile(path.join(out, "assets/feed.xsl"), "utf8");
    const document = parseXml(xsl);
    expect(document.documentElement!.namespaceURI).toBe("http://www.w3.org/1999/XSL/Transform");
    expect(xsl).not.toMatch(/(?:href|src)="(?:https?:)?\/\//);
  });
});
