/**
 * Line detectors for scraped article text: each looks at one line (already split,
 * CR/LF gone) and says what it is, or undefined when it cannot tell with confidence.
 * They never guess a value: a detector that recognizes a line returns the text as
 * written, and the callers decide what to do with it.
 */
import { fail, type Result } from "../diagnostics/diagnostic.js";
import { parseDate } from "../text/date.js";
import { cleanInline } from "../text/text.js";
import {
  findDates,
  findNumericDate,
  LABEL_PREPOSITIONS,
  PUBLISHED_WORDS,
  readNumericDate,
  readWholeDateLine,
  TIME_PREPOSITIONS,
  UPDATE_LABEL,
  UPDATE_WORDS,
} from "./date-line.js";

/** Why a line is page residue rather than article text. */
export type ResidueKind = "tracking code" | "share buttons" | "advertisement" | "cookie notice" | "page furniture";

// "!-- Google tag (gtag.js) -->" is how a tracking comment looks once a browser's text
// copy has eaten its "<"; the whole comment, with or without it, is residue.
const HTML_COMMENT = /^<?!--.*-->$|^<!--|^-->$/su;
const SCRIPT_LINE = /^<\/?(?:script|noscript|iframe|style)\b|^(?:window\.)?dataLayer\b|^(?:function\s+)?gtag\s*\(|^fbq\s*\(|^_gaq\b/iu;
const SHARE_WORDS = new Set([
  "share",
  "share this",
  "share this article",
  "share this story",
  "share this post",
  "share this page",
  "share article",
  "tweet",
  "print",
  "email",
  "e-mail",
  "facebook",
  "twitter",
  "linkedin",
  "whatsapp",
  "reddit",
  "telegram",
  "pinterest",
  "copy link",
  "copy url",
  "comments",
  "comment",
]);
// "X" alone is a letter; only in a row of other buttons is it the network.
const SHARE_ON = /^share\s+(?:on|via|to)\s+\S+$/iu;
const ADVERTISEMENT =
  /^(?:advertisement|advert|ad|sponsored(?: content)?|(?:story|article) continues below(?: this)? advertisement|advertisement\s*[-–—:]?\s*(?:scroll|continue) (?:down )?(?:to continue|reading)?.*|continue reading(?: below)?(?: the main story)?)$/iu;
const COOKIE = /\bcookies?\b/iu;
const MAX_COOKIE_NOTICE_WORDS = 60;
const COOKIE_CONTEXT = /\b(?:use|uses|using|accept|consent|agree|policy|settings|preferences|experience|browsing)\b/iu;
// Short button and navigation labels: residue only at the edges of the text, where
// pages put their banners and footers, never between body paragraphs.
const FURNITURE =
  /^(?:accept|accept all|accept cookies|reject all|decline|manage (?:cookies|preferences|settings)|cookie settings|got it|i agree|ok|skip to (?:main )?content|menu|search|sign in|log in|subscribe|subscribe now|sign up|newsletter|read more|related|related articles|related stories|more stories|most read|back to top|home|.{0,80}\ball rights reserved\.?)$/iu;

/**
 * Says whether a line is page residue that appears anywhere in scraped text: tracking
 * code and comments, share buttons, advertisement markers. These are dropped wherever they stand.
 * @param line one line of the source, untrimmed
 */
export function residueAnywhere(line: string): ResidueKind | undefined {
  const text = cleanInline(line);
  if (HTML_COMMENT.test(text) || SCRIPT_LINE.test(text)) return "tracking code";
  if (isShareLine(text)) return "share buttons";
  if (ADVERTISEMENT.test(text)) return "advertisement";
  return undefined;
}

/**
 * Says whether a line is residue that pages put before or after the article: cookie
 * notices, consent buttons, navigation, footers, plus everything `residueAnywhere` knows.
 * A body paragraph that talks about cookies is safe: this is only asked at the edges.
 * @param line one line of the source, untrimmed
 */
export function residueAtEdge(line: string): ResidueKind | undefined {
  const anywhere = residueAnywhere(line);
  if (anywhere !== undefined) return anywhere;
  const text = cleanInline(line);
  // A cookie notice is a few sentences; a paragraph about baking cookies is longer.
  if (COOKIE.test(text) && COOKIE_CONTEXT.test(text) && text.split(/\s+/u).length <= MAX_COOKIE_NOTICE_WORDS) return "cookie notice";
  if (FURNITURE.test(text)) return "page furniture";
  return undefined;
}

// "Facebook Twitter WhatsApp Email" and "Share | Tweet" are one row of buttons.
function isShareLine(text: string): boolean {
  const lower = text.toLowerCase();
  if (SHARE_WORDS.has(lower) || SHARE_ON.test(lower)) return true;
  const parts = lower.split(/\s*[|·•]\s*|\s+/u).filter(Boolean);
  return parts.length > 1 && parts.every((part) => SHARE_WORDS.has(part) || part === "x") && parts.some((part) => part !== "x");
}

// A label standing alone beside its value (a sidebar's "<dt>Date Released:</dt><dd>Tuesday February 21, 2011</dd>",
// or the value on the next line of text): only labels that can mean nothing but the publication
// or the author are read ("Date", "Released" alone may be an event's or a product's).
const PUBLISHED_LABEL_ALONE =
  /^(?:date\s+(?:released|published|posted)|(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|publication\s+date|date\s+of\s+publication|publish(?:ed)?\s+date|publié\s+le|date\s+de\s+publication|veröffentlicht(?:\s+am)?|publicado(?:\s+el)?|fecha\s+de\s+publicación|pubblicato(?:\s+il)?|data\s+di\s+pubblicazione|data\s+de\s+publicação)\s*:?$/iu;
const UPDATED_LABEL_ALONE = new RegExp(String.raw`^(?:date\s+)?${UPDATE_WORDS}(?:\s+(?:on|le|am|el|em|il))?\s*:?$`, "iu");
const AUTHOR_LABEL_ALONE = /^(?:authors?|written\s+by|posted\s+by|auteurs?|autor(?:es|in)?|autore|autori|verfasser)\s*:?$/iu;
// "Name:" says it is the author's only in a box about the author ("About the Author").
const NAME_LABEL_ALONE = /^(?:name|nom|nombre|nome)\s*:?$/iu;
const AUTHOR_HEADING = /\b(?:about\s+the\s+author|author|auteur|autor|autore|verfasser)s?\b/iu;

/**
 * What a label standing alone says its value is: the publication date, the update, the author,
 * or nothing this import reads.
 * @param label the label's text ("Date Released:")
 * @param aboutAuthor whether the label sits in a box about the author (a heading "About the Author" above it)
 */
export function labelMeaning(label: string, aboutAuthor: boolean): "published" | "updated" | "author" | undefined {
  const text = cleanInline(label);
  if (PUBLISHED_LABEL_ALONE.test(text)) return "published";
  if (UPDATED_LABEL_ALONE.test(text)) return "updated";
  if (AUTHOR_LABEL_ALONE.test(text) || (aboutAuthor && NAME_LABEL_ALONE.test(text))) return "author";
  return undefined;
}

/** True when a heading names a box about the author ("About the Author", "Author"). */
export const isAuthorHeading = (text: string): boolean => cleanInline(text).length <= 40 && AUTHOR_HEADING.test(cleanInline(text));

// Labels news sites put before a date; the date itself must follow in full.
const DATE_LABEL = /^(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified)(?:\s+(?:on|at))?|date|dated|on)\s*:?\s+/iu;

/** A date line: the date as written (label removed) and the instant it names. */
export interface DateLine {
  text: string;
  date: Date;
}

/**
 * Reads a line that holds a date and nothing else, in a form the build's date normalizer
 * reads ("February 25, 2022", "25 Feb 2022", "2022-02-25T14:30:00+03:30", "Published: ...").
 * @param line one line of the source
 * @param timeZone the configured zone, in which a date without an offset is read
 */
export function detectDateLine(line: string, timeZone: string): DateLine | undefined {
  const result = readDate(line, timeZone);
  return result.ok ? result.value : undefined;
}

/**
 * Like `detectDateLine`, but says why a line that looks like a date is not one, so the
 * import report can show the line it looked at and the normalizer's reason.
 * @param line one line of the source
 * @param timeZone the configured zone
 */
export function readDate(line: string, timeZone: string): Result<DateLine> {
  const text = cleanInline(line).replace(DATE_LABEL, "");
  const parsed = parseDate(text, timeZone);
  if (parsed.ok) return { ok: true, value: { text, date: parsed.value } };
  // A date the build does not read ("30 avril 2015 à 07:19") is written in a form it does.
  const spelled = readWholeDateLine(line, timeZone);
  if (spelled !== undefined) return { ok: true, value: { text: spelled.value, date: spelled.date } };
  // A spelled-out date that cannot exist says why better than "not a form the build reads".
  const rejected = findDates(line, timeZone).rejected[0];
  return rejected === undefined ? parsed : fail("impossible-date", rejected.reason, "Check the date against a calendar, and write it in the article by hand.");
}

/**
 * The publication and update dates a line holds, alone or beside other text ("Dan Goodin -
 * Apr 16, 2015 8:02 pm UTC", "April 28, 2019 at 6:01 am Updated April 29, 2019"). A date
 * labeled "Updated" is only ever the update. Values the build reads are kept as written.
 * @param line one line of the source
 * @param timeZone the configured zone
 */
export function datesIn(line: string, timeZone: string): { published?: DateLine; updated?: DateLine } {
  const whole = detectDateLine(line, timeZone);
  if (whole !== undefined) return UPDATE_LABEL.test(cleanInline(line)) ? { updated: whole } : { published: whole };
  const found: { published?: DateLine; updated?: DateLine } = {};
  for (const mention of findDates(line, timeZone).found) {
    const asWritten = parseDate(mention.text, timeZone).ok ? mention.text : mention.value;
    const key = mention.kind === "updated" ? "updated" : "published";
    found[key] ??= { text: asWritten, date: mention.date };
  }
  // "2/26/2015 7:11 AM PST BY TMZ STAFF": plain text says no language, so only a date with one reading.
  const numeric = found.published === undefined && found.updated === undefined ? findNumericDate(line) : undefined;
  const read = numeric === undefined ? undefined : readNumericDate(numeric, undefined, timeZone);
  if (read?.ok === true) found[UPDATE_LABEL.test(cleanInline(line)) ? "updated" : "published"] = { text: read.value.value, date: read.value.date };
  return found;
}

/**
 * The names of a byline wherever a header line holds one: opening it ("By Jane Doe"), in one
 * of its " | " parts ("Le Monde | 04.05.2015 | Par Martin Untersinger"), after its date
 * ("2/26/2015 7:11 AM PST BY TMZ STAFF"), or as an agency before its date ("AFP 30 avril 2015 à 07:19").
 * @param line one line of the source
 * @param timeZone the configured zone
 */
export function bylineIn(line: string, timeZone: string): string[] | undefined {
  const text = cleanInline(line);
  const whole = detectByline(text);
  if (whole !== undefined) return whole;
  const parts = text.split(/\s+[|•·]\s+/u);
  for (const part of parts.slice(1)) {
    const names = detectByline(part);
    if (names !== undefined) return names;
  }
  const dates = datesIn(text, timeZone);
  if (dates.published === undefined && dates.updated === undefined) return undefined;
  // "Linette Lopez | Sep. 21, 2011, 3:17 PM | 1,209 |" (Business Insider): a person's name, unlabeled, as the part before the date's.
  const [first = "", second = ""] = parts;
  if (isPersonName(first) && datesIn(second, timeZone).published !== undefined) return [first];
  // "Liliana Segura  Aug 4, 2011 10:03AM EDT" (Colorlines), "Dan Goodin - Apr 16, 2015 8:02 pm UTC" (Ars
  // Technica), "María R. Sahuquillo / Emilio de Benito  Madrid 27 OCT 2012 - 12:14 CET" (El País, with the
  // dateline's place): names set apart from the line's one date, nothing after it. Set apart: "Case Study
  // August 12, 2010" is a section's label over a headline.
  const apart = /^\s*(?<names>\P{N}+?)(?:\s{2,}|\s+[|•·,–—-]\s+)(?<date>\S.*)$/u.exec(line.replace(/\u00a0/gu, " "))?.groups;
  const names = apart === undefined ? undefined : detectByline(cleanInline(apart.names!), false);
  if (apart !== undefined && names?.every(isPersonName) && datedLine(apart.date!, timeZone)) return names;
  const source = datedSource(text, timeZone, dates);
  if (source !== undefined) return source;
  const by = /\s(?:by|par|von|por|di)\s+\S/iu.exec(text);
  const after = by === null ? undefined : detectByline(text.slice(by.index + 1));
  if (after !== undefined) return after;
  const lead = /^(?<name>[\p{Lu}][\p{L}.&'’ -]{1,40}?)\s+(?=\d|\p{L}+\.?\s+\d)/u.exec(text)?.groups?.name;
  return lead !== undefined && isOrganizationName(lead) ? [lead] : undefined;
}

// "Source:" in the six languages and in those whose month names the date reader knows.
const SOURCE_LABEL =
  /(?:^|\s)(?:source|quelle|fuente|fonte|forrás|źródło|zdroj|kilde|källa|bron|sursa|kaynak|источник|джерело|източник)\s*:\s*(?<name>[^:|]{2,40}?)\s*$/iu;

/**
 * The agency a dated line names as its source, at its end ("2015. augusztus 20., 11:16 forrás: MTI",
 * "14.03.2016, 10:12 Uhr Quelle: dpa"); a source that is no agency ("Source: a report") is none.
 * @param line one line
 * @param timeZone the configured zone
 * @param dates the line's dates, when the caller has read them
 */
export function datedSource(line: string, timeZone: string, dates?: ReturnType<typeof datesIn>): string[] | undefined {
  const text = cleanInline(line);
  const source = SOURCE_LABEL.exec(text)?.groups?.name;
  if (source === undefined || !isOrganizationName(source)) return undefined;
  const found = dates ?? datesIn(text, timeZone);
  return found.published === undefined && found.updated === undefined ? undefined : [source];
}

// A word of the place a dateline opens with, in capitals or not: "Madrid", "NEW YORK", "São Paulo".
const PLACE_WORD = /^\p{Lu}[\p{L}.'’-]+$/u;

/** True when a text is one unlabeled date, or a dateline: a place of up to three words and the date ("Madrid 27 OCT 2012 - 12:14 CET"). */
function datedLine(text: string, timeZone: string): boolean {
  const words = text.trim().split(/\s+/u);
  for (let place = 0; place <= 3 && place < words.length; place++) {
    if (place > 0 && !PLACE_WORD.test(words[place - 1]!)) return false;
    if (readWholeDateLine(words.slice(place).join(" "), timeZone)?.kind === "unlabeled") return true;
  }
  return false;
}

/**
 * True when a line holds dates and their labels only ("April 28, 2019 at 6:01 am Updated April 29, 2019").
 * @param text one line
 * @param timeZone the configured zone
 */
export function isDateOnlyLine(text: string, timeZone: string): boolean {
  let rest = cleanInline(text);
  for (const mention of findDates(rest, timeZone).found.reverse()) rest = rest.slice(0, mention.start) + rest.slice(mention.end);
  // A numeric date ("Published: 11/18/2011 2:27 AM") counts too: whether its order is known is the reader's question.
  const numeric = findNumericDate(rest);
  if (numeric !== undefined) rest = rest.replace(numeric, "");
  return DATE_LABELS_ONLY.test(rest);
}

// What may stand beside the dates of a date line: their labels ("Published:", "Last Modified:", "mis à jour le")
// or a preposition alone ("on June 26, 2014"), separators, an update's time of the same day ("27 octobre 2012
// à 18:27 (Mis à jour: 19:56)", Libération), and at the end the counts of a share bar ("286,248 40").
const DATE_LABEL_WORDS = String.raw`(?:(?:${PUBLISHED_WORDS}|${UPDATE_WORDS})(?:\s+${LABEL_PREPOSITIONS})?|${LABEL_PREPOSITIONS})(?![\p{L}])`;
const SAME_DAY_TIME = String.raw`(?:${TIME_PREPOSITIONS}\s+)?(?<!\d)\d{1,2}[:h]\d{2}(?:\s*[ap]\.?m\.?)?`;
const DATE_SEPARATORS = String.raw`[\s,:|·•–—()-]*`;
const DATE_LABELS_ONLY = new RegExp(
  String.raw`^${DATE_SEPARATORS}(?:(?:${DATE_LABEL_WORDS}|${SAME_DAY_TIME})${DATE_SEPARATORS})*(?:(?<=\s)\d[\d,.]*(?:\s+\d[\d,.]*)*\s*)?$`,
  "iu",
);

const YEAR = /(?<!\d)(?:1[89]|20)\d{2}(?!\d)/u;
const MONTH_OR_NUMERIC_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/iu;

/** True when a short line names a month (or is numeric) and a year: meant as a date line, even if the build cannot read it. */
export function looksLikeDate(line: string): boolean {
  const text = cleanInline(line);
  return text.length <= 60 && YEAR.test(text) && MONTH_OR_NUMERIC_DATE.test(text);
}

const MAX_CREDIT_LENGTH = 120;
// The label forms of credit lines; the credit normalizer in the build strips them again.
const CREDIT_LABEL =
  /^(?:image\s+source|(?:image|photo|picture)\s+credits?|credits?|photo(?:graph)?s?|pictures?|pics?|images?|foto)\s*(?::|\s-\s|\s?[–—]\s?)\s*\S/iu;
const CREDIT_PHRASE = /^(?:(?:photo(?:graph)?|picture|image)\s+(?:by|courtesy(?:\s+of)?)|courtesy(?:\s+of)?)\s+\S/iu;
const CREDIT_COPYRIGHT = /^(?:©|\(c\)\s|copyright\s)\s*\S/iu;
// An agency's photo credit with no label ("AP Photo", "AP Photo/Jane Doe", "Reuters/Jane Doe", "AFP/Getty
// Images"), and a photo viewer's button after it ("| AP Photo Close", Politico).
const AGENCY_CREDIT =
  /^(?:(?:ap|afp|epa|reuters|dpa|xinhua|ansa|efe|bloomberg)(?:\s+photo)?(?:\s*\/\s*[\p{L}][\p{L} .'’-]{1,40})?|(?:[\p{L}][\p{L} .'’-]{1,40}\/\s*)?getty\s+images)(?:\s+(?:close|enlarge|expand|zoom))?$/iu;
const VIEWER_BUTTON = /\s+(?:close|enlarge|expand|zoom)$/iu;

/**
 * Says whether a line is an image credit: "IMAGE SOURCE: ASSOCIATED PRESS", "Photo: Reuters",
 * "© Jane Doe / AFP", "Photo by Jane Doe", "Courtesy of NASA". Returns the line as written.
 * @param line one line of the source
 */
export function detectCreditLine(line: string): string | undefined {
  const text = cleanInline(line);
  if (text.length > MAX_CREDIT_LENGTH) return undefined;
  if (AGENCY_CREDIT.test(text)) return text.replace(VIEWER_BUTTON, "");
  return CREDIT_LABEL.test(text) || CREDIT_PHRASE.test(text) || CREDIT_COPYRIGHT.test(text) ? text : undefined;
}

// "Raisi in Tehran (Photo: Reuters)" or "Raisi in Tehran. Photo: Reuters": a caption that carries its credit.
const TRAILING_CREDIT = /^(?<caption>.*?\S)\s*(?:\((?<inParentheses>[^()]+)\)|(?<stop>[.|])\s+(?<afterStop>[^.|]+))$/su;

/**
 * Splits a caption line that ends with its credit, in parentheses or after a full stop or bar.
 * @param line one line of the source
 */
export function detectCaptionWithCredit(line: string): { caption: string; credit: string } | undefined {
  const text = cleanInline(line);
  const groups = TRAILING_CREDIT.exec(text)?.groups;
  const written = groups?.inParentheses ?? groups?.afterStop;
  const credit = written === undefined ? undefined : detectCreditLine(written);
  if (groups?.caption === undefined || credit === undefined) return undefined;
  const caption = groups.stop === "." ? `${groups.caption}.` : groups.caption;
  return { caption, credit };
}

// A byline names people with capitalized words: "By Jane Doe", "By Jane Doe and John Roe, Reuters".
const BYLINE_LABEL = /^(?:(?:posted|written|words|story|text|reporting|report)\s+)?(?:by|par|von|por|di|door)\s*:?\s+|^(?:author|auteur|autor|autore)\s*:\s*/iu;
// A nickname between the names is part of the name: "Richard (R.J.) Eskow".
const NAME_PARTICLE = /^(?:de|del|der|van|von|al|bin|da|di|le|la|dos|das)$/u;
const NAME =
  /^\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:(?:de|del|der|van|von|al|bin|da|di|le|la|dos|das)\s+)*(?:\p{Lu}[\p{L}\p{M}.'’-]*|\(\p{Lu}[\p{L}\p{M}.'’-]*\)(?=\s+\p{Lu}))){0,4}$/u;
const NICKNAME = /\s*\(\p{Lu}[\p{L}\p{M}.'’-]*\)\s+\p{Lu}/uy;
// "By Thursday, talks had stalled" opens a sentence, not a byline.
const CALENDAR_WORD =
  /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december|today|tomorrow|yesterday|noon|midnight)\b/iu;
const MAX_BYLINE_TAIL = 60;
// What a byline says of its author after a comma: "a deputy editor at The Verge", "Senior Reporter".
const ROLE =
  /^(?:(?:a|an|the|our)\s+)?(?:[\p{L}-]+\s+){0,3}?(?:editor|reporter|correspondent|writer|journalist|columnist|contributor|critic|producer|analyst|staff|author|photographer|host|director|chief)s?\b/iu;
// Where the names end: a separator, or a date (found by the date reader, in any of its languages).
const BYLINE_END = /\s+[-–—|·•]\s+|\s*[|·•]\s*|\s+[-–—]$/u;
// "María R. Sahuquillo / Emilio de Benito": a slash between names lists them too.
const LIST_SEPARATOR = /\s*(?:,|;|\s(?:and|und|et|y|e|&|\/)\s)\s*/u;
// What stands between the names and the date: "By Richard Lawler posted Aug 18th 2010", "By Sam Byford on June 29".
const BEFORE_DATE =
  /\s+(?:(?:posted|published|updated|written|publié|publiée|mis\s+à\s+jour|veröffentlicht|aktualisiert|publicado|publicada|actualizado|pubblicato|aggiornato)(?:\s+(?:on|at|le|am|el|il|em))?|on|at|le|am|el|il|em)$/iu;
// A numeric date after the names, spaced as pages print it ("10/ 5/11", "08.04.2015").
const NUMERIC_AFTER_NAMES = /\s+\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,4}(?!\d)/u;
// A label where a name should be: a link to the site's "Authors" page, a heading "Author".
const NOT_A_NAME = /^(?:authors?|by|writers?|contributors?|staff|more|about|profile|bio|follow|email|e-mail|twitter|contact)$/iu;

/**
 * Reads a byline into the names it gives: "By Jane Doe", "By Jane Doe and John Roe, Reuters",
 * "Dan Goodin - Apr 16, 2015 8:02 pm UTC", "by Laura June Topolsky July 10, 2015",
 * "By Alex Heath, a deputy editor at The Verge". A date, a separator or a role ends the names;
 * "(reporting)" and other parentheses are left out; a comma-separated list closed by "and" is
 * read whole; "(with B and C)" in any of the six languages adds B and C. Anything else after a
 * comma (an agency) is not a name.
 * @param line one line of the source, or the text of a byline element
 * @param labelRequired whether the line must open with "By" (true for plain text, where a line of names alone is not a byline)
 */
export function detectByline(line: string, labelRequired = true): string[] | undefined {
  const cleaned = cleanInline(line);
  // "(avec Damien Leloup et Morgane Tual)", "(with ...)": more authors; any other parenthesis ("(reporting)") is left out.
  const more = [...cleaned.matchAll(/\(\s*(?:with|avec|mit|con|com|insieme a)\s+([^()]+)\)/giu)].flatMap((match) => detectByline(match[1] ?? "", false) ?? []);
  const text = cleaned.replace(/\s*\([^()]*\)/gu, (match, offset: number) => {
    NICKNAME.lastIndex = offset;
    return offset > 0 && NICKNAME.test(cleaned) ? match : "";
  });
  if (text.length > 200) return undefined;
  const names = namesOf(text, labelRequired);
  return names === undefined ? undefined : [...new Set([...names, ...more])];
}

function namesOf(line: string, labelRequired: boolean): string[] | undefined {
  let text = line;
  const label = BYLINE_LABEL.exec(text);
  if (label === null && labelRequired) return undefined;
  text = text.slice(label?.[0].length ?? 0);
  // "@griffinmcelroy": a handle beside the name is not the name.
  text = text.replace(/(?:^|\s)@\w+/gu, "");
  const date = findDates(text, "UTC").found[0];
  if (date !== undefined) text = text.slice(0, date.start).trimEnd().replace(BEFORE_DATE, "");
  // "By PHILLIP RAWLS   10/ 5/11 09:19 PM ET": a numeric date ends the names too, read or not.
  const numeric = NUMERIC_AFTER_NAMES.exec(text);
  if (numeric !== null) text = text.slice(0, numeric.index).replace(BEFORE_DATE, "");
  const end = BYLINE_END.exec(text);
  if (end !== null) text = text.slice(0, end.index);
  text = text.replace(/[\s,;:-]+$/u, "");
  if (text === "" || CALENDAR_WORD.test(text) || NOT_A_NAME.test(text)) return undefined;
  const parts = text.split(LIST_SEPARATOR);
  const separators = [...text.matchAll(new RegExp(LIST_SEPARATOR.source, "gu"))].map((match) => match[0].trim());
  const names: string[] = [];
  for (const [index, part] of parts.entries()) {
    // "Par LILIAN ALEMAGNA, LAURE BRETTON Envoyés spéciaux": names set in capitals go on after a
    // comma while the next part opens with two words in capitals; the mixed-case rest is the role.
    const capitals = separators[index - 1] === "," && names.length > 0 && names.every(inCapitals) ? capitalsRun(part) : undefined;
    if (capitals !== undefined) {
      names.push(capitals);
      if (capitals.length < part.length) break;
      continue;
    }
    if (!NAME.test(part)) {
      // What follows the names must be a role or short (an agency, a place), never a sentence.
      const tail = parts.slice(index).join(", ");
      return names.length > 0 && separators[index - 1] === "," && (ROLE.test(tail) || tail.length <= MAX_BYLINE_TAIL) ? names : undefined;
    }
    const before = separators[index - 1];
    // After a comma, a name only continues the list when an "and" closes it: "A, B and C".
    if (before === "," && !separators.slice(index).some((separator) => separator !== "," && separator !== ";")) {
      const tail = parts.slice(index).join(", ");
      // "Par Bertille Bayart, Marie Visot" or "By Jane Doe, New York": a second person or a place,
      // which the words cannot tell; a list cut short would be a wrong byline, so none is read.
      if (
        names.every(inTitleCase) &&
        parts.slice(index).some((rest) => inTitleCase(rest) && rest.split(/\s+/u).length >= 2 && !isOrganizationName(rest) && !ROLE.test(rest))
      )
        return undefined;
      return tail.length <= MAX_BYLINE_TAIL || ROLE.test(tail) ? names : undefined;
    }
    // "Andrea Stone Senior Washington Correspondent": a role after the name ends the byline.
    const role = roleAfterName(part);
    if (role !== undefined) {
      names.push(role);
      break;
    }
    names.push(part);
  }
  // "Jane Doe / AFP": the agency beside a person is not an author.
  const people = names.filter((name) => !isOrganizationName(name));
  return people.length > 0 ? people : names.length > 0 ? names : undefined;
}

// The words of a section's or a feature's name, which a person's name beside a date never holds ("Top Stories | May 2, 2011").
const SECTION_WORD =
  /^(?:news|stories|story|top|latest|breaking|home|politics|world|business|sports?|opinion|local|tech|technology|markets?|money|health|science|entertainment|culture|style|travel|videos?|photos?|live|more|life|arts?|economy|weather|blogs?|features?|reviews?|today|media|the|and|of)$/iu;

/** True when a part of a line, unlabeled, can only be a person's name: two or three words in title case, no section's word. */
const isPersonName = (text: string): boolean => {
  // "Emilio de Benito", "Ludwig van Beethoven": the particles are no part of the count or the case.
  const parts = text.split(/\s+/u).filter((word) => !NAME_PARTICLE.test(word));
  return (
    parts.length >= 2 &&
    parts.length <= 3 &&
    inTitleCase(parts.join(" ")) &&
    NAME.test(text) &&
    !isOrganizationName(text) &&
    !parts.some((word) => SECTION_WORD.test(word))
  );
};

// "Bertille Bayart": every word capitalized, with lower case after its first letter (not "USA TODAY").
const inTitleCase = (name: string): boolean => name.split(/\s+/u).every((word) => /^\p{Lu}[\p{Ll}\p{M}.'’-]+$/u.test(word));
const inCapitals = (name: string): boolean => /\p{L}/u.test(name) && name === name.toUpperCase() && /\p{Lu}{2}/u.test(name);

/** The words in capitals that open a part, when there are two or more of them ("LAURE BRETTON Envoyés spéciaux" → "LAURE BRETTON"). */
function capitalsRun(part: string): string | undefined {
  const words = part.split(/\s+/u);
  const run: string[] = [];
  for (const word of words) {
    if (!inCapitals(word) || !NAME.test(word)) break;
    run.push(word);
  }
  // A name, then what it says of them in lower case (not a second name, not a sentence in capitals).
  const rest = words.slice(run.length);
  const name = run.join(" ");
  return run.length >= 2 && run.length <= 4 && !ROLE.test(name) && (rest.length === 0 || /^\p{Lu}?[\p{Ll}]/u.test(rest[0] ?? "")) ? name : undefined;
}

/**
 * True when a line says an author's role and nothing else ("BuzzFeed News Reporter", "Senior
 * Washington Correspondent"), as the line under a name does.
 * @param line one line of the source
 */
export function isRoleLine(line: string): boolean {
  const text = cleanInline(line);
  const role = ROLE.exec(text);
  return role !== null && role[0].length === text.length && text.split(/\s+/u).length <= 5;
}

/** The name before a role that follows it without a comma ("Andrea Stone Senior Washington Correspondent" → "Andrea Stone"). */
function roleAfterName(part: string): string | undefined {
  const words = part.split(/\s+/u);
  for (let at = 2; at < words.length; at++) {
    // A role of two words or more, one person's ("Senior Washington Correspondent"; "Editorial Writers" names a desk).
    const rest = words.slice(at).join(" ");
    const role = ROLE.exec(rest);
    if (role !== null && role[0].length === rest.length && words.length - at >= 2 && !/s$/u.test(rest)) return words.slice(0, at).join(" ");
  }
  return undefined;
}

// "TMZ Staff", "BBC News", "Redaktion", "AFP", "PAP": a byline that names no person; and the publisher's
// company as the CMS names it ("AWR Wprost Sp. z o.o.", "Axel Springer AG", "Example Media, Inc.").
const ORGANIZATION_NAME = new RegExp(
  [
    /(?:^|\s)(?:staff|desk|newsroom|news|editors|editorial\s+board|team|redaktion|rédaction|redacción|redação|redazione|wire|agencies)$/u.source,
    /^(?:afp|ap|dpa|ansa|efe|reuters|associated\s+press|agence\s+france-presse|press\s+association|pa|upi|kyodo|xinhua|lusa|apa|sda|ats)$/u.source,
    /^(?:pap|čtk|ctk|tass|ria\s+novosti|bta|mti|yonhap|aap|anp|belga|epa|europa\s+press|anadolu|ians|pti|bernama|antara|notimex|télam|telam)$/u.source,
    /[\s,](?:inc|ltd|llc|gmbh|ag|plc|corp|s\.\s?a|s\.\s?l|s\.\s?p\.\s?a|s\.\s?r\.\s?l|b\.\s?v|n\.\s?v|sp\.\s?z\s?o\.\s?o|kft|zrt|s\.\s?r\.\s?o|a\.\s?s)\.?$/u
      .source,
  ].join("|"),
  "iu",
);

// "admin", "webmaster", "user2": the CMS account that posted the page, which a page's author meta often
// names (dcterms.creator "admin" above the byline "Liliana Segura"); it is nobody's name.
const ACCOUNT_NAME = /^(?:admin(?:istrator)?|webmaster|webadmin|root|sysop|user|guest|editor|author|unknown|default|wordpress|n\/a|none|null|undefined)\d*$/iu;

/** True when an author value is a site account's login ("admin"), not a byline. */
export function isAccountName(name: string): boolean {
  return ACCOUNT_NAME.test(cleanInline(name));
}

/**
 * True when a byline's name is an organization's (a newsroom, a desk, a wire agency), not a person's.
 * @param name one name from {@link detectByline}
 */
export function isOrganizationName(name: string): boolean {
  return ORGANIZATION_NAME.test(cleanInline(name));
}

const MAX_TITLE_LENGTH = 200;

/**
 * Says whether a line can be a headline: short, not a sentence ending with a full stop,
 * not a date or credit. A headline that ends with a full stop is only trusted when the
 * page repeats it (`repeated`).
 * @param line the candidate line
 * @param repeated whether the same text appears again in the header
 */
export function isTitleLike(line: string, repeated: boolean): boolean {
  const text = cleanInline(line);
  if (text === "" || text.length > MAX_TITLE_LENGTH || detectCreditLine(text) !== undefined) return false;
  return repeated || !/[.:;,]$/u.test(text) || NO_SENTENCE_END.test(text);
}

// A headline may end in an abbreviation's period ("... Relations With U.S.", "... Buys Acme Inc."), or trail off
// ("MEANWHILE: Developments In Greece..."): no sentence ends there.
const NO_SENTENCE_END = /(?:(?<![\p{L}.])(?:\p{Lu}\.){2,}|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros|Dr|St|vs)\.|\p{L}\.{3})$/u;

/** True when two lines say the same thing once whitespace and Unicode forms are evened out. */
export function sameLine(a: string, b: string): boolean {
  return cleanInline(a).toLowerCase() === cleanInline(b).toLowerCase();
}
