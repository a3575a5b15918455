import type { ParsedDocument } from '../content/document-model.js';
import type { Engine } from './engine-types.js';

export interface EngineOptions {
  /** Longest query answered; longer ones are cut and the answer says so. */
  maxQueryChars?: number;
}

/** Builds the search index over parsed documents. (Being written: see the next commits.) */
export function buildEngine(_documents: ParsedDocument[], _options: EngineOptions = {}): Engine {
  throw new Error('buildEngine: not implemented yet');
}
