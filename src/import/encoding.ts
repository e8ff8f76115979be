/**
 * A saved file's bytes as text. Pages saved from the web are often in the legacy encoding their
 * site served (windows-1251 in Bulgaria, iso-8859-2 in Poland and Hungary, GBK in China), and say
 * so in a `<meta>`; a browser reads them by that declaration, and so does import.
 */

/** The text, and how it was read: `declared` names the declaration a non-UTF-8 text was read by. */
export type DecodedPage =
  | { ok: true; text: string; encoding: string; declared?: { by: string; line: number } }
  | { ok: false; line: number; column: number; message: string; hint: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

// The head a declaration must be in. The HTML standard's prescan reads 1,024 bytes; saved pages put
// scripts and comments first often enough that a browser's later, tree-building look is needed.
const HEAD_BYTES = 16 * 1024;

// `<meta charset="windows-1251">`, and `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">`
// with its attributes in any order; the XML declaration of an XHTML page.
const META = /<meta\b((?:[^>"']|"[^"]*"|'[^']*')*)>/giu;
const ATTRIBUTE = /([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/gu;
const CONTENT_CHARSET = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/iu;
const XML_DECLARATION = /^<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/u;

/** The encoding a byte order mark names, and its length. */
function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/** The first charset an HTML head declares, with the 1-based line and what declared it. */
export function declaredCharset(head: string): { label: string; by: string; line: number } | undefined {
  const lineOf = (index: number) => head.slice(0, index).split("\n").length;
  const xml = XML_DECLARATION.exec(head);
  if (xml) return { label: xml[1]!, by: "the XML declaration", line: 1 };
  for (const meta of head.matchAll(META)) {
    const attributes = new Map<string, string>();
    for (const [, name, ...values] of meta[1]!.matchAll(ATTRIBUTE))
      attributes.set(name!.toLowerCase(), (values.find((value) => value !== undefined) ?? "").trim());
    const charset = attributes.get("charset");
    if (charset) return { label: charset, by: "<meta charset>", line: lineOf(meta.index) };
    const content = attributes.get("http-equiv")?.toLowerCase() === "content-type" ? CONTENT_CHARSET.exec(attributes.get("content") ?? "") : undefined;
    if (content) return { label: content[1]!, by: "<meta http-equiv=Content-Type>", line: lineOf(meta.index) };
  }
  return undefined;
}

// windows-1252's characters at 0x80 to 0x9F (curly quotes, dashes, the euro sign), as the Encoding
// Standard maps them: Node 20 decodes windows-1252 as ISO-8859-1 and gives C1 controls there.
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** `bytes` decoded in `encoding`. */
function decodeIn(encoding: string, bytes: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(bytes);
  return encoding === "windows-1252" ? text.replace(/[\u0080-\u009f]/gu, (control) => WINDOWS_1252_HIGH[control.charCodeAt(0) - 0x80]!) : text;
}

/** The encoding a label names, as the Encoding Standard maps labels ("latin1" is windows-1252), or undefined. */
function encodingOf(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** Line and column (1-based, in bytes) of the first byte that is not UTF-8. */
function firstInvalidByte(bytes: Uint8Array): { line: number; column: number; byte: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    const sequence = bytes.subarray(index, index + length);
    if (length === 0 || sequence.length < length || (length > 1 && !isUtf8(sequence))) return { line, column: index - lineStart + 1, byte };
    if (byte === 0x0a) {
      line++;
      lineStart = index + 1;
    }
    index += length;
  }
  return { line, column: bytes.length - lineStart + 1, byte: 0 };
}

const isUtf8 = (bytes: Uint8Array): boolean => {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/**
 * The file's text. Bytes that are valid UTF-8 are read as UTF-8 whatever a page declares: a
 * legacy-encoded page almost never is, and a page converted to UTF-8 when it was saved often keeps its
 * old `<meta>`. Otherwise an HTML page is read in the encoding its byte order mark, its transport
 * (`transport`: the charset of the MHTML part that held it) or its head declares;
 * a file in no known encoding is refused at its first byte that is not UTF-8.
 */
export function decodePage(bytes: Uint8Array, isHtml: boolean, transport?: { label: string; by: string }): DecodedPage {
  const mark = byteOrderMark(bytes);
  if (mark !== undefined && mark.encoding !== "utf-8")
    return {
      ok: true,
      text: new TextDecoder(mark.encoding).decode(bytes.subarray(mark.length)),
      encoding: mark.encoding,
      declared: { by: "its byte order mark", line: 1 },
    };
  if (isUtf8(bytes)) return { ok: true, text: utf8.decode(bytes), encoding: "utf-8" };

  // The charset the page came with (an MHTML part's Content-Type) goes before the page's own, as HTTP's does.
  const declared = transport
    ? { ...transport, line: 1 }
    : isHtml
      ? declaredCharset(new TextDecoder("windows-1252").decode(bytes.subarray(0, HEAD_BYTES)))
      : undefined;
  const encoding = declared && encodingOf(declared.label);
  // A UTF-16 label in an ASCII-readable head is a mistake the Encoding Standard reads as UTF-8.
  if (declared && encoding !== undefined && encoding !== "utf-8" && !encoding.startsWith("utf-16"))
    return { ok: true, text: decodeIn(encoding, bytes), encoding, declared: { by: declared.by, line: declared.line } };
  const invalid = firstInvalidByte(bytes);
  const found = `byte 0x${invalid.byte.toString(16).padStart(2, "0").toUpperCase()} is not UTF-8`;
  const convert =
    "convert it to UTF-8 (iconv -f ENCODING -t UTF-8, ENCODING being the one it was saved in: windows-1252, iso-8859-2, shift_jis...) and import again";
  if (declared === undefined)
    return {
      ok: false,
      ...invalid,
      message: `the file is not UTF-8 (${found}) and ${isHtml ? "the page declares no charset" : "plain text declares no encoding"}`,
      hint: isHtml ? `add <meta charset="ENCODING"> to its <head>, or ${convert}` : convert,
    };
  return {
    ok: false,
    ...invalid,
    message:
      encoding === undefined
        ? `the page declares the charset "${declared.label}" (line ${declared.line}), which is no encoding wirefeed knows, and is not UTF-8 (${found})`
        : `the page declares ${encoding} (line ${declared.line}) but ${found}`,
    hint: `correct its ${declared.by}, or ${convert}`,
  };
}
