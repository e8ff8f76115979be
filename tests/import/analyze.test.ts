import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanInline } from "../../src/text/text.js";
import { analyzeText, type Detection } from "../../src/import/analyze.js";
import { analyzeHtml } from "../../src/import/html.js";
import { f1, pageAsText } from "../../bench/import/fields.js";
import { repoRoot } from "../helpers/build.js";

/** A real page of Readability's set as the benchmark copies it to text. */
const pageText = async (page: string) => pageAsText(await readFile(path.join(repoRoot, "tests/fixtures/import/real", page, "page.html"), "utf8"));
const fixture = (name: string) => readFile(path.join(repoRoot, "tests/fixtures/import", name), "utf8");
const seed = await readFile(path.join(repoRoot, "tests/fixtures/seed/000_30e032a2b5043f8a.txt"), "utf8");
const zone = "Asia/Kolkata";

/** The fields a table row checks: values with their lines, so a right value from the wrong line fails. */
function summary(detection: Detection) {
  const at = (found: { value: string; line: number } | undefined) => (found === undefined ? undefined : `${found.line}: ${found.value}`);
  return {
    title: at(detection.title),
    description: at(detection.description),
    date: detection.date && `${detection.date.line}: ${detection.date.value} = ${detection.date.date.toISOString()}`,
    authors: detection.authors?.names,
    caption: at(detection.image?.caption),
    credit: at(detection.image?.credit),
    src: at(detection.image?.src),
    body: detection.body.map((paragraph) => paragraph.line),
    dropped: detection.dropped.map((line) => `${line.line}: ${line.reason}`),
    missing: detection.notes.map((note) => note.field),
  };
}

const seedBody = [12, 14, 16, 18, 20, 22, 24, 26, 28, 30];
const seedExpected = {
  title: "3: Iran Blames NATO Expansion for Russia’s Invasion of Ukraine",
  description:
    "5: Iran’s Foreign Ministry stated that provocative moves by NATO, spearheaded by the US, have led to a situation that has left the Eurasian region on the cusp of a big crisis.",
  date: "7: February 25, 2022 = 2022-02-24T18:30:00.000Z",
  authors: undefined,
  caption: "9: Iranian President Ebrahim Raisi",
  credit: "10: IMAGE SOURCE: ASSOCIATED PRESS",
  src: undefined,
  body: seedBody,
  dropped: ["1: tracking code", "8: repeated headline"],
  missing: ["author", "image.src"],
};

describe("analyzeText", () => {
  it.each([
    // the seed as scraped, then with Windows line endings: same fields, same lines
    ["the seed", seed, seedExpected],
    ["the seed with CRLF", seed.replaceAll("\n", "\r\n"), seedExpected],
    [
      "the seed with a BOM and residue at both ends",
      `\uFEFFAdvertisement\n${seed}\n\nShare this\n`,
      {
        ...seedExpected,
        title: seedExpected.title.replace(/^3/, "4"),
        description: seedExpected.description.replace(/^5/, "6"),
        date: seedExpected.date.replace(/^7/, "8"),
        caption: "10: Iranian President Ebrahim Raisi",
        credit: "11: IMAGE SOURCE: ASSOCIATED PRESS",
        body: seedBody.map((line) => line + 1),
        dropped: ["1: advertisement", "2: tracking code", "9: repeated headline", "33: share buttons"],
      },
    ],
  ])("%s", (_name, text, expected) => {
    expect(summary(analyzeText(text, zone))).toEqual(expected);
  });

  it.each([
    // date above the headline, day-first; "Photo: Reuters" credit; no dek; cookie notice on top, share row below; CRLF
    [
      "date-first-crlf.txt",
      {
        title: "6: Russia Launches Attack on Kyiv",
        description: undefined,
        date: "4: 25 Feb 2022 = 2022-02-24T18:30:00.000Z",
        authors: undefined,
        caption: "7: Residents shelter in a metro station in Kyiv",
        credit: "8: Photo: Reuters",
        src: undefined,
        body: [10, 14],
        dropped: ["1: cookie notice", "2: page furniture", "12: advertisement", "16: share buttons", "17: share buttons", "18: tracking code"],
        missing: ["description", "author", "image.src"],
      },
    ],
    // ISO date with an offset behind a label; byline with two names; "© Jane Doe / AFP" with no caption; footer residue
    [
      "published-label.txt",
      {
        title: "4: Oil Prices Jump as Sanctions Bite",
        description: "6: Brent crude rose above $100 a barrel for the first time since 2014.",
        date: "9: 2022-02-25T14:30:00+03:30 = 2022-02-25T11:00:00.000Z",
        authors: ["Jane Doe", "John Roe"],
        caption: undefined,
        credit: "10: © Jane Doe / AFP",
        src: undefined,
        body: [12, 14],
        dropped: ["1: page furniture", "2: tracking code", "16: page furniture", "17: page furniture"],
        missing: ["image.src"],
      },
    ],
    // weekday date right under the headline; no dek, no image; advertisement between paragraphs
    [
      "no-dek-no-image.txt",
      {
        title: "3: Talks Resume in Vienna",
        description: undefined,
        date: "4: Friday, February 25, 2022 = 2022-02-24T18:30:00.000Z",
        authors: undefined,
        caption: undefined,
        credit: undefined,
        src: undefined,
        body: [6, 10],
        dropped: ["1: tracking code", "8: advertisement", "12: share buttons"],
        missing: ["description", "author", "image"],
      },
    ],
    // the date as the last line; nothing marks a header, so no dek is guessed
    [
      "date-at-end.txt",
      {
        title: "1: Markets Steady After Volatile Week",
        description: undefined,
        date: "7: February 26, 2022 = 2022-02-25T18:30:00.000Z",
        authors: undefined,
        caption: undefined,
        credit: undefined,
        src: undefined,
        body: [3, 5],
        dropped: [],
        missing: ["description", "author", "image"],
      },
    ],
    // abbreviated month; a caption that carries its credit in parentheses
    [
      "caption-with-credit.txt",
      {
        title: "1: Leaders Meet in Moscow",
        description: "2: Iran and Russia pledged closer ties at a Kremlin meeting.",
        date: "3: Jan. 19, 2022 = 2022-01-18T18:30:00.000Z",
        authors: undefined,
        caption: "4: Ebrahim Raisi and Vladimir Putin at the Kremlin",
        credit: "4: Photo by Jane Doe",
        src: undefined,
        body: [6],
        dropped: [],
        missing: ["author", "image.src"],
      },
    ],
    // "ET" is no zone the build reads: no date, and the note points at the line
    [
      "no-date.txt",
      {
        title: "1: Ceasefire Talks Stall",
        description: undefined,
        date: undefined,
        authors: undefined,
        caption: undefined,
        credit: "3: Photo: AP",
        src: undefined,
        body: [5],
        dropped: [],
        missing: ["date", "description", "author", "image.src"],
      },
    ],
  ])("%s", async (name, expected) => {
    expect(summary(analyzeText(await fixture(name), zone))).toEqual(expected);
  });

  it("keeps the seed's body word for word, curly quotes included, without the no-break space at a line's end", () => {
    const body = analyzeText(seed, zone).body.map((paragraph) => paragraph.value);
    const lines = seed.split("\n");
    expect(body).toEqual(seedBody.map((line) => lines[line - 1]!.replace(/\u00a0$/u, "")));
    expect(body[3]).toMatch(/security\.”$/u);
    expect(body.join("")).toContain("“special operation”");
  });

  it("points at the line it looked at when a date is not found", async () => {
    const note = analyzeText(await fixture("no-date.txt"), zone).notes.find((n) => n.field === "date");
    expect(note).toMatchObject({ line: 2, text: "Feb 30, 2022 10:30 AM ET" });
    expect(note?.message).toContain("February 2022 has 28 days");
  });

  it("points at the line it did not trust as a headline", () => {
    const sentence = "Iran said on Friday that NATO was to blame for the crisis in Ukraine.";
    const detection = analyzeText(`${sentence}\nFebruary 25, 2022\n\nBody.\n`, zone);
    expect(detection.title).toBeUndefined();
    expect(detection.notes.find((n) => n.field === "title")).toMatchObject({ line: 1, text: sentence });
  });

  it("reads the date in the configured time zone", () => {
    expect(analyzeText(seed, "UTC").date?.date.toISOString()).toBe("2022-02-25T00:00:00.000Z");
    expect(analyzeText(seed, "America/Los_Angeles").date?.date.toISOString()).toBe("2022-02-25T08:00:00.000Z");
  });
});

