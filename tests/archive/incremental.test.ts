import { createHash } from "node:crypto";
import { cp, mkdir, readdir, readFile, stat, truncate, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { stateFileOf } from "../../src/build/incremental/output-state.js";
import { tempDir } from "../helpers/build.js";
import { addArticle, articleDate, buildCorpus, corpusConfig, writeCorpus } from "./corpus.js";

// 295 articles: 20 in the subscription feeds and 275 archived, exactly 11 full pages of 25.
const initialCount = 295;
const newTags = ["Energy", "Trade"];

interface Snapshot {
  bytes: Map<string, Buffer>;
  inodes: Map<string, number>;
}

async function listFiles(folder: string, prefix = ""): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(folder, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(folder, relative)));
    else files.push(relative);
  }
  return files.sort();
}

async function snapshot(out: string): Promise<Snapshot> {
  const bytes = new Map<string, Buffer>();
  const inodes = new Map<string, number>();
  for (const file of await listFiles(out)) {
    bytes.set(file, await readFile(path.join(out, file)));
    inodes.set(file, (await stat(path.join(out, file))).ino);
  }
  return { bytes, inodes };
}

/** What a rebuild did to the output, file by file, compared byte for byte. */
function compare(before: Snapshot, after: Snapshot) {
  const changed: string[] = [];
  const added: string[] = [];
  const removed = [...before.bytes.keys()].filter((file) => !after.bytes.has(file));
  for (const [file, bytes] of after.bytes) {
    const old = before.bytes.get(file);
    if (!old) added.push(file);
    else if (!old.equals(bytes)) changed.push(file);
  }
  return { changed, added, removed };
}

// Every download and feed page wirefeed keeps from the previous output is hard-linked, not written again.
const keptAsIs = (file: string) => /^(archive\/|feeds\/archive\/|tags\/[^/]+\/)/.test(file) && !isPage(file);

// The HTML pages are checked on their own (see `touchedPages`); the other expectations are about the feeds and downloads.
const isPage = (file: string) => file.endsWith(".html");
const withoutPages = ({ changed, added, removed }: ReturnType<typeof compare>) => ({
  changed: changed.filter((file) => !isPage(file)),
  added: added.filter((file) => !isPage(file)),
  removed,
});
const pagesOf = ({ changed, added }: ReturnType<typeof compare>) => [...changed, ...added].filter(isPage).sort();

/** The page of article `index`, at its permalink. */
const articlePage = (index: number) => `${articleDate(index).slice(0, 10).replaceAll("-", "/")}/story-${index}/index.html`;

/**
 * The pages a new newest article should touch, and no others: its own; its older neighbour's
 * (whose "next article" link it becomes); the tag index and the archive page (counts, checksums);
 * and of each list that holds it (the front, its tags', its year's) the first page and the newest
 * numbered one, with the one before that when the newest is new (its "newer" link moved). Every
 * other numbered page keeps its URL and its bytes.
 */
function touchedPages(before: Snapshot, after: Snapshot, index: number, lists: readonly string[]): string[] {
  const pages = [articlePage(index), articlePage(index - 1), "tags/index.html", "archive/index.html"];
  for (const base of lists) {
    pages.push(`${base}index.html`);
    const numbers = [...after.bytes.keys()].flatMap((file) => {
      const match = file.startsWith(`${base}page/`) ? /^(\d+)\/index\.html$/.exec(file.slice(base.length + 5)) : null;
      return match ? [Number(match[1])] : [];
    });
    const newest = Math.max(0, ...numbers);
    if (newest === 0) continue;
    pages.push(`${base}page/${newest}/index.html`);
    if (!before.bytes.has(`${base}page/${newest}/index.html`) && newest > 1) pages.push(`${base}page/${newest - 1}/index.html`);
  }
  return pages.sort();
}

