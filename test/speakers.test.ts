import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_TYPE_OPTIONS } from '../src/engine/answer-types.js';
import { EVIDENCE } from '../src/engine/evidence.js';
import type { Engine } from '../src/index.js';
import { engineOfFixture, engineOfText } from './fixture-engine.js';

describe('"what did X say": X named in one sentence, quoted with "he said" in the next', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineOfFixture('arctic-shipping-talks.md');
  });

  it('the naming sentence and the quote, as one excerpt', () => {
    const excerpt = engine.answer('what did thibodeau say').answer.citations[0]?.excerpt ?? '';
    expect(excerpt).toContain('Marc Thibodeau, Canada’s deputy minister of transport, was blunter.');
    expect(excerpt).toContain('“Every year we wait');
  });

  it('a typo in the rest of the question changes nothing', () => {
    expect(engine.answer('what did thibodeau say abuot the fuel').answer.citations[0]?.excerpt).toContain('“Every year we wait');
  });

  it('a sentence where X speaks ("defended") is followed by the quote it introduces', () => {
    const excerpt = engine.answer('what did holm say').answer.citations[0]?.excerpt ?? '';
    expect(excerpt.startsWith('Denmark’s Arctic ambassador, Anders Holm, defended the delay.')).toBe(true);
    expect(excerpt).toContain('“cannot run on good intentions”');
  });

  it('sentences of two paragraphs are never joined: the quote is given alone', () => {
    const text = 'Port Talks\n\nThe harbour master, Ola Berg, was blunter.\n\n“We will not wait another year,” he said.\n';
    const answer = engineOfText('port.txt', text).answer('what did berg say').answer;
    expect(answer.citations[0]?.excerpt).toBe('“We will not wait another year,” he said.');
  });

  it('"what did canada say" is what Canada\'s minister said, not Canada\'s column; "…say on speed limits" may be its cell', () => {
    expect(engine.answer('what did canada say').answer.citations[0]?.excerpt).toContain('“Every year we wait');
    expect(engine.answer('what did canada say on speed limits').answer.citations[0]?.excerpt.startsWith('Canada: Mandatory in narwhal areas')).toBe(true);
  });
});


describe('a word only ever a name is not the pronoun the articles write in lower case', () => {
  it('"what did the us say" on an article where "us" is only a pronoun ("leave us the mercury") is not_found', async () => {
    const engine = await engineOfFixture('courantyne-border-talks.txt');
    expect(engine.answer('what did the us say').answer.kind).toBe('not_found');
    expect(engine.answer('what does the us want').answer.citations[0]?.excerpt ?? '').not.toContain('leave us the mercury');
    // "sat" is also the past of sit, not only Saturday: "who sat in as observers" keeps its word.
    expect((await engineOfFixture('nile-dam-talks.md')).answer('who sat in as observers').answer.citations[0]?.excerpt).toContain('sat in as observers');
  });
});

describe('a row named after a party is what is said of it, not its words', () => {
  const text = [
    'Fishing Talks Open',
    '',
    'Delegates from twelve governments met in Suva on Monday to set next year\'s catch limits.',
    '',
    'Who Fishes What',
    '',
    'Fleet | Boats | Catch in 2025',
    '---|---|---',
    'Japan | 212 | 21,400 tonnes',
    'Chile | 98 | 8,100 tonnes',
    '',
    'The Opening Day',
    '',
    'Japan said it could accept a smaller catch only after a new stock assessment.',
    '',
  ].join('\n');

  it('"what did japan say" quotes what Japan said; "japan boats" is still the row', () => {
    const engine = engineOfText('fish.txt', text);
    expect(engine.answer('what did japan say').answer.citations[0]?.excerpt).toBe('Japan said it could accept a smaller catch only after a new stock assessment.');
    expect(engine.answer('how many boats does japan have').answer.citations[0]?.excerpt).toContain('Fleet: Japan');
  });
});

describe('a speaker named by several words speaks only as the whole name', () => {
  const text = [
    'Tuna Talks Open in Honiara',
    '',
    'Speaking for the nine island states, Papua New Guinea\'s fisheries minister said the bloc would not settle for less.',
    '',
    'The United States sent only observers.',
    '',
    'The International Maritime Organization\'s ban on heavy fuel oil took effect in July.',
    '',
  ].join('\n');
  const engine = engineOfText('tuna.txt', text);

  it('"what did the united states say" is not_found: "the nine island states … said" is not the United States speaking', () => {
    expect(engine.answer('what did the united states say').answer.kind).toBe('not_found');
  });

  it('a name the article writes only in the possessive is known: "what did papua new guinea say"', () => {
    expect(engine.answer('what did papua new guinea say').answer.citations[0]?.excerpt).toContain("Papua New Guinea's fisheries minister said");
  });

  it('a word after a possessive is a noun, not a verb of speaking: "the … Organization\'s ban" says nothing', () => {
    expect(engine.answer('what did the international maritime organization say').answer.kind).toBe('not_found');
  });
});

