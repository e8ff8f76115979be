import { describe, expect, it } from "vitest";
import { chooseDisplayName, cleanTag, splitTags, tagKey, tagSlug, uniqueTags } from "../../src/text/tags.js";

describe("cleanTag", () => {
  it.each([
    // The seed's tags.
    ["Iran", "Iran"],
    ["Russia", "Russia"],
    ["Ukraine", "Ukraine"],
    ["NATO", "NATO"],
    ["JCPOA", "JCPOA"],
    // Whitespace: trimmed (no-break spaces included) and collapsed.
    ["  Middle\u00a0\u00a0East \t", "Middle East"],
    ["\u202fNATO\u2007", "NATO"],
    ["Middle\nEast", "Middle East"],
    // NFC.
    ["Cafe\u0301", "Café"],
    // Empty.
    ["", ""],
    ["\u00a0 ", ""],
  ])("%j → %j", (raw, expected) => {
    expect(cleanTag(raw)).toBe(expected);
  });

  it.each([
    ["JCPOA", { "Iran nuclear deal": "JCPOA" }, "JCPOA"],
    ["iran nuclear deal", { "Iran nuclear deal": "JCPOA" }, "JCPOA"],
    [" IRAN  NUCLEAR DEAL ", { "Iran nuclear deal": "JCPOA" }, "JCPOA"],
    ["U.S.", { "u.s.": "United States" }, "United States"],
    ["Straße", { STRASSE: "Street" }, "Street"],
    ["Russia", { "Iran nuclear deal": "JCPOA" }, "Russia"],
    ["USA", { usa: "  United\u00a0States " }, "United States"],
  ])("%j with %j → %j", (raw, aliases, expected) => {
    expect(cleanTag(raw, aliases)).toBe(expected);
  });
});

describe("tagKey", () => {
  it.each([
    // The seed's NATO in every case.
    ["NATO", "nato"],
    ["nato", "nato"],
    [" Nato ", "nato"],
    ["Iran", "iran"],
    // Case folding beyond ASCII.
    ["Straße", "strasse"],
    ["STRASSE", "strasse"],
    ["ΟΔΟΣ", "οδος"],
    ["Россия", "россия"],
    ["РОССИЯ", "россия"],
    // NFKC: compatibility forms share the key of the plain form.
    ["ＮＡＴＯ", "nato"],
    ["ﬁnance", "finance"],
    ["Cafe\u0301", "café"],
    // Inner whitespace.
    ["Middle\u00a0 East", "middle east"],
    // Scripts without case stay as they are.
    ["ایران", "ایران"],
  ])("%j → %j", (name, expected) => {
    expect(tagKey(name)).toBe(expected);
  });

  it.each([
    ["οδοσ", "ΟΔΟΣ"],
    ["Straße", "STRASSE"],
  ])("%j and %j share a key", (a, b) => {
    expect(tagKey(a)).toBe(tagKey(b));
  });
});

describe("splitTags", () => {
  it.each([
    // The seed's tags, as a list and as a string.
    [
      ["Iran", "Russia", "Ukraine", "NATO", "JCPOA"],
      ["Iran", "Russia", "Ukraine", "NATO", "JCPOA"],
    ],
    ["Iran, Russia, Ukraine, NATO, JCPOA", ["Iran", "Russia", "Ukraine", "NATO", "JCPOA"]],
    // List items are never split at commas.
    [
      ["Washington, D.C.", "Iran"],
      ["Washington, D.C.", "Iran"],
    ],
    // Empty pieces and whitespace.
    ["Iran,, ,Russia,", ["Iran", "Russia"]],
    [[" Iran ", "", "\u00a0"], ["Iran"]],
    ["", []],
    [[], []],
    ["Iran", ["Iran"]],
    // Arabic, full-width and ideographic commas.
    ["ایران، روسیه", ["ایران", "روسیه"]],
    ["日本，中国、韓国", ["日本", "中国", "韓国"]],
  ])("%j → %j", (value, expected) => {
    expect(splitTags(value)).toEqual(expected);
  });
});

describe("uniqueTags", () => {
  it.each([
    // The seed's tags stay as they are.
    [
      ["Iran", "Russia", "Ukraine", "NATO", "JCPOA"],
      ["Iran", "Russia", "Ukraine", "NATO", "JCPOA"],
    ],
    // Case variants merge into the first seen, in first-seen order.
    [
      ["NATO", "nato", " Nato ", "Iran"],
      ["NATO", "Iran"],
    ],
    [
      ["nato", "Iran", "NATO"],
      ["nato", "Iran"],
    ],
    [["Straße", "STRASSE"], ["Straße"]],
    // Empties are dropped.
    [["", "Iran", "  "], ["Iran"]],
    [[], []],
  ])("%j → %j", (names, expected) => {
    expect(uniqueTags(names)).toEqual(expected);
  });
});

describe("chooseDisplayName", () => {
  it.each([
    // The seed's NATO against sloppier spellings.
    [["NATO", "nato", "NATO"], "NATO"],
    // The most frequent wins, even with fewer capitals.
    [["Nato", "Nato", "NATO"], "Nato"],
    // A tie goes to the most capitals, in any order.
    [["nato", "NATO"], "NATO"],
    [["NATO", "nato"], "NATO"],
    [["Nato", "nato", "NATO"], "NATO"],
    // Then to code-point order, so file order never matters.
    [["Iphone", "iPhone"], "Iphone"],
    [["iPhone", "Iphone"], "Iphone"],
    // One variant, or none.
    [["Iran"], "Iran"],
    [[], ""],
  ])("%j → %j", (variants, expected) => {
    expect(chooseDisplayName(variants)).toBe(expected);
  });
});

describe("tagSlug", () => {
  it.each([
    // The seed's tags.
    ["Iran", "iran"],
    ["Russia", "russia"],
    ["Ukraine", "ukraine"],
    ["NATO", "nato"],
    ["JCPOA", "jcpoa"],
    // Every script gives a usable slug.
    ["Middle East", "middle-east"],
    ["Россия", "rossiya"],
    ["Ελλάδα", "ellada"],
    ["ایران", "ایران"],
    ["日本 語", "日本-語"],
    ["Straße", "strasse"],
    // A name with no letters or digits falls back to its code points.
    ["🔥", "u1f525"],
    ["❤️ ❤️", "u2764-ufe0f-u2764-ufe0f"],
    ["", ""],
  ])("%j → %j", (name, expected) => {
    expect(tagSlug(name)).toBe(expected);
  });
});
