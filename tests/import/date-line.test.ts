import { describe, expect, it } from "vitest";
import { findDates, findNumericDate, readNumericDate, readWholeDateLine, withYearFromAddress } from "../../src/import/date-line.js";

const zone = "UTC";

describe("findDates", () => {
  it.each([
    // English, as news sites print it
    ["Jun 7, 2023, 8:54 PM UTC", "2023-06-07T20:54:00Z", "unlabeled"],
    ["on June 26, 2014 at 9:00a", "2014-06-26T09:00", "unlabeled"],
    ["on June 26, 2014 at 9:30p", "2014-06-26T21:30", "unlabeled"],
    ["Tuesday 15 October 2019", "2019-10-15", "unlabeled"],
    ["April 28, 2019 at 6:01 am", "2019-04-28T06:01", "unlabeled"],
    ["March 2, 2020 10:30 AM ET", "2020-03-02T10:30:00-05:00", "unlabeled"],
    ["June 2, 2020 10:30 AM ET", "2020-06-02T10:30:00-04:00", "unlabeled"],
    ["Published 3rd March 2021", "2021-03-03", "published"],
    // French
    ["30 avril 2015 à 07:19", "2015-04-30T07:19", "unlabeled"],
    ["Publié le 1er mai 2015 à 07h19", "2015-05-01T07:19", "published"],
    ["Mis à jour le 30 avril 2015 à 10h02", "2015-04-30T10:02", "updated"],
    // German
    ["15. Oktober 2019", "2019-10-15", "unlabeled"],
    ["Dienstag, 15. Oktober 2019, 14:30 Uhr", "2019-10-15T14:30", "unlabeled"],
    ["Aktualisiert am 3. März 2020", "2020-03-03", "updated"],
    // Spanish
    ["3 de marzo de 2021, 10:15", "2021-03-03T10:15", "unlabeled"],
    ["Actualizado: 4 de marzo de 2021", "2021-03-04", "updated"],
    // Portuguese
    ["14 de agosto de 2020 às 9h30", "2020-08-14T09:30", "unlabeled"],
    ["Atualizado em 15 de agosto de 2020", "2020-08-15", "updated"],
    // Italian
    ["martedì 5 novembre 2019 alle 18:05", "2019-11-05T18:05", "unlabeled"],
    ["Aggiornato il 6 novembre 2019", "2019-11-06", "updated"],
  ])("%j → %s (%s)", (line, value, kind) => {
    const { found } = findDates(line, zone);
    expect(found.map((mention) => [mention.value, mention.kind])).toEqual([[value, kind]]);
  });

  it("finds the publication and the update on one line", () => {
    const { found } = findDates("April 28, 2019 at 6:01 am Updated April 29, 2019 at 9:00 am", zone);
    expect(found.map((mention) => [mention.text, mention.kind])).toEqual([
      ["April 28, 2019 at 6:01 am", "unlabeled"],
      ["April 29, 2019 at 9:00 am", "updated"],
    ]);
    // CNN puts the time between the label and the date
    expect(findDates("Updated 10:30 AM ET, Mon March 2, 2020", zone).found.map((mention) => mention.kind)).toEqual(["updated"]);
  });

  it.each([
    // CNN: the time, its zone and a comma, then the date; the time is the date's
    ["Updated 10:30 AM ET, Mon March 2, 2020", "10:30 AM ET, Mon March 2, 2020", "2020-03-02T10:30:00-05:00", "updated"],
    ["Published 8:00 AM EDT, Tue October 15, 2019", "8:00 AM EDT, Tue October 15, 2019", "2019-10-15T08:00:00-04:00", "published"],
    ["22:05 CET, 16 March 2024", "22:05 CET, 16 March 2024", "2024-03-16T22:05:00+01:00", "unlabeled"],
    // a number without AM, PM or a zone is no time ("Version 2.10", "Score 3:15"); nor one the date before took
    ["Version 2.10, March 16, 2024", "March 16, 2024", "2024-03-16", "unlabeled"],
    ["Score 3:15, March 16, 2024", "March 16, 2024", "2024-03-16", "unlabeled"],
    // a time that would make the date impossible is left out, and the date read without it
    ["13:05 PM, March 16, 2024", "March 16, 2024", "2024-03-16", "unlabeled"],
    // a date with a time of its own keeps it
    ["9:00 AM, March 2, 2020 at 10:30 am", "March 2, 2020 at 10:30 am", "2020-03-02T10:30", "unlabeled"],
    // a number before a date without a comma is no time of it
    ["Chapter 10.30 March 2, 2020", "March 2, 2020", "2020-03-02", "unlabeled"],
  ])("%j: the time before the date (%s) → %s (%s)", (line, text, value, kind) => {
    expect(findDates(line, zone).found.map((mention) => [mention.text, mention.value, mention.kind])).toEqual([[text, value, kind]]);
  });

  it("gives a time to one date only", () => {
    expect(findDates("Mar 15, 2024 10:05 PM ET, Mar 16, 2024", zone).found.map((m) => [m.start, m.text, m.value])).toEqual([
      [0, "Mar 15, 2024 10:05 PM ET", "2024-03-15T22:05:00-04:00"],
      [26, "Mar 16, 2024", "2024-03-16"],
    ]);
  });

  it("finds a date inside a byline, where it starts", () => {
    expect(findDates("Dan Goodin - Apr 16, 2015 8:02 pm UTC", zone).found.map((m) => [m.start, m.value])).toEqual([[13, "2015-04-16T20:02:00Z"]]);
  });

  it.each([
    ["Monday 15 October 2019", 'The weekday "Monday" is not the weekday of 2019-10-15.'],
    ["30 février 2020", 'Date "2020-02-30" has day 30, but February 2020 has 29 days.'],
    ["April 28, 2019 at 13:01 pm", "The hour 13 is written with AM or PM, which run from 1 to 12."],
  ])("leaves out %j: %s", (line, reason) => {
    expect(findDates(line, zone)).toEqual({ found: [], rejected: [{ text: line, reason }] });
  });

  it.each([
    // an ISO timestamp in a line, run into the name before it as a text copy runs them (Mashable)
    ["By Seth Fiegerman2014-01-26 21:32:46 UTC", 17, "2014-01-26T21:32:46Z"],
    ["Posted 2014-01-26T21:32:46+0100 by Jane", 7, "2014-01-26T21:32:46+01:00"],
    ["2014-01-26 21:32", 0, "2014-01-26T21:32"],
  ])("finds the timestamp in %j at %i → %s", (line, start, value) => {
    expect(findDates(line, zone).found.map((m) => [m.start, m.value])).toEqual([[start, value]]);
  });

  it.each([
    ["The talks resume in March."],
    ["Brent crude rose above $100 in 2014."],
    ["Out 5 2019"],
    ["Route 66, 2019"],
    // a day alone beside words may be a release's; an ISO date inside a longer number or a version is none
    ["Release Date 2014-06-26"],
    ["build 12014-01-26 21:32"],
    ["v2014-01-26 21:32:46.5"],
  ])("finds no date in %j", (line) => {
    expect(findDates(line, zone).found).toEqual([]);
  });
});

