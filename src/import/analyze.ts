/**
 * Reads the shape of an article saved as text from a web page: residue, headline, dek,
 * date line, repeated headline, byline, caption and credit, then the body. Every field
 * carries the source line it came from; a field that is not found with confidence is
 * absent and a note says which line was looked at and why it was not trusted.
 */
import type { Problem } from "../diagnostics/diagnostic.js";
import { parseDate } from "../text/date.js";
import { cleanBlock, cleanInline } from "../text/text.js";
import {
  datesIn,
  type DateLine,
  isDateOnlyLine,
  bylineIn,
  detectCaptionWithCredit,
  detectCreditLine,
  detectByline,
  detectDateLine,
  isOrganizationName,
  isRoleLine,
  isTitleLike,
  looksLikeDate,
  readDate,
  residueAnywhere,
  residueAtEdge,
  sameLine,
} from "./detect.js";
import { findDates, findNumericDate, leadDateline, readNumericDate, readWholeDateLine, UPDATE_MENTION } from "./date-line.js";
import { proseLanguage } from "./language.js";
import type { Evidence } from "./metadata.js";

/** A value and the 1-based source line it was read from. */
export interface Found {
  value: string;
  line: number;
}

/** Why a field is missing, or a line that was read but not used. */
export interface Note {
  field: string;
  message: string;
  line?: number;
  text?: string;
}

/** What was detected in one article. */
export interface Detection {
  title?: Found;
  description?: Found;
  /** The date as written, and the instant it names in the configured zone. */
  date?: Found & { date: Date };
  /** When the article changed after publication (dateModified, "Updated ..."); never the publication date. */
  updated?: Found & { date: Date };
  /** The names; `organization` when the page's only author is one ("BBC News"). */
  authors?: Found & { names: string[]; organization?: boolean };
  image?: { src?: Found; alt?: Found; caption?: Found; credit?: Found };
  /**
   * Body blocks: plain-text paragraphs word for word (only surrounding whitespace removed),
   * or, from HTML, each block's text with the Markdown that renders it.
   */
  body: (Found & { markdown?: string })[];
  /** Every source's value for each metadata field of an HTML page, and which one was used. */
  evidence?: Evidence[];
  /** The encoding a file not in UTF-8 was read in, and the line that declared it. */
  encoding?: Found;
  /** Set when the page cannot be read at all, at this position. */
  blocked?: { line: number; column: number; message: string };
  /** Lines recognized as page residue or as a repeat of the headline, and left out. */
  dropped: (Found & { reason: string })[];
  notes: Note[];
}

/** A non-empty source line. */
interface Line {
  line: number;
  text: string;
}

// The header (dek, date, repeated headline, byline, caption, credit) sits within these
// many lines after the headline; a marker further down is part of the body.
const HEADER_WINDOW = 6;

type Marker =
  | "date"
  | "unreadable-date"
  | "title"
  | "credit"
  | "caption-and-credit"
  | "byline"
  | "byline-and-date"
  | "dates"
  | "reading-time"
  | "comments-link"
  | "follow-button"
  | "role";

// "Oct 29 · 6 min read", "4 min read": the reading time a blog (Medium, Hashnode) shows beside its
// date, in the header under the headline; it is no headline, dek or paragraph.
const READING_TIME = /\b\d{1,3}\s*(?:min(?:ute)?s?)\.?\s+read\b/iu;
const ARTICLE_WORD = /^(?:the|a|an|le|la|les|el|los|las|der|die|das|il|lo|gli|os|as)\s/iu;
// "Follow", "Follow Followed", "ProfileFollowUnfollow": the button beside an author's name (Medium, Kinja).
const FOLLOW_BUTTON = /^(?:profile\s*)?follow(?:\s*(?:un)?follow(?:ed|ing)?)*$/iu;

/**
 * The name a line gives when it is a name alone with a follow button, a role or the date under it
 * ("Chad Wyatt" above "Follow", Medium; "Mark Di Stefano" above "BuzzFeed News Reporter"; "Jane Doe"
 * above "Tue 15 Oct 2019 08.00 BST", the Guardian): a byline without its "By". A name of one word
 * ("Business" above "Like Follow") is too often a section's.
 */
function bareByline(content: readonly Line[], position: number): string[] | undefined {
  const next = content[position + 1];
  const text = cleanInline(content[position]?.text ?? "");
  if (words(text) < 2 || words(text) > 4) return undefined;
  // Under a headline or dek only, a name above the date: a short headline ("Brexit Deal Collapses") reads as a name too.
  const underTitle = words(content[position - 1]?.text ?? "") >= DEK_HEADLINE_WORDS;
  const marked =
    next !== undefined &&
    (FOLLOW_BUTTON.test(cleanInline(next.text)) || isRoleLine(next.text) || (underTitle && readWholeDateLine(next.text, "UTC") !== undefined));
  if (!marked) return undefined;
  // "The Startup" above "Follow" is a publication: a person's name opens with no article.
  if (ARTICLE_WORD.test(text)) return undefined;
  const names = detectByline(text, false);
  return names?.length === 1 && names[0] === text && !isOrganizationName(text) ? names : undefined;
}

/**
 * Analyzes the text of one scraped article.
 * @param source the file's text (any line endings, BOM allowed)
 * @param timeZone the configured zone, in which date lines without an offset are read
 */
