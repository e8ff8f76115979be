import { authors } from "./authors.js";
import { date } from "./date.js";
import { description } from "./description.js";
import { draft } from "./draft.js";
import { expires } from "./expires.js";
import type { FieldValue } from "./field.js";
import { id } from "./id.js";
import { image } from "./image.js";
import { lang } from "./lang.js";
import { publishes } from "./publishes.js";
import { section } from "./section.js";
import { slug } from "./slug.js";
import { tags } from "./tags.js";
import { title } from "./title.js";
import { updated } from "./updated.js";

/**
 * The front matter keys wirefeed reads: a handler each, by the name of the `ArticleMeta` property it
 * makes, in the order they are read (a handler reads only the fields above it). To add a key, write
 * its handler beside these and add it here: `knownKeys`, the unknown-key hints, `ArticleMeta` and the
 * README's front matter table (`npm run docs`) follow.
 */
export const fields = {
  title,
  date,
  updated,
  description,
  authors,
  tags,
  image,
  slug,
  id,
  draft,
  expires,
  publishes,
  lang,
  section,
};

/** What each field read, by its name. */
export type FieldValues = { [Name in keyof typeof fields]: FieldValue<(typeof fields)[Name]> };

/** Every key a field reads, aliases included: a key not among them is unknown. */
export const knownKeys: readonly string[] = Object.values(fields).flatMap((entry) => entry.keys);
