import { describe, expect, it } from 'vitest';
import { ACTION_SHARE } from '../../adapters/slack/action-ids.js';
import { renderSlackAnswer, type SlackBlock } from '../../adapters/slack/render-blocks.js';
import { makeAnswer, prose, SOURCE, table } from './answer-fixtures.js';
import { blockTexts } from './message-inspect.js';
import { checkSlackMessage } from './slack-message-rules.js';

/** Every piece of mrkdwn/plain text in a message. */
const texts = (blocks: SlackBlock[]): string[] => blockTexts(blocks);

/** Undo our escaping and quoting, to compare rendered text with the source words. */
function plain(mrkdwn: string): string {
  return mrkdwn.replace(/^> ?/gm, '').replace(/\*/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('renderSlackAnswer', () => {
  it('quotes each excerpt verbatim with its citation, link and date, and bolds matched words only as whole words', () => {
    const answer = makeAnswer({
      kind: 'answer',
      query: 'what about sanctions',
      text: 'plain',
      citations: [{ ...SOURCE, excerpt: 'Sanctions relief was discussed; unsanctioned trade was not.', matched: ['Sanctions'] }],
    });
    const { blocks } = renderSlackAnswer(answer);
    const all = texts(blocks).join('\n');
    expect(all).toContain('> *Sanctions* relief was discussed; unsanctioned trade was not.');
    expect(all).toContain('*Talks resume in Geneva* › Where things stand');
    expect(all).toContain('<https://news.example.org/2026/talks?id=1&amp;ref=desk|article>');
    expect(all).toContain('as of 2026-11-20');
    expect(checkSlackMessage(renderSlackAnswer(answer))).toEqual([]);
  });

  it('escapes everything from the article and the user, so nothing pings or links', () => {
    const hostile = 'Hey <!channel> and <!here|here> and <@U123> see <https://evil.example|click> & @here @everyone';
    const answer = makeAnswer({
      kind: 'answer',
      query: `<!channel> ${hostile}`,
      resolvedQuery: '<@U999> resolved',
      text: hostile,
      citations: [{ ...SOURCE, documentTitle: '<!everyone> title', sectionTitle: '<#C1> section', excerpt: hostile, matched: ['<!channel>'] }],
      notices: ['<!channel> notice'],
      related: [{ documentId: 'd', documentTitle: '<@U1>', sectionId: 's', sectionTitle: '<!subteam^S1>' }],
    });
    for (const options of [{}, { echoQuery: true }, { echoQuery: true, shareValue: 'q:x' }]) {
      const message = renderSlackAnswer(answer, options);
      for (const text of [...texts(message.blocks), message.text]) {
        // Only our own link may use angle brackets; nothing from the input does.
        const brackets = text.match(/<[^>]*>/g) ?? [];
        for (const bracket of brackets) expect(bracket).toMatch(/^<https:\/\/news\.example\.org\//);
      }
      const joined = texts(message.blocks).join('\n');
      expect(joined).toContain('&lt;!channel&gt;');
      expect(joined).toContain('&lt;@U123&gt;');
      expect(message.text).toContain('&lt;!channel&gt;');
    }
  });

  it('gives consecutive excerpts of one section a single citation line, as separate quotes', () => {
    const other = { ...SOURCE, sectionId: 'sec-2', sectionTitle: 'Next steps' };
    const answer = makeAnswer({
      kind: 'answer',
      citations: [
        { ...SOURCE, excerpt: 'First passage.', matched: [] },
        { ...SOURCE, excerpt: 'Second passage.', matched: [] },
        { ...other, excerpt: 'Third passage.', matched: [] },
        { ...SOURCE, excerpt: 'Fourth passage.', matched: [] },
      ],
    });
    const { blocks } = renderSlackAnswer(answer);
    const lines = blocks.filter((block) => block.type === 'context').flatMap((block) => texts([block]));
    expect(lines.filter((line) => line.includes('Where things stand'))).toHaveLength(2);
    expect(lines.filter((line) => line.includes('Next steps'))).toHaveLength(1);
    expect(texts(blocks).join('\n')).toContain('> First passage.\n\n> Second passage.');
  });

  it('links only http(s) article URLs and keeps | and > from ending the link early', () => {
    const bad = makeAnswer({ kind: 'answer', citations: [{ ...SOURCE, url: 'javascript:alert(1)', excerpt: 'x', matched: [] }] });
    expect(texts(renderSlackAnswer(bad).blocks).join('\n')).not.toContain('javascript');
    const odd = makeAnswer({ kind: 'answer', citations: [{ ...SOURCE, url: 'https://x.example/a|b>c', excerpt: 'x', matched: [] }] });
    const line = texts(renderSlackAnswer(odd).blocks).join('\n');
    expect(line).toContain('<https://x.example/a%7Cb%3Ec|article>');
  });

  it('splits a long excerpt into sections under 3,000 characters, at word boundaries, losing nothing', () => {
    const excerpt = prose(1000);
    const answer = makeAnswer({ kind: 'answer', citations: [{ ...SOURCE, excerpt, matched: ['sanctions'] }] });
    const message = renderSlackAnswer(answer);
    const sections = message.blocks.filter((block) => block.type === 'section');
    expect(sections.length).toBeGreaterThanOrEqual(3);
    const pieces = sections.map((block) => (block.text as { text: string }).text);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(3000);
    // Every piece is whole words: rejoined, the words are the excerpt's words in order.
    expect(words(pieces.map(plain).join(' '))).toEqual(words(excerpt));
    expect(checkSlackMessage(message)).toEqual([]);
  });

  it('stays within 50 blocks and the text budget with many excerpts, and says what it cut', () => {
    const citations = Array.from({ length: 80 }, (_, index) => ({ ...SOURCE, sectionId: `s${index}`, excerpt: prose(60, index), matched: [] }));
    const message = renderSlackAnswer(makeAnswer({ kind: 'answer', citations, actions: [{ kind: 'more', label: 'More from this section', token: 'm:1' }] }), {
      shareValue: 'q:x',
    });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(message.truncated).toBe(true);
    expect(texts(message.blocks).join('\n')).toMatch(/\d+ more excerpts not shown/);
    // The buttons survive the cut.
    expect(message.blocks.at(-1)?.type).toBe('actions');
    expect(checkSlackMessage(message)).toEqual([]);
  });

  it('shortens one giant excerpt passage by passage and keeps its citation', () => {
    const message = renderSlackAnswer(makeAnswer({ kind: 'answer', citations: [{ ...SOURCE, excerpt: prose(6000), matched: [] }] }));
    expect(message.truncated).toBe(true);
    expect(texts(message.blocks).join('\n')).toContain('the last excerpt is shortened');
    expect(texts(message.blocks).join('\n')).toContain('Where things stand');
    expect(checkSlackMessage(message)).toEqual([]);
  });

  it('renders a positions table as one table block with the header and every cell intact', () => {
    const t = table(3, 4, (r, c) => (r === 1 && c === 2 ? 'Confidence‑building <b>&</b> initiatives' : `cell ${r}/${c}`));
    const message = renderSlackAnswer(makeAnswer({ kind: 'positions', table: t, text: 'a | b' }));
    const tables = message.blocks.filter((block) => block.type === 'table');
    expect(tables).toHaveLength(1);
    const rows = (tables[0]?.rows as { type: string; text: string }[][]).map((row) => row.map((cell) => cell.text));
    expect(rows[0]).toEqual(t.columns);
    expect(rows.slice(1)).toEqual(t.rows);
    expect(JSON.stringify(message.blocks)).not.toContain('| ');
    expect(checkSlackMessage(message)).toEqual([]);
  });

  it('falls back to fields for a table too wide for the table block, and to fields when asked', () => {
    const wide = table(24, 3);
    for (const [t, options] of [
      [wide, {}],
      [table(3, 4), { tableStyle: 'fields' as const }],
    ] as const) {
      const message = renderSlackAnswer(makeAnswer({ kind: 'positions', table: t }), options);
      expect(message.blocks.some((block) => block.type === 'table')).toBe(false);
      const all = texts(message.blocks).join('\n');
      for (const row of t.rows) for (const cell of row) expect(all).toContain(cell);
      for (const block of message.blocks) {
        if (Array.isArray(block.fields)) expect(block.fields.length).toBeLessThanOrEqual(10);
      }
      expect(checkSlackMessage(message)).toEqual([]);
    }
  });

  it('cuts a table too long for one message at a row boundary and says how many rows are missing', () => {
    const long = table(4, 160);
    const message = renderSlackAnswer(
      makeAnswer({ kind: 'positions', table: long, notices: ['The query was cut.'], actions: [{ kind: 'more', label: 'More', token: 'm:1' }] }),
      { shareValue: 'q:positions', echoQuery: true },
    );
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(message.truncated).toBe(true);
    const all = texts(message.blocks).join('\n');
    expect(all).toMatch(/\d+ of 160 table rows not shown/);
    expect(checkSlackMessage(message)).toEqual([]);
    // Rows shown are whole: a row's first cell appears only with all its other cells.
    for (const row of long.rows) {
      if (all.includes(`*${row[0]}*`)) for (const cell of row) expect(all).toContain(cell);
    }
  });

  it('renders buttons for the core actions and Share, with unique action ids and the tokens as values', () => {
    const answer = makeAnswer({
      kind: 'section',
      citations: [{ ...SOURCE, excerpt: 'x', matched: [] }],
      actions: [
        { kind: 'more', label: 'More from this section', token: 'more:doc-1:sec-1:2' },
        { kind: 'positions', label: 'Show positions', token: 'positions:doc-1:t1' },
      ],
    });
    const message = renderSlackAnswer(answer, { shareValue: 'q:oman' });
    const actions = message.blocks.find((block) => block.type === 'actions');
    const elements = actions?.elements as { action_id: string; value: string }[];
    expect(elements.map((element) => element.value)).toEqual(['more:doc-1:sec-1:2', 'positions:doc-1:t1', 'q:oman']);
    expect(new Set(elements.map((element) => element.action_id)).size).toBe(3);
    expect(elements.at(-1)?.action_id).toBe(ACTION_SHARE);
    expect(renderSlackAnswer(answer).blocks.find((block) => block.type === 'actions')?.elements).toHaveLength(2);
  });

  it('renders a rate-limited answer as one short line without a Share button', () => {
    const message = renderSlackAnswer(makeAnswer({ kind: 'rate_limited', text: 'Easy there: try again in 5 seconds.' }), { shareValue: 'q:x', echoQuery: true });
    expect(message.blocks.filter((block) => block.type === 'section')).toHaveLength(1);
    expect(message.blocks.some((block) => block.type === 'actions')).toBe(false);
    expect(message.text).toContain('try again');
  });

  it('lists sections, examples and related sections within the limits', () => {
    const outlines = Array.from({ length: 3 }, (_, d) => ({
      documentId: `d${d}`,
      documentTitle: `Document ${d}`,
      sections: Array.from({ length: 400 }, (_, s) => ({ sectionId: `s${s}`, sectionTitle: `Section number ${s} of document ${d}` })),
      tables: [{ tableId: 't1', sectionTitle: 'Positions', columns: ['Aspect', 'A', 'B'] }],
    }));
    for (const answer of [
      makeAnswer({ kind: 'sections', outlines }),
      makeAnswer({ kind: 'help', text: 'Ask me about the articles.', examples: ['positions', 'sections', 'who mediated'] }),
      makeAnswer({ kind: 'not_found', text: "The articles don't cover that.", related: [{ documentId: 'd', documentTitle: 'D', sectionId: 's', sectionTitle: 'S' }] }),
    ]) {
      const message = renderSlackAnswer(answer);
      expect(checkSlackMessage(message)).toEqual([]);
      expect(message.blocks.length).toBeGreaterThan(0);
    }
    const sections = renderSlackAnswer(makeAnswer({ kind: 'sections', outlines }));
    expect(sections.truncated).toBe(true);
    expect(texts(sections.blocks).join('\n')).toContain('Section number 0 of document 0');
  });

  it('keeps the fallback text under 4,000 characters, cut at a word, escaped', () => {
    const message = renderSlackAnswer(makeAnswer({ kind: 'answer', text: `<!here> ${prose(3000)}`, citations: [{ ...SOURCE, excerpt: 'x', matched: [] }] }));
    expect(message.text.length).toBeLessThanOrEqual(4000);
    expect(message.text.startsWith('&lt;!here&gt;')).toBe(true);
    expect(message.text.endsWith('…')).toBe(true);
  });
});
