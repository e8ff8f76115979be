/**
 * The metadata of a saved page, read from every place pages put it and weighed in one
 * order of trust: JSON-LD (schema.org articles, in @graph or arrays), microdata (itemprop),
 * Open Graph and article:*, Dublin Core and other <meta name>, then what the page shows
 * (h1, <title>, <time>, byline and date elements). For each field the most trusted source
 * with a usable value wins; every other source's value is kept as evidence, with why it
 * lost, so that --dry-run can show where each field came from.
 */
import type { Element, Root } from "hast";
import { toText } from "hast-util-to-text";
import type { Result } from "../diagnostics/diagnostic.js";
import { parseDate } from "../text/date.js";
import { cleanInline } from "../text/text.js";
import {
  findDates,
  findNumericDate,
  leadDateline,
  readNumericDate,
  readWholeDateLine,
  UPDATE_LABEL,
  UPDATE_MENTION,
  withYearFromAddress,
} from "./date-line.js";
import { bylineIn, datedSource, datesIn, detectByline, isAccountName, isAuthorHeading, isOrganizationName, labelMeaning } from "./detect.js";
import { classOf, descendants, lineOf, tokens } from "./hast.js";

/** The fields metadata decides. */
export type MetaField = "title" | "description" | "date" | "updated" | "author";

/** One source's value for a field, and whether it was used. */
export interface Evidence {
  field: MetaField;
  /** Where it came from, e.g. "JSON-LD datePublished", "og:title", "<h1>". */
  source: string;
  value: string;
  line: number;
  used: boolean;
  /** Why it was not used, or why it won over a more trusted source. */
  reason?: string;
}

/** What the metadata decided, with the evidence for every field. */
export interface PageMetadata {
  title?: { value: string; line: number };
  description?: { value: string; line: number };
  date?: { value: string; line: number; date: Date };
  updated?: { value: string; line: number; date: Date };
  authors?: { value: string; line: number; names: string[]; organization: boolean };
  evidence: Evidence[];
  /** Problems worth telling (invalid JSON-LD, an ambiguous numeric date). */
  problems: { field: MetaField | "json-ld"; line: number; message: string }[];
}

/** One source's value for a field, before it is weighed. */
export interface Candidate {
  source: string;
  value: string;
  line: number;
}

interface AuthorCandidate extends Candidate {
  names: string[];
  organization: boolean;
}

const ARTICLE_TYPES = new Set([
  "article",
  "newsarticle",
  "reportagenewsarticle",
  "analysisnewsarticle",
  "opinionnewsarticle",
  "reviewnewsarticle",
  "backgroundnewsarticle",
  "askpublicnewsarticle",
  "blogposting",
  "socialmediaposting",
  "liveblogposting",
  "techarticle",
  "scholarlyarticle",
  "report",
]);
const ORGANIZATION_TYPES = new Set(["organization", "newsmediaorganization", "corporation", "educationalorganization", "governmentorganization"]);
// JSON-LD nests far less deep than this; a deeper document is not an article's metadata.
const MAX_JSON_DEPTH = 32;

/**
 * Reads and weighs a page's metadata.
 * @param tree the page, parsed with positions
 * @param timeZone the configured zone, for dates without an offset
 * @param container the element that holds the article (its visible byline and dates count; the rest of the page's do not)
 */
