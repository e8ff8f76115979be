import { describe, expect, it } from "vitest";
import { type Author, parseAuthors } from "../../src/text/author.js";

/** The authors parseAuthors gives; throws with the problem so a failed row says why. */
function parsed(value: unknown): Author[] {
  const result = parseAuthors(value);
  if (!result.ok) throw new Error(`${result.problem.rule}: ${result.problem.message}`);
  return result.value;
}

/** The rule parseAuthors fails with; throws when it succeeds. */
function failedRule(value: unknown): string {
  const result = parseAuthors(value);
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.problem.rule;
}

describe("parseAuthors", () => {
  it.each<[label: string, value: unknown, expected: Author[]]>([
    // The seed article has no byline; its caption's name stands in for a plain name
    ["seed caption name", "Ebrahim Raisi", [{ name: "Ebrahim Raisi" }]],
    ["name with a stray no-break space, as in the seed", "Ebrahim Raisi\u00a0", [{ name: "Ebrahim Raisi" }]],

    // "Name"
    ["plain name", "Jane Doe", [{ name: "Jane Doe" }]],
    ["name with inner whitespace runs", "  Jane \t Doe ", [{ name: "Jane Doe" }]],
    ["name in parentheses is not an email form", "John Smith (Reuters)", [{ name: "John Smith (Reuters)" }]],
    ["non-Latin name, NFC", "Zoe\u0308 Ça\u0301rdenas", [{ name: "Zoë Çárdenas" }]],
    ["Persian name", "سعید خطیب‌زاده", [{ name: "سعید خطیب‌زاده" }]],

    // "Name <email>"
    ["name and email", "Jane Doe <jane@example.com>", [{ name: "Jane Doe", email: "jane@example.com" }]],
    ["no space before the bracket", "Jane Doe<jane@example.com>", [{ name: "Jane Doe", email: "jane@example.com" }]],
    ["spaces inside the brackets", "Jane Doe < jane@example.com >", [{ name: "Jane Doe", email: "jane@example.com" }]],
    ["mailto: prefix is dropped", "Jane Doe <mailto:jane@example.com>", [{ name: "Jane Doe", email: "jane@example.com" }]],
    ["empty brackets mean no email", "Jane Doe <>", [{ name: "Jane Doe" }]],

    // "email (Name)"
    ["email then name", "jane@example.com (Jane Doe)", [{ name: "Jane Doe", email: "jane@example.com" }]],
    ["email then name, no space", "jane@example.com(Jane Doe)", [{ name: "Jane Doe", email: "jane@example.com" }]],

    // {name, email, url}
    ["map with name only", { name: "Jane Doe" }, [{ name: "Jane Doe" }]],
    [
      "map with every key",
      { name: "Jane Doe", email: "jane@example.com", url: "https://example.com/jane" },
      [{ name: "Jane Doe", email: "jane@example.com", url: "https://example.com/jane" }],
    ],
    ["map with an http url", { name: "Jane Doe", url: "http://example.com/" }, [{ name: "Jane Doe", url: "http://example.com/" }]],
    ["map with empty email and url keys (YAML null)", { name: "Jane Doe", email: null, url: null }, [{ name: "Jane Doe" }]],
    ["map with empty strings", { name: "Jane Doe", email: "", url: " " }, [{ name: "Jane Doe" }]],
    ["map name is cleaned", { name: "\u00a0Jane\nDoe " }, [{ name: "Jane Doe" }]],
    ["map without prototype", Object.assign(Object.create(null), { name: "Jane Doe" }), [{ name: "Jane Doe" }]],

    // Lists of those
    [
      "list of every form",
      ["Jane Doe", "John Roe <john@example.com>", "ann@example.com (Ann Lee)", { name: "Bo Li", url: "https://example.com/bo" }],
      [
        { name: "Jane Doe" },
        { name: "John Roe", email: "john@example.com" },
        { name: "Ann Lee", email: "ann@example.com" },
        { name: "Bo Li", url: "https://example.com/bo" },
      ],
    ],
    ["empty list", [], []],
    ["absent (YAML null)", null, []],
    ["absent (undefined)", undefined, []],

    // Duplicates (same name and email) are merged, keeping the first and filling in a url
    ["same name twice", ["Jane Doe", "Jane Doe"], [{ name: "Jane Doe" }]],
    ["same name after cleaning", ["Jane Doe", " Jane\u00a0Doe "], [{ name: "Jane Doe" }]],
    ["same name and email in two forms", ["Jane Doe <jane@example.com>", "jane@example.com (Jane Doe)"], [{ name: "Jane Doe", email: "jane@example.com" }]],
    ["email compared without case", ["Jane Doe <Jane@Example.com>", "Jane Doe <jane@example.com>"], [{ name: "Jane Doe", email: "Jane@Example.com" }]],
    ["a later url fills in", ["Jane Doe", { name: "Jane Doe", url: "https://example.com/jane" }], [{ name: "Jane Doe", url: "https://example.com/jane" }]],
    [
      "same name, different emails are two authors",
      ["Jane Doe <jane@example.com>", "Jane Doe <jd@example.org>"],
      [
        { name: "Jane Doe", email: "jane@example.com" },
        { name: "Jane Doe", email: "jd@example.org" },
      ],
    ],
    [
      "same name with and without email are two authors",
      ["Jane Doe", "Jane Doe <jane@example.com>"],
      [{ name: "Jane Doe" }, { name: "Jane Doe", email: "jane@example.com" }],
    ],
  ])("%s", (_label, value, expected) => {
    expect(parsed(value)).toEqual(expected);
  });

  it.each<[label: string, value: unknown, rule: string]>([
    // Wrong types: invalid-author
    ["number", 42, "invalid-author"],
    ["boolean", true, "invalid-author"],
    ["date (YAML reads 2022-02-25 as one)", new Date("2022-02-25T00:00:00Z"), "invalid-author"],
    ["nested list", [["Jane Doe"]], "invalid-author"],
    ["null inside a list", ["Jane Doe", null], "invalid-author"],
    ["number inside a list", ["Jane Doe", 7], "invalid-author"],
    ["map without name", { email: "jane@example.com" }, "invalid-author"],
    ["map with null name", { name: null }, "invalid-author"],
    ["map with a numeric name", { name: 42 }, "invalid-author"],
    ["map with an unknown key", { name: "Jane Doe", twitter: "@jane" }, "invalid-author"],
    ["map with a misspelt key", { name: "Jane Doe", emial: "jane@example.com" }, "invalid-author"],

    // Missing names: invalid-author
    ["empty string", "", "invalid-author"],
    ["only whitespace", " \u00a0 ", "invalid-author"],
    ["map with an empty name", { name: "  " }, "invalid-author"],
    ["email without a name", "jane@example.com", "invalid-author"],
    ["bracketed email without a name", "<jane@example.com>", "invalid-author"],
    ["email with empty parentheses", "jane@example.com ()", "invalid-author"],

    // Malformed emails: invalid-author-email
    ["no @", "Jane Doe <jane.example.com>", "invalid-author-email"],
    ["two @", "Jane Doe <jane@doe@example.com>", "invalid-author-email"],
    ["space inside", "Jane Doe <jane doe@example.com>", "invalid-author-email"],
    ["no dot in the domain", "Jane Doe <jane@localhost>", "invalid-author-email"],
    ["domain ends in a dot", "Jane Doe <jane@example.>", "invalid-author-email"],
    ["empty local part", "Jane Doe <@example.com>", "invalid-author-email"],
    ["malformed email in a map", { name: "Jane Doe", email: "jane(at)example.com" }, "invalid-author-email"],
    ["email that is a number", { name: "Jane Doe", email: 42 }, "invalid-author-email"],

    // Non-absolute or non-http(s) urls: invalid-author-url
    ["relative url", { name: "Jane Doe", url: "/about/jane" }, "invalid-author-url"],
    ["scheme-relative url", { name: "Jane Doe", url: "//example.com/jane" }, "invalid-author-url"],
    ["bare host", { name: "Jane Doe", url: "example.com/jane" }, "invalid-author-url"],
    ["mailto url", { name: "Jane Doe", url: "mailto:jane@example.com" }, "invalid-author-url"],
    ["ftp url", { name: "Jane Doe", url: "ftp://example.com/jane" }, "invalid-author-url"],
    ["javascript url", { name: "Jane Doe", url: "javascript:alert(1)" }, "invalid-author-url"],
    ["url that is a list", { name: "Jane Doe", url: ["https://example.com"] }, "invalid-author-url"],

    // The first bad entry of a list fails the whole value
    ["bad email after a good author", ["Jane Doe", "John Roe <john>"], "invalid-author-email"],
  ])("%s fails", (_label, value, rule) => {
    expect(failedRule(value)).toBe(rule);
  });

  it.each<[label: string, value: unknown, message: RegExp, hint: RegExp]>([
    // Messages say what is wrong; hints show the accepted forms or the fix
    ["wrong type", 42, /must be text or a map, not the number 42/, /"Name <email>".*"email \(Name\)"/],
    ["nested list", [["Jane Doe"]], /nested list/, /a list of those/],
    ["map without name", { email: "jane@example.com" }, /has no name/, /a map with name/],
    ["unknown key", { name: "Jane Doe", twitter: "@jane" }, /unknown key "twitter"/, /"Name"/],
    ["email without name", "jane@example.com", /without a name/, /"Name <jane@example\.com>"/],
    ["malformed email", "Jane Doe <jane@localhost>", /"jane@localhost".*not a valid address/, /jane@example\.com/],
    ["relative url", { name: "Jane Doe", url: "/about" }, /"\/about".*not an absolute http or https address/, /https:\/\//],
  ])("explains %s", (_label, value, message, hint) => {
    const result = parseAuthors(value);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.message).toMatch(message);
      expect(result.problem.hint).toMatch(hint);
    }
  });
});
