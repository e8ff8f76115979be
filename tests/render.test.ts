import fc from "fast-check";
import rehypeRaw from "rehype-raw";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { createRenderer, sanitizeSchema } from "../src/build/stages/render.js";

// The renderer skips rehype-raw when a body has no raw HTML; that must never change a byte.
const alwaysRaw = unified()
  .use(remarkParse)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema(false))
  .use(rehypeStringify);

const pieces = [
  "# Heading",
  "## Sub *heading*",
  "Plain text with “curly” quotes & ampersands.",
  "*emphasis* and **strong**",
  "[a link](https://example.com/a?b=1&c=2)",
  "![an image](https://example.com/x.jpg)",
  "- item one\n- item two",
  "1. first\n2. second",
  "> a quote\n> on two lines",
  "`code & more`",
  "```js\nconst a = 1 && 2;\n```",
  "| a | b |\n|---|---|\n| 1 | 2 |",
  "---",
  "Line with trailing spaces  \nand a hard break",
  "[^1]\n\n[^1]: A footnote.",
  "&amp; &copy; &#8217;",
  "\\*not emphasis\\*",
  "https://bare.example/url",
  "Text ]]> with a terminator",
];

describe("rendering without rehype-raw when there is no raw HTML", () => {
  const renderer = createRenderer({ allowDataImages: false });
  it("gives the same HTML as the full pipeline", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }), (chosen) => {
        const markdown = chosen.join("\n\n");
        // Absolute URLs only, so the renderer's own URL step changes nothing either.
        const expected = String(alwaysRaw.processSync(markdown));
        expect(renderer.render(markdown, "https://example.com/post/").html).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
