import { readFile } from "node:fs/promises";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { buildRepo, readOutput, repoRoot, readArchive } from "../helpers/build.js";

// The seed as scraped: its body paragraphs are the lines after the credit line.
const seedText = await readFile(path.join(repoRoot, "../shared/seeds/000_30e032a2b5043f8a.txt"), "utf8").catch(() =>
  readFile(path.join(repoRoot, "tests/fixtures/seed/000_30e032a2b5043f8a.txt"), "utf8"),
);
const seedLines = seedText.split("\n");
const seedParagraphs = seedLines
  .slice(seedLines.indexOf("IMAGE SOURCE: ASSOCIATED PRESS") + 1)
  .map((line) => line.replace(/\u00A0/g, " ").trim())
  .filter(Boolean);

const expected = {
  title: "Iran Blames NATO Expansion for Russia’s Invasion of Ukraine",
  description: seedLines[4]!,
  published: Date.parse("2022-02-25T00:00:00+05:30"),
  credit: "Associated Press",
  caption: "Iranian President Ebrahim Raisi",
  tags: ["Iran", "Russia", "Ukraine", "NATO", "JCPOA"],
};

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", textNodeName: "#text", cdataPropName: false as never });
const paragraphsOf = (html: string) => [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => match[1]!.replace(/\u00A0/g, " ").trim());

describe("the seed article in every output", () => {
  let out: string;
  beforeAll(async () => {
    const result = await buildRepo();
    expect(result.diagnostics).toEqual([]);
    expect(result.exitCode).toBe(0);
    out = result.out;
  });

  it("keeps all 10 body paragraphs of the scraped page, word for word, in the HTML of its feed item", async () => {
    const html = xml.parse(await readOutput(out, "feed.xml")).rss.channel.item["content:encoded"];
    expect(paragraphsOf(html)).toHaveLength(10);
    expect(paragraphsOf(html)).toEqual(seedParagraphs);
  });

  it("RSS 2.0", async () => {
    const item = xml.parse(await readOutput(out, "feed.xml")).rss.channel.item;
    expect(item.title).toBe(expected.title);
    expect(item.description).toBe(expected.description);
    expect(Date.parse(item.pubDate)).toBe(expected.published);
    // RFC 822 with a four-digit year, in the site's zone (Asia/Kolkata), as the site printed it.
    expect(item.pubDate).toBe("Fri, 25 Feb 2022 00:00:00 +0530");
    expect(item.category).toEqual(expected.tags);
    expect(item["media:content"]["media:credit"]["#text"]).toBe(expected.credit);
    expect(item["media:content"]["media:description"]["#text"]).toBe(expected.caption);
    expect(paragraphsOf(item["content:encoded"])).toEqual(seedParagraphs);
  });

  it("Atom 1.0", async () => {
    const entry = xml.parse(await readOutput(out, "atom.xml")).feed.entry;
    expect(entry.title["#text"]).toBe(expected.title);
    expect(entry.summary["#text"]).toBe(expected.description);
    expect(Date.parse(entry.published)).toBe(expected.published);
    expect(entry.published).toBe("2022-02-25T00:00:00+05:30");
    expect(entry.category.map((c: Record<string, string>) => c["@term"])).toEqual(expected.tags);
    expect(entry["media:content"]["media:credit"]["#text"]).toBe(expected.credit);
    expect(entry["media:content"]["media:description"]["#text"]).toBe(expected.caption);
    expect(paragraphsOf(entry.content["#text"])).toEqual(seedParagraphs);
  });

  it("JSON Feed 1.1", async () => {
    const feed = JSON.parse(await readOutput(out, "feed.json"));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    const [item] = feed.items;
    expect(item.title).toBe(expected.title);
    expect(item.summary).toBe(expected.description);
    expect(Date.parse(item.date_published)).toBe(expected.published);
    expect(item.tags).toEqual(expected.tags);
    expect(item._wirefeed.image).toMatchObject({ credit: expected.credit, caption: expected.caption });
    expect(paragraphsOf(item.content_html)).toEqual(seedParagraphs);
  });

  it("the archive", async () => {
    const archive = await readArchive(out);
    expect(archive.count).toBe(1);
    const record = archive.articles[0]!;
    expect(record.title).toBe(expected.title);
    expect(record.description).toBe(expected.description);
    expect(Date.parse(record.date_published)).toBe(expected.published);
    expect(record.tags.map((tag: { name: string }) => tag.name)).toEqual(expected.tags);
    expect(record.image).toMatchObject({ credit: expected.credit, credit_as_written: "IMAGE SOURCE: ASSOCIATED PRESS", caption: expected.caption });
    expect(record.content_text.split(/\n+/).map((p: string) => p.trim())).toEqual(seedParagraphs);
  });

  it("is byte-identical when built twice", async () => {
    const again = await buildRepo();
    for (const file of ["feed.xml", "atom.xml", "feed.json", "archive/2022.json", "archive/index.json"]) {
      expect(await readOutput(again.out, file)).toBe(await readOutput(out, file));
    }
  });
});
