import { describe, expect, it } from "vitest";
import { fileOf, relativeUrl, routeOf, routes, urlOf } from "../../src/formats/pages/routes.js";
import { config } from "./model.js";

describe("relativeUrl", () => {
  it.each([
    // From the seed article's page to the pages it links.
    ["2022/02/25/iran-blames-nato/", "tags/nato/", "../../../../tags/nato/"],
    ["2022/02/25/iran-blames-nato/", "", "../../../../"],
    ["2022/02/25/iran-blames-nato/", "assets/wirefeed.css", "../../../../assets/wirefeed.css"],
    // From the front page.
    ["", "tags/nato/", "tags/nato/"],
    ["", "", "./"],
    // Within one folder and down from it.
    ["archive/", "archive/sha256sums.txt", "sha256sums.txt"],
    ["archive/", "archive/2022/", "2022/"],
    ["archive/", "archive.json", "../archive.json"],
    ["tags/nato/page/2/", "tags/nato/page/1/", "../1/"],
    // A feed document to its stylesheet.
    ["feeds/archive/rss/3.xml", "assets/feed.css", "../../../assets/feed.css"],
    // Encoded where a URL needs it; a colon too, so that a first segment is never taken for a scheme.
    ["", "tags/گفتگو/", "tags/%DA%AF%D9%81%D8%AA%DA%AF%D9%88/"],
    ["", "a:b/", "a%3Ab/"],
    ["", "tags/a b?c/", "tags/a%20b%3Fc/"],
  ])("from %j to %j is %j", (from, to, expected) => {
    expect(relativeUrl(from, to)).toBe(expected);
    // Resolved against any base, it names the target.
    const base = new URL(from.split("/").map(encodeURIComponent).join("/"), "https://x.example/site/");
    expect(new URL(expected, base).href).toBe(new URL(to.split("/").map(encodeURIComponent).join("/"), "https://x.example/site/").href);
  });
});

describe("routeOf", () => {
  it.each([
    ["https://worlddesk.example/", "https://worlddesk.example/2022/02/25/iran/", "2022/02/25/iran/"],
    // A permalink without a trailing slash is a folder all the same.
    ["https://worlddesk.example/", "https://worlddesk.example/iran", "iran/"],
    ["https://worlddesk.example/", "https://worlddesk.example/iran.html", "iran.html"],
    // A site in a subfolder, and a non-ASCII slug, decoded as the file is named.
    ["https://example.org/news/", "https://example.org/news/%DA%AF%D9%81%D8%AA%DA%AF%D9%88/", "گفتگو/"],
    // Elsewhere: no route.
    ["https://example.org/news/", "https://example.org/other/x/", undefined],
    ["https://worlddesk.example/", "https://cdn.example/x/", undefined],
  ])("on %s, %s is %j", (url, target, route) => {
    expect(routeOf(config({ url }), target)).toBe(route);
  });
});

describe("fileOf and urlOf", () => {
  it("names a folder's index.html and an encoded absolute URL", () => {
    expect(fileOf(routes.front)).toBe("index.html");
    expect(fileOf(routes.tag("nato"))).toBe("tags/nato/index.html");
    expect(fileOf(routes.listPage(routes.year("2022"), 3))).toBe("archive/2022/page/3/index.html");
    expect(urlOf(config({ url: "https://example.org/news/" }), "tags/گفتگو/")).toBe("https://example.org/news/tags/%DA%AF%D9%81%D8%AA%DA%AF%D9%88/");
  });
});
