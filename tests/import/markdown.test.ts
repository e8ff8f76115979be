import { readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { analyzeText } from "../../src/import/analyze.js";
import { articleMarkdown, escapeParagraph } from "../../src/import/markdown.js";
import { readArticleMeta } from "../../src/build/stages/meta/index.js";
import { splitFrontMatter } from "../../src/build/stages/front-matter.js";
import { createRenderer } from "../../src/build/stages/render.js";
import { repoRoot } from "../helpers/build.js";

const renderer = createRenderer({ allowDataImages: false });
const config = configSchema.parse({ url: "https://worlddesk.example/", timeZone: "Asia/Kolkata" });

/** What the build makes of one escaped paragraph: the HTML and its text. */
const rendered = (paragraph: string) => renderer.render(escapeParagraph(paragraph), "https://worlddesk.example/a/");

describe("escapeParagraph", () => {
  it.each([
    // the seed's brackets and curly quotes need nothing
    ["“what is happening [Russia’s invasion] ends up”", "“what is happening [Russia’s invasion] ends up”"],
    // line starts that Markdown would read as blocks
    ["# 1 is a number", "\\# 1 is a number"],
    ["#hashtag is text", "#hashtag is text"],
    ["> quoted", "\\> quoted"],
    ["- a dash", "\\- a dash"],
    ["+ a plus", "\\+ a plus"],
    ["* a star", "\\* a star"],
    ["1. First", "1\\. First"],
    ["2022) a bracket", "2022\\) a bracket"],
    ["---", "\\---"],
    ["___", "\\_\\_\\_"],
    ["~~~ fence", "\\~~~ fence"],
    ["```js", "\\`\\`\\`js"],
    // inline markup
    ["snake_case stays", "snake_case stays"],
    ["_around_ words", "\\_around\\_ words"],
    ["2*3*4", "2\\*3\\*4"],
    ["<b>bold</b>", "\\<b>bold\\</b>"],
    ["x < y and a<b", "x < y and a\\<b"],
    ["AT&T and &amp;", "AT&T and \\&amp;"],
    ["[a link](https://example.com)", "[a link\\](https://example.com)"],
    ["[x]: https://example.com", "[x\\]: https://example.com"],
    ["a backslash \\* and \\", "a backslash \\\\\\* and \\\\"],
  ])("%j → %j", (paragraph, expected) => {
    expect(escapeParagraph(paragraph)).toBe(expected);
  });

  it.each([["# 1 is a number"], ["1. First"], ["<b>bold</b> &amp; [a](b) `code` *em* _em_ \\*"], ["---"]])(
    "the build renders %j as one paragraph of exactly that text",
    (paragraph) => {
      const { html, text } = rendered(paragraph);
      expect(html.startsWith("<p>")).toBe(true);
      expect(text).toBe(paragraph);
    },
  );

  it("renders any text of Markdown's special characters back to itself (property)", () => {
    const alphabet = [..."#>-+*_`~<>&[]()!:\\=|.1 aZ;\n"].filter((c) => c !== "\n");
    const paragraph = fc
      .array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 24 })
      .map((characters) => characters.join("").trim())
      .filter((text) => text !== "");
    fc.assert(
      fc.property(paragraph, (text) => {
        const { html, text: plain } = rendered(text);
        expect(html.match(/<p>/g)?.length).toBe(1);
        // The plain text collapses runs of spaces as HTML shows them.
        expect(plain).toBe(text.replace(/ +/g, " "));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("articleMarkdown", () => {
  it("writes front matter the build reads back to the detected values", async () => {
    const seed = await readFile(path.join(repoRoot, "tests/fixtures/seed/000_30e032a2b5043f8a.txt"), "utf8");
    const detection = analyzeText(seed, "Asia/Kolkata");
    const split = splitFrontMatter(articleMarkdown(detection));
    expect(split.ok).toBe(true);
    if (!split.ok) return;
    expect(split.value.data).toEqual({
      title: "Iran Blames NATO Expansion for Russia’s Invasion of Ukraine",
      date: "February 25, 2022",
      description: detection.description?.value,
      image_caption: "Iranian President Ebrahim Raisi",
      image_credit: "IMAGE SOURCE: ASSOCIATED PRESS",
    });
    const { meta, errors, warnings } = readArticleMeta(split.value, "2022-02-25-iran-blames-nato-expansion-for-russias-invasion-of-ukraine.md", config);
    expect([errors, warnings]).toEqual([[], []]);
    expect(meta?.date.toISOString()).toBe("2022-02-24T18:30:00.000Z");
  });

  it.each([
    // values YAML would misread unquoted
    ["# Not a heading: a colon", "true", "123", "- dash", "[bracket]", "key: value", "'single' and \"double\""],
  ])("quotes what YAML would misread: %j", (...values) => {
    for (const value of values) {
      const markdown = articleMarkdown({
        title: { value, line: 1 },
        description: { value, line: 2 },
        date: { value: "2022-02-25", line: 3, date: new Date("2022-02-25T00:00:00Z") },
        image: { caption: { value, line: 4 }, credit: { value: `Photo: ${value}`, line: 5 } },
        body: [{ value, line: 6 }],
        dropped: [],
        notes: [],
      });
      const split = splitFrontMatter(markdown);
      expect(split.ok && split.value.data).toEqual({
        title: value,
        date: "2022-02-25",
        description: value,
        image_caption: value,
        image_credit: `Photo: ${value}`,
      });
    }
  });
});
