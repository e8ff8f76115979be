import { isValidTimeZone } from "../text/date.js";
import { z } from "zod";

const absoluteHttpUrl = z.string().refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
  message: "must be an absolute http(s) URL, such as https://news.example.com/",
});

/** The site URL always ends in "/", so that relative paths resolve below it even when the site lives in a subfolder. */
const siteUrl = absoluteHttpUrl
  // Every link and id is built on it: a user:password@ part would publish the password in all of them.
  .refine((value) => !URL.canParse(value) || (new URL(value).username === "" && new URL(value).password === ""), {
    message: "must not hold a user name or password (user:password@): every link would publish them",
  })
  .transform((value) => {
    const url = new URL(value);
    if (!url.pathname.endsWith("/")) url.pathname += "/";
    return url.href;
  });

const timeZoneName = z.string().refine(isValidTimeZone, { message: "must be an IANA time zone name, such as UTC or Europe/Berlin" });

const permalinkPattern = z.string().refine((value) => value.startsWith("/") && value.includes(":slug"), {
  message: "must start with / and contain :slug, such as /:year/:month/:day/:slug/",
});

const aliasTable = z.record(z.string().min(1), z.string().min(1));

/** The kinds of feed a build writes: the subscription feeds, the feed sets, the archive pages. */
export const feedKinds = ["site", "section", "tag", "author", "language", "archive"] as const;
export type FeedKind = (typeof feedKinds)[number];

/**
 * What each kind does when the config says nothing, for what its readers do: the site and its
 * languages are read in full, so they carry the full text; a tag or an author is followed for
 * headlines across many feeds, and each article is in several of them, so they carry summaries;
 * a section is one more copy of each article at most, so it carries the full text too. An author
 * writes fewer articles than a desk: 20 items are weeks of them. Archive pages hold every older
 * article once, in pages of 100.
 */
export const feedKindDefaults: Record<FeedKind, { limit: number; content: "full" | "summary" }> = {
  site: { limit: 50, content: "full" },
  section: { limit: 50, content: "full" },
  tag: { limit: 50, content: "summary" },
  author: { limit: 20, content: "summary" },
  language: { limit: 50, content: "full" },
  archive: { limit: 100, content: "full" },
};

const feedKindWhat: Record<FeedKind, string> = {
  site: "the subscription feeds (feed.xml, atom.xml, feed.json)",
  section: "one feed set per section (sections/<slug>/), from `section` in the front matter or the tool's folder",
  tag: "one feed set per tag (tags/<slug>/)",
  author: "one feed set per author (authors/<slug>/), the site's author standing in for articles that name none",
  language: "one feed set per language (languages/<tag>/), written only when the articles are in more than one language",
  archive: "the RFC 5005 archive pages (feeds/archive/), with every article older than the subscription feeds",
};

const feedKindSchema = (kind: FeedKind) =>
  z
    .strictObject({
      enabled: z
        .boolean()
        .optional()
        .describe(
          `Whether the build writes ${feedKindWhat[kind]}. Default: on${kind === "site" || kind === "archive" ? "" : " where the articles have one"}; true makes an empty one an error (empty-feed).`,
        ),
      limit: z
        .int()
        .min(1)
        .max(10000)
        .optional()
        .describe(
          kind === "archive"
            ? `Items per archive page. Default ${feedKindDefaults[kind].limit}.`
            : `Items per feed, the newest. Default ${feedKindDefaults[kind].limit}.`,
        ),
      content: z
        .enum(["full", "summary"])
        .optional()
        .describe(
          `What each item carries: the full body ("full") or the summary ("summary"; the lead image is still there, as a figure and in media:content). Default "${feedKindDefaults[kind].content}".`,
        ),
    })
    .prefault({})
    .describe(`Settings of ${feedKindWhat[kind]}.`);

/** One feed kind's settings with every default filled in; `required` when the config turned it on explicitly. */
export interface FeedKindSettings {
  enabled: boolean;
  required: boolean;
  limit: number;
  content: "full" | "summary";
}

