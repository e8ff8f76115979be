import { describe, expect, it } from "vitest";
import { directionOf, renderPage, timeElement } from "../../src/formats/pages/layout.js";
import { config, parse, select, texts } from "./model.js";

describe("directionOf", () => {
  it.each([
    ["en", "ltr"],
    ["fa", "rtl"],
    ["fa-IR", "rtl"],
    ["ar", "rtl"],
    ["he", "rtl"],
    ["ur-PK", "rtl"],
    // The script subtag decides where a language is written in more than one.
    ["ku-Arab", "rtl"],
    ["ku-Latn", "ltr"],
    ["az-Arab", "rtl"],
    ["uz-Cyrl", "ltr"],
    ["de", "ltr"],
  ])("%s is %s", (lang, direction) => {
    expect(directionOf(lang)).toBe(direction);
  });
});

describe("timeElement", () => {
  it.each([
    // The seed's date: midnight in Kolkata, which is still February 24 in UTC.
    ["2022-02-24T18:30:00Z", "Asia/Kolkata", "en", '<time datetime="2022-02-25T00:00:00+05:30">February 25, 2022</time>'],
    ["2022-02-24T18:30:00Z", "UTC", "en", '<time datetime="2022-02-24T18:30:00Z">February 24, 2022</time>'],
    ["2022-02-24T18:30:00Z", "Asia/Kolkata", "en-GB", '<time datetime="2022-02-25T00:00:00+05:30">25 February 2022</time>'],
  ])("%s in %s (%s)", (instant, timeZone, language, expected) => {
    expect(timeElement(config({ timeZone, language }), new Date(instant)).value).toBe(expected);
  });
});

describe("renderPage", () => {
  const page = renderPage(
    config({ title: 'Desk "&" <Co>', copyright: "© 2022 Desk" }),
    "tags/nato/",
    {
      title: "</title><script>alert(1)</script>",
      openGraph: { type: "website" },
      feeds: [
        { label: "RSS", route: "tags/nato/feed.xml", title: "NATO (RSS)", url: "https://worlddesk.example/tags/nato/feed.xml", type: "application/rss+xml" },
      ],
    },
    "",
  );
  const tree = parse(page);

  it("escapes the title and the site's name", () => {
    expect(texts(select(tree, "title"))).toEqual(['</title><script>alert(1)</script> · Desk "&" <Co>']);
    expect(select(tree, "script")).toEqual([]);
  });

  it("has a canonical link, the stylesheet relative to the page, and no script", () => {
    expect(select(tree, "link", { rel: "canonical" }).map((link) => link.properties.href)).toEqual(["https://worlddesk.example/tags/nato/"]);
    expect(select(tree, "link", { rel: "stylesheet" }).map((link) => link.properties.href)).toEqual(["../../assets/wirefeed.css"]);
  });

  it("announces the site's feeds and the page's own", () => {
    expect(select(tree, "link", { rel: "alternate" }).map((link) => `${link.properties.type} ${link.properties.href}`)).toEqual([
      "application/rss+xml https://worlddesk.example/feed.xml",
      "application/atom+xml https://worlddesk.example/atom.xml",
      "application/feed+json https://worlddesk.example/feed.json",
      "application/rss+xml https://worlddesk.example/tags/nato/feed.xml",
    ]);
  });

  it("sets lang and dir from the site's language", () => {
    const persian = parse(renderPage(config({ language: "fa" }), "", { title: "x", openGraph: { type: "website" } }, ""));
    expect(select(persian, "html").map((element) => [element.properties.lang, element.properties.dir])).toEqual([["fa", "rtl"]]);
  });
});
