import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { declaredCharset, decodePage } from "../../src/import/encoding.js";

/** Bytes of `text` in a one-byte legacy encoding, from a table of its non-ASCII characters. */
const legacy = (text: string, table: Record<string, number>): Uint8Array =>
  Uint8Array.from([...text].map((character) => table[character] ?? character.charCodeAt(0)));
// windows-1251: "Борисов"; iso-8859-2: "ę", "ł", "ź", "ő"; GBK: "谷歌" (0xB9C8 0xB8E8).
const cp1251 = { Б: 0xc1, о: 0xee, р: 0xf0, и: 0xe8, с: 0xf1, в: 0xe2 };
const latin2 = { ę: 0xea, ł: 0xb3, ź: 0xbc, ő: 0xf5 };
const page = (head: string, body: string) => `<!doctype html>\n<html><head>\n${head}\n</head><body><p>${body}</p></body></html>\n`;

describe("declaredCharset", () => {
  it.each([
    ['<meta charset="windows-1251">', "windows-1251", "<meta charset>"],
    ["<meta charset=iso-8859-2 />", "iso-8859-2", "<meta charset>"],
    ['<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1251">', "windows-1251", "<meta http-equiv=Content-Type>"],
    // The attributes in the other order, single quotes.
    ["<meta content='text/html; charset=ISO-8859-2' http-equiv='content-type'>", "ISO-8859-2", "<meta http-equiv=Content-Type>"],
  ])("%s declares %s", (head, label, by) => {
    expect(declaredCharset(`<html><head>\n${head}</head>`)).toEqual({ label, by, line: 2 });
  });

  it.each([
    // A content attribute naming a charset is a declaration only with http-equiv=Content-Type.
    ['<meta name="description" content="text/html; charset=koi8-r">'],
    // A charset in a script's or stylesheet's tag is that file's, not the page's.
    ['<script charset="windows-1252" src="a.js"></script>'],
    ['<meta property="og:title" content="charset">'],
  ])("%s declares nothing", (head) => {
    expect(declaredCharset(`<html><head>${head}</head>`)).toBeUndefined();
  });

  it("reads the XML declaration of an XHTML page", () => {
    expect(declaredCharset('<?xml version="1.0" encoding="iso-8859-2"?>\n<html>')).toEqual({ label: "iso-8859-2", by: "the XML declaration", line: 1 });
  });
});

describe("decodePage", () => {
  it.each([
    ["windows-1251 by <meta charset>", legacy(page('<meta charset="windows-1251">', "Борисов"), cp1251), "windows-1251", "Борисов"],
    [
      "iso-8859-2 by http-equiv",
      legacy(page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">', "najwięcej, łódź, Petőfi"), latin2),
      "iso-8859-2",
      "najwięcej, łódź, Petőfi",
    ],
    // gb2312 is a label of GBK in the Encoding Standard.
    ["GBK by its gb2312 label", Uint8Array.from([...Buffer.from(page('<meta charset="gb2312">', "")), 0xb9, 0xc8, 0xb8, 0xe8]), "gbk", "谷歌"],
    // "latin1" is windows-1252, whose 0x93 and 0x94 are curly quotes.
    [
      "windows-1252 by its latin1 label",
      legacy(page('<meta charset="latin1">', "\u201cCafé\u201d"), { "\u201c": 0x93, "\u201d": 0x94, é: 0xe9 }),
      "windows-1252",
      "\u201cCafé\u201d",
    ],
  ])("reads a page in %s", (_, bytes, encoding, text) => {
    const decoded = decodePage(bytes, true);
    expect(decoded).toMatchObject({ ok: true, encoding });
    expect(decoded.ok && decoded.text).toContain(text);
  });

  it("reads bytes that are UTF-8 as UTF-8, whatever the page declares (a page converted when it was saved)", () => {
    expect(decodePage(Buffer.from(page('<meta charset="gb2312">', "谷歌 Борисов")), true)).toMatchObject({ ok: true, encoding: "utf-8" });
    // The byte order mark is no part of the text.
    expect(decodePage(Buffer.from("\ufeffCafé"), false)).toEqual({ ok: true, text: "Café", encoding: "utf-8" });
  });

  it("reads UTF-16 by its byte order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Café\nFebruary 25, 2022\n", "utf16le")]);
    expect(decodePage(bytes, false)).toEqual({
      ok: true,
      text: "Café\nFebruary 25, 2022\n",
      encoding: "utf-16le",
      declared: { by: "its byte order mark", line: 1 },
    });
  });

  it.each([
    [
      "plain text, which declares no encoding",
      Buffer.from("Title\nCaf\xe9 News\n", "latin1"),
      false,
      { line: 2, column: 4 },
      "plain text declares no encoding",
    ],
    ["a page that declares no charset", Buffer.from(page("", "Caf\xe9"), "latin1"), true, { line: 4, column: 20 }, "the page declares no charset"],
    [
      "a page that says it is UTF-8",
      Buffer.from(page('<meta charset="utf-8">', "Caf\xe9"), "latin1"),
      true,
      { line: 4, column: 20 },
      "declares utf-8 (line 3) but byte 0xE9",
    ],
    ["a charset no encoding has", Buffer.from(page('<meta charset="x-mac-klingon">', "Caf\xe9"), "latin1"), true, { line: 4, column: 20 }, '"x-mac-klingon"'],
    // A UTF-16 label in a head readable as ASCII is read as UTF-8, as the Encoding Standard says.
    [
      "a page that says it is UTF-16 without a byte order mark",
      Buffer.from(page('<meta charset="utf-16">', "Caf\xe9"), "latin1"),
      true,
      { line: 4, column: 20 },
      "utf-16le",
    ],
  ])("refuses %s at its first byte that is not UTF-8", (_, bytes, isHtml, position, message) => {
    const decoded = decodePage(bytes, isHtml);
    expect(decoded).toMatchObject({ ok: false, ...position });
    expect(!decoded.ok && decoded.message).toContain(message);
    expect(!decoded.ok && decoded.hint).toContain("iconv -f ENCODING -t UTF-8");
  });
});

describe("decodePage on any bytes", () => {
  // Any bytes under any head a page may have: a text or a refusal at a real position, never a throw.
  const head = fc.constantFrom(
    "",
    '<meta charset="windows-1251">',
    '<meta charset="utf-8">',
    '<meta charset="nope">',
    '<meta http-equiv="content-type" content="text/html; charset=gbk">',
    '<?xml version="1.0" encoding="iso-8859-2"?>',
  );
  it("always decodes or refuses with a position inside the file", () => {
    fc.assert(
      fc.property(head, fc.uint8Array({ maxLength: 300 }), fc.boolean(), (declaration, body, isHtml) => {
        const bytes = Buffer.concat([Buffer.from(declaration), body]);
        const decoded = decodePage(bytes, isHtml);
        if (decoded.ok) expect(typeof decoded.text).toBe("string");
        else {
          expect(decoded.line).toBeGreaterThanOrEqual(1);
          expect(decoded.column).toBeGreaterThanOrEqual(1);
          expect(decoded.line).toBeLessThanOrEqual(bytes.filter((byte) => byte === 0x0a).length + 1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