const defaultPermalink = "/:year/:month/:day/:slug/";

/** The keys of wirefeed.config.json: every key, its type, its default. */
const configObject = z
  .strictObject({
    $schema: z.string().optional().describe("Path or URL of this file's JSON Schema, for editors."),
    articles: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Folder of article files, relative to the config file; --articles overrides it. Default "articles"; with a tool profile, the config file\'s folder (the site).',
      ),
    profile: z
      .enum(["wirefeed", "hugo", "jekyll", "eleventy", "astro", "auto"])
      .default("wirefeed")
      .describe(
        "Whose site layout and front matter to read: wirefeed's own, a Hugo, Jekyll, Eleventy or Astro site, or auto (detected from the tool's config file).",
      ),
    ignoreKeys: z.array(z.string().min(1)).default([]).describe("Front matter keys that belong to another tool or a theme: never warned about."),
    out: z.string().min(1).default("output").describe("Folder the build writes, relative to the config file; --out overrides it."),
    outShared: z
      .boolean()
      .default(false)
      .describe(
        "The output folder is shared with another generator (a Hugo or Jekyll site): wirefeed adds and replaces only the files it wrote there and leaves every other file as it is.",
      ),
    title: z.string().min(1).default("Untitled site").describe("The publication's name, used as the feed title."),
    url: siteUrl.describe("Absolute URL of the published site; every link and id is built on it. Required."),
    description: z.string().optional().describe("One sentence about the publication; the channel description and subtitle."),
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, "must be a BCP 47 language tag, such as en or en-GB")
      .default("en")
      .describe("BCP 47 language tag of the publication."),
    author: z
      .strictObject({
        name: z.string().min(1),
        email: z.email().optional(),
        url: absoluteHttpUrl.optional(),
      })
      .optional()
      .describe("Default author of every article that names none."),
    timeZone: timeZoneName.default("UTC").describe("IANA zone in which dates without an offset are read."),
    copyright: z.string().optional().describe("Rights statement for the feeds."),
    feedLimit: z
      .int()
      .min(1)
      .max(10000)
      .optional()
      .describe("Old name of feeds.site.limit (and of feeds.tag.limit when that is not set); kept working. Write one of them, not both."),
    feeds: z
      .strictObject({
        ...(Object.fromEntries(feedKinds.map((kind) => [kind, feedKindSchema(kind)])) as Record<FeedKind, ReturnType<typeof feedKindSchema>>),
        leadImageFigure: z
          .boolean()
          .default(true)
          .describe(
            "Write the lead image as a <figure> (with its caption and credit) before the body of each item, for readers that ignore Media RSS; it stays in media:content and the enclosure either way.",
          ),
      })
      .prefault({})
      .describe("Per kind of feed: whether it is written, how many items it holds, and whether they carry the full body or the summary (see the README)."),
    hubs: z
      .array(absoluteHttpUrl)
      .default([])
      .describe(
        'WebSub hubs (https://www.w3.org/TR/websub/): named in every feed (rel="hub"; `hubs` in JSON Feed), and told of changed feeds with --ping or `ping`.',
      ),
    ping: z
      .boolean()
      .default(false)
      .describe("After each build, tell every hub in `hubs` which feeds changed (as --ping does). A hub that fails is a warning (an error with --strict)."),
    sitemaps: z
      .boolean()
      .optional()
      .describe(
        "Write sitemap.xml (every article page) and news-sitemap.xml (Google News: the last two days). Default: on when wirefeed writes the pages or the config names a `permalink`.",
      ),
    permalink: permalinkPattern.optional().describe(`Path pattern of article URLs; tokens :year, :month, :day, :slug. Default "${defaultPermalink}".`),
    tagAliases: aliasTable.default({}).describe("Maps a tag as written (case-insensitive) to the tag it stands for."),
    creditAliases: aliasTable.default({}).describe("Maps an image credit (case-insensitive) to its display form, on top of the built-in agencies."),
    maxArticleBytes: z
      .int()
      .min(1)
      .default(5 * 1024 * 1024)
      .describe("Largest article file accepted, in bytes."),
    maxNestingDepth: z
      .int()
      .min(1)
      .default(100)
      .describe("Deepest nesting of lists, block quotes and HTML elements in an article body; deeper is an error (nesting-too-deep)."),
    maxInlineMarkers: z
      .int()
      .min(1)
      .default(1000)
      .describe("Most emphasis and link markers (*, _, [, ]) in one paragraph or list item; more is an error (too-many-markers)."),
    renderTimeoutMs: z
      .int()
      .min(1)
      .default(120_000)
      .describe("Longest one article may take to prepare on a render thread, in milliseconds; longer is an error (render-timeout)."),
    renderMemoryMb: z
      .int()
      .min(16)
      .default(2048)
      .describe("Most memory (V8 heap) one render thread may use, in megabytes; more is an error (render-out-of-memory) for the article it was preparing."),
    maxTagsPerArticle: z.int().min(1).default(100).describe("Most tags on one article; more is an error (too-many-tags)."),
    archivePageSize: z.int().min(1).max(10000).optional().describe("Old name of feeds.archive.limit; kept working. Write one of them, not both."),
    removed: z
      .array(
        z
          .strictObject({
            source: z.string().min(1).optional().describe("The article's file, relative to the articles folder, as the archive's `source` has it."),
            id: z.string().min(1).optional().describe("The article's id, as the previous feeds published it."),
            reason: z.string().min(1).describe("Why it was taken down: recorded in archive/index.json for readers and archivists."),
          })
          .refine((entry) => entry.source !== undefined || entry.id !== undefined, { message: "needs a source or an id" }),
      )
      .default([])
      .describe(
        "Articles deleted on purpose: the removal guard lets a build drop an article the previous output published when it is listed here, and archive/index.json records the list.",
      ),
    allowDataImages: z.boolean().default(false).describe("Allow data: URLs in image sources of article bodies."),
    outputs: z
      .strictObject({
        allJson: z
          .boolean()
          .default(false)
          .describe("archive.json: every article in one JSON file (17 MB per 1,000 articles, rewritten whole by any change to any article)."),
        allNdjson: z.boolean().default(false).describe("archive/all.ndjson: every article's record in one NDJSON file, for streaming."),
        yearlyJson: z.boolean().default(true).describe("archive/<year>.json: each year's articles as a JSON archive file (the default download)."),
        yearlyNdjson: z.boolean().default(false).describe("archive/<year>.ndjson: each year's records as NDJSON."),
        gzip: z.boolean().default(false).describe("A gzip twin (.gz) of each yearly file and of all.ndjson."),
        archivePages: z.boolean().optional().describe("Old name of feeds.archive.enabled; kept working. Write one of them, not both."),
        tagFeeds: z
          .enum(["full", "summary", "off"])
          .optional()
          .describe('Old form of feeds.tag: "off" is enabled: false, "full" and "summary" its content; kept working. Write one of them, not both.'),
      })
      .prefault({})
      .refine((outputs) => outputs.allJson || outputs.allNdjson || outputs.yearlyJson || outputs.yearlyNdjson, {
        message: "turns off every archive download: keep at least one of allJson, allNdjson, yearlyJson and yearlyNdjson",
      })
      .describe(
        "Which archive downloads and copies the build writes besides the subscription feeds and the archive's manifest: each costs space (see the README). At least one of allJson, allNdjson, yearlyJson and yearlyNdjson is on.",
      ),
    maxOutputBytes: z
      .int()
      .min(1)
      .optional()
      .describe(
        "Largest output the build may write, in bytes (1000000000 for GitHub Pages): a larger one fails the build and leaves the previous output as it was.",
      ),
    pages: z
      .boolean()
      .optional()
      .describe(
        "Write an HTML page for every article, a front page, tag pages and an archive page. Default: true; false under a tool profile, whose tool makes the pages.",
      ),
    feedStyle: z
      .enum(["css", "xsl", "none"])
      .default("css")
      .describe("Stylesheet RSS and Atom documents name, so that a browser shows them readably: CSS (no banner in any browser), XSL, or none."),
  })
  .describe("wirefeed configuration");

