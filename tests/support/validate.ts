// Independent checks for built feeds. Everything here judges our output with
// tools that did not write it: libxml2, jing with the RFC 4287 schema, ajv with
// a JSON Feed 1.1 schema, python3-feedparser and @extractus/feed-extractor.
// Missing tools are setup failures and throw; problems in a document are findings.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { extractFromJson, extractFromXml, type FeedEntry } from "@extractus/feed-extractor";
import { Ajv, type ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import type { Element } from "@xmldom/xmldom";
import { rfc3339Problem, rfc822Problem } from "./dates.js";
import { mediaTypeProblem } from "./media-types.js";
import { ATOM_NS, childElements, parseXmlStrictly, textOf, undeclaredPrefixes } from "./xml.js";

export interface Finding {
  file: string;
  rule: string;
  message: string;
}

const ATOM_SCHEMA = fileURLToPath(new URL("./schemas/atom.rnc", import.meta.url));
const JSON_FEED_SCHEMA = fileURLToPath(new URL("./schemas/jsonfeed-1.1.schema.json", import.meta.url));
const FEEDPARSER_SCRIPT = fileURLToPath(new URL("./feedparser_read.py", import.meta.url));
// Debian installs python3-feedparser for the system interpreter; a pyenv or
// virtualenv python3 earlier on PATH would not see it.
const DEBIAN_PYTHON = "/usr/bin/python3";
const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

interface ToolRun {
  status: number;
  output: string;
}

function runTool(command: string, args: readonly string[]): ToolRun {
  const run = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  if (run.error) {
    throw new Error(`Could not run ${command} (${run.error.message}); run .ci/install-test-tools to install the test tools.`);
  }
  return { status: run.status ?? 1, output: `${run.stdout}${run.stderr}` };
}

function asList(paths: string | readonly string[]): readonly string[] {
  return typeof paths === "string" ? [paths] : paths;
}

// Tools print the absolute paths we pass them; findings name the file as the caller did.
function byAbsolutePath(paths: readonly string[]): Map<string, string> {
  return new Map(paths.map((path) => [resolve(path), path]));
}

// Tool messages start with "<path>:<line>:..."; the longest matching path wins so that
// "/a/feed.xml" never claims a message for "/a/feed.xml.bak".
function fileOfMessage(line: string, files: Map<string, string>): [string, string] | undefined {
  let best: string | undefined;
  for (const absolute of files.keys()) {
    if (line.startsWith(`${absolute}:`) && (best === undefined || absolute.length > best.length)) best = absolute;
  }
  return best === undefined ? undefined : [files.get(best) ?? best, line.slice(best.length + 1)];
}

function isAbsoluteUrl(value: string, schemes?: readonly string[]): boolean {
  if (/\s/.test(value) || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)) return false;
  try {
    const url = new URL(value);
    return schemes === undefined || schemes.includes(url.protocol);
  } catch {
    return false;
  }
}

/** Well-formedness with a real parser (`xmllint --noout`, one run for all files) and with @xmldom/xmldom, whose warnings and errors all count. */
export function checkXmlWellFormed(paths: string | readonly string[]): Finding[] {
  const files = asList(paths);
  if (files.length === 0) return [];
  const findings: Finding[] = [];
  const absolute = byAbsolutePath(files);
  const run = runTool("xmllint", ["--noout", "--nonet", ...absolute.keys()]);
  for (const line of run.output.split("\n")) {
    const located = fileOfMessage(line, absolute);
    // The lines between messages repeat the source and a caret; only the headers carry the error.
    if (located && /^\d+: .*error : /.test(located[1])) {
      findings.push({ file: located[0], rule: "xmllint-not-well-formed", message: located[1] });
    }
  }
  if (run.status !== 0 && findings.length === 0) throw new Error(`xmllint failed without a parser error:\n${run.output}`);
  for (const file of files) {
    for (const error of parseXmlStrictly(readFileSync(file, "utf8")).errors) {
      findings.push({ file, rule: "xmldom-not-well-formed", message: error });
    }
  }
  return findings;
}

/** The XML Schemas of the sitemaps (tests/support/schemas/, each with its source noted inside). */
export const sitemapSchemas = {
  sitemap: fileURLToPath(new URL("./schemas/sitemap.xsd", import.meta.url)),
  siteindex: fileURLToPath(new URL("./schemas/siteindex.xsd", import.meta.url)),
  news: fileURLToPath(new URL("./schemas/news-sitemap-all.xsd", import.meta.url)),
} as const;

