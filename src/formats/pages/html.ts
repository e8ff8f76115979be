/** Markup that is already HTML: the only kind of value `html` inserts without escaping. */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks trusted markup (a sanitized body, a fragment `html` made) to go in as it is. */
export const raw = (value: string): Markup => new Markup(value);

/**
 * Escapes text for HTML text and for double- or single-quoted attribute values alike: the five
 * characters that can end either context, so that one function serves both and none is missed.
 */
export const escapeHtml = (text: string): string =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

/** What may go into `html`: text (escaped), markup (as it is), nothing, or a list of them. */
export type Fragment = string | number | Markup | undefined | null | false | readonly Fragment[];

const flatten = (value: Fragment): string => {
  if (value === undefined || value === null || value === false) return "";
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(flatten).join("");
  return escapeHtml(String(value));
};

/**
 * A template tag for HTML: every interpolated value is escaped unless it is `Markup`, so a page
 * cannot forget to escape a title, a tag name or a URL. Attribute values must be quoted in the template.
 */
export function html(strings: TemplateStringsArray, ...values: Fragment[]): Markup {
  let out = strings[0]!;
  for (const [index, value] of values.entries()) out += flatten(value) + strings[index + 1]!;
  return new Markup(out);
}
