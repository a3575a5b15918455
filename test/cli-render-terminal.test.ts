import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../adapters/cli/render-terminal.js';
import { renderTextTable } from '../adapters/cli/text-table.js';
import { textWidth, wrapText } from '../adapters/cli/text-width.js';
import { AnswerSchema, type Answer } from '../src/index.js';

const REF = { documentId: 'doc', documentTitle: 'Talks in Ruritania', sectionId: 'mediation', sectionTitle: 'The Role of the Mediator' };

function answer(fields: Partial<Answer> & Pick<Answer, 'kind'>): Answer {
  return AnswerSchema.parse({ query: 'q', text: '', citations: [], ...fields });
}

/** The display column where `cell` starts on `line`. */
function columnOf(line: string, cell: string): number {
  const index = line.indexOf(cell);
  expect(index, `${cell} in ${line}`).toBeGreaterThanOrEqual(0);
  return textWidth(line.slice(0, index));
}

describe('renderTextTable', () => {
  it('aligns columns by display width, with wide characters, emoji and combining marks', () => {
    const columns = ['Aspect', '東京の立場', 'Other side'];
    const rows = [
      ['De‑escalation', '段階的な緩和', 'Cautious measures'],
      ['Café talks ☕', 'x', 'Reduction of provocative actions'],
      ['e\u0301clair', '漢字', 'y'],
    ];
    const lines = renderTextTable(columns, rows);
    expect(lines).toHaveLength(5);
    for (let column = 1; column < 3; column++) {
      const starts = [columnOf(lines[0]!, columns[column]!), ...rows.map((row, index) => columnOf(lines[index + 2]!, row[column]!))];
      expect(new Set(starts).size, `column ${column}: ${starts.join(',')}`).toBe(1);
    }
    // The rule under the header is as wide as each column.
    expect(lines[1]!.split('  ').map((dashes) => dashes.length)).toEqual([textWidth('De‑escalation'), textWidth('段階的な緩和'), textWidth('Reduction of provocative actions')]);
  });

  it('pads short rows and keeps extra cells', () => {
    const lines = renderTextTable(['A', 'B'], [['1'], ['1', '2', '3']]);
    expect(lines[0]).toMatch(/^A\s+B$/);
    expect(lines[3]).toMatch(/^1\s+2\s+3$/);
  });

  it('wraps the widest columns to fit a width, keeping alignment', () => {
    const long = 'Active engagement and cautious measures, with a long tail of further words';
    const lines = renderTextTable(['Aspect', 'Position'], [['Security', long], ['Trade', 'Open']], { maxWidth: 40 });
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(40);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('Active engagement');
    const positionColumn = columnOf(lines[0]!, 'Position');
    expect(columnOf(lines[2]!, 'Active')).toBe(positionColumn);
  });

  it('returns nothing for a table with no columns and no rows', () => {
    expect(renderTextTable([], [])).toEqual([]);
  });
});

describe('wrapText', () => {
  it('never exceeds the width and loses no word', () => {
    const text = 'In a historic turn of events, delegates met in 東京都 to forge a path toward de‑escalation 😀 today';
    const lines = wrapText(text, 12);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(12);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(lines).toContain('de‑escalatio');
  });

  it('splits a word longer than the line between graphemes', () => {
    const lines = wrapText('a'.repeat(25), 10);
    expect(lines).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
  });
});

