import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { calendarDate, parseDate } from "../../../text/date.js";
import type { MappedProblem } from "./types.js";

/** A value as a list of strings: a list stays one, a string is one item, anything else none. */
export const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item) => typeof item === "string" || typeof item === "number").map(String) : typeof value === "string" ? [value] : [];

/** The first key of `data` present among `keys`, compared without case when `caseless` (Hugo reads keys so). */
export function findKey(data: Record<string, unknown>, keys: readonly string[], caseless = false): string | undefined {
  for (const wanted of keys) {
    const found = caseless ? Object.keys(data).find((key) => key.toLowerCase() === wanted.toLowerCase()) : wanted in data ? wanted : undefined;
    if (found !== undefined && data[found] !== undefined && data[found] !== null && data[found] !== "") return found;
  }
  return undefined;
}

/** Collects a profile's restatement of front matter in wirefeed's keys, remembering where each came from. */
export class Restated {
  readonly data: Record<string, unknown> = {};
  readonly from: Record<string, (string | number)[]> = {};
  /** Sets `key` to `value`, read from the front matter at `source`. */
  set(key: string, value: unknown, source: (string | number)[]): void {
    this.data[key] = value;
    this.from[key] = source;
  }
  /** Copies the first present of `keys` of `data` to `key`. */
  copy(key: string, data: Record<string, unknown>, keys: readonly string[], caseless = false): string | undefined {
    const found = findKey(data, keys, caseless);
    if (found !== undefined) this.set(key, data[found], [found]);
    return found;
  }
}

/** A tool's config file that does not parse. */
export class ToolConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** Reads a config file of a tool as data, by its extension; undefined when it does not exist. */
export function readToolConfig(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const extension = path.extname(file);
  let data: unknown;
  try {
    data = extension === ".toml" ? parseToml(text) : extension === ".json" ? JSON.parse(text) : parseYaml(text, { schema: "core", prettyErrors: false });
  } catch (error) {
    const where = error as { line?: number; column?: number; linePos?: { line: number; col: number }[] };
    throw new ToolConfigError(file, (error as Error).message, where.line ?? where.linePos?.[0]?.line, where.column ?? where.linePos?.[0]?.col);
  }
  return typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** A path prefix as "/x/y/" (or "/"). */
export const basePathOf = (value: unknown): string => {
  if (typeof value !== "string" || value.trim() === "") return "/";
  const pathname = URL.canParse(value) ? new URL(value).pathname : value.trim();
  return `/${pathname.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
};

/** Joins URL path pieces with single slashes, keeping a trailing slash when the last piece has one. */
export const joinPath = (...pieces: string[]): string =>
  pieces
    .join("/")
    .replace(/\/{2,}/g, "/")
    .replace(/^\//, "");

/** A relative file path below the site, split into its folders and its file name without extension. */
export function splitPath(relativePath: string): { folders: string[]; stem: string; extension: string } {
  const parts = relativePath.split("/");
  const file = parts.pop() ?? "";
  const extension = path.extname(file);
  return { folders: parts, stem: file.slice(0, file.length - extension.length), extension };
}

/**
 * An image path as the page will show it: absolute URLs stay; a site path (`/img/a.jpg`) is
 * below the tool's base; a relative one is next to the page (a Hugo bundle's own resources).
 */
export function imageUrl(src: string, siteBase: string, pageUrl: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(src) || src.startsWith("//")) return src;
  if (src.startsWith("/")) return new URL(src.replace(/^\/+/, ""), siteBase).href;
  return new URL(src, pageUrl).href;
}

/** Where the tool's pages live: the config's URL, with the tool's base path unless the URL already ends in it. */
export function siteBase(configUrl: string, basePath: string): string {
  const url = new URL(configUrl);
  if (basePath === "/" || url.pathname.endsWith(basePath)) return url.href;
  return new URL(basePath.replace(/^\/+/, ""), url).href;
}

/** The calendar day of a front matter date in the tool's zone, for permalink tokens; undefined when it is no date. */
export function calendarOf(value: unknown, timeZone: string): { year: string; month: string; day: string; date: Date } | undefined {
  const parsed = parseDate(value, timeZone);
  return parsed.ok ? { ...calendarDate(parsed.value, timeZone), date: parsed.value } : undefined;
}

/** Keys of a config, lowercased at every level: Hugo reads its config without regard to case. */
export function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key.toLowerCase(), lowerKeys(inner)]));
}

/** The warning for a page its tool lists without a date, which a feed cannot place. */
export const undatedPage = (tool: string): MappedProblem => ({
  rule: "undated-page",
  message: `The page has no date: ${tool} lists it among the posts, but a feed cannot place it, so it is left out`,
  hint: "Add a `date:` to its front matter to publish it in the feeds.",
  at: [],
});
