import { foldText } from '../text/fold-text.js';
import type { EngineContext } from './engine-context.js';

/** Completions for a partial query (Discord autocomplete): grammar words, section titles, table rows. */
export function suggestQueries(ctx: EngineContext, prefix: string, limit: number): string[] {
  const wanted = foldText(prefix).toLowerCase().trim();
  const candidates = ['positions', 'summary', 'sections', 'help'];
  for (const document of ctx.documents) for (const section of document.sections) candidates.push(section.title);
  for (const table of ctx.tables) for (const row of table.block.rows) if (row[0]) candidates.push(row[0]);
  const unique = [...new Set(candidates)];
  if (!wanted) return unique.slice(0, limit);
  const folded = (text: string) => foldText(text).toLowerCase();
  const starts = unique.filter((candidate) => folded(candidate).startsWith(wanted));
  const wordStarts = unique.filter((candidate) => !starts.includes(candidate) && folded(candidate).split(/[^a-z0-9]+/).some((word) => word.startsWith(wanted)));
  const contains = unique.filter((candidate) => !starts.includes(candidate) && !wordStarts.includes(candidate) && folded(candidate).includes(wanted));
  return [...starts, ...wordStarts, ...contains].slice(0, limit);
}