/** Validity against an XML Schema with libxml2 (`xmllint --schema`, no network): one finding per error line. */
export function checkXmlSchema(paths: string | readonly string[], schema: string): Finding[] {
  const files = asList(paths);
  if (files.length === 0) return [];
  const absolute = byAbsolutePath(files);
  const run = runTool("xmllint", ["--noout", "--nonet", "--schema", schema, ...absolute.keys()]);
  const findings: Finding[] = [];
  for (const line of run.output.split("\n")) {
    const located = fileOfMessage(line, absolute);
    if (located && /error/i.test(located[1])) findings.push({ file: located[0], rule: "xsd-invalid", message: located[1] });
  }
  if (run.status !== 0 && findings.length === 0) throw new Error(`xmllint --schema failed without a finding:\n${run.output}`);
  return findings;
}

function dateFindings(file: string, rule: string, elements: readonly Element[], problemOf: (text: string) => string | undefined): Finding[] {
  return elements.flatMap((element) => {
    const problem = problemOf(textOf(element));
    return problem === undefined ? [] : [{ file, rule, message: `<${element.tagName}> ${problem}` }];
  });
}

function describeEntry(entry: Element, index: number): string {
  const id = textOf(childElements(entry, ATOM_NS, "id")[0]);
  return id === "" ? `entry ${index + 1}` : `entry ${id}`;
}

// RFC 4287 4.1.1: at most one alternate link per type and hreflang; a link without rel is an alternate.
function alternateLinkFindings(file: string, owner: string, links: readonly Element[]): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const link of links) {
    if ((link.getAttribute("rel") ?? "alternate") !== "alternate") continue;
    const key = `${link.getAttribute("type") ?? ""} ${link.getAttribute("hreflang") ?? ""}`;
    if (seen.has(key)) {
      findings.push({
        file,
        rule: "atom-alternate-duplicate",
        message: `${owner} has more than one alternate link with type "${link.getAttribute("type") ?? ""}" and hreflang "${link.getAttribute("hreflang") ?? ""}"`,
      });
    }
    seen.add(key);
  }
  return findings;
}

function atomProseFindings(file: string): Finding[] {
  const { document, errors } = parseXmlStrictly(readFileSync(file, "utf8"));
  const feed = document?.documentElement;
  if (!feed) return [{ file, rule: "atom-unparseable", message: `not parseable, so the Atom rules were not checked: ${errors.join("; ")}` }];
  if (feed.namespaceURI !== ATOM_NS || feed.localName !== "feed") {
    return [{ file, rule: "atom-root", message: `the root element is <${feed.tagName}>, not an Atom <feed>` }];
  }
  const findings: Finding[] = [];
  const entries = childElements(feed, ATOM_NS, "entry");
  const feedHasAuthor = childElements(feed, ATOM_NS, "author").length > 0;

  const dates = [feed, ...entries].flatMap((element) => [...childElements(element, ATOM_NS, "updated"), ...childElements(element, ATOM_NS, "published")]);
  findings.push(...dateFindings(file, "atom-date-format", dates, rfc3339Problem));

  const ids = [feed, ...entries].flatMap((element) => childElements(element, ATOM_NS, "id"));
  for (const id of ids) {
    if (!isAbsoluteUrl(textOf(id))) findings.push({ file, rule: "atom-id-not-absolute", message: `id "${textOf(id)}" is not an absolute IRI` });
  }
  const seenIds = new Set<string>();
  for (const entry of entries) {
    const id = textOf(childElements(entry, ATOM_NS, "id")[0]);
    if (seenIds.has(id)) findings.push({ file, rule: "atom-id-duplicate", message: `more than one entry has the id "${id}"` });
    seenIds.add(id);
  }

  const selfLinks = childElements(feed, ATOM_NS, "link").filter((link) => link.getAttribute("rel") === "self");
  if (selfLinks.length !== 1)
    findings.push({ file, rule: "atom-self-link", message: `the feed has ${selfLinks.length} links with rel="self"; it needs exactly one` });
  findings.push(...alternateLinkFindings(file, "the feed", childElements(feed, ATOM_NS, "link")));

  const allLinks = [feed, ...entries].flatMap((element) => childElements(element, ATOM_NS, "link"));
  for (const link of allLinks) {
    const href = link.getAttribute("href") ?? "";
    if (!isAbsoluteUrl(href)) findings.push({ file, rule: "atom-link-not-absolute", message: `link href "${href}" is not an absolute IRI` });
  }

  entries.forEach((entry, index) => {
    const name = describeEntry(entry, index);
    const sourceHasAuthor = childElements(entry, ATOM_NS, "source").some((source) => childElements(source, ATOM_NS, "author").length > 0);
    if (!feedHasAuthor && !sourceHasAuthor && childElements(entry, ATOM_NS, "author").length === 0) {
      findings.push({ file, rule: "atom-author-missing", message: `${name} has no author and neither does the feed` });
    }
    const links = childElements(entry, ATOM_NS, "link");
    const hasAlternate = links.some((link) => (link.getAttribute("rel") ?? "alternate") === "alternate");
    if (!hasAlternate && childElements(entry, ATOM_NS, "content").length === 0) {
      findings.push({ file, rule: "atom-entry-no-alternate", message: `${name} has neither an alternate link nor content` });
    }
    findings.push(...alternateLinkFindings(file, name, links));
    const updatedText = textOf(childElements(entry, ATOM_NS, "updated")[0]);
    const publishedText = textOf(childElements(entry, ATOM_NS, "published")[0]);
    // Only dates that carry their offset can be ordered; the others already have a finding.
    const comparable = rfc3339Problem(updatedText) === undefined && rfc3339Problem(publishedText) === undefined;
    if (comparable && Date.parse(updatedText) < Date.parse(publishedText))
      findings.push({ file, rule: "atom-updated-before-published", message: `${name} was updated before it was published` });
  });
  return findings;
}

