/**
 * The pure renderer (Answer → Discord payloads): within every limit for every eval question and for
 * hostile, oversized answers; excerpts and cells verbatim; cuts announced. Checked twice: by the adapter's
 * own findLimitProblems and by the fake server's independent reading of Discord's rules.
 */
import { describe, expect, test } from 'vitest';
import { AnswerSchema, buildEngine, type Answer, type ConversationState } from '../../src/index.js';
import { renderAnswerMessages } from '../../adapters/discord/render-message.js';
import { findLimitProblems } from '../../adapters/discord/payload-limits.js';
import { renderChoices } from '../../adapters/discord/command-definition.js';
import { escapeMarkdown, escapeUserText, splitText, unescapeMarkdown } from '../../adapters/discord/discord-text.js';
import type { DiscordMessagePayload } from '../../adapters/discord/discord-payload.js';
import { EVAL_SETS } from '../../eval/eval-sets.js';
import { loadSetDocuments, readQuestionSet } from '../../eval/run-eval-set.js';
import { invalidFormBody } from './fake-discord-rules.js';
import { plain, visibleText } from './discord-text-of.js';

/** The payload as discord.js sends it (allowedMentions → allowed_mentions), checked by the fake's rules. */
function discordRejects(message: DiscordMessagePayload): string[] {
  return invalidFormBody({ content: message.content, embeds: message.embeds, components: message.components, allowed_mentions: { parse: [] } });
}

function expectWithinLimits(messages: DiscordMessagePayload[], label: string): void {
  expect(messages.length, label).toBeGreaterThan(0);
  for (const message of messages) {
    expect(findLimitProblems(message), label).toEqual([]);
    expect(discordRejects(message), label).toEqual([]);
    expect(message.allowedMentions, label).toEqual({ parse: [] });
  }
}

const allText = (messages: DiscordMessagePayload[]) => messages.map((message) => visibleText({ content: message.content ?? '', embeds: message.embeds })).join('\n');

function answer(partial: Partial<Answer> & Pick<Answer, 'kind'>): Answer {
  return AnswerSchema.parse({ query: 'q', text: '', citations: [], ...partial });
}

const ref = (section: number) => ({
  documentId: 'doc',
  documentTitle: 'A very long document title about talks '.repeat(3),
  sectionId: `s${section}`,
  sectionTitle: `Section ${section} `.repeat(10),
});

describe('every eval question', () => {
  test('renders within Discord’s limits, for each eval set, with thread follow-ups in context', async () => {
    let rendered = 0;
    for (const definition of EVAL_SETS) {
      const { documents } = await loadSetDocuments(definition);
      const engine = buildEngine(documents);
      const states = new Map<string, ConversationState>();
      for (const split of ['tune', 'heldout'] as const) {
        for (const question of await readQuestionSet(definition.name, split)) {
          const turn = engine.answer(question.q, question.thread ? states.get(question.thread) : undefined);
          if (question.thread) states.set(question.thread, turn.state);
          for (const options of [{ echoQuery: true }, { echoQuery: false }, { textOnly: true }]) {
            expectWithinLimits(renderAnswerMessages(turn.answer, options), `${definition.name}: ${question.q}`);
          }
          for (const action of turn.answer.actions) expectWithinLimits(renderAnswerMessages(engine.runAction(action.token)), `action ${action.token}`);
          rendered += 1;
        }
      }
      for (const keyword of engine.suggest('', 100)) expectWithinLimits(renderAnswerMessages(engine.answer(keyword).answer), keyword);
      expect(renderChoices(engine.suggest('', 100)).length).toBeLessThanOrEqual(25);
    }
    expect(rendered).toBeGreaterThanOrEqual(60);
  });
});

