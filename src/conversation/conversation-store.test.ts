import { describe, expect, it } from 'vitest';
import { createConversationState } from './conversation-state.js';
import { createMemoryConversationStore } from './conversation-store.js';

describe('createMemoryConversationStore', () => {
  it('forgets a thread idle for longer than the TTL', async () => {
    let now = 1_000;
    const store = createMemoryConversationStore({ idleTtlMs: 100, now: () => now });
    await store.set('t1', createConversationState(now));
    now += 99;
    expect(await store.get('t1')).toBeDefined();
    now += 101;
    expect(await store.get('t1')).toBeUndefined();
  });

  it('keeps at most maxThreads, dropping the least recently used', async () => {
    const store = createMemoryConversationStore({ maxThreads: 2 });
    await store.set('a', createConversationState(1));
    await store.set('b', createConversationState(2));
    await store.get('a');
    await store.set('a', createConversationState(3));
    await store.set('c', createConversationState(4));
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBeDefined();
    expect(await store.get('c')).toBeDefined();
  });
});
