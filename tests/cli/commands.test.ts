// `wirefeed import` and `wirefeed new` read their options alike: --help prints the command's help
// (exit 0), an option it does not take is a usage error naming the command's help (exit 2).
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { tempDir } from "../helpers/temp.js";

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (text: string) => out.push(text), stderr: (text: string) => err.push(text), env: {}, cwd: await tempDir() };
  return { code: await main(argv, io), stdout: out.join(""), stderr: err.join("") };
}

describe("the options of import and new", () => {
  it.each<[argv: string[], code: number, stdout: string, stderr: string]>([
    [["import", "--help"], 0, "Usage: wirefeed import <file-or-folder>...", ""],
    [["import", "-h", "page.html"], 0, "Usage: wirefeed import <file-or-folder>...", ""],
    [["new", "--help"], 0, 'Usage: wirefeed new "Title"', ""],
    [["new", "-h"], 0, 'Usage: wirefeed new "Title"', ""],
    [["import", "--bogus", "page.html"], 2, "", "hint: Run wirefeed import --help."],
    [["import", "--out"], 2, "", "hint: Run wirefeed import --help."],
    [["new", "--drafts", "Title"], 2, "", "hint: Run wirefeed new --help."],
    [["new", "Title", "--articles"], 2, "", "hint: Run wirefeed new --help."],
    [["new"], 2, "", "wirefeed new takes one title, got 0"],
  ])("%j exits %i", async (argv, code, stdout, stderr) => {
    const result = await run(argv);
    expect(result.code).toBe(code);
    expect(result.stdout.startsWith(stdout)).toBe(true);
    if (stdout === "") expect(result.stdout).toBe("");
    expect(result.stderr).toContain(stderr);
    if (stderr === "") expect(result.stderr).toBe("");
  });
});
