import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../content/document-model.js';
import { loadContent } from '../content/load-content.js';
import { createMemoryConversationStore } from '../conversation/conversation-store.js';
import { buildEngine } from './build-engine.js';
import type { Engine } from './engine-types.js';
import { createTalksService } from './talks-service.js';

let engine: Engine;
let documents: ParsedDocument[];
beforeAll(async () => {
  documents = (await loadContent(new URL('../../content', import.meta.url).pathname)).documents;
  engine = buildEngine(documents);
});

const excerpts = (answer: { citations: { excerpt: string }[] }) => answer.citations.map((citation) => citation.excerpt);
const moreToken = (answer: { actions: { kind: string; token: string }[] }) => answer.actions.find((action) => action.kind === 'more')!.token;

describe('a button press as a turn of the conversation', () => {
  it('runActionTurn: "tell me more" after "More from this section" goes on after what the button showed', () => {
    const first = engine.answer('oman');
    const pressed = engine.runActionTurn(moreToken(first.answer), first.state);
    expect(pressed.answer).toEqual(engine.runAction(moreToken(first.answer)));
    const next = engine.answer('tell me more', pressed.state).answer;
    expect(excerpts(next).length).toBeGreaterThan(0);
    for (const excerpt of excerpts(next)) expect([...excerpts(first.answer), ...excerpts(pressed.answer)]).not.toContain(excerpt);
    // Without the press in the state, the same words repeat what the button showed.
    expect(excerpts(engine.answer('tell me more', first.state).answer)).toEqual(excerpts(pressed.answer));
  });

  it('runActionTurn: a More button under an older answer marks the section up to it as read', () => {
    const first = engine.answer('oman');
    const second = engine.runActionTurn(moreToken(first.answer), first.state);
    // Pressed in a thread whose state has moved to another subject (the positions table).
    const elsewhere = engine.answer('positions', first.state);
    const third = engine.runActionTurn(moreToken(second.answer), elsewhere.state);
    const next = engine.answer('tell me more', third.state).answer;
    for (const excerpt of excerpts(next)) expect([...excerpts(first.answer), ...excerpts(second.answer), ...excerpts(third.answer)]).not.toContain(excerpt);
  });

  it('runActionTurn: "and X?" after "Show positions" asks the table the button showed', () => {
    const table = documents.flatMap((document) => document.sections.flatMap((section) => section.blocks)).find((block) => block.type === 'table');
    if (table?.type !== 'table') throw new Error('the shipped content has a table');
    // A question about one cell offers Show positions; pressed in a thread that was about Oman.
    const cell = engine.answer(`${table.columns[1]} on ${table.rows[0]![0]}`);
    const token = cell.answer.actions.find((action) => action.kind === 'positions')!.token;
    const pressed = engine.runActionTurn(token, engine.answer('oman').state);
    expect(pressed.answer.kind).toBe('positions');
    expect(pressed.state.tableId).toBe(table.tableId);
    // As after a typed "positions": the row of that table.
    const row = engine.answer(`and ${table.rows[1]![0]}?`, pressed.state).answer;
    expect(row.citations[0]?.excerpt).toContain(table.rows[1]![0]);
    expect(excerpts(row)).toEqual(excerpts(engine.answer(`and ${table.rows[1]![0]}?`, engine.answer('positions').state).answer));
  });

  it('TalksService.runAction with a thread key keeps the turn in that thread; copyConversation continues a thread under another key', async () => {
    const talks = createTalksService({ getEngine: () => engine, store: createMemoryConversationStore() });
    const first = await talks.ask({ query: 'oman', threadKey: 't1' });
    const pressed = await talks.runAction(moreToken(first), 't1');
    expect(await talks.copyConversation('t1', 't2')).toBe(true);
    expect(await talks.copyConversation('nowhere', 't3')).toBe(false);
    const inThread = await talks.ask({ query: 'tell me more', threadKey: 't2' });
    expect(excerpts(inThread).length).toBeGreaterThan(0);
    for (const excerpt of excerpts(inThread)) expect([...excerpts(first), ...excerpts(pressed)]).not.toContain(excerpt);
    // Without a key a press is a one-off, as before.
    expect(await talks.runAction(moreToken(first))).toEqual(pressed);
  });
});
