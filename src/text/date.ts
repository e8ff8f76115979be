/**
 * Front matter dates: parse the forms authors and news sites write, and format
 * instants for feeds.
 *
 * Every wall-clock computation goes through Intl with an explicit time zone, so
 * the build machine's own zone (process.env.TZ) never changes a result. Only the
 * UTC methods of Date are used, as plain calendar arithmetic.
 *
 * A wall-clock time without an offset is read in the configured time zone:
 * - a time that does not exist there (the spring-forward gap) moves forward by
 *   the length of the gap, e.g. 02:30 on the day New York springs forward is
 *   03:30 EDT, as Temporal's "compatible" disambiguation does;
 * - a time that exists twice (the fall-back overlap) takes the earlier instant,
 *   e.g. 01:30 on the day New York falls back is 01:30 EDT.
 */
import { wrongType } from "../diagnostics/describe-value.js";
import { fail, ok } from "../diagnostics/diagnostic.js";
import type { Result } from "../diagnostics/diagnostic.js";

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

interface ParsedDate {
  wallClock: WallClock;
  /** The offset or zone name as written, e.g. "+03:30", "-05" or "EST". */
  zone?: string;
  /** Weekday the text names (0 = Sunday), to be checked against the date. */
  weekday?: number;
  /** Set when the hour is on a 12-hour clock; `wallClock.hour` is then still 1-12 as written. */
  meridiem?: "am" | "pm";
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MAX_OFFSET_MINUTES = 14 * 60;

const ACCEPTED_FORMS = 'Write it as ISO 8601, e.g. "2022-02-25" or "2022-02-25T14:30:00+03:30", or spelled out, e.g. "February 25, 2022".';

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;
const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** Month numbers (1-12) by lowercase full name and abbreviation; "sept" is the AP style abbreviation. */
const MONTHS = new Map<string, number>(
  MONTH_NAMES.flatMap((name, index) => [
    [name.toLowerCase(), index + 1],
    [name.slice(0, 3).toLowerCase(), index + 1],
  ]),
).set("sept", 9);

/** Weekday numbers (0 = Sunday) by lowercase full name and common abbreviations. */
const WEEKDAYS = new Map<string, number>([
  ...WEEKDAY_NAMES.flatMap((name, index): [string, number][] => [
    [name.toLowerCase(), index],
    [name.slice(0, 3).toLowerCase(), index],
  ]),
  ["tues", 2],
  ["thur", 4],
  ["thurs", 4],
]);

/** Offsets in minutes of the zone names RFC 2822 defines (military letters aside). */
const ZONE_NAMES = new Map<string, number>([
  ["z", 0],
  ["ut", 0],
  ["utc", 0],
  ["gmt", 0],
  ["est", -5 * 60],
  ["edt", -4 * 60],
  ["cst", -6 * 60],
  ["cdt", -5 * 60],
  ["mst", -7 * 60],
  ["mdt", -6 * 60],
  ["pst", -8 * 60],
  ["pdt", -7 * 60],
]);

/** Longest first, so that "sept" wins over "sep" and "utc" over "ut". */
const alternation = (names: Iterable<string>): string => [...names].sort((a, b) => b.length - a.length).join("|");

const ZONE = `(?<zone>${alternation(ZONE_NAMES.keys())}|[+-]\\d{2}(?::?\\d{2})?)`;

const ISO_8601 = new RegExp(
  `^(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})(?:[t ](?<hour>\\d{2}):(?<minute>\\d{2})(?::(?<second>\\d{2})(?:[.,](?<fraction>\\d+))?)? ?${ZONE}?)?$`,
  "i",
);

/**
 * RFC 2822 ("Fri, 25 Feb 2022 14:30:00 +0000") and the news forms
 * ("February 25, 2022, 2:30 p.m. EST", "25 Feb. 2022") share one grammar:
 * optional weekday, month-first or day-first date, optional time and zone.
 */
const MONTH = `(?:${alternation(MONTHS.keys())})`;
const ORDINAL = "(?:st|nd|rd|th)?";
const WRITTEN_DATE = new RegExp(
  `^(?:(?<weekday>${alternation(WEEKDAYS.keys())})\\.?,? )?` +
    `(?:(?<monthFirst>${MONTH})\\.? (?<dayAfterMonth>\\d{1,2})${ORDINAL},? (?<yearAfterMonthFirst>\\d{4})` +
    `|(?<dayFirst>\\d{1,2})${ORDINAL} (?<monthAfterDay>${MONTH})\\.?,? (?<yearAfterDayFirst>\\d{4}))` +
    "(?:,? (?:at )?(?<hour>\\d{1,2})(?::(?<minute>\\d{2})(?::(?<second>\\d{2}))?)?" +
    `(?: ?(?<meridiem>[ap]\\.?m\\.?))?(?: ?${ZONE})?)?$`,
  "i",
);

/**
 * Day, month and year in numbers only, in any order and with any of the usual
 * separators; a well-formed ISO 8601 date with a bad tail is merely unreadable.
 */
const NUMERIC_DATE = /^(?!\d{4}-\d{2}-\d{2}(?:$|[ t]))\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:$|[ t,])/i;

