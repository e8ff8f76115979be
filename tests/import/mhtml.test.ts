import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importArticles, type ImportedArticle } from "../../src/import/import.js";
import { looksLikeMhtml, mhtmlPage } from "../../src/import/mhtml.js";
import { repoRoot, tempDir } from "../helpers/build.js";

/** Quoted-printable as Chrome writes it: lines of at most 76 characters, soft breaks "=" CRLF. */
function quotedPrintable(bytes: Uint8Array): string {
  let out = "";
  let line = "";
  for (const byte of bytes) {
    const piece =
      (byte >= 0x21 && byte <= 0x7e && byte !== 0x3d) || byte === 0x20 ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    if (line.length + piece.length > 75) {
      out += `${line}=\r\n`;
      line = "";
    }
    line += piece;
  }
  return out + line;
}

/** An .mhtml file as Chrome's "Webpage, Single File" saves one: the page, then an image. */
function mhtml(page: Uint8Array, options: { encoding?: "quoted-printable" | "base64"; charset?: string; location?: string } = {}): string {
  const boundary = "----MultipartBoundary--k2uKm0ylzxwOfrXr2SYxQ0cdIiWmIDbfFpx7Jd3LBl----";
  const encoding = options.encoding ?? "quoted-printable";
  const body =
    encoding === "base64"
      ? (
          Buffer.from(page)
            .toString("base64")
            .match(/.{1,76}/gu) ?? []
        ).join("\r\n")
      : quotedPrintable(page);
  const location = options.location ?? "https://news.example/2015/08/15/story.html";
  return [
    "From: <Saved by Blink>",
    `Snapshot-Content-Location: ${location}`,
    "Subject: =?utf-8?Q?A_story?=",
    "Date: Wed, 2 Dec 2026 10:00:00 -0000",
    "MIME-Version: 1.0",
    "Content-Type: multipart/related;",
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    "",
    "",
    `--${boundary}`,
    `Content-Type: text/html${options.charset === undefined ? "" : `; charset=${options.charset}`}`,
    "Content-ID: <frame-1D4C0E8E1F0B6E5C8E4E2B8D9C1A7F3E@mhtml.blink>",
    `Content-Transfer-Encoding: ${encoding}`,
    `Content-Location: ${location}`,
    "",
    body,
    `--${boundary}`,
    "Content-Type: image/png",
    "Content-Transfer-Encoding: base64",
    "Content-Location: https://news.example/a.png",
    "",
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    `--${boundary}--`,
    "",
  ].join("\r\n");
}

const realPython = path.join(repoRoot, "tests/fixtures/import/extractors/realpython/page.html");
const gazeta = path.join(repoRoot, "tests/fixtures/import/legacy/gazeta/page.html");

describe("mhtmlPage", () => {
  it.each(["quoted-printable", "base64"] as const)("gives back the page's bytes from a %s part, with where it came from", async (encoding) => {
    const page = await readFile(realPython);
    const file = Buffer.from(mhtml(page, { encoding }), "latin1");
    expect(looksLikeMhtml(file)).toBe(true);
    const found = mhtmlPage(file);
    expect(Buffer.from(found!.html).equals(page)).toBe(true);
    expect(found?.location).toBe("https://news.example/2015/08/15/story.html");
  });

  it("reads the charset its part names", async () => {
    expect(mhtmlPage(Buffer.from(mhtml(await readFile(gazeta), { charset: "windows-1251" }), "latin1"))?.charset).toBe("windows-1251");
  });

  it("is no MHTML page without a text/html part, and an HTML page is no MHTML file", async () => {
    expect(mhtmlPage(Buffer.from(mhtml(Buffer.from("x")).replace("Content-Type: text/html", "Content-Type: text/css")))).toBeUndefined();
    expect(looksLikeMhtml(await readFile(realPython))).toBe(false);
  });
});

describe("wirefeed import of an .mhtml file", () => {
  // Each file in an import of its own: two copies of one page in one import give one article.
  const imported = async (files: Record<string, string | Uint8Array>): Promise<ImportedArticle[]> => {
    const cwd = await tempDir("wirefeed-import-mhtml-");
    await mkdir(path.join(cwd, "saved"));
    const articles: ImportedArticle[] = [];
    for (const [name, content] of Object.entries(files)) {
      await writeFile(path.join(cwd, "saved", name), content);
      articles.push(...(await importArticles({ cwd, inputs: [`saved/${name}`], dryRun: true, out: path.join(cwd, "articles") })).articles);
    }
    return articles;
  };
  const same = (article: ImportedArticle | undefined) => [
    article?.outcome,
    article?.detection?.title?.value,
    article?.detection?.date?.value,
    article?.markdown,
  ];

  it("imports the page inside as it imports the page itself (Real Python, UTF-8, quoted-printable)", async () => {
    const page = await readFile(realPython);
    const [direct, single] = await imported({ "page.html": page, "story.mhtml": Buffer.from(mhtml(page), "latin1") });
    expect(direct?.outcome).toBe("would-import");
    expect(same(single)).toEqual(same(direct));
  });

  it("reads a page in the charset its part names (gazeta.ru, windows-1251), and an .mht under another name", async () => {
    const page = await readFile(gazeta);
    const articles = await imported({
      "page.html": page,
      "story.mht": Buffer.from(mhtml(page, { charset: "windows-1251" }), "latin1"),
      "story-saved.html": Buffer.from(mhtml(page, { encoding: "base64" }), "latin1"),
    });
    const direct = articles.find((article) => article.source.endsWith("page.html"));
    expect(direct?.detection?.title?.value).toBe("Что делать, если у вашего банка-кредитора отозвали лицензию или в нем введено внешнее управление");
    for (const source of ["saved/story.mht", "saved/story-saved.html"])
      expect(same(articles.find((article) => article.source === source))).toEqual(same(direct));
    expect(articles.find((article) => article.source === "saved/story.mht")?.detection?.encoding?.value).toBe(
      "windows-1251, as its MHTML part's Content-Type says",
    );
  });

  it("resolves the page's relative links against the address it was saved from, where it names no canonical one", async () => {
    const page = [
      "<!doctype html><html lang=en><head><title>Storm hits the coast</title>",
      '<meta property="article:published_time" content="2015-08-15T10:00:00Z"></head><body><article><h1>Storm hits the coast</h1>',
      '<p>The storm reached the coast on Saturday, <a href="../14/warning.html">a day after the warning</a>, and the harbour closed.</p>',
      "<p>Crews worked through the night to clear the roads, and power came back by the morning in most towns.</p></article></body></html>",
    ].join("\n");
    const [article] = await imported({ "storm.mhtml": Buffer.from(mhtml(Buffer.from(page)), "latin1") });
    expect(article?.markdown).toContain("[a day after the warning](https://news.example/2015/08/14/warning.html)");
  });

  it("needs attention for an .mhtml file that holds no page", async () => {
    const [article] = await imported({ "empty.mhtml": "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n\r\nnothing\r\n" });
    expect(article).toMatchObject({ outcome: "needs-attention", reason: "the file is no MHTML page: it holds no text/html part" });
  });
});
