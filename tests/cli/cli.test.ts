import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type CliIo, jsonReport, main } from "../../src/cli/main.js";
import { cli } from "../helpers/cli.js";
import { formatGithubAnnotations } from "../../src/diagnostics/report.js";
import { tempDir } from "../helpers/build.js";
import { makeSite } from "../cache/site.js";

const now = "2026-11-27T00:00:00Z";
const good = (title: string, date = "2022-02-25") => `---\ntitle: ${title}\ndate: ${date}\n---\n\nA body paragraph.\n`;

/** A site in a temporary folder: config and articles by file name. */
async function site(articles: Record<string, string>, config: Record<string, unknown> = {}): Promise<string> {
  const dir = await tempDir("wirefeed-cli-");
  await writeFile(path.join(dir, "wirefeed.config.json"), JSON.stringify({ title: "CLI Desk", url: "https://cli.example/", ...config }));
  await mkdir(path.join(dir, "articles"));
  for (const [name, text] of Object.entries(articles)) await writeFile(path.join(dir, "articles", name), text);
  return dir;
}

/** Every path below `dir` with its size and modification time, to show that nothing was written. */
async function snapshot(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort()
      .map(async (file) => {
        const info = await stat(file);
        return `${path.relative(dir, file)} ${info.size} ${info.mtimeMs}`;
      }),
  );
}

const mixed = {
  "good.md": good("Good"),
  "draft.md": "---\ntitle: Draft\ndate: 2022-01-01\ndraft: true\n---\n\nNot yet.\n",
  "later.md": good("Later", "2030-01-01"),
  "warned.md": "---\ntitle: Warned\ndate: 2022-03-01\nsubtitel: x\n---\n\nBody.\n",
};
const bad = "---\ntitle: Bad\ndate: 31/31/2022\n---\n\nBody.\n";

describe("exit codes", () => {
  it.each<[string, number, Record<string, string>, string[]]>([
    // 0: success
    ["a good build", 0, mixed, ["build", "--now", now]],
    ["a good check", 0, mixed, ["check", "--now", now]],
    ["--help", 0, mixed, ["--help"]],
    // 1: article errors
    ["a build with a bad article", 1, { ...mixed, "bad.md": bad }, ["build", "--now", now]],
    ["a check with a bad article", 1, { ...mixed, "bad.md": bad }, ["check", "--now", now]],
    ["a warning with --strict", 1, mixed, ["check", "--strict", "--now", now]],
    // 2: usage or config errors
    ["an unknown command", 2, mixed, ["biuld"]],
    ["an unknown option", 2, mixed, ["build", "--fast"]],
    ["--workers that is not a number", 2, mixed, ["build", "--workers", "many"]],
    ["--workers 0", 2, mixed, ["build", "--workers", "0"]],
    ["--no-cache with --cache-dir", 2, mixed, ["build", "--no-cache", "--cache-dir", "x"]],
    ["--quiet with --verbose", 2, mixed, ["build", "--quiet", "--verbose"]],
    ["a missing config", 2, mixed, ["build", "--config", "nope.json"]],
    ["an invalid --now", 2, mixed, ["build", "--now", "tomorrow"]],
  ])("%s exits %i", async (_name, code, articles, argv) => {
    expect((await cli(await site(articles), argv)).code).toBe(code);
  });
});

