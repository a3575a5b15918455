/**
 * Golden ranking tests on the shipped article: each names the expected top section and the words the
 * first excerpt must hold (questions from eval/questions/us-iran-oman-talks.tune.jsonl), plus the positions
 * table read from the article itself, hyphen folding, hostile input and determinism.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema, buildEngine, loadContent, type Answer, type Engine, type ParsedDocument } from '../src/index.js';

const CONTENT_DIR = resolve(import.meta.dirname, '..', 'content');
const ARTICLE_FILE = 'us-iran-oman-talks.txt';

/** Case-insensitive, with Unicode hyphens folded, so `de-escalation` finds `de‑escalation` (U+2011). */
function fold(text: string): string {
  return text.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[\u2018\u2019]/g, "'").toLowerCase();
}

let documents: ParsedDocument[];
let engine: Engine;

beforeAll(async () => {
  const loaded = await loadContent(CONTENT_DIR);
  // Only the shipped article, so articles added to content/ later do not change these rankings.
  documents = loaded.documents.filter((document) => document.fileName === ARTICLE_FILE);
  expect(documents).toHaveLength(1);
  engine = buildEngine(documents);
});

function ask(query: string, state?: Parameters<Engine['answer']>[1]) {
  return engine.answer(query, state);
}

function expectTop(answer: Answer, sectionTitle: string, words: string): void {
  expect(answer.kind, `kind for "${answer.query}"`).not.toBe('not_found');
  const first = answer.citations[0];
  expect(first?.sectionTitle, `top section for "${answer.query}"`).toBe(sectionTitle);
  expect(fold(first?.excerpt ?? ''), `top excerpt for "${answer.query}"`).toContain(fold(words));
}

describe('golden queries: top section and excerpt', () => {
  const cases: Array<[query: string, section: string, words: string]> = [
    ['what did omani officials do', 'The Role of Oman in Mediation', 'coordinated logistics, arranged secure venues'],
    ['any talk of temporary ceasefires', 'Challenges and Opportunities Ahead', 'temporary ceasefires and humanitarian projects'],
    ['why did previous attempts at peace falter', 'Background of Regional Tensions', 'previous attempts at peace have faltered'],
    ['what does overcoming years of conflict require', 'Conclusion: Steps Toward Lasting Peace', 'dedication, adaptability, and sincere commitment'],
    ['omans mediaton', 'The Role of Oman in Mediation', 'played the role of mediator'],
    ['demilitarzed zones', 'Key Negotiation Points', 'establishing demilitarized zones'],
    ['what does iran want on security guarantees', 'Perspectives from Both Sides', 'Confidence-building initiatives'],
    ['us stance on regional stability', 'Perspectives from Both Sides', 'Strengthening alliances'],
    // "What did X say" quotes X speaking, not the section whose title holds X's word.
    ['what did the mediators say', 'Regional Implications and Future Scenarios', 'As mediators articulate'],
    ['what did iranian representatives say', 'Perspectives from Both Sides', 'Iranian representatives conveyed'],
  ];
  // Known gap, kept visible: "Tehran" reaches "Iran" through WordNet, but the answer the desk wants says
  // "Iranian representatives…", and the Conclusion's "Iran … requires" outranks it. Fails loudly once fixed.
  it.fails('"what does tehran want" → Perspectives from Both Sides (known gap)', () => {
    expectTop(ask('what does tehran want').answer, 'Perspectives from Both Sides', 'maintaining regional influence');
  });
  for (const [query, section, words] of cases) {
    it(`"${query}" → ${section}`, () => {
      expectTop(ask(query).answer, section, words);
    });
  }

  it('"oman" is that section, opening passage first', () => {
    const { answer } = ask('oman');
    expect(answer.kind).toBe('section');
    expectTop(answer, 'The Role of Oman in Mediation', 'Oman has long played the role of mediator');
  });

  it('"background" is that section, opening passage first', () => {
    const { answer } = ask('background');
    expect(answer.kind).toBe('section');
    expectTop(answer, 'Background of Regional Tensions', 'Historically, the Middle East has experienced instability');
  });

  it('a whole section title, as the autocomplete offers it, is that section even past three words', () => {
    const { answer } = ask('Regional Implications and Future Scenarios');
    expect(answer.kind).toBe('section');
    expectTop(answer, 'Regional Implications and Future Scenarios', 'The ongoing negotiations evoke significant implications');
    // A title's words plus one it lacks stay a question.
    expect(ask('regional implications future scenarios for oman').answer.kind).toBe('answer');
  });

  it('"and iran?" after the US on security guarantees gives the other side of the same row', () => {
    const first = ask('what does the us want on security guarantees');
    expectTop(first.answer, 'Perspectives from Both Sides', 'Clear and defined measures');
    const second = ask('and iran?', first.state);
    expectTop(second.answer, 'Perspectives from Both Sides', 'Confidence-building initiatives');
  });

  // "what did israel say": Israel is named, but never speaks; "how many negotiators": a title word, no count.
  for (const query of ['how many centrifuges', 'what did saudi arabia say', 'how many delegates attended', 'what did israel say', 'how many negotiators were there']) {
    it(`"${query}" is not_found, with at most two possibly related sections`, () => {
      const { answer } = ask(query);
      expect(answer.kind).toBe('not_found');
      expect(answer.citations).toEqual([]);
      expect(answer.related.length).toBeLessThanOrEqual(2);
    });
  }

  it('"how many delegates attended" (every word in the article, no count in it) still offers nearby sections', () => {
    const { answer } = ask('how many delegates attended');
    expect(answer.kind).toBe('not_found');
    expect(answer.related.length).toBeGreaterThan(0);
  });
});

