import type { RuleId } from "../../../diagnostics/diagnostic.js";
import { parseDate } from "../../../text/date.js";
import { type FieldInput, type FieldOutput, failAt, locateValueProblem } from "./field.js";

/** The date at `key` in the config's time zone: none when absent (or, with `emptyIsAbsent`, empty). */
export function readDate(input: FieldInput, key: string, emptyIsAbsent = false): FieldOutput<Date> {
  const value = input.data[key];
  if (value === undefined || value === null || (emptyIsAbsent && value === "")) return {};
  const parsed = parseDate(value, input.config.timeZone);
  return parsed.ok ? { value: parsed.value } : { errors: [locateValueProblem(input, parsed.problem, key, value)] };
}

/**
 * Whether `value` comes after the article's `date`, or at the same moment when `orSame`: true when
 * either is missing, as there is nothing to compare.
 */
export const isAfterDate = (value: Date | undefined, date: Date | undefined, orSame = false): boolean =>
  value === undefined || date === undefined || value > date || (orSame && value.getTime() === date.getTime());

/**
 * The date at `key`, which must come after the article's `date`: else `rule`'s error at the key.
 * @param date the article's `date`, when it was read
 * @param check the rule and message of a date too early; `orSame` when the same moment as `date` is allowed
 */
export function readDateAfter(
  input: FieldInput,
  key: string,
  date: Date | undefined,
  check: { rule: RuleId; message: string; orSame?: boolean },
): FieldOutput<Date> {
  const read = readDate(input, key);
  if (isAfterDate(read.value, date, check.orSame)) return read;
  return failAt(input, check.rule, check.message, `Set \`${key}\` to a moment after \`date\`, or remove it.`, key);
}
