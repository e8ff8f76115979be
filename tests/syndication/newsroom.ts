// A newsroom-shaped site, generated: four sections, three authors (one spelled two ways), two
// languages, a few hundred tags, lead images with captions and agency credits, articles without an
// author (the site's author stands in), drafts and a scheduled article. Deterministic: no randomness.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { tempDir } from "../helpers/temp.js";

export const newsroomNow = "2026-11-27T12:00:00Z";
export const newsroomUrl = "https://newsroom.example/";

const sections = ["World", "Politics", "Business", "Sport"];
const authors = ["Ana Lima", "Omid Rahimi", "Jo Park"];
const credits = ["AP", "Reuters", "AFP/Getty Images"];

/** The article files: name → text. */
export function newsroomArticles(count = 120): Map<string, string> {
  const files = new Map<string, string>();
  for (let n = 1; n <= count; n++) {
    // Every article an hour apart, the newest 90 minutes before now: a day's worth are in the news sitemap.
    const date = new Date(Date.parse(newsroomNow) - (90 + (n - 1) * 60) * 60_000).toISOString().replace(/\.000Z$/, "Z");
    const persian = n % 5 === 0;
    const lines = ["---", `title: "${persian ? `گزارش شماره ${n}` : `Report number ${n}`}"`, `date: ${date}`];
    if (persian) lines.push("lang: fa");
    lines.push(`section: ${sections[n % sections.length]}`);
    // One in seven names no author; Ana Lima is also written in capitals, the same person.
    if (n % 7 !== 0) lines.push(`author: "${n % 11 === 0 ? "ANA LIMA" : authors[n % authors.length]}"`);
    // Five tags each, 300 distinct in all: a newsroom's long tail of topics.
    const tags = [0, 1, 2, 3, 4].map((k) => `Topic ${(n * 5 + k) % 300}`);
    lines.push(`tags: [${tags.map((tag) => `"${tag}"`).join(", ")}]`);
    if (n % 3 === 0)
      lines.push(
        "image:",
        `  src: /images/${n}.jpg`,
        `  caption: "Scene ${n} <at dawn> & after"`,
        `  credit: "${credits[n % credits.length]}"`,
        `  alt: "Photo ${n}"`,
      );
    lines.push("---", "", `Paragraph one of report ${n}, with [a link](https://example.org/${n}) and *emphasis*.`, "", "A second paragraph.", "");
    files.set(`2026-report-${String(n).padStart(3, "0")}.md`, lines.join("\n"));
  }
  files.set("draft.md", "---\ntitle: An unfinished draft\ndate: 2026-11-01\nsection: Culture\ndraft: true\n---\n\nNot yet.\n");
  files.set("scheduled.md", "---\ntitle: Tomorrow's story\ndate: 2026-12-30\nsection: Science\n---\n\nLater.\n");
  return files;
}

/** The config of the newsroom, with `changes` on top. */
export const newsroomConfig = (changes: Record<string, unknown> = {}) => ({
  title: "The Newsroom",
  url: newsroomUrl,
  description: "News in two languages.",
  timeZone: "Europe/Berlin",
  author: { name: "Newsroom Staff" },
  ...changes,
});

/** Writes the newsroom to a new folder; returns it. */
export async function makeNewsroom(options: { count?: number; config?: Record<string, unknown> } = {}): Promise<string> {
  const dir = await tempDir("wirefeed-newsroom-");
  await mkdir(path.join(dir, "articles"), { recursive: true });
  for (const [name, text] of newsroomArticles(options.count)) await writeFile(path.join(dir, "articles", name), text);
  await writeFile(path.join(dir, "wirefeed.config.json"), JSON.stringify(newsroomConfig(options.config), null, 2));
  return dir;
}