/** The article's pipe tables, read from its lines: header, `---|---` separator, rows. */
function readPipeTables(text: string): Array<{ columns: string[]; rows: string[][] }> {
  const cells = (line: string) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
  const isSeparator = (line: string) => /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);
  const lines = text.split(/\r?\n/);
  const tables: Array<{ columns: string[]; rows: string[][] }> = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.includes('|') || !isSeparator(lines[i + 1] ?? '')) continue;
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && (lines[j] ?? '').includes('|'); j++) rows.push(cells(lines[j] ?? ''));
    tables.push({ columns: cells(line), rows });
    i = j - 1;
  }
  return tables;
}

describe('positions', () => {
  for (const query of ['positions', 'compare the positions', 'side by side']) {
    it(`"${query}" returns the article's table, cells exactly as written`, async () => {
      const text = await readFile(join(CONTENT_DIR, ARTICLE_FILE), 'utf8');
      const [expected] = readPipeTables(text);
      expect(expected).toBeDefined();
      const { answer } = ask(query);
      expect(answer.kind).toBe('positions');
      expect(answer.table?.columns).toEqual(expected?.columns);
      expect(answer.table?.rows).toEqual(expected?.rows);
      // The table is cited where it sits in the article.
      const holder = documents[0]?.sections.find((section) => section.blocks.some((block) => block.type === 'table'));
      expect(answer.table?.sectionTitle).toBe(holder?.title);
    });
  }

  it.each(['us vs iran', 'iran versus us', 'us v. iran', 'compare the us and iran'])('"%s" (two parties, no row) is the whole table', (query) => {
    const { answer } = ask(query);
    expect(answer.kind).toBe('positions');
    expect(answer.table?.rows).toEqual(ask('positions').answer.table?.rows);
  });

  it.each([
    ['usa position', 'US Position: Active engagement and cautious measures'],
    ["america's stance", 'US Position: Active engagement and cautious measures'],
    ['tehran position', 'Iran Position: Reduction of provocative actions'],
  ])('"%s": another name of a party names its column, its cells first', (query, first) => {
    const { answer } = ask(query);
    expect(answer.citations[0]?.sectionTitle).toBe('Perspectives from Both Sides');
    expect(answer.citations[0]?.excerpt.startsWith(first)).toBe(true);
  });

  it('"american view": a word the article uses itself ("American officials") is answered from the prose', () => {
    expect(ask('american view').answer.citations[0]?.excerpt).toContain('American officials stressed');
  });

  it('"positions 2" in an article with one table: that table, and a notice saying there is one', () => {
    const { answer } = ask('positions 2');
    expect(answer.kind).toBe('positions');
    expect(answer.table?.rows).toEqual(ask('positions').answer.table?.rows);
    expect(answer.notices.join(' ')).toContain('has one table, not 2');
  });
});

describe('hyphen folding (U+2011)', () => {
  it('de-escalation, deescalation and de\u2011escalation all match, and the excerpt keeps U+2011', () => {
    const answers = ['de-escalation measures', 'deescalation measures', 'de\u2011escalation measures'].map((query) => ask(query).answer);
    for (const answer of answers) {
      expect(answer.kind, answer.query).not.toBe('not_found');
      const excerpt = answer.citations[0]?.excerpt ?? '';
      expect(excerpt, answer.query).toMatch(/de\u2011escalation/i);
      expect(excerpt, answer.query).not.toMatch(/de-escalation/i);
    }
    const tops = answers.map((answer) => [answer.citations[0]?.sectionId, answer.citations[0]?.excerpt]);
    expect(tops[1]).toEqual(tops[0]);
    expect(tops[2]).toEqual(tops[0]);
  });
});

describe('hostile input', () => {
  const hostile: Array<[label: string, query: string]> = [
    ['empty', ''],
    ['whitespace', ' \t\n  \r\n '],
    ['emoji', '🕊️ oman 🇴🇲 talks 🤝'],
    ['control characters', '\u0000\u0007oman\u001b[31m\u0008 mediation\u007f'],
    ['regex characters', '(.*+?[ ^$ {2,} \\ | ]) oman'],
    ['other scripts', 'ما هو موقف إيران 伊朗的立场 позиция Ирана'],
    ['bidi and zero-width', '\u202Eoman\u200B\u200D mediation\u2066'],
    ['lone surrogate', 'oman \uD800 talks'],
  ];
  for (const [label, query] of hostile) {
    it(`${label}: never throws, valid Answer`, () => {
      const { answer } = ask(query);
      expect(AnswerSchema.safeParse(answer).success).toBe(true);
    });
  }

  it('10,000 characters: answered, with a notice that the query was cut', () => {
    const long = 'what did oman do for the talks '.repeat(330).slice(0, 10_000);
    expect(long).toHaveLength(10_000);
    const { answer } = ask(long);
    expect(AnswerSchema.safeParse(answer).success).toBe(true);
    expect(answer.notices.length).toBeGreaterThan(0);
    expect(ask('what did oman do for the talks').answer.notices).not.toEqual(answer.notices);
  });
});

describe('determinism', () => {
  it('the same query twice, and on a second engine from the same content, gives the same answer', () => {
    // The Answer, not the conversation state: the state may carry a last-used time for expiry.
    for (const query of ['what does tehran want', 'positions', 'and iran?', 'how many centrifuges', 'oman', 'omans mediaton']) {
      const once = ask(query).answer;
      expect(ask(query).answer).toEqual(once);
      expect(buildEngine(documents).answer(query).answer).toEqual(once);
    }
  });
});