/** Atom against the RFC 4287 RELAX NG schema (jing, one run for all files), plus the rules the RFC states in prose: authors, absolute and unique ids, RFC 3339 dates with offsets, updated not before published, one self link, alternate links. */
export function checkAtom(paths: string | readonly string[]): Finding[] {
  const files = asList(paths);
  if (files.length === 0) return [];
  const findings: Finding[] = [];
  const absolute = byAbsolutePath(files);
  const run = runTool("jing", ["-c", ATOM_SCHEMA, ...absolute.keys()]);
  for (const line of run.output.split("\n")) {
    const located = fileOfMessage(line, absolute);
    if (located) findings.push({ file: located[0], rule: "atom-schema", message: located[1] });
  }
  if (run.status !== 0 && findings.length === 0) throw new Error(`jing failed without naming a file:\n${run.output}`);
  return [...findings, ...files.flatMap(atomProseFindings)];
}

const RSS_AUTHOR = /^[^\s@()]+@[^\s@()]+\.[^\s@()]+( \(.+\))?$/;

function rssItemFindings(file: string, items: readonly Element[]): Finding[] {
  const findings: Finding[] = [];
  const seenGuids = new Set<string>();
  items.forEach((item, index) => {
    const name = textOf(childElements(item, null, "guid")[0]) || `item ${index + 1}`;
    const add = (rule: string, message: string): void => {
      findings.push({ file, rule, message: `${name}: ${message}` });
    };
    if (textOf(childElements(item, null, "title")[0]).trim() === "" && textOf(childElements(item, null, "description")[0]).trim() === "") {
      add("rss-item-empty", "an item needs a title or a description");
    }
    const guids = childElements(item, null, "guid");
    const guid = guids[0];
    if (guid === undefined || textOf(guid).trim() === "") add("rss-guid-missing", "the item has no guid");
    if (guids.length > 1) add("rss-guid-missing", "the item has more than one guid");
    if (guid !== undefined) {
      const value = textOf(guid);
      if (seenGuids.has(value)) add("rss-guid-duplicate", "another item has the same guid");
      seenGuids.add(value);
      if (guid.getAttribute("isPermaLink") !== "false" && !isAbsoluteUrl(value, ["http:", "https:"])) {
        add("rss-guid-permalink", `guid "${value}" is a permalink (isPermaLink is not "false") but not an absolute http(s) URL`);
      }
    }
    const enclosures = childElements(item, null, "enclosure");
    if (enclosures.length > 1) add("rss-enclosure-count", `the item has ${enclosures.length} enclosures; readers keep only one`);
    for (const enclosure of enclosures) {
      const url = enclosure.getAttribute("url") ?? "";
      const length = enclosure.getAttribute("length") ?? "";
      const type = enclosure.getAttribute("type") ?? "";
      if (!isAbsoluteUrl(url, ["http:", "https:"])) add("rss-enclosure-url", `enclosure url "${url}" is not an absolute http(s) URL`);
      if (!/^\d+$/.test(length)) add("rss-enclosure-length", `enclosure length "${length}" is not a byte count`);
      const typeProblem = mediaTypeProblem(type);
      if (typeProblem !== undefined) add("rss-enclosure-type", typeProblem);
    }
    for (const author of childElements(item, null, "author")) {
      if (!RSS_AUTHOR.test(textOf(author))) add("rss-author-not-email", `<author> "${textOf(author)}" is not an email address (names belong in dc:creator)`);
    }
  });
  return findings;
}