/** Parses a front matter date value into an instant. `timeZone` must pass `isValidTimeZone`; Intl throws a RangeError otherwise. */
export function parseDate(input: unknown, timeZone: string): Result<Date> {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) {
      return fail("invalid-date", "Date is an invalid date object.", ACCEPTED_FORMS);
    }
    // js-yaml reads an unquoted 2024-03-01 as UTC midnight; the author meant a calendar date.
    return inYearRange(String(input.toISOString()), wallClockToEpochMs(utcFields(input.getTime()), timeZone), timeZone);
  }
  if (typeof input !== "string") {
    return fail(
      "invalid-date-type",
      `${wrongType("Date", "text", input)}.`,
      'Quote the value in the front matter and write a full date, e.g. date: "2022-02-25" or date: "February 25, 2022".',
    );
  }
  const text = input.replace(/[\s\u00a0\u2007\u202f]+/g, " ").trim();
  if (text === "") {
    return fail("invalid-date", "Date is empty.", ACCEPTED_FORMS);
  }
  const parsed = parseIso8601(text) ?? parseWrittenDate(text);
  if (parsed === undefined) {
    if (NUMERIC_DATE.test(text)) {
      return fail(
        "ambiguous-date",
        `Date "${text}" is written in numbers only, and such dates are read day-first in some countries and month-first in others (03/04/2022 is 3 April or March 4).`,
        'Write it in ISO 8601, year-month-day, e.g. "2022-02-25", or spell the month out, e.g. "February 25, 2022".',
      );
    }
    return fail("invalid-date", `Date "${text}" is not in a form wirefeed can read.`, ACCEPTED_FORMS);
  }
  const problem = checkParsedDate(text, parsed);
  if (problem !== undefined) {
    return problem;
  }
  const wallClock = toTwentyFourHourClock(parsed);
  const offsetMinutes = parsed.zone === undefined ? undefined : zoneOffsetMinutes(parsed.zone);
  const epochMs = offsetMinutes === undefined ? wallClockToEpochMs(wallClock, timeZone) : fieldsToUtcMs(wallClock) - offsetMinutes * MINUTE_MS;
  return inYearRange(text, epochMs, timeZone);
}

// Date.UTC reads years 0 to 99 as 1900 to 1999: the first instant of year 1 is set by its fields.
const FIRST_MS = new Date(0).setUTCFullYear(1, 0, 1);
const LAST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * The instant as a date, when it falls in years 1 to 9999 both in UTC and in `timeZone`: the
 * feeds write four-digit years (RFC 3339, RFC 822), and year 0 or 10000 would come out as a
 * different date or none (`0000-01-01` read in a zone of 1800 became "0005-12-31T00:00:00+78888:00").
 */
function inYearRange(text: string, epochMs: number, timeZone: string): Result<Date> {
  const local = Number.isFinite(epochMs) ? epochMs + offsetMsAt(Math.min(Math.max(epochMs, FIRST_MS), LAST_MS), timeZone) : Number.NaN;
  if (epochMs >= FIRST_MS && epochMs <= LAST_MS && local >= FIRST_MS && local <= LAST_MS) return ok(new Date(epochMs));
  return fail(
    "date-out-of-range",
    `Date "${text}" falls outside the years 1 to 9999 (in UTC or in the time zone ${timeZone}), which feeds cannot carry`,
    "Check the year: write a four-digit year from 0001 to 9999, not at the very edge of that range.",
  );
}

