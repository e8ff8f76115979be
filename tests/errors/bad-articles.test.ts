import { existsSync } from "node:fs";
import { readdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { buildSite, goodArticle, writeSite } from "./site.js";
import { readArchive } from "../helpers/build.js";

interface Case {
  input: string | Uint8Array;
  rule: string;
  line: number;
  column?: number;
  config?: Record<string, unknown>;
}

const fm = (...lines: string[]) => `---\n${lines.join("\n")}\n---\nBody.\n`;

// One row per bad input of issue 4; each is the only article of its site, named a.md.
const cases: Record<string, Case> = {
  // Front matter syntax
  "malformed YAML": { input: fm("title: Hello: world", "date: 2022-02-25"), rule: "invalid-yaml", line: 2, column: 8 },
  "unclosed quote": { input: fm("date: 2022-02-25", 'title: "Hello'), rule: "invalid-yaml", line: 3, column: 8 },
  // yaml finds the quote missing only where the front matter ends: the diagnostic points at where it opened
  "unclosed quote, more keys after it": { input: fm('title: "Hello', "date: 2022-02-25", "tags: [a, b]"), rule: "invalid-yaml", line: 2, column: 8 },
  "unclosed single quote, more keys after it": { input: fm("date: 2022-02-25", "title: 'Hello", "tags: [a, b]"), rule: "invalid-yaml", line: 3, column: 8 },
  "front matter that is a list": { input: fm("- title", "- date"), rule: "front-matter-not-mapping", line: 2, column: 1 },
  "front matter that is a string": { input: fm("just a sentence"), rule: "front-matter-not-mapping", line: 2, column: 1 },
  "unclosed --- fence": { input: "---\ntitle: Hello\ndate: 2022-02-25\nBody.\n", rule: "unclosed-front-matter", line: 1, column: 1 },
  // Only a line of exactly `---` (trailing spaces allowed) is a fence; the embargoed story must not go out
  "----- inside the front matter, draft: true after it": {
    input: "---\ntitle: Embargoed\ndate: 2022-02-25\n-----\ndraft: true\n---\nBody.\n",
    rule: "invalid-fence",
    line: 4,
    column: 1,
  },
  "---x on line 3": { input: "---\ntitle: Hello\n---x\ndate: 2022-02-25\n---\nBody.\n", rule: "invalid-fence", line: 3, column: 1 },
  "a ---- opening": { input: "----\ntitle: Hello\ndate: 2022-02-25\n---\nBody.\n", rule: "invalid-fence", line: 1, column: 1 },
  "front matter never closed, a body after it": { input: "---\ntitle: Hello\ndate: 2022-02-25\n\nBody.\n", rule: "unclosed-front-matter", line: 1, column: 1 },
  "no front matter": { input: "# Hello\n\nBody.\n", rule: "missing-front-matter", line: 1, column: 1 },
  "alias without an anchor": { input: fm("title: Hello", "date: 2022-02-25", "slug: *starred"), rule: "invalid-yaml", line: 4, column: 7 },
  "aliases that multiply (billion laughs)": {
    input: fm(
      "title: Hello",
      "date: 2022-02-25",
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
    ),
    rule: "invalid-yaml",
    line: 5,
  },
  "duplicate key": { input: fm("title: One", "date: 2022-02-25", "title: Two"), rule: "invalid-yaml", line: 4, column: 1 },

  // Required fields
  "missing title": { input: fm("date: 2022-02-25"), rule: "missing-title", line: 1, column: 1 },
  "empty title": { input: fm('title: ""', "date: 2022-02-25"), rule: "empty-title", line: 2, column: 8 },
  "title of markup only": { input: fm('title: "<b></b>"', "date: 2022-02-25"), rule: "empty-title", line: 2, column: 8 },
  "missing date": { input: fm("title: Hello"), rule: "missing-date", line: 1, column: 1 },
  "empty date": { input: fm("title: Hello", 'date: ""'), rule: "missing-date", line: 3, column: 7 },

  // Dates
  'unparseable date "next Tuesday"': { input: fm("title: Hello", "date: next Tuesday"), rule: "invalid-date", line: 3, column: 1 },
  'impossible date "2022-02-30"': { input: fm("title: Hello", "date: 2022-02-30"), rule: "impossible-date", line: 3, column: 1 },
  'ambiguous date "03/04/2022"': { input: fm("title: Hello", "date: 03/04/2022"), rule: "ambiguous-date", line: 3, column: 1 },
  "date as a number": { input: fm("title: Hello", "date: 20220225"), rule: "invalid-date-type", line: 3, column: 7 },
  "updated before date": { input: fm("title: Hello", "date: 2022-02-25", "updated: 2022-02-24"), rule: "updated-before-date", line: 4, column: 1 },

  // Code in front matter: refused, never run
  "---js front matter": {
    input: "---js\n{ title: require('fs').writeFileSync('pwned', '') }\n---\nBody.\n",
    rule: "executable-front-matter",
    line: 1,
    column: 4,
  },
  "---javascript front matter": { input: "---javascript\n{ title: 'x' }\n---\nBody.\n", rule: "executable-front-matter", line: 1, column: 4 },
  "---coffee front matter": { input: "---coffee\ntitle: 'x'\n---\nBody.\n", rule: "executable-front-matter", line: 1, column: 4 },
  "--- js with a space": { input: "--- js\n{ title: 'x' }\n---\nBody.\n", rule: "executable-front-matter", line: 1 },
  "---toml front matter": { input: '---toml\ntitle = "x"\n---\nBody.\n', rule: "unsupported-front-matter", line: 1, column: 4 },
  "YAML !!js/function tag": { input: fm('title: !!js/function "function () { return 1 }"', "date: 2022-02-25"), rule: "unsafe-yaml-tag", line: 2, column: 8 },
  "YAML !!python/object tag": {
    input: fm("title: Hello", "date: 2022-02-25", "x: !!python/object:os.system [ls]"),
    rule: "unsafe-yaml-tag",
    line: 4,
    column: 4,
  },
  "YAML local !tag": { input: fm("title: !shell echo", "date: 2022-02-25"), rule: "unsafe-yaml-tag", line: 2, column: 8 },
  "YAML !!binary tag": { input: fm("title: Hello", "date: 2022-02-25", "tags: !!binary aGVsbG8="), rule: "unsafe-yaml-tag", line: 4, column: 7 },

  // Slugs and ids that would escape the output folder or break a URL
  "slug with ../": { input: fm("title: Hello", "date: 2022-02-25", "slug: ../x"), rule: "unsafe-slug", line: 4, column: 1 },
  "slug with a slash": { input: fm("title: Hello", "date: 2022-02-25", "slug: a/b"), rule: "unsafe-slug", line: 4, column: 1 },
  "slug with a backslash": { input: fm("title: Hello", "date: 2022-02-25", "slug: 'a\\b'"), rule: "unsafe-slug", line: 4, column: 1 },
  "slug with a question mark": { input: fm("title: Hello", "date: 2022-02-25", "slug: what?"), rule: "unsafe-slug", line: 4, column: 1 },
  "slug with a space": { input: fm("title: Hello", "date: 2022-02-25", "slug: two words"), rule: "unsafe-slug", line: 4, column: 1 },
  "empty slug": { input: fm("title: Hello", "date: 2022-02-25", 'slug: ""'), rule: "empty-slug", line: 4, column: 7 },
  "id with ../": { input: fm("title: Hello", "date: 2022-02-25", "id: ../../etc/passwd"), rule: "unsafe-id", line: 4, column: 1 },
  "id with a slash": { input: fm("title: Hello", "date: 2022-02-25", "id: a/b"), rule: "unsafe-id", line: 4, column: 1 },

  // Bytes that are not an article
  "invalid UTF-8": {
    input: Buffer.concat([Buffer.from("---\ntitle: Caf"), Buffer.from([0xe9]), Buffer.from("\ndate: 2022-02-25\n---\n")]),
    rule: "invalid-utf8",
    line: 2,
    column: 11,
  },
  "binary file": { input: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), rule: "binary-file", line: 1, column: 1 },
  "empty file": { input: "", rule: "empty-file", line: 1, column: 1 },
  "whitespace-only file": { input: "\n  \n", rule: "empty-file", line: 1, column: 1 },
  "file larger than maxArticleBytes": {
    input: fm("title: Hello", "date: 2022-02-25") + "x".repeat(200),
    rule: "file-too-large",
    line: 1,
    column: 1,
    config: { maxArticleBytes: 100 },
  },

  // Wrong types and values
  "title that is a number": { input: fm("title: 42", "date: 2022-02-25"), rule: "invalid-type", line: 2, column: 8 },
  "title that is a list": { input: fm("date: 2022-02-25", "title: [a, b]"), rule: "invalid-type", line: 3, column: 8 },
  "tags as a map": { input: fm("title: Hello", "date: 2022-02-25", "tags: {a: 1}"), rule: "invalid-type", line: 4, column: 7 },
  "draft as text": { input: fm("title: Hello", "date: 2022-02-25", "draft: maybe"), rule: "invalid-type", line: 4, column: 8 },
  "section as a list": { input: fm("title: Hello", "date: 2022-02-25", "section: [World, Politics]"), rule: "invalid-type", line: 4, column: 10 },
  "image src with a scheme other than http(s)": {
    input: fm("title: Hello", "date: 2022-02-25", "image: javascript:alert(1)"),
    rule: "invalid-image-src",
    line: 4,
    column: 1,
  },
  "image src with spaces": { input: fm("title: Hello", "date: 2022-02-25", "image:", "  src: my photo.jpg"), rule: "invalid-image-src", line: 5, column: 3 },
  "image src protocol-relative": {
    input: fm("title: Hello", "date: 2022-02-25", "image: //evil.example/a.jpg"),
    rule: "invalid-image-src",
    line: 4,
    column: 1,
  },
  "image without src": { input: fm("title: Hello", "date: 2022-02-25", "image:", "  alt: A photo"), rule: "missing-image-src", line: 4, column: 1 },
  "unknown image key": {
    input: fm("title: Hello", "date: 2022-02-25", "image:", "  src: /a.jpg", "  onerror: x"),
    rule: "unknown-image-key",
    line: 6,
    column: 3,
  },
  "invalid language tag": { input: fm("title: Hello", "date: 2022-02-25", "lang: english language"), rule: "invalid-lang", line: 4, column: 1 },
  "published as text": { input: fm("title: Hello", "date: 2022-02-25", "published: no way"), rule: "invalid-type", line: 4, column: 12 },
  "expiryDate before date": { input: fm("title: Hello", "date: 2022-02-25", "expiryDate: 2022-02-24"), rule: "expiry-before-date", line: 4, column: 1 },
  "expiryDate unparseable": { input: fm("title: Hello", "date: 2022-02-25", "expiryDate: soon"), rule: "invalid-date", line: 4, column: 1 },

  // A typo in a key that decides publication would publish the article: an error, not a warning
  "drafft: true": { input: fm("title: Embargoed", "date: 2022-02-25", "drafft: true"), rule: "misspelled-publication-key", line: 4, column: 1 },
  "Draft: true": { input: fm("title: Embargoed", "date: 2022-02-25", "Draft: true"), rule: "misspelled-publication-key", line: 4, column: 1 },
  "publised: false": { input: fm("title: Embargoed", "date: 2022-02-25", "publised: false"), rule: "misspelled-publication-key", line: 4, column: 1 },
  expiryDat: { input: fm("title: Offer", "date: 2022-02-25", "expiryDat: 2022-03-01"), rule: "misspelled-publication-key", line: 4, column: 1 },
  expiry_date: { input: fm("title: Offer", "date: 2022-02-25", "expiry_date: 2022-03-01"), rule: "misspelled-publication-key", line: 4, column: 1 },
  "publishDat beside date": {
    input: fm("title: Embargoed", "date: 2022-02-25", "publishDat: 2030-01-01"),
    rule: "misspelled-publication-key",
    line: 4,
    column: 1,
  },
  "dat: beside date": { input: fm("title: Hello", "date: 2022-02-25", "dat: 2030-01-01"), rule: "misspelled-publication-key", line: 4, column: 1 },

  "author that is a number": { input: fm("title: Hello", "date: 2022-02-25", "author: 7"), rule: "invalid-author", line: 4, column: 9 },

  // Null, empty or of the wrong type: at the value, never at 1:1 or the key (issue 18, item 10)
  "title: null on line 2": { input: fm("title: null", "date: 2022-02-25"), rule: "empty-title", line: 2, column: 8 },
  "title: ~": { input: fm("date: 2022-02-25", "title: ~"), rule: "empty-title", line: 3, column: 8 },
  "title: alone": { input: fm("date: 2022-02-25", "title:", "lang: en"), rule: "empty-title", line: 3, column: 7 },
  "title that is a map": { input: fm("date: 2022-02-25", "title:", "  text: Hello"), rule: "invalid-type", line: 4, column: 3 },
  "title that is true": { input: fm("title: true", "date: 2022-02-25"), rule: "invalid-type", line: 2, column: 8 },
  "date: null": { input: fm("title: Hello", "date: null"), rule: "missing-date", line: 3, column: 7 },
  "date: alone": { input: fm("title: Hello", "date:"), rule: "missing-date", line: 3, column: 6 },
  "date that is a list": { input: fm("title: Hello", "date: [2022-02-25]"), rule: "invalid-date-type", line: 3, column: 7 },
  "date that is true": { input: fm("title: Hello", "date: true"), rule: "invalid-date-type", line: 3, column: 7 },
  "updated that is a number": { input: fm("title: Hello", "date: 2022-02-25", "updated: 5"), rule: "invalid-date-type", line: 4, column: 10 },
  'updated: ""': { input: fm("title: Hello", "date: 2022-02-25", 'updated: ""'), rule: "invalid-date", line: 4, column: 10 },
  "expiryDate that is a list": { input: fm("title: Hello", "date: 2022-02-25", "expiryDate: [1]"), rule: "invalid-date-type", line: 4, column: 13 },
  "publishDate that is true": { input: fm("title: Hello", "date: 2022-02-25", "publishDate: true"), rule: "invalid-date-type", line: 4, column: 14 },
  "description that is a number": { input: fm("title: Hello", "date: 2022-02-25", "description: 12"), rule: "invalid-type", line: 4, column: 14 },
  "summary that is a list": { input: fm("title: Hello", "date: 2022-02-25", "summary: [a]"), rule: "invalid-type", line: 4, column: 10 },
  "author that is true": { input: fm("title: Hello", "date: 2022-02-25", "authors: true"), rule: "invalid-author", line: 4, column: 10 },
  'author: ""': { input: fm("title: Hello", "date: 2022-02-25", 'author: ""'), rule: "invalid-author", line: 4, column: 9 },
  "categories as a number": { input: fm("title: Hello", "date: 2022-02-25", "categories: 5"), rule: "invalid-type", line: 4, column: 13 },
  "keywords as a list of maps": { input: fm("title: Hello", "date: 2022-02-25", "keywords:", "  - a: 1"), rule: "invalid-type", line: 5, column: 3 },
  "slug that is a number": { input: fm("title: Hello", "date: 2022-02-25", "slug: 12"), rule: "invalid-type", line: 4, column: 7 },
  "slug of spaces": { input: fm("title: Hello", "date: 2022-02-25", "slug: '  '"), rule: "empty-slug", line: 4, column: 7 },
  "id that is a list": { input: fm("title: Hello", "date: 2022-02-25", "id: [a]"), rule: "invalid-type", line: 4, column: 5 },
  'id: ""': { input: fm("title: Hello", "date: 2022-02-25", 'id: ""'), rule: "empty-id", line: 4, column: 5 },
  "draft that is a number": { input: fm("title: Hello", "date: 2022-02-25", "draft: 1"), rule: "invalid-type", line: 4, column: 8 },
  "published: null is no draft, but published: [] is wrong": {
    input: fm("title: Hello", "date: 2022-02-25", "published: []"),
    rule: "invalid-type",
    line: 4,
    column: 12,
  },
  "lang that is a number": { input: fm("title: Hello", "date: 2022-02-25", "lang: 12"), rule: "invalid-type", line: 4, column: 7 },
  'lang: ""': { input: fm("title: Hello", "date: 2022-02-25", 'lang: ""'), rule: "invalid-lang", line: 4, column: 7 },
  "image that is a number": { input: fm("title: Hello", "date: 2022-02-25", "image: 5"), rule: "invalid-type", line: 4, column: 8 },
  "image that is a list": { input: fm("title: Hello", "date: 2022-02-25", "image: [/a.jpg]"), rule: "invalid-type", line: 4, column: 8 },
  "image alt that is a number": {
    input: fm("title: Hello", "date: 2022-02-25", "image:", "  src: /a.jpg", "  alt: 5"),
    rule: "invalid-type",
    line: 6,
    column: 8,
  },
  "image_caption that is a list": {
    input: fm("title: Hello", "date: 2022-02-25", "image: /a.jpg", "image_caption: [a]"),
    rule: "invalid-type",
    line: 5,
    column: 16,
  },
  "image length as text": {
    input: fm("title: Hello", "date: 2022-02-25", "image:", "  src: /a.jpg", "  length: big"),
    rule: "invalid-type",
    line: 6,
    column: 11,
  },
  "image length: null": { input: fm("title: Hello", "date: 2022-02-25", "image:", "  src: /a.jpg", "  length:"), rule: "invalid-type", line: 6, column: 10 },
};

