import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEngine, parseArticle, type Answer, type Engine, type ParsedDocument } from '../src/index.js';

/** The small articles in test/fixtures/articles/variants (their README says what each should parse to). */
const VARIANTS = new URL('./fixtures/articles/variants/', import.meta.url);

async function parseVariant(fileName: string): Promise<ParsedDocument> {
  return parseArticle({ fileName, text: await readFile(new URL(fileName, VARIANTS), 'utf8'), modifiedAt: new Date('2026-03-04T00:00:00Z') });
}

const firstExcerpt = (answer: Answer) => answer.citations[0]?.excerpt ?? '';

/** Every word of a parsed document: title, section titles, paragraphs, list items, table headers and cells. */
function wordsOf(document: ParsedDocument): Set<string> {
  const texts = [document.title, ...document.sections.flatMap((section) => [section.title, ...section.blocks.flatMap((block) => (block.type === 'paragraph' ? [block.text] : block.type === 'list' ? block.items : [...block.columns, ...block.rows.flat()]))])];
  const text = texts.join(' ').toLowerCase();
  // (A hyphenated word counts as its halves and as one word: the file may have broken it at a line's end.)
  return new Set([...(text.match(/[\p{L}\p{N}]+/gu) ?? []), ...(text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? []).map((word) => word.replace(/-/g, ''))]);
}

