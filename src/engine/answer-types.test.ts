import { describe, expect, it } from 'vitest';
import { loadWordNet } from '../lexicon/wordnet.js';
import { ANSWER_TYPE_OPTIONS, askedSpeaker, countedNoun, expectedAnswerType, holdsCount, holdsPronounSpeech, namesRoleHolder, holdsSpeech, holdsType, passiveAgentRoles } from './answer-types.js';
import { termsOfWord } from '../text/analyze-terms.js';

describe('answer types', () => {
  const wordNet = loadWordNet();

  it('a count or an amount is a number other than a date or a duration', () => {
    expect(holdsType('Negotiators ended four days of talks in Kinshasa on Sunday.', 'number', wordNet)).toBe(false);
    expect(holdsType('Sudan has moved closer since flooding near the border in 2020.', 'number', wordNet)).toBe(false);
    expect(holdsType('Ethiopia would release at least 31 billion cubic metres in a drought year.', 'number', wordNet)).toBe(true);
  });

  it('a season or a period\'s end answers "when" as a date does; the word alone does not', () => {
    expect(holdsType('Diplomats say a signing could come by summer.', 'date', wordNet)).toBe(true);
    expect(holdsType('Talks resume in the early spring.', 'date', wordNet)).toBe(true);
    expect(holdsType('A deal is expected by the end of the year.', 'date', wordNet)).toBe(true);
    expect(holdsType('The summer heat slowed the talks.', 'date', wordNet)).toBe(false);
  });

  it('"what did X say" needs X speaking, not only named', () => {
    expect(askedSpeaker('what did the eu mediator say')).toBe('the eu mediator');
    expect(askedSpeaker('what did omani officials do')).toBeUndefined();
    const israel = new Set(['israel']);
    expect(holdsSpeech('Observers noted that talks derive urgency from escalations between Israel and its neighbours.', israel, wordNet)).toBe(false);
    expect(holdsSpeech('Israel warned that the talks would fail.', israel, wordNet)).toBe(true);
    // "States" of "the United States" is a name, not the verb "state".
    expect(holdsSpeech('Canada and the United States wanted those waivers ended early.', new Set(['canada']), wordNet)).toBe(false);
    expect(holdsSpeech('Canada stated its terms.', new Set(['canada']), wordNet)).toBe(true);
    // Attribution after the quote, and "according to".
    const marin = new Set(['marin']);
    expect(holdsSpeech('“We are close,” said Marin on Friday.', marin, wordNet)).toBe(true);
    expect(holdsSpeech('The figure is 140 million euros, according to Marin.', marin, wordNet)).toBe(true);
    expect(holdsSpeech('The report said nothing new; later, much later, Marin left.', marin, wordNet)).toBe(false);
    // A verb taking the party as its object is no attribution.
    expect(holdsSpeech('As a result, both delegations have acknowledged Oman’s skilled mediation.', new Set(['mediat']), wordNet)).toBe(false);
    expect(holdsSpeech('“A definition is not a deal,” said Dr. Amal Fathy, a hydrologist.', new Set(['fathi']), wordNet)).toBe(true);
    // A modal is no verb of speaking ("her government will not…": will → decree).
    expect(holdsSpeech('Her government will not give up one hectare.', new Set(['govern']), wordNet)).toBe(false);
    // A pronoun speaks only right before its verb ("he said"), not as any "they" of the sentence.
    expect(holdsPronounSpeech('“That freeze is worth more than any communique,” she said.', wordNet)).toBe(true);
    expect(holdsPronounSpeech('Fishermen have long complained that they need permits to cast their nets.', wordNet)).toBe(false);
    // What follows "told reporters that…" is what was said, not who said it.
    expect(holdsSpeech('Suriname’s foreign minister, Anita Sewdien, told reporters that her government would not give up land.', new Set(['govern']), wordNet)).toBe(false);
    // A title before the name ends no clause: 'said Dr.' | 'Ana Marin' had parted the verb from the speaker.
    expect(holdsSpeech('“It will be a crisis,” said Dr. Ana Marin, a hydrologist.', marin, wordNet)).toBe(true);
    expect(holdsSpeech('Lt. Gen. Ivan Petrov told reporters the talks would resume.', new Set(['petrov']), wordNet)).toBe(true);
  });

  it('a role doing a passive verb answers "who" (the doer after "by", a person or a group)', () => {
    expect(passiveAgentRoles('The figure in the draft was brokered by the envoy’s team late on Saturday.', wordNet)).toEqual(['team']);
    expect(passiveAgentRoles('Meters to be read by a neutral contractor for the next twelve months', wordNet)).toEqual(['contractor']);
    expect(passiveAgentRoles('Egypt had asked for more by Saturday.', wordNet)).toEqual([]);
    expect(passiveAgentRoles('The regional conflict pits Israel against groups backed by Iran.', wordNet)).toEqual([]);
  });
});