describe("every bad article gets one located diagnostic and exit 1", () => {
  it.each(Object.entries(cases))("%s", async (_name, { input, rule, line, column, config }) => {
    const result = await buildSite({ "a.md": input }, config);
    expect(result.exitCode).toBe(1);
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.rule)).toEqual([rule]);
    const diagnostic = errors[0]!;
    expect(diagnostic.file).toBe(path.join("articles", "a.md"));
    expect(diagnostic.line).toBe(line);
    if (column !== undefined) expect(diagnostic.column).toBe(column);
    expect(diagnostic.message.length).toBeGreaterThan(0);
    expect(diagnostic.hint.length).toBeGreaterThan(0);
    // Nothing is written when an article is bad (without --keep-going).
    expect(existsSync(result.out)).toBe(false);
    // The executable front matter's payload writes "pwned" in the folder the process runs in, were it ever run.
    for (const folder of [result.dir, process.cwd()]) expect(existsSync(path.join(folder, "pwned"))).toBe(false);
  });
});

describe("an unknown front matter key", () => {
  const input = fm("title: Hello", "date: 2022-02-25", "titel: Hello");

  it("is a warning with a did-you-mean hint", async () => {
    const result = await buildSite({ "a.md": input });
    expect(result.exitCode).toBe(0);
    expect(result.diagnostics).toMatchObject([{ rule: "unknown-key", severity: "warning", line: 4, column: 1, hint: 'Did you mean "title"?' }]);
  });

  it("fails the build with --strict", async () => {
    const result = await buildSite({ "a.md": input }, {}, { strict: true });
    expect(result.exitCode).toBe(1);
    expect(existsSync(result.out)).toBe(false);
  });

  it("is not warned about when the config's ignoreKeys names it, in any case", async () => {
    const result = await buildSite({ "a.md": fm("title: Hello", "date: 2022-02-25", "math: true", "Toc: false") }, { ignoreKeys: ["math", "toc"] });
    expect(result.diagnostics).toEqual([]);
  });
});

