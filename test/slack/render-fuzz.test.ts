import { describe, expect, it } from 'vitest';
import { renderSlackAnswer } from '../../adapters/slack/render-blocks.js';
import type { Answer } from '../../src/index.js';
import { makeAnswer, SOURCE } from './answer-fixtures.js';
import { blockTexts } from './message-inspect.js';
import { checkSlackMessage } from './slack-message-rules.js';

/** A small seeded generator, so a failure names a seed that reproduces it. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const PIECES = ['talks', 'ceasefire', '<!channel>', '<@U123>', '@here', '&', '<', '>', '*bold*', '_x_', '`code`', 'Oman’s', 'de‑escalation', '\n', '\n\n', 'https://x.example/a|b', 'a'.repeat(120), '🙂', '|', '—'];
  const text = (words: number) => Array.from({ length: words }, () => pick(PIECES)).join(int(4) === 0 ? '' : ' ');
  return { int, pick, text };
}

function randomAnswer(seed: number): Answer {
  const r = random(seed);
  const kind = r.pick(['answer', 'positions', 'section', 'sections', 'help', 'not_found', 'rate_limited'] as const);
  const columns = 1 + r.int(r.int(4) === 0 ? 30 : 5);
  const rows = r.int(r.int(4) === 0 ? 150 : 8);
  return makeAnswer({
    kind,
    query: r.text(r.int(60)),
    text: r.text(r.int(r.int(3) === 0 ? 3000 : 100)),
    ...(r.int(2) === 0 ? { resolvedQuery: r.text(5) } : {}),
    citations: Array.from({ length: r.int(r.int(3) === 0 ? 70 : 6) }, () => ({
      ...SOURCE,
      sectionId: `s${r.int(3)}`,
      documentTitle: r.text(r.int(40) + 1),
      sectionTitle: r.text(r.int(40) + 1),
      excerpt: r.text(1 + r.int(r.int(4) === 0 ? 2500 : 80)),
      matched: Array.from({ length: r.int(4) }, () => r.text(1)),
      ...(r.int(2) === 0 ? { url: r.pick(['https://news.example.org/a?b=1&c=2', 'javascript:alert(1)', 'ftp://x', 'not a url']) } : {}),
    })),
    ...(kind === 'positions' || r.int(3) === 0
      ? {
          table: {
            ...SOURCE,
            tableId: 't1',
            columns: Array.from({ length: columns }, () => r.text(1 + r.int(3))),
            rows: Array.from({ length: rows }, () => Array.from({ length: columns }, () => (r.int(8) === 0 ? '' : r.text(1 + r.int(r.int(10) === 0 ? 400 : 8))))),
          },
        }
      : {}),
    related: Array.from({ length: r.int(6) }, () => ({ documentId: 'd', documentTitle: r.text(3), sectionId: 's', sectionTitle: r.text(3) })),
    outlines: Array.from({ length: r.int(3) }, () => ({
      documentId: 'd',
      documentTitle: r.text(4),
      sections: Array.from({ length: r.int(r.int(3) === 0 ? 500 : 10) }, () => ({ sectionId: 's', sectionTitle: r.text(1 + r.int(8)) })),
      tables: [],
    })),
    examples: Array.from({ length: r.int(10) }, () => r.text(3)),
    notices: Array.from({ length: r.int(3) }, () => r.text(5)),
    actions: Array.from({ length: r.int(3) }, (_, index) => ({ kind: r.pick(['more', 'positions'] as const), label: r.text(1 + r.int(30)), token: `t:${index}:${r.int(1e6)}` })),
  });
}

describe('renderSlackAnswer on random answers', () => {
  it('always produces a message Slack accepts, with nothing that pings', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const answer = randomAnswer(seed);
      for (const options of [{}, { echoQuery: true, shareValue: 'q:x' }, { tableStyle: 'fields' as const }]) {
        const message = renderSlackAnswer(answer, options);
        const problems = checkSlackMessage(message);
        expect(problems, `seed ${seed} ${JSON.stringify(options)}`).toEqual([]);
        expect(message.text.length, `seed ${seed}`).toBeLessThanOrEqual(4000);
        for (const text of [...blockTexts(message.blocks.filter((b) => b.type !== 'table')), message.text]) {
          expect(text.match(/<[!@#][^>]*>/g) ?? [], `seed ${seed}`).toEqual([]);
        }
      }
    }
  });
});
