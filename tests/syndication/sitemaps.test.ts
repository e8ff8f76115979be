// sitemap.xml and news-sitemap.xml (issue 15), judged by xmllint against the sitemaps.org schemas
// and the Google News extension (tests/support/schemas/, sources noted in each file).
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildModel } from "../../src/build/stages/model.js";
import { newsItems, newsLanguage, renderNewsSitemap, renderSitemaps, sitemapPaths } from "../../src/formats/sitemaps.js";
import { build } from "../../src/index.js";
import { tempDir } from "../helpers/temp.js";
import { makeItem, siteConfig } from "../serialize/pages.js";
import { checkXmlSchema, sitemapSchemas } from "../support/validate.js";
import { makeNewsroom, newsroomNow } from "./newsroom.js";
import { readArchive } from "../helpers/build.js";

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);

async function written(files: Map<string, string>): Promise<Map<string, string>> {
  const dir = await tempDir();
  const paths = new Map<string, string>();
  for (const [name, text] of files) {
    const file = path.join(dir, name.replaceAll("/", "_"));
    await writeFile(file, text);
    paths.set(name, file);
  }
  return paths;
}

describe("the newsroom's sitemaps", () => {
  let out: string;
  beforeAll(async () => {
    const dir = await makeNewsroom();
    const result = await build({ cwd: dir, now: newsroomNow, cacheDir: false });
    expect(result.exitCode).toBe(0);
    out = path.join(dir, "output");
  });

  it("sitemap.xml: every published article's page with its lastmod, valid against sitemap.xsd", async () => {
    const file = path.join(out, "sitemap.xml");
    expect(checkXmlSchema(file, sitemapSchemas.sitemap)).toEqual([]);
    const xml = await readFile(file, "utf8");
    const archive = (await readArchive(out)) as { articles: { url: string }[] };
    expect(locs(xml).sort()).toEqual(archive.articles.map((article) => article.url).sort());
    expect(locs(xml)).toHaveLength(120);
    expect(xml).toMatch(/<lastmod>2026-11-27T\d\d:\d\d:\d\d\+01:00<\/lastmod>/);
  });

  it("sitemap.xml is kept by an edit that changes no article's URL or lastmod, and made again by one that does", async () => {
    const dir = await makeNewsroom({ count: 12 });
    const cacheDir = path.join(dir, "cache");
    expect((await build({ cwd: dir, now: newsroomNow, cacheDir })).exitCode).toBe(0);
    const [name] = (await readdir(path.join(dir, "articles"))).sort();
    const file = path.join(dir, "articles", name!);
    const before = await readFile(path.join(dir, "output", "sitemap.xml"), "utf8");
    await writeFile(file, `${await readFile(file, "utf8")}\nAn added paragraph.\n`);
    const edited = await build({ cwd: dir, now: newsroomNow, cacheDir });
    expect(edited.diagnostics).toEqual([]);
    expect(edited.unchanged).toContain("sitemap.xml");
    await writeFile(file, (await readFile(file, "utf8")).replace(/^date: (.*)$/m, "date: $1\nupdated: 2026-11-27T11:45:00Z"));
    const updated = await build({ cwd: dir, now: newsroomNow, cacheDir });
    expect(updated.diagnostics).toEqual([]);
    expect(updated.written).toContain("sitemap.xml");
    const after = await readFile(path.join(dir, "output", "sitemap.xml"), "utf8");
    expect(after).not.toBe(before);
    expect(after).toContain("<lastmod>2026-11-27T12:45:00+01:00</lastmod>");
  });

  it("news-sitemap.xml: the articles of the two days before now, valid against the News schema, with their language", async () => {
    const file = path.join(out, "news-sitemap.xml");
    expect(checkXmlSchema(file, sitemapSchemas.news)).toEqual([]);
    const xml = await readFile(file, "utf8");
    // Hourly articles from 90 minutes before now: 47 fall within 48 hours.
    expect(locs(xml)).toHaveLength(47);
    expect(xml).toContain("<news:name>The Newsroom</news:name>");
    expect(xml).toContain("<news:language>fa</news:language>");
    expect(xml).toContain("<news:title>گزارش شماره 5</news:title>");
    expect(xml).not.toContain("report-048/");
  });

  it("the validator rejects what the schemas forbid", async () => {
    const xml = await readFile(path.join(out, "news-sitemap.xml"), "utf8");
    const bad = await written(new Map([["bad.xml", xml.replace("<news:language>fa", "<news:language>Farsi").replace(/<lastmod>[^<]*/, "<lastmod>yesterday")]]));
    const findings = checkXmlSchema([...bad.values()], sitemapSchemas.news);
    expect(findings.map((finding) => finding.message).join("\n")).toMatch(/lastmod[\s\S]*language|language[\s\S]*lastmod/);
  });
});