describe("keys that decide publication", () => {
  it("name the key they are close to in a did-you-mean hint", async () => {
    const result = await buildSite({ "a.md": fm("title: Embargoed", "date: 2022-02-25", "drafft: true") });
    expect(result.diagnostics).toMatchObject([{ rule: "misspelled-publication-key", severity: "error", hint: 'Did you mean "draft"?' }]);
  });

  it.each([
    ["published: false", "published: false", []],
    ["an expiryDate that has passed", "expiryDate: 2026-11-26", []],
    ["an expiryDate still to come", "expiryDate: 2026-11-28", ["a.md"]],
    ["published: true", "published: true", ["a.md"]],
  ])("%s is honoured", async (_name, line, sources) => {
    const result = await buildSite({ "a.md": fm("title: Story", "date: 2022-02-25", line), "b.md": goodArticle("Other", "2022-02-20") });
    expect(result.diagnostics).toEqual([]);
    const archive = await readArchive(result.out);
    expect(archive.articles.map((a: { source: string }) => a.source)).toEqual([...sources, "b.md"]);
  });

  it("a short unknown key two edits from one is only a warning", async () => {
    const result = await buildSite({ "a.md": fm("title: Hello", "date: 2022-02-25", "name: x") });
    expect(result.diagnostics).toMatchObject([{ rule: "unknown-key", severity: "warning" }]);
  });
});