describe("adding one article and rebuilding", () => {
  let dir: string;
  let out: string;
  let first: Snapshot;

  beforeAll(async () => {
    dir = await writeCorpus(initialCount);
    ({ out } = await buildCorpus(dir));
    first = await snapshot(out);
    // The new articles are the newest, in the same year as the newest existing one.
    expect(articleDate(initialCount + 1).slice(0, 4)).toBe(articleDate(initialCount - 1).slice(0, 4));
  });

  const theYear = () => articleDate(initialCount).slice(0, 4);
  const downloads = () => [
    "archive.json",
    `archive/${theYear()}.json`,
    `archive/${theYear()}.json.gz`,
    `archive/${theYear()}.ndjson`,
    `archive/${theYear()}.ndjson.gz`,
    "archive/all.ndjson",
    "archive/all.ndjson.gz",
    "archive/index.json",
    "archive/sha256sums.txt",
  ];
  const tagFeeds = [
    "tags/energy/atom.xml",
    "tags/energy/feed.json",
    "tags/energy/feed.xml",
    "tags/trade/atom.xml",
    "tags/trade/feed.json",
    "tags/trade/feed.xml",
  ];
  let second: Snapshot;

  it("when the newest archive page was full: a new page; the old one only gains its next-archive link", async () => {
    await addArticle(dir, initialCount, newTags);
    await buildCorpus(dir);
    second = await snapshot(out);
    const { changed, added, removed } = withoutPages(compare(first, second));
    expect(removed).toEqual([]);
    expect(added).toEqual(["feeds/archive/atom/12.xml", "feeds/archive/json/12.json", "feeds/archive/rss/12.xml"]);
    expect(changed).toEqual(
      // sitemap.xml lists the new article's page.
      [
        "atom.xml",
        "feed.json",
        "feed.xml",
        "feeds/archive/atom/11.xml",
        "feeds/archive/rss/11.xml",
        ...downloads(),
        "sitemap.xml",
        ...tagFeeds,
        "tags/index.json",
      ].sort(),
    );
    // Page 11 kept its entries: the only new line is the link to page 12.
    const lines = (snap: Snapshot) => String(snap.bytes.get("feeds/archive/rss/11.xml")).split("\n");
    expect(
      lines(second)
        .filter((line) => !lines(first).includes(line))
        .map((line) => line.trim()),
    ).toEqual([`<atom:link rel="next-archive" href="${new URL("feeds/archive/rss/12.xml", corpusConfig.url).href}" type="application/rss+xml"/>`]);
    expect(pagesOf(compare(first, second))).toEqual(touchedPages(first, second, initialCount, ["", "tags/energy/", "tags/trade/", `archive/${theYear()}/`]));
  });

  it("when it was not: only the newest archive page changes, and the files that hold the article", async () => {
    await addArticle(dir, initialCount + 1, newTags);
    await buildCorpus(dir);
    const third = await snapshot(out);
    const { changed, added, removed } = withoutPages(compare(second, third));
    expect(removed).toEqual([]);
    expect(added).toEqual([]);
    expect(changed).toEqual(
      [
        "atom.xml",
        "feed.json",
        "feed.xml",
        "feeds/archive/atom/12.xml",
        "feeds/archive/json/12.json",
        "feeds/archive/rss/12.xml",
        ...downloads(),
        "sitemap.xml",
        ...tagFeeds,
        "tags/index.json",
      ].sort(),
    );
    // Unchanged downloads, archive pages and tag feeds were kept, not written again: the same inode.
    const rewritten = [...third.bytes.keys()].filter((file) => keptAsIs(file) && !changed.includes(file) && third.inodes.get(file) !== second.inodes.get(file));
    expect(rewritten).toEqual([]);
    // Kept: pages 1 to 11 in three formats, four earlier years' four files, ten other tags' three feeds.
    expect([...third.bytes.keys()].filter((file) => keptAsIs(file) && !changed.includes(file))).toHaveLength(11 * 3 + 4 * 4 + 10 * 3);
    const pages = touchedPages(second, third, initialCount + 1, ["", "tags/energy/", "tags/trade/", `archive/${theYear()}/`]);
    expect(pagesOf(compare(second, third))).toEqual(pages);
    // The other pages were kept as they were, hard-linked like the feeds.
    const rewrittenPages = [...third.bytes.keys()].filter(
      (file) => isPage(file) && !pages.includes(file) && third.inodes.get(file) !== second.inodes.get(file),
    );
    expect(rewrittenPages).toEqual([]);
  });

  it("gives the same bytes as a build of the same articles from scratch", async () => {
    const fresh = await tempDir("wirefeed-archive-fresh-");
    await mkdir(fresh, { recursive: true });
    await cp(path.join(dir, "articles"), path.join(fresh, "articles"), { recursive: true });
    await cp(path.join(dir, "wirefeed.config.json"), path.join(fresh, "wirefeed.config.json"));
    const { out: freshOut } = await buildCorpus(fresh);
    const [incremental, scratch] = [await snapshot(out), await snapshot(freshOut)];
    expect([...scratch.bytes.keys()]).toEqual([...incremental.bytes.keys()]);
    expect(compare(incremental, scratch)).toEqual({ changed: [], added: [], removed: [] });
  });

  it("writes everything anew, to the same bytes, when the state has no input keys", async () => {
    const before = await snapshot(out);
    // A file touched since: the output cannot be kept whole, so each file is judged by its key.
    await utimes(path.join(out, "feed.xml"), new Date(), new Date());
    const stateFile = stateFileOf(out);
    await writeFile(stateFile, JSON.stringify({ ...JSON.parse(await readFile(stateFile, "utf8")), keys: {} }));
    await buildCorpus(dir);
    const after = await snapshot(out);
    expect(compare(before, after)).toEqual({ changed: [], added: [], removed: [] });
    const downloads = [...after.bytes.keys()].filter((file) => file.startsWith("archive/"));
    expect(downloads.filter((file) => after.inodes.get(file) === before.inodes.get(file))).toEqual([]);
  });

  it("writes a download again when the previous one is not the size the manifest says", async () => {
    const before = await snapshot(out);
    const victim = `archive/${Number(theYear()) - 2}.ndjson.gz`;
    await truncate(path.join(out, victim), 10);
    await buildCorpus(dir);
    expect(compare(before, await snapshot(out))).toEqual({ changed: [], added: [], removed: [] });
  });

  it("keeps every byte when nothing changed", async () => {
    const before = await snapshot(out);
    await buildCorpus(dir);
    expect(compare(before, await snapshot(out))).toEqual({ changed: [], added: [], removed: [] });
  });

  it("seals every file it wrote or kept with the SHA-256 of its bytes, the downloads' streams too", async () => {
    await addArticle(dir, initialCount + 2, ["Energy"]);
    await buildCorpus(dir);
    const { seals } = JSON.parse(await readFile(stateFileOf(out), "utf8")) as { seals: Record<string, { sha256: string; size: number }> };
    const now = await snapshot(out);
    expect(Object.keys(seals).sort()).toEqual([...now.bytes.keys()]);
    const wrong = [...now.bytes].filter(
      ([file, bytes]) => seals[file]!.sha256 !== createHash("sha256").update(bytes).digest("hex") || seals[file]!.size !== bytes.length,
    );
    expect(wrong.map(([file]) => file)).toEqual([]);
  });
});
