import { describe, expect, it } from "vitest";
import { normalizeCredit } from "../../src/text/image-credit.js";

describe("normalizeCredit", () => {
  it.each([
    // The seed's own credit line.
    ["IMAGE SOURCE: ASSOCIATED PRESS", "Associated Press"],
    // Labels and phrases in front of the credit.
    ["Photo: Reuters", "Reuters"],
    ["photo:Reuters", "Reuters"],
    ["Photo — Reuters", "Reuters"],
    ["Photo - Reuters", "Reuters"],
    ["Image source: Getty Images", "Getty Images"],
    ["Image: Jane Doe", "Jane Doe"],
    ["Photograph: Jane Doe", "Jane Doe"],
    ["Photographer: Jane Doe", "Jane Doe"],
    ["Picture: Jane Doe", "Jane Doe"],
    ["Pic: Jane Doe", "Jane Doe"],
    ["Credit: Jane Doe", "Jane Doe"],
    ["Credits: Jane Doe", "Jane Doe"],
    ["Photo credit: Jane Doe", "Jane Doe"],
    ["Image credit: Jane Doe", "Jane Doe"],
    ["Source: Jane Doe", "Jane Doe"],
    ["Photo by Jane Doe", "Jane Doe"],
    ["Photograph by Jane Doe", "Jane Doe"],
    ["Courtesy of NASA", "NASA"],
    ["Courtesy NASA", "NASA"],
    ["Photo courtesy of Jane Doe", "Jane Doe"],
    // Copyright marks, with the year that follows them.
    ["© Jane Doe / AFP", "Jane Doe / AFP"],
    ["©Jane Doe", "Jane Doe"],
    ["(c) 2022 Jane Doe", "Jane Doe"],
    ["(C) Jane Doe", "Jane Doe"],
    ["Copyright 2020-2022 Jane Doe", "Jane Doe"],
    ["Copyright © 2022, Jane Doe", "Jane Doe"],
    ["Photo: © Jane Doe", "Jane Doe"],
    ["© 2022 Jane Doe. All rights reserved.", "Jane Doe"],
    // Nouns that are part of a name stay when no colon or dash marks them as a label.
    ["picture alliance/dpa", "picture alliance/dpa"],
    ["Image Source", "Image Source"],
    ["Photo-Illustration: Jane Doe", "Photo-Illustration: Jane Doe"],
    ["Sourcefire Media", "Sourcefire Media"],
    // ALL-CAPS becomes title case, keeping acronyms and lowering small words.
    ["PHOTO BY JOHN SMITH/AFP", "John Smith/AFP"],
    ["CREDIT: AP PHOTO/EVAN VUCCI", "AP Photo/Evan Vucci"],
    ["JANE DOE FOR THE NEW YORK TIMES", "Jane Doe for the New York Times"],
    ["JANE DOE/THE NEW YORK TIMES", "Jane Doe/The New York Times"],
    ["THE WHITE HOUSE", "The White House"],
    ["PHOTO: PRESS TV", "Press TV"],
    ["NASA/JPL-CALTECH", "NASA/JPL-Caltech"],
    ["EPA-EFE", "EPA-EFE"],
    ["UN PHOTO/JANE DOE", "UN Photo/Jane Doe"],
    ["O'NEIL SMITH'S STUDIO", "O'Neil Smith's Studio"],
    ["JOHN SMITH III", "John Smith III"],
    ["REUTERS", "Reuters"],
    // Mixed case is kept as written.
    ["iStock", "iStock"],
    ["Jane Doe", "Jane Doe"],
    ["the White House", "the White House"],
    // Built-in agency aliases, whole or per compound part.
    ["AP", "Associated Press"],
    ["ap", "Associated Press"],
    ["The Associated Press", "Associated Press"],
    ["associated press", "Associated Press"],
    ["Agence France-Presse", "AFP"],
    ["AFP", "AFP"],
    ["reuters", "Reuters"],
    ["AP/Getty Images", "Associated Press/Getty Images"],
    ["AFP/Getty Images", "AFP/Getty Images"],
    ["Reuters/Jane Doe", "Reuters/Jane Doe"],
    // "AP Photo" is AP's own credit format: aliases match whole parts only.
    ["Credit: AP Photo/Evan Vucci", "AP Photo/Evan Vucci"],
    // Whitespace: no-break spaces, runs, the given spacing around "/".
    ["  Jane\u00a0\u00a0Doe \t/  AFP ", "Jane Doe / AFP"],
    ["Jane Doe /AFP", "Jane Doe /AFP"],
    ["Photo:\u202fReuters", "Reuters"],
    // Unicode NFC.
    ["Jose\u0301 Garci\u0301a", "José García"],
    // Nothing left: callers drop the credit.
    ["", ""],
    ["   ", ""],
    ["Photo:", ""],
    ["© 2022", ""],
    ["Reuters/", "Reuters"],
  ])("%j → %j", (raw, expected) => {
    expect(normalizeCredit(raw)).toBe(expected);
  });

  it.each([
    // Config aliases override the built-in table, case-insensitively.
    ["AP", { AP: "The AP" }, "The AP"],
    ["IMAGE SOURCE: ASSOCIATED PRESS", { "associated press": "AP" }, "AP"],
    // A key may name a built-in result, so the short form wins everywhere.
    ["AP", { "Associated Press": "AP" }, "AP"],
    ["Reuters", { REUTERS: "Thomson Reuters" }, "Thomson Reuters"],
    // Aliases fix an acronym the title casing did not know.
    ["PHOTO: KCNA VIA KNS", { "kcna via kns": "KCNA via KNS" }, "KCNA via KNS"],
    // A whole compound can keep its mandated form; parts are aliased otherwise.
    ["AP/Getty Images", { "AP/Getty Images": "AP/Getty Images" }, "AP/Getty Images"],
    ["Jane Doe/EPA", { epa: "European Pressphoto Agency" }, "Jane Doe/European Pressphoto Agency"],
    // An alias to "" drops a part with its separator, or the whole credit.
    ["Handout / Reuters", { handout: "" }, "Reuters"],
    ["Reuters / Handout", { handout: "" }, "Reuters"],
    ["Handout", { Handout: "" }, ""],
    // Alias values are cleaned like credits.
    ["Jane", { jane: "  Jane\u00a0Doe " }, "Jane Doe"],
  ])("%j with %j → %j", (raw, aliases, expected) => {
    expect(normalizeCredit(raw, aliases)).toBe(expected);
  });
});
