// Deterministic synthetic articles shaped like the seed article, for the benchmark.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** A small seeded PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Words and names of the seed article, so that text and typography (curly quotes, proper names) look alike.
const words = (
  "during a phone call with his counterpart on thursday the president blamed treaty organization for provoking tensions " +
  "and asserted that invasion was justified expansion is serious threat to stability security of independent countries " +
  "in different regions told he said what happening ends up benefit nations region agreed stance current situation " +
  "legitimate response decades breaches treaties west efforts undermine country meanwhile noted decision launch special " +
  "operation meant protect civilians republics accordance international law friendship mutual assistance which signed " +
  "both leaders also talked about ongoing nuclear negotiations aimed reviving deal formally known joint comprehensive plan " +
  "action if there are credible guarantees will abide lift sanctions ready enter lasting agreement would contribute " +
  "same day foreign ministry stated provocation directly responsible conflict between unfortunately provocative moves " +
  "spearheaded have led pushed cusp big crisis spokesman urged sides stop hostilities establish ceasefire immediate talks " +
  "order resolve through political means called observe humanitarian laws addition emphasised most important task fully " +
  "urgently address living help evacuation embassy active serves students hours added similarly minister priority evacuate " +
  "nationals stuck speaking ambassador ordered offer services fellow announced formation force monitor assist leave under " +
  "considers itself strategic partner jointly cooperate especially regarding military operations moreover emerged staunch " +
  "supporter restore repeatedly indicated favours complete revival demanded remove imposed last month met discuss being held " +
  "presented draft documents future ties we no limits expanding adding wants develop not temporary but permanent"
).split(" ");
const names = ["Iran", "Russia", "Ukraine", "NATO", "Putin", "Raisi", "Moscow", "Tehran", "Vienna", "Kyiv", "Ankara", "Beijing", "Brussels", "JCPOA"];
const tagPool = [
  "Iran",
  "Russia",
  "Ukraine",
  "NATO",
  "nato",
  "JCPOA",
  "Syria",
  "Europe",
  "Energy",
  "Sanctions",
  "Diplomacy",
  "United Nations",
  "Middle East",
  "Security",
  "Trade",
  "Turkey",
  "China",
  "Elections",
];
const authors = ["Jane Doe <jane@worlddesk.example>", "Omid Rahimi", "Anna Petrova <anna@worlddesk.example>", "Lee Park"];
const credits = ["IMAGE SOURCE: ASSOCIATED PRESS", "Photo: Reuters", "AFP via Getty Images", "IMAGE SOURCE: WIKIMEDIA COMMONS"];

const pick = (next, list) => list[Math.floor(next() * list.length)];

function sentence(next) {
  const length = 8 + Math.floor(next() * 18);
  const parts = [];
  for (let i = 0; i < length; i++) parts.push(next() < 0.12 ? pick(next, names) : pick(next, words));
  const text = parts.join(" ");
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/** One paragraph of about `wordCount` words, with a link, emphasis or a quotation now and then. */
function paragraph(next, wordCount, index) {
  const sentences = [];
  let count = 0;
  while (count < wordCount) {
    let s = sentence(next);
    const roll = next();
    if (roll < 0.15) s = s.replace(/^(\S+ \S+)/, `[$1](https://example.org/${index}/${count})`);
    else if (roll < 0.25) s = s.replace(/ (\S+) (\S+)/, " *$1 $2*");
    else if (roll < 0.32) s = s.replace(/ (\S+)\./, " **$1**.");
    else if (roll < 0.4) s = `“${s.slice(0, -1)},” ${pick(next, names)} said.`;
    else if (roll < 0.44) s = s.replace(/ (\S+)/, " [$1](/topics/$1/)");
    sentences.push(s);
    count += s.split(" ").length;
  }
  return { text: sentences.join(" "), count };
}

/** When article `index` is dated: one every seven hours from 2010 on (100,000 articles reach into the 2090s). */
export const publishedAt = (index) => new Date(Date.UTC(2010, 0, 1) + index * 3_600_000 * 7);

/**
 * The text of article `index`: front matter like the seed's (date, tags, description, author,
 * image with caption and credit), then 600 to 1,500 words of Markdown with links, emphasis, a list and a quote.
 * @param index the article's number; the same number always gives the same text
 */
export function article(index) {
  const next = random(index * 7919 + 17);
  const day = publishedAt(index);
  const iso = day.toISOString().slice(0, 19);
  const title = `${sentence(next).slice(0, -1).split(" ").slice(0, 8).join(" ")} ${index}`;
  const slug = `story-${index}`;
  const tags = new Set();
  const tagCount = 2 + Math.floor(next() * 4);
  while (tags.size < tagCount) tags.add(pick(next, tagPool));
  // The quote, the list and the last paragraph's overshoot add up to about 170 words.
  const target = 540 + Math.floor(next() * 780);
  const blocks = [];
  let count = 0;
  const quoteAt = 2;
  const listAt = 4;
  while (count < target) {
    const { text, count: n } = paragraph(next, 40 + Math.floor(next() * 60), index);
    blocks.push(text);
    count += n;
    if (blocks.length === quoteAt) blocks.push(`> ${sentence(next)} ${sentence(next)}`);
    if (blocks.length === listAt + 1) blocks.push([1, 2, 3].map(() => `- ${sentence(next)}`).join("\n"));
  }
  const frontMatter = [
    "---",
    `title: ${JSON.stringify(title)}`,
    `date: ${index % 3 === 0 ? day.toUTCString().replace("GMT", "+0000") : `${iso}Z`}`,
    `description: ${JSON.stringify(`${sentence(next)} ${sentence(next)}`)}`,
    `author: ${JSON.stringify(pick(next, authors))}`,
    `tags: [${[...tags].map((t) => JSON.stringify(t)).join(", ")}]`,
    "image:",
    `  src: /images/${iso.slice(0, 4)}/${slug}.jpg`,
    `  alt: ${JSON.stringify(sentence(next))}`,
    `  caption: ${JSON.stringify(sentence(next))}`,
    `  credit: ${JSON.stringify(pick(next, credits))}`,
    "---",
    "",
  ];
  return { name: `${iso.slice(0, 10)}-${slug}.md`, text: `${frontMatter.join("\n")}${blocks.join("\n\n")}\n` };
}

/** The site config of the benchmark corpus. */
export const benchConfig = {
  title: "The Bench Desk",
  url: "https://bench.example/",
  description: "Synthetic articles for the wirefeed benchmark.",
  language: "en",
  author: { name: "The Bench Desk" },
  timeZone: "Asia/Kolkata",
  feedLimit: 50,
  tagAliases: { "North Atlantic Treaty Organization": "NATO" },
};

/**
 * Writes a corpus of `n` articles and its config into `dir` (emptied first).
 * @param dir the corpus folder; gets articles/ and wirefeed.config.json
 * @param n how many articles
 */
export async function generateCorpus(dir, n) {
  await rm(dir, { recursive: true, force: true });
  const articles = path.join(dir, "articles");
  await mkdir(articles, { recursive: true });
  await writeFile(path.join(dir, "wirefeed.config.json"), `${JSON.stringify(benchConfig, null, 2)}\n`);
  const batch = 256;
  for (let start = 0; start < n; start += batch) {
    const writes = [];
    for (let i = start; i < Math.min(n, start + batch); i++) {
      const { name, text } = article(i);
      writes.push(writeFile(path.join(articles, name), text));
    }
    await Promise.all(writes);
  }
  return articles;
}