export function readMetadata(tree: Root, timeZone: string, container: Element | undefined): PageMetadata {
  const elements = descendants(tree);
  const result: PageMetadata = { evidence: [], problems: [] };
  const lang = langOf(elements);
  const meta = metaReader(elements);
  const parsely = parselyPage(meta);
  const jsonLd = readJsonLd(elements, result);
  const micro = microdata(elements);
  const inArticle = container === undefined ? [] : descendants(container);
  const h1 = inArticle.find((node) => node.tagName === "h1") ?? elements.find((node) => node.tagName === "h1");
  const titleElement = elements.find((node) => node.tagName === "title");

  // Title
  const siteNames = [meta("og:site_name"), meta("application-name"), ...jsonLd.publishers].filter((c) => c !== undefined).map((c) => c.value);
  const titleCandidates = [
    ...jsonLd.pick("headline"),
    ...jsonLd.pick("name"),
    ...micro("headline"),
    ...present(meta("og:title"), meta("twitter:title"), meta("dc.title"), meta("dcterms.title")),
    ...(titleElement === undefined ? [] : [{ source: "<title>", value: titleWithoutSite(titleElement, elements, siteNames), line: lineOf(titleElement) }]),
  ].filter((candidate) => candidate.value !== "");
  const heading = h1 === undefined ? undefined : { source: "<h1>", value: cleanInline(toText(h1)), line: lineOf(h1) };
  decideTitle(result, titleCandidates, heading);
  // The element that shows the headline: the <h1> or <h2> with the title's text (a site's <h1> above it is not), else the first <h1>.
  const title = result.title === undefined ? undefined : comparable(result.title.value);
  const headline = elements.find((node) => (node.tagName === "h1" || node.tagName === "h2") && comparable(toText(node)) === title) ?? h1;
  // Pages often put the headline, byline and date in a header beside the <article>, not in it.
  const scope = container === undefined ? undefined : commonAncestor(tree, container, headline);
  const inScope = scope === undefined ? [] : descendants(scope);
  // What follows the headline is the article's; a sidebar's byline or date before it is another story's.
  const at = headline === undefined ? -1 : inScope.indexOf(headline);
  const visible = at < 0 ? inScope : [...inScope.slice(at), ...inScope.slice(0, at)];
  const address = pageAddress(elements);

  // Description
  // The site's name given as the description ("Engadget") describes nothing.
  const titleText = titleElement === undefined ? "" : cleanInline(toText(titleElement));
  const titleTail = [...titleText.matchAll(SEPARATOR)].at(-1);
  const sites = new Set(
    [...siteNames, titleTail === undefined ? "" : titleText.slice(titleTail.index + titleTail[0].length)].map(comparable).filter((name) => name !== ""),
  );
  decideDescription(
    result,
    [
      ...jsonLd.pick("description"),
      ...micro("description"),
      ...present(meta("og:description"), meta("twitter:description"), meta("description"), meta("dc.description"), meta("dcterms.description")),
    ],
    (value) => sites.has(comparable(value)),
    result.title?.value,
  );

  // Dates
  const visibleDates = visibleDateCandidates(visible, address);
  const labelled = labelledValues(elements);
  const dateCandidates = [
    ...jsonLd.pick("datePublished"),
    ...jsonLd.pick("dateCreated"),
    ...micro("datePublished"),
    ...present(
      meta("article:published_time"),
      meta("og:published_time"),
      meta("publishdate"),
      meta("pubdate"),
      meta("publish-date"),
      meta("publish_date"),
      meta("date"),
      meta("dc.date"),
      meta("dc.date.issued"),
      meta("dcterms.created"),
      meta("dcterms.issued"),
      meta("sailthru.date"),
      meta("parsely-pub-date"),
      parsely?.date,
      // The names other extractors read too (newspaper, htmldate), and the scholarly ones (Google Scholar, PRISM).
      meta("datepublished"),
      meta("rnews:datepublished"),
      meta("originalpublicationdate"),
      meta("article_date_original"),
      meta("publication_date"),
      meta("dcterms.date"),
      meta("dc.date.created"),
      meta("citation_publication_date"),
      meta("citation_date"),
      meta("prism.publicationdate"),
      meta("cxenseparse:recs:publishtime"),
      // More of htmldate's names, and The New York Times' pdate and ptime ("20150323", "20150323050006").
      meta("og:article:published_time"),
      meta("og:pubdate"),
      meta("og:publish_date"),
      meta("published_time"),
      meta("published-date"),
      meta("published_date"),
      meta("date_published"),
      meta("dc.date.publication"),
      meta("dc:date"),
      meta("dc:created"),
      meta("bt:pubdate"),
      meta("shareaholic:article_published_time"),
      meta("twt-published-at"),
      meta("vr:published_time"),
      meta("mediator_published_time"),
      meta("dcsext.articlefirstpublished"),
      meta("displaydate"),
      meta("ptime"),
      meta("pdate"),
    ),
    ...visibleDates.published,
    ...labelled.published,
  ];
  const date = decideDate(result, "date", dateCandidates, lang, timeZone);
  if (date !== undefined) result.date = date;
  const updated = decideDate(
    result,
    "updated",
    [
      ...jsonLd.pick("dateModified"),
      ...micro("dateModified"),
      ...present(
        meta("article:modified_time"),
        meta("og:updated_time"),
        meta("dcterms.modified"),
        meta("dc.date.modified"),
        meta("datemodified"),
        meta("last-modified"),
      ),
      ...visibleDates.updated,
      ...labelled.updated,
    ],
    lang,
    timeZone,
  );
  if (updated !== undefined && result.date !== undefined && updated.date.getTime() <= result.date.date.getTime()) {
    const evidence = result.evidence.find((item) => item.field === "updated" && item.used);
    if (evidence !== undefined) {
      evidence.used = false;
      evidence.reason =
        updated.date.getTime() === result.date.date.getTime()
          ? "the same moment as the date"
          : dayOf(updated.date) === dayOf(result.date.date)
            ? "the publication day, without a time after the publication's"
            : "before the publication date";
    }
  } else if (updated !== undefined) result.updated = updated;
  if (result.date === undefined && updated !== undefined)
    result.problems.push({ field: "date", line: updated.line, message: "The page gives only a modification date; it fills `updated`, never `date`." });

  // Authors. The publisher named as the author ("Ediciones El País", "elmundo.es") is an organization.
  const publishers = new Set([...siteNames, ...present(meta("dc.publisher"), meta("dcterms.publisher")).map((c) => c.value)].map(comparable));
  const asPublisher = (candidate: AuthorCandidate): AuthorCandidate =>
    !candidate.organization && candidate.names.every((name) => publishers.has(comparable(name)) || DOMAIN.test(name))
      ? { ...candidate, organization: true }
      : candidate;
  decideAuthors(
    result,
    [
      ...jsonLd.authors,
      ...microAuthors(elements),
      ...authorMeta(
        present(
          meta("article:author"),
          meta("author"),
          meta("dc.creator"),
          meta("dcterms.creator"),
          meta("sailthru.author"),
          meta("parsely-author"),
          parsely?.authors,
          // The New York Times' "byl" ("By Jane Doe and John Roe").
          meta("byl"),
          meta("cxenseparse:author"),
        ),
      ),
      ...visibleAuthors(visible, at < 0 ? visible.length : inScope.length - at),
      ...labelled.authors.slice(0, 1),
      // twitter:creator is an @handle, but some sites put the author's name there: the last resort.
      ...authorMeta(
        present(meta("twitter:creator")).filter((candidate) => !candidate.value.startsWith("@") && detectByline(candidate.value, false) !== undefined),
      ),
    ].map(asPublisher),
  );
  return result;
}

/** The page's own address: the canonical link, else og:url. */
function pageAddress(elements: readonly Element[]): string | undefined {
  const canonical = elements.find((node) => node.tagName === "link" && tokens(node.properties.rel).includes("canonical"));
  const href = canonical === undefined ? undefined : String(canonical.properties.href ?? "").trim();
  return href !== undefined && href !== "" ? href : metaReader(elements)("og:url")?.value;
}

/**
 * What Parse.ly's older `parsely-page` meta holds, a JSON object (`{"pub_date": "...", "authors":
 * [...]}`), as a date and an author candidate; nothing when it is not such an object.
 */
function parselyPage(meta: (key: string) => Candidate | undefined): { date?: Candidate; authors?: Candidate } {
  const page = meta("parsely-page");
  if (page === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(page.value);
  } catch {
    return {};
  }
  if (typeof value !== "object" || value === null) return {};
  const { pub_date: date, authors } = value as { pub_date?: unknown; authors?: unknown };
  const names = Array.isArray(authors) ? authors.filter((name): name is string => typeof name === "string" && name.trim() !== "") : [];
  const candidate = (source: string, text: string): Candidate => ({ source: `parsely-page ${source}`, value: cleanInline(text), line: page.line });
  return {
    ...(typeof date === "string" && date.trim() !== "" ? { date: candidate("pub_date", date) } : {}),
    ...(names.length > 0 ? { authors: candidate("authors", names.join(" and ")) } : {}),
  };
}

