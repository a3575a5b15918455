/**
 * The spellings one typist's slip away from a word: a letter left out, added or changed, or two adjacent letters
 * swapped. Shared by the stop-word typo checks (resolve-query-terms.ts) and the question-word slips
 * (question-word-typos.ts).
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The word with each pair of adjacent letters swapped: the commonest typo, two edits for Levenshtein. */
export function adjacentSwaps(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return out;
}

/** The word with one letter left out, added or changed. */
export function oneEditVariants(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    out.push(word.slice(0, i) + word.slice(i + 1));
    for (const letter of LETTERS) {
      out.push(word.slice(0, i) + letter + word.slice(i));
      out.push(word.slice(0, i) + letter + word.slice(i + 1));
    }
  }
  return out;
}

/** Every spelling one slip away: one edit or one swap (the word itself among them only by a no-op edit). */
export function oneSlipVariants(word: string): string[] {
  return [...adjacentSwaps(word), ...oneEditVariants(word)];
}
