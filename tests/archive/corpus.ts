// A deterministic corpus of small articles over several years, for the archive tests.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { random } from "../../bench/generate.js";
import { tempDir } from "../helpers/build.js";

/** Site settings of the corpus: small pages, so that a few hundred articles make many of them. */
export const corpusConfig = {
  title: "The Archive Desk",
  url: "https://archive.example/news/",
  description: "A generated corpus.",
  language: "en",
  timeZone: "Asia/Kolkata",
  feedLimit: 20,
  archivePageSize: 25,
  // Every copy the build can write, so that each is checked; tag feeds with full content, as the feeds tests read them.
  outputs: { allJson: true, allNdjson: true, yearlyJson: true, yearlyNdjson: true, gzip: true, archivePages: true, tagFeeds: "full" },
} as const;

const tagPool = ["Iran", "Russia", "Ukraine", "NATO", "Energy", "Sanctions", "Middle East", "Trade", "China", "Elections", "Climate", "Health"];
const credits = ["IMAGE SOURCE: ASSOCIATED PRESS", "Photo: Reuters", "AFP via Getty Images"];

const start = Date.UTC(2019, 0, 3, 6, 0);
const step = 5 * 24 * 3_600_000 + 7 * 3_600_000;

/** The wall-clock date (in the corpus's zone, +05:30) of article `index`: about every five days from January 2019. */
export function articleDate(index: number): string {
  const local = new Date(start + index * step + 5.5 * 3_600_000);
  return `${local.toISOString().slice(0, 16)}`;
}

/** The file name and text of article `index`; `tags` overrides the generated tags. */
export function article(index: number, tags?: readonly string[]): { name: string; text: string } {
  const next = random(index * 7919 + 17);
  const chosen = tags ?? [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => tagPool[Math.floor(next() * tagPool.length)]!))];
  const date = articleDate(index);
  const slug = `story-${index}`;
  const image =
    index % 3 === 0
      ? `image:\n  src: /images/${slug}.jpg\n  alt: Picture ${index}\n  caption: Caption ${index}\n  credit: "${credits[index % credits.length]}"\n`
      : "";
  const text = `---\ntitle: "Story number ${index}"\ndate: ${date}\ntags: [${chosen.map((tag) => JSON.stringify(tag)).join(", ")}]\n${image}---\nParagraph one of story ${index}, with a [link](/topics/${index}/) and *emphasis*.\n\nParagraph two: ${Math.floor(next() * 1e6)}.\n`;
  return { name: `${date.slice(0, 10)}-${slug}.md`, text };
}

/** Writes `count` articles and the config into a new temporary folder; returns the folder. */
export async function writeCorpus(count: number): Promise<string> {
  const dir = await tempDir("wirefeed-archive-");
  await mkdir(path.join(dir, "articles"));
  await writeFile(path.join(dir, "wirefeed.config.json"), JSON.stringify(corpusConfig, null, 2));
  for (let index = 0; index < count; index++) await addArticle(dir, index);
  return dir;
}

/** Adds article `index` to a corpus folder. */
export async function addArticle(dir: string, index: number, tags?: readonly string[]): Promise<void> {
  const { name, text } = article(index, tags);
  await writeFile(path.join(dir, "articles", name), text);
}

/** The build's "now": after every generated article. */
export const corpusNow = "2030-01-01T00:00:00Z";

/** Builds a corpus folder into its output/ with the library's build(); fails the test on any diagnostic. */
export async function buildCorpus(dir: string) {
  const { build } = await import("../../src/index.js");
  const result = await build({ cwd: dir, now: corpusNow });
  if (result.exitCode !== 0 || result.diagnostics.length) throw new Error(`build failed: ${JSON.stringify(result.diagnostics, null, 2)}`);
  return { ...result, out: path.join(dir, "output") };
}

/** The absolute URL of a file of the output folder. */
export const siteUrl = (relative: string) => new URL(relative, corpusConfig.url).href;

/** The output file a site URL stands for. */
export function fileOfUrl(out: string, url: string): string {
  if (!url.startsWith(corpusConfig.url)) throw new Error(`${url} is not under the site URL`);
  return path.join(out, url.slice(corpusConfig.url.length));
}
