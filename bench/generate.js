// Deterministic synthetic articles for the benchmark, in two shapes: `newsroom` (the default: a
// vocabulary of hundreds of tags with a long tail, a skewed staff of authors, sections, three
// languages) and `uniform` (the first corpus: every tag from a pool of 17, four authors), kept so
// that old figures can be compared.
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

/** The words and proper names sentences are drawn from. */
const english = { words, names, said: "said" };

function sentence(next, voice = english) {
  const length = 8 + Math.floor(next() * 18);
  const parts = [];
  for (let i = 0; i < length; i++) parts.push(next() < 0.12 ? pick(next, voice.names) : pick(next, voice.words));
  const text = parts.join(" ");
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/** One paragraph of about `wordCount` words, with a link, emphasis or a quotation now and then. */
function paragraph(next, wordCount, index, voice = english) {
  const sentences = [];
  let count = 0;
  while (count < wordCount) {
    let s = sentence(next, voice);
    const roll = next();
    if (roll < 0.15) s = s.replace(/^(\S+ \S+)/, `[$1](https://example.org/${index}/${count})`);
    else if (roll < 0.25) s = s.replace(/ (\S+) (\S+)/, " *$1 $2*");
    else if (roll < 0.32) s = s.replace(/ (\S+)\./, " **$1**.");
    else if (roll < 0.4) s = `“${s.slice(0, -1)},” ${pick(next, voice.names)} ${voice.said}.`;
    else if (roll < 0.44) s = s.replace(/ (\S+)/, " [$1](/topics/$1/)");
    sentences.push(s);
    count += s.split(" ").length;
  }
  return { text: sentences.join(" "), count };
}

/** When article `index` is dated: one every seven hours from 2010 on (100,000 articles reach into the 2090s). */
export const publishedAt = (index) => new Date(Date.UTC(2010, 0, 1) + index * 3_600_000 * 7);

/**
 * The text of uniform article `index`: front matter like the seed's (date, tags, description, author,
 * image with caption and credit), then 600 to 1,500 words of Markdown with links, emphasis, a list and a quote.
 * @param index the article's number; the same number always gives the same text
 */
function uniformArticle(index) {
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

// The newsroom corpus: what a city and world news desk publishes. Tags are topics, places, people
// and "topic place" pairs (the long tail: "Housing Chicago"); the section is a category (as in
// WordPress, and wirefeed reads categories as tags); one article in seven is in French or Spanish.
const topics = (
  "Elections,Economy,Housing,Climate,Health,Education,Immigration,Crime,Transport,Energy,Technology," +
  "Artificial Intelligence,Trade,Inflation,Jobs,Tax,Budget,Courts,Police,Schools,Universities,Water," +
  "Wildfires,Floods,Heat,Agriculture,Tourism,Aviation,Rail,Banking,Stocks,Startups,Media,Film,Music,Books," +
  "Art,Theatre,Football,Basketball,Tennis,Cycling,Olympics,Diplomacy,Sanctions,Defence,Security," +
  "Human Rights,Refugees,Protests,Labour,Strikes,Pensions,Public Health,Vaccines,Space,Oceans," +
  "Biodiversity,Religion,Obituaries,City Council,Infrastructure,Privacy,Cybersecurity,Gaming,Fashion,Food,Weather"
).split(",");
const places = (
  "Chicago,New York,Los Angeles,Houston,Phoenix,Detroit,Atlanta,Miami,Seattle,Boston,Denver,Washington," +
  "London,Paris,Berlin,Madrid,Rome,Brussels,Warsaw,Kyiv,Moscow,Ankara,Tehran,Cairo,Lagos,Nairobi," +
  "Johannesburg,Mumbai,Delhi,Karachi,Dhaka,Beijing,Shanghai,Hong Kong,Tokyo,Seoul,Manila,Jakarta,Sydney," +
  "Toronto,Montréal,Mexico City,São Paulo,Buenos Aires,Bogotá,Lima,Santiago,Havana,Gaza,Jerusalem,Beirut," +
  "Baghdad,Kabul,Ukraine,Russia,China,Iran,Israel,France,Germany,Spain,Brazil,India,Mexico,Canada,Japan," +
  "European Union,United Nations,NATO,Africa,Middle East,Latin America"
).split(",");
const people = (
  "Dana Ortiz,Ray Whitfield,Amara Okafor,Lin Zhao,Tomasz Nowak,Leila Haddad,Marcus Bell,Ingrid Solberg," +
  "Kenji Mori,Priya Raman,Diego Fuentes,Hannah Weiss,Olu Adeyemi,Sofia Marchetti,Yusuf Demir,Claire Dubois," +
  "Mateo Rivas,Nadia Petrov,Samuel Osei,Elena Vasquez,Jonas Berg,Fatima Zahra,Victor Lemaire,Grace Kim," +
  "Arjun Mehta,Beatriz Costa,Hugo Lindqvist,Zanele Dlamini,Pavel Horak,Mei Tanaka,Carlos Medina,Ruth Abebe," +
  "Anton Kravets,Lucia Romero,Kwame Mensah,Isabel Moreau,Farid Karimi,Tess Whitaker,Omar Saleh,Greta Vogel"
).split(",");
/** "Housing Chicago": the first 16 topics in the first 10 places, every one its own tag feed. */
const pairs = topics.slice(0, 16).flatMap((topic) => places.slice(0, 10).map((place) => ({ name: `${topic} ${place}`, parts: [topic, place] })));
const pairParts = new Map(pairs.map((pair) => [pair.name, pair.parts]));
/**
 * Every tag, most used first: topics, places and people interleaved (the big stories are of all
 * three kinds), then the pairs, which are the tail.
 */
const vocabulary = [
  ...Array.from({ length: Math.max(topics.length, places.length, people.length) }, (_, i) => [topics[i], places[i], people[i]])
    .flat()
    .filter(Boolean),
  ...pairs.map((pair) => pair.name),
];
const sections = ["World", "Politics", "Business", "Local", "Sport", "Culture", "Science", "Opinion"];
const staff = (
  "Jane Doe <jane@worlddesk.example>,Omid Rahimi,Anna Petrova <anna@worlddesk.example>,Lee Park,Maria Santos," +
  "Tom Becker <tom@worlddesk.example>,Aisha Bello,Ravi Iyer,Julia Novak,Sam Carter <sam@worlddesk.example>," +
  "Chloé Martin,Pablo Herrera,Nora Lindgren,Kofi Asante,Yuki Sato <yuki@worlddesk.example>,Ben Adler," +
  "Ines Duarte,Desk Staff"
).split(",");
const newsroomCredits = [
  "IMAGE SOURCE: ASSOCIATED PRESS",
  "Photo: Reuters",
  "AFP via Getty Images",
  "IMAGE SOURCE: WIKIMEDIA COMMONS",
  "Photograph: Staff photographer",
  "EPA-EFE",
  "Courtesy of the city of Chicago",
  "Photo: Anna Petrova / The Bench Desk",
  "Bloomberg via Getty Images",
  "© Agence France-Presse",
];
const voices = {
  en: english,
  fr: {
    words: (
      "le la les un une des du de et à en dans pour sur avec par au aux ce cette ces qui que dont où mais ou donc " +
      "gouvernement ministre président ville maire conseil habitants logement loyers économie emploi école santé hôpital " +
      "élection électeurs scrutin réforme budget impôts grève syndicats transport métro tramway énergie prix hausse baisse " +
      "selon a déclaré jeudi vendredi semaine dernière prochaine années mois projet décision accord négociations crise " +
      "été hiver chaleur pluie inondations sécheresse région quartier rue place centre public privé étudiants enseignants"
    ).split(" "),
    names,
    said: "a déclaré",
  },
  es: {
    words: (
      "el la los las un una unos de del y en con por para sobre al que quien donde pero o porque " +
      "gobierno ministro presidente ciudad alcalde concejo vecinos vivienda alquileres economía empleo escuela salud " +
      "hospital elecciones votantes reforma presupuesto impuestos huelga sindicatos transporte metro energía precios " +
      "subida bajada según dijo jueves viernes semana pasada próxima años meses proyecto decisión acuerdo negociaciones " +
      "crisis verano invierno calor lluvia inundaciones sequía región barrio calle plaza centro público privado estudiantes"
    ).split(" "),
    names,
    said: "dijo",
  },
};

/**
 * A draw from `list` whose first entries are the most likely, the k-th with weight 1 / k^exponent
 * (Zipf's law, which word and tag frequencies follow).
 */
function zipf(list, exponent) {
  const cumulative = [];
  let total = 0;
  for (let k = 1; k <= list.length; k++) {
    total += 1 / k ** exponent;
    cumulative.push(total);
  }
  return (next) => {
    const target = next() * total;
    let low = 0;
    let high = list.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] <= target) low = middle + 1;
      else high = middle;
    }
    return list[low];
  };
}
const pickTag = zipf(vocabulary, 1);
const pickSection = zipf(sections, 0.8);
const pickAuthor = zipf(staff, 0.9);