/** RFC 3339 with the offset of `timeZone` at that instant, seconds precision, e.g. "2022-02-25T00:00:00+03:30" or "...Z" for UTC. */
export function formatRfc3339(date: Date, timeZone: string): string {
  const { fields, offsetMinutes } = localTime(date, timeZone);
  const offset = offsetMinutes === 0 ? "Z" : formatOffset(offsetMinutes, ":");
  return `${pad(fields.year, 4)}-${pad(fields.month)}-${pad(fields.day)}T${formatTime(fields)}${offset}`;
}

/** RFC 822 / RFC 1123 date as RSS wants it, four-digit year, weekday matching, numeric offset of `timeZone`, e.g. "Fri, 25 Feb 2022 00:00:00 +0330" ("+0000" for UTC). */
export function formatRfc822(date: Date, timeZone: string): string {
  const { fields, offsetMinutes } = localTime(date, timeZone);
  const weekday = WEEKDAY_NAMES[weekdayOf(fields)]?.slice(0, 3);
  const month = MONTH_NAMES[fields.month - 1]?.slice(0, 3);
  return `${weekday}, ${pad(fields.day)} ${month} ${pad(fields.year, 4)} ${formatTime(fields)} ${formatOffset(offsetMinutes, "")}`;
}

/** True when `timeZone` is an IANA zone name Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  // Newer Intl versions also take offsets such as "+03:00", which are not zones and know no DST.
  if (!/^[A-Za-z]/.test(timeZone)) {
    return false;
  }
  try {
    wallClockFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date (YYYY-MM-DD) of `date` as seen in `timeZone`, used for permalinks and tag: URIs. */
export function calendarDate(date: Date, timeZone: string): { year: string; month: string; day: string } {
  const fields = wallClockAt(validEpochMs(date), timeZone);
  return { year: pad(fields.year, 4), month: pad(fields.month), day: pad(fields.day) };
}

/**
 * The calendar year of `date` in `timeZone`: `calendarDate(date, timeZone).year`, without asking
 * Intl for every instant (an archive groups every article by year). No zone's clock is two days
 * from UTC, so away from New Year the zone's year is UTC's.
 */
export function calendarYear(date: Date, timeZone: string): string {
  const epochMs = validEpochMs(date);
  const year = new Date(epochMs).getUTCFullYear();
  const newYear = (of: number) => new Date(0).setUTCFullYear(of, 0, 1);
  const clear = 2 * DAY_MS;
  if (year >= 1000 && year <= 9999 && epochMs - newYear(year) > clear && newYear(year + 1) - epochMs > clear) return String(year);
  return calendarDate(date, timeZone).year;
}

function parseIso8601(text: string): ParsedDate | undefined {
  const groups = ISO_8601.exec(text)?.groups;
  if (groups === undefined) {
    return undefined;
  }
  const parsed: ParsedDate = {
    wallClock: {
      year: Number(groups.year),
      month: Number(groups.month),
      day: Number(groups.day),
      hour: Number(groups.hour ?? 0),
      minute: Number(groups.minute ?? 0),
      second: Number(groups.second ?? 0),
      millisecond: Number((groups.fraction ?? "0").slice(0, 3).padEnd(3, "0")),
    },
  };
  if (groups.zone !== undefined) {
    parsed.zone = groups.zone;
  }
  return parsed;
}

function parseWrittenDate(text: string): ParsedDate | undefined {
  const groups = WRITTEN_DATE.exec(text)?.groups;
  // A bare number after the date ("February 25, 2022 14") is not a time.
  if (groups === undefined || (groups.hour !== undefined && groups.minute === undefined && groups.meridiem === undefined)) {
    return undefined;
  }
  const monthName = (groups.monthFirst ?? groups.monthAfterDay ?? "").toLowerCase();
  const parsed: ParsedDate = {
    wallClock: {
      year: Number(groups.yearAfterMonthFirst ?? groups.yearAfterDayFirst),
      month: MONTHS.get(monthName) ?? 0,
      day: Number(groups.dayAfterMonth ?? groups.dayFirst),
      hour: Number(groups.hour ?? 0),
      minute: Number(groups.minute ?? 0),
      second: Number(groups.second ?? 0),
      millisecond: 0,
    },
  };
  if (groups.meridiem !== undefined) {
    parsed.meridiem = groups.meridiem.toLowerCase().startsWith("p") ? "pm" : "am";
  }
  const weekday = groups.weekday === undefined ? undefined : WEEKDAYS.get(groups.weekday.toLowerCase());
  if (weekday !== undefined) {
    parsed.weekday = weekday;
  }
  if (groups.zone !== undefined) {
    parsed.zone = groups.zone;
  }
  return parsed;
}

