import { describe, expect, it } from 'vitest';
import { loadWordNet } from '../lexicon/wordnet.js';
import { splitWords, stemWord } from '../text/analyze-terms.js';
import { contentWords, nounContextWords, resolveQueryTerms } from './resolve-query-terms.js';
import { Vocabulary } from './vocabulary.js';

function vocabularyOf(text: string): Vocabulary {
  const vocabulary = new Vocabulary();
  vocabulary.addPassageWords(splitWords(text));
  vocabulary.useNameTexts(() => [text]);
  return vocabulary;
}

describe('resolveQueryTerms', () => {
  const wordNet = loadWordNet();
  const vocabulary = vocabularyOf('The African Union envoy discussed de-escalation and temporary ceasefires in Ukraine amid years of conflict.');
  const resolve = (query: string) => resolveQueryTerms(contentWords(query, wordNet), vocabulary, wordNet);
  const terms = (query: string) => resolve(query).map((group) => [group.word, group.alternatives.map((alternative) => alternative.term)]);

  it('reads a swap of two letters plus one more slip as a typo', () => {
    expect(terms('ceasfeirs')[0]?.[1]).toContain('ceasefir');
  });

  it('sets aside a longer slip of a stop word only when it is no typo of an article word', () => {
    expect(resolve('whihc ceasefires').map((group) => group.word)).toEqual(['ceasefires']);
    expect(resolve('abotu conflict').map((group) => group.word)).toEqual(['conflict']);
    // A real word the articles never use, two letters of a stop word swapped.
    expect(resolve('dose ukraine want ceasefires').map((group) => group.word)).toEqual(['ukraine', 'want', 'ceasefires']);
  });

  it('reads a typo of a part of a hyphenated word ("escalaton" of de-escalation)', () => {
    expect(terms('escalaton')[0]?.[1]).toContain(stemWord('escalation'));
  });

  it('joins two words the articles write as one', () => {
    expect(resolve('de escalation')[0]?.word).toBe('de-escalation');
    expect(resolve('cease fires')[0]?.word).toBe('ceasefires');
  });

  it('reads an irregular form as its root, and drops contractions and indefinite pronouns', () => {
    expect(terms('fought')[0]?.[1]).toContain('conflict');
    expect(contentWords("what's discussed anything", wordNet)).toEqual(['discussed']);
  });

  it('reads an initialism of a name the articles spell out', () => {
    expect(terms('au envoy')[0]).toEqual(['au', expect.arrayContaining(['african', 'union'])]);
  });

  it('bridges a capital to its country from the country data', () => {
    expect(terms('kyiv')[0]?.[1]).toContain('ukrain');
  });

  it('ends a dictionary phrase at a possessive', () => {
    expect(contentWords("addis ababa's objection", wordNet)).toEqual(['addis_ababa', 'objection']);
  });

  it('reads a dictionary compound the articles never use by its words, unless it names something in particular', () => {
    expect(resolve('power company envoy').map((group) => group.word)).toEqual(['power', 'company', 'envoy']);
    expect(resolve('united nations envoy').map((group) => group.word)).toEqual(['united_nations', 'envoy']);
    expect(resolve('white house envoy')[0]).toEqual({ word: 'white_house', alternatives: [] });
  });

  it('reaches a looser relative only for an abstract word the articles never use', () => {
    expect(terms('fighting')[0]?.[1]).toContain('conflict');
    // A concrete thing the articles never name stays unknown, so the question is refused.
    expect(terms('centrifuges')[0]?.[1]).toEqual([]);
  });

  it('a word after a preposition or determiner reaches relatives of its noun senses only', () => {
    const vocabulary = vocabularyOf('The minister was dismissed after the vote. A fire broke out at the port.');
    expect(nounContextWords('what about the fire at the port')).toEqual(new Set(['fire', 'port']));
    const asVerb = resolveQueryTerms(['fire'], vocabulary, wordNet);
    expect(asVerb[0]?.alternatives.map((alternative) => alternative.term)).toContain(stemWord('dismissed'));
    const asNoun = resolveQueryTerms(['fire'], vocabulary, wordNet, nounContextWords('what about the fire'));
    expect(asNoun[0]?.alternatives.map((alternative) => alternative.term)).toEqual(['fire']);
  });

  it('a word after a determiner with a content word after it may modify that noun: not read as a noun itself', () => {
    expect(nounContextWords('what did the danish envoy say')).toEqual(new Set());
    expect(nounContextWords('any news on the deal')).toEqual(new Set(['news', 'deal']));
    expect(nounContextWords('the fire at the port')).toEqual(new Set(['fire', 'port']));
  });
});

describe('the measure a "how" question asks for is no topic word', () => {
  it('"how long will the waivers last" is about waivers; "how big is the reservoir" about the reservoir', () => {
    expect(contentWords('how long will the waivers last')).toEqual(['waivers']);
    expect(contentWords('how big is the reservoir')).toEqual(['reservoir']);
    expect(contentWords('a long delay')).toContain('long');
  });
});

describe('a real word\'s inflection is no stop-word typo', () => {
  it('"pays" is pay (not "says"), "wat" is still what', () => {
    expect(contentWords('who pays for the survey', loadWordNet())).toEqual(['pays', 'survey']);
    expect(contentWords('wat did oman do', loadWordNet())).toEqual(['oman']);
  });
});

