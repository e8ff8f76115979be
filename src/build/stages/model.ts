import type { Config } from "../../config/schema.js";
import type { ArticleMeta } from "./meta/index.js";
import { chooseDisplayName, tagKey as foldedTagKey, tagSlug, type Tag } from "../../text/tags.js";
import type { RenderedBody } from "./render.js";
import { remembered } from "../runtime/remembered.js";

/** One published article as every serializer sees it. */
export interface Item extends Omit<ArticleMeta, "tags" | "positions" | "draft"> {
  tags: Tag[];
  /** The dek, or the first paragraph cut at a word boundary. */
  summary: string;
  html: string;
  text: string;
  /** The article's file, relative to the articles folder. */
  source: string;
  /** The article's cache key (see cache.ts), which with the resolved tags decides every field; absent in models built by hand. */
  key?: string;
}

/** One feed of a feed set: a section, an author or a language, with its items, newest first. */
export interface FeedGroup {
  /** Display name: one spelling across the site. */
  name: string;
  /** Folder name below the set's folder, stable for the same name. */
  slug: string;
  items: Item[];
  /** A language set's BCP 47 tag. */
  lang?: string;
}

/** The site and every published article, newest first: the format-neutral input of the serializers. */
export interface FeedModel {
  config: Config;
  items: Item[];
  /** Every tag with the items that carry it, by slug. */
  tags: Map<string, { tag: Tag; items: Item[] }>;
  /** Every section, author and language with its items, by slug. */
  sections: Map<string, FeedGroup>;
  authors: Map<string, FeedGroup>;
  languages: Map<string, FeedGroup>;
}

/** The authors an item is credited to: its own, else the site's author (the config's `author`), else none. */
export const itemAuthors = (config: Config, item: Pick<Item, "authors">): readonly { name: string; email?: string | undefined; url?: string | undefined }[] =>
  item.authors.length > 0 ? item.authors : config.author ? [config.author] : [];

/** An item's language: its own `lang`, else the site's. */
export const itemLanguage = (config: Config, item: Pick<Item, "lang">): string => item.lang ?? config.language;

/**
 * Groups items by a name each gives (none, one or several), newest first within a group: one
 * display name per key (as tags have), and slugs given in key order, so the same names always
 * get the same folders.
 */
