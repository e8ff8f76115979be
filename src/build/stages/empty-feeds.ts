import { configPositions } from "../../config/load.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { FeedSetKind } from "../../formats/feed-sets.js";
import type { BuildContext, Stage } from "../context.js";
import type { ArticleMeta } from "./meta/index.js";
import { itemAuthors, itemLanguage } from "./model.js";

/** What a feed set groups by, as the front matter says it (as the model groups it), and how the reason reads. */
interface Grouping {
  has: (context: BuildContext, meta: ArticleMeta) => readonly string[];
  what: string;
  key: string;
}

/** Every feed set's grouping, in the order the sets are checked. */
const groupedBy: Record<FeedSetKind, Grouping> = {
  section: { has: (_context, meta) => (meta.section ? [meta.section] : []), what: "a section", key: "section" },
  tag: { has: (_context, meta) => meta.tags, what: "a tag", key: "tags" },
  author: { has: (context, meta) => itemAuthors(context.config, meta).map((author) => author.name), what: "an author", key: "author" },
  language: { has: (context, meta) => [itemLanguage(context.config, meta).toLowerCase()], what: "a second language", key: "lang" },
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * The stage after collect: a feed kind the config writes that would come out with no items is an
 * error naming why (zola#2837: a feed that silently came out empty). The site's feeds: when every
 * article is a draft, scheduled or expired (articles with errors say why themselves; an empty
 * folder is the removal guard's to report). A feed set
 * turned on explicitly (`feeds.<kind>.enabled: true`): when no published article has what it
 * groups by. Archive pages are empty until the articles outgrow the subscription feeds: never an error.
 */
export const checkEmptyFeeds: Stage = async (context) => {
  const { config, published, counts } = context;
  const diagnostics: Diagnostic[] = [];
  const configFile = context.display(context.configPath);
  // The config is read again only for a diagnostic's position.
  const at = configPositions(context.configPath);
  const failing = context.articles.length - published.length - counts.drafts - counts.scheduled - counts.expired;
  // No article files at all is a bad checkout or a new site: the removal guard names what a previous output would lose.
  if (config.feeds.site.enabled && published.length === 0 && failing <= 0 && context.articles.length > 0) {
    const unpublished = counts.drafts + counts.scheduled + counts.expired;
    const alone =
      counts.drafts === unpublished
        ? `every article is a draft (${unpublished})`
        : counts.scheduled === unpublished
          ? `every article is scheduled, dated after the build's now ${context.now.toISOString()} (${unpublished})`
          : `every article has expired (${unpublished})`;
    const parts = [
      counts.drafts ? plural(counts.drafts, "draft") : "",
      counts.scheduled ? `${counts.scheduled} scheduled` : "",
      counts.expired ? `${counts.expired} expired` : "",
    ].filter(Boolean);
    const why = parts.length === 1 ? alone : `of ${plural(unpublished, "article")}, ${parts.join(", ")}: none is published`;
    diagnostics.push({
      rule: "empty-feed",
      severity: "error",
      message: `The site's feeds would have no items: ${why}`,
      hint: "Publish an article (remove `draft: true`, or pass a later --now), or set `feeds.site.enabled: false`.",
      file: configFile,
      ...(await at(["feeds", "site", "enabled"])),
    });
  }
  for (const [kind, { has, what, key }] of Object.entries(groupedBy) as [FeedSetKind, Grouping][]) {
    if (!config.feeds[kind].required || published.length === 0) continue;
    const names = new Set(published.flatMap(({ meta }) => has(context, meta)));
    if (kind === "language" ? names.size > 1 : names.size > 0) continue;
    // The articles that would fill it, were they published: the reason may be that they are not.
    const inFeeds = new Set(published.map((entry) => entry.article));
    const waiting = context.articles.filter(
      (article) =>
        !inFeeds.has(article) && (article.record.state === "parsed" || article.record.state === "rendered") && has(context, article.record.meta).length > 0,
    ).length;
    const why =
      kind === "language"
        ? `every published article is in ${[...names][0] ?? config.language}`
        : `no published article has ${what} (\`${key}\` in the front matter)${waiting > 0 ? `; ${plural(waiting, "unpublished article")} (drafts, scheduled or with errors) ${waiting === 1 ? "has" : "have"} one` : ""}`;
    diagnostics.push({
      rule: "empty-feed",
      severity: "error",
      message: `feeds.${kind} is turned on, but its feed set would be empty: ${why}`,
      hint: `Give the articles ${what}, or remove \`enabled: true\` from feeds.${kind} (then the set is written only when there is something in it).`,
      file: configFile,
      ...(await at(["feeds", kind, "enabled"])),
    });
  }
  context.diagnostics.push(...diagnostics);
};
