import fc from "fast-check";
import matter from "gray-matter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarDate, calendarYear, formatRfc3339, formatRfc822, isValidTimeZone, parseDate } from "../../src/text/date.js";

const NEW_YORK = "America/New_York";
const LONDON = "Europe/London";
const TEHRAN = "Asia/Tehran";

/** The instant parseDate gives, as a UTC ISO string; throws with the problem so a failed row says why. */
function parsedInstant(input: unknown, timeZone: string): string {
  const result = parseDate(input, timeZone);
  if (!result.ok) {
    throw new Error(`${result.problem.rule}: ${result.problem.message}`);
  }
  return result.value.toISOString();
}

const at = (iso: string): Date => new Date(iso);

/** [input, configured time zone, expected instant in UTC] */
const parsedDates: [input: unknown, timeZone: string, expected: string][] = [
  // The seed article's own date
  ["February 25, 2022", "UTC", "2022-02-25T00:00:00.000Z"],
  ["February 25, 2022", TEHRAN, "2022-02-24T20:30:00.000Z"],

  // ISO 8601 / RFC 3339: without offset, the configured zone applies
  ["2022-02-25", "UTC", "2022-02-25T00:00:00.000Z"],
  ["2022-02-25", TEHRAN, "2022-02-24T20:30:00.000Z"],
  ["2022-02-25T14:30", "UTC", "2022-02-25T14:30:00.000Z"],
  ["2022-02-25T14:30", NEW_YORK, "2022-02-25T19:30:00.000Z"],
  ["2022-02-25 14:30:05", TEHRAN, "2022-02-25T11:00:05.000Z"],
  ["2022-02-25t14:30:05", "UTC", "2022-02-25T14:30:05.000Z"],
  // ISO 8601 / RFC 3339: an offset or Z wins over the configured zone
  ["2022-02-25T14:30:05.123Z", TEHRAN, "2022-02-25T14:30:05.123Z"],
  ["2022-02-25T14:30:05.123456789Z", "UTC", "2022-02-25T14:30:05.123Z"],
  ["2022-02-25T14:30:05.5Z", "UTC", "2022-02-25T14:30:05.500Z"],
  ["2022-02-25t14:30:05z", TEHRAN, "2022-02-25T14:30:05.000Z"],
  ["2022-02-25T14:30:05+03:30", "UTC", "2022-02-25T11:00:05.000Z"],
  ["2022-02-25T14:30:05+0330", "UTC", "2022-02-25T11:00:05.000Z"],
  ["2022-02-25 14:30:05 +03:30", "UTC", "2022-02-25T11:00:05.000Z"],
  ["2022-02-25T14:30-05", "UTC", "2022-02-25T19:30:00.000Z"],
  ["2022-02-25T14:30:00-00:00", TEHRAN, "2022-02-25T14:30:00.000Z"],
  ["2022-02-25T14:30:00+14:00", "UTC", "2022-02-25T00:30:00.000Z"],
  ["2022-02-25T14:30:00-14:00", "UTC", "2022-02-26T04:30:00.000Z"],

  // RFC 2822
  ["Fri, 25 Feb 2022 14:30:00 +0000", TEHRAN, "2022-02-25T14:30:00.000Z"],
  ["Friday, 25 Feb 2022 14:30:00 -0500", "UTC", "2022-02-25T19:30:00.000Z"],
  ["fri, 25 feb 2022 14:30:00 +0000", TEHRAN, "2022-02-25T14:30:00.000Z"],
  ["25 Feb 2022 14:30:00 +0330", "UTC", "2022-02-25T11:00:00.000Z"],
  ["5 Sep 2022 14:30:00 +0000", "UTC", "2022-09-05T14:30:00.000Z"],
  ["Fri, 25 Feb 2022 14:30 GMT", TEHRAN, "2022-02-25T14:30:00.000Z"],
  ["Fri, 25 Feb 2022 14:30:00 UT", TEHRAN, "2022-02-25T14:30:00.000Z"],
  ["Fri, 25 Feb 2022 14:30:00 UTC", TEHRAN, "2022-02-25T14:30:00.000Z"],
  ["Fri, 25 Feb 2022 14:30:00 EST", "UTC", "2022-02-25T19:30:00.000Z"],
  ["Fri, 25 Feb 2022 14:30:00 EDT", "UTC", "2022-02-25T18:30:00.000Z"],
  ["Fri, 25 Feb 2022 14:30:00 CST", "UTC", "2022-02-25T20:30:00.000Z"],
  ["Fri, 25 Feb 2022 14:30:00 CDT", "UTC", "2022-02-25T19:30:00.000Z"],
  ["Fri, 25 Feb 2022 14:30:00 MST", "UTC", "2022-02-25T21:30:00.000Z"],
  ["Fri, 25 Feb 2022 14:30:00 MDT", "UTC", "2022-02-25T20:30:00.000Z"],
  ["Fri, 25 Feb 2022 14:30:00 PST", "UTC", "2022-02-25T22:30:00.000Z"],
  ["Fri, 25 Feb 2022 14:30:00 PDT", "UTC", "2022-02-25T21:30:00.000Z"],
  ["Fri, 25 Feb 2022 14:30:00", TEHRAN, "2022-02-25T11:00:00.000Z"],

  // News forms: the date alone
  ["Feb 25, 2022", "UTC", "2022-02-25T00:00:00.000Z"],
  ["Feb. 25, 2022", "UTC", "2022-02-25T00:00:00.000Z"],
  ["Sept. 5, 2022", "UTC", "2022-09-05T00:00:00.000Z"],
  ["Sep 5, 2022", "UTC", "2022-09-05T00:00:00.000Z"],
  ["25 February 2022", "UTC", "2022-02-25T00:00:00.000Z"],
  ["25 Feb. 2022", "UTC", "2022-02-25T00:00:00.000Z"],
  ["February 25 2022", "UTC", "2022-02-25T00:00:00.000Z"],
  ["FEBRUARY 25, 2022", "UTC", "2022-02-25T00:00:00.000Z"],
  ["february 25, 2022", "UTC", "2022-02-25T00:00:00.000Z"],
  ["February 25th, 2022", "UTC", "2022-02-25T00:00:00.000Z"],
  ["Friday, February 25, 2022", "UTC", "2022-02-25T00:00:00.000Z"],
  ["May 1, 2022", "UTC", "2022-05-01T00:00:00.000Z"],
  // News forms: with a time
  ["February 25, 2022 2:30 PM", "UTC", "2022-02-25T14:30:00.000Z"],
  ["February 25, 2022 2:30 PM", TEHRAN, "2022-02-25T11:00:00.000Z"],
  ["February 25, 2022, 14:30", "UTC", "2022-02-25T14:30:00.000Z"],
  ["February 25, 2022 at 2:30 p.m.", "UTC", "2022-02-25T14:30:00.000Z"],
  ["February 25, 2022 at 2 p.m.", "UTC", "2022-02-25T14:00:00.000Z"],
  ["February 25, 2022 2:30pm", "UTC", "2022-02-25T14:30:00.000Z"],
  ["February 25, 2022 9:05 a.m.", "UTC", "2022-02-25T09:05:00.000Z"],
  ["February 25, 2022 12:15 AM", "UTC", "2022-02-25T00:15:00.000Z"],
  ["February 25, 2022 12:15 PM", "UTC", "2022-02-25T12:15:00.000Z"],
  ["25 February 2022, 14:30:15", "UTC", "2022-02-25T14:30:15.000Z"],
  // News forms: with a time and an offset or zone
  ["February 25, 2022 2:30 PM EST", "UTC", "2022-02-25T19:30:00.000Z"],
  ["February 25, 2022 at 2:30 p.m. PST", "UTC", "2022-02-25T22:30:00.000Z"],
  ["February 25, 2022 2:30 p.m. +03:30", "UTC", "2022-02-25T11:00:00.000Z"],
  ["February 25, 2022 14:30 UTC", TEHRAN, "2022-02-25T14:30:00.000Z"],
  ["25 Feb. 2022 14:30 GMT", TEHRAN, "2022-02-25T14:30:00.000Z"],

  // Whitespace: trimmed, collapsed, no-break spaces included
  ["  February 25, 2022\n", "UTC", "2022-02-25T00:00:00.000Z"],
  ["February\u00a025,\u00a02022", "UTC", "2022-02-25T00:00:00.000Z"],
  ["25\u202fFeb  2022\t14:30", "UTC", "2022-02-25T14:30:00.000Z"],
  ["\u00a02022-02-25\u00a0", "UTC", "2022-02-25T00:00:00.000Z"],

  // Date objects from a YAML engine: their UTC fields are a wall-clock time in the configured zone
  [at("2024-03-01T00:00:00Z"), "UTC", "2024-03-01T00:00:00.000Z"],
  [at("2024-03-01T00:00:00Z"), NEW_YORK, "2024-03-01T05:00:00.000Z"],
  [at("2024-03-01T00:00:00Z"), TEHRAN, "2024-02-29T20:30:00.000Z"],
  [at("2024-03-01T10:15:30Z"), LONDON, "2024-03-01T10:15:30.000Z"],
  [at("2024-07-01T10:15:30Z"), LONDON, "2024-07-01T09:15:30.000Z"],

  // DST in America/New_York (2022: clocks jump 02:00 -> 03:00 on 13 March, fall 02:00 -> 01:00 on 6 November)
  ["2022-03-13", NEW_YORK, "2022-03-13T05:00:00.000Z"],
  ["2022-03-13T01:59:59", NEW_YORK, "2022-03-13T06:59:59.000Z"],
  ["2022-03-13T02:00", NEW_YORK, "2022-03-13T07:00:00.000Z"],
  ["2022-03-13T02:30", NEW_YORK, "2022-03-13T07:30:00.000Z"],
  ["March 13, 2022 2:30 AM", NEW_YORK, "2022-03-13T07:30:00.000Z"],
  ["2022-03-13T03:00", NEW_YORK, "2022-03-13T07:00:00.000Z"],
  ["2022-11-06T00:59", NEW_YORK, "2022-11-06T04:59:00.000Z"],
  ["2022-11-06T01:30", NEW_YORK, "2022-11-06T05:30:00.000Z"],
  ["2022-11-06T01:30-05:00", NEW_YORK, "2022-11-06T06:30:00.000Z"],
  ["2022-11-06T02:00", NEW_YORK, "2022-11-06T07:00:00.000Z"],
  // DST in Europe/London (2022: clocks jump 01:00 -> 02:00 on 27 March, fall 02:00 -> 01:00 on 30 October)
  ["2022-03-27T00:59", LONDON, "2022-03-27T00:59:00.000Z"],
  ["2022-03-27T01:30", LONDON, "2022-03-27T01:30:00.000Z"],
  ["2022-03-27T02:00", LONDON, "2022-03-27T01:00:00.000Z"],
  ["2022-06-01", LONDON, "2022-05-31T23:00:00.000Z"],
  ["2022-10-30T00:30", LONDON, "2022-10-29T23:30:00.000Z"],
  ["2022-10-30T01:30", LONDON, "2022-10-30T00:30:00.000Z"],
  ["2022-10-30T02:00", LONDON, "2022-10-30T02:00:00.000Z"],
  // DST at midnight: a date alone on the day Sao Paulo skipped 00:00-01:00 is 01:00 that day
  ["2018-11-04", "America/Sao_Paulo", "2018-11-04T03:00:00.000Z"],

  // Leap days
  ["2024-02-29", "UTC", "2024-02-29T00:00:00.000Z"],
  ["2000-02-29", "UTC", "2000-02-29T00:00:00.000Z"],
  ["February 29, 2024", TEHRAN, "2024-02-28T20:30:00.000Z"],
  ["Thu, 29 Feb 2024 23:59:59 +0000", "UTC", "2024-02-29T23:59:59.000Z"],
];

