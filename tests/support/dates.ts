// Strict date checks for the formats feeds use. Date.parse is deliberately not
// the judge: it accepts two-digit years, missing offsets and wrong weekdays.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

// setUTCFullYear, because Date.UTC maps years 0 to 99 onto 1900 to 1999.
function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

function daysInMonth(year: number, month: number): number {
  return utcDate(year, month, 0).getUTCDate();
}

function calendarProblem(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  if (day < 1 || day > daysInMonth(year, month)) return `day ${day} does not exist in ${year}-${String(month).padStart(2, "0")}`;
  return undefined;
}

function clockProblem(hour: number, minute: number, second: number): string | undefined {
  if (hour > 23 || minute > 59 || second > 60) return "the time of day is out of range";
  return undefined;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** Why `text` is not an RFC 3339 date-time with an explicit offset (uppercase T and Z, as Atom requires), or undefined when it is one. */
export function rfc3339Problem(text: string): string | undefined {
  const match = RFC3339.exec(text);
  if (!match) return `"${text}" is not an RFC 3339 date-time with an offset (like 2024-03-01T09:30:00+01:00)`;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const offsetHours = match[10] === undefined ? 0 : Number(match[10]);
  const offsetMinutes = match[11] === undefined ? 0 : Number(match[11]);
  const problem =
    calendarProblem(year, month, day) ??
    clockProblem(hour, minute, second) ??
    (offsetHours > 23 || offsetMinutes > 59 ? "the offset is out of range" : undefined);
  return problem === undefined ? undefined : `"${text}": ${problem}`;
}

// RFC 822 section 5 as RSS uses it, narrowed by the RSS Advisory Board profile:
// a four-digit year, and the single-letter military zones left out (RFC 1123
// notes they were defined with the wrong sign, so readers disagree on them).
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{2,}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|UT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|[+-]\d{4})$/;

/** Why `text` is not an RFC 822 date with weekday and four-digit year whose weekday matches the date, or undefined when it is one. */
export function rfc822Problem(text: string): string | undefined {
  const match = RFC822.exec(text);
  if (!match) return `"${text}" is not an RFC 822 date like "Fri, 01 Mar 2024 09:30:00 GMT"`;
  const [, weekday = "", dayText = "", monthName = "", yearText = "", hourText = "", minuteText = "", secondText = "0", zone = ""] = match;
  if (yearText.length !== 4) return `"${text}" has a ${yearText.length}-digit year; use four digits`;
  const year = Number(yearText);
  const month = MONTHS.indexOf(monthName) + 1;
  const day = Number(dayText);
  const problem = calendarProblem(year, month, day) ?? clockProblem(Number(hourText), Number(minuteText), Number(secondText));
  if (problem !== undefined) return `"${text}": ${problem}`;
  if (/^[+-]/.test(zone) && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(3)) > 59)) return `"${text}": the offset is out of range`;
  // The weekday belongs to the calendar date as written, in the date's own zone.
  const actual = WEEKDAYS[utcDate(year, month - 1, day).getUTCDay()];
  if (actual !== weekday) return `"${text}" says ${weekday}, but ${day} ${monthName} ${year} is a ${actual}`;
  return undefined;
}