/** The words of an article file a reader sees: no front matter, link targets, comments, character references, list and heading numbers, struck text, invisible characters, a PDF's page numbers and footers, a web page's chrome, a table of contents; a word broken by a hyphen at a line's end is one. */
function wordsToKeep(text: string): string[] {
  const body = text
    .replace(/[\u00AD\u200B\u2060]/g, '')
    .replace(/(\p{L})-\r?\n(\p{L})/gu, '$1$2')
    .replace(/^.*\S {2,}Page \d+ *$|^\d{1,3}$/gm, '')
    .replace(/^\*\*Contents\*\*$|^\s*- \[[^\]]+\]\(#[^)]*\)$/gm, '')
    .replace(/^(?:Advertisement|Story continues below advertisement|\d+ minute read)$/gm, '')
    .replace(/^\uFEFF?---[\s\S]*?\n---\s*\n/, '')
    .replace(/~~[^~]+~~|<(del|s)>[^<]*<\/\1>/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/&#?\w+;/g, ' ')
    .replace(/^\s*\d{1,3}[.)]\s/gm, '');
  return [...new Set(body.toLowerCase().match(/[\p{L}\p{N}]+/gu))];
}

describe('no article loses words in parsing', () => {
  const files = readdirSync(VARIANTS).filter((name) => name !== 'README.md');
  it.each(files)('%s: every word of the file is in the parsed document', async (fileName) => {
    const words = wordsOf(await parseVariant(fileName));
    expect(wordsToKeep(await readFile(new URL(fileName, VARIANTS), 'utf8')).filter((word) => !words.has(word))).toEqual([]);
  });
});

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

describe('a wire story pasted from Windows with tables and lists the way plain text writes them (pasted-plain-tables.txt)', () => {
  let engine: Engine;
  let document: ParsedDocument;
  beforeAll(async () => {
    document = await parseVariant('pasted-plain-tables.txt');
    engine = buildEngine([document]);
  });

  it('is saved with CRLF line endings and a byte order mark (what the test is about)', async () => {
    const bytes = await readFile(new URL('pasted-plain-tables.txt', VARIANTS));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
  });

  it('reads the capitals headings, and names one a line under a heading or a colon lead-in as lists', () => {
    expect(document.sections.map((section) => section.title)).toEqual(['BLACK SEA SHIPPING TALKS OPEN IN GENEVA', 'WHO IS AT THE TABLE', 'WHAT THE SIDES WANT', 'THE MONEY', 'NEXT ROUND']);
    expect(document.sections[1]?.blocks).toEqual([{ type: 'list', items: ["Ukraine's infrastructure ministry", "Russia's foreign ministry", "Türkiye's defence ministry"], line: 7 }]);
    expect(document.sections[3]?.blocks[1]).toMatchObject({ type: 'list', items: ['Insurance pool', 'Port fees', 'Compensation fund'] });
  });

  it('reads a tab-separated table and a table lined up with spaces, with their columns', () => {
    const tables = document.sections.flatMap((section) => section.blocks).filter((block) => block.type === 'table');
    expect(tables).toMatchObject([
      { tableId: 't1', columns: ['Party', 'Demand', 'Red line'], rows: [['Ukraine', 'Safe passage for all cargo', 'No inspections by Russia'], ['Russia', 'Bank reconnected to SWIFT', 'No arms shipments']], line: 16 },
      { tableId: 't2', columns: ['Item', 'Amount', 'Who pays'], rows: [['Insurance pool', '$300 million', "Lloyd's syndicates"], ['Port fees', '€45 million', 'Shippers'], ['Compensation fund', '$1.1 billion', 'Donors']], line: 27 },
    ]);
  });

  it('"russia red line" quotes the tab table\'s row; "who pays the port fees" the aligned table\'s', () => {
    expect(firstExcerpt(engine.answer('russia red line').answer)).toBe('Red line: No arms shipments; Party: Russia; Demand: Bank reconnected to SWIFT');
    expect(firstExcerpt(engine.answer('who pays the port fees').answer)).toMatch(/^Who pays: Shippers; Item: Port fees/);
  });
});

describe('a Markdown article with character references, a blockquote over two paragraphs and two tables (entities-and-blockquotes.md)', () => {
  let engine: Engine;
  let document: ParsedDocument;
  beforeAll(async () => {
    document = await parseVariant('entities-and-blockquotes.md');
    engine = buildEngine([document]);
  });

  it('reads quoted front matter beside fields it does not use, and decodes &amp; &nbsp; &ldquo; &#8217; &euro; in headings, text and cells', () => {
    expect([document.title, document.asOf, document.source]).toEqual(['Nile water talks: where the three countries stand', '2026-02-14T00:00:00.000Z', 'Desk: Africa']);
    expect(document.sections.map((section) => section.title)).toEqual(['Nile water talks: where the three countries stand', 'Positions & red lines', 'Sudan’s view', 'Money', 'What the experts say']);
    expect(firstExcerpt(engine.answer('what is the mood').answer)).toBe('The mediator, the African Union commission, called the mood “constructive & frank”.');
    expect(firstExcerpt(engine.answer('how much are power exports').answer)).toBe('Item: Annual power exports; Amount: €1.2 billion');
  });

  it('quotes the blockquote paragraph by paragraph, the speaker\'s title and name in the same sentence', () => {
    expect(firstExcerpt(engine.answer('cairo university').answer)).toBe('"Without a legal agreement, every dry year will become a crisis," said Dr. Amal Fathy, a hydrologist at Cairo University.');
    expect(firstExcerpt(engine.answer('what did she add').answer)).toBe('She added that the AU process has stalled twice since 2021.');
    expect(firstExcerpt(engine.answer('what did fathy say').answer)).toMatch(/^"Without a legal agreement, every dry year will become a crisis," said Dr\. Amal Fathy/);
  });

  it('addresses the second table as "positions table 2", and help offers no example twice', () => {
    const second = engine.answer('positions table 2').answer;
    expect(second.citations[0]?.sectionTitle).toBe('Money');
    const examples = engine.answer('help').answer.examples;
    expect(new Set(examples).size).toBe(examples.length);
  });
});

describe('a pasted article with front matter written by hand, a pipe table without a ---|--- line and a Q./A. interview (hand-written-front-matter.txt)', () => {
  let engine: Engine;
  let document: ParsedDocument;
  beforeAll(async () => {
    document = await parseVariant('hand-written-front-matter.txt');
    engine = buildEngine([document]);
  });

  it('loads, reading Title/Date/URL/Source with a colon in the title and a url without its scheme', () => {
    expect([document.title, document.asOf, document.url, document.source]).toEqual(['Libya: UN pushes rival governments toward elections', '2026-09-03T00:00:00.000Z', 'https://example.org/libya-tunis-talks', 'Desk']);
  });

  it('reads the pipe rows as a table with their columns, and each Q. line as the section of its answer', () => {
    const table = document.sections[0]?.blocks.find((block) => block.type === 'table');
    expect(table).toMatchObject({ columns: ['Issue', 'Tripoli', 'Benghazi'], rows: [['Election law', 'Candidates with dual nationality barred', 'Dual nationals may run'], ['Central bank', 'Governor stays', 'New governor'], ['Oil revenue', 'Shared through the bank', 'Held in escrow']] });
    expect(document.sections.map((section) => section.title)).toEqual(['LIBYA TALKS IN TUNIS', 'Q. Who attended?', 'Q. What happens next?']);
  });

  it('"benghazi position on the central bank" quotes the row, the asked column first', () => {
    expect(firstExcerpt(engine.answer('benghazi position on the central bank').answer)).toBe('Benghazi: New governor; Issue: Central bank; Tripoli: Governor stays');
  });
});

describe('a plain-text article pasted from a word processor, its lists bulleted with –, ▪ and ● (word-processor-bullets.txt)', () => {
  it('reads each run of bulleted lines as a list under its heading, without the bullets', async () => {
    const document = await parseVariant('word-processor-bullets.txt');
    expect(document.sections.map((section) => [section.title, section.blocks.map((block) => (block.type === 'list' ? block.items : block.type))])).toEqual([
      ['Serbia and Kosovo agree on energy roadmap', ['paragraph']],
      ['What was agreed', [['A new supply company for the four northern municipalities', 'Metering by a neutral contractor', 'Debts written off up to 2022']]],
      ['Still open', [['Who owns the Valač substation', 'Tariffs after 2027']]],
      ['Next steps', [['Technical talks in March', 'A signing, possibly in Ohrid']]],
    ]);
  });
});

describe('a Markdown table whose top-left header cell is blank, its first column naming the rows (blank-corner-table.md)', () => {
  it('"norway 2026" quotes the row with the asked column first and the row\'s name unlabelled (no stray ": ")', async () => {
    const document = await parseVariant('blank-corner-table.md');
    expect(document.sections[1]?.blocks[0]).toMatchObject({ type: 'table', columns: ['', 'Iceland', 'Norway', 'Faroes'] });
    expect(firstExcerpt(buildEngine([document]).answer('norway 2026').answer)).toBe('Norway: 25%; Ask for 2026; Iceland: 18%; Faroes: 15%');
  });
});

describe('a pasted wire story with a byline and an update time under its headline (byline-and-timestamp.txt)', () => {
  it('keeps the byline and the time stamp as paragraphs under the headline, not as the lede\'s section title; "By the numbers" stays a heading', async () => {
    const document = await parseVariant('byline-and-timestamp.txt');
    expect(document.sections.map((section) => section.title)).toEqual(['UN envoy reopens Cyprus talks in New York', 'By the numbers']);
    expect(document.sections[0]?.blocks.map((block) => block.type === 'paragraph' && block.text.slice(0, 30))).toEqual(['By Maria Georgiou and Mehmet Y', 'Updated 14 March 2026, 18:05 G', 'NEW YORK (Desk) — The UN secre']);
  });
});

describe('a live blog pasted as plain text, its entries under time stamps and a list hard-wrapped mid-item (live-blog-wrapped-items.txt)', () => {
  it('reads each time stamp as a section, and a wrapped item\'s next line as the rest of the item', async () => {
    const document = await parseVariant('live-blog-wrapped-items.txt');
    expect(document.sections.map((section) => section.title)).toEqual(['Live: Armenia-Azerbaijan peace talks in Washington', '14:05 GMT', '15:30 GMT', '16:45 GMT']);
    expect(document.sections[2]?.blocks).toMatchObject([
      { type: 'paragraph', text: "Azerbaijan's Jeyhun Bayramov tells reporters two articles of the treaty remain open:" },
      { type: 'list', items: ['the withdrawal of third-country forces from the border', 'the dropping of claims in international courts'] },
    ]);
  });
});

describe('a briefing note whose headings are labels ending in a colon (label-headings.txt)', () => {
  it('reads "Background:", "Positions:" and "Next steps:" as headings, and "next steps" quotes what comes under it, not the label', async () => {
    const document = await parseVariant('label-headings.txt');
    expect(document.sections.map((section) => section.title)).toEqual(['Background', 'Positions', 'Next steps']);
    const { answer } = buildEngine([document]).answer('next steps');
    expect(answer.citations[0]?.sectionTitle).toBe('Next steps');
    expect(firstExcerpt(answer)).toBe('The African Union will convene a technical meeting in Kinshasa on 12 April.');
  });
});

describe('a Markdown article with lists inside lists (nested-lists.md)', () => {
  let engine: Engine;
  let document: ParsedDocument;
  beforeAll(async () => {
    document = await parseVariant('nested-lists.md');
    engine = buildEngine([document]);
  });

  it('keeps each sub-item with its parent item, in the article\'s order, across a blank line in a numbered list', () => {
    expect(document.sections.map((section) => [section.title, section.blocks.map((block) => (block.type === 'list' ? block.items : block.type))])).toEqual([
      ['Serbia and Kosovo agree on data sharing at Brussels talks', ['paragraph']],
      ['What was agreed', ['paragraph', ['Data sharing: daily release figures for the Gazivode reservoir; weekly audits by a neutral engineer', 'Border crossings: two new crossings at Jarinje and Merdare', 'Vehicle plates, with a transition period']]],
      ['Still open', [['Property claims: church land near Dečani; the Trepča mines', 'The association of Serb-majority municipalities']]],
    ]);
  });

  it('"trepca" quotes the sub-item with what it is part of', () => {
    expect(firstExcerpt(engine.answer('trepca').answer)).toMatch(/^- Property claims: church land near Dečani; the Trepča mines/);
  });
});

describe('a Markdown article with struck text and headings ending in a dash (struck-text-and-dash-headings.md)', () => {
  let document: ParsedDocument;
  beforeAll(async () => {
    document = await parseVariant('struck-text-and-dash-headings.md');
  });

  it('leaves the dash out of a heading\'s title, and keeps a bracketed label over one word as a paragraph', () => {
    expect(document.sections.map((section) => section.title)).toEqual(['Guyana and Venezuela resume border talks in Brasília', 'BACKGROUND', 'What comes next']);
    expect(document.sections[0]?.blocks[0]).toMatchObject({ type: 'paragraph', text: '[Update]: Resumed.' });
  });

  it('quotes the words that stand, not the struck ones nor their tildes', () => {
    const { answer } = buildEngine([document]).answer('when does the technical commission meet');
    expect(firstExcerpt(answer)).toBe('A technical commission meets in September to map the disputed crossings.');
    const texts = document.sections.flatMap((section) => section.blocks.map((block) => (block.type === 'paragraph' ? block.text : '')));
    expect(texts).toContain('Venezuela claims the Essequibo region west of the Courantyne river.');
    expect(texts).toContain('The ministers agreed to meet every two months.');
  });
});

describe('an article pasted from a word processor with its invisible characters, a photo credit and links to other stories (word-processor-paste.txt)', () => {
  let document: ParsedDocument;
  beforeAll(async () => {
    document = await parseVariant('word-processor-paste.txt');
  });

  it('reads "Photo:", "Related:" and "Read more:" lines as paragraphs, not as headings over the text under them', () => {
    expect(document.sections.map((section) => section.title)).toEqual(['Cyprus talks: what we know', 'Property and territory', 'What’s next']);
    expect(document.sections[0]?.blocks.map((block) => block.type === 'paragraph' && block.text.slice(0, 20))).toEqual(['By Eleni Charalambou', 'Editor’s note: This ', 'NICOSIA — The UN env', 'Photo: Reuters/Yiann', 'The envoy met the Gr', '“The question of gua', 'Related: Cyprus reun']);
  });

  it('leaves out soft hyphens and zero-width spaces, and reads no-break spaces as spaces', () => {
    const { answer } = buildEngine([document]).answer('compensation mechanism');
    expect(firstExcerpt(answer)).toBe('The sides agreed on a compensation mechanism for displaced owners.');
    const text = JSON.stringify(document);
    expect(text).not.toMatch(/[\u00AD\u200B\u00A0]/);
    expect(text).toContain('Talks will resume on 2 April in Geneva.');
  });
});

describe('a briefing paper copied out of a PDF: words broken by hyphens at line ends, page numbers and a running footer (pdf-copy.txt)', () => {
  let document: ParsedDocument;
  beforeAll(async () => {
    document = await parseVariant('pdf-copy.txt');
  });

  it('joins a word broken at a line\'s end, dropping the hyphen that only broke it and keeping a compound\'s', () => {
    const { answer } = buildEngine([document]).answer('negotiations renaissance dam');
    expect(firstExcerpt(answer)).toBe('The resumption of negotiations between Ethiopia, Egypt and Sudan over the Grand Ethiopian Renaissance Dam marks the first direct contact since 2023.');
    const texts = document.sections.flatMap((section) => section.blocks.map((block) => (block.type === 'paragraph' ? block.text : '')));
    expect(texts).toContain('Egypt insists on a legally binding agreement on filling and operation, while Ethiopia prefers non-binding guidelines. Sudan has sought data-sharing on daily releases, which the Egyptian-Sudanese technical committee would oversee.');
  });

  it('leaves out the page numbers and the running footer, so no section is titled by the footer', () => {
    expect(document.sections.map((section) => [section.title, section.blocks.length])).toEqual([['Executive summary', 2], ['Key positions', 2], ['Next steps', 1]]);
    expect(JSON.stringify(document)).not.toMatch(/Policy Unit|"[34]"/);
  });
});

describe('a Markdown article opening with a table of contents (table-of-contents.md)', () => {
  it('leaves the list of links to its own headings out: no "Contents" section, and the summary starts with the text', async () => {
    const document = await parseVariant('table-of-contents.md');
    expect(document.sections.map((section) => section.title)).toEqual(['Background', 'Who is at the table', 'What each side wants']);
    expect(firstExcerpt(buildEngine([document]).answer('summary').answer)).toBe('Norway and Russia have managed the Barents Sea cod stock jointly since 1975.');
  });
});

describe('an article copied from a web page with its chrome: a reading time, "Advertisement" lines (web-page-copy.txt)', () => {
  it('leaves the chrome out, so the lede stays in the headline\'s section and the summary quotes it', async () => {
    const document = await parseVariant('web-page-copy.txt');
    expect(document.sections.map((section) => [section.title, section.blocks.length])).toEqual([['Exclusive: Iran ready to discuss enrichment cap, officials say', 4], ['What comes next', 2]]);
    expect(firstExcerpt(buildEngine([document]).answer('summary').answer)).toMatch(/^DUBAI, June 3 \(Desk\) - Iran is ready to discuss a cap/);
  });
});