describe('long and hostile answers', () => {
  test('a 20,000-character excerpt is split at sentence boundaries over embeds and messages, and the cut is announced', () => {
    const sentence = 'The delegations met again in Muscat and agreed to keep talking. ';
    const excerpt = sentence.repeat(320).trim();
    const messages = renderAnswerMessages(answer({ kind: 'answer', citations: [{ ...ref(1), excerpt, matched: ['Muscat'] }] }));
    expectWithinLimits(messages, 'long excerpt');
    const descriptions = messages.flatMap((message) => message.embeds.map((embed) => embed.description ?? ''));
    expect(descriptions.length).toBeGreaterThan(1);
    for (const description of descriptions) expect(plain(description).trim().endsWith('talking.')).toBe(true);
    const shown = plain(descriptions.join(' ')).replace(/\s+/g, ' ');
    if (shown.length < excerpt.length) expect(messages[messages.length - 1]!.content).toMatch(/cut/i);
    else expect(shown).toContain(excerpt);
  });

  test('a 60-row table with long cells keeps every cell it shows verbatim, splits between rows, says what was cut', () => {
    const columns = ['Issue', 'Country A position', 'Country B position', 'Mediator note'];
    const rows = Array.from({ length: 60 }, (_, row) => [`Issue ${row + 1}`, `A says ${'x'.repeat(300)} ${row}`, `B *says* _${row}_ <@123>`, `note ${row}`]);
    const table = { ...ref(2), tableId: 't1', columns, rows };
    const messages = renderAnswerMessages(answer({ kind: 'positions', table }));
    expectWithinLimits(messages, 'big table');
    const shown = allText(messages);
    const shownRows = rows.filter((row) => shown.includes(row[0]! + '\n'));
    expect(shownRows.length).toBeGreaterThan(5);
    for (const row of shownRows) for (const cell of row) expect(shown).toContain(cell);
    if (shownRows.length < rows.length) expect(messages[messages.length - 1]!.content).toMatch(/cut/i);
  });

  test('a narrow table is an aligned code block', () => {
    const table = { ...ref(3), tableId: 't1', columns: ['Side', 'Wants'], rows: [['A', 'Peace'], ['B', 'Trade']] };
    const [message] = renderAnswerMessages(answer({ kind: 'positions', table }));
    expect(message!.embeds[0]!.description).toMatch(/^```\nSide \| Wants\n-+-\+-+\nA +\| Peace\nB +\| Trade\n```$/);
  });

  test('40 citations, 300 sections and 40 buttons stay within limits', () => {
    const citations = Array.from({ length: 40 }, (_, index) => ({ ...ref(index), excerpt: `Passage ${index}. `.repeat(150), matched: [] }));
    const outlines = [{ documentId: 'd', documentTitle: 'Doc', sections: Array.from({ length: 300 }, (_, index) => ({ sectionId: `s${index}`, sectionTitle: `Section number ${index} `.repeat(4) })), tables: [] }];
    const actions = Array.from({ length: 40 }, (_, index) => ({ kind: 'more' as const, label: `More ${index} `.repeat(20), token: `t${index % 30}`.padEnd(90, 'x') }));
    for (const kind of ['answer', 'section', 'sections', 'help', 'not_found', 'rate_limited', 'positions'] as const) {
      const messages = renderAnswerMessages(
        answer({ kind, citations, outlines, actions, related: citations.slice(0, 30), examples: ['positions', 'x'.repeat(5000)], notices: ['query was cut', 'n'.repeat(3000)], text: 't'.repeat(9000) }),
        { echoQuery: true },
      );
      expectWithinLimits(messages, kind);
      expectWithinLimits(renderAnswerMessages(answer({ kind, citations, text: 'line\n'.repeat(4000) }), { textOnly: true }), `${kind} text only`);
    }
  });

  test('Markdown and mentions in excerpts and queries show as written and cannot link or ping', () => {
    const excerpt = '**Not bold** _not italic_ ~~x~~ `code` [masked](https://evil.example) <@123> <@&456> @everyone > quote\n# heading';
    const messages = renderAnswerMessages(answer({ kind: 'answer', query: '@here <@999> **loud**', citations: [{ ...ref(1), excerpt, matched: ['masked'] }] }), { echoQuery: true });
    expectWithinLimits(messages, 'hostile');
    const [message] = messages;
    expect(plain(message!.embeds[0]!.description!)).toBe(excerpt);
    expect(message!.embeds[0]!.description).not.toMatch(/(^|[^\\])\[masked\]\(/);
    expect(message!.content).toContain('@here');
    expect(message!.content).not.toMatch(/(^|[^\\])<@999>/);
  });

  test('rate_limited is a short friendly line, and not_found leads with the core’s own words', () => {
    const [limited] = renderAnswerMessages(answer({ kind: 'rate_limited', text: 'Slow down: try again in 10 seconds.' }));
    expect(limited!.content).toBe('Slow down: try again in 10 seconds.');
    expect(limited!.embeds).toHaveLength(0);
    const [refused] = renderAnswerMessages(answer({ kind: 'not_found', text: "The articles don't cover that.", notices: ["The articles don't cover that."], related: [ref(1)] }));
    expect(refused!.content!.match(/don't cover/g)).toHaveLength(1);
    expect(refused!.embeds[0]!.title).toBe('Possibly related');
  });

  test('button custom ids carry the action token within 100 characters', () => {
    const token = 'more:abcdef12:' + 's'.repeat(76);
    const [message] = renderAnswerMessages(answer({ kind: 'answer', citations: [{ ...ref(1), excerpt: 'x', matched: [] }], actions: [{ kind: 'more', label: 'More from this section', token }] }));
    const button = message!.components[0]!.components[0]!;
    expect(button.custom_id.length).toBeLessThanOrEqual(100);
    expect(button.custom_id.endsWith(token)).toBe(true);
  });
});

describe('text helpers', () => {
  test('escapeMarkdown round-trips', () => {
    const text = 'a*b_c~d`e|f\\g[h]i<@1> # x\n> y\n-# z';
    expect(unescapeMarkdown(escapeMarkdown(text))).toBe(text);
  });

  test('escapeUserText wraps links in <…> (no preview card), leaves them unescaped, and escapes the rest', () => {
    expect(escapeUserText('oman, see https://news.example.org/a_b?x=1.')).toBe('oman, see <https://news.example.org/a_b?x=1>.');
    expect(escapeUserText('(see https://example.org/talks) *now*')).toBe('(see <https://example.org/talks>) \\*now\\*');
    expect(escapeUserText('https://en.wikipedia.org/wiki/Oman_(country), and HTTP://X.ORG!')).toBe('<https://en.wikipedia.org/wiki/Oman_(country)>, and <HTTP://X.ORG>!');
    // Typed already wrapped: still a link without a preview, the brackets shown as typed.
    expect(unescapeMarkdown(escapeUserText('<https://example.org>'))).toBe('<<https://example.org>>');
    expect(escapeUserText('no link, _just_ text')).toBe(escapeMarkdown('no link, _just_ text'));
  });

  test('splitText never exceeds the limit and never cuts inside an escape', () => {
    const text = escapeMarkdown('*'.repeat(5000));
    const pieces = splitText(text, 999);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(999);
      expect(unescapeMarkdown(piece)).toMatch(/^\**$/);
    }
    expect(pieces.join('')).toBe(text);
  });

  test('autocomplete choices: at most 25, unique, names and values within 100 characters', () => {
    const choices = renderChoices(['positions', 'Positions', '', 'y'.repeat(300), ...Array.from({ length: 40 }, (_, index) => `title ${index}`)]);
    expect(choices.length).toBe(25);
    expect(new Set(choices.map((choice) => choice.value.toLowerCase())).size).toBe(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });
});
