/// <reference lib="dom" />
// The pages and feeds as a person sees them: Debian's Chromium, driven by playwright-core, over a
// local web server. Skipped, with a message, only where /usr/bin/chromium is absent (CI installs it).
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import axe from "axe-core";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/build.js";
import { buildRichSite, buildSeedSite, serve } from "./site.js";

const executablePath = "/usr/bin/chromium";
const present = existsSync(executablePath);
if (!present) console.warn(`Browser tests skipped: ${executablePath} is absent. Install Debian's chromium (.ci/install-test-tools does).`);

/** Screenshots for a reviewer, not committed (see .gitignore); UPDATE=1 also refreshes the two in docs/. */
const artifacts = path.join(repoRoot, "test-artifacts", "screenshots");
const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

const seedPath = "2022/02/25/iran-blames-nato-expansion-for-russias-invasion-of-ukraine/";

describe.skipIf(!present)("the pages in Chromium", () => {
  let browser: Browser;
  const servers: { base: string; close: () => Promise<void> }[] = [];
  let seed: string;
  let rich: string;
  let richOut: string;

  beforeAll(async () => {
    const [seedSite, richSite] = [await buildSeedSite(), await buildRichSite()];
    expect(seedSite.exitCode).toBe(0);
    expect(richSite.result.exitCode).toBe(0);
    richOut = richSite.out;
    servers.push(await serve(seedSite.out), await serve(richSite.out));
    [seed, rich] = servers.map((server) => server.base) as [string, string];
    browser = await chromium.launch({
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-gpu",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    await mkdir(artifacts, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
  });

  /** Opens `url` with nothing but the local server reachable; fails on any request the server answers 404. */
  async function open(url: string, options: { width?: number; height?: number; colorScheme?: "light" | "dark" } = {}): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      colorScheme: options.colorScheme ?? "light",
    });
    const origin = new URL(url).origin;
    // The published site's own files (the seed's lead image) are not in the output: never fetched, never waited for.
    await page.route(
      (target) => target.origin !== origin,
      (route) => route.abort(),
    );
    const missing: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) missing.push(response.url());
    });
    await page.goto(url, { waitUntil: "load" });
    expect(missing).toEqual([]);
    return page;
  }

  const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

  it("shows the seed article: headline, credit, date, tags linking to their pages", async () => {
    const page = await open(`${seed}${seedPath}`);
    expect(await page.locator("h1").textContent()).toBe("Iran Blames NATO Expansion for Russia’s Invasion of Ukraine");
    expect(await page.locator("figure.lead .credit").textContent()).toBe("Associated Press");
    // The stylesheet labels the credit ("Photo: Associated Press"); the label is not part of the text.
    expect(await page.locator("figure.lead .credit").evaluate((element) => getComputedStyle(element, "::before").content)).toBe('"· Photo: "');
    expect(await page.locator("article header time").first().textContent()).toBe("February 25, 2022");
    expect(await page.locator("article header time").first().getAttribute("datetime")).toBe("2022-02-25T00:00:00+05:30");
    expect(await texts(page, "nav.tags a")).toEqual(["Iran", "Russia", "Ukraine", "NATO", "JCPOA"]);
    expect(await page.locator(".body p").count()).toBe(10);
    await page.locator("nav.tags a", { hasText: "NATO" }).click();
    expect(new URL(page.url()).pathname).toBe("/tags/nato/");
    expect(await page.locator("h1").textContent()).toBe("Articles tagged “NATO”");
    await page.close();
  });

  it("shows the front page: the newest articles, the feeds with their URLs, the tags", async () => {
    const page = await open(seed);
    expect(await texts(page, "ol.articles h3 a")).toEqual(["Iran Blames NATO Expansion for Russia’s Invasion of Ukraine"]);
    expect(await texts(page, ".feeds code")).toEqual([
      "https://worlddesk.example/feed.xml",
      "https://worlddesk.example/atom.xml",
      "https://worlddesk.example/feed.json",
    ]);
    expect(await page.locator(".feeds p").textContent()).toContain("feed reader");
    expect(await texts(page, ".tag-cloud a")).toEqual(["Iran", "JCPOA", "NATO", "Russia", "Ukraine"]);
    expect(await page.locator('link[rel="alternate"]').count()).toBe(3);
    await page.close();
  });

  it("clicks through: front page, seed article, its tag, the archive, a download", async () => {
    const page = await open(seed);
    await page.locator("ol.articles a").first().click();
    expect(new URL(page.url()).pathname).toBe(`/${seedPath}`);
    await page.locator("nav.tags a", { hasText: "Iran" }).click();
    expect(await texts(page, "ol.articles h3 a")).toEqual(["Iran Blames NATO Expansion for Russia’s Invasion of Ukraine"]);
    await page.locator(".site-header a", { hasText: "Archive" }).click();
    expect(await texts(page, "ul.years li")).toEqual(["2022 (1 article)"]);
    const download = page.locator("table a", { hasText: /^archive\/2022\.json$/ }).first();
    const response = await page.request.get(new URL((await download.getAttribute("href"))!, page.url()).href);
    expect(response.status()).toBe(200);
    const row = page.locator("tbody tr", { has: page.locator("a", { hasText: /^archive\/2022\.json$/ }) });
    const body = await response.body();
    const { createHash } = await import("node:crypto");
    expect(await row.locator("code").textContent()).toBe(createHash("sha256").update(body).digest("hex"));
    expect(await row.locator("td").nth(1).textContent()).toBe("1");
    await page.close();
  });

  it("shows a tag page with the tag's feeds, paginated with stable URLs", async () => {
    const page = await open(`${rich}tags/energy/`);
    expect(await page.locator("ol.articles li").count()).toBe(20);
    expect(await texts(page, ".feeds code")).toEqual([
      "https://worlddesk.example/tags/energy/feed.xml",
      "https://worlddesk.example/tags/energy/atom.xml",
      "https://worlddesk.example/tags/energy/feed.json",
    ]);
    expect(await page.locator('link[rel="alternate"]').count()).toBe(6);
    await page.locator("nav.pages a", { hasText: "Older" }).click();
    // 45 articles: 20 on the first page; the 25 older ones numbered from the oldest, page 1 full
    // (20) and page 2 (5) filling up, so that a new article never moves an older page's articles.
    expect(new URL(page.url()).pathname).toBe("/tags/energy/page/2/");
    expect(await page.locator("ol.articles li").count()).toBe(5);
    await page.locator("nav.pages a", { hasText: "Older" }).click();
    expect(new URL(page.url()).pathname).toBe("/tags/energy/page/1/");
    expect(await page.locator("ol.articles li").count()).toBe(20);
    expect(await texts(page, "ol.articles h3 a")).toContain("Energy report 1: prices & <supply>");
    await page.close();
  });

  it("sets lang and dir per article: a Persian article reads right to left", async () => {
    const page = await open(`${rich}2024/03/05/tehran-talks/`);
    expect(await page.locator("article").getAttribute("lang")).toBe("fa");
    expect(await page.locator("article").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("article h1").evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");
    await page.close();
  });

  it("shows a body image copied from beside its article", async () => {
    const page = await open(`${rich}2024/03/01/storm-warning/`);
    const image = page.locator(".body img");
    expect(await image.evaluate((element) => (element as HTMLImageElement).src)).toBe("https://worlddesk.example/2024/03/01/storm-warning/radar.png");
    // Served from the output: the same file, at the page's folder.
    expect(await readFile(path.join(richOut, "2024/03/01/storm-warning/radar.png"))).toEqual(await readFile(path.join(richOut, "../articles/radar.png")));
    expect(await page.locator("article header time").nth(1).textContent()).toBe("March 2, 2024");
    await page.close();
  });

  const feedsOf = async (base: string, out: string) => {
    const { readdir } = await import("node:fs/promises");
    // The feed documents, not the sitemaps beside them.
    const files = (await readdir(out, { recursive: true })).map(String).filter((file) => /(^|[\\/])(feed|atom)\.xml$/.test(file));
    return files.sort().map((file) => `${base}${file.split(path.sep).join("/")}`);
  };

  it("shows every RSS and Atom document with its banner and its items' titles", async () => {
    const rss = (await import("fast-xml-parser")).XMLParser;
    const parser = new rss({ ignoreAttributes: false });
    const feeds = await feedsOf(rich, richOut);
    // feed.xml and atom.xml in the root and in every feed set's folder: the nine tags, the authors, the two languages.
    const folders = new Set(feeds.map((url) => path.posix.dirname(new URL(url).pathname)));
    expect(feeds).toHaveLength(2 * folders.size);
    expect([...folders].filter((folder) => folder.startsWith("/tags/"))).toHaveLength(9);
    expect([...folders].filter((folder) => folder.startsWith("/languages/"))).toEqual(["/languages/en", "/languages/fa"]);
    expect(folders).toContain("/");
    for (const url of feeds) {
      const page = await open(url);
      const banner = await page.evaluate(() => getComputedStyle(document.documentElement, "::before").content);
      expect(banner, url).toContain("This is a feed");
      const source = parser.parse(await readFile(path.join(richOut, new URL(url).pathname), "utf8"));
      const items: { title: string | { "#text": string } }[] = [source.rss?.channel?.item ?? source.feed?.entry ?? []].flat();
      const expected = items.map((item) => String(typeof item.title === "object" ? item.title["#text"] : item.title));
      const shown = await page.evaluate(() =>
        Array.from(document.querySelectorAll("item > title, entry > title"))
          .filter((title) => title.getClientRects().length > 0)
          .map((title) => title.textContent),
      );
      expect(shown, url).toEqual(expected);
      await page.close();
    }
    // One page a document, some 30 of them: on a loaded machine that is more than the usual minute.
  }, 180_000);

  it("with feedStyle xsl, turns a feed into a page with the banner and linked titles", async () => {
    const site = await buildRichSite({ feedStyle: "xsl" });
    const server = await serve(site.out);
    servers.push(server);
    const page = await open(`${server.base}feed.xml`);
    expect(await page.locator(".banner").textContent()).toContain("This is a feed");
    expect(await page.locator("ol li a").count()).toBe(48);
    await page.close();
  });

  const kinds = {
    article: seedPath,
    front: "",
    tag: "tags/energy/",
    tags: "tags/",
    archive: "archive/",
    year: "archive/2023/",
    "list page": "page/1/",
    "rtl article": "2024/03/05/tehran-talks/",
  };

  it.each(Object.entries(kinds))("finds no axe-core violation on a %s page, light and dark", async (_kind, route) => {
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await open(`${rich}${route}`, { colorScheme });
      await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const results = await (window as unknown as { axe: typeof axe }).axe.run(document);
        return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
      });
      expect(violations, `${route} (${colorScheme})`).toEqual([]);
      await page.close();
    }
  });

  it("takes screenshots at phone and desktop widths, and has no horizontal scroll on a phone", async () => {
    const shots = {
      front: [seed, ""],
      seed: [seed, seedPath],
      tag: [rich, "tags/energy/"],
      archive: [rich, "archive/"],
      rtl: [rich, "2024/03/05/tehran-talks/"],
    };
    for (const [name, [base, route]] of Object.entries(shots)) {
      for (const [device, viewport] of Object.entries(widths)) {
        // Dark mode of the two pages the README shows; light for all.
        for (const colorScheme of name === "front" || name === "seed" ? (["light", "dark"] as const) : (["light"] as const)) {
          const page = await open(`${base}${route}`, { ...viewport, colorScheme });
          await page.screenshot({ path: path.join(artifacts, `${name}-${device}-${colorScheme}.png`), fullPage: true });
          if (device === "phone")
            expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} on a phone`).toBeLessThanOrEqual(viewport.width);
          await page.close();
        }
      }
    }
    if (process.env.UPDATE) {
      await copyFile(path.join(artifacts, "front-desktop-light.png"), path.join(repoRoot, "docs/screenshot-front.png"));
      await copyFile(path.join(artifacts, "seed-desktop-light.png"), path.join(repoRoot, "docs/screenshot-article.png"));
    }
  });
});
