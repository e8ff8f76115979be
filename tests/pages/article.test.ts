import { describe, expect, it } from "vitest";
import { renderArticlePage } from "../../src/formats/pages/article.js";
import { meta, model, parse, select, texts } from "./model.js";

const hostile = "<script>alert(1)</script> & more";

describe("renderArticlePage", () => {
  const site = model(
    [
      meta("older", "2022-02-20T10:00:00Z"),
      meta("seed", "2022-02-24T18:30:00Z", {
        title: `Iran “blames” NATO ${hostile}`,
        description: `The dek ${hostile}`,
        updated: new Date("2022-02-26T06:00:00Z"),
        authors: [{ name: "Ana" }, { name: "Ben", url: "https://ben.example/" }, { name: hostile }],
        tags: ["NATO", hostile],
        image: { url: "https://worlddesk.example/images/raisi.jpg", alt: `Alt ${hostile}`, caption: `Caption ${hostile}`, credit: "Associated Press" },
      }),
      meta("newer", "2022-03-01T10:00:00Z", { lang: "fa", title: "گفت‌وگو" }),
    ],
    { author: { name: "The World Desk" } },
  );
  const [newer, seed, older] = site.items as [(typeof site.items)[0], (typeof site.items)[0], (typeof site.items)[0]];
  const tree = parse(renderArticlePage(site.config, seed, newer, older));

  it("shows the headline, dek and byline as text, escaped", () => {
    expect(texts(select(tree, "h1"))).toEqual([`Iran “blames” NATO ${hostile}`]);
    expect(texts(select(tree, "p", { className: "dek" }))).toEqual([`The dek ${hostile}`]);
    expect(texts(select(tree, "p", { className: "byline" }))).toEqual([`By Ana, Ben and ${hostile}`]);
    expect(select(tree, "a", { href: "https://ben.example/" })).toHaveLength(1);
    expect(select(tree, "script")).toEqual([]);
  });

  it("gives the published date, and the updated one when later, in the site's zone", () => {
    const times = select(tree, "time").map((time) => `${time.properties.dateTime} ${texts([time])[0]}`);
    expect(times).toEqual(["2022-02-25T00:00:00+05:30 February 25, 2022", "2022-02-26T11:30:00+05:30 February 26, 2022"]);
    const same = parse(renderArticlePage(site.config, older, seed, undefined));
    expect(select(same, "time")).toHaveLength(1);
  });

  it("shows the lead image with its caption and normalized credit", () => {
    expect(select(tree, "img").map((image) => [image.properties.src, image.properties.alt])).toEqual([
      ["https://worlddesk.example/images/raisi.jpg", `Alt ${hostile}`],
    ]);
    expect(texts(select(tree, "span", { className: "caption" }))).toEqual([`Caption ${hostile}`]);
    expect(texts(select(tree, "span", { className: "credit" }))).toEqual(["Associated Press"]);
  });

  it("links its tags to their pages and its neighbours by rel", () => {
    expect(select(tree, "a", { rel: "tag" }).map((link) => link.properties.href)).toEqual([
      "../../../../tags/nato/",
      "../../../../tags/script-alert-1-script-more/",
    ]);
    expect(select(tree, "a", { rel: "prev" }).map((link) => link.properties.href)).toEqual(["../../20/older/"]);
    expect(select(tree, "a", { rel: "next" }).map((link) => [link.properties.href, link.properties.lang, link.properties.dir])).toEqual([
      ["../../../03/01/newer/", "fa", "rtl"],
    ]);
  });

  it("carries the body as the feeds do, and Open Graph with article times and tags", () => {
    expect(texts(select(tree, "div", { className: "body" }))).toEqual(["Body of seed."]);
    const og = Object.fromEntries(select(tree, "meta", { property: true }).map((element) => [element.properties.property, element.properties.content]));
    expect(og).toMatchObject({
      "og:type": "article",
      // The hand-built URL (see model.ts) is dated in UTC.
      "og:url": "https://worlddesk.example/2022/02/24/seed/",
      "og:image": "https://worlddesk.example/images/raisi.jpg",
      "article:published_time": "2022-02-25T00:00:00+05:30",
      "article:modified_time": "2022-02-26T11:30:00+05:30",
    });
    expect(select(tree, "meta", { property: "article:tag" }).map((element) => element.properties.content)).toEqual(["NATO", hostile]);
  });

  it("sets the article's lang and dir: a Persian article reads right to left", () => {
    const persian = parse(renderArticlePage(site.config, newer, undefined, seed));
    expect(select(persian, "article").map((element) => [element.properties.lang, element.properties.dir])).toEqual([["fa", "rtl"]]);
    expect(select(persian, "html").map((element) => element.properties.dir)).toEqual(["ltr"]);
    // No author of its own: the site's stands in, as in the feeds.
    expect(texts(select(persian, "p", { className: "byline" }))).toEqual(["By The World Desk"]);
  });
});
