import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEngine, parseArticle, type Answer, type Engine, type ParsedDocument } from '../src/index.js';

/** The small articles in test/fixtures/articles/variants (their README says what each should parse to). */
const VARIANTS = new URL('./fixtures/articles/variants/', import.meta.url);

async function parseVariant(fileName: string): Promise<ParsedDocument> {
  return parseArticle({ fileName, text: await readFile(new URL(fileName, VARIANTS), 'utf8'), modifiedAt: new Date('2026-03-04T00:00:00Z') });
}

const firstExcerpt = (answer: Answer) => answer.citations[0]?.excerpt ?? '';

describe('article variants parse as their README says', () => {
  it('table-without-outer-pipes.txt: 2 sections, a 4-column table and a paragraph after it', async () => {
    const document = await parseVariant('table-without-outer-pipes.txt');
    expect(document.sections.map((section) => section.title)).toEqual(['Grain Corridor Talks Resume in Istanbul', 'Where Things Stand']);
    const blocks = document.sections[1]?.blocks ?? [];
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(blocks[1]).toMatchObject({ columns: ['Issue', 'Coastal State A', 'Coastal State B', 'Mediator'] });
  });

  it('question-heading.txt: a heading ending in ?, and a colon heading straight after a bullet item', async () => {
    const document = await parseVariant('question-heading.txt');
    expect(document.sections.map((section) => section.title)).toEqual(['Border Commission Meets Again', 'What Happens to the Disputed Villages?', 'Key Dates: A Timeline']);
  });

  it('five-column-table.md: front matter, a 5-column table with alignment colons, a ## heading ending in ?', async () => {
    const document = await parseVariant('five-column-table.md');
    expect(document.title).toBe('Fisheries quota talks');
    const table = document.sections.flatMap((section) => section.blocks).find((block) => block.type === 'table');
    expect(table).toMatchObject({ columns: ['Stock', 'North', 'South', 'East', 'West'] });
    expect(document.sections.map((section) => section.title)).toContain('Next steps?');
  });

  it('setext-headings.md: headings underlined with ==== and ----, a 4-column table, a blockquote, a * list', async () => {
    const document = await parseVariant('setext-headings.md');
    expect(document.title).toBe('Sudan Ceasefire Talks in Jeddah');
    expect(document.sections.map((section) => section.title)).toEqual(['Sudan Ceasefire Talks in Jeddah', 'Background', 'Positions at a glance', 'What comes next?']);
    const table = document.sections[2]?.blocks.find((block) => block.type === 'table');
    expect(table).toMatchObject({ columns: ['Issue', 'Army (SAF)', 'Rapid Support Forces', 'Mediators'] });
  });

  it('numbered-headings.txt: numbered capitals headings, the number left out of the title', async () => {
    const document = await parseVariant('numbered-headings.txt');
    expect(document.title).toBe('ARMENIA AND AZERBAIJAN EDGE TOWARD A PEACE TREATY');
    expect(document.sections.map((section) => section.title)).toEqual(['INTRODUCTION', 'THE BORDER QUESTION', 'THE ZANGEZUR CORRIDOR', 'OUTLOOK']);
  });
});

describe('answers on an article with an initialism column and a row named in part (setext-headings.md)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = buildEngine([await parseVariant('setext-headings.md')]);
  });
  const ask = (query: string) => engine.answer(query).answer;

  it('"rsf position on ceasefire": the column spelled out in the header, its cell first', () => {
    expect(firstExcerpt(ask('rsf position on ceasefire'))).toMatch(/^Rapid Support Forces: Immediate and unconditional/);
  });

  it('"saf position on aid access": a short word the article writes, not a stop word typo; aid → support names no column', () => {
    expect(firstExcerpt(ask('saf position on aid access'))).toMatch(/^Army \(SAF\): Through state agencies/);
  });

  it('"army position on aid": a row named in part is quoted with the asked column first', () => {
    expect(firstExcerpt(ask('army position on aid'))).toMatch(/^Army \(SAF\): Through state agencies; Issue: Aid access/);
  });

  it('"what comes next" is the section of that name, and "border" is not the byline\'s "3 March"', () => {
    const next = ask('what comes next');
    expect(next.citations[0]?.sectionTitle).toBe('What comes next?');
    expect(ask('border').kind).toBe('not_found');
  });
});

describe('a hard-wrapped wire story pasted as plain text (hard-wrapped.txt)', () => {
  let engine: Engine;
  let document: ParsedDocument;
  beforeAll(async () => {
    document = await parseVariant('hard-wrapped.txt');
    engine = buildEngine([document]);
  });

  it('joins a dateline wrapped after "said on" into its paragraph instead of reading the line as a heading', () => {
    expect(document.sections.map((section) => section.title)).toEqual(['UN Envoy Revives Cyprus Reunification Talks', 'Where the Sides Stand', 'What Comes Next']);
    const lede = document.sections[0]?.blocks[0];
    expect(lede?.type === 'paragraph' && lede.text).toMatch(/^NICOSIA, Oct 3 \(Desk\) - The United Nations envoy for Cyprus said on Thursday that Greek Cypriot/);
  });

  it('"greek cypriot position on security": the row named in its own words (not Model, through position → model), the asked column first', () => {
    const { answer } = engine.answer('greek cypriot position on security');
    expect(firstExcerpt(answer)).toBe('Greek Cypriots: No Turkish troops; Issue: Security; Turkish Cypriots: Turkey as guarantor');
    expect(answer.citations).toHaveLength(1);
  });
});
