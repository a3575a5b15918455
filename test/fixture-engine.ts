import { readFile } from 'node:fs/promises';
import { buildEngine, parseArticle, type Engine } from '../src/index.js';

/** The date every test article is parsed as of (for articles without a front-matter date). */
const AS_OF = new Date('2026-11-21T00:00:00Z');

/** An engine over one article given as text, alone. */
export function engineOfText(fileName: string, text: string): Engine {
  return buildEngine([parseArticle({ fileName, text, modifiedAt: AS_OF })]);
}

/** An engine over one article of test/fixtures/articles, alone. */
export async function engineOfFixture(fileName: string): Promise<Engine> {
  return engineOfText(fileName, await readFile(new URL(`./fixtures/articles/${fileName}`, import.meta.url), 'utf8'));
}
