import { describe, expect, it } from 'vitest';
import { createInflightTracker, withInflight } from '../../adapters/runtime/inflight.js';
import { installShutdown } from '../../adapters/runtime/shutdown.js';
import { AnswerSchema, type TalksService } from '../../src/index.js';
import { captureLogger } from './helpers/capture-logger.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('installShutdown', () => {
  it('runs the steps in order once, logs a failing step and goes on, exits 1 then', async () => {
    const { logger, lines } = captureLogger();
    const order: string[] = [];
    const exits: number[] = [];
    const shutdown = installShutdown({
      logger,
      timeoutMs: 2_000,
      signals: [],
      exit: (code) => exits.push(code),
      steps: () => [
        { name: 'a', run: async () => void order.push('a') },
        { name: 'b', run: async () => Promise.reject(new Error('boom')) },
        { name: 'c', run: async () => void order.push('c') },
      ],
    });
    await Promise.all([shutdown('test'), shutdown('again')]);
    expect(order).toEqual(['a', 'c']);
    expect(exits).toEqual([1]);
    expect(lines.some((l) => l.code === 'talks_shutdown_step' && l.step === 'b')).toBe(true);
  });

  it('exits 0 when every step finishes, and 1 at the deadline when one hangs', async () => {
    const { logger } = captureLogger();
    const exits: number[] = [];
    await installShutdown({ logger, timeoutMs: 1_000, signals: [], exit: (c) => exits.push(c), steps: () => [{ name: 'ok', run: async () => tick(10) }] })('test');
    expect(exits).toEqual([0]);

    const hung: number[] = [];
    void installShutdown({ logger, timeoutMs: 100, signals: [], exit: (c) => hung.push(c), steps: () => [{ name: 'hang', run: () => new Promise(() => undefined) }] })('test');
    await tick(300);
    expect(hung).toEqual([1]);
  });

  it('handles a signal once; a second signal exits at once', async () => {
    const { logger } = captureLogger();
    const exits: number[] = [];
    let release: () => void = () => undefined;
    installShutdown({
      logger,
      timeoutMs: 5_000,
      signals: ['SIGUSR2'],
      exit: (c) => exits.push(c),
      steps: () => [{ name: 'slow', run: () => new Promise<void>((r) => (release = r)) }],
    });
    process.emit('SIGUSR2');
    await tick(20);
    expect(exits).toEqual([]);
    process.emit('SIGUSR2');
    expect(exits).toEqual([1]);
    release();
    await tick(20);
    process.removeAllListeners('SIGUSR2');
  });
});

describe('in-flight tracking', () => {
  it('drain waits for questions being answered, and reports a timeout', async () => {
    let finish: () => void = () => undefined;
    const slow: TalksService = {
      ask: ({ query }) => new Promise((resolve) => (finish = () => resolve(AnswerSchema.parse({ query, kind: 'answer', text: query, citations: [] })))),
      runAction: () => {
        throw new Error('unused');
      },
      copyConversation: () => {
        throw new Error('unused');
      },
      suggest: () => [],
      engine: () => {
        throw new Error('unused');
      },
    };
    const tracker = createInflightTracker();
    const talks = withInflight(slow, tracker);
    const answer = talks.ask({ query: 'q' });
    expect(tracker.count()).toBe(1);
    expect(await tracker.drain(50)).toBe(false);
    const drained = tracker.drain(2_000);
    finish();
    expect(await drained).toBe(true);
    expect((await answer).text).toBe('q');
    expect(tracker.count()).toBe(0);
  });
});