describe('how many: a number counting the asked noun', () => {
  it('reads the counted noun', () => {
    expect(countedNoun('how many officials were in each delegation')).toBe('officials');
    expect(countedNoun('how many new centres')).toBe('centres');
    expect(countedNoun('how much did it cost')).toBeUndefined();
  });

  it('a number, then the noun within a few words', () => {
    const centres = new Set(['centr']);
    expect(holdsCount('The fund will pay for two new rescue coordination centres, in Nuuk.', centres)).toBe(true);
    expect(holdsCount('Officials said 3,000 centres…', centres)).toBe(true);
    expect(holdsCount('Canada raised its pledge from $35 million on Thursday morning, and the new centres open later.', centres)).toBe(false);
    expect(holdsCount('The land has been held by Guyana since 1969, when its soldiers removed a survey camp.', new Set(['soldier']))).toBe(false);
  });

  it('a verb ends the number\'s phrase (ANSWER_TYPE_OPTIONS.countEndsAtVerb): "only 412 had an observer" counts no observers', () => {
    const observers = new Set(termsOfWord('observers'));
    const transfers = 'Of 1,930 transfers at sea recorded last year, only 412 had an observer on board.';
    expect(holdsCount(transfers, observers)).toBe(false);
    expect(holdsCount('The fleet hired 45 observers last year.', observers)).toBe(true);
    ANSWER_TYPE_OPTIONS.countEndsAtVerb = false;
    try {
      expect(holdsCount(transfers, observers)).toBe(true);
    } finally {
      ANSWER_TYPE_OPTIONS.countEndsAtVerb = true;
    }
  });
});

describe('how much money: an amount with a currency', () => {
  const wordNet = loadWordNet();
  it('"how much" with a word of money (WordNet: a kind of cost, payment, fund… or paying) asks for money', () => {
    expect(expectedAnswerType('how much did the dam cost', wordNet)).toBe('money');
    expect(expectedAnswerType('how much are the unpaid bills', wordNet)).toBe('money');
    expect(expectedAnswerType('how much was paid', wordNet)).toBe('money');
    expect(expectedAnswerType('how much water must ethiopia release', wordNet)).toBe('number');
  });

  it('a currency sign, code or name by a number', () => {
    for (const text of ['a fund of $240 million', 'about 140 million euros', 'roughly 300 million Danish kroner', 'EUR 5m', '12 € a month']) expect(holdsType(text, 'money', wordNet)).toBe(true);
    for (const text of ['74 billion cubic metres', '5,150 megawatts', 'in 2028']) expect(holdsType(text, 'money', wordNet)).toBe(false);
  });
});

describe('where: a place', () => {
  const wordNet = loadWordNet();
  it('a capitalised name after "in", "at", "near"… is a place, past the gazetteer; a month or a day is not', () => {
    expect(holdsType('The fund will pay for two new rescue coordination centres, in Nuuk and in Longyearbyen.', 'place', wordNet)).toBe(true);
    expect(holdsType('Talks resume in March, and a text is due on Friday.', 'place', wordNet)).toBe(false);
  });
});

describe('how long: a duration, or the date something runs until', () => {
  const wordNet = loadWordNet();
  it('counts "twelve months", "a five-year term" and "until 2029" as durations; a bare date is none', () => {
    for (const text of ['Meters to be read for the next twelve months', 'a five‑year term', 'waivers to their own ships until 2029']) expect(holdsType(text, 'duration', wordNet)).toBe(true);
    expect(holdsType('The ban took effect in July 2024.', 'duration', wordNet)).toBe(false);
  });
});

describe('namesRoleHolder', () => {
  const wordNet = loadWordNet();
  it('a name right by the role, before or after it; not a name a sentence away', () => {
    expect(namesRoleHolder('The talks were chaired by Norway’s state secretary for foreign affairs, Kari Nordvik, on Wednesday.', new Set(['secretari']), wordNet)).toBe(true);
    expect(namesRoleHolder('EU mediator Lucia Marin told reporters the teams agree.', new Set(['mediat']), wordNet)).toBe(true);
    expect(namesRoleHolder('Clarke said she hoped to bring the two presidents together at the CARICOM summit in July.', new Set(['presid']), wordNet)).toBe(false);
  });
});

