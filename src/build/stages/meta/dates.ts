import { parseDate } from "../../../text/date.js";
import { type FieldInput, type FieldOutput, locateValueProblem } from "./field.js";

/** The date at `key` in the config's time zone: none when absent (or, with `emptyIsAbsent`, empty). */
export function readDate(input: FieldInput, key: string, emptyIsAbsent = false): FieldOutput<Date> {
  const value = input.data[key];
  if (value === undefined || value === null || (emptyIsAbsent && value === "")) return {};
  const parsed = parseDate(value, input.config.timeZone);
  return parsed.ok ? { value: parsed.value } : { errors: [locateValueProblem(input, parsed.problem, key, value)] };
}
