import { describe, expect, it } from "vitest";
import { parseArticleFileName, slugify, validateSlug } from "../../src/text/slug.js";

describe("slugify", () => {
  it.each([
    // The seed: its headline, with a curly apostrophe that must vanish ("russias", not "russia-s").
    ["Iran Blames NATO Expansion for Russia’s Invasion of Ukraine", "iran-blames-nato-expansion-for-russias-invasion-of-ukraine"],
    ["Iran", "iran"],
    ["JCPOA", "jcpoa"],
    // Apostrophes and joiners vanish inside words.
    ["Russia's", "russias"],
    ["rock ’n’ roll", "rock-n-roll"],
    ["Hawaiʻi", "hawaii"],
    ["col·lecció", "colleccio"],
    // Latin: decomposed, marks dropped, letters without a decomposition mapped.
    ["Ça va", "ca-va"],
    ["Straße", "strasse"],
    ["Łódź", "lodz"],
    ["Æ", "ae"],
    ["Œuvre", "oeuvre"],
    ["Tiếng Việt", "tieng-viet"],
    ["İstanbul", "istanbul"],
    ["Ｆｕｌｌｗｉｄｔｈ", "fullwidth"],
    ["ℌello", "hello"],
    // Cyrillic and Greek are transliterated.
    ["Россия", "rossiya"],
    ["Владимир Путин", "vladimir-putin"],
    ["Щука и ёж", "shchuka-i-yozh"],
    ["Объект", "obekt"],
    ["Київ", "kiyiv"],
    ["Ελλάδα", "ellada"],
    ["Αθήνα", "athina"],
    ["Μουσείο", "mouseio"],
    ["Ἀθῆναι", "athinai"],
    // Other scripts keep their letters, digits and the marks that belong to them.
    ["ایران", "ایران"],
    ["می‌خواهم", "میخواهم"],
    ["מדינת ישראל", "מדינת-ישראל"],
    ["日本 語", "日本-語"],
    ["한국어", "한국어"],
    ["ｶﾞｷﾞ", "ガギ"],
    ["हिन्दी भाषा", "हिन्दी-भाषा"],
    ["ภาษาไทย", "ภาษาไทย"],
    ["٢٠٢٢ ایران", "٢٠٢٢-ایران"],
    // Separators, symbols and emoji.
    ["  Hello,   World!  ", "hello-world"],
    ["“Quoted” ‘text’", "quoted-text"],
    ["❤️ love 🔥", "love"],
    ["1️⃣ one", "1-one"],
    ["100% sure", "100-sure"],
    ["a--b__c", "a-b-c"],
    // Nothing usable left.
    ["", ""],
    ["...", ""],
    ["🔥🔥", ""],
  ])("%j → %j", (text, expected) => {
    expect(slugify(text)).toBe(expected);
  });

  it.each([
    // Cut at the last hyphen that keeps the slug within 80 characters.
    ["word-".repeat(30), "word-".repeat(16).slice(0, -1)],
    // One word longer than 80 characters is cut inside it.
    [`${"a".repeat(100)}-b`, "a".repeat(80)],
    // Counted in code points: 81 astral characters are 162 UTF-16 units.
    ["𠀀".repeat(81), "𠀀".repeat(80)],
  ])("shortens %j", (text, expected) => {
    const slug = slugify(text);
    expect(slug).toBe(expected);
    expect([...slug].length).toBeLessThanOrEqual(80);
  });
});