export function analyzeText(source: string, timeZone: string): Detection {
  const detection: Detection = { body: [], dropped: [], notes: [] };
  const drop = (line: Line, reason: string) => detection.dropped.push({ value: cleanInline(line.text), line: line.line, reason });
  const allLines: Line[] = source
    .replace(/^\uFEFF/u, "")
    .split(/\r\n|\r|\n/u)
    .map((text, index) => ({ line: index + 1, text }));
  const nonEmpty = allLines.filter((line) => cleanInline(line.text) !== "");

  let start = 0;
  let end = nonEmpty.length;
  for (; start < end; start++) {
    const kind = residueAtEdge(nonEmpty[start]?.text ?? "");
    if (kind === undefined) break;
    drop(nonEmpty[start] as Line, kind);
  }
  for (; end > start; end--) {
    const kind = residueAtEdge(nonEmpty[end - 1]?.text ?? "");
    if (kind === undefined) break;
    drop(nonEmpty[end - 1] as Line, kind);
  }
  const content = nonEmpty.slice(start, end).filter((line) => {
    const kind = residueAnywhere(line.text);
    if (kind !== undefined) drop(line, kind);
    return kind === undefined;
  });

  let index = 0;
  // Some pages put the date above the headline.
  const dateFirst = content[0] === undefined ? undefined : detectDateLine(content[0].text, timeZone);
  if (dateFirst !== undefined && content[0] !== undefined) {
    detection.date = { value: dateFirst.text, line: content[0].line, date: dateFirst.date };
    index = 1;
  }
  // Navigation above the headline: the lines before the headline that opens the header. A
  // whole page copied as text has other stories' headers too: the article's is the one
  // followed by the most prose.
  const story = storyInPage(content, index, timeZone);
  const found = story?.headline ?? headlineAfterNavigation(content, index, timeZone);
  const headline = isTrailTo(content[found], content[found + 1]) ? found + 1 : found;
  const dateAbove = story !== undefined && story.anchor < story.headline ? content[story.anchor] : undefined;
  const aboveDate = dateAbove === undefined || detection.date !== undefined ? undefined : factsOf(dateAbove.text, timeZone).dates.published;
  if (aboveDate !== undefined && dateAbove !== undefined) detection.date = { value: aboveDate.text, line: dateAbove.line, date: aboveDate.date };
  for (const line of content.slice(index, headline)) drop(line, "navigation");
  index = headline;

  const candidate = content[index];
  if (candidate === undefined) {
    detection.notes.push({ field: "title", message: "The file holds no article text once page residue is removed." });
  } else {
    const repeated = content.slice(index + 1, index + 1 + HEADER_WINDOW).some((line) => sameLine(line.text, candidate.text));
    if (isTitleLike(candidate.text, repeated)) {
      detection.title = { value: cleanInline(candidate.text), line: candidate.line };
      index++;
    } else {
      detection.notes.push({
        field: "title",
        line: candidate.line,
        text: cleanInline(candidate.text),
        message: "The first line of text is not trusted as the headline: it is long, ends like a sentence or is a credit, and the page does not repeat it.",
      });
    }
  }

  // The last line is never header: a date there closes the article, it does not open it.
  const window = content.slice(index, Math.min(index + HEADER_WINDOW, content.length - 1));
  const markers = window.map((line, position) => {
    // The role under a name alone ("BuzzFeed News Reporter") is the byline's, not the dek.
    if (position > 0 && bareByline(content, index + position - 1) !== undefined && isRoleLine(line.text)) return "role";
    const marker = markerOf(line, detection, timeZone, bareByline(content, index + position) !== undefined);
    // A count of comments after a paragraph closes the article; it does not make the paragraph header.
    return marker === "comments-link" && window.slice(0, position).some((above) => words(above.text) >= PROSE_WORDS) ? undefined : marker;
  });
  const headerLength = markers.findLastIndex((marker) => marker !== undefined) + 1;
  readHeader(window.slice(0, headerLength), markers, detection, timeZone);
  // A dateline over the headline gives the date the header does not ("Case Study August 12, 2010, 5:00PM EST", BusinessWeek).
  const over = story !== undefined && detection.title !== undefined && story.headline === headline ? content[headline - 1] : undefined;
  const overDate = over === undefined || detection.date !== undefined ? undefined : kickerDate(over.text, timeZone);
  if (overDate !== undefined && over !== undefined) detection.date = { value: overDate.text, line: over.line, date: overDate.date };
  if (headerLength === 0 && window[0] !== undefined && detection.title !== undefined) {
    detection.notes.push({
      field: "description",
      line: window[0].line,
      text: cleanInline(window[0].text),
      message:
        "Nothing marks the end of the header (no date line, credit or repeated headline), so the line after the headline is kept as the first paragraph rather than taken as the dek.",
    });
  }

  // Between a header and prose that starts far below it (buttons, reactions, tags), nothing is the article's.
  const bodyStart = shareBarEnd(content, Math.max(index + headerLength, story?.from ?? 0));
  for (const line of content.slice(index + headerLength, bodyStart)) drop(line, "page furniture between the header and the article");
  const body = content.slice(bodyStart, story?.end ?? content.length);
  for (const line of content.slice(story?.end ?? content.length)) drop(line, "the rest of the page, after the article");
  const last = body.at(-1);
  // A date closes the article only after its last sentence; under a headline it is a teaser's
  // ("Rumors surround North Korean leader's absence | USA NOW" above "Oct 10, 2014", USA Today).
  const closesProse = PROSE_END.test(cleanInline(body.at(-2)?.text ?? ""));
  const trailingDate = detection.date === undefined && last !== undefined && closesProse ? detectDateLine(last.text, timeZone) : undefined;
  if (trailingDate !== undefined && last !== undefined) {
    detection.date = { value: trailingDate.text, line: last.line, date: trailingDate.date };
    body.pop();
  }
  for (const line of body.splice(footerStart(body))) drop(line, "navigation or footer");
  const box = boxBeforeProse(body);
  for (const line of body.splice(box.start, box.end - box.start)) drop(line, "other stories' links, before the article");
  // A wire dateline opens the first paragraph ("Feb. 23, 2015 -- Life-threatening ..."); the paragraph stays whole.
  const lead = detection.date === undefined ? body.slice(0, 4).find((line) => words(line.text) > 8) : undefined;
  const dateline = lead === undefined ? undefined : leadDateline(lead.text, timeZone);
  if (dateline !== undefined && lead !== undefined) detection.date = { value: dateline.value, line: lead.line, date: dateline.date };
  // Word for word: only the surrounding whitespace goes, no-break spaces at the line's end
  // included, as the build drops them.
  detection.body = body.map((line) => ({ value: cleanBlock(line.text), line: line.line }));
  if (detection.date === undefined) {
    const header = [...(dateAbove === undefined ? [] : [dateAbove]), ...window.slice(0, headerLength)];
    const { published, updated, unread } = numericDatesInLanguage(
      header,
      detection.body.map((block) => block.value),
      timeZone,
    );
    if (published !== undefined) detection.date = published;
    else if (unread !== undefined) detection.notes.push(unread);
    if (updated !== undefined) detection.updated ??= updated;
  }

  noteMissing(detection, content, timeZone);
  detection.dropped.sort((a, b) => a.line - b.line);
  return detection;
}

