import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { counted, summaryLine } from "../../src/diagnostics/report.js";

const problem = (file: string | undefined, severity: "error" | "warning" = "error"): Diagnostic => ({
  rule: "invalid-date",
  severity,
  message: "m",
  hint: "h",
  ...(file === undefined ? {} : { file, line: 1, column: 1 }),
});

describe("summaryLine", () => {
  it.each<[string, Diagnostic[], string]>([
    ["nothing wrong", [], "0 errors, 0 warnings"],
    ["one error in one file", [problem("a.md")], "1 error, 0 warnings in 1 file"],
    ["an error and a warning in one file", [problem("a.md"), problem("a.md", "warning")], "1 error, 1 warning in 1 file"],
    ["errors in two files", [problem("a.md"), problem("b.md"), problem("b.md")], "3 errors, 0 warnings in 2 files"],
    // --now "garbage" has no file: it is not "in 1 file"
    ["an error of the command line", [problem(undefined)], "1 error, 0 warnings"],
    ["one of the command line and one in a file", [problem(undefined), problem("a.md")], "2 errors, 0 warnings in 1 file"],
  ])("%s: %j", (_what, diagnostics, line) => {
    expect(summaryLine(diagnostics)).toBe(line);
  });
});

describe("counted", () => {
  it.each([
    [0, "article", "0 articles"],
    [1, "article", "1 article"],
    [2, "draft", "2 drafts"],
    [1, "article file", "1 article file"],
  ])("%i %s is %j", (n, word, text) => {
    expect(counted(n, word)).toBe(text);
  });
});