describe("usage errors", () => {
  it.each([
    // 0 is a whole number: the message says what is wrong with it
    [["build", "--workers", "0"], '--workers "0" is not a number of threads: it must be a whole number, 1 or more'],
    [["build", "--workers", "many"], '--workers "many" is not a number of threads'],
    [["build", "--quiet", "--verbose"], "--quiet and --verbose contradict each other"],
  ])("%j says %j", async (argv, message) => {
    const { code, stderr } = await cli(await site(mixed), argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe("wirefeed check", () => {
  it.each([
    ["a good site", mixed, 0, 4],
    ["a site with a bad article", { ...mixed, "bad.md": bad }, 1, 5],
  ])("writes nothing, not even the cache, for %s", async (_name, articles, code, files) => {
    const dir = await site(articles);
    const before = await snapshot(dir);
    const result = await cli(dir, ["check", "--now", now]);
    expect(result.code).toBe(code);
    expect(await snapshot(dir)).toEqual(before);
    expect(result.stderr).toContain(`checked ${files} article files`);
  });
});

describe("wirefeed check --verbose", () => {
  it("lists drafts, scheduled and expired articles with their times, and the summary line counts them", async () => {
    const dir = await site({
      ...mixed,
      "jekyll-draft.md": "---\ntitle: Unpublished\ndate: 2022-01-02\npublished: false\n---\n\nNot yet.\n",
      "gone.md": "---\ntitle: Offer\ndate: 2022-01-03\nexpiryDate: 2022-02-01\n---\n\nOver.\n",
      "ending.md": "---\ntitle: Sale\ndate: 2022-01-04\nexpiryDate: 2030-02-01T12:00:00Z\n---\n\nOn.\n",
    });
    const { code, stderr } = await cli(dir, ["check", "--now", now, "--verbose"]);
    expect(code).toBe(0);
    expect(stderr.split("\n").filter((line) => /^ {2}(draft|scheduled|expired) /.test(line))).toEqual([
      "  draft articles/draft.md (dated 2022-01-01T00:00:00.000Z)",
      "  expired articles/gone.md (expired at 2022-02-01T00:00:00.000Z)",
      "  draft articles/jekyll-draft.md (dated 2022-01-02T00:00:00.000Z)",
      "  scheduled articles/later.md (publishes at 2030-01-01T00:00:00.000Z)",
    ]);
    expect(stderr).toContain("checked 7 article files (2 drafts, 1 scheduled, 1 expired skipped)");
  });
});

describe("--report", () => {
  it("prints a summary of counts, files, cache and timings as JSON on stdout", async () => {
    const dir = await site(mixed);
    const first = await cli(dir, ["build", "--now", now, "--report", "json"]);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({
      command: "build",
      exitCode: 0,
      counts: { articleFiles: 4, built: 2, skippedDrafts: 1, skippedScheduled: 1, skippedExpired: 0, errors: 0, warnings: 1 },
      files: { unchanged: [] },
      cache: { enabled: true, hits: 0, misses: 4 },
    });
    expect(report.files.written).toContain("feed.xml");
    expect(report.diagnostics).toEqual([expect.objectContaining({ rule: "unknown-key", file: "articles/warned.md", line: 4 })]);
    expect(Object.keys(report.timings)).toEqual(["prepareMs", "outputsMs", "writeMs", "totalMs"]);

    const second = JSON.parse((await cli(dir, ["build", "--now", now, "--report", "json"])).stdout);
    expect(second.files.written).toEqual([]);
    expect(second.files.unchanged).toEqual(report.files.written);
    expect(second.cache).toMatchObject({ hits: 4, misses: 0 });
  });

  it("writes the summary to a file relative to the working folder", async () => {
    const dir = await site({ ...mixed, "bad.md": bad });
    const result = await cli(dir, ["check", "--now", now, "--report", "ci/report.json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(await readFile(path.join(dir, "ci/report.json"), "utf8"));
    expect(report).toMatchObject({ command: "check", exitCode: 1, counts: { errors: 1 }, files: { written: [], unchanged: [] } });
  });

  it("is built from the build result alone", () => {
    const report = jsonReport(
      {
        exitCode: 0,
        diagnostics: [],
        written: ["a"],
        unchanged: ["b"],
        counts: { articles: 3, published: 2, drafts: 1, scheduled: 0, expired: 0, errors: 0, warnings: 0 },
        unpublished: [],
        cache: { enabled: false, hits: 0, stamped: 0, misses: 3, rebuilt: false },
        workers: 0,
        outputJobs: 0,
        timings: { prepareMs: 1.4, outputsMs: 2.6, writeMs: 3, totalMs: 7.2 },
      },
      "build",
    );
    expect(report.counts).toEqual({ articleFiles: 3, built: 2, skippedDrafts: 1, skippedScheduled: 0, skippedExpired: 0, errors: 0, warnings: 0 });
    expect(report.timings).toEqual({ prepareMs: 1, outputsMs: 3, writeMs: 3, totalMs: 7 });
  });
});

describe("GitHub Actions annotations", () => {
  it("are printed on stderr when GITHUB_ACTIONS=true, and only then", async () => {
    const dir = await site({ ...mixed, "bad.md": bad });
    const inActions = await cli(dir, ["check", "--now", now], { GITHUB_ACTIONS: "true" });
    expect(inActions.stdout).toBe("");
    expect(inActions.stderr.split("\n").filter((line) => line.startsWith("::"))).toEqual([
      expect.stringMatching(/^::error file=articles\/bad\.md,line=3,col=\d+,title=ambiguous-date::Date "31\/31\/2022" .+ Write it in ISO 8601.+$/),
      expect.stringMatching(/^::warning file=articles\/warned\.md,line=4,col=1,title=unknown-key::Unknown front matter key "subtitel"\. .+$/),
    ]);
    expect((await cli(dir, ["check", "--now", now], {})).stderr).not.toContain("::error");
    // --quiet prints errors alone, as annotations too.
    const quiet = await cli(dir, ["check", "--now", now, "--quiet"], { GITHUB_ACTIONS: "true" });
    expect(quiet.stderr.split("\n").filter((line) => line.startsWith("::"))).toEqual([expect.stringMatching(/^::error file=articles\/bad\.md,/)]);
  });

  it("leave --report json on stdout valid JSON under GITHUB_ACTIONS=true", async () => {
    const dir = await site({ ...mixed, "bad.md": bad });
    const { code, stdout } = await cli(dir, ["build", "--now", now, "--report", "json"], { GITHUB_ACTIONS: "true" });
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ command: "build", exitCode: 1, counts: { errors: 1, warnings: 1 } });
  });

  it.each([
    // Plain
    [{ file: "articles/a.md", line: 2, column: 5 }, "Bad date", "Fix it.", "::error file=articles/a.md,line=2,col=5,title=invalid-date::Bad date. Fix it."],
    // Without a position
    [{}, "No articles", "Add one.", "::error title=invalid-date::No articles. Add one."],
    // Commas and colons in a file name are escaped in properties, % and newlines everywhere
    [
      { file: "articles/a,b:c.md", line: 1 },
      "100% wrong\nreally",
      "Fix.",
      "::error file=articles/a%2Cb%3Ac.md,line=1,title=invalid-date::100%25 wrong%0Areally. Fix.",
    ],
  ])("formats %j", (place, message, hint, expected) => {
    expect(formatGithubAnnotations([{ rule: "invalid-date", severity: "error", message, hint, ...place }])).toBe(expected);
  });
});

describe("what the CLI prints", () => {
  it("prints only the summary line when all is well and stderr is not a terminal", async () => {
    const { stderr, stdout } = await cli(await site({ "good.md": good("Good") }), ["build", "--now", now]);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /^wirefeed: built 1 article into \d+ files \(\d+ written, 0 unchanged\) \(0 drafts, 0 scheduled, 0 expired skipped\); 0 errors, 0 warnings in \d+ ms\n$/,
    );
  });

  it.each([
    // one of each: the singular
    [
      { "good.md": good("Good"), "draft.md": "---\ntitle: Draft\ndate: 2022-02-25\ndraft: true\n---\n\nA body.\n" },
      "check",
      "checked 2 article files (1 draft, 0 scheduled",
    ],
    [{ "good.md": good("Good") }, "check", "checked 1 article file (0 drafts, 0 scheduled"],
    [{ "good.md": good("Good") }, "build", "built 1 article into "],
    [{ "a.md": good("A"), "b.md": good("B", "2022-02-26") }, "build", "built 2 articles into "],
  ])("counts in words that agree with the number (%#)", async (articles, command, summary) => {
    const { stderr } = await cli(await site(articles), [command, "--now", now]);
    expect(stderr).toContain(summary);
  });

  it("says a check with a config it cannot use checked nothing, not 0 article files", async () => {
    const dir = await site({ "good.md": good("Good") });
    await writeFile(path.join(dir, "wirefeed.config.json"), JSON.stringify({ title: "x", url: 5 }));
    const { code, stderr } = await cli(dir, ["check", "--now", now]);
    expect(code).toBe(2);
    expect(stderr).toContain("[invalid-config-value]");
    expect(stderr).toContain("wirefeed: checked nothing (");
  });

  it("keeps warnings out with --quiet, and lists files, cache and timings with --verbose", async () => {
    const dir = await site(mixed);
    const quiet = await cli(dir, ["build", "--now", now, "--quiet"]);
    expect(quiet.stderr).not.toContain("unknown-key");
    expect(quiet.stderr.trim().split("\n")).toHaveLength(1);
    const verbose = await cli(dir, ["build", "--now", now, "--verbose"]);
    expect(verbose.stderr).toContain("  kept feed.xml\n");
    expect(verbose.stderr).toMatch(
      / {2}cache: 4 articles reused \(\d known by their file's stamp, unread\), 0 prepared\n {2}timings: prepare \d+ ms, outputs \d+ ms, write \d+ ms\n/,
    );
  });

  it("draws a progress bar on a terminal for a long build, and clears it before the summary", async () => {
    const dir = await makeSite(60);
    const tty = await cli(dir, ["build", "--now", now, "--no-cache", "--workers", "1"], {}, true);
    expect(tty.stderr).toMatch(/\r\[#*\.*\] \d+\/63 articles/);
    expect(tty.stderr).toMatch(/\r\u001b\[K(.|\n)*wirefeed: built 61 articles/);
    const quiet = await cli(dir, ["build", "--now", now, "--no-cache", "--workers", "1", "--quiet"], {}, true);
    expect(quiet.stderr).not.toContain("\r");
  });
});

describe("errors that escape the build", () => {
  it("a problem of the machine (an output path under a file) is exit 2 with a hint, no stack trace", async () => {
    const dir = await site({ "2022-02-25-a.md": good("A") });
    await writeFile(path.join(dir, "not-a-folder"), "x");
    const { code, stderr } = await cli(dir, ["build", "--now", now, "--no-cache", "--out", "not-a-folder/output"]);
    expect(code).toBe(2);
    expect(stderr).toContain("hint: A path that should be a folder is a file");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("a bug in wirefeed is exit 3, says so, and shows the stack only with --verbose", async () => {
    const crashing = (verbose: boolean) => {
      let stderr = "";
      const io: CliIo = {
        stdout: () => {
          throw new Error("boom");
        },
        stderr: (text) => (stderr += text),
        env: {},
        cwd: ".",
        stderrIsTTY: false,
      };
      return main(verbose ? ["--version", "--verbose"] : ["--version"], io).then((code) => ({ code, stderr }));
    };
    const quiet = await crashing(false);
    expect(quiet.code).toBe(3);
    expect(quiet.stderr).toContain("internal error: boom");
    expect(quiet.stderr).toContain("This is a bug in wirefeed");
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
    expect((await crashing(true)).stderr).toMatch(/\n\s+at /);
  });
});
