/**
 * Keeps the bench from rotting: the generator's output parses as the core reads it and is the same
 * from the same seed, the query mixes are fixed, and `npm run bench` runs end to end at a tiny N
 * (in child processes, as in real use) and reports every figure. No timing is asserted.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../src/index.js';
import { FUNCTION_WORDS, OUT_OF_SCOPE_QUERIES } from './archive-vocabulary.js';
import { generateArchive, generateArticle, writeArchive } from './generate-archive.js';
import { archiveQueryMix, contentQueryMix, misspell } from './query-mix.js';
import { parseBenchArgs } from './run-bench.js';
import { createRandom } from './seeded-random.js';
import { percentile } from './latency.js';

const run = promisify(execFile);
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'talks-bench-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('generateArchive', () => {
  const articles = generateArchive({ articles: 40, seed: 11 });

  it('is deterministic from the seed, and article i can be regenerated alone', () => {
    expect(generateArchive({ articles: 3, seed: 11 }).map((a) => a.text)).toEqual(articles.slice(0, 3).map((a) => a.text));
    expect(generateArticle(17, 11).text).toBe(articles[17]?.text);
    expect(generateArticle(0, 12).text).not.toBe(articles[0]?.text);
  });

  it('writes both formats, and every article parses into the sections, lists and 3–5 column tables it was given', () => {
    expect(new Set(articles.map((a) => a.fileName.split('.').pop()))).toEqual(new Set(['txt', 'md']));
    let tables = 0;
    for (const article of articles) {
      const document = parseArticle({ fileName: article.fileName, text: article.text });
      expect(document.sections.map((s) => s.title)).toEqual(article.meta.sectionTitles);
      const blocks = document.sections.flatMap((s) => s.blocks);
      expect(blocks.some((b) => b.type === 'list')).toBe(true);
      for (const block of blocks) {
        if (block.type !== 'table') continue;
        tables += 1;
        expect(block.columns.length).toBeGreaterThanOrEqual(3);
        expect(block.columns.length).toBeLessThanOrEqual(5);
        expect(block.columns).toEqual(article.meta.table?.columns);
      }
      if (article.fileName.endsWith('.md')) expect(document.title).toBe(article.meta.title);
      expect(article.meta.words).toBeGreaterThan(1100);
      expect(article.meta.words).toBeLessThan(1700);
    }
    expect(tables).toBeGreaterThan(10);
  });

  it('has Zipf-like word frequencies: function words very common, a long tail of words used once', () => {
    const counts = new Map<string, number>();
    let total = 0;
    for (const article of articles) {
      for (const word of article.meta.passages.join(' ').toLowerCase().match(/[a-z]+/g) ?? []) {
        counts.set(word, (counts.get(word) ?? 0) + 1);
        total += 1;
      }
    }
    const functionShare = FUNCTION_WORDS.reduce((sum, word) => sum + (counts.get(word) ?? 0), 0) / total;
    expect(functionShare).toBeGreaterThan(0.35);
    expect(functionShare).toBeLessThan(0.6);
    const once = [...counts.values()].filter((count) => count === 1).length;
    expect(once / counts.size).toBeGreaterThan(0.3);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect((sorted[0] ?? 0) / (sorted[99] ?? 1)).toBeGreaterThan(10);
  });

  it('writes to a folder once and reuses a complete copy', async () => {
    const dir = join(scratch, 'archive');
    const first = await writeArchive(dir, { articles: 5, seed: 3 });
    expect(first).toMatchObject({ files: 5, generated: true });
    expect(await writeArchive(dir, { articles: 5, seed: 3 })).toMatchObject({ files: 5, generated: false, bytes: first.bytes });
    expect(await writeArchive(dir, { articles: 4, seed: 3 })).toMatchObject({ files: 4, generated: true });
  });
});

describe('query mixes', () => {
  it('are fixed for a seed and cover every type', () => {
    const mix = archiveQueryMix(200, 50, 5);
    expect(archiveQueryMix(200, 50, 5)).toEqual(mix);
    expect(mix).toHaveLength(50);
    expect(new Set(mix.map((q) => q.type))).toEqual(new Set(['question', 'misspelt', 'keyword', 'table', 'out_of_scope']));
    expect(mix.filter((q) => q.type === 'out_of_scope').every((q) => OUT_OF_SCOPE_QUERIES.includes(q.query))).toBe(true);
  });

  it('derive from whatever content is loaded', () => {
    const documents = generateArchive({ articles: 3, seed: 9 }).map((a) => parseArticle({ fileName: a.fileName, text: a.text }));
    const mix = contentQueryMix(documents, 30, 9);
    expect(mix.length).toBe(30);
    const text = JSON.stringify(documents).toLowerCase();
    for (const query of mix.filter((q) => q.type === 'keyword')) expect(text).toContain(query.query);
  });

  it('misspell changes one letter of a long word and leaves short ones', () => {
    const random = createRandom(1);
    for (let i = 0; i < 20; i++) {
      const typo = misspell('mediation', random);
      expect(typo).not.toBe('mediation');
      expect(Math.abs(typo.length - 'mediation'.length)).toBeLessThanOrEqual(1);
    }
    expect(misspell('oman', random)).toBe('oman');
  });

  it('percentile is nearest-rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });
});

describe('npm run bench', () => {
  it('parses its flags and rejects bad ones', () => {
    expect(parseBenchArgs([]).articles).toEqual([1, 1000, 10000]);
    expect(parseBenchArgs(['--quick']).articles).toEqual([1, 1000]);
    expect(parseBenchArgs(['--articles', '5,50', '--articles=7']).articles).toEqual([5, 50, 7]);
    expect(() => parseBenchArgs(['--articles', 'ten'])).toThrow(/positive whole number/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option/);
  });

  it('runs end to end at a tiny N and reports every figure for the engine and the baseline', async () => {
    const json = join(scratch, 'bench.json');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/run-bench.ts', '--articles', '3', '--queries', '12', '--passes', '1', '--cache', join(scratch, 'cache'), '--json', json], {
      timeout: 120_000,
    });
    expect(stdout).toMatch(/\(a\) shipped content/);
    expect(stdout).toMatch(/\(b\) archive N=3/);
    expect(stdout).toMatch(/ratio baseline ÷ engine/);
    const outcomes = JSON.parse(await readFile(json, 'utf8')) as Array<Record<string, unknown>>;
    expect(outcomes.filter((o) => 'error' in o)).toEqual([]);
    const archive = outcomes.filter((o) => o.label === 'N=3');
    expect(archive.map((o) => `${o.system} ${o.phase}`)).toEqual(['engine cold', 'engine warm', 'baseline cold']);
    for (const outcome of outcomes) {
      expect(outcome.documents).toBeGreaterThan(0);
      expect(outcome.peakRssMb).toBeGreaterThan(0);
      expect((outcome.timing as { all: { p99: number } }).all.p99).toBeGreaterThan(0);
    }
    const warm = archive.find((o) => o.phase === 'warm');
    expect(warm?.snapshot).toBe('hit');
  }, 180_000);
});