describe("analyzeText on real text", () => {
  it("finds the headline below the navigation, and leaves the footer out", async () => {
    const detection = analyzeText(await fixture("text/navigation-first.txt"), "UTC");
    expect(summary(detection)).toMatchObject({
      title: "7: Meta’s new headset goes on sale next week for $499",
      description: "8: The company’s cheapest mixed reality headset arrives with a new chip and a thinner design.",
      date: "10: Jun 7, 2023, 8:54 PM UTC = 2023-06-07T20:54:00.000Z",
      authors: ["Alex Heath"],
      body: [12, 14, 16],
    });
    expect(detection.dropped.map((line) => `${line.line}: ${line.reason}`)).toEqual([
      "1: page furniture",
      "2: navigation",
      "3: navigation",
      "4: navigation",
      "5: navigation",
      "6: navigation",
      "17: navigation or footer",
      "18: navigation or footer",
      "19: navigation or footer",
      "20: navigation or footer",
      "21: navigation or footer",
      "22: navigation or footer",
    ]);
  });

  it("reads a byline with roles and a list, and a spelled-out date", async () => {
    const detection = analyzeText(await fixture("text/byline-with-date.txt"), "UTC");
    expect(summary(detection)).toMatchObject({
      title: "4: New Zealand pledges to plant a billion trees by 2028",
      date: "6: Tuesday 15 October 2019 = 2019-10-15T00:00:00.000Z",
      authors: ["Eleanor Ainge Roy", "Tom Phillips"],
      body: [8, 10, 12],
    });
  });

  it.each([
    // a byline line holding the date, in the build's forms or not
    ["By Jane Doe | February 25, 2022", "February 25, 2022", undefined],
    // a name set apart from its date, unlabeled (Ars Technica)
    ["Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Apr 16, 2015 8:02 pm UTC", undefined],
    ["By Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Apr 16, 2015 8:02 pm UTC", undefined],
    ["by Laura June Topolsky July 10, 2015", "July 10, 2015", undefined],
    // Engadget: the line reads as a date labelled "posted", and names its author too
    ["By Richard Lawler  posted Aug 18th 2010 7:30PM", "2010-08-18T19:30", undefined],
    // an update fills updated, never date
    ["April 28, 2019 at 6:01 am Updated April 29, 2019 at 9:00 am", "April 28, 2019 at 6:01 am", "April 29, 2019 at 9:00 am"],
    ["Publié le 30 avril 2015 à 07h19 - Mis à jour le 30 avril 2015 à 10h02", "2015-04-30T07:19", "2015-04-30T10:02"],
  ])("header line %j → date %j, updated %j", (line, date, updated) => {
    const detection = analyzeText(`A Headline Of Some Length\n${line}\n\nThe body of the article, a sentence long enough.\n`, "UTC");
    expect(detection.date?.value).toBe(date);
    expect(detection.updated?.value).toBe(updated);
  });

  it.each([
    ["By Richard Lawler  posted Aug 18th 2010 7:30PM", ["Richard Lawler"]],
    ["Posted on March 2, 2015", undefined],
  ])("header line %j, a date line, → authors %j", (line, authors) => {
    const detection = analyzeText(`A Headline Of Some Length\n${line}\n\nThe body of the article, a sentence long enough.\n`, "UTC");
    expect(detection.authors?.names).toEqual(authors);
  });
});

