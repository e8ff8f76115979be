import type { Config } from "../config/schema.js";
import type { SiteFacts } from "./stages/profiles/types.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ArticleSource, SourcedArticle } from "./incremental/article-source.js";
import type { PreviousOutput, WrittenOutputs } from "./incremental/previous-output.js";
import type { ArticleMeta } from "./stages/meta/index.js";
import type { ArticleBody } from "./stages/article.js";
import type { OutputFiles } from "./stages/write.js";
import type { RenderThread } from "./runtime/workers/article-pool.js";

/** What a build is asked to do. Paths resolve against `cwd`. */
export interface BuildOptions {
  cwd?: string;
  /** Config file; default `wirefeed.config.json`. */
  config?: string;
  /** Articles folder; overrides the config's `articles`. */
  articles?: string;
  /** Output folder; overrides the config's `out`. */
  out?: string;
  /** The build's notion of now: later articles are scheduled, not published. Default: the clock. */
  now?: Date | string;
  /** Warnings fail the build too. */
  strict?: boolean;
  /** Build the good articles even when some are bad (still exit 1). */
  keepGoing?: boolean;
  /** Validate only; write nothing (not even the cache). */
  dryRun?: boolean;
  /** Let the build drop articles the previous output published, or change their ids. */
  allowRemovals?: boolean;
  /** How long to wait for another build writing the same output folder; default 60 s. */
  lockTimeoutMs?: number;
  /** Cache folder, default `node_modules/.cache/wirefeed`; `false` renders every article anew. */
  cacheDir?: string | false;
  /** Render threads; default one per core. 1 renders in this thread. */
  workers?: number;
  /** Called as articles are prepared: `done` of `total` article files. */
  onProgress?: (done: number, total: number) => void;
  /** Tell the config's WebSub `hubs` which feeds changed, once the output is in place (as `ping: true` does). */
  ping?: boolean;
  /** How hard to try each hub: per-request timeout, attempts, first backoff, and the bound on all pinging (tests shorten them). */
  pingPolicy?: Partial<PingPolicy>;
}

/** How pings are tried: each request up to `timeoutMs`, `attempts` times with backoff doubling from `backoffMs`, all within `totalMs`. */
export interface PingPolicy {
  timeoutMs: number;
  attempts: number;
  backoffMs: number;
  totalMs: number;
}

/** What one WebSub hub was told, for --report. */
export interface HubPing {
  hub: string;
  /** Feeds whose bytes changed, and of them those the hub accepted. */
  feeds: number;
  accepted: number;
  ok: boolean;
  /** Requests made, retries included. */
  requests: number;
  /** Why it failed: the last answer or error. */
  error?: string;
  ms: number;
}

/** What a build did: diagnostics to show, and the exit code they imply. */
export interface BuildResult {
  /** 0 success, 1 article errors, 2 usage or config errors. */
  exitCode: 0 | 1 | 2;
  diagnostics: Diagnostic[];
  /** Output files written anew, relative to the output folder. */
  written: string[];
  /** Output files kept as the previous build left them, byte for byte. */
  unchanged: string[];
  outDir?: string;
  counts: { articles: number; published: number; drafts: number; scheduled: number; expired: number; errors: number; warnings: number };
  /** Good articles left out of the outputs on purpose, in file order, with their dates (ISO 8601). */
  unpublished: { file: string; state: "draft" | "scheduled" | "expired"; date: string; expires?: string }[];
  /**
   * Articles taken from the cache, of which `stamped` were known by their file's stamp without
   * being read; articles prepared anew; and whether an untrusted cache was rebuilt.
   */
  cache: { enabled: boolean; hits: number; stamped: number; misses: number; rebuilt: boolean };
  /** Worker threads that rendered articles; 0 when they rendered in the calling thread (or none needed rendering). */
  workers: number;
  /** Files of one article (its page, its archive record) made on output threads while the main thread wrote the others. */
  outputJobs: number;
  /** One line per WebSub hub: what it was told (absent without pinging, empty when no feed changed). */
  pings?: HubPing[];
  /** Milliseconds spent preparing articles, making the outputs, and writing them. */
  timings: { prepareMs: number; outputsMs: number; writeMs: number; totalMs: number };
}

/** A published article on its way to the outputs: its record's metadata, summary and body. */
export interface PublishedEntry {
  article: SourcedArticle;
  /** The article's cache key. */
  key: string;
  meta: ArticleMeta;
  summary: string;
  body: ArticleBody;
}

/**
 * What every stage reads and writes. `configure` makes it from the options; the stages after it
 * fill in the rest, in order: a stage relies only on what the stages before it set.
 */
export interface BuildContext {
  readonly options: BuildOptions;
  readonly started: number;
  readonly cwd: string;
  /** A path as the user should see it: relative to the working folder. */
  readonly display: (file: string) => string;
  readonly now: Date;
  readonly configPath: string;
  readonly config: Config;
  /** The site's profile (`auto` resolved) and what its tool's config says. */
  readonly site: SiteFacts;
  /** A render thread started while the config was read, until the prepare stage takes it; `build()` ends one nobody took. */
  spare: RenderThread | undefined;
  readonly articlesDir: string;
  readonly outDir: string;
  /** The cache folder, resolved; undefined with `--no-cache`. */
  readonly cacheDir: string | undefined;
  diagnostics: Diagnostic[];
  counts: BuildResult["counts"];
  unpublished: BuildResult["unpublished"];
  timings: BuildResult["timings"];
  written: string[];
  unchanged: string[];
  /** URLs of the subscribed feeds whose bytes this build changed, once they are in place (known only when pinging). */
  changedFeeds: string[];
  pings: HubPing[];
  /** See `BuildResult.outputJobs`. */
  outputJobs: number;
  /**
   * Set by a stage that ends the build: later stages do not run. `finished`: the build ran its
   * course (its diagnostics say how well), and the cache remembers it; `setup-failed`: it could not
   * take its output folder (exit 2), and nothing is remembered.
   */
  end: "finished" | "setup-failed" | undefined;
  /** Whether article errors (or warnings with `--strict`) fail the build. */
  failed: boolean;
  /** The exit code of a build that failed for its setup after it started (an output too large): 2. */
  exit?: 2;
  /** Held from the lock stage to the end of the build; released in `build()`'s `finally`. */
  lock?: { release(): Promise<void>; stopWatching(): void };
  /** The article files, sorted. */
  files: string[];
  /** Where the articles came from (cache or preparation), and what will remember them. */
  source?: ArticleSource;
  articles: SourcedArticle[];
  /** Published at `now` and free of errors, in file order. */
  published: PublishedEntry[];
  /** Sources still present but not published on purpose (drafts, scheduled; failing ones unless --keep-going). */
  kept: Set<string>;
  /** The previous output folder, opened once. */
  previous?: PreviousOutput;
  /** What the outputs are made of: equal digests, equal outputs. */
  digest?: string;
  /** The previous output kept whole, when it was made from exactly these articles. */
  reusable?: OutputFiles | undefined;
  /** What the cache should record of the output after the build (the previous record when nothing was written). */
  outputs?: WrittenOutputs | undefined;
}

/** One step of a build. An article problem becomes a diagnostic; only setup failures and bugs end it early. */
export type Stage = (context: BuildContext) => Promise<void>;