describe("readWholeDateLine", () => {
  it.each([
    ["Publié le 30 avril 2015 à 07h19", "2015-04-30T07:19"],
    ["15. Oktober 2019", "2019-10-15"],
    ["Dan Goodin - Apr 16, 2015 8:02 pm UTC", undefined],
    ["Il 30 aprile 2015 è piovuto", undefined],
  ])("%j → %s", (line, value) => {
    expect(readWholeDateLine(line, zone)?.value).toBe(value);
  });
});

describe("readNumericDate", () => {
  it.each([
    ["05/29/2007 09:49:00", "en-US", "2007-05-29T09:49:00"],
    ["05/06/2007", "en-US", "2007-05-06"],
    ["05/06/2007", "en-GB", "2007-06-05"],
    ["05.06.2007", "de", "2007-06-05"],
    ["05/06/2007 3:15 PM", "fr-FR", "2007-06-05T15:15"],
    // a bare "en" is day-first in Britain and month-first in the United States: only one reading must exist
    ["05/29/2007", "en", "2007-05-29"],
    // with no language too, where one reading alone is a real date (TMZ: "2/26/2015 7:11 AM PST")
    ["05/29/2007", undefined, "2007-05-29"],
    ["29/05/2007", undefined, "2007-05-29"],
    ["2/26/2015 7:11 AM PST", undefined, "2015-02-26T07:11:00-08:00"],
    ["2/26/2015 7:11 PM ET", "en-US", "2015-02-26T19:11:00-05:00"],
    ["7/4/2019 at 6:01 am EDT", "en-US", "2019-07-04T06:01:00-04:00"],
    ["30.04.2015 07:19 MESZ", "de-DE", "2015-04-30T07:19:00+02:00"],
    // a two-digit year only in a declared order (Lifehacker: "3/09/15 8:00am")
    ["3/09/15 8:00am", "en-US", "2015-03-09T08:00"],
    ["09/03/15", "fr", "2015-03-09"],
    // year first: one order only, whatever the language (Hungary, China and Japan, Korea)
    ["2015.08.15 10:28", undefined, "2015-08-15T10:28"],
    ["2015. 08. 15. 10:28", "en-US", "2015-08-15T10:28"],
    ["2015/08/05", "en", "2015-08-05"],
    ["2014年01月16日 04:04", undefined, "2014-01-16T04:04"],
    ["2015년 8월 5일", undefined, "2015-08-05"],
  ])("%j on a page in %s → %s", (text, lang, value) => {
    const read = readNumericDate(text, lang, zone);
    expect(read?.ok && read.value.value).toBe(value);
  });

  it.each([
    ["05/06/2007", undefined, "ambiguous-date"],
    ["05/06/2007", "en", "ambiguous-date"],
    ["05/29/2007", "fr", "impossible-date"],
    ["13/13/2015", undefined, "ambiguous-date"],
    ["3/29/15", undefined, "ambiguous-date"],
    ["3/09/15", "en", "ambiguous-date"],
    ["2/26/2015 13:11 PM", "en-US", "impossible-date"],
    ["2015.02.30", undefined, "impossible-date"],
  ])("%j on a page in %s → %s", (text, lang, rule) => {
    const read = readNumericDate(text, lang, zone);
    expect(read?.ok === false && read.problem.rule).toBe(rule);
  });

  it("leaves other forms to the other readers", () => {
    expect(readNumericDate("2007-05-29", "en-US", zone)).toBeUndefined();
    expect(readNumericDate("2/26/2015 BY TMZ STAFF", "en-US", zone)).toBeUndefined();
  });

  it.each([
    ["2/26/2015 7:11 AM PST BY TMZ STAFF", "2/26/2015 7:11 AM PST"],
    ["3/09/15 8:00am 3/09/15 8:00am", "3/09/15 8:00am"],
    ["Posted 05.06.2007", "05.06.2007"],
    ["Version 1.2.3", undefined],
    ["Call 555-12-2015", undefined],
    ["1/2/3/2015", undefined],
  ])("findNumericDate(%j) → %j", (line, found) => {
    expect(findNumericDate(line)).toBe(found);
  });
});

describe("withYearFromAddress", () => {
  const wapo = "http://www.washingtonpost.com/world/gunmen-storm-museum/2015/03/18/00202e76_story.html";
  it.each([
    ["March 18 at 3:57 PM", wapo, "March 18, 2015 at 3:57 PM"],
    ["Wednesday, March 18", wapo, "Wednesday, March 18, 2015"],
    ["Mar. 18, 3:57 PM", wapo, "Mar. 18, 2015, 3:57 PM"],
    ["18 mars à 15h57", wapo, "18 mars 2015 à 15h57"],
    ["18. März, 15:57 Uhr", wapo, "18. März 2015, 15:57 Uhr"],
    // the address's day must be the line's: a story filed the day before is not dated by the address
    ["March 17 at 3:57 PM", wapo, undefined],
    ["March 18, 2014", wapo, undefined],
    ["March 18 at 3:57 PM", "http://example.com/story/123", undefined],
    ["March 18 at 3:57 PM", undefined, undefined],
  ])("%j with %s → %j", (line, address, completed) => {
    expect(withYearFromAddress(line, address)).toBe(completed);
  });
});
