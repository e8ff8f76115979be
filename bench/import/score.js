// `npm run bench:import`: imports every saved page of two fixture sets with
// `wirefeed import --dry-run`, gives the same pages to Mozilla Readability and Postlight
// Parser, and scores each field against the page's expected.json, one table per set:
// tests/fixtures/import/real (real pages from Mozilla Readability's test set, Apache-2.0)
// and tests/fixtures/import/pages (pages written here). `--verbose` shows every page's misses.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Readability } from "@mozilla/readability";
import Parser from "@postlight/parser";
import { toText } from "hast-util-to-text";
import { parseHTML } from "linkedom";
import rehypeParse from "rehype-parse";
import rehypeRaw from "rehype-raw";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { importArticles } from "../../dist/import/import.js";

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
const sets = [
  { name: "real pages (Mozilla Readability's test set)", dir: path.join(root, "tests/fixtures/import/real") },
  { name: "pages written here", dir: path.join(root, "tests/fixtures/import/pages") },
];
const { values } = parseArgs({ options: { verbose: { type: "boolean", default: false } } });

const markdownToText = (markdown) => {
  const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
  return toText(processor.runSync(processor.parse(markdown)));
};
const htmlToText = (html) =>
  toText(
    unified()
      .use(rehypeParse, { fragment: true })
      .parse(html ?? ""),
  );

/** Lowercase words and numbers, for token F1 and for comparing titles. */
const tokens = (text) => (text ?? "").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const comparable = (text) => tokens(text).join(" ");

function f1(got, expected) {
  const want = new Map();
  for (const token of tokens(expected)) want.set(token, (want.get(token) ?? 0) + 1);
  const gotTokens = tokens(got);
  let common = 0;
  for (const token of gotTokens) {
    const left = want.get(token) ?? 0;
    if (left > 0) {
      common++;
      want.set(token, left - 1);
    }
  }
  const expectedCount = tokens(expected).length;
  if (common === 0 || gotTokens.length === 0 || expectedCount === 0) return 0;
  const precision = common / gotTokens.length;
  const recall = common / expectedCount;
  return (2 * precision * recall) / (precision + recall);
}

/** Right when equal once quotes, case and punctuation are aside, or equal but for a site name after a separator. */
function titleRight(got, expected) {
  if (got === undefined || got === null) return false;
  if (comparable(got) === comparable(expected)) return true;
  const head = /^(.+?)\s+(?:[|–—·]|-)\s+[^|–—·]+$/u.exec(got)?.[1];
  return head !== undefined && comparable(head) === comparable(expected);
}

/** A peer's byline string as names, split the plain way ("By A and B" → A, B), with no cutting of dates or roles. */
function names(byline) {
  if (typeof byline !== "string" || byline.trim() === "") return [];
  return byline
    .replace(/^\s*(?:by|par|von|di|por)\s+/iu, "")
    .split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\be\b|\by\b)\s*/u)
    .map((name) => name.trim())
    .filter(Boolean);
}
const sameNames = (got, expected) =>
  got.length === expected.length && [...got].map(comparable).sort().join("|") === [...expected].map(comparable).sort().join("|");

