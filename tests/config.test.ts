import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configJsonSchema } from "../src/config/json-schema.js";
import { jsonErrorReason, jsonSyntaxError } from "../src/config/json-syntax.js";
import { ConfigError, configPositions, parseConfig } from "../src/config/load.js";
import { articlesFolder, configKeys, feedKinds } from "../src/config/schema.js";
import { repoRoot } from "./helpers/build.js";
import { tempDir } from "./helpers/temp.js";

const problemsOf = (text: string) => {
  try {
    parseConfig(text, "wirefeed.config.json");
  } catch (error) {
    if (error instanceof ConfigError) return error.diagnostics;
    throw error;
  }
  return [];
};

describe("config validation", () => {
  it("accepts the repository's own config", async () => {
    const config = parseConfig(await readFile(path.join(repoRoot, "wirefeed.config.json"), "utf8"), "wirefeed.config.json");
    expect(config).toMatchObject({ title: "The World Desk", url: "https://worlddesk.example/", timeZone: "Asia/Kolkata", profile: "wirefeed", out: "output" });
    expect(articlesFolder(config)).toBe("articles");
  });

  it("takes the config's folder as the site with a tool profile, unless articles names another", () => {
    expect(articlesFolder(parseConfig('{"url": "https://example.com/", "profile": "hugo"}', "c.json"))).toBe(".");
    expect(articlesFolder(parseConfig('{"url": "https://example.com/", "profile": "auto", "articles": "site"}', "c.json"))).toBe("site");
  });

  it("fills the defaults of a config that gives only the url", () => {
    const config = parseConfig('{"url": "https://example.com/"}', "c.json");
    expect(config).toMatchObject({ timeZone: "UTC", permalink: "/:year/:month/:day/:slug/", language: "en" });
    expect(config.feeds).toEqual({
      site: { enabled: true, required: false, limit: 50, content: "full" },
      section: { enabled: true, required: false, limit: 50, content: "full" },
      tag: { enabled: true, required: false, limit: 50, content: "summary" },
      author: { enabled: true, required: false, limit: 20, content: "summary" },
      language: { enabled: true, required: false, limit: 50, content: "full" },
      archive: { enabled: true, required: false, limit: 100, content: "full" },
      leadImageFigure: true,
    });
  });

  it("reads the old feed keys as the new ones: feedLimit, archivePageSize, outputs.archivePages, outputs.tagFeeds", () => {
    const config = parseConfig(
      '{"url": "https://e.com/", "feedLimit": 7, "archivePageSize": 9, "outputs": {"archivePages": false, "tagFeeds": "full"}}',
      "c.json",
    );
    expect(config.feeds.site).toMatchObject({ enabled: true, limit: 7 });
    // Tag feeds held feedLimit items before they had a limit of their own.
    expect(config.feeds.tag).toMatchObject({ enabled: true, limit: 7, content: "full" });
    expect(config.feeds.archive).toMatchObject({ enabled: false, limit: 9 });
    expect(parseConfig('{"url": "https://e.com/", "outputs": {"tagFeeds": "off"}}', "c.json").feeds.tag.enabled).toBe(false);
    expect("feedLimit" in config || "archivePageSize" in config || "tagFeeds" in config.outputs).toBe(false);
  });

  it("refuses an old feed key beside its new name, at the old key", () => {
    const problems = problemsOf('{"url": "https://e.com/",\n "feedLimit": 7,\n "feeds": {"site": {"limit": 8}}}');
    expect(problems).toEqual([
      expect.objectContaining({ rule: "invalid-config-value", line: 2, message: expect.stringContaining("old name of feeds.site.limit") }),
    ]);
  });

  it.each([
    // what is wrong, the config, the rule, the line, a piece of the hint
    ["url is required", '{"title": "x"}', "missing-config-key", 1, "absolute address"],
    ["an unknown key gets a did-you-mean hint", '{\n  "url": "https://e.com/",\n  "feedLimt": 3\n}', "unknown-config-key", 3, 'Did you mean "feedLimit"'],
    ["a relative url", '{"url": "/news/"}', "invalid-config-value", 1, "absolute"],
    ["an unknown time zone", '{"url": "https://e.com/",\n"timeZone": "Mars/Olympus"}', "invalid-config-value", 2, "IANA"],
    ["an offset is not a time zone (it knows no daylight saving)", '{"url": "https://e.com/", "timeZone": "+03:00"}', "invalid-config-value", 1, "IANA"],
    ["feedLimit must be a whole number", '{"url": "https://e.com/", "feedLimit": 2.5}', "invalid-config-value", 1, "README"],
    ["a permalink without :slug", '{"url": "https://e.com/", "permalink": "/:year/"}', "invalid-config-value", 1, ":slug"],
    ["a nested unknown author key", '{"url": "https://e.com/", "author": {"name": "A", "mail": "a@b.c"}}', "unknown-config-key", 1, 'Did you mean "email"'],
    ["invalid JSON", '{"url": "https://e.com/",}', "invalid-config-json", 1, "trailing comma"],
  ])("%s", (_what, text, rule, line, hint) => {
    const [first] = problemsOf(text);
    expect(first).toMatchObject({ rule, line, file: "wirefeed.config.json" });
    expect(first!.hint).toContain(hint);
  });

  it.each([
    // what is wrong, the config, the rule, the line and column, a piece of the message (issue 18, item 10)
    ["a trailing comma on line 3: at the comma", '{\n  "url": "https://e.com/",\n  "title": "x",\n}', "invalid-config-json", 3, 15, "not valid JSON"],
    [
      "a trailing comma in a list: at the comma",
      '{\n  "url": "https://e.com/",\n  "ignoreKeys": ["a", "b",\n  ]\n}',
      "invalid-config-json",
      3,
      26,
      "not valid JSON",
    ],
    ["a missing comma: at the key after it", '{\n  "url": "https://e.com/"\n  "title": "x"\n}', "invalid-config-json", 3, 3, "not valid JSON"],
    ["text cut short: at its end", '{\n  "url": "https://e.com/",\n  "title": "x"', "invalid-config-json", 3, 15, "not valid JSON"],
    [
      "a number as text: at the value",
      '{\n  "url": "https://e.com/",\n  "feedLimit": "50"\n}',
      "invalid-config-value",
      3,
      16,
      'must be a number, not the text "50"',
    ],
    [
      "a title that is a number: at the value",
      '{\n  "url": "https://e.com/",\n  "title": 7\n}',
      "invalid-config-value",
      3,
      12,
      "must be text, not the number 7",
    ],
    ["pages as text: at the value", '{"url": "https://e.com/",\n"pages": "yes"}', "invalid-config-value", 2, 10, 'must be true or false, not the text "yes"'],
  ])("%s", (_what, text, rule, line, column, message) => {
    const [first] = problemsOf(text);
    expect(first).toMatchObject({ rule, line, column, file: "wirefeed.config.json" });
    expect(first!.message).toContain(message);
  });

  it("reports every problem at once", () => {
    const problems = problemsOf('{"feedLimit": 0, "timeZone": "Nowhere", "colour": "red"}');
    expect(problems.map((p) => p.rule).sort()).toEqual(["invalid-config-value", "invalid-config-value", "missing-config-key", "unknown-config-key"]);
  });
});

