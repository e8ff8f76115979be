import { readFile } from "node:fs/promises";
import { wrongType } from "../diagnostics/describe-value.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { closest } from "../diagnostics/suggest.js";
import { jsonErrorReason, jsonSyntaxError } from "./json-syntax.js";
import { type LocatedDocument, type Position, parseLocated } from "../text/yaml-document.js";
import { configKeys, configSchema, type Config } from "./schema.js";

/** A setup failure: the config cannot be used, so nothing runs. */
export class ConfigError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join("; "));
  }
}

const hintFor = (path: readonly PropertyKey[]): string => {
  const key = String(path[0] ?? "");
  const hints: Record<string, string> = {
    url: 'Set "url" to the absolute address of the published site, such as "https://news.example.com/".',
    timeZone: 'Use a zone name from the IANA database, such as "UTC", "Europe/London" or "Asia/Tehran".',
    permalink: 'Use tokens :year, :month, :day and :slug, such as "/:year/:month/:day/:slug/".',
  };
  return hints[key] ?? "See the Configuration section of the README, or the JSON Schema in schema/wirefeed.config.schema.json.";
};

/** What zod's `expected` of a type error is, as a message says it after "must be". */
const expectedNames: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "a map",
  record: "a map",
  array: "a list",
};

const valueAt = (data: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((node, step) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[step] : undefined), data);

/** Config text without the byte order mark an editor may have written before it. */
const withoutBom = (text: string): string => text.replace(/^\uFEFF/, "");

/**
 * Where keys stand in a config file, for diagnostics a build makes after loading it (an empty feed,
 * a hub that failed). The file is read and parsed once, on the first question: a build that has
 * nothing to say of its config never reads it again. A file that cannot be read is its line 1.
 * @param file the config file's path
 * @returns the position of the key at a path, as `LocatedDocument.positionOf` gives it
 */
export function configPositions(file: string): (path: readonly (string | number)[]) => Promise<Position> {
  let located: Promise<LocatedDocument | undefined> | undefined;
  return async (path) => {
    located ??= readFile(file, "utf8").then(
      (text) => parseLocated(withoutBom(text)),
      () => undefined,
    );
    return (await located)?.positionOf(path) ?? { line: 1, column: 1 };
  };
}

/**
 * Validates config text: every problem is reported at once, each at the key it concerns.
 * @param text the file's content (JSON)
 * @param file the path to name in diagnostics
 */
export function parseConfig(text: string, file: string): Config {
  const json = withoutBom(text);
  const located = parseLocated(json);
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const position = located.positionAt(jsonSyntaxError(json) ?? 0);
    throw new ConfigError([
      {
        rule: "invalid-config-json",
        severity: "error",
        message: `The config is not valid JSON: ${jsonErrorReason((error as Error).message)}`,
        hint: "Check for a missing comma or quote, or a trailing comma before } or ].",
        file,
        ...position,
      },
    ]);
  }
  const result = configSchema.safeParse(data);
  if (result.success) return result.data;
  const diagnostics: Diagnostic[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = [...issue.path, key].map((step) => (typeof step === "number" ? step : String(step)));
        const suggestion = closest(key, issue.path.length === 0 ? configKeys : ["name", "email", "url"]);
        diagnostics.push({
          rule: "unknown-config-key",
          severity: "error",
          message: `Unknown config key "${path.join(".")}"`,
          hint: suggestion ? `Did you mean "${suggestion}"?` : `Known keys: ${configKeys.join(", ")}.`,
          file,
          ...located.positionOf(path),
        });
      }
      continue;
    }
    const path = issue.path.map((step) => (typeof step === "number" ? step : String(step)));
    const value = valueAt(data, path);
    const missing = issue.code === "invalid_type" && value === undefined;
    const key = `The config key "${path.join(".") || "(root)"}"`;
    const expected = issue.code === "invalid_type" ? expectedNames[issue.expected] : undefined;
    diagnostics.push({
      rule: missing ? "missing-config-key" : "invalid-config-value",
      severity: "error",
      message: missing
        ? `The config key "${path.join(".")}" is required`
        : expected !== undefined
          ? wrongType(key, expected, value)
          : `${key} ${issue.message.replace(/^Invalid input: /, "is invalid: ")}`,
      hint: hintFor(path),
      file,
      ...located.positionOf(path, expected !== undefined ? "value" : "key"),
    });
  }
  throw new ConfigError(diagnostics);
}

/** Reads and validates a config file; a missing file is a setup error with a hint to create it. */
export async function loadConfig(file: string, displayPath: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new ConfigError([
      {
        rule: "config-not-found",
        severity: "error",
        message: `The config file ${displayPath} does not exist or cannot be read`,
        hint: 'Create it with at least {"title": "My site", "url": "https://example.com/"}, or pass --config FILE.',
        file: displayPath,
      },
    ]);
  }
  return parseConfig(text, displayPath);
}
