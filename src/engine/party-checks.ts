/** Which words name a party to the talks, and which cell of a positions table speaks for the one asked about. */
import { isCountryPhrase } from '../lexicon/country-names.js';
import { baseForms } from '../lexicon/expand-word.js';
import { analyzeText } from '../text/analyze-terms.js';
import type { EngineContext } from './engine-context.js';
import { EVIDENCE } from './evidence.js';
import type { Passage } from './passages.js';
import type { TermGroup } from './resolve-query-terms.js';

/** The question's groups naming a party by name ("russia", "united_states", "iranian"). */
export function partyGroups(ctx: EngineContext, groups: TermGroup[]): number[] {
  return groups.flatMap((group, index) => (isPartyName(ctx, group.word) ? [index] : []));
}

/** A word that is a party's name: a country or capital (countries-list) or a proper name WordNet knows ("usa", "america's", "tehran"). */
export function isPartyName(ctx: EngineContext, word: string): boolean {
  const wordNet = ctx.wordNet;
  const forms = [word, ...baseForms(word)];
  // A proper name ("russia", "iranian", "united_states"), not a common noun WordNet files under places or groups ("country", "government").
  return forms.some((form) => isCountryPhrase(form) || (wordNet?.isProperName(form) ?? false));
}

/** The terms naming a party the question names: its own words, or a name or demonym standing for it (US → American), never a looser relative ("observers" → note). */
export function namingTerms(ctx: EngineContext, group: TermGroup): string[] {
  return group.alternatives.filter((alternative) => alternative.how !== 'lexicon' || (ctx.wordNet?.isEntityWord(alternative.term) ?? false)).map((alternative) => alternative.term);
}

/** A word that can name a party to talks: a place, group or person noun (or its adjective), or a word no dictionary knows. */
export function mayNameParty(ctx: EngineContext, word: string): boolean {
  const wordNet = ctx.wordNet;
  if (!EVIDENCE.missingColumnNeedsParty || !wordNet) return true;
  const forms = [word, ...baseForms(word)];
  return forms.some((form) => wordNet.isEntityWord(form) || wordNet.isPersonNoun(form)) || !forms.some((form) => wordNet.has(form));
}

/**
 * The cell of a table row that holds most of the question's own words ("who wants a cap on cruise passengers"
 * → Canada's "A cap of 500 passengers…"; the first of equals, "binding" → Egypt's of Egypt's and Sudan's), never
 * the label column; undefined when none holds `minShare` of the words left once the row's label is named.
 */
export function answeringCell(passage: Passage, groups: TermGroup[], minShare = 0): number | undefined {
  if (!passage.table) return undefined;
  const cells = (passage.table.block.rows[passage.table.rowIndex] ?? []).map((cell) => new Set(analyzeText(cell)));
  const holds = (terms: ReadonlySet<string> | undefined, group: TermGroup) => group.alternatives.some((alternative) => alternative.how !== 'lexicon' && (terms?.has(alternative.term) ?? false));
  // The words left to say once the row's label is named ("cruise" of "Cruise ships" is the row, not the cell).
  const asked = groups.filter((group) => !holds(cells[0], group));
  let best: number | undefined;
  let bestCount = 0;
  cells.forEach((terms, index) => {
    if (index === 0) return;
    const count = asked.filter((group) => holds(terms, group)).length;
    if (count > bestCount) [best, bestCount] = [index, count];
  });
  return bestCount < asked.length * minShare ? undefined : best;
}