/** [input, rule] */
const rejectedDates: [input: string, rule: string][] = [
  // Numeric day/month forms: the order is a guess, so none is accepted
  ["03/04/2022", "ambiguous-date"],
  ["3-4-2022", "ambiguous-date"],
  ["03.04.22", "ambiguous-date"],
  ["25/02/2022", "ambiguous-date"],
  ["25.02.2022", "ambiguous-date"],
  ["2/25/2022 14:30", "ambiguous-date"],
  ["2022/02/25", "ambiguous-date"],

  // Impossible calendar dates
  ["2022-02-30", "impossible-date"],
  ["2021-02-29", "impossible-date"],
  ["1900-02-29", "impossible-date"],
  ["February 30, 2022", "impossible-date"],
  ["February 29, 2023", "impossible-date"],
  ["31 April 2022", "impossible-date"],
  ["2022-13-01", "impossible-date"],
  ["2022-00-10", "impossible-date"],
  ["2022-02-00", "impossible-date"],
  // Impossible times
  ["2022-02-25T25:00", "impossible-date"],
  ["2022-02-25T24:00", "impossible-date"],
  ["2022-02-25T14:61", "impossible-date"],
  ["2022-02-25T14:30:60", "impossible-date"],
  ["February 25, 2022 13:30 PM", "impossible-date"],
  ["February 25, 2022 0:30 AM", "impossible-date"],
  ["February 25, 2022 25:00", "impossible-date"],
  // Impossible offsets
  ["2022-02-25T14:30+15:00", "impossible-date"],
  ["2022-02-25T14:30-1401", "impossible-date"],
  ["2022-02-25T14:30+03:75", "impossible-date"],
  // A weekday that does not match the date
  ["Sat, 25 Feb 2022 14:30:00 +0000", "impossible-date"],
  ["Thursday, February 25, 2022", "impossible-date"],

  // Anything else
  ["next Tuesday", "invalid-date"],
  ["yesterday", "invalid-date"],
  ["", "invalid-date"],
  [" \u00a0\t", "invalid-date"],
  ["2022", "invalid-date"],
  ["2022-02", "invalid-date"],
  ["Feb 2022", "invalid-date"],
  ["February 25", "invalid-date"],
  ["Smarch 25, 2022", "invalid-date"],
  ["2022-02-25T14", "invalid-date"],
  ["February 25, 2022 14", "invalid-date"],
  ["25 Feb 22 14:30 +0000", "invalid-date"],
  ["Fri, 25 Feb 2022 14:30:00 XYZ", "invalid-date"],
  ["2022-02-25T14:30:00+03:30 tomorrow", "invalid-date"],
  ["Frid, 25 Feb 2022", "invalid-date"],
];

