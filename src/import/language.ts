/**
 * The language an article's prose is written in, of the six whose dates the import reads. Text
 * copied from a page has no `<html lang>`, but its commonest short words say the language as
 * surely: enough to know that "08.04.2015" under a German headline is the 8th of April.
 */

/** Short words common in one language's prose and not in the others' (none is in two lists). */
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ["the", "and", "of", "to", "is", "that", "with", "was", "for", "this", "are", "have", "it"],
  fr: ["les", "est", "une", "dans", "pour", "qui", "pas", "sur", "avec", "du", "au", "aux", "et"],
  de: ["der", "die", "und", "das", "ist", "nicht", "mit", "für", "auf", "dem", "den", "ein", "eine", "sich", "auch"],
  es: ["el", "los", "las", "por", "pero", "fue", "muy", "sus", "según", "y"],
  pt: ["os", "não", "uma", "com", "ao", "em", "também", "pelo", "pela"],
  it: ["che", "della", "di", "non", "per", "sono", "gli", "anche", "più", "nel", "alla", "dei"],
};
const LANGUAGE_OF = new Map(Object.entries(FUNCTION_WORDS).flatMap(([language, words]) => words.map((word): [string, string] => [word, language])));

/** Fewer hits than this say nothing: a caption, a few lines of a menu. */
const MIN_HITS = 20;
/** The language found must lead the next by this much: a French article quoting English is still French. */
const LEAD = 3;

/**
 * The language of `paragraphs` ("en", "fr", "de", "es", "pt", "it"), or undefined when they are too
 * short or no language clearly leads.
 * @param paragraphs the article's text, block by block
 */
export function proseLanguage(paragraphs: readonly string[]): string | undefined {
  const hits = new Map<string, number>();
  for (const paragraph of paragraphs)
    for (const word of paragraph.toLowerCase().split(/[^\p{L}]+/u)) {
      const language = LANGUAGE_OF.get(word);
      if (language !== undefined) hits.set(language, (hits.get(language) ?? 0) + 1);
    }
  const [first, second] = [...hits].sort((a, b) => b[1] - a[1]);
  if (first === undefined || first[1] < MIN_HITS || (second !== undefined && first[1] < LEAD * second[1])) return undefined;
  return first[0];
}
