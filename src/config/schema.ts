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

/** The schema of wirefeed.config.json: every key, its type, its default. */
export const configSchema = z
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
    feedLimit: z.int().min(1).max(10000).default(50).describe("How many of the newest articles the subscription feeds hold."),
    permalink: permalinkPattern.default("/:year/:month/:day/:slug/").describe("Path pattern of article URLs; tokens :year, :month, :day, :slug."),
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
    archivePageSize: z.int().min(1).max(10000).default(100).describe("Items per archived feed page (RFC 5005)."),
    removed: z
      .array(
        z
          .strictObject({
            source: z.string().min(1).optional().describe("The article's file, relative to the articles folder, as archive.json's `source` has it."),
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
        allNdjson: z.boolean().default(true).describe("archive/all.ndjson: every record as NDJSON, for streaming; an edit copies unchanged records from it."),
        yearlyJson: z.boolean().default(false).describe("archive/<year>.json: each year's articles in the shape of archive.json."),
        yearlyNdjson: z.boolean().default(false).describe("archive/<year>.ndjson: each year's records as NDJSON."),
        gzip: z.boolean().default(false).describe("A gzip twin (.gz) of each yearly file and of all.ndjson."),
        archivePages: z
          .boolean()
          .default(true)
          .describe("feeds/archive/: RFC 5005 archive pages, with every article older than the subscription feeds, in the three formats."),
        tagFeeds: z
          .enum(["full", "summary", "off"])
          .default("summary")
          .describe('tags/: per-tag feeds whose items carry the full content ("full") or the summary only ("summary"), or none ("off").'),
      })
      .prefault({})
      .describe("Which files besides archive.json, the subscription feeds and the archive's manifest the build writes: each costs space (see the README)."),
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

/** A validated configuration with every default filled in. */
export type Config = z.output<typeof configSchema>;

/** The articles folder as the config names it: with a tool profile, the site is the config file's folder. */
export const articlesFolder = (config: Config): string => config.articles ?? (config.profile === "wirefeed" ? "articles" : ".");

/** The keys a config file may hold, for did-you-mean hints. */
export const configKeys = Object.keys(configSchema.shape);