describe('a people\'s name after "the" reaches its country', () => {
  it('"what did the canadians say" → what Canada\'s minister said, as "what did canada say" does', async () => {
    const engine = await engineOfFixture('arctic-shipping-talks.md');
    expect(engine.answer('what did the canadians say').answer.citations[0]?.excerpt).toContain('“Every year we wait');
  });
});

describe('a speaker set off from its verb by a phrase between commas (ANSWER_TYPE_OPTIONS.speakerAcrossInsertion)', () => {
  const text = [
    'Gold Route Talks Stall',
    '',
    'Mali’s delegation, led by Awa Keita, the minister of mines and energy, said a second inspection would drive the trade underground.',
    '',
    'Niger, a neighbour with its own gold fields, was not at the talks.',
    '',
  ].join('\n');
  const engine = engineOfText('gold-route-talks.txt', text);
  afterEach(() => {
    ANSWER_TYPE_OPTIONS.speakerAcrossInsertion = true;
  });

  it('"what did mali say" → what its delegation said; a party set off by commas but saying nothing is still not_found', () => {
    expect(engine.answer('what did mali say').answer.citations[0]?.excerpt).toContain('drive the trade underground');
    expect(engine.answer('what did niger say').answer.kind).toBe('not_found');
  });

  it('with the switch off the speaker is too far from "said" and the question is refused', () => {
    ANSWER_TYPE_OPTIONS.speakerAcrossInsertion = false;
    expect(engine.answer('what did mali say').answer.kind).toBe('not_found');
  });
});

describe('a role asked as the speaker is answered by the name the article gives its holder (EVIDENCE.speakersByRoleHolder)', () => {
  const text = [
    'Gold Route Talks Stall',
    '',
    'Mali’s team is led by its minister of mines, Awa Keita. Guinea sent a junior official.',
    '',
    'Keita said a second inspection at the border would double the fees.',
    '',
  ].join('\n');
  const engine = engineOfText('gold-route-talks.txt', text);
  afterEach(() => {
    EVIDENCE.speakersByRoleHolder = true;
  });

  it('"what did the mines minister say about the border fees" → what Keita said, though that sentence names no minister', () => {
    expect(engine.answer('what did the mines minister say about the border fees').answer.citations[0]?.excerpt).toContain('would double the fees');
  });

  it('with the switch off no passage has the minister speaking, and the question is refused', () => {
    EVIDENCE.speakersByRoleHolder = false;
    expect(engine.answer('what did the mines minister say about the border fees').answer.kind).toBe('not_found');
  });
});

describe('a party\'s role asked as the speaker speaks as that party, not as any holder of the role (EVIDENCE.partyRoleSpeaksAsParty)', () => {
  const text = ['Gold Route Talks Stall', '', 'Guinea’s mines minister, Sekou Camara, said the fees were too high.', '', 'Mali was not at the table this week.', ''].join('\n');
  const engine = engineOfText('gold-route-talks.txt', text);
  afterEach(() => {
    EVIDENCE.partyRoleSpeaksAsParty = true;
  });

  it('"what did the mali minister say" is not_found: only Guinea\'s minister speaks; "the guinean minister" is answered', () => {
    expect(engine.answer('what did the mali minister say').answer.kind).toBe('not_found');
    expect(engine.answer('what did the guinean minister say').answer.citations[0]?.excerpt).toContain('Sekou Camara');
  });

  it('with the switch off any minister speaking answers it', () => {
    EVIDENCE.partyRoleSpeaksAsParty = false;
    expect(engine.answer('what did the mali minister say').answer.citations[0]?.excerpt).toContain('Sekou Camara');
  });
});

describe('signing, writing, recording and authorizing are no speaking (ANSWER_TYPE_OPTIONS.sayingVerbsOnly)', () => {
  const text = ['Gold Route Talks Stall', '', 'Mali and Guinea signed a customs protocol in Bamako in 2019.', '', 'Guinea’s mines minister, Sekou Camara, said the fees were too high.', ''].join('\n');
  const engine = engineOfText('gold-route-talks.txt', text);
  afterEach(() => {
    ANSWER_TYPE_OPTIONS.sayingVerbsOnly = true;
  });

  it('"what did mali say" is not_found: Mali only signed; Guinea, which spoke, is answered', () => {
    expect(engine.answer('what did mali say').answer.kind).toBe('not_found');
    expect(engine.answer('what did guinea say').answer.citations[0]?.excerpt).toContain('Sekou Camara');
  });

  it('with the switch off "signed" counts as speaking', () => {
    ANSWER_TYPE_OPTIONS.sayingVerbsOnly = false;
    expect(engine.answer('what did mali say').answer.citations[0]?.excerpt).toContain('signed a customs protocol');
  });
});