// A share bar is this many lines of a word or two ("Print", "Email", "Share", "Tweet", "| FoxNews.com").
const MIN_SHARE_BAR = 3;

/** Where the article starts past a share bar right under its header (the first paragraph); `from` when there is none. */
/**
 * Whether a line is a breadcrumb trail that ends with the next line, the headline it leads to
 * ("Tutaj jesteś: Strona główna | Biznes  Polityka i gospodarka  W Polsce najwięcej wydają…" over
 * "W Polsce najwięcej wydają…", wprost.pl): the trail is navigation.
 */
function isTrailTo(trail: Line | undefined, next: Line | undefined): boolean {
  if (trail === undefined || next === undefined) return false;
  const [long, short] = [cleanInline(trail.text).toLowerCase(), cleanInline(next.text).toLowerCase()];
  // A trail's steps are set apart ("Home > World > ", "Strona główna | Biznes"): a headline that only ends like the line below it is no trail.
  return words(short) >= 3 && long.endsWith(short) && /[|/>»›:]/u.test(long.slice(0, -short.length)) && /\s$/u.test(long.slice(0, -short.length));
}

function shareBarEnd(content: readonly Line[], from: number): number {
  let position = from;
  while (position < content.length && words((content[position] as Line).text) <= 2 && !PROSE_END.test(cleanInline((content[position] as Line).text)))
    position++;
  return position - from >= MIN_SHARE_BAR && words(content[position]?.text ?? "") >= PROSE_WORDS ? position : from;
}

type Dated = Found & { date: Date };

/**
 * The dates of header lines in numbers alone ("08.04.2015 12:46", heise; "Le Monde | 04.05.2015 à
 * 13h36 • Mis à jour le 05.05.2015 à 20h13"), read in the order of the language the article is
 * written in: plain text declares none, but its prose says it. English leaves the order open (day
 * first in Britain, month first in the United States), so there a date with two readings stays unread.
 */
function numericDatesInLanguage(
  header: readonly Line[],
  paragraphs: readonly string[],
  timeZone: string,
): { published?: Dated; updated?: Dated; unread?: Note } {
  const found: { published?: Dated; updated?: Dated; unread?: Note } = {};
  if (!header.some((line) => findNumericDate(line.text) !== undefined)) return found;
  const language = proseLanguage(paragraphs);
  for (const line of header) {
    const text = cleanInline(line.text);
    // "• Mis à jour le 05.05.2015": the numbers after an update label are the update's.
    const label = UPDATE_MENTION.exec(text);
    for (const [part, kind] of [
      [label === null ? text : text.slice(0, label.index), "published"],
      [label === null ? "" : text.slice(label.index), "updated"],
    ] as const) {
      const numeric = findNumericDate(part);
      const read = numeric === undefined ? undefined : readNumericDate(numeric, language, timeZone);
      if (read?.ok === true) found[kind] ??= { value: read.value.value, line: line.line, date: read.value.date };
      else if (read !== undefined && kind === "published")
        found.unread ??= {
          field: "date",
          line: line.line,
          text,
          message: `This line looks like a date but is not used: ${unreadReason(read.problem, numeric!, language)}`,
        };
    }
  }
  return found;
}

/** Why a date in numbers alone was not read, as plain text has it: no declared language, only its prose's. */
function unreadReason(problem: Problem, numeric: string, language: string | undefined): string {
  if (problem.rule !== "ambiguous-date") return problem.message;
  return language === undefined
    ? `"${numeric}" is in numbers only, and the text's prose does not say its language, so day and month cannot be told apart.`
    : `"${numeric}" is in numbers only, and the text is in English, where the day comes first in Britain and the month in the United States.`;
}

// How far into the text a header is looked for when the first line does not open one.
const NAVIGATION_WINDOW = 80;
const words = (text: string): number => cleanInline(text).split(/\s+/u).filter(Boolean).length;

/** What a line says as a header line: its dates, its byline's names, whether it is dates alone. */
interface LineFacts {
  dates: { published?: DateLine; updated?: DateLine };
  byline: string[] | undefined;
  dateOnly: boolean;
  /** A numeric date and nothing else, read or not ("08.04.2015 12:46" where the text says no language). */
  numericOnly: boolean;
}

// The header readers ask the same lines again and again (a line is a header candidate, a marker, a
// byline above a date line); each line's facts are worked out once per zone.
const factsCache = new Map<string, Map<string, LineFacts>>();
const MAX_CACHED_LINES = 50_000;

/** A line's header facts, worked out once. */
function factsOf(text: string, timeZone: string): LineFacts {
  let cache = factsCache.get(timeZone);
  if (cache === undefined) {
    cache = new Map();
    factsCache.set(timeZone, cache);
  }
  const known = cache.get(text);
  if (known !== undefined) return known;
  if (cache.size >= MAX_CACHED_LINES) cache.clear();
  const cleaned = cleanInline(text);
  const facts: LineFacts = {
    dates: datesIn(text, timeZone),
    byline: bylineIn(text, timeZone),
    dateOnly: isDateOnlyLine(text, timeZone),
    numericOnly: cleaned !== "" && findNumericDate(cleaned) === cleaned,
  };
  cache.set(text, facts);
  return facts;
}

// The words of a section's name before a dateline's timestamp ("Case Study", "text size: T T Your Company").
const MAX_KICKER_WORDS = 6;

/**
 * The timestamp of a dateline: a section's name of a few words, then a date with its time, ending the
 * line ("Case Study August 12, 2010, 5:00PM EST"). A date alone, a date without a time, an update,
 * a byline or a sentence is none: a teaser's date line may stand over a headline too.
 */
