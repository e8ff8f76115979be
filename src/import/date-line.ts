/**
 * Dates as news pages write them, beyond the forms the build reads: spelled-out dates in
 * English, French, German, Spanish, Portuguese and Italian ("30 avril 2015 à 07:19",
 * "15. Oktober 2019", "Jun 7, 2023, 8:54 PM UTC"), found anywhere in a line so that a
 * byline or an "Updated ..." tail around them does not hide them, and numeric dates read
 * only in the order the page's language gives.
 *
 * What is found is turned into a value the build reads (ISO 8601), so the article file
 * never holds a form that only the import understands.
 */
import { fail, ok, type Result } from "../diagnostics/diagnostic.js";
import { formatRfc3339, parseDate } from "../text/date.js";
import { cleanInline } from "../text/text.js";

/** Month names and abbreviations of the six languages, lowercase, accents as written and without. */
const MONTH_WORDS: readonly (readonly string[])[] = [
  ["january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "janeiro", "gennaio", "gen"],
  ["february", "feb", "février", "fevrier", "févr", "fevr", "fév", "fev", "februar", "febrero", "fevereiro", "febbraio"],
  ["march", "mar", "mars", "märz", "marz", "mär", "marzo", "março", "marco"],
  ["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
  ["may", "mai", "mayo", "maio", "maggio", "mag"],
  ["june", "jun", "juin", "juni", "junio", "junho", "giugno", "giu"],
  ["july", "jul", "juillet", "juil", "juli", "julio", "julho", "luglio", "lug"],
  ["august", "aug", "août", "aout", "agosto", "ago"],
  ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "settembre", "set"],
  ["october", "oct", "octobre", "oktober", "okt", "octubre", "outubro", "out", "ottobre", "ott"],
  ["november", "nov", "novembre", "noviembre", "novembro"],
  ["december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic", "dezembro", "dicembre"],
];

/**
 * The months in full in the other languages of Europe's news sites, day first as the six write them
 * ("15 август 2015", "3. srpna 2015", "12 stycznia 2015"), and Hungarian's year first ("2015. augusztus
 * 20."): Dutch, Swedish, Danish and Norwegian, Polish, Czech, Romanian, Turkish, Hungarian, Russian,
 * Ukrainian, Bulgarian; the genitive forms the Slavic languages write a date with as well. Polish's
 * "listopad" (November) is Croatian's October: it is left out, so that neither is read as the other.
 */
const MORE_MONTH_WORDS: readonly (readonly string[])[] = [
  ["januari", "januar", "styczeń", "stycznia", "leden", "ledna", "ianuarie", "ocak", "január", "январь", "января", "січень", "січня", "януари"],
  ["februari", "februar", "luty", "lutego", "únor", "února", "februarie", "şubat", "subat", "február", "февраль", "февраля", "лютий", "лютого", "февруари"],
  ["maart", "marts", "marzec", "marca", "březen", "března", "martie", "mart", "március", "март", "марта", "березень", "березня"],
  ["kwiecień", "kwietnia", "duben", "dubna", "aprilie", "nisan", "április", "апрель", "апреля", "квітень", "квітня", "април"],
  ["mei", "maj", "maja", "květen", "května", "mayıs", "mayis", "május", "май", "мая", "травень", "травня"],
  ["czerwiec", "czerwca", "červen", "června", "iunie", "haziran", "június", "июнь", "июня", "червень", "червня", "юни"],
  ["lipiec", "lipca", "červenec", "července", "iulie", "temmuz", "július", "июль", "июля", "липень", "липня", "юли"],
  ["augustus", "augusti", "sierpień", "sierpnia", "srpen", "srpna", "ağustos", "agustos", "augusztus", "август", "августа", "серпень", "серпня"],
  ["wrzesień", "września", "září", "septembrie", "eylül", "eylul", "szeptember", "сентябрь", "сентября", "вересень", "вересня", "септември"],
  ["październik", "października", "říjen", "října", "octombrie", "ekim", "október", "октябрь", "октября", "жовтень", "жовтня", "октомври"],
  ["listopadu", "noiembrie", "kasım", "kasim", "ноябрь", "ноября", "листопад", "листопада", "ноември"],
  ["grudzień", "grudnia", "prosinec", "prosince", "decembrie", "aralık", "aralik", "декабрь", "декабря", "грудень", "грудня", "декември"],
];
const MONTHS = new Map([...MONTH_WORDS, ...MORE_MONTH_WORDS].flatMap((words, index) => words.map((word): [string, number] => [word, (index % 12) + 1])));
// Only English writes the month first ("June 7, 2023"); "out 5 2019" is not Portuguese for October 5.
const ENGLISH_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
  .flatMap((name) => [name, name.slice(0, 3)])
  .concat("sept");

/** Weekday names (0 = Sunday) of the six languages; only English has abbreviations in common use. */
const WEEKDAY_WORDS: readonly (readonly string[])[] = [
  ["sunday", "sun", "dimanche", "sonntag", "domingo", "domenica"],
  ["monday", "mon", "lundi", "montag", "lunes", "segunda-feira", "segunda", "lunedì", "lunedi"],
  ["tuesday", "tue", "tues", "mardi", "dienstag", "martes", "terça-feira", "terça", "terca", "martedì", "martedi"],
  ["wednesday", "wed", "mercredi", "mittwoch", "miércoles", "miercoles", "quarta-feira", "quarta", "mercoledì", "mercoledi"],
  ["thursday", "thu", "thur", "thurs", "jeudi", "donnerstag", "jueves", "quinta-feira", "quinta", "giovedì", "giovedi"],
  ["friday", "fri", "vendredi", "freitag", "viernes", "sexta-feira", "sexta", "venerdì", "venerdi"],
  ["saturday", "sat", "samedi", "samstag", "sonnabend", "sábado", "sabado", "sabato"],
];
const WEEKDAYS = new Map(WEEKDAY_WORDS.flatMap((words, index) => words.map((word): [string, number] => [word, index])));

/**
 * Zone abbreviations news sites print, as the IANA zone that decides their offset: "ET"
 * is EST or EDT depending on the day, which only the zone's rules know.
 */
const ZONES = new Map([
  ["utc", "UTC"],
  ["gmt", "UTC"],
  ["z", "UTC"],
  ["et", "America/New_York"],
  ["est", "America/New_York"],
  ["edt", "America/New_York"],
  ["ct", "America/Chicago"],
  ["cst", "America/Chicago"],
  ["cdt", "America/Chicago"],
  ["mt", "America/Denver"],
  ["mst", "America/Denver"],
  ["mdt", "America/Denver"],
  ["pt", "America/Los_Angeles"],
  ["pst", "America/Los_Angeles"],
  ["pdt", "America/Los_Angeles"],
  ["bst", "Europe/London"],
  ["cet", "Europe/Paris"],
  ["cest", "Europe/Paris"],
  ["mez", "Europe/Berlin"],
  ["mesz", "Europe/Berlin"],
]);

const alternation = (names: Iterable<string>): string => [...names].sort((a, b) => b.length - a.length).join("|");
const MONTH = `(?<![\\p{L}])(?:${alternation(MONTHS.keys())})(?![\\p{L}])`;
const ENGLISH_MONTH = `(?<![\\p{L}])(?:${alternation(ENGLISH_MONTHS)})(?![\\p{L}])`;
const WEEKDAY = `(?<weekday>${alternation(WEEKDAYS.keys())})(?![\\p{L}])\\.?,?\\s*`;
const DAY_FIRST = `(?<dayFirst>\\d{1,2})(?:\\.|º|°|er|st|nd|rd|th)?\\s*(?:de\\s+)?(?<monthAfterDay>${MONTH})\\.?,?\\s*(?:de\\s+|del\\s+)?(?<yearAfterDay>\\d{4})`;
const MONTH_FIRST = `(?<monthFirst>${ENGLISH_MONTH})\\.?\\s+(?<dayAfterMonth>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<yearAfterMonth>\\d{4})`;
// Hungarian: "2015. augusztus 20., 11:16".
const YEAR_FIRST_NAMED = `(?<yearBeforeMonth>\\d{4})\\.?\\s+(?<monthAfterYear>${MONTH})\\s+(?<dayAfterYear>\\d{1,2})\\.?`;
// "à 07:19", "um 14.30 Uhr", "a las 10:00", "às 9h30", "alle 18:05", "at 6:01 am", ", 8:54 PM UTC".
/** The words before a time, in the six languages ("à 07:19", "a las 10:00", "um 14.30"). */
export const TIME_PREPOSITIONS = String.raw`(?:à|a\s+las|a\s+la|alle|ore|às|as|um|at|kl\.?)`;
const TIME =
  `(?:\\s*(?:,|-|–|—|\\||/)?\\s*(?:${TIME_PREPOSITIONS}\\s+)?` +
  "(?<hour>\\d{1,2})(?:(?:[:.]|h)(?<minute>\\d{2})(?::(?<second>\\d{2}))?|(?=\\s*[ap]\\.?\\s?m\\b))" +
  // "9:00a", as Vox Media's sites write it: the meridiem's letter alone, straight after the minutes.
  "\\s*(?<meridiem>[ap]\\.?\\s?m\\b\\.?|(?<=\\d)[ap](?![\\p{L}\\d]))?(?:\\s*(?:uhr|h)(?![\\p{L}]))?" +
  `(?:\\s*\\(?(?<zone>${alternation(ZONES.keys())})(?![\\p{L}])\\)?|\\s*(?:utc|gmt)?(?<offset>[+-]\\d{1,2}(?::?\\d{2})?)(?![\\d]))?)?`;
const DATE_IN_TEXT = new RegExp(`(?:${WEEKDAY})?(?:${DAY_FIRST}|${MONTH_FIRST}|${YEAR_FIRST_NAMED})(?!\\d)${TIME}`, "giu");

// A label just before a date says whether it is the publication or the update; CNN puts
// the time between them ("Updated 10:30 AM ET, Mon March 2, 2020").
const LABEL_TIME = String.raw`(?:\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{1,4})?,?)?`;
// A time just before a date, with AM or PM or its zone, and a comma before the date: "10:05 PM EDT, ".
// Not a bare number ("Version 2.10, March 16, 2024").
const TIME_BEFORE_DATE = new RegExp(
  `(?<![\\d:.$€£])(?<hour>\\d{1,2}):(?<minute>[0-5]\\d)\\s*(?:(?<meridiem>[ap]\\.?m\\.?)\\s*(?:(?<zone>${alternation(ZONES.keys())})(?![\\p{L}]))?|(?<zoneAlone>${alternation(ZONES.keys())})(?![\\p{L}]))\\s*,\\s*$`,
  "iu",
);
// The words that mark an update, in the six languages: one list for every reader of labels.
/** The words of an update label, in the languages the importer reads. */
export const UPDATE_WORDS = String.raw`(?:last\s+)?(?:updated|modified|mis\s+à\s+jour|mise\s+à\s+jour|actualisé|aktualisiert|geändert|actualizado|actualización|atualizado|atualização|aggiornato|aggiornamento)`;
/** The words between a date's label and the date ("Published on", "Publié le", "Veröffentlicht am"). */
export const LABEL_PREPOSITIONS = "(?:on|at|le|am|el|em|il|the)";
const UPDATED_LABEL = new RegExp(String.raw`${UPDATE_WORDS}(?:\s+${LABEL_PREPOSITIONS})?\s*:?${LABEL_TIME}\s*$`, "iu");
/** A line that opens with an update label ("Updated ...", "Mis à jour le ..."): its date is the update, never the publication. */
export const UPDATE_LABEL = new RegExp(String.raw`^${UPDATE_WORDS}(?![\p{L}])`, "iu");
/** An update word anywhere (a class name such as "updated" or "date-modified", or a label inside a line). */
export const UPDATE_MENTION = new RegExp(UPDATE_WORDS, "iu");
/** The words that label a publication date, in the six languages. */
export const PUBLISHED_WORDS = String.raw`(?:published|posted|first\s+published|publié|veröffentlicht|publicado|publicada|pubblicato|publicación|publicação)`;
const PUBLISHED_LABEL = new RegExp(String.raw`${PUBLISHED_WORDS}(?:\s+${LABEL_PREPOSITIONS})?\s*:?${LABEL_TIME}\s*$`, "iu");

/** A date found in a line of text. */
export interface DateMention {
  /** The text of the date as written, weekday and time included. */
  text: string;
  /** Where it starts and ends in the (whitespace-evened) line. */
  start: number;
  end: number;
  /** What the label before it says it is; unlabeled dates count as publication dates. */
  kind: "published" | "updated" | "unlabeled";
  date: Date;
  /** The date in a form the build reads. */
  value: string;
}

/**
 * Finds every spelled-out date in a line, in any of the six languages. A date whose weekday
 * does not match it, or that does not exist, is left out and its reason returned.
 * @param line one line of text, e.g. "Dan Goodin - Apr 16, 2015 8:02 pm UTC"
 * @param timeZone the configured zone, in which a date without a zone is read
 */
export function findDates(line: string, timeZone: string): { found: DateMention[]; rejected: { text: string; reason: string }[] } {
  const found: DateMention[] = [];
  const rejected: { text: string; reason: string }[] = [];
  // Every form has a four-digit year: most lines of a page have none, and need no further look.
  if (!/\d{4}/u.test(line)) return { found, rejected };
  const text = cleanInline(line);
  let previousEnd = 0;
  for (const match of text.matchAll(DATE_IN_TEXT)) {
    const before = text.slice(0, match.index);
    // CNN writes the time first: "Updated 10:05 PM EDT, Sat March 16, 2024". A time the date before took is not this one's.
    const candidateTime = match.groups?.hour === undefined ? TIME_BEFORE_DATE.exec(before) : null;
    const timeFirst = candidateTime !== null && candidateTime.index >= previousEnd ? candidateTime : null;
    const withTime = timeFirst?.groups && { ...match.groups, ...timeFirst.groups, zone: timeFirst.groups.zone ?? timeFirst.groups.zoneAlone };
    // A time that makes the date impossible is not its time: the date is read without it.
    const timed = withTime === undefined ? undefined : readGroups(withTime, timeZone);
    const useTime = timeFirst !== null && timed?.ok === true;
    const start = useTime ? timeFirst.index : match.index;
    const matched = `${useTime ? timeFirst[0] : ""}${match[0]}`.replace(/[\s,|/–—-]+$/u, "");
    const read = useTime && timed !== undefined ? timed : readGroups(match.groups ?? {}, timeZone);
    previousEnd = match.index + match[0].length;
    if (!read.ok) {
      rejected.push({ text: matched, reason: read.problem.message });
      continue;
    }
    const kind = UPDATED_LABEL.test(before) ? "updated" : PUBLISHED_LABEL.test(before) ? "published" : "unlabeled";
    found.push({ text: matched, start, end: start + matched.length, kind, ...read.value });
  }
  for (const match of text.matchAll(ISO_IN_TEXT)) {
    const { day, time, zone } = match.groups ?? {};
    const offset = zone === undefined ? "" : /^(?:utc|gmt|z)$/iu.test(zone) ? "Z" : zone.replace(/^([+-]\d{2}):?(\d{2})$/u, "$1:$2");
    const value = `${day}T${time}${offset}`;
    const parsed = parseDate(value, timeZone);
    if (!parsed.ok) {
      rejected.push({ text: match[0], reason: parsed.problem.message });
      continue;
    }
    const before = text.slice(0, match.index);
    const kind = UPDATED_LABEL.test(before) ? "updated" : PUBLISHED_LABEL.test(before) ? "published" : "unlabeled";
    found.push({ text: match[0], start: match.index, end: match.index + match[0].length, kind, date: parsed.value, value });
  }
  found.sort((a, b) => a.start - b.start);
  return { found, rejected };
}

// "By Seth Fiegerman2014-01-26 21:32:46 UTC": an ISO 8601 timestamp in a line, in any language, even run
// into the word before it (as a page's text copy runs a name and its date together); never inside a
// longer number. Only with its time: a day alone beside other words is as often a game's or a film's
// release ("Release Date 2014-06-26", Polygon) as the article's.
const ISO_IN_TEXT =
  /(?<![\d./-])(?<day>(?:19|20)\d{2}-[01]\d-[0-3]\d)[T ](?<time>[0-2]\d:[0-5]\d(?::[0-5]\d)?)(?:\s*(?<zone>utc|gmt|z|[+-][01]\d:?[0-5]\d))?(?![\d./:-])/giu;

/**
 * Reads a line that is one date and nothing else (a label such as "Publié le" aside), in
 * any of the six languages.
 * @param line one line of text
 * @param timeZone the configured zone
 */
export function readWholeDateLine(line: string, timeZone: string): DateMention | undefined {
  const text = cleanInline(line);
  const { found } = findDates(text, timeZone);
  const only = found[0];
  if (found.length !== 1 || only === undefined) return undefined;
  const label = text.slice(0, only.start);
  const rest = text.slice(only.end).trim();
  return rest === "" && (label.trim() === "" || UPDATED_LABEL.test(label) || PUBLISHED_LABEL.test(label)) ? only : undefined;
}

function readGroups(groups: Record<string, string | undefined>, timeZone: string): Result<{ date: Date; value: string }> {
  const month = MONTHS.get((groups.monthFirst ?? groups.monthAfterDay ?? groups.monthAfterYear ?? "").toLowerCase()) ?? 0;
  const day = Number(groups.dayFirst ?? groups.dayAfterMonth ?? groups.dayAfterYear);
  const year = Number(groups.yearAfterDay ?? groups.yearAfterMonth ?? groups.yearBeforeMonth);
  let hour = groups.hour === undefined ? undefined : Number(groups.hour);
  if (hour !== undefined && groups.meridiem !== undefined) {
    if (hour < 1 || hour > 12) return fail("impossible-date", `The hour ${hour} is written with AM or PM, which run from 1 to 12.`, "");
    hour = (hour % 12) + (groups.meridiem.toLowerCase().startsWith("p") ? 12 : 0);
  }
  const wallClock =
    `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` +
    (hour === undefined ? "" : `T${String(hour).padStart(2, "0")}:${groups.minute ?? "00"}${groups.second === undefined ? "" : `:${groups.second}`}`);
  const zone = groups.zone === undefined ? undefined : ZONES.get(groups.zone.toLowerCase());
  const offset = groups.offset === undefined ? undefined : normalOffset(groups.offset);
  const parsed = parseDate(offset === undefined ? wallClock : `${wallClock}${offset}`, hour === undefined ? timeZone : (zone ?? timeZone));
  if (!parsed.ok) return parsed;
  const weekday = groups.weekday === undefined ? undefined : WEEKDAYS.get(groups.weekday.toLowerCase());
  const actual = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (weekday !== undefined && weekday !== actual)
    return fail("impossible-date", `The weekday "${groups.weekday}" is not the weekday of ${wallClock.slice(0, 10)}.`, "");
  // A time with a zone becomes an instant with its offset; without one the wall clock stays, read in the configured zone.
  const value = hour !== undefined && (zone !== undefined || offset !== undefined) ? formatRfc3339(parsed.value, zone ?? "UTC") : wallClock;
  return ok({ date: parsed.value, value: offset !== undefined && zone === undefined ? `${wallClock}${offset}` : value });
}

function normalOffset(offset: string): string {
  const digits = offset.slice(1).replace(":", "");
  const hours = digits.length <= 2 ? digits : digits.slice(0, digits.length - 2);
  const minutes = digits.length <= 2 ? "00" : digits.slice(-2);
  return `${offset[0]}${hours.padStart(2, "0")}:${minutes}`;
}

// Languages whose people write the month first in numeric dates: only the United States
// (and a few places that follow it) among the languages pages declare.
const MONTH_FIRST_LOCALES = /^(?:en-us|en-ph|en-ca|fil)\b/iu;
// Year first ("2015.08.15 10:28" in Hungary, "2015/08/15" and "2014年01月16日" in China and Japan, "2015. 08. 15."
// and "2015년 8월 15일" in Korea): the one order there is, so never ambiguous. ISO 8601's hyphens are the build's own form.
const YEAR_FIRST =
  `(?<leadYear>(?:19|20)\\d{2})(?:(?<leadSep>[./])\\s?(?<leadMonth>\\d{1,2})\\k<leadSep>\\s?(?<leadDay>\\d{1,2})\\.?` +
  `|\\s?[年년]\\s?(?<cjkMonth>\\d{1,2})\\s?[月월]\\s?(?<cjkDay>\\d{1,2})\\s?[日일])`;
const NUMERIC_BODY =
  `(?:(?<first>\\d{1,2})(?<sep>[./-])(?<second>\\d{1,2})\\k<sep>(?<year>\\d{4}|\\d{2})|${YEAR_FIRST})` +
  `(?:[ t,]+(?:at\\s+)?(?<time>\\d{1,2}:\\d{2}(?::\\d{2})?)(?:\\s*(?<meridiem>[ap]\\.?m\\b\\.?))?` +
  `(?:\\s*\\(?(?<zone>${alternation(ZONES.keys())})(?![\\p{L}])\\)?)?)?`;
const NUMERIC = new RegExp(`^${NUMERIC_BODY}$`, "iu");
// In a line ("2/26/2015 7:11 AM PST BY TMZ STAFF", "3/09/15 8:00am"): not inside a longer number or a version.
const NUMERIC_IN_TEXT = new RegExp(`(?<![\\d./-])${NUMERIC_BODY}(?![\\d./-]*\\d)`, "iu");

/**
 * The first numeric date in a line of text, as written ("2/26/2015 7:11 AM PST"), for
 * {@link readNumericDate} to read in the page's order.
 * @param line a line of a date element
 */
export function findNumericDate(line: string): string | undefined {
  return NUMERIC_IN_TEXT.exec(cleanInline(line))?.[0].trim();
}

/** The year, month and day of a numeric date with the day and the month first, in the order the page's language gives. */
function dayAndMonth(text: string, groups: Record<string, string | undefined>, lang: string | undefined): Result<{ year: string; month: number; day: number }> {
  const first = Number(groups.first);
  const second = Number(groups.second);
  const declared = lang === undefined || lang.trim() === "" ? undefined : lang.trim();
  let monthFirst = declared === undefined || /^en$/iu.test(declared) ? undefined : MONTH_FIRST_LOCALES.test(declared);
  const shortYear = groups.year!.length === 2;
  if (monthFirst === undefined && !shortYear) {
    if (first > 12 && second <= 12) monthFirst = false;
    else if (second > 12 && first <= 12) monthFirst = true;
  }
  if (monthFirst === undefined)
    return fail(
      "ambiguous-date",
      declared === undefined
        ? `The date "${text}" is in numbers only and the page does not say its language (no <html lang>), so day and month cannot be told apart.`
        : `The date "${text}" is in numbers only and the page's language "${lang}" does not say whether the day or the month comes first.`,
      "Add the date to the article by hand, e.g. date: 2007-05-29.",
    );
  return ok({ year: shortYear ? `20${groups.year}` : groups.year!, month: monthFirst ? first : second, day: monthFirst ? second : first });
}

/**
 * Reads a numeric date ("05/29/2007 09:49:00", "2/26/2015 7:11 AM PST", "3/09/15 8:00am") in
 * the order the page's declared language uses. Where the language does not say (no language,
 * or a bare "en", day-first in Britain and month-first in the United States) a date is read
 * only when one reading alone is a real date ("2/26/2015"). A two-digit year is read only in
 * a declared order, as 20yy.
 * @param text the value as written
 * @param lang the page's `<html lang>`, if any
 * @param timeZone the configured zone
 */
export function readNumericDate(text: string, lang: string | undefined, timeZone: string): Result<{ date: Date; value: string }> | undefined {
  const groups = NUMERIC.exec(cleanInline(text))?.groups;
  if (groups === undefined) return undefined;
  const order =
    groups.leadYear === undefined
      ? dayAndMonth(text, groups, lang)
      : ok({ year: groups.leadYear, month: Number(groups.leadMonth ?? groups.cjkMonth), day: Number(groups.leadDay ?? groups.cjkDay) });
  if (!order.ok) return order;
  const { year, month, day } = order.value;
  let time = groups.time;
  if (time !== undefined && groups.meridiem !== undefined) {
    const [hours = "0", ...rest] = time.split(":");
    if (Number(hours) < 1 || Number(hours) > 12) return fail("impossible-date", `The hour ${hours} is written with AM or PM, which run from 1 to 12.`, "");
    time = [String((Number(hours) % 12) + (groups.meridiem.toLowerCase().startsWith("p") ? 12 : 0)), ...rest].join(":");
  }
  const wallClock = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}${time === undefined ? "" : `T${time.padStart(5, "0")}`}`;
  const zone = time === undefined || groups.zone === undefined ? undefined : ZONES.get(groups.zone.toLowerCase());
  const parsed = parseDate(wallClock, zone ?? timeZone);
  if (!parsed.ok) return parsed;
  return ok({ date: parsed.value, value: zone === undefined ? wallClock : formatRfc3339(parsed.value, zone) });
}

const ADDRESS_DATE = /\/(?<year>(?:19|20)\d{2})\/(?<month>\d{2})\/(?<day>\d{2})\//u;
const MONTH_DAY = new RegExp(
  `(?:${WEEKDAY})?(?:(?<monthFirst>${ENGLISH_MONTH})\\.?\\s+(?<dayAfterMonth>\\d{1,2})(?:st|nd|rd|th)?|(?<dayFirst>\\d{1,2})(?:\\.|º|°|er)?\\s*(?:de\\s+)?(?<monthAfterDay>${MONTH})\\.?)(?![\\d\\p{L}])(?!,?\\s*(?:de\\s+|del\\s+)?\\d{4})`,
  "iu",
);

/**
 * A date line that gives the month and day but no year ("March 18 at 3:57 PM"), completed
 * with the year of the page's own address when that address holds the same month and day
 * (".../2015/03/18/..."): the one place the page says the year.
 * @param line the date line
 * @param address the page's canonical (or og:url) address
 * @returns the line with the year put in ("March 18, 2015 at 3:57 PM"), or undefined
 */
export function withYearFromAddress(line: string, address: string | undefined): string | undefined {
  const fromAddress = address === undefined ? undefined : ADDRESS_DATE.exec(address)?.groups;
  if (fromAddress === undefined) return undefined;
  const text = cleanInline(line);
  const match = MONTH_DAY.exec(text);
  const groups = match?.groups;
  if (match === null || groups === undefined) return undefined;
  const month = MONTHS.get((groups.monthFirst ?? groups.monthAfterDay ?? "").toLowerCase());
  const day = Number(groups.dayAfterMonth ?? groups.dayFirst);
  if (month !== Number(fromAddress.month) || day !== Number(fromAddress.day)) return undefined;
  const end = match.index + match[0].length;
  return `${text.slice(0, end)}${groups.monthFirst === undefined ? " " : ", "}${fromAddress.year}${text.slice(end)}`;
}

// A wire dateline opening the first paragraph: "Feb. 23, 2015 -- Life-threatening peanut allergies ...".
const LEAD_DATELINE = /^(?<date>.{6,60}?)\s+(?:--|—|–)\s+\S/u;

/**
 * The date a paragraph opens with, as wire stories write it ("Feb. 23, 2015 -- Life-threatening
 * ..."): a whole date before a dash, and nothing else before it ("CAIRO —" is a place).
 * @param paragraph the first paragraph's text
 * @param timeZone the configured zone
 */
export function leadDateline(paragraph: string, timeZone: string): DateMention | undefined {
  const date = LEAD_DATELINE.exec(cleanInline(paragraph))?.groups?.date;
  return date === undefined ? undefined : readWholeDateLine(date, timeZone);
}
