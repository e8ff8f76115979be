import { describe, expect, it } from "vitest";
import { splitToolFrontMatter } from "../../src/build/stages/profiles/front-matter.js";

describe("front matter in the tools' languages", () => {
  it.each([
    // TOML: positions are read from its lines, under their [table]
    { text: "+++\ntitle = 'T'\ndate = 2024-01-02\n[image]\n  path = 'a.png'\n+++\nBody", path: ["date"], at: { line: 3, column: 1 } },
    { text: "+++\ntitle = 'T'\n[image]\n  path = 'a.png'\n+++\nBody", path: ["image", "path"], at: { line: 4, column: 3 } },
    { text: '+++\ntitle = "T"\nimage.path = "a.png"\n+++\n', path: ["image", "path"], at: { line: 3, column: 1 } },
    { text: '+++\n"quoted key" = 1\n+++\n', path: ["quoted key"], at: { line: 2, column: 1 } },
    // JSON: as YAML reads it, with its positions
    { text: '{\n  "title": "T",\n  "date": "2024-01-02"\n}\nBody', path: ["date"], at: { line: 3, column: 3 } },
    { text: '---json\n{\n  "title": "T"\n}\n---\nBody', path: ["title"], at: { line: 3, column: 3 } },
  ])("$path in $text", ({ text, path, at }) => {
    const split = splitToolFrontMatter(text, ["toml", "json"]);
    if (!split.ok) throw new Error(JSON.stringify(split.problems));
    expect(split.value.positionOf(path)).toEqual(at);
  });

  it.each([
    // The value of a key, for a problem with the value (issue 18, item 10)
    { text: "+++\ntitle = 42\ndate = 2024-01-02\n+++\nBody", path: ["title"], at: { line: 2, column: 9 } },
    { text: "+++\ntitle = 'T'\n[image]\n  path =   5\n+++\nBody", path: ["image", "path"], at: { line: 4, column: 12 } },
    { text: "+++\ntitle = 'T'\n[image]\n  path = 5\n+++\nBody", path: ["image"], at: { line: 3, column: 1 } },
    { text: '{\n  "title": 42\n}\nBody', path: ["title"], at: { line: 2, column: 12 } },
  ])("the value of $path in $text", ({ text, path, at }) => {
    const split = splitToolFrontMatter(text, ["toml", "json"]);
    if (!split.ok) throw new Error(JSON.stringify(split.problems));
    expect(split.value.positionOf(path, "value")).toEqual(at);
  });

  it("keeps TOML dates as the calendar dates and instants they are", () => {
    const split = splitToolFrontMatter("+++\na = 2024-01-02\nb = 2024-01-02T10:00:00\nc = 2024-01-02T10:00:00+02:00\n+++\n", ["toml"]);
    expect(split.ok && split.value.data).toEqual({ a: "2024-01-02", b: "2024-01-02T10:00:00.000", c: "2024-01-02T10:00:00.000+02:00" });
  });

  it("finds the body's first line after each kind of fence", () => {
    for (const text of ["+++\na = 1\n+++\nBody", '{\n  "a": 1\n}\nBody', '---json\n{"a": 1}\n---\nBody']) {
      const split = splitToolFrontMatter(text, ["toml", "json"]);
      expect(split.ok && [split.value.body, split.value.bodyLine]).toEqual(["Body", 4]);
    }
  });

  it.each([
    { text: "+++\ntitle = \n+++\n", problem: "invalid-toml", line: 2, column: 9 },
    { text: "+++\ntitle = 'T'\n", problem: "unclosed-front-matter", line: 1, column: 1 },
    { text: '{\n  "title": "T",,\n}\n', problem: "invalid-json", line: 2 },
    { text: "---json\n[1, 2]\n---\n", problem: "invalid-json", line: 2, column: 1 },
    { text: "---js\nconst title = 'x';\n---\n", problem: "executable-front-matter", line: 1, column: 4 },
  ])("refuses $problem", ({ text, problem, line, column }) => {
    const split = splitToolFrontMatter(text, ["toml", "json"]);
    expect(split.ok).toBe(false);
    if (split.ok) return;
    expect(split.problems[0]).toMatchObject({ rule: problem, line, ...(column ? { column } : {}) });
  });

  it("reads TOML and JSON only where the tool accepts them", () => {
    const split = splitToolFrontMatter("+++\ntitle = 'T'\n+++\n", []);
    expect(split.ok || split.problems[0]?.rule).toBe("missing-front-matter");
  });
});
