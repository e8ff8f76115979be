// Each article's feed items are written once and kept with the article in the cache: a later
// build takes them from there, and anything that would change them makes them anew.
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ItemStore, itemFingerprint, itemsAhead } from "../../src/build/incremental/item-store.js";
import { storeRendered } from "../../src/build/incremental/article-cache.js";
import { buildModel } from "../../src/build/stages/model.js";
import { itemWriters } from "../../src/formats/document.js";
import { tempDirSync } from "../helpers/temp.js";
import { makeItem, siteConfig } from "../serialize/pages.js";

const config = siteConfig();
const key = "ab".padEnd(64, "0");
const formats = ["rss", "atom", "json"] as const;

describe("ItemStore", () => {
  it("writes an item once for its three formats, and the next build reads it from the cache", () => {
    const dir = tempDirSync();
    const item = makeItem({ key });
    const first = new ItemStore(config, () => "tags-1", dir);
    for (const format of formats) expect(first.bytes(item, format, "full").toString()).toBe(itemWriters[format](config, item));
    expect(first.bytes(item, "rss", "full").toString()).toBe(itemWriters.rss(config, item));
    expect(first.written).toBe(1);

    // A body the next build never reads: the items come from the cache, not from it.
    const next = new ItemStore(config, () => "tags-1", dir);
    const cachedOnly = makeItem({ key, html: "<p>not this</p>" });
    expect(next.bytes(cachedOnly, "atom", "full").toString()).toBe(itemWriters.atom(config, item));
    expect(next.written).toBe(0);
  });

  it("writes the item anew when what it is made of changed, or its file is damaged", () => {
    const dir = tempDirSync();
    const item = makeItem({ key });
    new ItemStore(config, () => "tags-1", dir).bytes(item, "rss", "full").toString();
    const retagged = makeItem({ key, tags: [{ name: "Ports", slug: "ports" }] });
    const store = new ItemStore(config, () => "tags-2", dir);
    expect(store.bytes(retagged, "rss", "summary").toString()).toContain("<category>Ports</category>");
    expect(store.written).toBe(1);

    const folder = path.join(dir, "articles", "ab");
    const [file] = readdirSync(folder);
    writeFileSync(path.join(folder, file!), "wirefeed-cache\n1\ntruncated");
    const afterDamage = new ItemStore(config, () => "tags-2", dir);
    expect(afterDamage.bytes(retagged, "json", "summary").toString()).toBe(itemWriters.json(config, retagged, "summary"));
    expect(afterDamage.written).toBe(1);
  });

  it("writes the item anew when a setting its bytes depend on changed: the lead figure, the site author", () => {
    // The same article key and tags in both builds: only the config differs, as when a caller's key leaves it out.
    const dir = tempDirSync();
    const item = makeItem({ key, authors: [], image: { url: "https://news.example.org/harbour.jpg", type: "image/jpeg", caption: "The quay" } });
    const withFigure = new ItemStore(config, () => "tags-1", dir);
    expect(withFigure.bytes(item, "json", "full").toString()).toContain("<figure>");
    const noFigure = siteConfig({ feeds: { leadImageFigure: false } } as never);
    const next = new ItemStore(noFigure, () => "tags-1", dir);
    expect(next.bytes(item, "json", "full").toString()).not.toContain("<figure>");
    expect(next.written).toBe(1);
    const authored = siteConfig({ feeds: { leadImageFigure: false }, author: { name: "The Desk" } } as never);
    expect(new ItemStore(authored, () => "tags-1", dir).bytes(item, "rss", "summary").toString()).toContain("<dc:creator>The Desk</dc:creator>");
  });

  it("takes the items a render thread wrote ahead, under the settings they depend on", () => {
    const dir = tempDirSync();
    const position = { line: 1, column: 1 };
    const date = new Date("2022-02-25T10:00:00Z");
    const meta = {
      id: "tag:news.example.org,2022-02-25:harbour",
      slug: "harbour",
      url: "https://news.example.org/2022/02/25/harbour/",
      title: "Harbour",
      date,
      updated: date,
      authors: [],
      tags: ["Ports"],
      draft: false,
      positions: { slug: position, id: position },
    };
    const body = { html: "<p>The quay.</p>", text: "The quay.", firstParagraph: "The quay." };
    for (const settings of [config, siteConfig({ author: { name: "The Desk" } } as never)]) {
      storeRendered(dir, key, { body, summary: "The quay." }, itemsAhead(settings, { key, meta, summary: "The quay.", body, source: "harbour.md" }));
      const [item] = buildModel([{ meta, summary: "The quay.", body, source: "harbour.md", key }], settings).items;
      const store = new ItemStore(settings, (made) => itemFingerprint(key, made.tags), dir);
      expect(store.bytes(item!, "rss", "full").toString()).toBe(itemWriters.rss(settings, item!));
      expect(store.written).toBe(0);
    }
  });

  it("keeps items without a key, or without a cache, in memory only", () => {
    const item = makeItem();
    const store = new ItemStore(config, () => "tags-1");
    expect(store.bytes(item, "json", "full").toString()).toBe(store.bytes(item, "json", "full").toString());
    expect(store.written).toBe(1);
  });
});
