import type { Config } from "../../../config/schema.js";
import { wrongType } from "../../../diagnostics/describe-value.js";
import type { Problem, RuleId } from "../../../diagnostics/diagnostic.js";
import type { Position, PositionPart } from "../../../text/yaml-document.js";
import type { LocatedProblem } from "../front-matter.js";

/** A key, or a path into a key's value (`["image", "src"]`). */
export type KeyPath = string | readonly (string | number)[];

/** Where a tool profile says the article's page is: its URL and a slug unique to it. */
export interface ArticlePlace {
  url: string;
  slug: string;
}

/** What every field handler is given: the front matter as parsed, where its keys and values stand, and the site. */
export interface FieldInput {
  data: Readonly<Record<string, unknown>>;
  /** Position of a key (the default), or of its value. */
  at(path: KeyPath, part?: PositionPart): Position;
  config: Config;
  /** The article's file name, a fallback for the slug. */
  fileName: string;
  /** The page a tool profile makes of the file, instead of the permalink pattern. */
  place?: ArticlePlace;
}

/** What a handler read: a normalized value (none when the key is absent or wrong), and what is wrong. */
export interface FieldOutput<T> {
  value?: T;
  errors?: LocatedProblem[];
  warnings?: LocatedProblem[];
}

/**
 * One front matter key (with its aliases) and how it is read. A handler is a pure function of its
 * input and of the fields read before it in the registry (`fields.ts`): `updated` is checked
 * against `date`, the slug falls back on the title.
 * @typeParam T the normalized value, the article's `ArticleMeta` property of the field's name
 * @typeParam Before the fields before it that it reads, by their registry names
 */
export interface Field<T, Before = unknown> {
  /** The keys it reads, its own first, then the aliases and flat keys it merges in: together, `knownKeys`. */
  keys: readonly string[];
  /** The README's front matter table: a row `[key, meaning]` each. */
  docs: readonly (readonly [key: string, meaning: string])[];
  read(input: FieldInput, before: Partial<Before>): FieldOutput<T>;
}

/** Declares a field: the identity function, so that its value type is inferred from `read`. */
export const field = <T, Before = unknown>(definition: Field<T, Before>): Field<T, Before> => definition;

/** The value a field's handler made, from its type. */
export type FieldValue<F> = F extends Field<infer T, never> ? T : never;

/** Empty as written: `key:`, `key: null`, `key: ""`, `key: "  "`. A problem with such a value is shown at the value. */
export const isEmpty = (value: unknown): boolean => value === null || (typeof value === "string" && value.trim() === "");

/** A problem located in the file. */
export const locate = (input: FieldInput, problem: Problem, path: KeyPath, part: PositionPart = "key"): LocatedProblem => ({
  ...problem,
  ...input.at(path, part),
});

/** A handler's result that is one error at `path`. */
export const failAt = <T>(input: FieldInput, rule: RuleId, message: string, hint: string, path: KeyPath, part: PositionPart = "key"): FieldOutput<T> => ({
  errors: [locate(input, { rule, message, hint }, path, part)],
});

/**
 * A problem a normalizer found in the value at `path`: at the value when it is empty or of the
 * wrong type (the key is right, what follows it is not), else at the key.
 */
export const locateValueProblem = (input: FieldInput, problem: Problem, path: KeyPath, value: unknown): LocatedProblem =>
  locate(input, problem, path, isEmpty(value) || typeRules.has(problem.rule) ? "value" : "key");

/** Rules that say a value has the wrong type. */
const typeRules = new Set<RuleId>(["invalid-type", "invalid-date-type"]);

/** An `invalid-type` error at the value: `"draft" must be true or false, not the text "maybe"`. */
export const invalidType = (input: FieldInput, key: KeyPath, expected: string, hint: string, value: unknown): LocatedProblem =>
  locate(input, { rule: "invalid-type", message: wrongType(`"${typeof key === "string" ? key : key.join(".")}"`, expected, value), hint }, key, "value");

/**
 * The value at `key` when it is of the type `accepts` checks: none when absent or empty as YAML's
 * `null`, an `invalid-type` error at the value (saying it must be `expected`, with `hint`) when of another.
 */
export function readTyped<T>(input: FieldInput, key: string, accepts: (value: unknown) => value is T, expected: string, hint: string): FieldOutput<T> {
  const value = input.data[key];
  if (value === undefined || value === null) return {};
  if (!accepts(value)) return { errors: [invalidType(input, key, expected, hint, value)] };
  return { value };
}

const isText = (value: unknown): value is string => typeof value === "string";
const isFlag = (value: unknown): value is boolean => typeof value === "boolean";

/** The text at `key`: none when absent or empty as YAML's `null`, an `invalid-type` error when not a string. */
export const readText = (input: FieldInput, key: string): FieldOutput<string> =>
  readTyped(input, key, isText, "text", `Write ${key} as a string, quoted if it looks like a number or date.`);

/** The flag at `key`: none when absent or `null`, an `invalid-type` error with `hint` when not true or false. */
export const readFlag = (input: FieldInput, key: string, hint: string): FieldOutput<boolean> => readTyped(input, key, isFlag, "true or false", hint);