describe("duplicates name both files", () => {
  const rows: [string, Record<string, string>, string][] = [
    ["slug", { "a.md": fm("title: A", "date: 2022-02-25", "slug: same"), "b.md": fm("title: B", "date: 2022-02-26", "slug: same") }, "duplicate-slug"],
    [
      "url",
      { "a.md": fm("title: A", "date: 2022-02-25", "slug: same", "id: one"), "b.md": fm("title: B", "date: 2022-02-25", "slug: same", "id: two") },
      "duplicate-url",
    ],
    ["id", { "a.md": fm("title: A", "date: 2022-02-25", "id: urn:x:1"), "b.md": fm("title: B", "date: 2022-02-26", "id: urn:x:1") }, "duplicate-id"],
  ];
  it.each(rows)("the same %s", async (_field, articles, rule) => {
    const result = await buildSite(articles);
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.map((d) => d.rule)).toEqual([rule]);
    const [diagnostic] = result.diagnostics;
    expect(diagnostic!.message).toContain(path.join("articles", "a.md"));
    expect(diagnostic!.message).toContain(path.join("articles", "b.md"));
    expect(diagnostic!.line).toBe(4);
  });
});

describe("accepted and normalized, not rejected", () => {
  const rows: [string, string | Uint8Array][] = [
    ["a UTF-8 byte order mark", `\uFEFF${goodArticle()}`],
    ["CRLF line endings", goodArticle().replaceAll("\n", "\r\n")],
    ["a BOM and CRLF together", `\uFEFF${goodArticle().replaceAll("\n", "\r\n")}`],
    ["trailing whitespace", "---  \ntitle: Hello   \ndate: 2022-02-25\t\n---   \nBody.   \n"],
    ["--- fences with trailing spaces", "--- \ntitle: Hello\ndate: 2022-02-25\n---  \nBody.\n"],
    ["a ---yaml opening", "---yaml\ntitle: Hello\ndate: 2022-02-25\n---\nBody.\n"],
    ["a file that is only front matter", "---\ntitle: Hello\ndate: 2022-02-25\n---\n"],
    ["a file that is only front matter, no final newline", "---\ntitle: Hello\ndate: 2022-02-25\n---"],
    ["no-break spaces", "---\ntitle: Hello\u00A0world\u00A0\ndate: 2022-02-25\n---\nBody\u00A0text.\u00A0\n"],
    ["a tab after the colon", "---\ntitle:\tHello\ndate:\t2022-02-25\n---\nBody.\n"],
    ["tabs inside a flow list", "---\ntitle: Hello\ndate: 2022-02-25\ntags: [a,\tb]\n---\nBody.\n"],
  ];
  it.each(rows)("%s", async (_name, input) => {
    const result = await buildSite({ "a.md": input });
    expect(result.diagnostics).toEqual([]);
    expect(result.exitCode).toBe(0);
    const archive = await readArchive(result.out);
    expect(archive.articles[0]!.title).toMatch(/^(A good article|Hello( world)?)$/);
  });

  it.each([
    ["a BOM", "\uFEFF"],
    ["CRLF", "\r\n"],
  ])("positions stay right with %s", async (_name, variant) => {
    const text = fm("title: Hello", "date: next Tuesday");
    const input = variant === "\uFEFF" ? `\uFEFF${text}` : text.replaceAll("\n", "\r\n");
    const result = await buildSite({ "a.md": input });
    expect(result.diagnostics).toMatchObject([{ rule: "invalid-date", line: 3, column: 1 }]);
  });
});