/** Offset from UTC in minutes of a zone name or numeric offset; undefined when no place on Earth uses it. */
function zoneOffsetMinutes(zone: string): number | undefined {
  const named = ZONE_NAMES.get(zone.toLowerCase());
  if (named !== undefined) {
    return named;
  }
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || "0");
  const magnitude = hours * 60 + minutes;
  if (minutes > 59 || magnitude > MAX_OFFSET_MINUTES) {
    return undefined;
  }
  return zone.startsWith("-") ? -magnitude : magnitude;
}

/** Rejects dates and times that cannot exist, naming the field that is out of range. */
function checkParsedDate(text: string, parsed: ParsedDate): Result<never> | undefined {
  const { year, month, day, hour, minute, second } = parsed.wallClock;
  const dateHint = 'Check the date against a calendar and write it like "2022-02-25" or "February 25, 2022".';
  const timeHint =
    'Write the time on a 24-hour clock from 00:00 to 23:59:59, e.g. "2022-02-25T14:30", or with AM or PM from 1 to 12, e.g. "February 25, 2022 2:30 PM".';
  if (month < 1 || month > 12) {
    return fail("impossible-date", `Date "${text}" has month ${month}, but months run from 1 to 12.`, dateHint);
  }
  const monthLength = daysInMonth(year, month);
  if (day < 1 || day > monthLength) {
    return fail("impossible-date", `Date "${text}" has day ${day}, but ${MONTH_NAMES[month - 1]} ${year} has ${monthLength} days.`, dateHint);
  }
  if (parsed.meridiem !== undefined && (hour < 1 || hour > 12)) {
    return fail("impossible-date", `Date "${text}" has hour ${hour} with AM or PM, but a 12-hour clock runs from 1 to 12.`, timeHint);
  }
  if (hour > 23) {
    return fail("impossible-date", `Date "${text}" has hour ${hour}, but hours run from 0 to 23.`, timeHint);
  }
  if (minute > 59) {
    return fail("impossible-date", `Date "${text}" has minute ${minute}, but minutes run from 0 to 59.`, timeHint);
  }
  if (second > 59) {
    return fail("impossible-date", `Date "${text}" has second ${second}, but seconds run from 0 to 59.`, timeHint);
  }
  if (parsed.zone !== undefined && zoneOffsetMinutes(parsed.zone) === undefined) {
    return fail(
      "impossible-date",
      `Date "${text}" has the offset ${parsed.zone}, which no place uses: offsets run from -14:00 to +14:00, with minutes from 00 to 59.`,
      'Write the offset as ±HH:MM between -14:00 and +14:00, e.g. "2022-02-25T14:30:00+03:30", or leave it out to use the configured time zone.',
    );
  }
  const actualWeekday = weekdayOf(parsed.wallClock);
  if (parsed.weekday !== undefined && parsed.weekday !== actualWeekday) {
    return fail(
      "impossible-date",
      `Date "${text}" says ${WEEKDAY_NAMES[parsed.weekday]}, but ${MONTH_NAMES[month - 1]} ${day}, ${year} is a ${WEEKDAY_NAMES[actualWeekday]}.`,
      'Correct the weekday or leave it out, e.g. "25 Feb 2022 14:30:00 +0000" or "February 25, 2022".',
    );
  }
  return undefined;
}

function toTwentyFourHourClock({ wallClock, meridiem }: ParsedDate): WallClock {
  if (meridiem === undefined) {
    return wallClock;
  }
  return { ...wallClock, hour: (wallClock.hour % 12) + (meridiem === "pm" ? 12 : 0) };
}

/**
 * The instant at which clocks in `timeZone` show `wallClock`. The offsets a day
 * before and a day after bracket any transition; each gives a candidate, and a
 * candidate counts when the zone really shows that wall-clock time at it.
 */
