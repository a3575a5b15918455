/**
 * People's full names in a text: runs of capitalised words ("Helena Cassoma", "Pieter van Loon"), two or more,
 * one of them no dictionary word, none a party's name as a whole, outside quotations.
 */
import { inDictionary } from '../lexicon/expand-word.js';
import { isStopWord, splitWords } from '../text/analyze-terms.js';
import type { EngineContext } from './engine-context.js';
import { isPartyName } from './party-checks.js';

/** Lowercase words inside a person's name ("Pieter van Loon", "Ahmed bin Saeed"): a closed class of name particles. */
const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'dos', 'das']);

/** The text with each quotation's words taken out (its marks kept): a name inside a quote is not its speaker. */
export const withoutQuotations = (text: string) => text.replace(/([“"])[^“”"]*([”"])/g, '$1…$2');

/** The full names of people in a text, in order: runs of capitalised words (with name particles), outside quotations. */
export function fullNames(ctx: EngineContext, text: string): string[] {
  const known = (word: string) => inDictionary(ctx.wordNet, word);
  const names: string[] = [];
  let run: string[] = [];
  const close = () => {
    const words = run.filter((word) => !NAME_PARTICLES.has(word));
    const lower = words.map((word) => splitWords(word).join('_'));
    if (words.length >= 2 && lower.some((word) => !known(word)) && !isPartyName(ctx, lower.join('_'))) names.push(run.join(' '));
    run = [];
  };
  const tokens = withoutQuotations(text).split(/\s+/);
  tokens.forEach((token, t) => {
    const bare = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').replace(/['’]s$/u, '');
    const opensSentence = t === 0 || /[.!?]["”’']?$/.test(tokens[t - 1] ?? '');
    // A sentence's first word may start a name ("Marc Thibodeau, Canada's…"); the run is kept only if it reads as one.
    // An acronym ("CARICOM", a dateline's "BRIDGETOWN") is no part of a person's name.
    const capitalised = /^\p{Lu}/u.test(bare) && !/^\p{Lu}+$/u.test(bare) && !isStopWord(bare.toLowerCase()) && !(opensSentence && known(bare.toLowerCase()) && !/^\p{Lu}/u.test(tokens[t + 1] ?? ''));
    // A bracket or a quotation mark before a word ends the name before it ("the Caribbean Community (CARICOM)").
    if (run.length > 0 && /^[^\p{L}]/u.test(token)) close();
    if (capitalised || (run.length > 0 && NAME_PARTICLES.has(bare))) run.push(bare);
    else if (run.length > 0) close();
    // A comma, a full stop or a possessive ends a name ("Zambia's minister, Mutale Banda, and…").
    if (run.length > 0 && (/[^\p{L}]$/u.test(token) || /['’]s$/u.test(token))) close();
  });
  if (run.length > 0) close();
  return names;
}
