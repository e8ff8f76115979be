/**
 * Every rule wirefeed reports, in one place: its id (permanent: CI scripts and people search for it),
 * severity, the part of a build it belongs to, what it means and what to do. The README's rule table
 * is generated from it (`npm run docs`), and tests/errors/rule-ids.test.ts checks code, catalogue and
 * README against each other in both directions. A diagnostic's own message and hint say more,
 * with the values at hand; these say it for every case.
 */

export interface Rule {
  severity: "error" | "warning";
  group: RuleGroup;
  /** What the rule means, for the README. */
  meaning: string;
  /** What to do about it, for the README. */
  fix: string;
}

export const ruleGroups = [
  "Setup (exit 2)",
  "The article file",
  "Front matter",
  "Fields",
  "Across articles",
  "Against the previous build",
  "`wirefeed import` and `wirefeed new`",
] as const;

export type RuleGroup = (typeof ruleGroups)[number];

export const catalogue = {
  "config-not-found": {
    severity: "error",
    group: "Setup (exit 2)",
    meaning: "The config file does not exist or cannot be read.",
    fix: "Create `wirefeed.config.json` with at least `title` and `url`, or pass `--config FILE`.",
  },
  "invalid-config-json": {
    severity: "error",
    group: "Setup (exit 2)",
    meaning: "The config is not valid JSON.",
    fix: "Fix the comma, quote or bracket at the position shown.",
  },
  "unknown-config-key": {
    severity: "error",
    group: "Setup (exit 2)",
    meaning: "A key the config schema does not know (a typo).",
    fix: 'Use the suggested key; see "Configuration".',
  },
  "missing-config-key": { severity: "error", group: "Setup (exit 2)", meaning: "A required key (`url`) is missing.", fix: "Add it." },
  "invalid-config-value": {
    severity: "error",
    group: "Setup (exit 2)",
    meaning: "A value of the wrong type or form (a relative `url`, an unknown `timeZone`, a `permalink` without `:slug`).",
    fix: "Follow the message; the JSON Schema in `schema/` lists every key.",
  },
  "invalid-tool-config": {
    severity: "error",
    group: "Setup (exit 2)",
    meaning: "With a profile: the tool's own config (`hugo.toml`, `config.yml`, `_config.yml`) does not parse, or names a time zone that does not exist.",
    fix: "Fix it so that the tool accepts it, or set `profile` to the tool the site is made with.",
  },
  "articles-not-found": {
    severity: "error",
    group: "Setup (exit 2)",
    meaning: "The articles folder does not exist.",
    fix: "Create it, fix `articles` in the config, or pass `--articles DIR`.",
  },
  "invalid-now": {
    severity: "error",
    group: "Setup (exit 2)",
    meaning: "`--now` is not a date.",
    fix: "Pass an ISO 8601 instant such as `2022-03-01T00:00:00Z`.",
  },
  "output-too-large": {
    severity: "error",
    group: "Setup (exit 2)",
    meaning: "The output would be larger than `maxOutputBytes`; nothing in `output/` changed.",
    fix: 'Turn off copies you do not need under `outputs` (see "What each output costs"), or raise `maxOutputBytes`.',
  },
  "output-locked": {
    severity: "error",
    group: "Setup (exit 2)",
    meaning: "Another build has been writing the same output folder for longer than the wait.",
    fix: "Wait for it; if no build is running, delete the lock file named in the message.",
  },
  "out-holds-inputs": {
    severity: "error",
    group: "Setup (exit 2)",
    meaning: "The output folder is, or holds, the config, the articles, the cache, the current folder, the home folder or `/`.",
    fix: "Give the output a folder of its own (`--out output`).",
  },
  "out-not-a-folder": {
    severity: "error",
    group: "Setup (exit 2)",
    meaning: "The output path is a file.",
    fix: "Pass the path of a folder; the file is left alone.",
  },
  "out-not-empty": {
    severity: "error",
    group: "Setup (exit 2)",
    meaning: "The output folder holds files wirefeed did not write, and the config does not say it is shared.",
    fix: 'Use a new or empty folder, or set `"outShared": true` if another generator fills it (see [What wirefeed owns](#what-wirefeed-owns)).',
  },
  "output-file-not-owned": {
    severity: "error",
    group: "Setup (exit 2)",
    meaning: "A file wirefeed would write is already there and is not wirefeed's (another generator's).",
    fix: "Move it, or give wirefeed a folder of its own. Nothing was changed.",
  },
  "unreadable-file": {
    severity: "error",
    group: "The article file",
    meaning: "The file vanished or cannot be read.",
    fix: "Check that it exists and that the build may read it.",
  },
  "render-timeout": {
    severity: "error",
    group: "The article file",
    meaning: "Preparing the article took longer than `renderTimeoutMs` (default 120 s); its render thread was stopped and replaced.",
    fix: "Look for a construct the renderer takes long on (thousands of markers, tags or nested blocks) and simplify it, or raise `renderTimeoutMs`.",
  },
  "cache-key-unkept": {
    severity: "warning",
    group: "Against the previous build",
    meaning:
      "The key the cache is sealed with (`WIREFEED_CACHE_KEY`, else a file in `$XDG_STATE_HOME/wirefeed/`) is not set and its file can be neither read nor created: the build goes on, but its cache is sealed with a key of its own and no later build reuses it.",
    fix: "Set `WIREFEED_CACHE_KEY` (in CI, as a secret), or `XDG_STATE_HOME` to a folder this user can write.",
  },
  "render-out-of-memory": {
    severity: "error",
    group: "The article file",
    meaning: "Preparing the article needed more than `renderMemoryMb` (default 2048 MB) of memory; its render thread was stopped and replaced.",
    fix: "Split the article, or raise `renderMemoryMb`.",
  },
  "file-too-large": {
    severity: "error",
    group: "The article file",
    meaning: "Larger than `maxArticleBytes` (default 5 MiB).",
    fix: "Split it, or raise `maxArticleBytes`.",
  },
  "empty-file": { severity: "error", group: "The article file", meaning: "The file is empty or only whitespace.", fix: "Delete it, or write the article." },
  "binary-file": {
    severity: "error",
    group: "The article file",
    meaning: "The file holds a NUL byte: an image or PDF named `.md`.",
    fix: "Move it out of the articles folder.",
  },
  "invalid-utf8": {
    severity: "error",
    group: "The article file",
    meaning: "Not valid UTF-8 (the position of the first bad byte is shown).",
    fix: "Save the file as UTF-8.",
  },
  "missing-front-matter": {
    severity: "error",
    group: "Front matter",
    meaning: "The file does not start with `---`.",
    fix: "Start with `---`, `title:`, `date:`, `---`, then the body.",
  },
  "unclosed-front-matter": {
    severity: "error",
    group: "Front matter",
    meaning: "The opening `---` is never closed.",
    fix: "Add a line holding only `---` after the last key.",
  },
  "invalid-fence": {
    severity: "error",
    group: "Front matter",
    meaning:
      "A line that starts with `---` but is not a fence (`----` opening, `-----` or `---x` inside): only a line of exactly `---`, trailing spaces allowed, opens or closes the front matter (`---yaml` opens it too).",
    fix: "Write the fence as `---`, or indent the line if it belongs to a value.",
  },
  "executable-front-matter": {
    severity: "error",
    group: "Front matter",
    meaning: "`---js`, `---javascript`, `---coffee`: front matter that is code. It is never run. With a profile it is a warning, and the file is left out.",
    fix: "Write the front matter in YAML.",
  },
  "invalid-toml": {
    severity: "error",
    group: "Front matter",
    meaning: "With a profile: TOML front matter (between `+++` lines) that does not parse.",
    fix: "Fix the line shown: quote strings, and write dates, numbers, lists and tables as TOML does.",
  },
  "invalid-json": {
    severity: "error",
    group: "Front matter",
    meaning: "With a profile: JSON front matter (a leading `{...}`, or between `---json` and `---`) that does not parse or is not an object.",
    fix: "Write one JSON object, with double quotes around every key and string.",
  },
  "template-syntax": {
    severity: "warning",
    group: "Front matter",
    meaning:
      "With a profile: a Liquid or Nunjucks tag or expression, a Hugo shortcode or MDX code (`import`, JSX, `{...}`) in the body that has no plain rendering; it is dropped from the feeds (a paired tag keeps its inner text).",
    fix: "Nothing, if the feeds may go without it; otherwise write it as Markdown or HTML.",
  },
  "template-permalink": {
    severity: "warning",
    group: "Front matter",
    meaning: "With the Eleventy profile: a `permalink` that is a template, which wirefeed does not run; the default URL is used.",
    fix: "Write the permalink as a plain path.",
  },
  "misspelled-publication-key": {
    severity: "error",
    group: "Front matter",
    meaning:
      "With a profile: a key one letter from `draft`, `date`, `published`, `expiryDate` or `publishDate` (`drafft: true`); the article would be published against its author's wish.",
    fix: "Fix the key, or list it in `ignoreKeys` if the theme really uses it.",
  },
  "undated-page": {
    severity: "warning",
    group: "Front matter",
    meaning:
      "With the Hugo or Eleventy profile: a post without a date (Eleventy's `Created` and `Last Modified` name the file system's); a feed cannot place it, so it is left out.",
    fix: "Add a `date:`.",
  },
  "unsupported-front-matter": {
    severity: "error",
    group: "Front matter",
    meaning: "Another front matter language (`---toml`, `---json`).",
    fix: "Write it in YAML.",
  },
  "invalid-yaml": {
    severity: "error",
    group: "Front matter",
    meaning: "The YAML does not parse: bad indentation, an unclosed quote, a duplicate key, an alias without its anchor, aliases that multiply.",
    fix: "Fix the line shown; quote values that contain `: ` or start with `*`, `&`, `!`.",
  },
  "unsafe-yaml-tag": {
    severity: "error",
    group: "Front matter",
    meaning: "A YAML tag (`!!js/function`, `!!python/object`, `!!binary`, `!local`): front matter holds plain values only.",
    fix: "Remove the tag.",
  },
  "front-matter-not-mapping": {
    severity: "error",
    group: "Front matter",
    meaning: "The front matter is a list or a sentence, not `key: value` lines.",
    fix: "Write one `key: value` per line.",
  },
  "unknown-key": {
    severity: "warning",
    group: "Front matter",
    meaning:
      "A front matter key wirefeed does not know; the hint suggests the closest one. With a profile, only a near miss of a key the profile reads (any other key is the theme's, as the tool treats it).",
    fix: "Fix the typo or remove the key, or list it in `ignoreKeys` (`--strict` makes this an error).",
  },

  "missing-title": { severity: "error", group: "Fields", meaning: "No `title`, or one that is empty (or only markup).", fix: 'Add `title: "Your headline"`.' },
  "empty-title": { severity: "error", group: "Fields", meaning: "No `title`, or one that is empty (or only markup).", fix: 'Add `title: "Your headline"`.' },
  "invalid-type": {
    severity: "error",
    group: "Fields",
    meaning: "A field of the wrong type: a number as `title`, a map as `tags`, text as `draft`, a list as `image`.",
    fix: "Write the type the message names; quote text that looks like a number.",
  },
  "missing-date": {
    severity: "error",
    group: "Fields",
    meaning: "No `date`, or an empty one.",
    fix: "Add `date: 2022-02-25` (a time and offset are optional).",
  },
  "invalid-date": {
    severity: "error",
    group: "Fields",
    meaning: 'A date wirefeed cannot read ("next Tuesday").',
    fix: 'Write ISO 8601, RFC 2822, or "February 25, 2022".',
  },
  "invalid-date-type": { severity: "error", group: "Fields", meaning: "A date that is a number or a list.", fix: "Quote it and write a full date." },
  "impossible-date": { severity: "error", group: "Fields", meaning: "A date or time that does not exist (2022-02-30, hour 25).", fix: "Correct it." },
  "ambiguous-date": {
    severity: "error",
    group: "Fields",
    meaning: "A numbers-only date that reads differently by country (03/04/2022).",
    fix: "Write year-month-day or spell the month out.",
  },
  "expiry-before-date": { severity: "error", group: "Fields", meaning: "`expiryDate` is not after `date`.", fix: "Fix either date, or remove `expiryDate`." },
  "updated-before-date": { severity: "error", group: "Fields", meaning: "`updated` is earlier than `date`.", fix: "Fix `updated`, or remove it." },
  "invalid-author": {
    severity: "error",
    group: "Fields",
    meaning: "An author that is not a name, `Name <email>` or a map of `name`, `email`, `url`; or a bad email or URL in it.",
    fix: "Use one of the accepted forms the hint lists.",
  },
  "invalid-author-email": {
    severity: "error",
    group: "Fields",
    meaning: "An author that is not a name, `Name <email>` or a map of `name`, `email`, `url`; or a bad email or URL in it.",
    fix: "Use one of the accepted forms the hint lists.",
  },
  "invalid-author-url": {
    severity: "error",
    group: "Fields",
    meaning: "An author that is not a name, `Name <email>` or a map of `name`, `email`, `url`; or a bad email or URL in it.",
    fix: "Use one of the accepted forms the hint lists.",
  },
  "unsafe-slug": {
    severity: "error",
    group: "Fields",
    meaning: "A slug or id with `..`, `/`, `\\`, spaces or characters unsafe in a URL or file name.",
    fix: "Use letters, digits and hyphens (`my-article`); an id may also be an absolute IRI (`tag:`, `urn:`, `https:`).",
  },
  "unsafe-id": {
    severity: "error",
    group: "Fields",
    meaning: "A slug or id with `..`, `/`, `\\`, spaces or characters unsafe in a URL or file name.",
    fix: "Use letters, digits and hyphens (`my-article`); an id may also be an absolute IRI (`tag:`, `urn:`, `https:`).",
  },
  "empty-slug": {
    severity: "error",
    group: "Fields",
    meaning: "An empty `slug` or `id`, or no slug can be made from the file name or title.",
    fix: "Remove the key, or give a value such as `my-article`.",
  },
  "empty-id": {
    severity: "error",
    group: "Fields",
    meaning: "An empty `slug` or `id`, or no slug can be made from the file name or title.",
    fix: "Remove the key, or give a value such as `my-article`.",
  },
  "invalid-lang": { severity: "error", group: "Fields", meaning: "`lang` is not a BCP 47 tag.", fix: "Write `en`, `fa`, `pt-BR`." },
  "invalid-image-src": {
    severity: "error",
    group: "Fields",
    meaning: "The image `src` is neither an absolute http(s) URL nor a path (`javascript:`, `//host/x`, spaces).",
    fix: "Use `https://...` or `/images/photo.jpg`.",
  },
  "missing-image-src": { severity: "error", group: "Fields", meaning: "An `image` map without `src`.", fix: "Add `src:`." },
  "unknown-image-key": {
    severity: "error",
    group: "Fields",
    meaning: "An image key other than `src`, `alt`, `caption`, `credit`, `length`.",
    fix: "Remove or rename it.",
  },
  "missing-asset": {
    severity: "warning",
    group: "Fields",
    meaning: "The body names a file by a relative path (`radar.png`) that is not beside the article, so its page and feeds would show a broken link.",
    fix: "Put the file next to the article, or use an absolute URL.",
  },
  "duplicate-id": {
    severity: "error",
    group: "Across articles",
    meaning: "Two articles share an id, URL or slug; the message names both files.",
    fix: "Give one of them its own `slug:` or `id:`.",
  },
  "duplicate-url": {
    severity: "error",
    group: "Across articles",
    meaning: "Two articles share an id, URL or slug; the message names both files.",
    fix: "Give one of them its own `slug:` or `id:`.",
  },
  "duplicate-slug": {
    severity: "error",
    group: "Across articles",
    meaning: "Two articles share an id, URL or slug; the message names both files.",
    fix: "Give one of them its own `slug:` or `id:`.",
  },
  "changed-during-build": {
    severity: "error",
    group: "Across articles",
    meaning: "A file changed while the build was reading it.",
    fix: "Run the build again.",
  },
  "empty-feed": {
    severity: "error",
    group: "Across articles",
    meaning:
      "A feed kind the config writes would come out with no items: every article is a draft, scheduled or expired, or (for a feed set turned on with `enabled: true`) no published article has a section, a tag, an author or a second language.",
    fix: "Publish an article, give the articles what the set groups by, or turn the kind off (`feeds.<kind>.enabled: false`).",
  },
  "hub-ping-failed": {
    severity: "warning",
    group: "Against the previous build",
    meaning: "A WebSub hub in `hubs` could not be told of the changed feeds (down, too slow, or an error answer), after retries; the feeds were written.",
    fix: "Check the hub's URL and status; the next build that changes the feeds pings again. An error with `--strict`.",
  },
  "articles-removed": {
    severity: "error",
    group: "Against the previous build",
    meaning:
      "Articles the previous build's archive (the downloads `output/archive/index.json` lists) holds would disappear; the message lists them (file and id).",
    fix: "Restore the files (check the checkout), or pass `--allow-removals` if they were deleted on purpose.",
  },
  "id-changed": {
    severity: "error",
    group: "Against the previous build",
    meaning: "An article's id would change (its date or slug changed); feed readers would show it as new.",
    fix: 'Add `id: "<old id>"` to its front matter (the hint shows it), or pass `--allow-removals`.',
  },
  "previous-archive-unreadable": {
    severity: "error",
    group: "Against the previous build",
    meaning:
      "The previous build's archive (its manifest `output/archive/index.json`, or a download it lists) exists but cannot be read, so losses cannot be checked.",
    fix: "Restore the output folder from a backup, or pass `--allow-removals` once.",
  },
  "missing-input": {
    severity: "error",
    group: "`wirefeed import` and `wirefeed new`",
    meaning: "`import` was given no file or folder.",
    fix: "Name what to import.",
  },
  "tool-site-root": {
    severity: "error",
    group: "`wirefeed import` and `wirefeed new`",
    meaning:
      "Under a tool profile the articles folder is the site's root, where neither the tool nor wirefeed reads posts: `new` or `import` would write a file that is never published.",
    fix: "Name the folder of the tool's posts: `wirefeed new --articles content/posts`, `wirefeed import --out _posts`.",
  },
  "input-not-found": {
    severity: "error",
    group: "`wirefeed import` and `wirefeed new`",
    meaning: "An input of `import` does not exist.",
    fix: "Check the path.",
  },
  "input-not-regular": {
    severity: "error",
    group: "`wirefeed import` and `wirefeed new`",
    meaning: "An input of `import` is a pipe, a device or a socket: it reads saved pages from regular files only.",
    fix: "Save the page to a file first (`curl URL > page.html`), then import that file.",
  },
  "html-too-deep": {
    severity: "error",
    group: "`wirefeed import` and `wirefeed new`",
    meaning:
      "A saved page whose elements nest more than 1,000 deep (real pages nest a few dozen): it is not parsed, so that no recursive HTML library runs out of stack. The position is where the bound is crossed; the other files are still imported.",
    fix: "Save the article again, from the browser's reader view or as plain text, and import that.",
  },
  "page-too-large": {
    severity: "error",
    group: "`wirefeed import` and `wirefeed new`",
    meaning: "A file given to `import` is larger than 32 MiB, far more than any saved article: it is not read.",
    fix: "Check that it is the page you meant (not a video or an archive); save the article alone.",
  },
  "page-encoding": {
    severity: "error",
    group: "`wirefeed import` and `wirefeed new`",
    meaning:
      "A file given to `import` is not UTF-8 and declares no encoding wirefeed can read it in (a page's `<meta charset>` or Content-Type `<meta>`, its XML declaration or a byte order mark; plain text declares none). The position is the first byte that is not UTF-8. A page in a legacy encoding that declares it (windows-1251, iso-8859-2, GBK, Shift_JIS...) is read in it.",
    fix: "Declare the page's encoding in its `<head>`, or convert the file to UTF-8 (`iconv -f ENCODING -t UTF-8`).",
  },
  "article-exists": {
    severity: "error",
    group: "`wirefeed import` and `wirefeed new`",
    meaning: "`new` would overwrite an existing article.",
    fix: "Choose another title, or edit the existing one.",
  },
  "date-out-of-range": {
    severity: "error",
    group: "Fields",
    meaning:
      "A date outside the years 1 to 9999 in UTC or in the config's `timeZone` (`0000-01-01`, `9999-12-31T23:59:59-14:00`): feeds write four-digit years.",
    fix: "Correct the year.",
  },
  "reserved-tag-slug": {
    severity: "warning",
    group: "Fields",
    meaning: "A tag whose slug is a name Windows reserves (`con`, `nul`, `aux`, `com1`, `lpt9` ...): its feeds go to `tags/<slug>-tag/`.",
    fix: "Nothing, or a `tagAliases` entry for another name.",
  },
  "too-many-tags": {
    severity: "error",
    group: "Fields",
    meaning: "More tags than `maxTagsPerArticle` (100): each tag is three feeds holding the article.",
    fix: "Keep the tags readers follow, or raise the bound.",
  },
  "nesting-too-deep": {
    severity: "error",
    group: "Fields",
    meaning: "Lists, quotes or HTML elements nest deeper than `maxNestingDepth` (100); the position is where the bound is crossed.",
    fix: "Flatten them, or raise the bound.",
  },
  "too-many-markers": {
    severity: "error",
    group: "Fields",
    meaning: "A paragraph or list item holds more than `maxInlineMarkers` (1000) `*`, `_`, `[`, `]`.",
    fix: "Split it with blank lines, escape literal markers (`\\*`), or raise the bound.",
  },
} as const satisfies Record<string, Rule>;

/** A rule id: only those of the catalogue can be reported. */
export type RuleId = keyof typeof catalogue;
