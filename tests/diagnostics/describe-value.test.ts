import { describe, expect, it } from "vitest";
import { describeValue, wrongType } from "../../src/diagnostics/describe-value.js";
import { readArticleMeta } from "../../src/build/stages/meta/index.js";
import { splitFrontMatter } from "../../src/build/stages/front-matter.js";
import { parseConfig } from "../../src/config/load.js";
import { parseAuthors } from "../../src/text/author.js";
import { parseDate } from "../../src/text/date.js";

describe("describeValue", () => {
  it.each<[value: unknown, described: string]>([
    [undefined, "nothing"],
    [null, "an empty value"],
    ["", "empty text"],
    ["  ", "empty text"],
    ["maybe", 'the text "maybe"'],
    ['say "hi"\n', 'the text "say \\"hi\\"\\n"'],
    ["x".repeat(41), `the text "${"x".repeat(40)}…"`],
    ["é".repeat(40), `the text "${"é".repeat(40)}"`],
    [42, "the number 42"],
    [-2.5, "the number -2.5"],
    [0, "the number 0"],
    [true, "the boolean true"],
    [false, "the boolean false"],
    [new Date("2022-02-25T00:00:00Z"), "a date"],
    [[], "an empty list"],
    [["a"], "a list"],
    [{}, "a map"],
    [{ src: "/a.jpg" }, "a map"],
  ])("describes %j as %j", (value, described) => {
    expect(describeValue(value)).toBe(described);
  });

  it("frames a type error one way", () => {
    expect(wrongType('"draft"', "true or false", "maybe")).toBe('"draft" must be true or false, not the text "maybe"');
  });
});

// The describers that were three: the front matter's fields, the normalizers and the config say a type error alike.
describe("every wrong type is worded by describeValue", () => {
  const configMessage = (text: string) => {
    try {
      parseConfig(text, "c.json");
    } catch (error) {
      return (error as { diagnostics: { message: string }[] }).diagnostics[0]!.message;
    }
    return "";
  };
  const config = parseConfig('{"url": "https://e.com/"}', "c.json");
  const metaMessage = (...lines: string[]) => {
    const split = splitFrontMatter(`---\ntitle: Hello\ndate: 2022-02-25\n${lines.join("\n")}\n---\nBody.\n`);
    if (!split.ok) throw new Error("no front matter");
    return readArticleMeta(split.value, "a.md", config).errors[0]?.message ?? "";
  };
  const failure = (result: { ok: boolean; problem?: { message: string } }) => (result.ok ? "" : result.problem!.message);

  it.each<[where: string, message: () => string, expected: string]>([
    ["a front matter text", () => metaMessage("lang: 12"), '"lang" must be text, not the number 12'],
    ["a front matter flag", () => metaMessage("draft: maybe"), '"draft" must be true or false, not the text "maybe"'],
    ["front matter tags", () => metaMessage("tags: {a: 1}"), '"tags" must be a list of tags or a comma-separated string, not a map'],
    ["an image", () => metaMessage("image: [a]"), '"image" must be a URL or a map, not a list'],
    ["an image's length", () => metaMessage("image: {src: /a.jpg, length: big}"), '"image.length" must be a whole number of bytes, not the text "big"'],
    ["a front matter date", () => metaMessage("updated: 5"), "Date must be text, not the number 5."],
    ["a front matter author", () => metaMessage("author: true"), "An author must be text or a map, not the boolean true."],
    ["a date", () => failure(parseDate(20220225, "UTC")), "Date must be text, not the number 20220225."],
    ["a date that is a list", () => failure(parseDate(["2022-02-25"], "UTC")), "Date must be text, not a list."],
    ["an author", () => failure(parseAuthors(42)), "An author must be text or a map, not the number 42."],
    ["an author's email", () => failure(parseAuthors({ name: "Jane", email: 42 })), 'The email of author "Jane" must be text, not the number 42.'],
    ["an author's name", () => failure(parseAuthors({ name: true })), "The name in an author map must be text, not the boolean true."],
    ["a config key", () => configMessage('{"url": "https://e.com/", "title": 7}'), 'The config key "title" must be text, not the number 7'],
    ["a config map", () => configMessage('{"url": "https://e.com/", "tagAliases": []}'), 'The config key "tagAliases" must be a map, not an empty list'],
  ])("%s", (_where, message, expected) => {
    expect(message()).toBe(expected);
  });
});
