// Bodies built to exhaust the parsers: each is refused by the bounds with a located error, and
// under --keep-going its neighbour is still published. Before the bounds, the nesting cases ended
// the whole build with "Maximum call stack size exceeded" and the marker cases ran for minutes.
import { describe, expect, it } from "vitest";
import { buildSite, goodArticle } from "../errors/site.js";

/** An article whose body starts on line 5. */
const article = (body: string, extra = "") => `---\ntitle: Hostile\ndate: 2022-01-01\n${extra}---\n${body}\n`;

describe("a body past a bound", () => {
  it.each([
    // Lists and quotes on one line.
    ["`- ` x 1,000", `${"- ".repeat(1000)}a`, "nesting-too-deep", 5, 201],
    ["`* ` x 500", `${"* ".repeat(500)}a`, "nesting-too-deep", 5, 201],
    ["`1. ` x 300", `${"1. ".repeat(300)}a`, "nesting-too-deep", 5, 301],
    ["`>` x 2,500", `${">".repeat(2500)} a`, "nesting-too-deep", 5, 101],
    ["`> ` x 200", `${"> ".repeat(200)}a`, "nesting-too-deep", 5, 201],
    ["`> - ` x 3,000", `${"> - ".repeat(3000)}a`, "nesting-too-deep", 5, 201],
    // Lists nested by indentation, one level per line.
    ["a list indented 150 levels", Array.from({ length: 150 }, (_, level) => `${"  ".repeat(level)}- level ${level}`).join("\n"), "nesting-too-deep", 105, 201],
    // Raw HTML.
    ["`<div>` x 10,000", "<div>".repeat(10000), "nesting-too-deep", 5, 501],
    ["`<span><b><i>` x 5,000", "<span><b><i>".repeat(5000), "nesting-too-deep", 5, 403],
    ["`<blockquote>` one per line x 500", "<blockquote>\n".repeat(500), "nesting-too-deep", 105, 1],
    ["`<ul><li>` x 300", "<ul><li>".repeat(300), "nesting-too-deep", 5, 401],
    ["`<div>` inside 60 quotes", `${"> ".repeat(60)}${"<div>".repeat(50)}`, "nesting-too-deep", 5, 321],
    // Emphasis and link markers in one block.
    ["`_*` x 30,000", "_*".repeat(30000), "too-many-markers", 5, 1001],
    ["`**a` x 45,000", "**a".repeat(45000), "too-many-markers", 5, 1501],
    ["`[a](` x 80,000", "[a](".repeat(80000), "too-many-markers", 5, 2001],
    ["`[a]` x 10,000", "[a]".repeat(10000), "too-many-markers", 5, 1501],
    ["`a*` x 5,000", "a*".repeat(5000), "too-many-markers", 5, 2002],
    ["emphasis nested 2,000 deep", `${"*a _b ".repeat(1000)}c`, "too-many-markers", 5, 3001],
    ["markers over many lines of one paragraph", "[a] b\n".repeat(600), "too-many-markers", 505, 1],
  ])("%s is refused at its position", async (_name, body, rule, line, column) => {
    const result = await buildSite({ "hostile.md": article(body), "good.md": goodArticle() }, {}, { keepGoing: true, cacheDir: false });
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map(({ file, rule, line, column }) => ({ file, rule, line, column }))).toEqual([{ file: "articles/hostile.md", rule, line, column }]);
    expect(errors[0]!.hint).toMatch(/raise `max\w+` in the config|raise the bound/);
    expect(result.exitCode).toBe(1);
    expect(result.counts.published).toBe(1);
  });

  it.each([
    ["101 tags in a list", `tags: [${Array.from({ length: 101 }, (_, n) => `t${n}`).join(", ")}]\n`, 101],
    ["10,000 tags in a string", `tags: "${Array.from({ length: 10000 }, (_, n) => `t${n}`).join(", ")}"\n`, 10000],
    ["200 keywords beside 2 tags", `tags: [a, b]\nkeywords: [${Array.from({ length: 200 }, (_, n) => `k${n}`).join(", ")}]\n`, 202],
  ])("%s is refused at the tags key", async (_name, front, count) => {
    const result = await buildSite({ "hostile.md": article("Body.", front), "good.md": goodArticle() }, {}, { keepGoing: true, cacheDir: false });
    expect(result.diagnostics.map(({ rule, line, column, message }) => ({ rule, line, column, message }))).toEqual([
      { rule: "too-many-tags", line: 4, column: 1, message: `The article has ${count} tags; at most 100 are allowed` },
    ]);
    expect(result.counts.published).toBe(1);
  });

  it("is not reached by real bodies: code, snake_case in code spans, pasted HTML with unclosed paragraphs", async () => {
    const body = [
      "```js\n" + `${"  ".repeat(120)}deeply_indented_code();\n`.repeat(3) + "```",
      `A paragraph about \`${"snake_case_".repeat(600)}\` and *emphasis*.`,
      "<p>one<p>two<p>three".repeat(100),
      Array.from({ length: 300 }, (_, n) => `- [link ${n}](https://example.org/${n}) *note*`).join("\n"),
      `${"> ".repeat(20)}${"<div>".repeat(20)}deep but real${"</div>".repeat(20)}`,
    ].join("\n\n");
    const result = await buildSite({ "real.md": article(body) }, {}, { cacheDir: false });
    expect(result.diagnostics).toEqual([]);
    expect(result.counts.published).toBe(1);
  });

  it("moves with the config: lower bounds refuse what the defaults accept", async () => {
    const body = `${"> ".repeat(10)}quoted\n\n${"*a* ".repeat(20)}`;
    const accepted = await buildSite({ "a.md": article(body) }, {}, { cacheDir: false });
    expect(accepted.diagnostics).toEqual([]);
    const refused = await buildSite({ "a.md": article(body) }, { maxNestingDepth: 5, maxInlineMarkers: 10 }, { keepGoing: true, cacheDir: false });
    expect(refused.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([["nesting-too-deep", 5, 11]]);
    const markers = await buildSite({ "a.md": article(body) }, { maxInlineMarkers: 10 }, { keepGoing: true, cacheDir: false });
    expect(markers.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([["too-many-markers", 7, 21]]);
  });
});
