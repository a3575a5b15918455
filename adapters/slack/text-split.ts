/**
 * Splits text into pieces that each fit a limit after formatting, at the best boundary available:
 * a paragraph, then a line, then a sentence, then a space. Never inside a word, unless a single word is
 * longer than the limit on its own (a pasted URL), and only then.
 */
export function splitToFit(text: string, fits: (piece: string) => boolean): string[] {
  if (fits(text)) return [text];
  const tokens = text.match(/\S+\s*|\s+/g) ?? [text];
  const pieces: string[] = [];
  let start = 0;
  while (start < tokens.length) {
    // The longest run of whole tokens from `start` that fits, by binary search (fits is monotonic in length).
    let low = start;
    let high = tokens.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (fits(tokens.slice(start, mid).join(''))) low = mid;
      else high = mid - 1;
    }
    let end = low;
    if (end === start) {
      // One token longer than the limit: the only place we cut inside a word.
      const [head, tail] = hardSplit(tokens[start] ?? '', fits);
      pieces.push(head);
      tokens[start] = tail;
      continue;
    }
    if (end < tokens.length) end = preferBoundary(tokens, start, end);
    pieces.push(tokens.slice(start, end).join('').trimEnd());
    start = end;
  }
  return pieces.filter((piece) => piece.length > 0);
}

/** Moves the cut back to a paragraph, line or sentence end when one lies in the later half of the piece. */
function preferBoundary(tokens: string[], start: number, end: number): number {
  const floor = start + Math.max(1, Math.floor((end - start) / 2));
  for (const isBoundary of [/\n\s*\n\s*$/, /\n\s*$/, /[.!?…]["'”’)\]]?\s+$/]) {
    for (let index = end - 1; index >= floor; index -= 1) {
      if (isBoundary.test(tokens[index] ?? '')) return index + 1;
    }
  }
  return end;
}

function hardSplit(token: string, fits: (piece: string) => boolean): [string, string] {
  let low = 1;
  let high = token.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(token.slice(0, mid))) low = mid;
    else high = mid - 1;
  }
  return [token.slice(0, low), token.slice(low)];
}

/** Cuts text to at most `max` characters at a word boundary, adding an ellipsis when it cut. */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, Math.max(0, max - 1));
  const space = room.search(/\s\S*$/);
  return `${(space > max / 2 ? room.slice(0, space) : room).trimEnd()}…`;
}
