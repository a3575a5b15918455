import { afterEach, describe, expect, it } from 'vitest';
import { PASSAGE_INDEX_OPTIONS } from '../src/engine/passage-index.js';
import { engineOfText, firstExcerpt } from './fixture-engine.js';

const ARTICLE = [
  '# Cod talks end with a smaller catch',
  '',
  'Ministers from three island states and two distant-water fleets agreed on Friday to cut the cod catch.',
  '',
  '## What was agreed',
  '',
  '- **Fee:** the licence fee rises from $900 to $1,100 a boat',
  '- **Cod:** the trawl limit falls by 10 per cent, from 9,500 tonnes to 8,550 tonnes in 2028',
  '- **Local boats:** 5 per cent of the cod limit is set aside for boats owned in the islands',
  '',
].join('\n');

describe('a lead-in label names its passage\'s topic as a heading does (PASSAGE_INDEX_OPTIONS.leadInLabelsAsTitles)', () => {
  afterEach(() => {
    PASSAGE_INDEX_OPTIONS.leadInLabelsAsTitles = true;
  });

  it('"what is the new cod limit" → the item labelled "Cod", not the one that names the cod limit in passing', () => {
    const { answer } = engineOfText('cod-talks.md', ARTICLE).answer('what is the new cod limit');
    expect(answer.citations[0]?.sectionTitle).toBe('What was agreed');
    expect(firstExcerpt(answer)).toContain('from 9,500 tonnes to 8,550 tonnes');
  });

  it('with labels indexed as text only, the item naming "cod limit" in passing comes first', () => {
    PASSAGE_INDEX_OPTIONS.leadInLabelsAsTitles = false;
    const { answer } = engineOfText('cod-talks.md', ARTICLE).answer('what is the new cod limit');
    expect(firstExcerpt(answer)).toContain('set aside for boats');
  });
});
