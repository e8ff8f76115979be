import type { Config } from "../../../config/schema.js";
import type { Problem } from "../../../diagnostics/diagnostic.js";
import type { Position } from "../../../text/yaml-document.js";
import type { LocatedProblem } from "../front-matter.js";

/** The tools whose sites wirefeed reads as they are; `wirefeed` is its own layout. */
export const profileNames = ["wirefeed", "hugo", "jekyll", "eleventy", "astro"] as const;
export type ProfileName = (typeof profileNames)[number];

/** Front matter languages a tool accepts besides YAML. */
export type FrontMatterLanguage = "yaml" | "toml" | "json";

/**
 * What a profile learned from the site's own config files, once per build: plain JSON, so that it
 * travels to render threads and into the cache key (a changed `baseurl` must rebuild every article).
 */
export interface SiteFacts {
  profile: ProfileName;
  /** Path prefix every page of the tool lives under ("/minima/"), from the tool's own config; "/" when none. */
  basePath: string;
  /** The tool's time zone for dates without an offset, when its config names one. */
  timeZone?: string;
  /** Keys the config says belong to another tool: never warned about. */
  ignoreKeys: string[];
  /** Tool-specific settings, read by that profile only. */
  settings: Record<string, unknown>;
}

/** One article file as a profile sees it. */
export interface ProfileInput {
  /** Front matter as parsed. */
  data: Record<string, unknown>;
  /** Path below the site folder, with forward slashes. */
  relativePath: string;
  site: SiteFacts;
  config: Config;
}

/** A tool's front matter restated in wirefeed's vocabulary. */
export type Mapped =
  | {
      article: true;
      /** Keys wirefeed reads (title, date, updated, description, tags, image, draft, expiryDate, lang, author...). */
      data: Record<string, unknown>;
      /** For each key of `data`, the path of the front matter value it came from, for positions. */
      from: Record<string, (string | number)[]>;
      /** The page's path below the tool's base path, as the tool makes it ("posts/my-story/"). */
      urlPath: string;
      /** Warnings at a front matter key (an empty path: the file's first line). */
      problems: MappedProblem[];
    }
  /** A page the tool publishes, but not as a post (an about page, a list page), or one wirefeed cannot place (with a warning why). */
  | { article: false; problems?: MappedProblem[] };

/** A problem a profile found at a front matter key. */
export interface MappedProblem extends Problem {
  at: (string | number)[];
}

/** Rewrites a body's template syntax: what has a plain rendering is rendered, the rest dropped with a warning. */
export type TemplateRewriter = (body: string, input: TemplateInput) => { body: string; problems: LocatedProblem[] };

export interface TemplateInput {
  /** Where the body starts in the file. */
  bodyLine: number;
  site: SiteFacts;
  config: Config;
  /** The file, below the site folder. */
  relativePath: string;
}

/** Finds the URL of another page of the site by the path a tag names (Hugo's `ref`, Jekyll's `post_url`); undefined when there is none. */
export type PageLocator = (target: string, input: TemplateInput) => string | undefined;

/** One tool: where its posts are, how it writes their front matter, what its bodies may hold. */
export interface Profile {
  name: ProfileName;
  /** Files or folders whose presence in the site folder names this tool, for `"profile": "auto"`. */
  markers: readonly string[];
  /** Whether the folder's layout alone names this tool, when no config file does (a copy of a site without its code). */
  looksLike(root: string): boolean;
  /** Reads the tool's own config files in the site folder. Throws a ProfileConfigError for an unreadable one. */
  readSite(root: string): Promise<Omit<SiteFacts, "profile" | "ignoreKeys">>;
  /** Folders below the site folder that hold posts. */
  contentDirs(site: SiteFacts): string[];
  /** Whether a file (path below the site folder) can be a post; the front matter may still say it is not. */
  isCandidate(relativePath: string, site: SiteFacts, root: string): boolean;
  /** File extensions of posts, lowercase with the dot. */
  extensions: readonly string[];
  frontMatter: readonly FrontMatterLanguage[];
  /** Keys the tool itself (or its common plugins) defines: they never warn. */
  knownKeys: readonly string[];
  /** Keys the site's own config defines (Hugo's taxonomies per language): they never warn either. */
  knownKeysOf?: (site: SiteFacts) => string[];
  map(input: ProfileInput): Mapped;
  templates?: TemplateRewriter;
}

/** A position, for the warnings a rewriter makes from an offset into the body. */
export const positionInBody = (body: string, offset: number, bodyLine: number): Position => {
  const before = body.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: bodyLine + (before.match(/\n/g)?.length ?? 0), column: offset - lineStart + 1 };
};
