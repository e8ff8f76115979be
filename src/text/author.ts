import { wrongType } from "../diagnostics/describe-value.js";
import { fail, ok, type Result } from "../diagnostics/diagnostic.js";
import { cleanInline } from "./text.js";

/** An article author as the feeds carry it. */
export interface Author {
  name: string;
  email?: string;
  url?: string;
}

const ACCEPTED_FORMS = 'Write the author as "Name", "Name <email>", "email (Name)", a map with name and optional email and url, or a list of those.';
const AUTHOR_KEYS = new Set(["name", "email", "url"]);
const NAME_THEN_EMAIL = /^(?<name>[^<>]*?)\s*<(?<email>[^<>]*)>$/;
const EMAIL_THEN_NAME = /^(?<email>[^\s()<>]+@[^\s()<>]+)\s*\((?<name>[^()]*)\)$/;
const LOOKS_LIKE_EMAIL = /^[^\s@<>()]+@[^\s@<>()]+$/;
const VALID_EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** Reads a front matter author value: "Name", "Name <email>", "email (Name)", {name, email, url}, or a list of those. */
export function parseAuthors(value: unknown): Result<Author[]> {
  // YAML reads an empty `author:` as null: no author, like an empty list.
  if (value === null || value === undefined) return ok([]);
  const entries = Array.isArray(value) ? value : [value];
  const authors: Author[] = [];
  for (const entry of entries) {
    const parsed = parseAuthor(entry);
    if (!parsed.ok) return parsed;
    mergeInto(authors, parsed.value);
  }
  return ok(authors);
}

function parseAuthor(entry: unknown): Result<Author> {
  if (typeof entry === "string") return parseAuthorString(entry);
  if (isPlainObject(entry)) return parseAuthorMap(entry);
  if (Array.isArray(entry)) return fail("invalid-author", "An author cannot be a nested list.", ACCEPTED_FORMS);
  return fail("invalid-author", `${wrongType("An author", "text or a map", entry)}.`, ACCEPTED_FORMS);
}

function parseAuthorString(text: string): Result<Author> {
  const inline = cleanInline(text);
  const match = NAME_THEN_EMAIL.exec(inline) ?? EMAIL_THEN_NAME.exec(inline);
  if (match?.groups !== undefined) {
    return buildAuthor(match.groups.name ?? "", match.groups.email, undefined, `Author "${inline}"`);
  }
  if (LOOKS_LIKE_EMAIL.test(inline)) {
    return fail(
      "invalid-author",
      `Author "${inline}" is an email address without a name; feeds need a name for every author.`,
      `Add the name: "Name <${inline}>".`,
    );
  }
  return buildAuthor(inline, undefined, undefined, `Author "${inline}"`);
}

function parseAuthorMap(map: Record<string, unknown>): Result<Author> {
  const unknownKey = Object.keys(map).find((key) => !AUTHOR_KEYS.has(key));
  if (unknownKey !== undefined) {
    return fail("invalid-author", `An author map has the unknown key "${unknownKey}".`, ACCEPTED_FORMS);
  }
  const { name, email, url } = map;
  if (typeof name !== "string") {
    const problem = name === undefined || name === null ? "An author map has no name" : wrongType("The name in an author map", "text", name);
    return fail("invalid-author", `${problem}.`, ACCEPTED_FORMS);
  }
  if (!isOptionalString(email)) {
    return fail(
      "invalid-author-email",
      `${wrongType(`The email of author "${cleanInline(name)}"`, "text", email)}.`,
      "Write the email as text, e.g. email: jane@example.com.",
    );
  }
  if (!isOptionalString(url)) {
    return fail(
      "invalid-author-url",
      `${wrongType(`The url of author "${cleanInline(name)}"`, "text", url)}.`,
      "Write the url as an absolute http(s) address, e.g. url: https://example.com/jane.",
    );
  }
  return buildAuthor(name, email ?? undefined, url ?? undefined, "An author map");
}

function buildAuthor(rawName: string, rawEmail: string | undefined, rawUrl: string | undefined, label: string): Result<Author> {
  const name = cleanInline(rawName);
  if (name === "") {
    return fail("invalid-author", `${label} has an empty name.`, ACCEPTED_FORMS);
  }
  const author: Author = { name };
  // An empty `email:` or `url:` key means the author has none, not that it is malformed.
  const email = cleanInline(rawEmail ?? "").replace(/^mailto:/i, "");
  if (email !== "") {
    if (!VALID_EMAIL.test(email)) {
      return fail(
        "invalid-author-email",
        `Author "${name}" has the email "${email}", which is not a valid address (one @, no spaces, a dot in the domain).`,
        "Fix the address, e.g. jane@example.com, or remove it.",
      );
    }
    author.email = email;
  }
  const url = cleanInline(rawUrl ?? "");
  if (url !== "") {
    if (!isAbsoluteHttpUrl(url)) {
      return fail(
        "invalid-author-url",
        `Author "${name}" has the url "${url}", which is not an absolute http or https address.`,
        "Write the full address including the scheme, e.g. https://example.com/about.",
      );
    }
    author.url = url;
  }
  return ok(author);
}

/** Adds an author unless one with the same name and email is already there, in which case a missing url is filled in. */
function mergeInto(authors: Author[], author: Author): void {
  const existing = authors.find((known) => known.name === author.name && known.email?.toLowerCase() === author.email?.toLowerCase());
  if (existing === undefined) {
    authors.push(author);
  } else if (existing.url === undefined && author.url !== undefined) {
    existing.url = author.url;
  }
}

function isAbsoluteHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

function isOptionalString(value: unknown): value is string | null | undefined {
  return value === undefined || value === null || typeof value === "string";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