describe("validateSlug", () => {
  it.each([
    // The seed's slug.
    ["iran-blames-nato-expansion-for-russias-invasion-of-ukraine", "slug"],
    ["Mixed-Case_and.dots", "slug"],
    ["ایران", "slug"],
    ["plain-id-42", "id"],
    // An id that is an absolute IRI may hold ":", "/", "?", "#" and escapes.
    ["tag:example.com,2022:foo", "id"],
    ["https://example.com/a/b?x=1#top", "id"],
    ["urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", "id"],
    ["https://example.com/caf%C3%A9", "id"],
  ] as const)("accepts %j as %s", (value, field) => {
    expect(validateSlug(value, field)).toEqual({ ok: true, value });
  });

  it("returns the value in NFC", () => {
    expect(validateSlug("cafe\u0301", "slug")).toEqual({ ok: true, value: "café" });
  });

  it.each([
    // Empty.
    ["", "slug", "empty-slug", "is empty"],
    ["   ", "id", "empty-id", "is empty"],
    // Path traversal and folders.
    ["..", "slug", "unsafe-slug", 'contains ".."'],
    ["a..b", "id", "unsafe-id", 'contains ".."'],
    [".", "slug", "unsafe-slug", 'is "."'],
    ["a/b", "slug", "unsafe-slug", 'contains "/"'],
    ["a\\b", "slug", "unsafe-slug", 'contains "\\"'],
    ["a/b", "id", "unsafe-id", 'contains "/"'],
    // Whitespace and invisible characters, spelled out in the message.
    ["a b", "slug", "unsafe-slug", "contains a space"],
    ["a\u00a0b", "slug", "unsafe-slug", 'Slug "a<U+00A0>b" contains whitespace (U+00A0)'],
    ["a\tb", "id", "unsafe-id", "whitespace (U+0009)"],
    ["a\u0000b", "slug", "unsafe-slug", "invisible control character U+0000"],
    ["a\u202eb", "slug", "unsafe-slug", "invisible control character U+202E"],
    // Characters unsafe in a URL path segment or a file name.
    ["a?b", "slug", "unsafe-slug", 'contains "?"'],
    ["a#b", "slug", "unsafe-slug", 'contains "#"'],
    ["100%", "slug", "unsafe-slug", 'contains "%"'],
    ["<b>", "slug", "unsafe-slug", 'contains "<"'],
    ['a"b', "slug", "unsafe-slug", 'contains """'],
    ["a|b", "slug", "unsafe-slug", 'contains "|"'],
    ["a*b", "slug", "unsafe-slug", 'contains "*"'],
    ["tag:example.com,2022:foo", "slug", "unsafe-slug", 'contains ":"'],
    // ":" in an id that is not an absolute IRI (a scheme starts with a letter).
    ["2022:foo", "id", "unsafe-id", "only have when it is an absolute IRI"],
    // IRIs: complete, without characters an IRI cannot hold, with valid escapes.
    ["tag:", "id", "unsafe-id", "nothing after it"],
    ["https://example.com/a b", "id", "unsafe-id", "contains a space, which is not allowed in an IRI"],
    ["https://example.com/<a>", "id", "unsafe-id", 'contains "<"'],
    ["https://example.com/100%", "id", "unsafe-id", "%XX escape"],
  ] as const)("rejects %j as %s: %s", (value, field, rule, messagePart) => {
    const result = validateSlug(value, field);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.rule).toBe(rule);
    expect(result.problem.message).toContain(messagePart);
    expect(result.problem.hint).not.toBe("");
  });

  it.each([
    ["a b", "slug", 'Use "a-b" instead.'],
    ["Russia’s war?", "slug", 'Use "russias-war" instead.'],
    ["..", "slug", "Use only letters, digits and hyphens instead."],
    ["2022:foo", "id", 'Use "2022-foo" instead, or a full IRI such as "tag:example.com,2022:2022-foo".'],
    ["https://example.com/a b", "id", 'Percent-encode it: a space becomes "%20", a lone "%" becomes "%25".'],
  ] as const)("hints for %j as %s: %j", (value, field, hint) => {
    const result = validateSlug(value, field);
    expect(result.ok ? undefined : result.problem.hint).toBe(hint);
  });
});

describe("parseArticleFileName", () => {
  it.each([
    // The seed's file name.
    [
      "2022-02-25-iran-blames-nato-expansion-for-russias-invasion-of-ukraine.md",
      { date: "2022-02-25", slug: "iran-blames-nato-expansion-for-russias-invasion-of-ukraine" },
    ],
    ["2022-02-25-iran.markdown", { date: "2022-02-25", slug: "iran" }],
    ["articles/2022/2022-01-01-x.md", { date: "2022-01-01", slug: "x" }],
    ["articles\\2022-01-01-x.md", { date: "2022-01-01", slug: "x" }],
    // Without a date the whole stem is the slug.
    ["about-us.md", { slug: "about-us" }],
    ["2022-1-1-x.md", { slug: "2022-1-1-x" }],
    // The date is read, not checked: the date normalizer reports impossible dates.
    ["2022-02-30-x.md", { date: "2022-02-30", slug: "x" }],
    // The slug part is slugified: a file name may hold what a URL cannot.
    ["2022-02-25-Iran.MD", { date: "2022-02-25", slug: "iran" }],
    ["2022-02-25-Café Noir?.md", { date: "2022-02-25", slug: "cafe-noir" }],
    ["2022-02-25-cafe\u0301.md", { date: "2022-02-25", slug: "cafe" }],
    ["2022-02-25-Россия.md", { date: "2022-02-25", slug: "rossiya" }],
    // Not an article, or no slug in it.
    ["notes.txt", undefined],
    ["2022-02-25-x.md.bak", undefined],
    ["2022-02-25.md", undefined],
    ["2022-02-25-.md", undefined],
    [".md", undefined],
    ["2022-02-25-🔥.md", undefined],
  ])("%j → %j", (fileName, expected) => {
    expect(parseArticleFileName(fileName)).toEqual(expected);
  });
});