/** A sentence of three to six words, capitalized, for titles and headings. */
const phrase = (next, voice, extra = 0) => {
  const words = sentence(next, voice).slice(0, -1).split(" ");
  return words.slice(0, 3 + Math.floor(next() * (4 + extra))).join(" ");
};

/**
 * The text of newsroom article `index`: a section, 2 to 6 tags in all (the section and a
 * long-tailed draw from the vocabulary, a pair with its topic and place when there is room), one
 * author or two from a skewed staff, a language, usually a lead image with a credit, and 600 to
 * 1,500 words of Markdown with headings, a list, a quote, links and emphasis.
 * @param index the article's number; the same number always gives the same text
 */
function newsroomArticle(index) {
  const next = random(index * 104_729 + 31);
  const day = publishedAt(index);
  const iso = day.toISOString().slice(0, 19);
  const slug = `story-${index}`;
  const roll = next();
  const lang = roll < 0.86 ? "en" : roll < 0.95 ? "fr" : "es";
  const voice = voices[lang];
  const title = `${phrase(next, voice, 4)} ${index}`;
  const section = pickSection(next);
  const tagCount = 1 + Math.floor(next() * 5);
  const tags = new Set();
  while (tags.size < tagCount) {
    const tag = pickTag(next);
    tags.add(tag);
    for (const part of pairParts.get(tag) ?? []) if (tags.size < tagCount) tags.add(part);
  }
  const byline = [pickAuthor(next)];
  if (next() < 0.08) {
    const second = pickAuthor(next);
    if (second !== byline[0]) byline.push(second);
  }
  // Words are counted as the tests count them: every whitespace-separated token, list markers included.
  const target = 600 + Math.floor(next() * 700);
  const blocks = [];
  let count = 0;
  let paragraphs = 0;
  const push = (block) => {
    blocks.push(block);
    count += block.split(/\s+/).length;
  };
  while (count < target) {
    if (paragraphs >= 3 && paragraphs % 3 === 0) push(`## ${phrase(next, voice)}`);
    push(paragraph(next, 40 + Math.floor(next() * 60), index, voice).text);
    paragraphs++;
    if (paragraphs === 2) push(`> ${sentence(next, voice)} ${sentence(next, voice)}`);
    if (paragraphs === 4) {
      const marker = next() < 0.7 ? () => "-" : (i) => `${i + 1}.`;
      const items = 3 + Math.floor(next() * 3);
      push(Array.from({ length: items }, (_, i) => `${marker(i)} ${sentence(next, voice)}`).join("\n"));
    }
    if (next() < 0.3) push(`Read more: [${phrase(next, voice)}](/${iso.slice(0, 4)}/story-${Math.floor(next() * (index + 1))}/).`);
  }
  const frontMatter = [
    "---",
    `title: ${JSON.stringify(title)}`,
    `date: ${index % 3 === 0 ? day.toUTCString().replace("GMT", "+0000") : `${iso}Z`}`,
    `description: ${JSON.stringify(next() < 0.5 ? sentence(next, voice) : `${sentence(next, voice)} ${sentence(next, voice)}`)}`,
    byline.length === 1 ? `author: ${JSON.stringify(byline[0])}` : `authors: [${byline.map((a) => JSON.stringify(a)).join(", ")}]`,
    `categories: [${JSON.stringify(section)}]`,
    `tags: [${[...tags].map((t) => JSON.stringify(t)).join(", ")}]`,
    ...(lang === "en" ? [] : [`lang: ${lang}`]),
    ...(next() < 0.92
      ? [
          "image:",
          `  src: /images/${iso.slice(0, 4)}/${slug}.jpg`,
          `  alt: ${JSON.stringify(sentence(next, voice))}`,
          `  caption: ${JSON.stringify(sentence(next, voice))}`,
          `  credit: ${JSON.stringify(pick(next, newsroomCredits))}`,
        ]
      : []),
    "---",
    "",
  ];
  return { name: `${iso.slice(0, 10)}-${slug}.md`, text: `${frontMatter.join("\n")}${blocks.join("\n\n")}\n` };
}