function utcDay(value) {
  if (value === undefined || value === null || value === "") return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

async function wirefeed(pagesDir) {
  // No config, so UTC: the published day is compared in UTC, and a date-only value is that day.
  const cwd = await mkdtemp(path.join(tmpdir(), "wirefeed-bench-import-"));
  const result = await importArticles({ cwd, inputs: [pagesDir], dryRun: true, out: path.join(cwd, "out") });
  await rm(cwd, { recursive: true, force: true });
  const byPage = new Map();
  for (const article of result.articles) {
    if (!article.source.endsWith("page.html")) continue;
    const detection = article.detection;
    const written = article.outcome === "would-import";
    const body =
      article.markdown === undefined
        ? detection?.body.map((block) => block.value).join("\n\n")
        : markdownToText(article.markdown.split(/^---$/mu).slice(2).join("---"));
    byPage.set(path.basename(path.dirname(article.source)), {
      written,
      title: detection?.title?.value,
      names: detection?.authors?.names ?? [],
      day: detection?.date === undefined ? undefined : utcDay(detection.date.date),
      description: detection?.description?.value,
      body,
    });
  }
  return byPage;
}

function readability(html) {
  const { document } = parseHTML(html);
  const article = new Readability(document).parse();
  return {
    written: article !== null,
    title: article?.title,
    names: names(article?.byline),
    day: utcDay(article?.publishedTime),
    description: article?.excerpt,
    body: article === null ? "" : article.textContent,
  };
}

async function postlight(html, url) {
  const article = await Parser.parse(url, { html });
  return {
    written: article !== null && typeof article.content === "string" && article.content !== "",
    title: article?.title,
    names: names(article?.author),
    day: utcDay(article?.date_published),
    description: article?.dek ?? article?.excerpt,
    body: htmlToText(article?.content),
  };
}

const tools = ["wirefeed", "Readability 0.6.0", "Postlight Parser 2.2.3"];
async function score(set) {
  const pagesDir = set.dir;
  const pages = (await readdir(pagesDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const ours = await wirefeed(pagesDir);
  const rows = { written: {}, title: {}, byline: {}, bylinePerson: {}, description: {}, date: {}, f1: {}, f1High: {} };
  for (const row of Object.values(rows)) for (const tool of tools) row[tool] = [];
  const count = { pages: pages.length, persons: 0, descriptions: 0, dates: 0 };

  for (const page of pages) {
    const html = await readFile(path.join(pagesDir, page, "page.html"), "utf8");
    const expected = JSON.parse(await readFile(path.join(pagesDir, page, "expected.json"), "utf8"));
    const url =
      /<link[^>]+rel="canonical"[^>]+href="([^"]+)"/u.exec(html)?.[1] ?? /property="og:url" content="([^"]+)"/u.exec(html)?.[1] ?? `https://${page}.example/`;
    const results = { wirefeed: ours.get(page), "Readability 0.6.0": readability(html), "Postlight Parser 2.2.3": await postlight(html, url) };
    if (expected.bylineKind === "person") count.persons++;
    if (expected.description !== "") count.descriptions++;
    if (expected.date !== "") count.dates++;
    for (const tool of tools) {
      const got = results[tool] ?? { written: false, names: [], body: "" };
      const bodyF1 = f1(got.body, expected.body);
      const misses = [];
      const mark = (row, ok, what) => {
        rows[row][tool].push(ok);
        if (!ok) misses.push(what);
      };
      // A page without a publication date must not be written (an "Updated" line is not one).
      if (expected.date !== "") mark("written", got.written, "not written");
      mark("title", titleRight(got.title, expected.title), `title ${JSON.stringify(got.title)}`);
      mark("byline", sameNames(got.names, expected.byline), `byline ${JSON.stringify(got.names)}`);
      if (expected.bylineKind === "person") rows.bylinePerson[tool].push(sameNames(got.names, expected.byline));
      if (expected.description !== "") mark("description", f1(got.description, expected.description) >= 0.8, `description ${JSON.stringify(got.description)}`);
      if (expected.date !== "") mark("date", got.day === expected.date, `date ${got.day}`);
      rows.f1[tool].push(bodyF1);
      mark("f1High", bodyF1 >= 0.9, `body F1 ${bodyF1.toFixed(2)}`);
      if (values.verbose && misses.length > 0) console.log(`${set.name}: ${page} ${tool}: ${misses.join("; ")}`);
    }
  }

  const fraction = (list, of) => `${list.filter(Boolean).length} / ${of}`;
  const table = [
    ["field", ...tools],
    ["article written (wirefeed) or returned (peers), of the pages with a date", ...tools.map((tool) => fraction(rows.written[tool], count.dates))],
    ["title right (quotes, site suffix aside)", ...tools.map((tool) => fraction(rows.title[tool], count.pages))],
    ["byline right (every name, nothing else)", ...tools.map((tool) => fraction(rows.byline[tool], count.pages))],
    ["byline right, expected is a person", ...tools.map((tool) => fraction(rows.bylinePerson[tool], count.persons))],
    ["description ≈ expected (token F1 ≥ 0.8)", ...tools.map((tool) => fraction(rows.description[tool], count.descriptions))],
    ["date = the published day (UTC)", ...tools.map((tool) => fraction(rows.date[tool], count.dates))],
    ["body token F1, mean", ...tools.map((tool) => (rows.f1[tool].reduce((sum, value) => sum + value, 0) / count.pages).toFixed(2))],
    ["body F1 ≥ 0.9", ...tools.map((tool) => fraction(rows.f1High[tool], count.pages))],
  ];
  console.log(`\n${set.name}, ${count.pages} pages:\n`);
  console.log(table.map((cells, index) => `| ${cells.join(" | ")} |${index === 0 ? `\n|${cells.map(() => "---").join("|")}|` : ""}`).join("\n"));
}
for (const set of sets) await score(set);

/**
 * The real pages as plain text, the way a browser copies a whole page (its innerText: menus,
 * sidebars and footers included), given to wirefeed alone: the peers read HTML only.
 */
async function scoreText() {
  const dir = sets[0].dir;
  const pages = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const cwd = await mkdtemp(path.join(tmpdir(), "wirefeed-bench-text-"));
  for (const page of pages) {
    const tree = unified()
      .use(rehypeParse)
      .parse(await readFile(path.join(dir, page, "page.html"), "utf8"));
    const html = tree.children.find((node) => node.type === "element" && node.tagName === "html");
    const body = html?.children.find((node) => node.type === "element" && node.tagName === "body");
    const text = toText(body ?? tree)
      .replace(/[ \t]+\n/gu, "\n")
      .replace(/\n{3,}/gu, "\n\n");
    await writeFile(path.join(cwd, `${page}.txt`), `${text.trim()}\n`);
  }
  const result = await importArticles({ cwd, inputs: ["."], dryRun: true, out: path.join(cwd, "out") });
  await rm(cwd, { recursive: true, force: true });
  const rows = { written: [], title: [], byline: [], date: [], f1: [], f1High: [] };
  for (const page of pages) {
    const expected = JSON.parse(await readFile(path.join(dir, page, "expected.json"), "utf8"));
    const article = result.articles.find((a) => a.source === `${page}.txt`);
    const detection = article?.detection;
    const body =
      article?.markdown === undefined
        ? (detection?.body.map((block) => block.value).join("\n\n") ?? "")
        : markdownToText(article.markdown.split(/^---$/mu).slice(2).join("---"));
    const got = {
      written: article?.outcome === "would-import",
      title: titleRight(detection?.title?.value, expected.title),
      byline: sameNames(detection?.authors?.names ?? [], expected.byline),
      date: detection?.date !== undefined && utcDay(detection.date.date) === expected.date,
      f1: f1(body, expected.body),
    };
    for (const key of ["written", "title", "byline", "date", "f1"]) rows[key].push(got[key]);
    rows.f1High.push(got.f1 >= 0.9);
    if (values.verbose)
      console.log(
        `plain text: ${page}: ${Object.entries(got)
          .filter(([key, value]) => value === false || key === "f1")
          .map(([key, value]) => (key === "f1" ? `body F1 ${value.toFixed(2)}` : `${key} wrong`))
          .join("; ")} (title ${JSON.stringify(detection?.title?.value)}, byline ${JSON.stringify(detection?.authors?.names)}, date ${detection?.date?.value})`,
      );
  }
  const fraction = (list) => `${list.filter(Boolean).length} / ${pages.length}`;
  console.log(`\nthe same real pages as plain text (a browser's copy of the whole page), wirefeed only, ${pages.length} pages:\n`);
  console.log(
    [
      ["field", "wirefeed"],
      ["article written", fraction(rows.written)],
      ["title right", fraction(rows.title)],
      ["byline right", fraction(rows.byline)],
      ["date = the published day (UTC)", fraction(rows.date)],
      ["body token F1, mean", (rows.f1.reduce((sum, value) => sum + value, 0) / pages.length).toFixed(2)],
      ["body F1 ≥ 0.9", fraction(rows.f1High)],
    ]
      .map((cells, index) => `| ${cells.join(" | ")} |${index === 0 ? "\n|---|---|" : ""}`)
      .join("\n"),
  );
}
await scoreText();
