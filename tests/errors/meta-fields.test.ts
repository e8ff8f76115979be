// The front matter handlers that compare a date with `date`, read a flag, or check an id's scheme,
// row by row: the boundaries (the same moment as `date`) are where one shared check could slip.
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../src/build/stages/front-matter.js";
import { readArticleMeta } from "../../src/build/stages/meta/index.js";
import { configSchema } from "../../src/config/schema.js";

const config = configSchema.parse({ title: "Desk", url: "https://news.example/", timeZone: "UTC" });

/** The article's meta (or its problems) for front matter lines after a title and `date: 2022-02-25T12:00Z`. */
function read(...lines: string[]) {
  const split = splitFrontMatter(`---\ntitle: Hello\ndate: 2022-02-25T12:00:00Z\n${lines.join("\n")}\n---\nBody.\n`);
  if (!split.ok) throw new Error("the front matter does not split");
  const { meta, errors } = readArticleMeta(split.value, "a.md", config);
  return { meta, problems: errors.map(({ rule, line, column }) => ({ rule, line, column })) };
}

const iso = (date: Date | undefined) => date?.toISOString();

describe("a date checked against `date`", () => {
  it.each<[line: string, key: "updated" | "expires" | "publishes", value: string | undefined, rule?: string]>([
    // updated: at `date` or after; absent, it is `date`
    ["updated: 2022-02-26", "updated", "2022-02-26T00:00:00.000Z"],
    ["updated: 2022-02-25T12:00:00Z", "updated", "2022-02-25T12:00:00.000Z"],
    ["updated: 2022-02-25T11:59:59Z", "updated", undefined, "updated-before-date"],
    ["updated:", "updated", "2022-02-25T12:00:00.000Z"],
    ["updated: soon", "updated", undefined, "invalid-date"],
    // expiryDate: strictly after `date`
    ["expiryDate: 2022-02-25T12:00:01Z", "expires", "2022-02-25T12:00:01.000Z"],
    ["expiryDate: 2022-02-25T12:00:00Z", "expires", undefined, "expiry-before-date"],
    ["expiryDate: 2022-02-24", "expires", undefined, "expiry-before-date"],
    ["expiryDate: soon", "expires", undefined, "invalid-date"],
    // publishDate: kept only when later than `date`, else left out without a word; empty is absent
    ["publishDate: 2022-02-25T12:00:01Z", "publishes", "2022-02-25T12:00:01.000Z"],
    ["publishDate: 2022-02-25T12:00:00Z", "publishes", undefined],
    ["publishDate: 2022-02-24", "publishes", undefined],
    ['publishDate: ""', "publishes", undefined],
  ])("%s: %s is %s", (line, key, value, rule) => {
    const { meta, problems } = read(line);
    expect(problems).toEqual(rule ? [{ rule, line: 4, column: 1 }] : []);
    if (!rule) expect(iso(meta?.[key])).toBe(value);
  });
});

describe("draft and published, flags", () => {
  it.each<[lines: string[], draft: boolean | undefined, problems: { rule: string; line: number; column: number }[]]>([
    [[], false, []],
    [["draft: true"], true, []],
    [["draft: false"], false, []],
    [["draft:"], false, []],
    [["published: false"], true, []],
    [["published: true"], false, []],
    [["draft: true", "published: maybe"], true, []],
    [["draft: maybe"], undefined, [{ rule: "invalid-type", line: 4, column: 8 }]],
    [["draft: false", "published: 0"], undefined, [{ rule: "invalid-type", line: 5, column: 12 }]],
  ])("%j: a draft is %s", (lines, draft, problems) => {
    const read_ = read(...lines);
    expect(read_.problems).toEqual(problems);
    expect(read_.meta?.draft).toBe(draft);
  });
});

describe("an explicit id", () => {
  it.each<[line: string, id: string | undefined, rule?: string]>([
    ["id: tag:news.example,2022:hello", "tag:news.example,2022:hello"],
    ["id: urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66"],
    ["id: HTTPS://news.example/hello", "HTTPS://news.example/hello"],
    // No scheme: a tag: URI is made of it; no id: of the slug
    ["id: hello", "tag:news.example,2022-02-25:hello"],
    ["id: 1234", "tag:news.example,2022-02-25:1234"],
    ["slug: hello-there", "tag:news.example,2022-02-25:hello-there"],
    ["id: javascript:alert(1)", undefined, "unsafe-id"],
    ["id: data:text/html,x", undefined, "unsafe-id"],
  ])("%s", (line, id, rule) => {
    const { meta, problems } = read(line);
    expect(problems).toEqual(rule ? [{ rule, line: 4, column: 1 }] : []);
    expect(meta?.id).toBe(id);
  });
});
