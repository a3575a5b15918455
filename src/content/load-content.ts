import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TalksError } from '../errors.js';
import type { ParsedDocument } from './document-model.js';
import { dateInFileName } from './file-name-date.js';
import { parseArticle } from './parse-article.js';

/** A file that did not load, with the reason (its message names the file and line). */
export interface ContentProblem {
  file: string;
  code: string;
  message: string;
}

export interface LoadedContent {
  documents: ParsedDocument[];
  problems: ContentProblem[];
}

const ARTICLE_FILE = /\.(txt|md|markdown)$/i;

/** Lists the article files of a content folder, sorted, so loading is deterministic. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new TalksError('talks_content_read', `cannot read the content folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message} (check the path, or set TALKS_CONTENT_DIR / --content)`, { cause: error });
  }
  return names.filter((name) => ARTICLE_FILE.test(name) && !name.startsWith('.')).sort();
}

/**
 * Reads and parses one article file; throws TalksError/ContentParseError naming the file and line. Without
 * front matter the article is dated by a date in its file name, else by the file's modified time.
 */
export async function loadArticleFile(dir: string, name: string): Promise<ParsedDocument> {
  const path = join(dir, name);
  const [buffer, info] = await Promise.all([readFile(path), stat(path)]);
  return parseArticle({ fileName: name, text: buffer.toString('utf8'), modifiedAt: dateInFileName(name) ?? info.mtime });
}

/**
 * Loads every `.txt` and `.md` article in a folder, each as its own document. A file that fails to
 * parse is reported in `problems` and the others still load. Throws only when the folder itself is unreadable.
 *
 * @example
 * const { documents, problems } = await loadContent('content');
 */
export async function loadContent(dir: string): Promise<LoadedContent> {
  const names = await listArticleFiles(dir);
  const documents: ParsedDocument[] = [];
  const problems: ContentProblem[] = [];
  for (const name of names) {
    try {
      documents.push(await loadArticleFile(dir, name));
    } catch (error) {
      const code = error instanceof TalksError ? error.code : 'talks_content_read';
      problems.push({ file: name, code, message: (error as Error).message });
    }
  }
  const seen = new Set<string>();
  for (const document of documents) {
    // Two files that slug to the same id (a.txt and a.md) keep distinct ids.
    let id = document.documentId;
    for (let n = 2; seen.has(id); n++) id = `${document.documentId}-${n}`;
    document.documentId = id;
    seen.add(id);
  }
  return { documents, problems };
}