describe("parseDate", () => {
  it.each(parsedDates)("reads %j in %s as %s", (input, timeZone, expected) => {
    expect(parsedInstant(input, timeZone)).toBe(expected);
  });

  it("reads the Date that gray-matter's YAML engine makes of an unquoted date as that calendar day", () => {
    const { data } = matter("---\ndate: 2024-03-01\n---\nBody\n", {});
    expect(data.date).toBeInstanceOf(Date);
    expect(parsedInstant(data.date, TEHRAN)).toBe("2024-02-29T20:30:00.000Z");
  });

  it.each(rejectedDates)("rejects %j with %s", (input, rule) => {
    const result = parseDate(input, "UTC");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.rule).toBe(rule);
    expect(result.problem.message).toContain(input.trim() === "" ? "empty" : `"${input}"`);
    expect(result.problem.hint).toMatch(/2022-02-25|February 25, 2022/);
  });

  // Messages name what is wrong, not just that something is
  it.each([
    ["2022-02-30", "February 2022 has 28 days"],
    ["2024-02-30", "February 2024 has 29 days"],
    ["2022-13-01", "month 13"],
    ["2022-02-25T25:00", "hour 25"],
    ["2022-02-25T14:61", "minute 61"],
    ["2022-02-25T14:30+15:00", "offset +15:00"],
    ["2022-02-25T14:30+03:75", "minutes from 00 to 59"],
    ["Sat, 25 Feb 2022 14:30:00 +0000", "February 25, 2022 is a Friday"],
    ["25/02/2022", "day-first"],
  ])("explains why %j is rejected", (input, explanation) => {
    const result = parseDate(input, "UTC");
    expect(result.ok ? "" : result.problem.message).toContain(explanation);
  });

  // A new Date that is not a date at all
  it("rejects an invalid Date object", () => {
    const result = parseDate(new Date(Number.NaN), "UTC");
    expect(result.ok ? "" : result.problem.rule).toBe("invalid-date");
  });

  it.each([
    ["a number", 20220225],
    ["a year as a number", 2022],
    ["a boolean", true],
    ["null", null],
    ["undefined", undefined],
    ["a mapping", { year: 2022, month: 2, day: 25 }],
    ["a list", ["2022-02-25"]],
  ])("rejects %s with invalid-date-type", (_kind, input) => {
    const result = parseDate(input, "UTC");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.rule).toBe("invalid-date-type");
    expect(result.problem.message).toMatch(/^Date must be text, not .+\.$/);
    expect(result.problem.hint).toContain('"2022-02-25"');
  });
});

