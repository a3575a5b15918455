import { buildEngine, createMemoryConversationStore, createTalksService, loadContent, type ContentProblem, type DocumentInfo, type TalksService } from '../../src/index.js';

export interface OpenedTalks {
  talks: TalksService;
  documents: readonly DocumentInfo[];
  /** Files that did not load; the others answer. */
  problems: ContentProblem[];
}

/** Why the CLI could not open its content, with the exit code to use. */
export class CliContentError extends Error {
  override readonly name = 'CliContentError';
  constructor(message: string, readonly kind: 'content' | 'internal', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * Loads the articles in `dir`, builds the engine once and wraps it in a TalksService with an in-memory
 * conversation store (one process, one set of threads). Files that fail to load go to `onProblem` (before
 * any throw) and are returned in `problems`. Throws CliContentError when the folder is
 * unreadable, holds no article that loads, or the index cannot be built.
 */
export async function openTalks(dir: string, onProblem: (problem: ContentProblem) => void = () => {}): Promise<OpenedTalks> {
  let loaded;
  try {
    loaded = await loadContent(dir);
  } catch (error) {
    throw new CliContentError((error as Error).message, 'content', { cause: error });
  }
  const { documents, problems } = loaded;
  problems.forEach(onProblem);
  if (documents.length === 0) {
    const why = problems.length > 0 ? `none of its ${problems.length} article file(s) could be loaded` : 'it has no .txt or .md articles';
    throw new CliContentError(`no articles to answer from in ${dir}: ${why} (add articles, or point --content / TALKS_CONTENT_DIR at a folder that has them)`, 'content');
  }
  let engine;
  try {
    engine = buildEngine(documents);
  } catch (error) {
    throw new CliContentError(`cannot build the index: ${(error as Error).message}`, 'internal', { cause: error });
  }
  const talks = createTalksService({ getEngine: () => engine, store: createMemoryConversationStore() });
  return { talks, documents: engine.documents, problems };
}

/** One stderr line for a file that did not load, naming the file (and line, when the parser knows it). */
export function describeProblem(problem: ContentProblem): string {
  const message = problem.message.replace(/\s+/gu, ' ').trim();
  return message.startsWith(problem.file) ? `skipped ${message}` : `skipped ${problem.file}: ${message}`;
}
