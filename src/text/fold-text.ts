/**
 * Folds typographic variants to plain ASCII for matching only (excerpts keep the original):
 * non-breaking and other Unicode hyphens (U+2010–U+2015, U+2212), curly quotes, accents, and
 * compatibility forms (NFKD).
 */
const NEEDS_FOLDING = /[^\x00-\x5f\x61-\x7f]/;

export function foldText(text: string): string {
  // Plain ASCII other than the backtick has nothing to fold (NFKD leaves it as it is): most words, skipped cheaply.
  if (!NEEDS_FOLDING.test(text)) return text;
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2010-\u2015\u2212\u00ad\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000]/g, ' ');
}
