import { archiveFormatVersion } from "./records.js";
import { tagsIndexFormatVersion } from "../feed-sets.js";

// The one source of truth for the published archive.schema.json (and schema/archive.schema.json,
// which a test keeps in sync). Written by hand rather than derived: it documents a public format.

const text = { type: "string" } as const;
const nonEmpty = { type: "string", minLength: 1 } as const;
const uri = { type: "string", format: "uri" } as const;
const dateTime = { type: "string", format: "date-time" } as const;
const count = { type: "integer", minimum: 0 } as const;
const optionalDateTime = { anyOf: [dateTime, { type: "null" }] } as const;

const record = {
  description: "One published article: every normalized field, the sanitized HTML body and its plain text.",
  type: "object",
  additionalProperties: false,
  required: ["id", "url", "slug", "title", "summary", "date_published", "date_modified", "authors", "tags", "source", "content_html", "content_text"],
  properties: {
    id: { ...nonEmpty, description: "Permanent id (an RFC 4151 tag: URI unless the front matter sets one); never changes." },
    url: { ...uri, description: "Absolute URL of the article." },
    slug: nonEmpty,
    title: { ...nonEmpty, description: "Headline, plain text." },
    description: { ...text, description: "The dek as written, when there is one." },
    summary: { ...text, description: "The dek, or the first paragraph cut at a word boundary." },
    date_published: { ...dateTime, description: "RFC 3339, with the offset of the site's time zone." },
    date_modified: { ...dateTime, description: "RFC 3339; equal to date_published unless the article was updated." },
    authors: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["name"],
        properties: { name: nonEmpty, email: { type: "string", format: "email" }, url: uri },
      },
    },
    tags: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["name", "slug"],
        properties: { name: { ...nonEmpty, description: "Display name, the same across the site." }, slug: nonEmpty },
      },
    },
    image: {
      type: "object",
      additionalProperties: false,
      required: ["url"],
      dependentRequired: { credit: ["credit_as_written"] },
      properties: {
        url: uri,
        mime_type: { type: "string", pattern: "^[a-z]+/[-+.0-9a-z]+$" },
        length: { type: "integer", minimum: 0, description: "Size in bytes, when the front matter states it." },
        alt: text,
        caption: text,
        credit: { ...text, description: 'Normalized credit, such as "Associated Press".' },
        credit_as_written: { ...text, description: "The credit line as the article wrote it." },
      },
    },
    language: { ...nonEmpty, description: "BCP 47 language of the article when it differs from the site's." },
    source: { ...nonEmpty, description: "The article's file, relative to the articles folder." },
    content_html: text,
    content_text: text,
  },
} as const;

const site = {
  type: "object",
  additionalProperties: false,
  required: ["title", "url", "language"],
  properties: { title: nonEmpty, url: uri, description: text, language: nonEmpty },
} as const;

const archiveFile = {
  description: "archive.json (every article) and archive/<year>.json (the articles published that year): newest first.",
  type: "object",
  additionalProperties: false,
  required: ["format", "version", "site", "count", "newest", "articles"],
  properties: {
    format: { const: "wirefeed-archive" },
    version: { const: archiveFormatVersion },
    site: { $ref: "#/$defs/site" },
    count: { ...count, description: "Number of articles in this file." },
    newest: { ...optionalDateTime, description: "The newest date_published or date_modified in this file; null when it is empty." },
    articles: { type: "array", items: { $ref: "#/$defs/record" } },
  },
} as const;

const manifest = {
  description: "archive/index.json: every download, with its size and SHA-256.",
  type: "object",
  additionalProperties: false,
  required: ["format", "version", "site", "schema", "count", "files"],
  properties: {
    removed: {
      description: "Articles taken down on purpose (the config's `removed`), each with its source file or id and the reason.",
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["reason"],
        properties: { source: { type: "string" }, id: { type: "string" }, reason: { type: "string" } },
      },
    },
    format: { const: "wirefeed-archive-manifest" },
    version: { const: archiveFormatVersion },
    site: { $ref: "#/$defs/site" },
    schema: { ...uri, description: "URL of this JSON Schema." },
    count: { ...count, description: "Number of published articles." },
    files: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["path", "scope", "format", "compression", "media_type", "count", "from", "to", "bytes", "sha256"],
        properties: {
          path: { type: "string", pattern: "^(archive\\.json|archive/[0-9a-z.]+)$", description: "Relative to the output folder." },
          scope: { type: "string", pattern: "^(all|[0-9]{4})$", description: '"all", or the year (in the site\'s time zone) whose articles the file holds.' },
          format: { enum: ["json", "ndjson"] },
          compression: { enum: ["none", "gzip"] },
          media_type: { enum: ["application/json", "application/x-ndjson", "application/gzip"] },
          count,
          from: { ...optionalDateTime, description: "The oldest date_published in the file." },
          to: { ...optionalDateTime, description: "The newest date_published in the file." },
          bytes: count,
          sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
        },
      },
    },
  },
} as const;

const tagsIndex = {
  description: "tags/index.json: every tag, with its article count and feeds.",
  type: "object",
  additionalProperties: false,
  required: ["format", "version", "site", "tags"],
  properties: {
    format: { const: "wirefeed-tags" },
    version: { const: tagsIndexFormatVersion },
    site: { $ref: "#/$defs/site" },
    tags: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["name", "slug", "count", "feeds"],
        properties: {
          name: nonEmpty,
          slug: { type: "string", pattern: "^[^/?#\\s]+$" },
          count: { type: "integer", minimum: 1 },
          feeds: {
            type: "object",
            additionalProperties: false,
            required: ["rss", "atom", "json"],
            properties: { rss: uri, atom: uri, json: uri },
          },
        },
      },
    },
  },
} as const;

/**
 * The JSON Schema (draft 2020-12) of the archive: one record (`#/$defs/record`, also each line of
 * the NDJSON files), the archive JSON files, the manifest and the tag index.
 */
export function archiveJsonSchema() {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "wirefeed archive",
    description: 'The files of a wirefeed archive. Each line of archive/*.ndjson is one #/$defs/record; the JSON files are told apart by their "format".',
    oneOf: [{ $ref: "#/$defs/archive" }, { $ref: "#/$defs/manifest" }, { $ref: "#/$defs/tagsIndex" }],
    $defs: { record, site, archive: archiveFile, manifest, tagsIndex },
  };
}
