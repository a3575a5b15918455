import { foldText } from './fold-text.js';

/** A URL- and id-safe form of a title: folded to ASCII, lowercase, words joined by `-`. */
export function slugify(text: string): string {
  return foldText(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