/** RSS 2.0 with the RSS Advisory Board profile: required channel elements, RFC 822 dates, guids, enclosures, an atom:link rel="self" equal to `selfUrl`, declared prefixes. */
export function checkRss(path: string, selfUrl: string): Finding[] {
  const text = readFileSync(path, "utf8");
  const findings: Finding[] = undeclaredPrefixes(text).map((name) => ({
    file: path,
    rule: "rss-prefix-undeclared",
    message: `<${name}> uses a namespace prefix that is not declared`,
  }));
  const { document, errors } = parseXmlStrictly(text);
  const rss = document?.documentElement;
  if (!rss) return [...findings, { file: path, rule: "rss-unparseable", message: `not parseable, so the RSS rules were not checked: ${errors.join("; ")}` }];
  const channels = childElements(rss, null, "channel");
  const channel = channels[0];
  if (rss.localName !== "rss" || rss.namespaceURI !== null || rss.getAttribute("version") !== "2.0" || channels.length !== 1 || channel === undefined) {
    return [...findings, { file: path, rule: "rss-root", message: 'the root must be <rss version="2.0"> holding exactly one <channel>' }];
  }
  for (const required of ["title", "link", "description"]) {
    if (textOf(childElements(channel, null, required)[0]).trim() === "") {
      findings.push({ file: path, rule: "rss-channel-required", message: `the channel needs a non-empty <${required}>` });
    }
  }
  for (const editor of [...childElements(channel, null, "managingEditor"), ...childElements(channel, null, "webMaster")]) {
    if (!RSS_AUTHOR.test(textOf(editor)))
      findings.push({ file: path, rule: "rss-author-not-email", message: `<${editor.tagName}> "${textOf(editor)}" is not an email address` });
  }
  const items = childElements(channel, null, "item");
  const dates = [channel, ...items].flatMap((element) => [...childElements(element, null, "pubDate"), ...childElements(element, null, "lastBuildDate")]);
  findings.push(...dateFindings(path, "rss-date-format", dates, rfc822Problem));

  const selfLinks = childElements(channel, ATOM_NS, "link").filter((link) => link.getAttribute("rel") === "self");
  const selfLink = selfLinks[0];
  if (selfLinks.length !== 1 || selfLink === undefined) {
    findings.push({
      file: path,
      rule: "rss-self-link",
      message: `the channel has ${selfLinks.length} atom:link elements with rel="self"; it needs exactly one`,
    });
  } else if (selfLink.getAttribute("href") !== selfUrl) {
    findings.push({
      file: path,
      rule: "rss-self-link",
      message: `atom:link rel="self" points to "${selfLink.getAttribute("href") ?? ""}", not the feed's URL "${selfUrl}"`,
    });
  }
  return [...findings, ...rssItemFindings(path, items)];
}

let jsonFeedValidator: ReturnType<Ajv["compile"]> | undefined;

