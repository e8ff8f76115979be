import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeHtml } from "../../src/import/html.js";
import { articleMarkdown } from "../../src/import/markdown.js";

// Pages made of the pieces real pages are made of, in any order and nesting, some broken:
// the analysis never throws, and what it would write is front matter and a body.
const piece = fc.constantFrom(
  "<article>",
  "</article>",
  "<div class='share'>",
  "<div>",
  "</div>",
  "<p>",
  "</p>",
  "<h1>Headline here</h1>",
  "<h2>",
  "<ul><li>item",
  "</ul>",
  "<table><tr><td>cell",
  "<pre><code>x = 1",
  "<figure><img src='/a.jpg'><figcaption>Caption <span class='credit'>Photo: AP</span>",
  "<a href='javascript:alert(1)'>",
  "<a href='/x'>",
  "</a>",
  "<br><br>",
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2020-01-02","author":{"@id":"#a"}}</script>',
  '<script type="application/ld+json">{"@graph":[{"@type":',
  '<meta property="article:published_time" content="yesterday">',
  '<meta name="publishdate" content="05/06/2007">',
  '<time datetime="2020-13-45">',
  "<span class='byline'>By Jane Doe - Apr 16, 2015 8:02 pm UTC</span>",
  "Publié le 30 février 2015 à 25h99",
  "Some words of the article, long enough to be text. ",
  "&amp; &lt; &#x1F600; \u0000 \uFFFE",
);

describe("analyzeHtml on arbitrary pages", () => {
  it("never throws, and writes front matter and a body when it finds a title and date", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (pieces, doctype) => {
        const html = `${doctype ? "<!doctype html><html lang='en'>" : ""}${pieces.join("")}`;
        const detection = analyzeHtml(html, "Europe/Paris");
        if (detection.title !== undefined && detection.date !== undefined) expect(articleMarkdown(detection)).toMatch(/^---\n[\s\S]*\n---\n\n/u);
      }),
      { numRuns: Number(process.env.WIREFEED_FUZZ_RUNS ?? 150), seed: Number(process.env.WIREFEED_FUZZ_SEED ?? 16) },
    );
  }, 120_000);
});