/** [instant, time zone, expected] */
const rfc3339Dates: [instant: string, timeZone: string, expected: string][] = [
  // The seed article's own date
  ["2022-02-24T20:30:00Z", TEHRAN, "2022-02-25T00:00:00+03:30"],
  ["2022-02-25T00:00:00Z", "UTC", "2022-02-25T00:00:00Z"],
  // Seconds precision: fractions are dropped, not rounded
  ["2022-02-25T14:30:05.999Z", "UTC", "2022-02-25T14:30:05Z"],
  // The offset in force at that instant
  ["2022-01-01T12:00:00Z", NEW_YORK, "2022-01-01T07:00:00-05:00"],
  ["2022-07-01T12:00:00Z", NEW_YORK, "2022-07-01T08:00:00-04:00"],
  ["2022-01-01T12:00:00Z", LONDON, "2022-01-01T12:00:00Z"],
  ["2022-07-01T12:00:00Z", LONDON, "2022-07-01T13:00:00+01:00"],
  ["2022-11-06T05:30:00Z", NEW_YORK, "2022-11-06T01:30:00-04:00"],
  ["2022-11-06T06:30:00Z", NEW_YORK, "2022-11-06T01:30:00-05:00"],
  ["2022-02-25T12:00:00Z", "Asia/Kolkata", "2022-02-25T17:30:00+05:30"],
  ["2022-02-25T12:00:00Z", "Asia/Kathmandu", "2022-02-25T17:45:00+05:45"],
  ["2022-02-25T12:00:00Z", "America/St_Johns", "2022-02-25T08:30:00-03:30"],
  ["2022-02-25T12:00:00Z", "Pacific/Kiritimati", "2022-02-26T02:00:00+14:00"],
  ["2022-02-25T12:00:00Z", "Pacific/Pago_Pago", "2022-02-25T01:00:00-11:00"],
  // The local date can be another day, month and year
  ["2022-12-31T23:30:00Z", "Asia/Tokyo", "2023-01-01T08:30:00+09:00"],
];