describe("sitemaps as units", () => {
  const config = siteConfig();
  const items = (count: number) =>
    Array.from({ length: count }, (_, n) =>
      makeItem({
        id: `id-${n}`,
        url: `https://news.example.org/a/${n}/`,
        date: new Date(Date.UTC(2026, 0, 1) + n * 60_000),
        updated: new Date(Date.UTC(2026, 0, 2) + n * 60_000),
      }),
    ).reverse();

  it("splits past the bound into a sitemap index of parts, each valid, numbered from the oldest", async () => {
    const files = renderSitemaps(config, items(7), 3);
    expect([...files.keys()].sort()).toEqual(["sitemap.xml", "sitemaps/1.xml", "sitemaps/2.xml", "sitemaps/3.xml"]);
    expect(sitemapPaths(7, 3)).toEqual([...files.keys()].sort());
    const paths = await written(files);
    expect(checkXmlSchema(paths.get("sitemap.xml")!, sitemapSchemas.siteindex)).toEqual([]);
    expect(
      checkXmlSchema(
        [1, 2, 3].map((n) => paths.get(`sitemaps/${n}.xml`)!),
        sitemapSchemas.sitemap,
      ),
    ).toEqual([]);
    expect(locs(files.get("sitemaps/1.xml")!)).toEqual(["https://news.example.org/a/2/", "https://news.example.org/a/1/", "https://news.example.org/a/0/"]);
    expect(locs(files.get("sitemap.xml")!)).toEqual([
      "https://news.example.org/sitemaps/3.xml",
      "https://news.example.org/sitemaps/2.xml",
      "https://news.example.org/sitemaps/1.xml",
    ]);
  });

  it("at the protocol's bound: 50,000 URLs in one file, 50,001 in an index of two", () => {
    const many = items(50_001);
    expect([...renderSitemaps(config, many.slice(1)).keys()]).toEqual(sitemapPaths(50_000));
    expect(sitemapPaths(50_000)).toEqual(["sitemap.xml"]);
    const split = renderSitemaps(config, many);
    expect([...split.keys()].sort()).toEqual(sitemapPaths(50_001));
    expect([...split.keys()].sort()).toEqual(["sitemap.xml", "sitemaps/1.xml", "sitemaps/2.xml"]);
    expect(locs(split.get("sitemaps/2.xml")!)).toEqual(["https://news.example.org/a/50000/"]);
  });

  it("the news sitemap holds at most 1,000 articles, none from the future", () => {
    const recent = items(1200);
    // All 1,200 within two days: the newest 1,000.
    const later = newsItems(recent, new Date(Date.UTC(2026, 0, 2)));
    expect(later).toHaveLength(1000);
    expect(later[0]!.id).toBe("id-1199");
    // At noon of the first day, 721 are published and 479 are still to come.
    const now = new Date(Date.UTC(2026, 0, 1, 12));
    const chosen = newsItems(recent, now);
    expect(chosen).toHaveLength(721);
    expect(chosen.every((item) => item.date <= now)).toBe(true);
    const model = buildModel([], config);
    expect(renderNewsSitemap(model.config, [], now)).toContain("<urlset");
  });

  it.each([
    ["en", "en"],
    ["pt-BR", "pt"],
    ["zh-Hant-TW", "zh-tw"],
    ["zh-CN", "zh-cn"],
    ["fa", "fa"],
  ])("names the language %s as %s for Google News", (tag, code) => expect(newsLanguage(tag)).toBe(code));
});

describe("when the sitemaps are written", () => {
  it.each([
    ["pages on (the default)", {}, true],
    ["pages: false, no permalink", { pages: false }, false],
    ["pages: false with a permalink", { pages: false, permalink: "/:year/:slug/" }, true],
    ["sitemaps: false", { sitemaps: false }, false],
  ])("%s", async (_name, config, expected) => {
    const dir = await makeNewsroom({ count: 3, config });
    const result = await build({ cwd: dir, now: newsroomNow, cacheDir: false });
    expect(result.written.includes("sitemap.xml")).toBe(expected);
    expect(result.written.includes("news-sitemap.xml")).toBe(expected);
  });
});
