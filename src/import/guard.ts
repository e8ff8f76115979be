/**
 * Checks made before a source reaches a parser: it is a regular file of a sane size, and
 * an HTML page does not nest so deep that the recursive tree walks of the HTML libraries
 * (hast utilities, Readability) would overflow the stack.
 */
import { constants } from "node:fs";
import { open } from "node:fs/promises";

/** Larger than any saved article page; a bigger file is a mistake (a video, a disk image). */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

/** Far deeper than real pages (a few dozen levels), far shallower than a stack overflow (thousands). */
export const MAX_NESTING = 1000;

/** Why a source is not read. */
export type Refusal = { kind: "not-regular"; what: string } | { kind: "too-large"; bytes: number } | { kind: "unreadable"; code: string };

/**
 * Reads a file only when it is a regular file within `MAX_SOURCE_BYTES`. The file is opened
 * without blocking and checked through the open handle, so a FIFO never blocks the import
 * and a file swapped for a device after a check is still refused.
 * @param file the absolute path
 */
export async function readRegularFile(file: string): Promise<{ ok: true; bytes: Buffer } | { ok: false; refusal: Refusal }> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, refusal: { kind: "not-regular", what: fileKind(info) } };
    if (info.size > MAX_SOURCE_BYTES) return { ok: false, refusal: { kind: "too-large", bytes: info.size } };
    return { ok: true, bytes: await handle.readFile() };
  } catch (error) {
    return { ok: false, refusal: { kind: "unreadable", code: (error as NodeJS.ErrnoException).code ?? "error" } };
  } finally {
    await handle?.close();
  }
}

/** What a non-regular file is, in words. */
export function fileKind(info: {
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
  isSymbolicLink(): boolean;
}): string {
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  if (info.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}

// Elements HTML closes by itself or that never hold children: they add no depth to count.
const NO_DEPTH = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
  "p",
  "li",
  "dt",
  "dd",
  "option",
  "optgroup",
  "tr",
  "td",
  "th",
  "thead",
  "tbody",
  "tfoot",
  "rt",
  "rp",
  "colgroup",
  "caption",
  "html",
  "head",
  "body",
]);
// Their content is text to the parser, so tags inside them are not elements.
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]);
const TAG = /<(?:!--[\s\S]*?(?:-->|$)|(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>)/gu;

/**
 * Finds where an HTML page's elements nest deeper than `limit`, scanning the text without
 * building a tree (so the check itself cannot overflow). Elements that close themselves
 * (p, li, td ...) are not counted, so sloppy markup does not look deep.
 * @param html the page's source
 * @param limit the deepest nesting allowed
 * @returns the 1-based line and column of the tag that goes too deep, or undefined
 */
export function tooDeep(html: string, limit = MAX_NESTING): { line: number; column: number; depth: number } | undefined {
  const open: string[] = [];
  let rawUntil: string | undefined;
  for (const match of html.matchAll(TAG)) {
    const [, closing, rawName, attributes = ""] = match;
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (rawUntil !== undefined) {
      if (closing === "/" && name === rawUntil) rawUntil = undefined;
      continue;
    }
    if (closing === "/") {
      const at = open.lastIndexOf(name);
      if (at !== -1) open.length = at;
      continue;
    }
    if (RAW_TEXT.has(name)) {
      if (!attributes.trimEnd().endsWith("/")) rawUntil = name;
      continue;
    }
    if (NO_DEPTH.has(name) || attributes.trimEnd().endsWith("/")) continue;
    open.push(name);
    if (open.length > limit) return { ...position(html, match.index), depth: open.length };
  }
  return undefined;
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf("\n"); index !== -1 && index < offset; index = text.indexOf("\n", index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
