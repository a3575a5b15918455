import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnswerSchema, createMemoryConversationStore, createTalksService, type Engine } from '../../src/index.js';
import { createContentReloader, type ContentReloader } from '../../adapters/runtime/content-reloader.js';
import { createMetrics } from '../../adapters/runtime/metrics.js';
import { brokenArticle, syntheticArticle } from './helpers/articles.js';
import { captureLogger } from './helpers/capture-logger.js';

/** The document a query is answered from (its first citation), or undefined when the articles don't cover it. */
function answeredFrom(engine: Engine, query: string): string | undefined {
  const { answer } = engine.answer(query);
  return answer.kind === 'not_found' ? undefined : answer.citations[0]?.documentTitle;
}

async function waitUntil(check: () => boolean, ms: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not within ${ms} ms`);
}

describe('content hot reload (real files, real engine, real watcher)', () => {
  let dir: string;
  let content: ContentReloader | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'talks-reload-'));
    await writeFile(join(dir, 'alpha.md'), syntheticArticle('zorblatt', 'Alpha Talks'));
  });
  afterEach(async () => {
    await content?.stop();
    content = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('makes a new article answerable within 2 s, keeps the last good version of a broken file, drops a deleted one', async () => {
    const { logger, lines } = captureLogger();
    const metrics = createMetrics({ defaultMetrics: false });
    content = createContentReloader({ dir, logger, metrics, debounceMs: 100 });
    await content.reload('startup');
    await content.watch();
    const engine = () => content!.getEngine();
    expect(answeredFrom(engine(), 'zorblatt proposal')).toBe('Alpha Talks');
    expect(answeredFrom(engine(), 'vextrine proposal')).toBeUndefined();

    // A new article.
    await writeFile(join(dir, 'beta.txt'), syntheticArticle('vextrine', 'Beta Talks'));
    await waitUntil(() => answeredFrom(engine(), 'vextrine proposal') === 'Beta Talks', 2_000);
    expect(answeredFrom(engine(), 'zorblatt proposal')).toBe('Alpha Talks');

    // Someone saves a half-written version of alpha: the error is logged with file and line, alpha keeps answering.
    const before = content.version();
    await writeFile(join(dir, 'alpha.md'), brokenArticle('Alpha Talks'));
    await waitUntil(() => content!.version() > before, 2_000);
    const problem = lines.find((l) => l.file === 'alpha.md' && l.level === 40);
    expect(problem).toBeDefined();
    expect(problem!.line).toBeGreaterThan(0);
    expect(String(problem!.msg)).toContain('alpha.md:');
    expect(problem!.keptPrevious).toBe(true);
    expect(answeredFrom(engine(), 'zorblatt proposal')).toBe('Alpha Talks');
    expect((await metrics.registry.getSingleMetricAsString('talks_content_problems'))).toMatch(/talks_content_problems 1/);

    // Fixed again: the new text serves (a word only the new version has).
    await writeFile(join(dir, 'alpha.md'), syntheticArticle('quillon', 'Alpha Talks Revised', '2026-03-09'));
    await waitUntil(() => answeredFrom(engine(), 'quillon proposal') === 'Alpha Talks Revised', 2_000);
    expect(answeredFrom(engine(), 'zorblatt proposal')).toBeUndefined();
    // Answers say which version they quote.
    expect(engine().answer('quillon proposal').answer.citations[0]?.asOf).toMatch(/^2026-03-09/);

    // Deleted.
    await unlink(join(dir, 'beta.txt'));
    await waitUntil(() => answeredFrom(engine(), 'vextrine proposal') === undefined, 2_000);
    expect(engine().documents.map((d) => d.title)).toEqual(['Alpha Talks Revised']);
  });

  it('starts on an empty folder and answers the first article dropped into it', async () => {
    await rm(join(dir, 'alpha.md'));
    const { logger } = captureLogger();
    content = createContentReloader({ dir, logger, debounceMs: 50 });
    await content.reload('startup');
    await content.watch();
    expect(content.getEngine().documents).toHaveLength(0);
    expect(answeredFrom(content.getEngine(), 'zorblatt proposal')).toBeUndefined();
    await writeFile(join(dir, 'first.txt'), syntheticArticle('zorblatt', 'First Filed'));
    await waitUntil(() => answeredFrom(content!.getEngine(), 'zorblatt proposal') === 'First Filed', 2_000);
  });

  it('a broken new file is reported and not served; the folder going away keeps the previous index', async () => {
    const { logger, lines } = captureLogger();
    content = createContentReloader({ dir, logger, debounceMs: 50 });
    await content.reload('startup');
    await writeFile(join(dir, 'gamma.md'), brokenArticle('Gamma'));
    const result = await content.reload('test');
    expect(result.ok).toBe(true);
    expect(result.problems).toMatchObject([{ file: 'gamma.md', keptPrevious: false }]);
    expect(content.getEngine().documents).toHaveLength(1);

    await rm(dir, { recursive: true, force: true });
    const failed = await content.reload('test');
    expect(failed.ok).toBe(false);
    expect(lines.some((l) => l.level === 50 && /previous index keeps serving/.test(String(l.msg)))).toBe(true);
    expect(answeredFrom(content.getEngine(), 'zorblatt proposal')).toBe('Alpha Talks');
  });

  it('queries in a loop during many reloads never fail and never see half an index', async () => {
    const { logger } = captureLogger([], 'warn');
    content = createContentReloader({ dir, logger, debounceMs: 5 });
    await content.reload('startup');
    await content.watch();
    const talks = createTalksService({ getEngine: content.getEngine, store: createMemoryConversationStore() });
    let stop = false;
    let asked = 0;
    const failures: unknown[] = [];
    const loop = (async () => {
      while (!stop) {
        try {
          const answer = AnswerSchema.parse(await talks.ask({ query: 'zorblatt proposal', threadKey: `t${asked % 7}` }));
          // Alpha never changes in this test: every index, old or new, must answer from it.
          if (answer.citations[0]?.documentTitle !== 'Alpha Talks') failures.push(answer);
        } catch (error) {
          failures.push(error);
        }
        asked += 1;
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (let i = 0; i < 8; i++) {
      await writeFile(join(dir, `extra-${i % 4}.md`), i % 5 === 4 ? brokenArticle(`Extra ${i}`) : syntheticArticle(`word${i}x`, `Extra ${i}`));
      await Promise.all([content.reload(`burst ${i}`), new Promise((r) => setTimeout(r, 15))]);
    }
    await new Promise((r) => setTimeout(r, 200));
    stop = true;
    await loop;
    expect(failures).toEqual([]);
    expect(asked).toBeGreaterThan(100);
    expect(content.version()).toBeGreaterThan(5);
  });
});