function validateJsonFeedSchema(document: unknown): ErrorObject[] {
  if (jsonFeedValidator === undefined) {
    // strictRequired would reject `anyOf: [{ required: [...] }]`, the schema's way of saying "at least one of".
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    addFormats.default(ajv);
    jsonFeedValidator = ajv.compile(JSON.parse(readFileSync(JSON_FEED_SCHEMA, "utf8")) as object);
  }
  return jsonFeedValidator(document) ? [] : (jsonFeedValidator.errors ?? []);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON Feed against the JSON Feed 1.1 JSON Schema (ajv with formats), plus: version exactly 1.1, unique item ids, `authors` and never the deprecated `author`, RFC 3339 dates with offsets. */
export function checkJsonFeed(paths: string | readonly string[]): Finding[] {
  return asList(paths).flatMap((file): Finding[] => {
    let feed: unknown;
    try {
      feed = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      return [{ file, rule: "jsonfeed-syntax", message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }];
    }
    const findings: Finding[] = validateJsonFeedSchema(feed).map((error) => ({
      file,
      rule: "jsonfeed-schema",
      message: `${error.instancePath || "/"} ${error.message ?? "is invalid"}${error.params && Object.keys(error.params).length > 0 ? ` ${JSON.stringify(error.params)}` : ""}`,
    }));
    if (!isRecord(feed)) return findings;
    if (feed.version !== JSON_FEED_VERSION) {
      findings.push({ file, rule: "jsonfeed-version", message: `version is ${JSON.stringify(feed.version)}, not "${JSON_FEED_VERSION}"` });
    }
    if ("author" in feed) findings.push({ file, rule: "jsonfeed-author-deprecated", message: 'the feed uses "author" (JSON Feed 1.0); use "authors"' });
    const items = Array.isArray(feed.items) ? feed.items.filter(isRecord) : [];
    const seenIds = new Set<unknown>();
    items.forEach((item, index) => {
      const name = typeof item.id === "string" ? `item ${item.id}` : `item ${index + 1}`;
      if (seenIds.has(item.id)) findings.push({ file, rule: "jsonfeed-id-duplicate", message: `${name}: another item has the same id` });
      seenIds.add(item.id);
      if ("author" in item) findings.push({ file, rule: "jsonfeed-author-deprecated", message: `${name} uses "author" (JSON Feed 1.0); use "authors"` });
      for (const key of ["date_published", "date_modified"]) {
        const value = item[key];
        const problem = typeof value === "string" ? rfc3339Problem(value) : undefined;
        if (problem !== undefined) findings.push({ file, rule: "jsonfeed-date-format", message: `${name} ${key}: ${problem}` });
      }
    });
    return findings;
  });
}

/** Runs every check on a build's output folder: feed.xml (RSS, its atom:link self must equal `rssSelfUrl`), atom.xml and feed.json. */
export function checkBuildOutput(folder: string, rssSelfUrl: string): Finding[] {
  const rss = join(folder, "feed.xml");
  const atom = join(folder, "atom.xml");
  return [...checkXmlWellFormed([rss, atom]), ...checkRss(rss, rssSelfUrl), ...checkAtom(atom), ...checkJsonFeed(join(folder, "feed.json"))];
}

export interface FeedparserPerson {
  name: string | null;
  email: string | null;
}

export interface FeedparserEntry {
  id: string | null;
  link: string | null;
  title: string | null;
  /** UTC, to the second: "2024-03-01T08:30:00Z". */
  published: string | null;
  updated: string | null;
  authors: FeedparserPerson[];
  tags: (string | null)[];
  summary: string | null;
  /** The value of each content element, in order. */
  content: (string | null)[];
  enclosures: { href: string | null; type: string | null; length: string | null }[];
  /** The text of each media:credit, in order. */
  mediaCredit: (string | null)[];
}

export interface FeedparserResult {
  file: string;
  /** 0 when feedparser found nothing wrong with the document. */
  bozo: 0 | 1;
  bozoException: string | null;
  /** feedparser's name for the format it recognized, e.g. "rss20" or "atom10". */
  version: string | null;
  feedTitle: string | null;
  entries: FeedparserEntry[];
}

/** Parses RSS and Atom files with Debian's python3-feedparser (one Python run for all files) and returns what it read from each, in order. */
export function readWithFeedparser(paths: readonly string[]): FeedparserResult[] {
  if (paths.length === 0) return [];
  const run = spawnSync(DEBIAN_PYTHON, [FEEDPARSER_SCRIPT, ...paths], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  if (run.error || run.status !== 0) {
    throw new Error(`feedparser did not run (${run.error?.message ?? run.stderr}); run .ci/install-test-tools to install python3-feedparser.`);
  }
  return JSON.parse(run.stdout) as FeedparserResult[];
}

export interface FeedExtractorEntry {
  id: string;
  link: string;
  title: string;
  /** ISO 8601 in UTC as feed-extractor normalizes it; for Atom it prefers updated over published. */
  published: string;
  description: string;
  /** The item as the parser saw it before normalizing, for authors, tags and credits. */
  raw: Record<string, unknown>;
}

export interface FeedExtractorResult {
  file: string;
  title: string;
  link: string;
  entries: FeedExtractorEntry[];
}

/** Parses an RSS, Atom or JSON Feed file with @extractus/feed-extractor, a second parser independent of feedparser; throws when it cannot read the file at all. */
export function readWithFeedExtractor(path: string): FeedExtractorResult {
  const text = readFileSync(path, "utf8");
  const options = { descriptionMaxLen: 0, getExtraEntryFields: (raw: Record<string, unknown>) => ({ raw }) };
  let feed: ReturnType<typeof extractFromXml> | ReturnType<typeof extractFromJson>;
  try {
    feed = /^\s*\{/.test(text) ? extractFromJson(text, options) : extractFromXml(text, options);
  } catch (error) {
    throw new Error(`feed-extractor could not read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const entries = (feed.entries ?? []).map((entry: FeedEntry) => ({
    id: entry.id,
    link: entry.link ?? "",
    title: entry.title ?? "",
    published: entry.published ?? "",
    description: entry.description ?? "",
    raw: isRecord(entry.raw) ? entry.raw : {},
  }));
  return { file: path, title: feed.title ?? "", link: feed.link ?? "", entries };
}