describe("the config's JSON syntax message", () => {
  // The diagnostic has the line and column: the message says what is wrong, not where (STYLE.md).
  it.each([
    // a config's own mistakes, as JSON.parse words them on Node 20
    ['{"a": 1 "b": 2}', "Expected ',' or '}' after property value"],
    ['{"a": 1,}', "Expected double-quoted property name"],
    ['{"a":', "Unexpected end of JSON input"],
    // a config written in YAML: Node quotes the text, its line end included
    ["title: x\nurl: https://e.com/", "Unexpected token 'i'"],
    ["[1,]", "Unexpected token ']'"],
  ])("%j: %s", (text, reason) => {
    let message = "";
    try {
      JSON.parse(text);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(jsonErrorReason(message)).toBe(reason);
  });

  it.each([
    // newer Node adds the line and column after the offset
    ["Expected ',' or '}' after property value in JSON at position 217 (line 7 column 3)", "Expected ',' or '}' after property value"],
    ["Unexpected end of JSON input", "Unexpected end of JSON input"],
  ])("%j", (message, reason) => {
    expect(jsonErrorReason(message)).toBe(reason);
  });

  it("reaches the config diagnostic without a position", () => {
    const [first] = problemsOf('{\n  "url": "https://e.com/"\n  "title": "x"\n}');
    expect(first).toMatchObject({ rule: "invalid-config-json", line: 3, column: 3 });
    expect(first!.message).toBe("The config is not valid JSON: Expected ',' or '}' after property value");
  });
});

describe("the config's JSON syntax check", () => {
  it.each([
    '{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {}, "c": []}',
    " [ ] ",
    '"text"',
    "{,}",
    '{"a": 1,}',
    "[1,]",
    '{"a" 1}',
    '{"a": 01}',
    '{"a": "tab\there"}',
    '{"a": "\\x"}',
    "[1] [2]",
    '{"a": tru}',
    "",
    '{"a": {"b": [1, 2}}',
  ])("agrees with JSON.parse on %j", (text) => {
    let valid = true;
    try {
      JSON.parse(text);
    } catch {
      valid = false;
    }
    expect(jsonSyntaxError(text) === undefined).toBe(valid);
  });
});

describe("the published JSON Schema", () => {
  it("names every key in the README's configuration table, the feed kinds' keys included", async () => {
    const readme = await readFile(path.join(repoRoot, "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("## Configuration: wirefeed.config.json"), readme.indexOf("## Outputs in output/"));
    const rows = table.split("\n").filter((line) => line.startsWith("| `"));
    const named = (key: string) => rows.some((row) => row.startsWith(`| \`${key}\``) || row.startsWith(`| \`${key}.`));
    expect(configKeys.filter((key) => key !== "$schema" && !named(key))).toEqual([]);
    expect(feedKinds.filter((kind) => !named(`feeds.${kind}`))).toEqual([]);
    expect(named("feeds.leadImageFigure")).toBe(true);
  });

  it("is in sync with the zod schema (run `npm run schema` after changing it)", async () => {
    const published = JSON.parse(await readFile(path.join(repoRoot, "schema/wirefeed.config.schema.json"), "utf8"));
    expect(published).toEqual(configJsonSchema());
  });
});

describe("a site in a subfolder", () => {
  it.each([
    ["https://example.org/news", "https://example.org/news/"],
    ["https://example.org/news/", "https://example.org/news/"],
    ["https://example.org", "https://example.org/"],
  ])("%s is read as %s", (url, expected) => {
    expect(parseConfig(JSON.stringify({ url }), "c.json").url).toBe(expected);
  });
});

describe("positions in the config file, for a build's later diagnostics", () => {
  const text = '\uFEFF{\n "title": "Desk",\n "hubs": [\n  "https://a.example/",\n  "https://b.example/"\n ],\n "feeds": {"section": {"enabled": true}}\n}\n';

  it.each<[path: (string | number)[], line: number, column: number]>([
    [["hubs", 1], 5, 3],
    [["hubs", 0], 4, 3],
    [["feeds", "section", "enabled"], 7, 24],
    // A key the file does not have: its nearest ancestor that it has
    [["feeds", "tag", "enabled"], 7, 2],
    [["feeds", "site", "enabled"], 7, 2],
    [["url"], 1, 1],
  ])("%j is at %i:%i (after a BOM)", async (keys, line, column) => {
    const file = path.join(await tempDir(), "wirefeed.config.json");
    await writeFile(file, text);
    expect(await configPositions(file)(keys)).toEqual({ line, column });
  });

  it("reads the file on the first question, once; an unreadable one is line 1", async () => {
    const file = path.join(await tempDir(), "wirefeed.config.json");
    const at = configPositions(file);
    // Written after the lookup was made: nothing was read yet.
    await writeFile(file, text);
    expect(await at(["hubs", 1])).toEqual({ line: 5, column: 3 });
    await writeFile(file, `\n\n\n${text}`);
    expect(await at(["hubs", 1])).toEqual({ line: 5, column: 3 });
    await rm(file);
    expect(await configPositions(file)(["hubs", 1])).toEqual({ line: 1, column: 1 });
  });
});