function kickerDate(text: string, timeZone: string): DateLine | undefined {
  const cleaned = cleanInline(text);
  const { found } = findDates(cleaned, timeZone);
  const only = found[0];
  if (found.length !== 1 || only === undefined || only.kind === "updated" || !only.value.includes("T") || only.end !== cleaned.length) return undefined;
  const kicker = words(cleaned.slice(0, only.start));
  if (kicker < 1 || kicker > MAX_KICKER_WORDS || factsOf(text, timeZone).byline !== undefined) return undefined;
  // Kept as written where the build reads it, else in the form it reads (as datesIn does).
  return { text: parseDate(only.text, timeZone).ok ? only.text : only.value, date: only.date };
}

// "— Shay Friedman (@ironshay) August 22, 2013": a quotation's attribution (an embedded post).
const ATTRIBUTION = /^[—–―-]\s*\S/u;

/**
 * True when a line is a date or byline line: what follows a headline. A quotation's attribution
 * is no header line; a numeric date alone is one even where its order is unknown (it marks the
 * header; it is not read).
 */
function opensHeader(line: Line, timeZone: string): boolean {
  if (ATTRIBUTION.test(cleanInline(line.text))) return false;
  const { dates, byline, dateOnly, numericOnly } = factsOf(line.text, timeZone);
  return byline !== undefined || dates.published !== undefined || (dates.updated !== undefined && dateOnly) || numericOnly || readingTime(line.text);
}

/**
 * Where the headline is when navigation comes first ("The Verge / Tech / Reviews / ...").
 * The first line stays the headline when its own repeat follows it, or when it has three
 * words or more and a date or byline follows; otherwise the headline is the first title-like line of three words or more among the
 * three above the first date or byline line.
 */
function headlineAfterNavigation(content: readonly Line[], start: number, timeZone: string): number {
  const first = content[start];
  if (first === undefined) return start;
  const near = content.slice(start + 1, start + 1 + HEADER_WINDOW);
  if (near.some((line) => sameLine(line.text, first.text))) return start;
  // A section name ("World") is no headline even when a byline follows below it.
  if (words(first.text) >= 3 && near.some((line) => opensHeader(line, timeZone))) return start;
  const comments = commentsStart(content, start);
  const anchor = content.findIndex(
    (line, position) => position > start && position <= start + NAVIGATION_WINDOW && position < comments && opensHeader(line, timeZone),
  );
  if (anchor === -1) return headlineLike(first.text) ? start : (headlineBeforeProse(content, start) ?? start);
  for (let position = Math.max(start, anchor - 3); position < anchor; position++) {
    const line = content[position] as Line;
    if (headlineLike(line.text)) return position;
  }
  return start;
}

/**
 * Where the readers' comments start: at a comments heading ("Réagir", "10 réactions", "Post a
 * comment") that follows a paragraph's worth of prose. After it no header is the article's.
 * The text's length when there is none.
 */
function commentsStart(content: readonly Line[], start: number): number {
  let prose = 0;
  // The last line of three words or more: a comments heading straight under a headline is its count
  // ("2012 map takes unfamiliar shape" over "718 Comments", Politico), the header's, not the comments'.
  let above = "";
  for (let position = start; position < Math.min(content.length, start + MAX_HEADER_SEARCH); position++) {
    const text = (content[position] as Line).text;
    const count = words(text);
    if (count >= PROSE_WORDS) prose += count;
    else if (prose >= 2 * PROSE_WORDS && COMMENTS_START.test(cleanInline(text)) && !headlineLike(above)) return position;
    if (count >= 3) above = text;
  }
  return content.length;
}

/**
 * Without a date or byline line: when the first line cannot be the headline (a section name, a site's greeting
 * "Hi, I'm Nicolas.", a tagline), the first line that can, directly above a paragraph.
 */
function headlineBeforeProse(content: readonly Line[], start: number): number | undefined {
  for (let position = start + 1; position < Math.min(content.length - 1, start + NAVIGATION_WINDOW); position++)
    if (headlineLike((content[position] as Line).text) && words((content[position + 1] as Line).text) >= PROSE_WORDS) return position;
  return undefined;
}

