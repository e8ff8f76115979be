import { describe, expect, it } from "vitest";
import { articleList, paginate } from "../../src/formats/pages/listing.js";
import { renderFrontPage } from "../../src/formats/pages/front.js";
import { renderTagPage, renderTagsPage } from "../../src/formats/pages/tag.js";
import { meta, model, parse, select, texts } from "./model.js";

const articles = (count: number) =>
  Array.from({ length: count }, (_, index) =>
    meta(`story-${index}`, new Date(Date.UTC(2023, 0, 1) + index * 86_400_000).toISOString(), { tags: index % 2 ? ["Odd"] : ["Even", "Odd"] }),
  );

describe("paginate", () => {
  it.each([
    [0, [["", 0]]],
    [20, [["", 20]]],
    [
      21,
      [
        ["", 20],
        ["page/1/", 1],
      ],
    ],
    [
      45,
      [
        ["", 20],
        ["page/2/", 5],
        ["page/1/", 20],
      ],
    ],
  ])("%i articles make pages %j", (count, expected) => {
    const pages = paginate("", model(articles(count)).items);
    expect(pages.map((page) => [page.route, page.items.length])).toEqual(expected);
    // Linked newer to older and back.
    for (const [index, page] of pages.entries()) {
      expect(page.newer).toBe(pages[index - 1]?.route);
      expect(page.older).toBe(pages[index + 1]?.route);
    }
  });

  it("keeps every numbered page but the newest the same when an article is added", () => {
    const before = paginate("", model(articles(65)).items);
    const after = paginate("", model(articles(66)).items);
    const ids = (pages: typeof before) => new Map(pages.map((page) => [page.route, page.items.map((item) => item.id)]));
    const [was, is] = [ids(before), ids(after)];
    const changed = [...is.keys()].filter((route) => JSON.stringify(is.get(route)) !== JSON.stringify(was.get(route)));
    expect(changed).toEqual(["", "page/3/"]);
  });
});

describe("the list pages", () => {
  const site = model(articles(25));

  it("list headlines linking relative to the page, newest first", () => {
    const tree = parse(articleList(site.config, "tags/odd/", site.items.slice(0, 2)).value);
    expect(select(tree, "a").map((link) => link.properties.href)).toEqual(["../../2023/01/25/story-24/", "../../2023/01/24/story-23/"]);
    expect(texts(select(tree, "time"))).toEqual(["January 25, 2023", "January 24, 2023"]);
  });

  it("front page: newest articles, the feeds with their URLs, the most used tags, a link to older articles", () => {
    const [first] = paginate("", site.items);
    const tree = parse(renderFrontPage(site, first!));
    expect(select(tree, "ol", { className: "articles" }).flatMap((list) => select({ type: "root", children: [list] }, "li"))).toHaveLength(20);
    expect(texts(select(tree, "code"))).toEqual([
      "https://worlddesk.example/feed.xml",
      "https://worlddesk.example/atom.xml",
      "https://worlddesk.example/feed.json",
    ]);
    expect(texts(select(tree, "ul", { className: "tag-cloud" }))).toEqual(["Odd (25)\nEven (13)"]);
    expect(select(tree, "a", { rel: "next" }).map((link) => link.properties.href)).toEqual(["page/1/"]);
  });

  it("tag page: the tag's articles and its feeds, in the head too", () => {
    const { tag, items } = site.tags.get("even")!;
    const pages = paginate("tags/even/", items);
    const tree = parse(renderTagPage(site, tag, items.length, pages[0]!));
    expect(texts(select(tree, "h1"))).toEqual(["Articles tagged “Even”"]);
    expect(select(tree, "link", { rel: "alternate" }).map((link) => link.properties.href)).toContain("https://worlddesk.example/tags/even/atom.xml");
    expect(texts(select(tree, "p", { className: "lede" }))).toEqual(["13 articles from The World Desk."]);
  });

  it("tags page: every tag with its count, by name", () => {
    const tree = parse(renderTagsPage(site));
    expect(
      select(tree, "a").filter((link) => String(link.properties.href).startsWith("even/") || String(link.properties.href).startsWith("odd/")),
    ).toHaveLength(2);
  });
});