function wallClockToEpochMs(wallClock: WallClock, timeZone: string): number {
  const asIfUtc = fieldsToUtcMs(wallClock);
  const offsetBefore = offsetMsAt(asIfUtc - DAY_MS, timeZone);
  const offsetAfter = offsetMsAt(asIfUtc + DAY_MS, timeZone);
  const matching = [asIfUtc - offsetBefore, asIfUtc - offsetAfter].filter((candidate) => candidate + offsetMsAt(candidate, timeZone) === asIfUtc);
  if (matching.length > 0) {
    // Two matches mean a fall-back overlap: the earlier instant wins.
    return Math.min(...matching);
  }
  // No match means a spring-forward gap: reading the time with the offset in force
  // before the transition moves it forward by the length of the gap.
  return asIfUtc - offsetBefore;
}

/** The offset of `timeZone` from UTC at an instant, in milliseconds (whole seconds: old local mean times have them). */
function offsetMsAt(epochMs: number, timeZone: string): number {
  const dayStart = Math.floor(epochMs / DAY_MS) * DAY_MS;
  const atStart = exactOffsetMsAt(dayStart, timeZone);
  // No zone has changed its offset twice in one day: the same offset at both UTC midnights holds
  // all day, and the two midnights are shared by every date of the day (a site's dates are on few
  // days, each asked of Intl, the slow part, once).
  if (atStart === exactOffsetMsAt(dayStart + DAY_MS, timeZone)) return atStart;
  return exactOffsetMsAt(epochMs, timeZone);
}

function exactOffsetMsAt(epochMs: number, timeZone: string): number {
  const wholeSecondMs = Math.floor(epochMs / 1000) * 1000;
  return fieldsToUtcMs(wallClockAt(wholeSecondMs, timeZone)) - wholeSecondMs;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter per zone, because creating one costs far more than using it. Throws a RangeError for an unknown zone. */
function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Wall clocks already read, by zone and instant: a build writes each article's dates in every
 * feed document and archive file, and `formatToParts` costs microseconds each time. Cleared when
 * full, so memory stays bounded on any archive.
 */
const wallClocks = new Map<string, Readonly<WallClock>>();
const wallClocksKept = 65_536;

/** The wall-clock time clocks in `timeZone` show at an instant, to the second. */
function wallClockAt(epochMs: number, timeZone: string): Readonly<WallClock> {
  const key = `${timeZone} ${epochMs}`;
  let fields = wallClocks.get(key);
  if (fields === undefined) {
    const parts = wallClockFormatter(timeZone).formatToParts(epochMs);
    const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((candidate) => candidate.type === type)?.value);
    fields = Object.freeze({
      year: part("year"),
      month: part("month"),
      day: part("day"),
      hour: part("hour"),
      minute: part("minute"),
      second: part("second"),
      millisecond: 0,
    });
    if (wallClocks.size >= wallClocksKept) wallClocks.clear();
    wallClocks.set(key, fields);
  }
  return fields;
}

/** The wall-clock time in `timeZone` at `date`, with the offset rounded to whole minutes as RFC 3339 and RFC 822 need. */
function localTime(date: Date, timeZone: string): { fields: WallClock; offsetMinutes: number } {
  const wholeSecondMs = Math.floor(validEpochMs(date) / 1000) * 1000;
  const offsetMinutes = Math.round(offsetMsAt(wholeSecondMs, timeZone) / MINUTE_MS);
  // Derived from the rounded offset so that the printed time and offset add up to the instant.
  return { fields: utcFields(wholeSecondMs + offsetMinutes * MINUTE_MS), offsetMinutes };
}

function validEpochMs(date: Date): number {
  const epochMs = date.getTime();
  if (Number.isNaN(epochMs)) {
    throw new RangeError("Cannot format an invalid Date");
  }
  return epochMs;
}

/** Calendar fields read as UTC; setUTCFullYear keeps years 0-99 from being taken as 1900-1999. */
function fieldsToUtcMs({ year, month, day, hour, minute, second, millisecond }: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return date.getTime();
}

function utcFields(epochMs: number): WallClock {
  const date = new Date(epochMs);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
  };
}

function daysInMonth(year: number, month: number): number {
  return utcFields(fieldsToUtcMs({ year, month: month + 1, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 })).day;
}

function weekdayOf(fields: WallClock): number {
  return new Date(fieldsToUtcMs(fields)).getUTCDay();
}

function formatTime({ hour, minute, second }: WallClock): string {
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

function formatOffset(offsetMinutes: number, separator: ":" | ""): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const magnitude = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(magnitude / 60))}${separator}${pad(magnitude % 60)}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}
