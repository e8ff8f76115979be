// Markup in every text field a site and its articles have, read back from every output file: in a
// field readers render as HTML it must arrive escaped (no element can come of it), in a plain-text
// field as the very characters written. Before: a tag named <script>alert(1)</script> reached the
// tag feed's RSS channel <description> escaped once, which readers render as a script.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { type Document, DOMParser, type Element } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../errors/site.js";

const payloads = ["<script>alert(1)</script>", '<img src=x onerror="alert(2)">', "]]><b>bold</b>&amp;"];

/** Whether HTML text would make an element of a payload: its markup arrives unescaped. */
const active = (html: string) => /<script|<img src=x|<b>bold/i.test(html);

let out: string;
let files: string[];

beforeAll(async () => {
  const marked = (field: string, index: number) => `${field} ${payloads[index % payloads.length]}`;
  const articles: Record<string, string> = {};
  for (let index = 0; index < 3; index++) {
    articles[`2022-01-0${index + 1}-story-${index}.md`] = [
      "---",
      `title: ${JSON.stringify(marked("Title", index))}`,
      `date: 2022-01-0${index + 1}`,
      `description: ${JSON.stringify(marked("Dek", index))}`,
      `author: ${JSON.stringify({ name: marked("Author", index) })}`,
      `tags: ${JSON.stringify([marked("Tag", index), "plain"])}`,
      `image: ${JSON.stringify({ src: "/a.jpg", alt: marked("Alt", index), caption: marked("Caption", index), credit: marked("Credit", index) })}`,
      "---",
      "A body paragraph.",
      "",
    ].join("\n");
  }
  const result = await buildSite(
    articles,
    {
      title: marked("Site", 0),
      description: marked("About", 1),
      copyright: marked("Rights", 2),
      author: { name: marked("Desk", 0) },
      feedLimit: 2,
      archivePageSize: 1,
      // Full content in the tag feeds too, so that every kind of feed carries HTML to check.
      outputs: { tagFeeds: "full", yearlyJson: true, yearlyNdjson: true },
    },
    { cacheDir: false },
  );
  expect(result.diagnostics).toEqual([]);
  out = result.out;
  files = (await readdir(out, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && !entry.name.endsWith(".gz"))
    .map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
});

/** Elements of an RSS or Atom document whose text readers render as HTML. */
function htmlElements(document: Document): Element[] {
  const all = Array.from(document.getElementsByTagName("*")) as Element[];
  const rss = document.documentElement?.tagName === "rss";
  return all.filter((element) =>
    rss ? element.tagName === "description" || element.tagName === "content:encoded" : ["html", "xhtml"].includes(element.getAttribute("type") ?? ""),
  );
}

/** Every string in a JSON value, with the key it stands under. */
function strings(value: unknown, key = ""): [string, string][] {
  if (typeof value === "string") return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item, key));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([name, item]) => strings(item, name));
  return [];
}

describe("markup in every text field", () => {
  it("reaches every format", () => {
    expect(files.filter((file) => file.endsWith(".xml")).length).toBeGreaterThan(10);
    expect(files).toContain("tags/index.json");
  });

  it("is escaped in every RSS and Atom field readers render as HTML, and kept as text in the others", async () => {
    // The sitemaps hold URLs, dates and titles as plain text, never HTML: they have a test of their own (tests/syndication/sitemaps.test.ts).
    for (const file of files.filter((name) => name.endsWith(".xml") && !name.includes("sitemap"))) {
      const document = new DOMParser().parseFromString(await readFile(path.join(out, file), "utf8"), "text/xml");
      const html = htmlElements(document);
      expect(html.length, file).toBeGreaterThan(0);
      for (const element of html) expect(active(element.textContent ?? ""), `${file} <${element.tagName}>: ${element.textContent}`).toBe(false);
      const texts = (Array.from(document.getElementsByTagName("*")) as Element[])
        .filter((element) => !html.includes(element) && element.childNodes.length === 1 && element.firstChild?.nodeType === 3)
        .map((element) => element.textContent ?? "");
      // Plain text arrives as written: the payloads, character for character.
      expect(
        texts.some((text) => payloads.some((payload) => text.includes(payload))),
        file,
      ).toBe(true);
    }
  });

  it("is escaped in every JSON field that holds HTML, and kept as text in the others", async () => {
    for (const file of files.filter((name) => name.endsWith(".json") || name.endsWith(".ndjson"))) {
      const text = await readFile(path.join(out, file), "utf8");
      const values = file.endsWith(".ndjson")
        ? text
            .trim()
            .split("\n")
            .filter(Boolean)
            .map((line) => JSON.parse(line))
        : JSON.parse(text);
      for (const [key, value] of strings(values)) if (key.includes("html")) expect(active(value), `${file} ${key}: ${value}`).toBe(false);
    }
  });

  it("gives the tag feed's RSS channel a description that shows the tag's name as text", async () => {
    const tagFeed = files.find((file) => /^tags\/[^/]+\/feed\.xml$/.test(file) && !file.includes("plain"))!;
    const document = new DOMParser().parseFromString(await readFile(path.join(out, tagFeed), "utf8"), "text/xml");
    const description = Array.from(document.getElementsByTagName("description"))[0]!.textContent!;
    expect(description).toMatch(/^Articles tagged “Tag .*&lt;/);
    expect(active(description)).toBe(false);
  });
});