/** [instant, time zone, expected] */
const rfc822Dates: [instant: string, timeZone: string, expected: string][] = [
  // The seed article's own date
  ["2022-02-24T20:30:00Z", TEHRAN, "Fri, 25 Feb 2022 00:00:00 +0330"],
  ["2022-02-25T00:00:00Z", "UTC", "Fri, 25 Feb 2022 00:00:00 +0000"],
  // The weekday and day are those of the local date
  ["2022-02-25T03:00:00Z", NEW_YORK, "Thu, 24 Feb 2022 22:00:00 -0500"],
  ["2022-07-01T12:00:00Z", NEW_YORK, "Fri, 01 Jul 2022 08:00:00 -0400"],
  ["2022-07-01T12:00:00Z", LONDON, "Fri, 01 Jul 2022 13:00:00 +0100"],
  ["2022-01-01T12:00:00Z", LONDON, "Sat, 01 Jan 2022 12:00:00 +0000"],
  ["2022-02-25T12:00:00Z", "Asia/Kathmandu", "Fri, 25 Feb 2022 17:45:00 +0545"],
  ["2022-02-25T12:00:00Z", "America/St_Johns", "Fri, 25 Feb 2022 08:30:00 -0330"],
  ["2022-12-31T23:30:00Z", "Asia/Tokyo", "Sun, 01 Jan 2023 08:30:00 +0900"],
  // Leap day, seconds precision, four-digit years
  ["2024-02-29T12:00:00.750Z", "UTC", "Thu, 29 Feb 2024 12:00:00 +0000"],
  ["2009-09-05T06:07:08Z", "UTC", "Sat, 05 Sep 2009 06:07:08 +0000"],
];