/** The smallest element holding both the article and its headline (the article itself when the headline is in it). */
function commonAncestor(tree: Root, container: Element, heading: Element | undefined): Element {
  if (heading === undefined) return container;
  const parents = new Map<Element, Element | undefined>();
  const walk = (node: Element | Root, parent: Element | undefined) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      parents.set(child, parent);
      walk(child, child);
    }
  };
  walk(tree, undefined);
  const around = new Set<Element>();
  for (let node: Element | undefined = container; node !== undefined; node = parents.get(node)) around.add(node);
  for (let node: Element | undefined = heading; node !== undefined; node = parents.get(node)) if (around.has(node)) return node;
  return container;
}

/**
 * The <title> without the site's name, and without a section's ("Headline | Code | Site"):
 * where a heading on the page shows the part before a separator, that part is the headline.
 */
function titleWithoutSite(titleElement: Element, elements: readonly Element[], siteNames: readonly string[]): string {
  const title = cleanInline(toText(titleElement));
  const headings = new Set(
    elements
      .filter((node) => /^h[1-3]$/u.test(node.tagName))
      .map((node) => comparable(toText(node)))
      .filter((text) => text.split(" ").length >= 2),
  );
  for (const separator of title.matchAll(SEPARATOR)) {
    const head = title.slice(0, separator.index);
    if (headings.has(comparable(head))) return head;
  }
  return stripSiteName(title, siteNames);
}

// A site's address given as its author's name.
const DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,6}$/iu;

const present = (...candidates: (Candidate | undefined)[]): Candidate[] => candidates.filter((candidate) => candidate !== undefined);

function langOf(elements: readonly Element[]): string | undefined {
  const html = elements.find((node) => node.tagName === "html");
  const lang = html?.properties.lang;
  return typeof lang === "string" && lang.trim() !== "" ? lang.trim() : undefined;
}

/**
 * A reader of a page's <meta> values by name, property or itemprop (lowercase), with the line of each.
 * @param elements the page's elements
 */
export function metaReader(elements: readonly Element[]): (key: string) => Candidate | undefined {
  const metas = elements.filter((node) => node.tagName === "meta");
  return (key) => {
    for (const element of metas) {
      const names = [element.properties.name, element.properties.property, element.properties.itemProp].flatMap((value) =>
        tokens(value).map((t) => t.toLowerCase()),
      );
      if (!names.includes(key)) continue;
      const content = cleanInline(String(element.properties.content ?? ""));
      if (content !== "") return { source: key, value: content, line: lineOf(element) };
    }
    return undefined;
  };
}

