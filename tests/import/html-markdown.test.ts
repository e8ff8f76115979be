import type { Root } from "hast";
import { toText } from "hast-util-to-text";
import rehypeParse from "rehype-parse";
import rehypeRaw from "rehype-raw";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { absolute, htmlToBlocks } from "../../src/import/html-markdown.js";

const base = "https://news.example/2024/05/story.html";
const blocks = (html: string, at: string | undefined = base) => htmlToBlocks(unified().use(rehypeParse, { fragment: true }).parse(html) as Root, at);
const markdown = (html: string, at: string | undefined = base) =>
  blocks(html, at)
    .map((block) => block.markdown)
    .join("\n\n");

/** What a reader sees once Markdown is rendered (raw HTML parsed, as the build does). */
function rendered(text: string): string {
  const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
  return toText(processor.runSync(processor.parse(text)))
    .replace(/\s+/gu, " ")
    .trim();
}

describe("htmlToBlocks", () => {
  it.each([
    ["<h2>Why now</h2>", "## Why now"],
    // the headline is in the front matter; an h1 in the body is at most a section
    ["<h1>Part one</h1>", "## Part one"],
    ["<h4>Details</h4>", "#### Details"],
    ["<ul><li>one</li><li>two</li></ul>", "- one\n- two"],
    ['<ol start="3"><li>three</li><li>four</li></ol>', "3. three\n4. four"],
    ["<ul><li>one<ul><li>inner</li></ul></li></ul>", "- one\n\n  - inner"],
    ["<blockquote><p>Said once.</p><p>Said twice.</p></blockquote>", "> Said once.\n>\n> Said twice."],
    ['<pre><code class="language-js">let a = 1;\nlet b = "```";</code></pre>', '````js\nlet a = 1;\nlet b = "```";\n````'],
    ["<p>Use <code>npm ci</code> first.</p>", "Use `npm ci` first."],
    ["<p>A <em>very</em> <strong>bold</strong> claim.</p>", "A *very* **bold** claim."],
    ["<p>Line one<br>line two</p>", "Line one\\\nline two"],
    // Blogger: text between <br><br> pairs is a paragraph
    ["<div>First part.<br><br>Second part.<br><br></div>", "First part.\n\nSecond part."],
    // AP: paragraphs as divs
    ["<div><div>One.</div><div>Two.</div></div>", "One.\n\nTwo."],
    [
      "<table><tr><th>A</th><th>B &amp; C</th></tr><tr><td>1</td><td>2 &lt; 3</td></tr></table>",
      "<table>\n<tr><th>A</th><th>B &amp; C</th></tr>\n<tr><td>1</td><td>2 &lt; 3</td></tr>\n</table>",
    ],
    [
      '<figure><img src="/img/a.jpg" alt="A harbour"><figcaption>The harbour at dawn <span class="credit">Photo: Jane Doe</span></figcaption></figure>',
      "![A harbour](https://news.example/img/a.jpg)\n\n*The harbour at dawn Photo: Jane Doe*",
    ],
    ['<figure><img src="a.jpg"><figcaption>Boats (Photo: Reuters)</figcaption></figure>', "![](https://news.example/2024/05/a.jpg)\n\n*Boats Photo: Reuters*"],
    // text that looks like Markdown stays text
    ["<p>1. Not a list, *not* emphasis, # not a heading</p>", "1\\. Not a list, \\*not\\* emphasis, # not a heading"],
    ["<p># Not a heading</p>", "\\# Not a heading"],
  ])("%s → %j", (html, expected) => {
    expect(markdown(html)).toBe(expected);
  });

  it.each([
    ['<a href="/planning/">planning page</a>', "[planning page](https://news.example/planning/)"],
    ['<a href="../other.html">other</a>', "[other](https://news.example/2024/other.html)"],
    ['<a href="https://elsewhere.example/x y">spaced</a>', "[spaced](https://elsewhere.example/x%20y)"],
    ['<a href="mailto:desk@news.example">write to us</a>', "[write to us](mailto:desk@news.example)"],
    // never a script, never a fragment: the text stays, the link goes
    ['<a href="javascript:alert(1)">click</a>', "click"],
    ['<a href="#note-1">note</a>', "note"],
  ])("link %s → %s", (link, expected) => {
    expect(markdown(`<p>See the ${link}.</p>`)).toBe(`See the ${expected}.`);
  });

  it("never resolves against an address that is not http(s)", () => {
    expect(markdown('<p><a href="/x">x</a></p>', "javascript:alert(1)//")).toBe("x");
    expect(markdown('<p><a href="/x">x</a></p>', "file:///etc/")).toBe("x");
    expect(absolute("/x", undefined)).toBeUndefined();
  });

  it.each([
    ["<h2>Why now</h2><p>Because <em>storms</em> came.</p><ul><li>a gate;</li><li>a wall.</li></ul><blockquote><p>“A quote.”</p></blockquote>"],
    ["<p>Snake_case and 2 * 3 and a_b_ and <b>x</b>_y and [brackets] and &amp;amp;</p>"],
    ["<table><tr><th>Version</th><th>Affected</th></tr><tr><td>41</td><td>yes</td></tr></table><pre><code>x = `y`</code></pre>"],
  ])("renders back to the same text: %s", (html) => {
    const text = blocks(html)
      .map((block) => block.text)
      .join(" ");
    expect(rendered(markdown(html))).toBe(text);
  });

  it("carries the source line of each block", () => {
    const tree = unified().use(rehypeParse, { fragment: true }).parse('<p data-wf-line="12">One.</p><h2 data-wf-line="14">Two</h2>') as Root;
    expect(htmlToBlocks(tree, base).map((block) => [block.kind, block.line])).toEqual([
      ["paragraph", 12],
      ["heading", 14],
    ]);
  });
});