describe("formatRfc3339", () => {
  it.each(rfc3339Dates)("writes %s in %s as %s", (instant, timeZone, expected) => {
    const formatted = formatRfc3339(at(instant), timeZone);
    expect(formatted).toBe(expected);
    // Read back by an independent parser: the same instant, to the second
    expect(Date.parse(formatted)).toBe(Math.floor(Date.parse(instant) / 1000) * 1000);
  });
});

describe("formatRfc822", () => {
  it.each(rfc822Dates)("writes %s in %s as %s", (instant, timeZone, expected) => {
    const formatted = formatRfc822(at(instant), timeZone);
    expect(formatted).toBe(expected);
    expect(formatted).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/);
    // V8 reads RFC 2822 on its own: the same instant, to the second
    expect(Date.parse(formatted)).toBe(Math.floor(Date.parse(instant) / 1000) * 1000);
  });
});

describe("calendarDate", () => {
  it.each([
    // The seed article's own date
    ["2022-02-24T20:30:00Z", TEHRAN, { year: "2022", month: "02", day: "25" }],
    ["2022-02-24T20:30:00Z", "UTC", { year: "2022", month: "02", day: "24" }],
    ["2022-02-25T03:00:00Z", NEW_YORK, { year: "2022", month: "02", day: "24" }],
    ["2022-12-31T23:30:00Z", "Asia/Tokyo", { year: "2023", month: "01", day: "01" }],
    ["2022-12-31T15:00:00Z", "Pacific/Kiritimati", { year: "2023", month: "01", day: "01" }],
    ["2024-02-29T12:00:00Z", "Pacific/Pago_Pago", { year: "2024", month: "02", day: "29" }],
  ])("sees %s in %s as %j", (instant, timeZone, expected) => {
    expect(calendarDate(at(instant), timeZone)).toEqual(expected);
  });
});

describe("calendarYear", () => {
  it.each([
    // Far from New Year: the UTC year, whatever the zone
    ["2022-06-15T12:00:00Z", "Pacific/Kiritimati", "2022"],
    ["2022-06-15T12:00:00Z", "Pacific/Pago_Pago", "2022"],
    // Within two days of it: the zone decides, on both sides of the turn
    ["2022-12-31T09:59:59Z", "Pacific/Kiritimati", "2022"],
    ["2022-12-31T10:00:00Z", "Pacific/Kiritimati", "2023"],
    ["2023-01-01T10:59:59Z", "Pacific/Pago_Pago", "2022"],
    ["2023-01-01T11:00:00Z", "Pacific/Pago_Pago", "2023"],
    ["2022-12-31T18:29:59Z", "Asia/Kolkata", "2022"],
    ["2022-12-31T18:30:00Z", "Asia/Kolkata", "2023"],
    ["2022-12-30T00:00:00Z", "UTC", "2022"],
    ["2023-01-02T23:59:59Z", "UTC", "2023"],
    // Samoa skipped 30 December 2011 when it crossed the date line
    ["2011-12-30T10:00:00Z", "Pacific/Apia", "2011"],
    ["2011-12-31T10:00:00Z", "Pacific/Apia", "2012"],
  ])("sees %s in %s in %s", (instant, timeZone, expected) => {
    expect(calendarYear(at(instant), timeZone)).toBe(expected);
    expect(calendarDate(at(instant), timeZone).year).toBe(expected);
  });

  it("always agrees with calendarDate", () => {
    const zones = ["UTC", TEHRAN, NEW_YORK, "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu", "America/St_Johns", "Pacific/Apia"];
    // Instants anywhere, and instants within three days of a New Year, where the zone decides.
    const anywhere = fc.integer({ min: Date.UTC(1000, 0, 3), max: Date.UTC(9999, 11, 29) });
    const nearNewYear = fc
      .tuple(fc.integer({ min: 1001, max: 9998 }), fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }))
      .map(([year, shift]) => new Date(0).setUTCFullYear(year, 0, 1) + shift);
    fc.assert(
      fc.property(fc.oneof(anywhere, nearNewYear), fc.constantFrom(...zones), (epochMs, timeZone) => {
        expect(calendarYear(new Date(epochMs), timeZone)).toBe(calendarDate(new Date(epochMs), timeZone).year);
      }),
    );
  });
});