describe('renderTerminal', () => {
  it('quotes excerpts and cites document › section', () => {
    const text = renderTerminal(
      answer({
        kind: 'answer',
        text: 'ignored when there are citations',
        citations: [
          { ...REF, excerpt: 'The mediator arranged secure venues.', matched: ['mediator'] },
          { ...REF, sectionId: 'bg', sectionTitle: 'Background', excerpt: 'Line one\n- item two' , matched: [] },
        ],
      }),
    );
    expect(text).toContain('> The mediator arranged secure venues.\n  — Talks in Ruritania › The Role of the Mediator');
    expect(text).toContain('> Line one\n> - item two\n  — Talks in Ruritania › Background');
    expect(text.indexOf('secure venues')).toBeLessThan(text.indexOf('Line one'));
  });

  it('gives consecutive excerpts of one section a single source line', () => {
    const text = renderTerminal(
      answer({
        kind: 'section',
        citations: [
          { ...REF, excerpt: 'First.', matched: [] },
          { ...REF, excerpt: 'Second.', matched: [] },
          { ...REF, sectionId: 'other', sectionTitle: 'Other', excerpt: 'Third.', matched: [] },
        ],
        related: [{ ...REF, sectionId: 'x', sectionTitle: 'Mediators elsewhere' }],
      }),
    );
    expect(text).toBe(
      '> First.\n>\n> Second.\n  — Talks in Ruritania › The Role of the Mediator\n\n> Third.\n  — Talks in Ruritania › Other\n\nOther sections it could mean:\n  - Talks in Ruritania › Mediators elsewhere',
    );
  });

  it('renders positions as an aligned table with its source', () => {
    const text = renderTerminal(
      answer({
        kind: 'positions',
        text: 'plain',
        table: { ...REF, tableId: 't1', columns: ['Issue', 'North', 'South'], rows: [['Quotas', 'By tonnage', 'By season'], ['Patrols', 'Joint', 'Home']] },
      }),
    );
    const lines = text.split('\n');
    expect(columnOf(lines[0]!, 'South')).toBe(columnOf(lines[2]!, 'By season'));
    expect(columnOf(lines[0]!, 'South')).toBe(columnOf(lines[3]!, 'Home'));
    expect(text).toContain('— Talks in Ruritania › The Role of the Mediator');
  });

  it('offers possibly related sections for not_found', () => {
    const text = renderTerminal(answer({ kind: 'not_found', text: "The articles don't cover that.", related: [REF, { ...REF, sectionTitle: 'Background' }] }));
    expect(text).toContain("The articles don't cover that.");
    expect(text).toContain('Possibly related:\n  - Talks in Ruritania › The Role of the Mediator\n  - Talks in Ruritania › Background');
  });

  it('does not repeat related sections or notices the text already gives', () => {
    const text = "The articles don't cover that.\nPossibly related:\n  • Talks in Ruritania › Background";
    const rendered = renderTerminal(answer({ kind: 'not_found', text, notices: ["The articles don't cover that.", 'Query was cut.'], related: [{ ...REF, sectionTitle: 'Background' }, REF] }));
    expect(rendered.match(/Background/g)).toHaveLength(1);
    expect(rendered.match(/don't cover/g)).toHaveLength(1);
    expect(rendered).toContain('  - Talks in Ruritania › The Role of the Mediator');
    expect(rendered).toContain('Note: Query was cut.');
  });

  it('lists sections per document, and help examples the text lacks', () => {
    const sections = renderTerminal(answer({ kind: 'sections', text: 'x', outlines: [{ documentId: 'doc', documentTitle: 'Talks in Ruritania', sections: [{ sectionId: 'a', sectionTitle: 'Opening' }, { sectionId: 'b', sectionTitle: 'Close' }], tables: [] }] }));
    expect(sections).toBe('Talks in Ruritania\n  1. Opening\n  2. Close');
    const help = renderTerminal(answer({ kind: 'help', text: 'Ask me things, e.g. positions', examples: ['positions', 'what did the mediator do'] }));
    expect(help).toContain('Ask me things');
    expect(help).toContain('  what did the mediator do');
    expect(help.match(/positions/g)).toHaveLength(1);
  });

  it('shows notices and the resolved follow-up', () => {
    const text = renderTerminal(answer({ kind: 'answer', query: 'and the south?', resolvedQuery: 'South on quotas', text: 'plain', notices: ['Your question was cut to 500 characters.'] }));
    expect(text.startsWith('(answering: South on quotas)')).toBe(true);
    expect(text.endsWith('Note: Your question was cut to 500 characters.')).toBe(true);
  });

  it('drops control characters so nothing printed can drive the terminal', () => {
    const text = renderTerminal(answer({ kind: 'answer', query: 'x\u001b[2J', resolvedQuery: 'y\u0007', citations: [{ ...REF, excerpt: 'Safe\u001b[31m red\u009b text', matched: [] }] }));
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u);
    expect(text).toContain('> Safe[31m red text');
  });

  it('does not crash on empty answers of any kind', () => {
    for (const kind of ['answer', 'positions', 'section', 'sections', 'help', 'not_found', 'rate_limited'] as const) {
      expect(typeof renderTerminal(answer({ kind }))).toBe('string');
      expect(typeof renderTerminal(answer({ kind }), { width: 30 })).toBe('string');
    }
    const emptyTable = renderTerminal(answer({ kind: 'positions', table: { ...REF, tableId: 't1', columns: [], rows: [] } }));
    expect(emptyTable).toContain('(the table is empty)');
  });

  it('fits excerpts to the terminal width', () => {
    const excerpt = 'Oman has long played the role of mediator in regional conflicts, thereby now offering its good offices to facilitate dialogue.';
    const text = renderTerminal(answer({ kind: 'answer', citations: [{ ...REF, excerpt, matched: [] }] }), { width: 40 });
    for (const line of text.split('\n')) expect(textWidth(line)).toBeLessThanOrEqual(40);
    expect(text.split('\n').filter((line) => line.startsWith('> ')).length).toBeGreaterThan(2);
  });
});