/** The schema of wirefeed.config.json with the old feed keys resolved into `feeds`. */
export const configSchema = configObject.transform(resolveFeeds);

type ConfigInput = z.output<typeof configObject>;

/**
 * Fills in every feed kind's settings from its defaults and the old keys (feedLimit,
 * archivePageSize, outputs.archivePages, outputs.tagFeeds), which keep working as aliases; an old
 * key beside its new one is an error, as the two could say different things. The old keys leave
 * the config here: the code reads `feeds` only.
 */
function resolveFeeds(input: ConfigInput, context: z.RefinementCtx) {
  const { feedLimit, archivePageSize, permalink, feeds: given, outputs, ...rest } = input;
  const { archivePages, tagFeeds, ...outputKeys } = outputs;
  const conflict = (old: (string | number)[], now: string) =>
    context.issues.push({ code: "custom", input: input, path: old, message: `is an old name of ${now}, which the config also sets: keep one of them` });
  /** The new key's value, else the old key's, else the default. */
  const pick = <T>(kind: FeedKind, key: keyof FeedKindSettings, oldPath: (string | number)[] | undefined, old: T | undefined, fallback: T): T => {
    const now = (given[kind] as Record<string, unknown>)[key] as T | undefined;
    if (now !== undefined && old !== undefined && oldPath) conflict(oldPath, `feeds.${kind}.${key}`);
    return now ?? old ?? fallback;
  };
  const settings = {} as Record<FeedKind, FeedKindSettings>;
  for (const kind of feedKinds) {
    const defaults = feedKindDefaults[kind];
    const legacyLimit = kind === "site" ? feedLimit : kind === "archive" ? archivePageSize : undefined;
    const legacyLimitPath = kind === "site" ? ["feedLimit"] : kind === "archive" ? ["archivePageSize"] : undefined;
    const legacyEnabled = kind === "archive" ? archivePages : kind === "tag" && tagFeeds !== undefined ? tagFeeds !== "off" : undefined;
    const legacyEnabledPath = kind === "archive" ? ["outputs", "archivePages"] : ["outputs", "tagFeeds"];
    const legacyContent = kind === "tag" && tagFeeds !== undefined && tagFeeds !== "off" ? tagFeeds : undefined;
    const enabled = pick(kind, "enabled", legacyEnabled === undefined ? undefined : legacyEnabledPath, legacyEnabled, undefined as boolean | undefined);
    settings[kind] = {
      enabled: enabled ?? true,
      required: enabled === true,
      // Tag feeds held `feedLimit` items before they had a limit of their own.
      limit: pick(kind, "limit", legacyLimitPath, legacyLimit ?? (kind === "tag" ? feedLimit : undefined), defaults.limit),
      content: pick(kind, "content", legacyContent === undefined ? undefined : ["outputs", "tagFeeds"], legacyContent, defaults.content),
    };
  }
  return {
    ...rest,
    outputs: outputKeys,
    permalink: permalink ?? defaultPermalink,
    // Without pages, a sitemap lists the pages another tool makes: only when the config says where (a permalink).
    ...(rest.sitemaps === undefined && permalink !== undefined ? { sitemaps: true } : {}),
    feeds: { ...settings, leadImageFigure: given.leadImageFigure },
  };
}

/** A validated configuration with every default filled in. */
export type Config = z.output<typeof configSchema>;

/** The articles folder as the config names it: with a tool profile, the site is the config file's folder. */
export const articlesFolder = (config: Config): string => config.articles ?? (config.profile === "wirefeed" ? "articles" : ".");

/** The keys a config file may hold, for did-you-mean hints. */
export const configKeys = Object.keys(configObject.shape);