// ---------- JSON-LD ----------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function typesOf(node: JsonObject): string[] {
  const type = node["@type"];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === "string").map((t) => (t.split(/[/:#]/u).at(-1) ?? "").toLowerCase());
}

function readJsonLd(elements: readonly Element[], result: PageMetadata) {
  const articles: { node: JsonObject; line: number }[] = [];
  const byId = new Map<string, JsonObject>();
  for (const script of elements) {
    if (script.tagName !== "script" || String(script.properties.type ?? "").toLowerCase() !== "application/ld+json") continue;
    const line = lineOf(script);
    let data: Json;
    try {
      data = JSON.parse(toText(script).trim()) as Json;
    } catch (error) {
      result.problems.push({ field: "json-ld", line, message: `A JSON-LD block is not valid JSON (${(error as Error).message}); it is left out.` });
      continue;
    }
    const walk = (value: Json, depth: number) => {
      if (depth > MAX_JSON_DEPTH || value === null || typeof value !== "object") return;
      if (Array.isArray(value)) {
        for (const item of value) walk(item, depth + 1);
        return;
      }
      if (typeof value["@id"] === "string") byId.set(value["@id"], value);
      if (typesOf(value).some((type) => ARTICLE_TYPES.has(type))) articles.push({ node: value, line });
      for (const key of ["@graph", "mainEntity", "mainEntityOfPage", "hasPart", "itemListElement", "item"]) {
        const child = value[key];
        if (child !== undefined) walk(child, depth + 1);
      }
    };
    walk(data, 0);
  }
  const resolve = (value: Json): Json => {
    if (value !== null && typeof value === "object" && !Array.isArray(value) && typeof value["@id"] === "string" && Object.keys(value).length === 1)
      return byId.get(value["@id"]) ?? value;
    return value;
  };
  // An article with a headline comes first: a bare "Article" node with only an @id is a stub.
  articles.sort((a, b) => Number(typeof b.node.headline === "string") - Number(typeof a.node.headline === "string"));
  const pick = (key: string): Candidate[] =>
    articles.flatMap(({ node, line }) => {
      const value = node[key];
      const text = typeof value === "string" ? cleanInline(value) : Array.isArray(value) && typeof value[0] === "string" ? cleanInline(value[0]) : "";
      return text === "" ? [] : [{ source: `JSON-LD ${key}`, value: decodeEntities(text), line }];
    });
  const authors: AuthorCandidate[] = articles.flatMap(({ node, line }) => {
    const raw = node.author ?? node.creator;
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(resolve);
    const people = list.flatMap((item): { name: string; organization: boolean }[] => {
      if (typeof item === "string") return [{ name: cleanInline(item), organization: false }];
      if (item === null || typeof item !== "object" || Array.isArray(item) || typeof item.name !== "string") return [];
      return [{ name: cleanInline(item.name), organization: typesOf(item).some((type) => ORGANIZATION_TYPES.has(type)) }];
    });
    const named = people.filter((person) => person.name !== "" && !/^https?:\/\//iu.test(person.name));
    if (named.length === 0) return [];
    return [
      {
        source: "JSON-LD author",
        value: named.map((person) => person.name).join(", "),
        line,
        names: named.map((person) => decodeEntities(person.name)),
        organization: named.every((person) => person.organization),
      },
    ];
  });
  const publishers = articles.flatMap(({ node, line }) => {
    const publisher = resolve(node.publisher ?? null);
    return publisher !== null && typeof publisher === "object" && !Array.isArray(publisher) && typeof publisher.name === "string"
      ? [{ source: "JSON-LD publisher", value: cleanInline(publisher.name), line }]
      : [];
  });
  return { pick, authors, publishers };
}

// JSON-LD is JSON, but CMSs often put HTML-escaped text in it.
function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|(amp|quot|apos|lt|gt|nbsp|rsquo|lsquo|rdquo|ldquo|mdash|ndash|hellip));/giu, (all, dec, hex, name) => {
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
    const named: Record<string, string> = {
      amp: "&",
      quot: '"',
      apos: "'",
      lt: "<",
      gt: ">",
      nbsp: " ",
      rsquo: "’",
      lsquo: "‘",
      rdquo: "”",
      ldquo: "“",
      mdash: "—",
      ndash: "–",
      hellip: "…",
    };
    return named[String(name).toLowerCase()] ?? all;
  });
}

// ---------- microdata ----------

function itemValue(node: Element): string {
  const { properties } = node;
  // Blogger and hAtom put the machine-readable date in an <abbr title>, and "21:40" in its text.
  const attribute =
    node.tagName === "meta"
      ? properties.content
      : node.tagName === "time"
        ? (properties.dateTime ?? undefined)
        : node.tagName === "abbr"
          ? (properties.title ?? undefined)
          : undefined;
  return cleanInline(attribute === undefined || attribute === null ? toText(node) : String(attribute));
}

// An itemprop=description on the element that is also the articleBody (Blogger) is the whole post, not a dek.
const MAX_MICRODATA_DESCRIPTION = 400;

// An image's or a video's own description (a <figcaption itemprop=description>) is not the article's,
// nor is an author's or a publisher's (an author box's itemprop=description "Journaliste", Le Figaro).
const OTHER_ITEM_TYPE = /(?:Image|Video|Audio|Media)Object|Photograph|ImageGallery|schema\.org\/(?:Person|Organization|NewsMediaOrganization|Corporation)\b/iu;

function microdata(elements: readonly Element[]): (property: string) => Candidate[] {
  const media = new Set(
    elements
      .filter((node) => node.tagName === "figure" || (node.properties.itemScope !== undefined && OTHER_ITEM_TYPE.test(String(node.properties.itemType ?? ""))))
      .flatMap((node) => [node, ...descendants(node)]),
  );
  return (property) =>
    elements
      .filter((node) => tokens(node.properties.itemProp).includes(property))
      .filter((node) => property !== "description" || !media.has(node))
      .filter(
        (node) =>
          property !== "description" || (!tokens(node.properties.itemProp).includes("articleBody") && itemValue(node).length <= MAX_MICRODATA_DESCRIPTION),
      )
      .map((node) => ({ source: `itemprop=${property}`, value: itemValue(node), line: lineOf(node) }))
      .filter((candidate) => candidate.value !== "")
      .slice(0, 1);
}

function microAuthors(elements: readonly Element[]): AuthorCandidate[] {
  const nodes = elements.filter((node) => tokens(node.properties.itemProp).includes("author"));
  const names = nodes.flatMap((node) => {
    const scoped = node.properties.itemScope !== undefined && node.properties.itemScope !== false;
    const nameNode = scoped ? descendants(node).find((child) => tokens(child.properties.itemProp).includes("name")) : undefined;
    const text = nameNode === undefined ? itemValue(node) : itemValue(nameNode);
    const organization = scoped && /organization/iu.test(String(node.properties.itemType ?? ""));
    const read = organization ? [text] : (detectByline(text, false) ?? []);
    return read.map((name) => ({ name, organization: organization || isOrganizationName(name), line: lineOf(node) }));
  });
  const first = names[0];
  if (first === undefined) return [];
  const unique = [...new Set(names.map((n) => n.name))];
  return [{ source: "itemprop=author", value: unique.join(", "), line: first.line, names: unique, organization: names.every((n) => n.organization) }];
}

function authorMeta(candidates: Candidate[]): AuthorCandidate[] {
  return candidates.flatMap((candidate) => {
    // article:author is often the author's page, not a name.
    if (/^https?:\/\//iu.test(candidate.value)) return [];
    const names = detectByline(candidate.value, false) ?? [candidate.value];
    return [{ ...candidate, names, organization: names.every(isOrganizationName) }];
  });
}

// ---------- the visible page ----------

// Class or id words of a byline, in the six languages ("firma" in Spanish and Italian, "autor", "auteur").
const BYLINE_CLASS = /(?:^|[\s_-])(?:byline|author|authors|author-name|byline-name|contributor|writer|firma|autor|auteur|autore|signature)(?:$|[\s_-])/iu;
// A link to the author's page marks its text as the byline where no class does (gazeta.ru's
// "/gazeta/authors/polina_zyabreva.shtml", WordPress's "/author/jane-doe/").
// The Washington Post's "/people/jane-doe/", the Guardian's "/profile/janedoe", The New York Times' "/by/jane-doe":
// first in the path only ("/entertainment/people/taylor-swift-..." is a story, "/account/profile/" the reader's).
const AUTHOR_PAGE =
  /\/(?:authors?|autor(?:es|en)?|auteurs?|autori?|journalists?|columnists?|redakteure?)\/[^/?#\s]+|^(?:https?:\/\/[^/]+)?\/(?:by|people|profiles?|contributors?|reporters?|writers?)\/[^/?#\s]+/iu;
// Substrings, since classes run words together ("Page-dateModified", "publishedAt"), and the word for
// a date in the languages whose sites name classes in their own ("datum", "fecha", "data").
const DATE_CLASS = /date|time|publish|posted|updated|modified|byline|datum|fecha|(?:^|[\s_-])(?:meta|data)(?:$|[\s_-])/iu;
// The readers' comments under an article, and the teasers of other stories ("Don't miss",
// "Related", "Most read"), each with its own name and date: never the article's.
const COMMENTS =
  /^(?:comments?|comment[-_]?(?:list|section|area|thread|container|wrap(?:per)?|body|content|time|author|meta|item|entry|s)|commentlist|disqus_thread|respond|replies)$/iu;
const TEASERS =
  /(?:^|[_-])(?:related|promo|promos|teaser|teasers|dont[-_]?miss|recommended|recommendations|trending|popular|most[-_]?(?:read|popular|viewed)|more[-_]?stories|outbrain|taboola)(?:$|[_-])/iu;
const MAX_VISIBLE_LINE = 200;

/** The class and id words of an element, for the byline and date patterns. */
const namesOfElement = (node: Element): string => `${classOf(node)} ${tokens(node.properties.id).join(" ")}`.trim();

// A box the page does not show (zaol.hu's photo gallery overlay, with its own 2011 date).
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:;|$|!)/iu;
const isHidden = (node: Element): boolean => node.properties.hidden !== undefined || HIDDEN_STYLE.test(String(node.properties.style ?? ""));

/** The elements that are not the story's: the readers' comments, other stories' teasers and boxes the page hides (each with all it holds). */
function notTheStory(visible: readonly Element[]): Set<Element> {
  const found = new Set<Element>();
  for (const node of visible)
    if (
      !found.has(node) &&
      (isHidden(node) ||
        namesOfElement(node)
          .split(/\s+/u)
          .some((word) => COMMENTS.test(word) || TEASERS.test(word)))
    )
      for (const inner of [node, ...descendants(node)]) found.add(inner);
  return found;
}

/**
 * The first byline element (by class, id or rel=author), else a date element that also names
 * its author ("2/26/2015 7:11 AM PST BY TMZ STAFF"). An element's lines are read apart, so
 * that a role or desk on the line below ("WebMD Health News") is no part of the name; where the
 * element marks its names (rel=author links, an hCard's `fn`, itemprop=name), those are the names.
 * The readers' comments are passed over.
 */
function visibleAuthors(visible: readonly Element[], afterHeadline: number): AuthorCandidate[] {
  const comments = notTheStory(visible);
  // After the headline: a marked byline, else a "By" line; only then a marked byline before it.
  return (
    markedByline(visible.slice(0, afterHeadline), comments) ??
    labelledByline(visible.slice(0, afterHeadline), comments) ??
    markedByline(visible.slice(afterHeadline), comments) ??
    []
  );
}

/** The first byline element (by class, id or rel=author), else a date element that names its author. */
function markedByline(visible: readonly Element[], comments: ReadonlySet<Element>): AuthorCandidate[] | undefined {
  for (const node of visible) {
    if (comments.has(node)) continue;
    const words = namesOfElement(node);
    const rel = tokens(node.properties.rel).includes("author");
    const authorPage = node.tagName === "a" && linksToAuthorPage(node);
    const byline = rel || authorPage || BYLINE_CLASS.test(words);
    // "By <a href=/people/jane-doe>Jane Doe</a> and <a href=/people/john-roe>John Roe</a>": the line names both, before its first link does.
    const linksAuthor = !byline && node.children.some((child) => child.type === "element" && child.tagName === "a" && linksToAuthorPage(child));
    const linked = linksAuthor ? linkedByline(node, linksToAuthorPage) : undefined;
    if (linked !== undefined) return [{ ...linked, source: "a By line of links to the authors' pages" }];
    if (!byline && !DATE_CLASS.test(words)) continue;
    const text = cleanInline(toText(node));
    if (text === "" || text.length > MAX_VISIBLE_LINE) continue;
    let names: string[] | undefined;
    let source: string;
    if (byline) {
      names = markedNames(node) ?? bylineOfElement(node);
      source = rel
        ? "rel=author"
        : BYLINE_CLASS.test(words)
          ? `.${words.split(" ").find((c) => BYLINE_CLASS.test(c)) ?? "byline"}`
          : "a link to the author's page";
    } else {
      // A date element names its author only beside its date ("2/26/2015 7:11 AM PST BY TMZ STAFF").
      const dates = datesIn(text, "UTC");
      if (dates.published === undefined && dates.updated === undefined) continue;
      names = bylineIn(text, "UTC");
      source = `.${words.split(" ").find((c) => DATE_CLASS.test(c)) ?? "date"}`;
    }
    if (names !== undefined) return [{ source, value: text, line: lineOf(node), names, organization: names.every(isOrganizationName) }];
  }
  return undefined;
}

// A "By" line is looked for this many elements after the headline, where pages put the byline.
const LABELLED_BYLINE_REACH = 150;

/**
 * A byline no class marks, read only where it opens with its label: the first element after the
 * headline whose first line is "By Jane Doe" ("By: Patti Domm" above "CNBC Executive News Editor",
 * "By PHILLIP RAWLS" in a plain <span>). A paragraph is one only where each name it gives is a link
 * ("By <a>Jane Doe</a> and <a>John Roe</a>"): a sentence may open with "By".
 */
function labelledByline(visible: readonly Element[], comments: ReadonlySet<Element>): AuthorCandidate[] | undefined {
  for (const node of visible.slice(0, LABELLED_BYLINE_REACH)) {
    if (comments.has(node)) continue;
    if (node.tagName === "p" || node.tagName === "li") {
      const linked = linkedByline(node, () => true);
      if (linked !== undefined) return [{ ...linked, source: "a By line of links" }];
      continue;
    }
    const raw = toText(node);
    const text = cleanInline(raw);
    // zaol.hu's "2015. augusztus 20., 11:16 forrás: MTI<br>" under the headline (its box left open, so
    // holding the rest of the page): the agency the dated first line names as its source.
    const first = cleanInline(raw.split("\n").find((line) => line.trim() !== "") ?? "");
    const agency = first.length <= MAX_VISIBLE_LINE ? datedSource(first, "UTC") : undefined;
    if (agency !== undefined) return [{ source: "a dated line's source", value: first, line: lineOf(node), names: agency, organization: true }];
    if (text === "" || text.length > MAX_VISIBLE_LINE) continue;
    const names = firstLineByline(node);
    if (names !== undefined) return [{ source: "a By line", value: text, line: lineOf(node), names, organization: names.every(isOrganizationName) }];
  }
  return undefined;
}

/**
 * A short element whose first line is a byline ("By Jane Doe and John Roe") in which each name is
 * the text of a link that `isLink` accepts.
 */
function linkedByline(node: Element, isLink: (link: Element) => boolean): AuthorCandidate | undefined {
  const text = cleanInline(toText(node));
  const names = text.length <= MAX_VISIBLE_LINE ? firstLineByline(node) : undefined;
  if (names === undefined) return undefined;
  const links = new Set(descendants(node).flatMap((child) => (child.tagName === "a" && isLink(child) ? [comparable(toText(child))] : [])));
  if (!names.every((name) => links.has(comparable(name)))) return undefined;
  return { source: "", value: text, line: lineOf(node), names, organization: names.every(isOrganizationName) };
}

const linksToAuthorPage = (link: Element): boolean => AUTHOR_PAGE.test(String(link.properties.href ?? ""));

/** The names of an element's first line when it opens with a byline label (a label alone on its line goes with the next). */
function firstLineByline(node: Element): string[] | undefined {
  const lines = toText(node)
    .split("\n")
    .map((line) => cleanInline(line))
    .filter((line) => line !== "");
  const first = lines[0] !== undefined && /^(?:by|par|von|por|di)\s*:?$/iu.test(lines[0]) ? lines.slice(0, 2).join(" ") : lines[0];
  return first === undefined ? undefined : detectByline(first, true);
}

/** The names a byline element marks as names: its rel=author links, its hCard `fn`s, its itemprop=name elements. */
function markedNames(node: Element): string[] | undefined {
  const marked = descendants(node).filter(
    (child) =>
      tokens(child.properties.rel).includes("author") ||
      tokens(child.properties.className).includes("fn") ||
      tokens(child.properties.itemProp).includes("name"),
  );
  // A mark inside another mark ("<a rel=author><span class=fn>") names the same person.
  const outer = marked.filter((child) => !marked.some((other) => other !== child && descendants(other).includes(child)));
  const names = outer.flatMap((child) => detectByline(toText(child), false) ?? []);
  return names.length > 0 ? [...new Set(names)] : undefined;
}

/** The names of a byline element, its first line alone when that names someone ("By Kelli Miller" above "WebMD Health News"). */
function bylineOfElement(node: Element): string[] | undefined {
  const lines = toText(node)
    .split("\n")
    .map((line) => cleanInline(line))
    .filter((line) => line !== "");
  // A label alone on its line ("By") goes with the next.
  const first = lines[0] !== undefined && /^(?:by|par|von|por|di)$/iu.test(lines[0]) ? lines.slice(0, 2).join(" ") : lines[0];
  const byFirst = lines.length > 1 && first !== undefined ? detectByline(first, false) : undefined;
  return byFirst ?? detectByline(lines.join(" "), false);
}

// An unmarked date line is looked for this many elements after the headline, and is this short.
const UNMARKED_DATE_REACH = 60;
const MAX_DATE_LINE = 80;

function visibleDateCandidates(visible: readonly Element[], address: string | undefined): { published: Candidate[]; updated: Candidate[] } {
  const published: Candidate[] = [];
  const updated: Candidate[] = [];
  const comments = notTheStory(visible);
  for (const node of visible) {
    if (comments.has(node)) continue;
    if (node.tagName === "time" && typeof node.properties.dateTime === "string") {
      const text = cleanInline(toText(node));
      const label = UPDATE_MENTION.test(`${classOf(node)} ${text}`);
      (label ? updated : published).push({ source: "<time datetime>", value: cleanInline(node.properties.dateTime), line: lineOf(node) });
      continue;
    }
    if (!DATE_CLASS.test(namesOfElement(node)) && node.tagName !== "time") continue;
    // A box around <time datetime> elements says no more than they do, and less exactly.
    if (descendants(node).some((child) => child.tagName === "time" && typeof child.properties.dateTime === "string")) continue;
    const text = cleanInline(toText(node));
    if (text === "" || text.length > MAX_VISIBLE_LINE) continue;
    const add = (list: Candidate[], source: string, value: string) => {
      // Nested date boxes repeat the same line.
      if (!list.some((candidate) => candidate.value === value)) list.push({ source, value, line: lineOf(node) });
    };
    const mentions = findDates(text, "UTC").found;
    for (const mention of mentions) add(mention.kind === "updated" ? updated : published, "date line", mention.text);
    if (mentions.length > 0) continue;
    const numeric = findNumericDate(text);
    if (numeric !== undefined) {
      add(UPDATE_LABEL.test(text) ? updated : published, "date line", numeric);
      continue;
    }
    const completed = withYearFromAddress(text, address);
    const mention = completed === undefined ? undefined : findDates(completed, "UTC").found[0];
    if (mention !== undefined) add(mention.kind === "updated" ? updated : published, "date line, year from the page's address", mention.text);
  }
  // No element is marked as the date: a short element under the headline that is a date and nothing
  // else is the date line ("<b>2015. augusztus 20., 11:16</b>" in zaol.hu's "cikk_info").
  if (published.length === 0)
    for (const node of visible.slice(0, UNMARKED_DATE_REACH)) {
      if (comments.has(node) || node.tagName === "p") continue;
      const text = cleanInline(toText(node));
      const mention = text.length <= MAX_DATE_LINE ? readWholeDateLine(text, "UTC") : undefined;
      if (mention === undefined || mention.kind === "updated") continue;
      published.push({ source: "a date line under the headline", value: mention.text, line: lineOf(node) });
      break;
    }
  const lead = visible.find((node) => node.tagName === "p" && cleanInline(toText(node)).split(/\s+/u).length > 8);
  const mention = lead === undefined ? undefined : leadDateline(toText(lead), "UTC");
  if (mention !== undefined && lead !== undefined) published.push({ source: "dateline of the first paragraph", value: mention.text, line: lineOf(lead) });
  return { published, updated };
}

/** Each label of a `<dl>` (`<dt>` and the `<dd>` after it) or a table row (`<th>` and its `<td>`), with its value. */
function labelPairs(node: Element): { label: Element; value: Element }[] {
  const pairs: { label: Element; value: Element }[] = [];
  let label: Element | undefined;
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (child.tagName === "dt" || child.tagName === "th") label = child;
    else if ((child.tagName === "dd" || child.tagName === "td") && label !== undefined) {
      pairs.push({ label, value: child });
      label = undefined;
    }
  }
  return pairs;
}

/**
 * Facts a page states as labels and values, wherever they stand (How To Node's sidebar: "Date
 * Released:" / "Tuesday February 21, 2011", and "Name:" / "Geoff Flarity" under "About the
 * Author"): read only for labels that mean the publication date, the update or the author, and
 * trusted least, after every other source. The readers' comments and other stories' teasers are
 * passed over.
 */
function labelledValues(elements: readonly Element[]): { published: Candidate[]; updated: Candidate[]; authors: AuthorCandidate[] } {
  const found = { published: [] as Candidate[], updated: [] as Candidate[], authors: [] as AuthorCandidate[] };
  const skipped = notTheStory(elements);
  for (const parent of elements) {
    // A heading about the author above a list, in the same box, makes its "Name:" the author's.
    let aboutAuthor = false;
    for (const child of parent.children) {
      if (child.type !== "element" || skipped.has(child)) continue;
      if (/^h[1-6]$/u.test(child.tagName)) aboutAuthor = isAuthorHeading(toText(child));
      const rows = child.tagName === "dl" ? [child] : child.tagName === "tbody" || child.tagName === "table" ? child.children : [];
      for (const row of rows) {
        if (row.type !== "element" || (row !== child && row.tagName !== "tr")) continue;
        for (const { label, value } of labelPairs(row)) {
          const text = cleanInline(toText(value));
          const meaning = labelMeaning(toText(label), aboutAuthor);
          if (meaning === undefined || text === "" || text.length > MAX_VISIBLE_LINE) continue;
          const source = `"${cleanInline(toText(label))}" label`;
          // The machine form a tooltip gives (`<dl title="Mon, 21 Feb 2011 19:04:30 GMT">`, as hAtom's
          // `<abbr title>`) goes before the text, which may be worded loosely ("Tuesday February 21, 2011", a Monday).
          const titles = [value, row].map((node) => node.properties.title).filter((title) => typeof title === "string" && title.trim() !== "");
          if (meaning !== "author")
            for (const title of titles)
              found[meaning].push({ source: `${source}, its title attribute`, value: cleanInline(String(title)), line: lineOf(value) });
          if (meaning !== "author") found[meaning].push({ source, value: text, line: lineOf(value) });
          const names = meaning === "author" ? detectByline(text, false) : undefined;
          if (names !== undefined) found.authors.push({ source, value: text, line: lineOf(value), names, organization: names.every(isOrganizationName) });
        }
      }
    }
  }
  return found;
}

// ---------- deciding ----------

const comparable = (text: string): string =>
  cleanInline(text)
    .toLowerCase()
    .replace(/[‘’“”"'`´«»„]/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

const SEPARATOR = /\s+(?:[|–—·•»]|--?|::)\s+/gu;

/**
 * A <title> without the site's name: "Headline | Site" → "Headline", "Site - Headline" →
 * "Headline". Without a known site name only a short last part goes (a name, not half a headline).
 * @param title the <title> text
 * @param siteNames the names the page gives itself (og:site_name, the JSON-LD publisher)
 */
export function stripSiteName(title: string, siteNames: readonly string[]): string {
  const separators = [...title.matchAll(SEPARATOR)];
  const first = separators[0];
  const last = separators.at(-1);
  if (first === undefined || last === undefined) return title;
  const head = title.slice(0, last.index);
  const tail = title.slice(last.index + last[0].length);
  const lead = title.slice(0, first.index);
  const known = new Set(siteNames.map(comparable));
  if (known.has(comparable(tail))) return head;
  if (known.has(comparable(lead))) return title.slice(first.index + first[0].length);
  return tail.split(/\s+/u).length <= 4 && head.split(/\s+/u).length >= 3 ? head : title;
}

function record(
  result: PageMetadata,
  field: MetaField,
  candidates: readonly Candidate[],
  chosen: Candidate | undefined,
  reasons: Map<Candidate, string>,
): void {
  for (const candidate of candidates) {
    const reason = reasons.get(candidate);
    result.evidence.push({
      field,
      source: candidate.source,
      value: candidate.value,
      line: candidate.line,
      used: candidate === chosen,
      ...(reason === undefined ? {} : { reason }),
    });
  }
}

function decideTitle(result: PageMetadata, candidates: Candidate[], heading: Candidate | undefined): void {
  const reasons = new Map<Candidate, string>();
  const all = heading === undefined ? candidates : [...candidates, heading];
  let chosen: Candidate | undefined;
  const agrees = (a: Candidate, b: Candidate) => comparable(a.value) === comparable(b.value);
  if (heading !== undefined && heading.value !== "" && (candidates.length === 0 || candidates.some((c) => agrees(c, heading)))) {
    chosen = heading;
  } else {
    // Two sources that agree beat one; a site or section <h1> ("Salon", "Minecraft News") agrees with none.
    chosen =
      candidates.find((candidate) => candidates.some((other) => other !== candidate && other.source !== candidate.source && agrees(other, candidate))) ??
      candidates[0];
    if (heading !== undefined && chosen !== undefined)
      reasons.set(
        heading,
        `disagrees with ${chosen.source}${candidates.filter((c) => agrees(c, chosen as Candidate)).length > 1 ? " and the sources that agree with it" : ""}`,
      );
  }
  if (chosen === undefined) return;
  for (const candidate of all) if (candidate !== chosen && !agrees(candidate, chosen) && !reasons.has(candidate)) reasons.set(candidate, "differs");
  result.title = { value: chosen.value, line: chosen.line };
  record(result, "title", all, chosen, reasons);
}

const TRUNCATED = /(?:…|\.\.\.|\[…\])\s*$/u;
// A description of fewer words is a label ("News", "Home page"), not one written for the article.
const MIN_WRITTEN_WORDS = 5;
const words = (text: string): number => text.split(/\s+/u).filter(Boolean).length;

function decideDescription(result: PageMetadata, all: Candidate[], isSiteName: (value: string) => boolean, headline: string | undefined): void {
  const reasons = new Map<Candidate, string>();
  for (const candidate of all) {
    if (isSiteName(candidate.value)) reasons.set(candidate, "the site's name, not a description");
    // A CMS that fills og:description with the headline (Sina) says nothing the title does not.
    else if (headline !== undefined && comparable(candidate.value) === comparable(headline)) reasons.set(candidate, "the headline again, not a description");
  }
  const candidates = all.filter((candidate) => !reasons.has(candidate));
  const trusted = candidates[0];
  if (trusted === undefined) {
    record(result, "description", all, undefined, reasons);
    return;
  }
  const stem = (candidate: Candidate) => comparable(candidate.value.replace(TRUNCATED, ""));
  const shortens = (short: Candidate, long: Candidate) => long.value.length > short.value.length && comparable(long.value).startsWith(stem(short));
  // A description cut short ("...") loses to a complete one that begins the same way.
  // Only a cut-short one: a longer one that goes on after a complete one adds keywords or the site's name.
  const cut = TRUNCATED.test(trusted.value);
  const complete = cut ? candidates.find((other) => !TRUNCATED.test(other.value) && shortens(trusted, other)) : undefined;
  // Cut short with no complete form, it is the text's first words cut by a machine (Medium's JSON-LD
  // and meta description, "Freelancing has propelled ... on the…"): a complete description written
  // as one (its og:description, "A rule that must be followed.") says what the article is.
  const written =
    cut && complete === undefined ? candidates.find((other) => !TRUNCATED.test(other.value) && words(other.value) >= MIN_WRITTEN_WORDS) : undefined;
  const chosen = complete ?? written ?? trusted;
  if (complete !== undefined) reasons.set(complete, "complete, where more trusted sources are cut short");
  if (written !== undefined) reasons.set(written, "complete, where more trusted sources are the text's first words cut short");
  for (const other of candidates) if (other !== chosen && shortens(other, chosen)) reasons.set(other, `a shortened form of ${chosen.source}`);
  result.description = { value: chosen.value, line: chosen.line };
  record(result, "description", all, chosen, reasons);
}

// A date written without separators, as machines do in metadata: "20150323", "20150323050006", "20150323T0500".
const COMPACT_DATE = /^(?<year>(?:19|20)\d{2})(?<month>\d{2})(?<day>\d{2})(?:T?(?<hour>\d{2})(?<minute>\d{2})(?<second>\d{2})?)?$/u;

function readDateValue(raw: string, lang: string | undefined, timeZone: string): Result<{ date: Date; value: string }> {
  const compact = COMPACT_DATE.exec(raw)?.groups;
  if (compact !== undefined) {
    const { year, month, day, hour, minute, second } = compact;
    // Written out as ISO 8601: the article's date must be a form the build reads.
    const value = `${year}-${month}-${day}${hour === undefined ? "" : `T${hour}:${minute}:${second ?? "00"}`}`;
    const parsed = parseDate(value, timeZone);
    if (parsed.ok) return { ok: true, value: { date: parsed.value, value } };
  }
  const parsed = parseDate(raw, timeZone);
  if (parsed.ok) return { ok: true, value: { date: parsed.value, value: raw } };
  const numeric = readNumericDate(raw, lang, timeZone);
  if (numeric !== undefined) return numeric;
  const line = readWholeDateLine(raw, timeZone);
  if (line !== undefined) return { ok: true, value: { date: line.date, value: line.value } };
  return parsed;
}

function decideDate(result: PageMetadata, field: "date" | "updated", candidates: Candidate[], lang: string | undefined, timeZone: string) {
  const reasons = new Map<Candidate, string>();
  let chosen: { candidate: Candidate; date: Date; value: string } | undefined;
  for (const candidate of candidates) {
    const read = readDateValue(candidate.value, lang, timeZone);
    if (!read.ok) {
      reasons.set(candidate, read.problem.message);
      if (read.problem.rule === "ambiguous-date") result.problems.push({ field, line: candidate.line, message: read.problem.message });
      continue;
    }
    if (chosen === undefined) chosen = { candidate, ...read.value };
    else if (dayOf(read.value.date) !== dayOf(chosen.date)) reasons.set(candidate, `disagrees with ${chosen.candidate.source}, which is more trusted`);
  }
  record(result, field, candidates, chosen?.candidate, reasons);
  return chosen === undefined ? undefined : { value: chosen.value, line: chosen.candidate.line, date: chosen.date };
}

const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

function decideAuthors(result: PageMetadata, candidates: AuthorCandidate[]): void {
  const reasons = new Map<Candidate, string>();
  for (const candidate of candidates) if (candidate.names.every(isAccountName)) reasons.set(candidate, "a site account's login, not a name");
  const named = candidates.filter((candidate) => !reasons.has(candidate));
  // An organization ("BBC News") is kept only when no source names a person.
  const person = named.find((candidate) => !candidate.organization);
  const chosen = person ?? named[0];
  if (chosen === undefined) {
    record(result, "author", candidates, undefined, reasons);
    return;
  }
  for (const candidate of candidates)
    if (candidate !== chosen && candidate.organization && person !== undefined) reasons.set(candidate, `an organization; ${person.source} names a person`);
  result.authors = { value: chosen.value, line: chosen.line, names: chosen.names, organization: chosen.organization };
  record(result, "author", candidates, chosen, reasons);
}