/** The corpus shapes, by name; the first is the default. */
export const shapes = { newsroom: newsroomArticle, uniform: uniformArticle };

/**
 * The text of article `index` of a corpus.
 * @param index the article's number; the same number always gives the same text, whatever the corpus size
 * @param shape "newsroom" or "uniform"
 */
export const article = (index, shape = "newsroom") => shapeOf(shape)(index);

function shapeOf(shape) {
  if (!Object.hasOwn(shapes, shape)) throw new Error(`Unknown corpus "${shape}": use ${Object.keys(shapes).join(" or ")}`);
  return shapes[shape];
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
 * @param shape "newsroom" or "uniform"
 */
export async function generateCorpus(dir, n, shape = "newsroom") {
  const make = shapeOf(shape);
  await rm(dir, { recursive: true, force: true });
  const articles = path.join(dir, "articles");
  await mkdir(articles, { recursive: true });
  await writeFile(path.join(dir, "wirefeed.config.json"), `${JSON.stringify(benchConfig, null, 2)}\n`);
  const batch = 256;
  for (let start = 0; start < n; start += batch) {
    const writes = [];
    for (let i = start; i < Math.min(n, start + batch); i++) {
      const { name, text } = make(i);
      writes.push(writeFile(path.join(articles, name), text));
    }
    await Promise.all(writes);
  }
  return articles;
}