describe("which files are articles", () => {
  it("ignores files and folders starting with . or _", async () => {
    const result = await buildSite({
      "a.md": goodArticle(),
      ".hidden.md": "garbage",
      "_draft.md": "garbage",
      "_private/b.md": "garbage",
      ".git/c.md": "garbage",
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.counts.articles).toBe(1);
  });

  it("does not follow a symbolic link that leads outside the articles folder", async () => {
    const dir = await writeSite({ "a.md": goodArticle() });
    await writeFile(path.join(dir, "outside.md"), goodArticle("Secret"));
    await symlink(path.join(dir, "outside.md"), path.join(dir, "articles", "link.md"));
    await symlink(dir, path.join(dir, "articles", "up"));
    const { build } = await import("../../src/index.js");
    const result = await build({ cwd: dir, now: "2026-11-27T00:00:00Z" });
    expect(result.diagnostics).toEqual([]);
    expect(result.counts.articles).toBe(1);
    const archive = await readArchive(path.join(dir, "output"));
    expect(archive.articles.map((a: { title: string }) => a.title)).toEqual(["A good article"]);
  });

  it("follows a symbolic link that stays inside", async () => {
    const dir = await writeSite({ "a.md": goodArticle(), "drafts/b.txt": goodArticle("Linked", "2022-02-26") });
    await symlink(path.join(dir, "articles", "drafts", "b.txt"), path.join(dir, "articles", "b.md"));
    const { build } = await import("../../src/index.js");
    const result = await build({ cwd: dir, now: "2026-11-27T00:00:00Z" });
    expect(result.counts.articles).toBe(2);
  });
});

describe("one run", () => {
  const site = {
    "a.md": goodArticle(),
    "b.md": fm("title: 42", "date: 2022-02-25"),
    "c.md": fm("title: Hello", "date: 2022-02-30"),
    "d.md": "---js\n{}\n---\n",
  };

  it("reports every bad article", async () => {
    const result = await buildSite(site);
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.map((d) => `${path.basename(d.file!)} ${d.rule}`).sort()).toEqual([
      "b.md invalid-type",
      "c.md impossible-date",
      "d.md executable-front-matter",
    ]);
  });

  it("with --keep-going builds the good ones and still exits 1", async () => {
    const result = await buildSite(site, {}, { keepGoing: true });
    expect(result.exitCode).toBe(1);
    const archive = await readArchive(result.out);
    expect(archive.articles.map((a: { source: string }) => a.source)).toEqual(["a.md"]);
    expect((await readdir(result.out)).sort()).toEqual(expect.arrayContaining(["archive", "atom.xml", "feed.json", "feed.xml"]));
  });

  it("prints file:line:column, rule and hint, exits 1 and shows no stack trace", async () => {
    const dir = await writeSite(site);
    let stderr = "";
    let stdout = "";
    const code = await main(["build", "--now", "2026-11-27T00:00:00Z"], {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      env: {},
      cwd: dir,
    });
    expect(code).toBe(1);
    expect(stderr).toContain(`${path.join("articles", "b.md")}:2:8 error`);
    expect(stderr).toContain("[invalid-type]");
    expect(stderr).toContain(`${path.join("articles", "c.md")}:3:1 error`);
    expect(stderr).toContain(`${path.join("articles", "d.md")}:1:4 error`);
    expect(stderr).toMatch(/hint: /);
    expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });
});

describe("a file that vanishes between listing and reading", () => {
  it("is an unreadable-file problem, not an exception", async () => {
    const { loadArticleFile } = await import("../../src/build/stages/read.js");
    const dir = await writeSite({});
    const loaded = await loadArticleFile(path.join(dir, "articles", "gone.md"), path.join(dir, "articles"), 1000);
    expect(loaded).toMatchObject({ ok: false, problems: [{ rule: "unreadable-file", line: 1, column: 1 }] });
  });
});
