import { execFileSync } from "node:child_process";
import { open, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type CliIo, main } from "../../src/cli/main.js";
import { catalogue } from "../../src/diagnostics/catalogue.js";
import { MAX_NESTING, MAX_SOURCE_BYTES, tooDeep } from "../../src/import/guard.js";
import { analyzeHtml } from "../../src/import/html.js";
import { importArticles } from "../../src/import/import.js";
import { tempDir } from "../helpers/build.js";

function captured(cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, cwd, env: {}, stdout: (text) => out.push(text), stderr: (text) => err.push(text) };
}

describe("tooDeep", () => {
  it.each([
    ["<div><div><p>a<p>b</div></div>", 3, undefined],
    // p, li and td close themselves: sloppy markup is not deep
    [`<ul>${"<li>item".repeat(50)}</ul>`, 3, undefined],
    // what is inside a script or a comment is not markup
    [`<script>${"<div>".repeat(10)}</script><!-- ${"<div>".repeat(10)} -->`, 3, undefined],
    ["<div>\n  <div>\n    <div>\n      <span>x</span>", 3, { line: 4, column: 7, depth: 4 }],
  ])("%j with limit %i → %j", (html, limit, expected) => {
    expect(tooDeep(html, limit)).toEqual(expected);
  });

  it("finds the place in a page of 100,000 nested divs, without a stack", () => {
    const html = `<!doctype html>\n<html><body>\n${"<div>".repeat(100_000)}x${"</div>".repeat(100_000)}</body></html>`;
    expect(tooDeep(html)).toEqual({ line: 3, column: MAX_NESTING * 5 + 1, depth: MAX_NESTING + 1 });
    const detection = analyzeHtml(html, "UTC");
    expect(detection.blocked).toMatchObject({ line: 3, column: 5001 });
    expect(detection.body).toEqual([]);
  });
});

describe("what import reads", () => {
  it("refuses a page nested too deep with its position, rule and hint, and goes on", async () => {
    const dir = await tempDir("wirefeed-import-deep-");
    await writeFile(path.join(dir, "deep.html"), `<!doctype html>\n<html><body>\n${"<div>".repeat(100_000)}x</body></html>`);
    const io = captured(dir);
    expect(await main(["import", "deep.html"], io)).toBe(1);
    expect(io.out.join("")).toContain(
      "deep.html: needs attention (deep.html:3:5001: Elements nest deeper than 1000 levels here, far deeper than any article page; the page is not read, so that no parser runs out of stack. [html-too-deep]",
    );
  });

  it.each([
    ["a FIFO", "fifo", "a named pipe (FIFO)"],
    ["/dev/zero", "/dev/zero", "a character device"],
  ])("refuses %s at once, with exit 2", async (_, name, kind) => {
    const dir = await tempDir("wirefeed-import-fifo-");
    if (name === "fifo") execFileSync("mkfifo", [path.join(dir, "fifo")]);
    const io = captured(dir);
    const started = performance.now();
    expect(await main(["import", name], io)).toBe(2);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(io.err.join("")).toContain(`The input ${name} is ${kind}, not a file or folder; import reads saved pages from regular files only`);
    expect(io.err.join("")).toContain("[input-not-regular]");
  });

  it("skips a FIFO inside a folder, and a file over the size cap needs attention without being read", async () => {
    const dir = await tempDir("wirefeed-import-big-");
    execFileSync("mkfifo", [path.join(dir, "pipe.html")]);
    const big = await open(path.join(dir, "huge.html"), "w");
    await big.truncate(MAX_SOURCE_BYTES + 1);
    await big.close();
    const result = await importArticles({ cwd: dir, inputs: ["."], dryRun: true });
    expect(result.articles.map((a) => [a.source, a.outcome, a.reason])).toEqual([
      [
        "huge.html",
        "needs-attention",
        `the file has ${MAX_SOURCE_BYTES + 1} bytes, more than the ${MAX_SOURCE_BYTES} a saved page can have; it is not read [page-too-large]`,
      ],
      ["pipe.html", "skipped", "not a regular file"],
    ]);
    expect(result.articles[0]?.diagnostic).toMatchObject({ rule: "page-too-large", severity: "error", file: "huge.html" });
  });

  it("gives the too-deep refusal as a diagnostic of the catalogue's, with its position, and imports the other pages", async () => {
    const dir = await tempDir("wirefeed-import-deep-api-");
    await writeFile(path.join(dir, "deep.html"), `<!doctype html>\n<html><body>\n${"<div>".repeat(100_000)}x</body></html>`);
    await writeFile(
      path.join(dir, "fine.html"),
      '<html><head><title>A Fine Story Here</title><meta property="article:published_time" content="2020-01-02T03:04:05Z"></head><body><article><h1>A Fine Story Here</h1><p>It is a fine story, and it is long enough to be the body of one.</p></article></body></html>',
    );
    const result = await importArticles({ cwd: dir, inputs: ["."], dryRun: true });
    expect(result.articles.map((a) => [a.source, a.outcome])).toEqual([
      ["deep.html", "needs-attention"],
      ["fine.html", "would-import"],
    ]);
    expect(result.articles[0]?.diagnostic).toMatchObject({ rule: "html-too-deep", severity: "error", file: "deep.html", line: 3, column: 5001 });
    expect(catalogue["html-too-deep"].group).toBe("`wirefeed import` and `wirefeed new`");
  });

  it("never resolves the body's links against a javascript: canonical address, and takes og:url instead", () => {
    const page = (head: string) =>
      `<html><head>${head}</head><body><article><h1>A Story Of Links</h1><p>Read <a href="/more">the rest of the story</a> and the report it cites, which is long.</p></article></body></html>`;
    const markdownOf = (head: string) =>
      analyzeHtml(page(head), "UTC")
        .body.map((block) => block.markdown ?? block.value)
        .join("\n");
    expect(markdownOf('<link rel="canonical" href="javascript:alert(1)//">')).not.toContain("javascript:");
    expect(markdownOf('<link rel="canonical" href="javascript:alert(1)//"><meta property="og:url" content="https://news.example/a/story">')).toContain(
      "](https://news.example/more)",
    );
  });
});
