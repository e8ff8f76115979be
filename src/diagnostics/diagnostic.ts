import type { RuleId } from "./catalogue.js";

export type { RuleId } from "./catalogue.js";

/** Severity of a diagnostic: errors fail the build, warnings fail it only with --strict. */
export type Severity = "error" | "warning";

/**
 * The one diagnostic type of wirefeed, shaped like unified's vfile messages.
 * `line` and `column` are 1-based and point into the original file.
 */
export interface Diagnostic {
  /** Permanent rule id, e.g. `invalid-date`: one of the catalogue's. */
  rule: RuleId;
  severity: Severity;
  /** What is wrong and why, without a position. */
  message: string;
  /** What to do about it. */
  hint: string;
  /** Path as given to the user (relative to the current folder when possible). */
  file?: string;
  line?: number;
  column?: number;
}

/** An error of the build's setup or input as a whole, in the file named when there is one. */
export const errorDiagnostic = (rule: RuleId, message: string, hint: string, file?: string): Diagnostic => ({
  rule,
  severity: "error",
  message,
  hint,
  ...(file === undefined ? {} : { file }),
});

/** A problem found by a pure normalizer, before a file or position is known. */
export interface Problem {
  rule: RuleId;
  message: string;
  hint: string;
}

/** The result of a normalizer: a value, or a problem to report. */
export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** Wraps a value as a successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Wraps a problem as a failed result. */
export const fail = <T = never>(rule: RuleId, message: string, hint: string): Result<T> => ({
  ok: false,
  problem: { rule, message, hint },
});