describe("isValidTimeZone", () => {
  it.each([
    ["UTC", true],
    [TEHRAN, true],
    [NEW_YORK, true],
    [LONDON, true],
    ["Etc/GMT+3", true],
    ["Mars/Olympus", false],
    ["", false],
    ["+03:00", false],
    ["Asia/Tehran ", false],
  ])("says %j is %s", (timeZone, expected) => {
    expect(isValidTimeZone(timeZone)).toBe(expected);
  });
});

describe("round trips", () => {
  const zones = ["UTC", TEHRAN, NEW_YORK, LONDON, "Asia/Kathmandu", "Pacific/Kiritimati", "America/St_Johns"];
  const instant = fc.integer({ min: Date.UTC(1971, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 }).map((seconds) => new Date(seconds * 1000));
  const zone = fc.constantFrom(...zones);

  it("parses what formatRfc3339 and formatRfc822 write back to the same instant, whatever zone it is read in", () => {
    fc.assert(
      fc.property(instant, zone, zone, (date, writtenIn, readIn) => {
        expect(parsedInstant(formatRfc3339(date, writtenIn), readIn)).toBe(date.toISOString());
        expect(parsedInstant(formatRfc822(date, writtenIn), readIn)).toBe(date.toISOString());
      }),
    );
  });

  it("keeps a date alone on its calendar day in the configured zone", () => {
    fc.assert(
      fc.property(instant, zone, (date, timeZone) => {
        const day = date.toISOString().slice(0, 10);
        const parsed = parseDate(day, timeZone);
        expect(parsed.ok && Object.values(calendarDate(parsed.value, timeZone)).join("-")).toBe(day);
      }),
    );
  });
});

// The build machine's zone must not matter. Setting process.env.TZ at run time changes
// Node's local time; the canary proves it did, so a use of local Date methods would fail here.
describe.each([
  ["Pacific/Kiritimati", -14 * 60],
  ["America/Los_Angeles", 8 * 60],
])("with the process time zone set to %s", (processZone, localOffsetOnSeedDay) => {
  const originalZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = processZone;
  });
  afterAll(() => {
    if (originalZone === undefined) {
      delete process.env.TZ;
    } else {
      process.env.TZ = originalZone;
    }
  });

  it("has really switched the local time zone", () => {
    expect(new Date(2022, 1, 25).getTimezoneOffset()).toBe(localOffsetOnSeedDay);
  });

  it.each(parsedDates)("still reads %j in %s as %s", (input, timeZone, expected) => {
    expect(parsedInstant(input, timeZone)).toBe(expected);
  });

  it.each(rfc3339Dates)("still writes %s in %s as RFC 3339 %s", (instant, timeZone, expected) => {
    expect(formatRfc3339(at(instant), timeZone)).toBe(expected);
  });

  it.each(rfc822Dates)("still writes %s in %s as RFC 822 %s", (instant, timeZone, expected) => {
    expect(formatRfc822(at(instant), timeZone)).toBe(expected);
  });
});