function groupBy(items: readonly Item[], namesOf: (item: Item) => readonly string[], keyOf: (name: string) => string, slugOf: (name: string) => string) {
  const variants = new Map<string, string[]>();
  const members = new Map<string, Item[]>();
  for (const item of items) {
    const seen = new Set<string>();
    for (const name of namesOf(item)) {
      const key = keyOf(name);
      if (seen.has(key)) continue;
      seen.add(key);
      const names = variants.get(key);
      if (names) names.push(name);
      else variants.set(key, [name]);
      const list = members.get(key);
      if (list) list.push(item);
      else members.set(key, [item]);
    }
  }
  const groups = new Map<string, FeedGroup>();
  for (const [key, { name, slug }] of namedSlugs(variants, slugOf, "feed")) groups.set(slug, { name, slug, items: members.get(key)! });
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * For each key, the display name chosen among its spellings and a slug of its own, in key order:
 * a slug another key took first gets -2, -3..., so the same names always get the same slugs.
 * @param fallback the slug of a name that gives none (all punctuation)
 */
function namedSlugs(variants: ReadonlyMap<string, string[]>, slugOf: (name: string) => string, fallback: string): Map<string, Tag> {
  const named = new Map<string, Tag>();
  const used = new Set<string>();
  for (const key of [...variants.keys()].sort()) {
    const name = chooseDisplayName(variants.get(key)!);
    const base = slugOf(name) || fallback;
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    named.set(key, { name, slug });
  }
  return named;
}

/** A rendered body, or a function that loads it when an item's HTML or text is first read. */
export type ModelBody = Pick<RenderedBody, "html" | "text"> | (() => Pick<RenderedBody, "html" | "text">);

/** An article ready for the model: its metadata, rendered body and summary. */
export interface BuiltArticle {
  meta: ArticleMeta;
  body: ModelBody;
  summary: string;
  source: string;
  key?: string;
}

/** Newest first; the id breaks ties so that the order never depends on the file system. */
export const compareItems = (a: { date: Date; id: string }, b: { date: Date; id: string }): number =>
  b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The body loader of each item whose body stays in the cache until read. */
const bodyLoaders = new WeakMap<object, () => Pick<RenderedBody, "html" | "text">>();

/**
 * The accessors of a lazy item's `html` and `text`, where an eager item has values, in the same
 * place. One pair of functions for every item, so that all share one hidden class: getters
 * written in each item's literal are new functions every time, and so a new hidden class.
 */
const lazyBody: PropertyDescriptorMap = {
  html: {
    get(this: object) {
      return bodyLoaders.get(this)!().html;
    },
    enumerable: true,
    configurable: true,
  },
  text: {
    get(this: object) {
      return bodyLoaders.get(this)!().text;
    },
    enumerable: true,
    configurable: true,
  },
};

/** Gives `item` a body read by `load` when its `html` or `text` is first read. */
function attachLazyBody(item: Item, load: () => Pick<RenderedBody, "html" | "text">): void {
  bodyLoaders.set(item, load);
  Object.defineProperties(item, lazyBody);
}

/**
 * Orders the articles and gives every tag one display name and slug across the whole site,
 * so "NATO" in one article and "nato" in another are the same tag everywhere.
 */
export function buildModel(articles: readonly BuiltArticle[], config: Config): FeedModel {
  // A site's few hundred names recur on every article: each is folded once (NFKC twice, case) for the whole model.
  const tagKey = remembered(foldedTagKey);
  const variants = new Map<string, string[]>();
  for (const { meta } of articles) {
    for (const name of meta.tags) {
      const key = tagKey(name);
      // In place: a copy per article made this quadratic, 40 s at 100,000 articles.
      const names = variants.get(key);
      if (names) names.push(name);
      else variants.set(key, [name]);
    }
  }
  const tagsByKey = namedSlugs(variants, tagSlug, "tag");
  const items: Item[] = articles
    .map(({ meta, body, summary, source, key }) => {
      const { positions: _positions, draft: _draft, tags, ...rest } = meta;
      const resolved = tags.map((name) => tagsByKey.get(tagKey(name))!);
      // Object.assign, not a literal: in Node 20's V8 a spread followed by more properties gives
      // every object a hidden class of its own once the code is warm (about 600 bytes an item).
      const item = Object.assign({}, rest, { tags: resolved, summary, source }) as Item;
      if (typeof body === "function") {
        attachLazyBody(item, body);
      } else {
        Object.assign(item, { html: body.html, text: body.text });
      }
      if (key !== undefined) item.key = key;
      return item;
    })
    .sort(compareItems);
  const tags = new Map<string, { tag: Tag; items: Item[] }>();
  for (const tag of [...tagsByKey.values()].sort((a, b) => (a.slug < b.slug ? -1 : 1))) tags.set(tag.slug, { tag, items: [] });
  for (const item of items) for (const tag of item.tags) tags.get(tag.slug)!.items.push(item);
  const sections = groupBy(items, (item) => (item.section ? [item.section] : []), tagKey, tagSlug);
  // An author is one person however the articles spell the name's case or spacing: the key is the normalized name.
  const authors = groupBy(items, (item) => itemAuthors(config, item).map((author) => author.name), tagKey, tagSlug);
  const languages = groupBy(
    items,
    (item) => [itemLanguage(config, item)],
    (lang) => lang.toLowerCase(),
    (lang) => lang.toLowerCase(),
  );
  for (const group of languages.values()) group.lang = group.name;
  return { config, items, tags, sections, authors, languages };
}

/** The feed-level date: the newest change among the items, never the clock, so unchanged input gives unchanged bytes. */
export function newestUpdate(items: readonly Item[]): Date {
  let newest = 0;
  for (const item of items) newest = Math.max(newest, item.updated.getTime(), item.date.getTime());
  return new Date(newest);
}