// A line of that many words is prose however it ends.
const LONG_PROSE_WORDS = 30;
// A short sentence: this many words, ending as a sentence or opening a list or a code sample.
const SENTENCE_WORDS = 5;
const SENTENCE_END = /[.!?…:]$/u;
// A line of prose: a sentence's worth of words.
const PROSE_WORDS = 12;
// Short lines (subheads, list items, captions) an article's prose runs across; more in a row end it.
const PROSE_GAP = 8;
// A line of a code sample ("});", "// comment", "/* comment */", "if (res.ok) {"): part of the article, as prose is.
const CODE_LINE = /[;{}[\]]$|^[}\])]|^\/[/*]|\*\/$|^#\s|^<\/?[a-z]/u;
// A line indented in the text as copied ("    image: mongo" in a YAML sample): a code sample's, as
// prose keeps no indent; its short lines do not end the article.
const INDENTED = /^(?:[ \u00a0]{2,}|\t)\S/u;
// "From: Herald Sun", "Source: AP": a labelled header line, no headline.
const LABEL_LINE = /^(?:from|source|sources|filed\s+(?:to|under)|posted\s+in|category|section|tags?|topics?|quelle|fuente|fonte|source\s+:)\s?:\s/iu;
const tokensOf = (text: string): string[] =>
  cleanInline(text)
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];
// "Mac & i > News > 2015 > 1Password ...": a breadcrumb, whose last part may be the headline but which is not it.
const BREADCRUMB = /(?:\s[>›»/]\s.*){2,}/u;
// "(3) If a library with that name exists - drink", "2. Top Gear Hosts ...": an item of a numbered list.
const NUMBERED = /^(?:\(\d{1,3}\)|\d{1,3}[.)])\s/u;
// "Stuck at home? Enjoy free courses, on us →", "Python Tutorials →": a link that leads on, no headline.
const LINK_END = /[→⟶➔➜›»▸]$/u;
/** A line of a few words that tells the reading time ("Oct 29 · 6 min read"). */
const readingTime = (text: string): boolean => words(text) <= 8 && READING_TIME.test(cleanInline(text));
/**
 * A line that can be a headline: title-like, three words or more (punctuation is no word), not a
 * label, a breadcrumb, a list item, a link that leads on, a reading time or an author's role.
 */
const headlineLike = (text: string): boolean =>
  isTitleLike(text, false) &&
  !LINK_END.test(cleanInline(text)) &&
  !readingTime(text) &&
  tokensOf(text).length >= 3 &&
  !LABEL_LINE.test(text) &&
  !BREADCRUMB.test(text) &&
  !NUMBERED.test(cleanInline(text)) &&
  !isRoleLine(text) &&
  detectCaptionWithCredit(text) === undefined;
// How long a box of links inside the article may be, and how many paragraphs in a row after it say the article goes on.
const MAX_BOX_LINES = 20;
const PROSE_RUN = 3;
// "Comments (12)", "Réagir", "You must log in to post a comment": the readers' comments start.
// The readers' comments, as the six languages name them.
const COMMENT_NOUNS = "(?:comments?|commentaires?|kommentare?|comentarios?|commenti|reactions?|réactions?)";
const COMMENTS_START = new RegExp(
  String.raw`^(?:\d+\s+)?(?:${COMMENT_NOUNS}|réagir|reagieren)(?:\s*\(\d+\))?\s*:?$|\b(?:post|leave|add|write|poster|laisser|écrire|rédiger)\s+(?:a|an|un|your|votre)\s+(?:comment|reply|commentaire)\b`,
  "iu",
);
// "718 Comments", "Comments (12)", "12 commentaires": the count of the readers' comments, a link in the header.
const COMMENT_COUNT = new RegExp(String.raw`^(?:\d[\d,.]*\s+${COMMENT_NOUNS}|${COMMENT_NOUNS}\s*\(\d+\))$`, "iu");
// Bounds of the whole-page reading: the headers weighed, and the lines one article's prose is followed for.
const MAX_ANCHORS = 2000;
const MAX_HEADER_SEARCH = 20_000;
const MAX_STORY_LINES = 5000;
// How far above its date or byline line a headline is looked for.
const HEADLINE_REACH = 8;
// The fewest words of a headline above a dek, and of the dek.
const DEK_HEADLINE_WORDS = 5;
const DEK_WORDS = 12;

/**
 * In a whole page copied as text (menus, teasers with their own dates and bylines, sidebars,
 * comments), the article: of the date and byline lines with a headline above them, the one
 * followed by the most prose. Its headline is the longest title-like line among the few above
 * (a kicker or a section name is shorter); the article ends where its prose does, when much
 * of the page follows. Undefined when no header has prose after it.
 */
function storyInPage(content: readonly Line[], start: number, timeZone: string): { headline: number; anchor: number; end: number; from?: number } | undefined {
  // Each line is read once; the scans below only look these up, and are bounded (hostile text can be all anchors).
  let reach = Math.min(content.length, start + MAX_HEADER_SEARCH);
  // A header line is short; a paragraph that mentions a date opens nothing.
  const opens = content.map(
    (line, position) =>
      position >= start && position <= reach && words(line.text) <= 40 && (opensHeader(line, timeZone) || bareByline(content, position) !== undefined),
  );
  const counts = content.map((line) => words(line.text));
  const kinds = content.map((line, position) => {
    const text = cleanInline(line.text);
    // A paragraph ends like a sentence (or runs long); a rail of headlines ("3:31 PM Microsoft one-ups ...") does not.
    if ((counts[position] ?? 0) >= PROSE_WORDS && (PROSE_END.test(text) || (counts[position] ?? 0) >= LONG_PROSE_WORDS) && !tagList(text)) return "prose";
    if ((counts[position] ?? 0) <= 6 && FOOTER_START.test(text) && !linkInProse(content, position)) return "footer";
    if (CODE_LINE.test(text) || INDENTED.test(line.text)) return "code";
    // A short sentence ("Now we're ready to start writing our web server:") neither adds to the prose nor ends it.
    return (counts[position] ?? 0) >= SENTENCE_WORDS && SENTENCE_END.test(text) ? "sentence" : "short";
  });
  // A box of other stories inside the article ("Related Articles" and a few teasers, each with its
  // date) is passed over when the article's prose goes on after it (paragraphs in a row); its
  // teasers' dates head no story. A box after the article, of headlines and their blurbs, ends it.
  const boxEnd = new Map<number, number>();
  const inBox = new Set<number>();
  let proseSoFar = 0;
  for (let position = start; position < reach; position++) {
    if (kinds[position] === "prose") proseSoFar++;
    // Only a box with prose before it is inside an article; "Newsletter" in the menu above is not.
    if (kinds[position] !== "footer" || proseSoFar === 0) continue;
    let resume = position + 1;
    while (resume < content.length && resume - position <= MAX_BOX_LINES && kinds[resume] !== "prose") resume++;
    if (!Array.from({ length: PROSE_RUN }, (_, offset) => kinds[resume + offset]).every((kind) => kind === "prose")) continue;
    boxEnd.set(position, resume);
    for (let inner = position; inner < resume; inner++) inBox.add(inner);
  }
  reach = Math.min(reach, commentsStart(content, start));
  /** The prose that follows a line: its words, and the line after its last paragraph. */
  const proseFrom = (from: number, until = content.length): { score: number; end: number } => {
    let score = 0;
    let gap = 0;
    let end = from;
    const limit = Math.min(until, from + MAX_STORY_LINES);
    for (let position = from; position < limit && gap <= PROSE_GAP; position++) {
      const kind = kinds[position];
      if (kind === "footer") {
        const resume = boxEnd.get(position);
        if (resume === undefined) break;
        position = resume - 1;
        continue;
      }
      if (kind === "prose") {
        score += counts[position] ?? 0;
        gap = 0;
        end = position + 1;
      } else if (kind === "short") gap++;
      // A code sample is the article's as its prose is (a tutorial may be more code than prose).
      else if (kind === "code") score += counts[position] ?? 0;
    }
    return { score, end };
  };
  /**
   * The nearest line above `below` that can be a headline (no header line, not a paragraph, not a
   * caption over its credit), within reach. Lines of one or two words (buttons, counts, a name:
   * Mashable's "1.1k", "Shares", "What's This?") are no headline and do not use up the reach.
   */
  const headlineAbove = (below: number): number | undefined => {
    let reached = 0;
    for (let position = below - 1; position >= Math.max(start, below - 2 * HEADLINE_REACH) && reached < HEADLINE_REACH; position--) {
      const text = (content[position] as Line).text;
      if ((counts[position] ?? 0) <= 2) continue;
      reached++;
      const caption = detectCreditLine(content[position + 1]?.text ?? "") !== undefined;
      if (opens[position] || caption || !headlineLike(text) || (counts[position] ?? 0) > 25) continue;
      return position;
    }
    return undefined;
  };
  let best: { headline: number; anchor: number; end: number; score: number; from?: number } | undefined;
  // Every header with its headline, in order, for the one just above the longest run of prose.
  const headers: { headline: number; anchor: number }[] = [];
  let anchors = 0;
  for (let anchor = start; anchor < reach && anchors < MAX_ANCHORS; anchor++) {
    if (!opens[anchor] || inBox.has(anchor)) continue;
    anchors++;
    let headline = headlineAbove(anchor);
    // A shortened repeat of the headline just below it (TMZ: "Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!",
    // "Lupita Nyong'o", "$150K Pearl Oscar Dress ... STOLEN!!!!"): the full one is the headline.
    if (headline !== undefined) {
      const short = new Set(tokensOf((content[headline] as Line).text));
      for (let position = headline - 1; position >= Math.max(start, headline - 2); position--) {
        const text = (content[position] as Line).text;
        const full = new Set(tokensOf(text));
        if (!opens[position] && isTitleLike(text, false) && full.size > short.size && [...short].every((token) => full.has(token))) headline = position;
      }
    }
    // Under a dateline, a shorter title-like line above the one found is the headline, and the one found
    // its dek (BusinessWeek: the dateline, "Olivia Munn: Queen of the Uncool", "The Web and cable star has
    // achieved fame by targeting nerdy guys, who ...", "By Felix Gillette").
    const upper = headline === undefined ? undefined : headline - 1;
    if (
      headline !== undefined &&
      upper !== undefined &&
      upper > start &&
      !opens[upper] &&
      headlineLike((content[upper] as Line).text) &&
      (counts[upper] ?? 0) < (counts[headline] ?? 0) &&
      kickerDate((content[upper - 1] as Line).text, timeZone) !== undefined
    )
      headline = upper;
    // Headline, dek, then the byline or date: the dek is the longer line just above the header, the
    // headline the shorter one above it (the Guardian: headline, standfirst, "Jane Doe", date;
    // BusinessWeek: "Olivia Munn: Queen of the Uncool", its dek, "By Felix Gillette"). Five words at
    // least, so that a kicker ("Russia-Ukraine war live") stays no headline.
    else if (
      headline !== undefined &&
      upper !== undefined &&
      upper > start &&
      opens.slice(headline + 1, anchor).every(Boolean) &&
      !opens[upper] &&
      headlineLike((content[upper] as Line).text) &&
      (counts[upper] ?? 0) >= DEK_HEADLINE_WORDS &&
      // A dek is a sentence's length, well beyond its headline's; a line only a little longer may be the headline under a kicker.
      (counts[headline] ?? 0) >= DEK_WORDS &&
      (counts[headline] ?? 0) >= 1.5 * (counts[upper] ?? 0) &&
      // A headline stands below short lines (a menu, a section, a kicker) or a date line, not below a rail of other headlines.
      (upper - 1 < start || (counts[upper - 1] ?? 0) < DEK_HEADLINE_WORDS || opens[upper - 1] === true)
    )
      headline = upper;
    // A date line above the headline (Salon): the headline is the longer title-like line below it, unless that
    // is a caption or repeats a headline above (the seed: headline, dek, date, the headline again).
    const below = content[anchor + 1];
    const belowCount = counts[anchor + 1] ?? 0;
    if (
      below !== undefined &&
      belowCount >= 3 &&
      belowCount <= 25 &&
      !opens[anchor + 1] &&
      isTitleLike(below.text, false) &&
      (factsOf(content[anchor]?.text ?? "", timeZone).dateOnly || factsOf(content[anchor]?.text ?? "", timeZone).numericOnly) &&
      // a byline just above makes the date the end of a header, not its start (Herald Sun: headline, by:, From:, date)
      !content.slice(Math.max(start, anchor - 3), anchor).some((line) => factsOf(line.text, timeZone).byline !== undefined) &&
      detectCaptionWithCredit(below.text) === undefined &&
      !content.slice(Math.max(start, anchor - HEADLINE_REACH), anchor).some((line) => sameLine(line.text, below.text)) &&
      (headline === undefined || belowCount > (counts[headline] ?? 0))
    )
      headline = anchor + 1;
    if (headline === undefined) continue;
    headers.push({ headline, anchor });
    const { score, end } = proseFrom(anchor + 1);
    // A teaser just above the article reaches the same prose: the header nearest to that prose is the article's.
    if (best === undefined || score >= best.score) best = { headline, anchor, end, score };
  }
  // The longest run of prose on the page is the article's when it holds more than twice the words
  // the best header leads to. Where that header comes after it (How To Node: its headline, then its
  // prose; the dates in a sidebar's list of revisions below), the header is a sidebar's, and the
  // headline is sought just above the run. Where the header comes before it, the header is the
  // article's when prose of its own follows it, cut by a list or a box too long to pass (Real
  // Python's table of contents): the article goes on to the run's end.
  // A header with no prose of its own may still be the article's: the last one above the run, when
  // only short lines (buttons, reactions, tags: The Huffington Post) stand between them.
  const run = longestRun(kinds, start, reach, proseFrom);
  if (run !== undefined && (best === undefined || run.score > 2 * best.score)) {
    const above = headers.findLast((header) => header.anchor < run.from && run.from - header.anchor <= MAX_HEADER_GAP);
    const bare = above !== undefined && kinds.slice(above.anchor + 1, run.from).every((kind) => kind !== "prose") ? above : undefined;
    const runHeadline = headlineAbove(run.from);
    if (best !== undefined && best.anchor < run.from && best.score >= 2 * PROSE_WORDS) best = { ...best, end: Math.max(best.end, run.end), score: run.score };
    else if (bare !== undefined) best = { ...bare, end: run.end, score: run.score, from: run.from };
    else if (runHeadline !== undefined && run.score >= MIN_ARTICLE_WORDS) best = { headline: runHeadline, anchor: runHeadline, end: run.end, score: run.score };
  }
  if (best === undefined || best.score < 2 * PROSE_WORDS) return undefined;
  // Clean text keeps its last lines: only a page with much after the prose is cut there.
  const end = content.length - best.end > PROSE_GAP ? best.end : content.length;
  return { headline: best.headline, anchor: best.anchor, end, ...(best.from === undefined ? {} : { from: best.from }) };
}

// "Labor, Video, Business News, Alabama Economy, ...": a list of tags, however long, is no prose.
const tagList = (text: string): boolean => {
  const parts = text.split(/\s*[,|·•]\s*/u).filter(Boolean);
  return parts.length >= 5 && parts.every((part) => words(part) <= 4);
};
// A run of prose under a headline alone is an article from this many words (a box of four teasers' blurbs is not).
const MIN_ARTICLE_WORDS = 100;
// How far below its header the article's prose may start, past buttons, reactions and tags.
const MAX_HEADER_GAP = 40;

/** The run of prose with the most words between `start` and `reach`: where it starts, its words and its end. */
function longestRun(
  kinds: readonly string[],
  start: number,
  reach: number,
  proseFrom: (from: number, until: number) => { score: number; end: number },
): { from: number; score: number; end: number } | undefined {
  let longest: { from: number; score: number; end: number } | undefined;
  for (let position = start; position < reach; position++) {
    if (kinds[position] !== "prose") continue;
    // The readers' comments after `reach` are no part of a run.
    const run = { from: position, ...proseFrom(position, reach) };
    if (longest === undefined || run.score > longest.score) longest = run;
    position = Math.max(position, run.end - 1);
  }
  return longest;
}

// Lines that open a page's footer: what follows them is other articles and links.
const FOOTER_START =
  /^(?:related(?:\s+(?:stories|articles|content|coverage|posts|reading))?|more\s+(?:from|stories|on|news|in)\b.*|most\s+(?:read|popular|viewed)|(?:recevoir|get|receive|sign\s+up\s+for|subscribe\s+to)\s+(?:(?:la|our|the)\s+)?newsletter|newsletter|(?:en\s+)?direct|live(?:\s+(?:updates|blog|ticker))?|liveticker|le\s+fil\s+info|recommended(?:\s+for\s+you)?|read\s+(?:more|next)|you\s+(?:may|might)\s+also\s+like|trending(?:\s+now)?|latest\s+(?:news|stories)|comments?(?:\s+\(\d+\))?|about\s+the\s+author|topics|tags)\s*:?$/iu;
const PROSE_END = /[.!?…"”’)\]]$/u;
// "Read more" between two paragraphs of the article (a link to another story), not above a list of them.
const READ_MORE = /^read\s+(?:more|next)\s*:?$/iu;

/** True when a "Read more" line stands inside the article's prose: a paragraph follows it at once. */
function linkInProse(lines: readonly Line[], position: number): boolean {
  const next = lines[position + 1];
  return READ_MORE.test(cleanInline((lines[position] as Line).text)) && next !== undefined && words(next.text) >= PROSE_WORDS;
}
const FOOTER_LOOKBACK = 30;
// "Related Items" over other stories' links, between a header and its article (BusinessWeek).
const BOX_START = /^related\s+(?:items|links)\s*:?$/iu;

/**
 * A box of other stories' links that opens the body, before its first paragraph ("Related Items",
 * five headlines, "Story Tools", "E-mail", "Print"): from its heading to the paragraph. Empty when
 * the body opens otherwise.
 */
function boxBeforeProse(body: readonly Line[]): { start: number; end: number } {
  const prose = body.findIndex((line) => words(line.text) >= PROSE_WORDS);
  const heading = body.slice(0, Math.max(0, prose)).findIndex((line) => {
    const text = cleanInline(line.text);
    return words(text) <= 6 && (FOOTER_START.test(text) || BOX_START.test(text));
  });
  return heading === -1 || prose - heading > MAX_BOX_LINES ? { start: 0, end: 0 } : { start: heading, end: prose };
}

/**
 * Where a page's footer begins in the body: at a line that opens one ("Related stories",
 * "Most read") near the end, else after the last line of prose when two or more short
 * lines (links, section names) follow it. The body's length when there is none.
 */
function footerStart(body: readonly Line[]): number {
  for (let position = Math.max(1, body.length - FOOTER_LOOKBACK); position < body.length; position++) {
    const text = cleanInline((body[position] as Line).text);
    if (words(text) <= 6 && FOOTER_START.test(text) && !linkInProse(body, position)) return position;
  }
  const lastProse = body.findLastIndex((line) => words(line.text) >= 6 || PROSE_END.test(cleanInline(line.text)));
  return body.length - (lastProse + 1) >= 2 && lastProse >= 0 ? lastProse + 1 : body.length;
}

function markerOf(line: Line, detection: Detection, timeZone: string, bareName: boolean): Marker | undefined {
  if (detection.title !== undefined && sameLine(line.text, detection.title.value)) return "title";
  if (bareName) return "byline";
  if (FOLLOW_BUTTON.test(cleanInline(line.text))) return "follow-button";
  // "By Richard Lawler  posted Aug 18th 2010 7:30PM" reads as a labelled date line, and names its author too.
  if (detectDateLine(line.text, timeZone) !== undefined) return factsOf(line.text, timeZone).byline === undefined ? "date" : "byline-and-date";
  if (detectCreditLine(line.text) !== undefined) return "credit";
  const { dates, byline, dateOnly } = factsOf(line.text, timeZone);
  const hasDate = dates.published !== undefined || dates.updated !== undefined;
  if (byline !== undefined) return hasDate ? "byline-and-date" : "byline";
  // "April 28, 2019 at 6:01 am Updated April 29, 2019 at 9:00 am": dates and their labels only.
  if (hasDate && dateOnly) return "dates";
  if (detectCaptionWithCredit(line.text) !== undefined) return "caption-and-credit";
  // Meant as a date, so neither dek nor caption, even though the build cannot read it.
  if (looksLikeDate(line.text)) return "unreadable-date";
  if (readingTime(line.text)) return "reading-time";
  // "718 Comments" under the headline (Politico): a link to the comments, no dek.
  if (COMMENT_COUNT.test(cleanInline(line.text))) return "comments-link";
  return undefined;
}

/** Assigns the header lines: markers to their fields, the line before a credit to the caption, the first other line to the dek. */
function readHeader(header: readonly Line[], markers: readonly (Marker | undefined)[], detection: Detection, timeZone: string): void {
  const setDate = (line: Line, text: string) => {
    const found = detectDateLine(text, timeZone);
    if (found === undefined) return;
    if (detection.date === undefined) detection.date = { value: found.text, line: line.line, date: found.date };
    else if (found.date.getTime() !== detection.date.date.getTime())
      detection.notes.push({
        field: "date",
        line: line.line,
        text: found.text,
        message: `A second date line differs from the one used (line ${detection.date.line}); it is left out.`,
      });
  };
  const setUpdated = (line: Line, found: DateLine | undefined) => {
    if (found !== undefined && detection.updated === undefined) detection.updated = { value: found.text, line: line.line, date: found.date };
  };
  const setDates = (line: Line, text: string) => {
    const { published, updated } = factsOf(text, timeZone).dates;
    if (published !== undefined) setDate(line, published.text);
    setUpdated(line, updated);
  };
  const setAuthors = (line: Line, text: string) => {
    // A name alone is a byline only as its marker says (a follow button under it).
    // The line as written: names set apart from a date by spaces ("…de Benito  Madrid 27 OCT 2012") are apart only there.
    const names = factsOf(line.text, timeZone).byline ?? detectByline(text, false);
    if (names !== undefined && detection.authors === undefined) detection.authors = { value: cleanInline(text), line: line.line, names };
  };
  const image = (): NonNullable<Detection["image"]> => (detection.image ??= {});
  header.forEach((line, position) => {
    const marker = markers[position];
    const text = cleanInline(line.text);
    if (marker === "title") {
      detection.dropped.push({ value: text, line: line.line, reason: "repeated headline" });
    } else if (marker === "reading-time") {
      detection.dropped.push({ value: text, line: line.line, reason: "reading time" });
    } else if (marker === "comments-link") {
      detection.dropped.push({ value: text, line: line.line, reason: "a link to the comments" });
    } else if (marker === "follow-button") {
      detection.dropped.push({ value: text, line: line.line, reason: "follow button" });
    } else if (marker === "role") {
      detection.dropped.push({ value: text, line: line.line, reason: "the author's role" });
    } else if (marker === "date" || marker === "dates") {
      setDates(line, text);
    } else if (marker === "unreadable-date") {
      // Without any date the missing-date note names this line; beside a date it is only left out.
      if (detection.date !== undefined)
        detection.notes.push({ field: "date", line: line.line, text, message: "A second date line, in a form the build cannot read, is left out." });
    } else if (marker === "byline") {
      setAuthors(line, text);
    } else if (marker === "byline-and-date") {
      setAuthors(line, text);
      setDates(line, text);
    } else if (marker === "credit") {
      image().credit ??= { value: text, line: line.line };
    } else if (marker === "caption-and-credit") {
      const split = detectCaptionWithCredit(text);
      if (split !== undefined && image().caption === undefined) {
        image().caption = { value: split.caption, line: line.line };
        image().credit = { value: split.credit, line: line.line };
      }
    } else if (markers[position + 1] === "credit" && detection.image?.caption === undefined) {
      image().caption = { value: text, line: line.line };
    } else if (words(text) === 1 && !PROSE_END.test(text)) {
      // "RSS", "Email", "Print" (Politico): a button between the headline and the byline, no dek.
      detection.dropped.push({ value: text, line: line.line, reason: "share buttons" });
    } else if (detection.description === undefined) {
      detection.description = { value: text, line: line.line };
    } else {
      detection.notes.push({
        field: "header",
        line: line.line,
        text,
        message: "A header line that is neither dek, date, byline, caption nor credit is left out.",
      });
    }
  });
}

function noteMissing(detection: Detection, content: readonly Line[], timeZone: string): void {
  const { notes } = detection;
  if (detection.date === undefined && !notes.some((note) => note.field === "date")) {
    const nearMiss = content.slice(0, HEADER_WINDOW + 2).find((line) => looksLikeDate(line.text));
    const reason = nearMiss === undefined ? undefined : readDate(nearMiss.text, timeZone);
    notes.push(
      nearMiss !== undefined && reason !== undefined && !reason.ok
        ? {
            field: "date",
            line: nearMiss.line,
            text: cleanInline(nearMiss.text),
            message: `This line looks like a date but is not used: ${reason.problem.message}`,
          }
        : { field: "date", message: "No line above or below the headline, nor the last line, is a date in a form the build reads." },
    );
  }
  if (detection.description === undefined && !notes.some((note) => note.field === "description"))
    notes.push({
      field: "description",
      message: "No dek between the headline and the date, byline or credit lines; the build will summarize the first paragraph.",
    });
  if (detection.authors === undefined) notes.push({ field: "author", message: 'No "By ..." line in the header; the config\'s author applies.' });
  if (detection.image === undefined) notes.push({ field: "image", message: "No caption or credit line in the header: the article gets no image." });
  else if (detection.image.src === undefined)
    notes.push({
      field: "image.src",
      message:
        "The text names no image address, so the caption and credit are kept as image_caption and image_credit: add `image: /path/to/photo.jpg` for them to apply.",
    });
  if (detection.body.length === 0) notes.push({ field: "body", message: "No body paragraphs follow the header." });
}