// A whole page copied as text: its menu, its paragraphs, a teaser of another story, its footer.
const prose = (n: number) =>
  Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} of the story says what happened and why it matters to the people it touched.`).join("\n\n");
const teaser = (title: string, by: string) => `${title}\nBy ${by}\nMarch 2, 2015\nA short teaser.\nRead`;
const menu = ["Home", "World", "Business", "Tech", "Opinion", "Sign in", "Subscribe"].join("\n");

const footer = [
  "Most read",
  "Another Story Of The Day Here",
  "A Third Story Of The Day",
  "About us",
  "Contact",
  "Terms",
  "Privacy",
  "Careers",
  "Advertise",
  "Site map",
].join("\n");

describe("analyzeText on a whole page copied as text", () => {
  it("reads a header with a comment count, share buttons and a caption with its agency's credit between the headline and the byline (Politico)", () => {
    const header = ["2012 map takes unfamiliar shape", "718 Comments", "RSS", "Email", "Print"];
    const caption = "Some of the biggest states President Obama carried are poised to lose electoral votes. | AP Photo Close";
    const detection = analyzeText([menu, ...header, caption, "By MAGGIE HABERMAN & SHIRA TOEPLITZ | Oct. 9, 2010 7:15 AM EDT", prose(5)].join("\n"), "UTC");
    expect(detection.title?.value).toBe("2012 map takes unfamiliar shape");
    expect(detection.description).toBeUndefined();
    expect(detection.authors?.names).toEqual(["MAGGIE HABERMAN", "SHIRA TOEPLITZ"]);
    expect(detection.image?.credit?.value).toBe("AP Photo");
    expect(detection.date?.value).toBe("Oct. 9, 2010 7:15 AM EDT");
    expect(detection.body.map((block) => block.value)).toEqual(prose(5).split("\n\n"));
  });

  it.each([
    ["Tutaj jesteś: Strona główna | Biznes  Polityka i gospodarka  The Real Headline Of The Article"],
    ["Home > World > The Real Headline Of The Article"],
  ])("takes a breadcrumb trail %j that ends with the headline for navigation", (trail) => {
    const detection = analyzeText([menu, trail, "The Real Headline Of The Article", "2015-08-03 09:05", prose(4)].join("\n"), "UTC");
    expect(detection.title?.value).toBe("The Real Headline Of The Article");
    expect(detection.dropped.find((line) => line.value === cleanInline(trail))?.reason).toBe("navigation");
  });

  it("keeps a headline that only begins like the line below it", () => {
    const detection = analyzeText(["The Real Headline Of The Article, Again", "Of The Article, Again", "March 18, 2015", prose(4)].join("\n"), "UTC");
    expect(detection.title?.value).toBe("The Real Headline Of The Article, Again");
  });

  it("takes the header with the most prose after it, not a teaser's, and leaves the rest of the page out", () => {
    const text = [
      menu,
      teaser("A Teaser Headline With Its Own Byline", "Sidebar Writer"),
      teaser("Another Teaser Headline With A Byline", "Other Writer"),
      "The Real Headline Of The Article",
      "By Jane Doe and John Roe",
      "March 18, 2015",
      prose(6),
      footer,
      teaser("A Teaser Below The Article With A Byline", "Third Writer"),
    ].join("\n");
    const detection = analyzeText(text, "UTC");
    expect(detection.title?.value).toBe("The Real Headline Of The Article");
    expect(detection.authors?.names).toEqual(["Jane Doe", "John Roe"]);
    expect(detection.date?.value).toBe("March 18, 2015");
    expect(detection.body.map((block) => block.value)).toEqual(prose(6).split("\n\n"));
    expect(detection.dropped.some((line) => line.value === "A Teaser Below The Article With A Byline")).toBe(true);
  });

  it.each([
    // Salon: the date line above the headline, teasers above it
    [
      [
        "Teaser Headline Of Another Story Here",
        "Log out Sign in",
        "Sunday, Feb 1, 2015 11:57 AM UTC",
        "The sharing economy is a lie: Uber and the libertarians",
      ],
      "The sharing economy is a lie: Uber and the libertarians",
      "Sunday, Feb 1, 2015 11:57 AM UTC",
      undefined,
    ],
    // TMZ: a numeric date with one reading, and the desk after it; a shortened repeat of the headline between them
    [
      ["Lupita Nyong'o's Pearl Oscar Dress -- STOLEN!!!", "Lupita Nyong'o", "Pearl Oscar Dress ... STOLEN!!!!", "2/26/2015 7:11 AM PST BY TMZ STAFF"],
      "Lupita Nyong'o's Pearl Oscar Dress -- STOLEN!!!",
      "2015-02-26T07:11:00-08:00",
      ["TMZ STAFF"],
    ],
    // Libération: an agency before the date, an update after it
    [
      ["Un troisième Français mort dans le séisme au Népal", "AFP  30 avril 2015 à 07:19  (Mis à jour : 30 avril 2015 à 07:38)"],
      "Un troisième Français mort dans le séisme au Népal",
      "2015-04-30T07:19",
      ["AFP"],
    ],
    // Le Monde: the byline in one of the line's parts (the numeric date has two readings and no language says which)
    [
      ["Le projet de loi sur le renseignement approuvé", "Le Monde | 04.05.2015 à 13h36 | Par Martin Untersinger (avec Damien Leloup et Morgane Tual)"],
      "Le projet de loi sur le renseignement approuvé",
      undefined,
      ["Martin Untersinger", "Damien Leloup", "Morgane Tual"],
    ],
    // Herald Sun: "by:" with a colon
    [
      ["Angry media won't buckle over new surveillance laws", "by:  Laurie Oakes", "From: Herald Sun", "March 13, 2015 9:00PM"],
      "Angry media won't buckle over new surveillance laws",
      "March 13, 2015 9:00PM",
      ["Laurie Oakes"],
    ],
    // Real Python: a link that leads on ("... on us →") above the headline; a table of contents after the byline
    [
      [
        "😷 Stuck at home? Enjoy free courses, on us →",
        "Python AI: How to Build a Neural Network & Make Predictions",
        "by Déborah Mesquita  Mar 17, 2021 data-science intermediate machine-learning",
        "Mark as Completed",
        "Table of Contents",
        ...["Artificial Intelligence Overview", "Machine Learning", "Feature Engineering", "Deep Learning", "Neural Networks: Main Concepts"],
        ...["The Process to Train a Neural Network", "Vectors and Weights", "The Linear Regression Model", "Making Your First Prediction"],
      ],
      "Python AI: How to Build a Neural Network & Make Predictions",
      "Mar 17, 2021",
      ["Déborah Mesquita"],
    ],
    // Mashable: buttons and counts, a caption over its credit between the headline and a byline run into its timestamp
    [
      [
        "Square Cofounder: Jack Dorsey Is Like Hello Kitty",
        ...["1.1k", "Shares", "What's This?", "Jim McKelvey, cofounder of Square", "Image: SixThirty"],
        "By Seth Fiegerman2014-01-26 21:32:46 UTC",
      ],
      "Square Cofounder: Jack Dorsey Is Like Hello Kitty",
      "2014-01-26 21:32:46 UTC",
      ["Seth Fiegerman"],
    ],
    // Medium: the reading time beside a yearless date is a header line, no headline (the day stays unread: no year);
    // a name alone with a follow button under it is the byline, not the dek
    [["The Golden Rule of Freelancing", "Chad Wyatt", "Follow", "Oct 29 · 6 min read"], "The Golden Rule of Freelancing", undefined, ["Chad Wyatt"]],
  ])("%j → title %j, date %j, authors %j", (header, title, date, authors) => {
    const detection = analyzeText([menu, ...header, prose(5), footer].join("\n"), "UTC");
    expect(detection.title?.value).toBe(title);
    expect(detection.date?.value).toBe(date);
    expect(detection.authors?.names).toEqual(authors);
  });

  it.each([
    // Medium's name and button; Kinja's buttons run together
    [["Chad Wyatt", "Follow"], ["Chad Wyatt"], undefined],
    [["Patrick Allan", "ProfileFollowUnfollow", "March 9, 2015"], ["Patrick Allan"], undefined],
    [["Jane Doe", "Follow Followed", "March 9, 2015"], ["Jane Doe"], undefined],
    // BuzzFeed: a role under the name, left out of the dek
    [["Mark Di Stefano", "BuzzFeed News Reporter", "March 9, 2015"], ["Mark Di Stefano"], undefined],
    // the date under the name, below the headline (the Guardian)
    [["Chad Wyatt", "March 9, 2015"], ["Chad Wyatt"], undefined],
    // a button of another kind: the line is the dek

    [["Chad Wyatt", "Like Follow", "March 9, 2015"], undefined, "Chad Wyatt"],
    // a section of one word, an organization, a sentence: no byline
    [["Business", "Follow", "March 9, 2015"], undefined, undefined],
    [["Reuters Staff", "Follow", "March 9, 2015"], undefined, "Reuters Staff"],
    // a publication's box opens with an article ("The Startup" above "Follow", Medium)
    [["The Startup", "Follow", "March 9, 2015"], undefined, "The Startup"],
    [["Words need defenders.", "Follow", "March 9, 2015"], undefined, "Words need defenders."],
  ])("header %j → authors %j, dek %j", (header, authors, dek) => {
    const detection = analyzeText([menu, "The Golden Rule of Freelancing", ...header, prose(5), footer].join("\n"), "UTC");
    expect(detection.title?.value).toBe("The Golden Rule of Freelancing");
    expect(detection.authors?.names).toEqual(authors);
    expect(detection.description?.value).toBe(dek);
  });

  it.each([
    // BusinessWeek: a section's name and a timestamp over the headline; the longer line under it is the dek
    ["Case Study August 12, 2010, 5:00PM EST", "Olivia Munn: Queen of the Uncool", "August 12, 2010, 5:00PM EST"],
    ["text size: T T Your Company September 20, 2011, 6:37 PM EDT", "Olivia Munn: Queen of the Uncool", "September 20, 2011, 6:37 PM EDT"],
    // a day without its time, an update or a sentence over the headline is no dateline (a teaser's may stand
    // there); the headline is still the shorter line above the dek
    ["Case Study August 12, 2010", "Olivia Munn: Queen of the Uncool", undefined],
    ["Updated August 12, 2010, 5:00PM EST", "Olivia Munn: Queen of the Uncool", undefined],
    ["The talks went on well into the night of August 12, 2010, 5:00PM EST", "Olivia Munn: Queen of the Uncool", undefined],
  ])("a dateline %j over the headline → title %j, date %j", (top, title, date) => {
    const dek = "The Web and cable star has achieved fame by targeting nerdy guys, who she says";
    const detection = analyzeText([menu, top, "Olivia Munn: Queen of the Uncool", dek, "By Felix Gillette", prose(5), footer].join("\n"), "UTC");
    expect(detection.title?.value).toBe(title);
    expect(detection.date?.value).toBe(date);
    expect(detection.authors?.names).toEqual(["Felix Gillette"]);
  });

  it.each([
    // BusinessWeek: other stories' links between the byline and the first paragraph
    [["Related Items", "What to Expect at Apple's iPhone 5 Event", "Twitter Goes to Ireland", "Story Tools", "E-mail", "Print"], 0],
    ["Related stories|One Story Here|Another Story There".split("|"), 0],
    // a caption before the box stays; a short line with no box is the article's
    [["Jane Doe at work in Kyiv", "Related Items", "One Story Here"], 1],
    [["A subhead of the story"], 1],
  ])("a box before the first paragraph %j: the body opens with line %i of it, else the paragraph", (lines, kept) => {
    const detection = analyzeText(
      [menu, "Five Social Media Lessons for Business", "By Brad Shaw", "September 20, 2011", ...lines, prose(5), footer].join("\n"),
      "UTC",
    );
    expect(detection.body.map((block) => block.value).slice(0, kept + 1)).toEqual([...lines.slice(0, kept), prose(1)]);
  });

  it("reads a wire dateline opening the first paragraph, and keeps the paragraph whole (WebMD)", () => {
    const lead = "Feb. 23, 2015 -- Life-threatening peanut allergies have mysteriously been on the rise in the past decade.";
    const detection = analyzeText(
      ["Babies Who Eat Peanuts Early May Avoid Allergy", "By Brenda Goodman, MA", "WebMD Health News", lead, prose(3)].join("\n"),
      "UTC",
    );
    expect(detection.date?.value).toBe("2015-02-23");
    expect(detection.body.map((block) => block.value)).toContain(lead);
  });

  it("takes a headline ending in an abbreviation, and leaves the share bar under the header out (Fox News)", () => {
    const headline = "Russia's Nuclear Help to Iran Stirs Questions About Its 'Improved' Relations With U.S.";
    const shareBar = ["| FoxNews.com", "Recommend", "Text size", "Listen"];
    const text = [menu, headline, "Published August 14, 2010", ...shareBar, prose(5)].join("\n");
    const detection = analyzeText(text, "UTC");
    expect(detection.title?.value).toBe(headline);
    expect(detection.date?.value).toBe("August 14, 2010");
    expect(detection.body.map((block) => block.value)).toEqual(prose(5).split("\n\n"));
    expect(detection.dropped.filter((line) => shareBar.includes(line.value)).map((line) => line.reason)).toEqual(
      shareBar.map(() => "page furniture between the header and the article"),
    );
  });

  it("keeps two short lines under the header as the article's (no share bar)", () => {
    const detection = analyzeText(["The Real Headline Of The Article", "March 18, 2015", "Part one", "Setup", prose(3)].join("\n"), "UTC");
    expect(detection.body.map((block) => block.value).slice(0, 2)).toEqual(["Part one", "Setup"]);
  });

  it.each([
    [
      "a labelled numeric date, its update below (Tulsa World)",
      ["By World's Editorial Writers", " Published:  11/18/2011  2:27 AM", " Last Modified:  11/18/2011  4:06 AM"],
      "2011-11-18T02:27",
      "2011-11-18T04:06",
    ],
    ["a French date with the update's time (Libération)", ["27 octobre 2012 à 18:27 (Mis à jour: 19:56)"], "2012-10-27T18:27", undefined],
    ["a name, its date and a count (Business Insider)", ["Linette Lopez | Sep. 21, 2011, 3:17 PM | 1,209 |"], "Sep. 21, 2011, 3:17 PM", undefined],
    ["a date with a meridiem's letter (Polygon)", ["By Griffin McElroy @griffinmcelroy", " on June 26, 2014 at 9:00a"], "2014-06-26T09:00", undefined],
  ])("reads the header's date: %s", (_, header, date, updated) => {
    const detection = analyzeText([menu, "MEANWHILE: Developments In Greece...", ...header, prose(4)].join("\n"), "UTC");
    expect(detection.title?.value).toBe("MEANWHILE: Developments In Greece...");
    expect(detection.date?.value).toBe(date);
    expect(detection.updated?.value).toBe(updated);
  });

  it.each([
    ["German: the day first (heise)", "de", ["08.04.2015 12:46", "1Password für Mac generiert Einmal-Passwörter"], "2015-04-08T12:46", undefined],
    [
      "French, with the update after its label (Le Monde)",
      "fr",
      ["Le projet de loi sur le renseignement approuvé", "Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin Untersinger"],
      "2015-05-04",
      "2015-05-05",
    ],
    ["English: day and month still cannot be told apart", "en", ["08.04.2015 12:46", "A Headline Over English Prose Here"], undefined, undefined],
  ])("reads a date in numbers alone in the order of the prose's language: %s", (_, language, header, date, updated) => {
    const paragraph = {
      de: "Die Entwickler haben die neue Version am Mittwoch veröffentlicht, und sie ist nicht nur für den Mac gedacht: auch auf dem iPhone lässt sich das Programm mit einem Konto nutzen.",
      fr: "Le texte a été adopté mardi par les députés, qui ont voté pour une large majorité. Le gouvernement se félicite du résultat, mais les opposants dénoncent une surveillance de masse.",
      en: "The council voted on Tuesday to approve the plan, and it is expected that the first homes will be built this year. The mayor said that the decision was the right one for the city.",
    }[language]!;
    const detection = analyzeText([menu, ...header, ...Array.from({ length: 4 }, () => paragraph)].join("\n"), "UTC");
    expect(detection.date?.value).toBe(date);
    expect(detection.updated?.value).toBe(updated);
    if (date === undefined) expect(detection.notes.find((note) => note.field === "date")?.message).toContain("the text is in English");
  });

  it("leaves a reading time out of the header and the body (Hashnode)", () => {
    const text = [menu, "How to make your MongoDB container more secure?", "Dong Nguyen", "Published on Sep 13, 2020", "4 min read", prose(4)].join("\n");
    const detection = analyzeText(text, "UTC");
    expect(detection.date?.value).toBe("Sep 13, 2020");
    expect(detection.body.map((block) => block.value)).toEqual(prose(4).split("\n\n"));
    expect(detection.dropped.find((line) => line.value === "4 min read")?.reason).toBe("reading time");
  });

  it("keeps an indented code sample of short lines inside the article's prose (Hashnode's YAML)", () => {
    const yaml = ['version: "3"', "services:", "  mongodb:", "    image: mongo", "    container_name: mongodb", "    ports:", "      - 27117:27017"];
    const more = ["    volumes:", "      - ./mongod.conf:/etc/mongod.conf", "    restart: always", "    command: mongod"];
    const text = [
      menu,
      "How to make your MongoDB container more secure?",
      "By Dong Nguyen",
      "September 13, 2020",
      prose(2),
      ...yaml,
      ...more,
      prose(3),
      footer,
    ].join("\n");
    const body = analyzeText(text, "UTC").body.map((block) => block.value);
    expect(body).toContain("image: mongo");
    expect(body.at(-1)).toBe(prose(3).split("\n\n").at(-1));
  });

  it("keeps a code sample inside the article's prose (Mozilla Hacks)", () => {
    const code = [
      'fetch("/data.json").then(function(res) {',
      "  if (res.ok) {",
      "    console.log(res);",
      "  }",
      "  // more",
      "  return res;",
      "}, function(e) {",
      "  console.log(e);",
      "});",
      "}",
    ].join("\n");
    const text = [
      menu,
      "This API is so Fetching! A Look At It",
      "By Nikhil Marathe",
      "March 10, 2015",
      prose(2),
      code,
      prose(3),
      footer,
      teaser("Teaser", "X"),
    ].join("\n");
    const body = analyzeText(text, "UTC").body.map((block) => block.value);
    expect(body).toContain('fetch("/data.json").then(function(res) {');
    expect(body.at(-1)).toBe(prose(3).split("\n\n").at(-1));
  });
});

describe("analyzeText on real pages copied as text", () => {
  // The bench's copy of a whole page (its innerText): the pages whose text holds their headline, byline and date.
  it.each([
    ["002", "This API is so Fetching!", ["Nikhil Marathe"], "2015-03-10"],
    ["ars-1", "Just-released Minecraft exploit makes it easy to crash game servers", ["Dan Goodin"], "2015-04-16"],
    ["salon-1", "The sharing economy is a lie: Uber, Ayn Rand and the truth about tech and libertarians", undefined, "2015-02-01"],
    ["webmd-1", "Babies Who Eat Peanuts Early May Avoid Allergy", ["Brenda Goodman"], "2015-02-23"],
    ["webmd-2", "Superbugs: What They Are and How You Get Them", ["Kelli Miller"], "2015-04-17"],
    ["herald-sun-1", "Angry media won’t buckle over new surveillance laws", ["Laurie Oakes"], "2015-03-13"],
    ["liberation-1", "Un troisième Français mort dans le séisme au Népal", ["AFP"], "2015-04-30"],
    ["tmz-1", "Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!", ["TMZ STAFF"], "2015-02-26"],
  ])("%s", async (page, title, authors, day) => {
    const detection = analyzeText(await pageText(page), "UTC");
    expect(detection.title?.value).toBe(title);
    expect(detection.authors?.names).toEqual(authors);
    expect(detection.date?.date.toISOString().slice(0, 10)).toBe(day);
  });

  // A breadcrumb and "« Vorige | Nächste »" above a numeric date, day first as the German prose below says
  // (heise); a site's greeting and tagline above the headline, and a numbered line above an embedded
  // tweet's attribution, with the post's date only in its footer (a personal blog).
  it.each([
    ["heise", "1Password für Mac generiert Einmal-Passwörter", "2015-04-08"],
    ["001", "Get your Frontend JavaScript Code Covered", undefined],
  ])("%s: the headline, and the date its header allows", async (page, title, day) => {
    const detection = analyzeText(await pageText(page), "UTC");
    expect(detection.title?.value).toBe(title);
    expect(detection.date?.date.toISOString().slice(0, 10)).toBe(day);
  });

  // A live feed after the article, behind "Recevoir la newsletter" and "Direct" (Libération); a "Read more"
  // link between two paragraphs, which does not end the article (Herald Sun).
  it.each(["liberation-1", "herald-sun-1"])("%s: the body, and nothing after it", async (page) => {
    const expected = JSON.parse(await readFile(path.join(repoRoot, "tests/fixtures/import/real", page, "expected.json"), "utf8"));
    const detection = analyzeText(await pageText(page), "UTC");
    // (0.36 and 0.42 before; the expected body is Readability's output, with its captions)
    expect(f1(detection.body.map((block) => block.value).join("\n\n"), expected.body)).toBeGreaterThanOrEqual(0.85);
  });
});

describe("analyzeText: other stories' headers on a whole page", () => {
  it("passes over a box of teasers inside the article, and takes none of their dates (The Telegraph)", () => {
    const text = [
      menu,
      "World's hottest chilli contest leaves two in hospital",
      "5 Oct 2011",
      prose(2),
      "Related Articles",
      "Gypsy flag to fly above town",
      "21 Sep 2011",
      "Two rescued from rollercoaster",
      "21 Sep 2011",
      prose(4),
      footer,
    ].join("\n");
    const detection = analyzeText(text, "UTC");
    expect(detection.title?.value).toBe("World's hottest chilli contest leaves two in hospital");
    expect(detection.date?.value).toBe("5 Oct 2011");
  });

  it("takes no header from the readers' comments (Slate.fr)", () => {
    const text = [
      menu,
      "Tapie, Mougeotte et La Provence, un concentré d'histoire de France",
      prose(10),
      "Réagir",
      "Une histoire bien française",
      "Soumis par Roger-Wielgus, le lundi 29 octobre 2012 à 16h01",
      prose(3),
    ].join("\n");
    const detection = analyzeText(text, "UTC");
    expect(detection.title?.value).toBe("Tapie, Mougeotte et La Provence, un concentré d'histoire de France");
    expect(detection.date).toBeUndefined();
    expect(detection.authors).toBeUndefined();
  });

  it("reads headline, dek, a name and the date under it as the Guardian prints them", () => {
    const headline = "Council approves the new budget after a long night";
    const dek = "The city will spend more on buses, libraries and street lighting next year, and less on the new stadium";
    const detection = analyzeText([menu, headline, dek, "Jane Doe", "Tue 15 Oct 2019 08.00 BST", prose(5), footer].join("\n"), "UTC");
    expect(detection.title?.value).toBe(headline);
    expect(detection.description?.value).toBe(dek);
    expect(detection.authors?.names).toEqual(["Jane Doe"]);
    expect(detection.date?.value).toBe("2019-10-15T08:00:00+01:00");
  });

  it("does not take a rail of timed headlines for an article's prose (The Verge)", () => {
    const rail = Array.from(
      { length: 20 },
      (_, index) => ` ${index + 1}:31 PM Microsoft one-ups Google Docs with real-time editing in Office 2016 number ${index}`,
    );
    const text = [
      menu,
      "May 04, 2015",
      ...rail,
      "All six Star Wars movies are coming to iTunes, Google Play, and other video services",
      "By Rich McCormick",
      "April 6, 2015",
      prose(3),
      footer,
    ].join("\n");
    const detection = analyzeText(text, "UTC");
    expect(detection.title?.value).toBe("All six Star Wars movies are coming to iTunes, Google Play, and other video services");
    expect(detection.date?.value).toBe("April 6, 2015");
  });
});

describe("analyzeText: the longest run of prose is the article", () => {
  const revisions = [
    "About the Author",
    "Name:",
    "Geoff Flarity",
    "About this Article",
    "Code Samples:",
    "public/heat_tracer_client.js",
    "Revisions:",
    "Mon, 21 Feb 2011 19:05:22 GMT",
    "Tue, 08 Feb 2011 01:24:21 GMT",
  ];
  const about = "The site is a blog run by its readers, who write the articles and send them in for review by the others.";
  it("takes the headline just above it when the header with most prose after it comes below it (How To Node's sidebar)", () => {
    const text = [
      menu,
      "Realtime Performance Visualizations using Node.js",
      prose(3),
      // a short sentence, a list, a code sample indented with no-break spaces and a C comment do not end the article
      "Now we're ready to start writing our web server:",
      ...["Dependencies", "node - http://nodejs.org/ (duh)", "npm - https://github.com/isaacs/npm", "Server", "heat_tracer.js"],
      "/* create our express server and prepare to serve the files",
      "*/",
      "var app = express.createServer();",
      "\u00a0\u00a0them send them the data every second. We keep track of the intervals",
      ...["Client", "public/heat_tracer.html", "<html>", "Run It!"],
      prose(4),
      ...revisions,
      "About the Site",
      about,
      about,
    ].join("\n");
    const detection = analyzeText(text, "UTC");
    expect(detection.title?.value).toBe("Realtime Performance Visualizations using Node.js");
    expect(detection.date).toBeUndefined();
    expect(detection.body.map((block) => block.value).at(-1)).toBe(prose(4).split("\n\n").at(-1));
  });

  it("keeps the header above it when a list too long to pass cuts the prose after the header (Real Python's contents)", () => {
    const contents = Array.from({ length: 12 }, (_, index) => `Section Number ${index + 1} Of The Guide`);
    const text = [menu, "Python AI: How to Build a Neural Network", "By Jane Doe", "March 17, 2021", prose(2), ...contents, prose(8), footer].join("\n");
    const detection = analyzeText(text, "UTC");
    expect(detection.title?.value).toBe("Python AI: How to Build a Neural Network");
    expect(detection.date?.value).toBe("March 17, 2021");
    expect(detection.body.map((block) => block.value).at(-1)).toBe(prose(8).split("\n\n").at(-1));
  });

  it("takes the header just above it across buttons and tags, where no prose follows the header at once (The Huffington Post)", () => {
    const buttons = ["React", "Inspiring", "Greedy", "Typical", "Scary", "Outrageous", "Amazing", "Innovative", "Infuriating", "Follow"];
    const tags = "Labor , Video , Business News , Alabama Economy , Alabama Immigration Law , Alabama Workers , Illegal Immigrants";
    const text = [
      menu,
      "Alabama Workers Leave State As Law Takes Effect",
      "By Phillip Rawls",
      "October 5, 2011",
      ...buttons,
      tags,
      "share this story",
      prose(10),
      footer,
    ].join("\n");
    const detection = analyzeText(text, "UTC");
    expect(detection.title?.value).toBe("Alabama Workers Leave State As Law Takes Effect");
    expect(detection.authors?.names).toEqual(["Phillip Rawls"]);
    expect(detection.date?.value).toBe("October 5, 2011");
    // the buttons and tags between the header and the prose are left out
    expect(detection.body[0]?.value).toBe(prose(1));
  });

  it("does not take a box of a few teasers' blurbs for the article (CBS Local's guides)", () => {
    const blurbs = ["Tony Awards", "WiFi Parks", "Gluten Free Food"].flatMap((name) => [
      name,
      `Our latest picks for ${name} in the city and around it, with the news.`,
    ]);
    const text = [menu, "Morning Show: An American Hero Visits", "By Jane Doe", "June 8, 2012", prose(1), ...menu.split("\n"), "City Guides", ...blurbs].join(
      "\n",
    );
    const detection = analyzeText(text, "UTC");
    expect(detection.title?.value).toBe("Morning Show: An American Hero Visits");
    expect(detection.date?.value).toBe("June 8, 2012");
  });
});

describe("a date on the text's last line", () => {
  it.each([
    ["Investors awaited inflation data due next week.", "February 26, 2022"],
    ["“We are watching closely,” she said.”", "February 26, 2022"],
    // a teaser's headline above it: the teaser's day (USA Today)
    ["Rumors surround North Korean leader’s absence | USA NOW", undefined],
  ])("after %j → %j", (before, date) => {
    const text = `Markets Steady After Volatile Week\n\nStocks closed little changed on Friday after a week of sharp swings.\n\n${before}\n\nFebruary 26, 2022\n`;
    expect(analyzeText(text, "UTC").date?.value).toBe(date);
  });
});

describe("analyzeHtml", () => {
  // HuffPost, Gizmodo, Lifehacker: the meta description is the first paragraph, which is the article's lede;
  // Le Monde, Ars Technica: a dek the page sets apart (a classed element, itemprop=description) is the front matter's.
  it.each([
    ['<meta name="description" content="LEDE">', "<p>LEDE</p>", true],
    ['<meta property="og:description" content="LEDE">', '<p class="article__desc">LEDE</p>', false],
    ['<meta name="description" content="LEDE">', '<h2 class="sub">LEDE</h2>', false],
    ["", '<p itemprop="description">LEDE</p>', false],
  ])("description %s, shown as %s: kept in the body %s", (head, shown, kept) => {
    const lede = "A top regional Federal Reserve official sharply criticized Friday the Fed's ongoing policy of keeping rates near zero.";
    const html = `<html><head><title>Fed policy is a dangerous gamble</title>${head.replace("LEDE", lede)}</head><body><article><h1>Fed policy is a dangerous gamble</h1>${shown.replace("LEDE", lede)}<p>${"The rest of the story goes on for a while, sentence after sentence. ".repeat(6)}</p><p>${"More of it follows here, as articles do. ".repeat(6)}</p></article></body></html>`;
    const detection = analyzeHtml(html, "UTC");
    expect(detection.description?.value).toBe(lede);
    expect(detection.body.some((block) => block.value === lede)).toBe(kept);
  });

  // An author's box between the byline and the article (TechCrunch) is left out; a lede that names someone else is not.
  it.each([
    ["Alexia Tsotsis currently works for TechCrunch as a writer. She is also a blogger who attended the University of Southern California.", false],
    ["Jane Doe is the paper's science editor and has covered the climate talks since the first of them in Berlin.", false],
    ["Alexia Tsotsis, the founder of a startup, told reporters on Friday that the company would raise more money this year.", true],
    ["John Roe is the new mayor of the city, elected on Tuesday by a wide margin after a long campaign of rallies.", true],
  ])("before the article, %j: kept %s", (bio, kept) => {
    const rest = "The Huffington Post has come across a fascinating five-minute interview with the founder. ".repeat(4);
    const html = `<html><head><title>T</title></head><body><article><h1>T</h1><div class="byline">By Alexia Tsotsis and Jane Doe</div><div class="box"><p>${bio}</p></div><p>${rest}</p><p>${rest}</p></article></body></html>`;
    const detection = analyzeHtml(html, "UTC");
    expect(detection.authors?.names).toEqual(["Alexia Tsotsis", "Jane Doe"]);
    expect(detection.body.some((block) => block.value === bio)).toBe(kept);
  });

  // A paragraph that repeats an image's alt before the article's prose is its caption (Slate.fr); later, or other text, stays.
  it.each([
    ['<img src="a.jpg" alt="Tapie en 2008. REUTERS/Benoit Tessier"><p>- Tapie en 2008. REUTERS/Benoit Tessier -</p>PROSE', false],
    ['<img src="a.jpg" title="Tapie en 2008"><p>Tapie en 2008.</p>PROSE', false],
    ['<img src="a.jpg" alt="Tapie en 2008"><p>Tapie en 2008, before the trial.</p>PROSE', true],
    ['<img src="a.jpg" alt="Tapie en 2008">PROSE<p>Tapie en 2008.</p>', true],
  ])("%s: the caption kept %s", (page, kept) => {
    const prose = `<p>${"Exercice: après avoir attentivement lu cette brève parue dans L'Express, vous répondrez aux questions. ".repeat(4)}</p>`.repeat(2);
    const html = `<html><head><title>T</title></head><body><article><h1>T</h1>${page.replace("PROSE", prose)}</article></body></html>`;
    expect(analyzeHtml(html, "UTC").body.some((block) => block.value.includes("Tapie en 2008") && block.value.length < 60)).toBe(kept);
  });

  // ASP.NET pages wrap the whole page in one <form> (Tulsa World): that form is the page; a form beside the article is not.
  it.each([
    ['<form id="aspnetForm"><div><h1>H</h1><span class="articleText">STORY</span></div></form>', true],
    ['<div><h1>H</h1><span class="articleText">STORY</span></div><form><p>Sign up for our newsletter, the best of the week in your inbox.</p></form>', true],
    ['<div><h1>H</h1></div><form><span class="articleText">STORY</span></form>', false],
  ])("%s: the story found %s", (page, found) => {
    const story = "The Oklahoma Supreme Court has proposed what is known as Rule 31, which would remove such information from court records.<br><br>".repeat(6);
    const detection = analyzeHtml(`<html><head><title>H</title></head><body>${page.replace("STORY", story)}</body></html>`, "UTC");
    expect(detection.body.some((block) => block.value.startsWith("The Oklahoma Supreme Court"))).toBe(found);
  });

  it("reads a saved page: h1, description meta, published time, byline, figure, paragraphs", async () => {
    expect(summary(analyzeHtml(await fixture("saved-page.html"), zone))).toEqual({
      title: "19: Iran Blames NATO Expansion for Russia’s Invasion of Ukraine",
      description: "6: Iran’s Foreign Ministry stated that provocative moves by NATO have led to a crisis.",
      date: "8: 2022-02-25T00:00:00+05:30 = 2022-02-24T18:30:00.000Z",
      authors: ["Jane Doe"],
      caption: "24: Iranian President Ebrahim Raisi",
      credit: "24: IMAGE SOURCE: ASSOCIATED PRESS",
      // relative to the canonical URL, not the og:image
      src: "23: https://worlddesk.example/images/2022/02/ebrahim-raisi.jpg",
      body: [26, 28],
      // the byline and the lead figure are in the front matter, so they leave the body
      dropped: ["20: byline", "22: lead image (in the front matter)", "22: lead image caption (in the front matter)", "27: advertisement"],
      missing: [],
    });
  });

  it("keeps the text of links and quotes in paragraphs", async () => {
    const body = analyzeHtml(await fixture("saved-page.html"), zone).body.map((paragraph) => paragraph.value);
    expect(body).toEqual([
      "During a phone call with his Russian counterpart Vladimir Putin on Thursday, Iranian President Ebrahim Raisi blamed NATO for provoking tensions.",
      "“The expansion of the NATO is a serious threat,” Raisi told Putin.",
    ]);
  });
});
