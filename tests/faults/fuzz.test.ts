// Properties over random front matter and bodies: a build either writes valid outputs or reports
// located diagnostics; it never throws, never writes invalid XML or JSON, never writes outside
// output/. CI runs a bounded number of cases; `npm run fuzz` sets WIREFEED_FUZZ_RUNS much higher.
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { tempDir } from "../helpers/build.js";
import { htmlDangers, readBodies } from "./html.js";

const numRuns = Number(process.env.WIREFEED_FUZZ_RUNS ?? 40);

const knownKeys = ["title", "date", "updated", "description", "author", "tags", "image", "slug", "id", "draft", "lang", "summary", "categories"];

const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }));
const hostile = fc.constantFrom(
  "../../etc/passwd",
  "..",
  "/",
  "a/b",
  "C:\\x",
  "%2e%2e%2f",
  "\u0000",
  "\uFEFF",
  "\u202E",
  "]]>",
  "<![CDATA[",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "&amp;&lt;&#0;",
  "\r\n",
  "\t",
  "\u00A0",
  "---",
  "!!js/function",
  "{{",
  "*alias",
  "&anchor",
);
const dateText = fc.oneof(
  fc.constantFrom(
    "2022-02-25",
    "2022-02-25T10:00:00Z",
    "Fri, 25 Feb 2022 10:00:00 +0530",
    "February 25, 2022",
    "2022-02-30",
    "03/04/2022",
    "next Tuesday",
    "2030-01-01",
  ),
  fc.date({ min: new Date("1990-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }).map((date) => date.toISOString()),
  text,
);
const scalar = fc.oneof(text, hostile, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 4 }),
  fc.dictionary(fc.oneof(text, fc.constantFrom("src", "alt", "caption", "credit", "name", "email")), scalar, { maxKeys: 4 }),
);

/** Front matter as a YAML mapping: mostly plausible, so that many cases build. */
const frontMatterData = fc
  .record(
    {
      title: fc.oneof({ weight: 4, arbitrary: text.filter((s) => s.trim() !== "") }, { weight: 1, arbitrary: value }),
      date: fc.oneof({ weight: 4, arbitrary: dateText }, { weight: 1, arbitrary: value }),
      tags: fc.oneof(fc.array(fc.oneof(text, hostile), { maxLength: 5 }), value),
      slug: fc.oneof(text, hostile),
      image: value,
      description: text,
      extra: fc.dictionary(fc.oneof(text, fc.constantFrom(...knownKeys)), value, { maxKeys: 3 }),
    },
    { requiredKeys: ["title", "date"] },
  )
  .map(({ extra, ...known }) => ({ ...extra, ...known }));

const frontMatter = fc.oneof(
  { weight: 5, arbitrary: frontMatterData.map((data) => stringify(data)) },
  // Raw text: broken YAML, tags, anchors, code fences of other engines.
  { weight: 2, arbitrary: fc.array(fc.oneof(text, hostile), { maxLength: 6 }).map((lines) => lines.join("\n")) },
);

const bodyPiece = fc.oneof(
  text,
  hostile,
  fc.constantFrom(
    "# Heading",
    "> quote",
    "- item",
    "```js\ncode\n```",
    "[link](../x)",
    "![img](/a.png)",
    "<div><p>raw</p></div>",
    "<svg onload=alert(1)>",
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "<iframe src=//evil>",
    "| a | b |\n|---|---|",
  ),
);
const body = fc.array(bodyPiece, { maxLength: 8 }).map((pieces) => pieces.join("\n\n"));

const opening = fc.constantFrom("---", "---", "---", "---yaml", "---js", "--- coffee", "");
const closing = fc.constantFrom("---", "---", "---", "--- ", "", "...");

/** One article file: a YAML article most of the time, raw bytes now and then; BOM and CRLF at random. */
const article = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .record({ opening, frontMatter, closing, body, bom: fc.boolean(), crlf: fc.boolean() })
      .map(({ opening, frontMatter, closing, body, bom, crlf }) => {
        const textValue = `${bom ? "\uFEFF" : ""}${opening}\n${frontMatter}\n${closing}\n${body}\n`;
        return Buffer.from(crlf ? textValue.replaceAll("\n", "\r\n") : textValue);
      }),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)) },
);

/** Every path under `dir`, except the output folder, its lock and wirefeed's record of it (`.wirefeed/output.json`). */
async function filesOutsideOutput(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  const own = new Set([".output.lock", ".wirefeed", path.join(".wirefeed", "output.json")]);
  return entries.filter((entry) => !entry.startsWith("output") && !own.has(entry)).sort();
}

describe(`random articles (${numRuns} runs)`, () => {
  it("build valid outputs or report located diagnostics; never throw, never write outside output/", async () => {
    const root = await tempDir("wirefeed-fuzz-");
    let built = 0;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(article, { minLength: 1, maxLength: 3 }), fc.boolean(), async (articles, keepGoing) => {
        const dir = path.join(root, `site-${run++}`);
        await mkdir(path.join(dir, "articles"), { recursive: true });
        await writeFile(path.join(dir, "wirefeed.config.json"), JSON.stringify({ title: "Fuzz", url: "https://news.example/" }));
        for (const [index, bytes] of articles.entries()) await writeFile(path.join(dir, "articles", `a${index}.md`), bytes);
        const before = await filesOutsideOutput(dir);

        const result = await build({ cwd: dir, now: "2026-11-27T00:00:00Z", cacheDir: false, keepGoing, workers: 1 });

        expect(await filesOutsideOutput(dir)).toEqual(before);
        expect(await readdir(root)).toEqual(expect.arrayContaining([`site-${run - 1}`]));
        expect((await readdir(root)).every((name) => name.startsWith("site-"))).toBe(true);
        for (const d of result.diagnostics) {
          expect(d.rule).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(d.message).not.toBe("");
          expect(d.hint).not.toBe("");
          // An article's problem names the article; a feed left empty (every article scheduled) names the config that asks for it.
          expect(d.file).toMatch(d.rule === "empty-feed" ? /^wirefeed\.config\.json$/ : /^articles\/a\d\.md$/);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
        }
        expect(result.exitCode).toBe(result.diagnostics.some((d) => d.severity === "error") ? 1 : 0);
        if (result.written.length + result.unchanged.length === 0) return;
        built++;
        const out = path.join(dir, "output");
        // readBodies parses both XML feeds strictly and both JSON files.
        for (const [, bodies] of await readBodies(out)) {
          for (const html of Object.values(bodies)) expect(htmlDangers(html)).toEqual([]);
        }
      }),
      { numRuns, endOnFailure: true },
    );
    // The property is only worth something if some random articles get through.
    if (numRuns >= 40) expect(built).toBeGreaterThan(0);
    console.info(`fuzz: ${numRuns} runs, ${built} built`);
  }, 600_000);
});
