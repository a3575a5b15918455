import stringWidth from 'string-width';

/**
 * Terminal text measured in columns, not UTF-16 units: wide CJK characters and emoji take two
 * columns, combining marks none (string-width follows Unicode TR11 and counts graphemes).
 */
export function textWidth(text: string): number {
  return stringWidth(text);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Pads `text` with spaces on the right to `width` columns. */
export function padToWidth(text: string, width: number): string {
  const missing = width - textWidth(text);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

/** Collapses runs of whitespace (newlines, tabs) to single spaces so one cell or excerpt stays on its lines. */
export function flattenWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Word-wraps `text` to lines of at most `width` columns. Words longer than a line are split between
 * graphemes, never inside one. `width` below 1 is treated as 1.
 */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, Math.floor(width));
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of flattenWhitespace(text).split(' ')) {
    if (word === '') continue;
    const wordWidth = textWidth(word);
    if (lineWidth > 0 && lineWidth + 1 + wordWidth <= limit) {
      line += ` ${word}`;
      lineWidth += 1 + wordWidth;
      continue;
    }
    if (lineWidth > 0) lines.push(line);
    line = '';
    lineWidth = 0;
    if (wordWidth <= limit) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    for (const { segment } of segmenter.segment(word)) {
      const segmentWidth = textWidth(segment);
      if (lineWidth + segmentWidth > limit && lineWidth > 0) {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
      line += segment;
      lineWidth += segmentWidth;
    }
  }
  if (lineWidth > 0 || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Removes C0/C1 control characters (ESC included) except newline and tab, so text from a query or an
 * article cannot move the cursor, clear the screen or recolour the terminal when printed.
 */
export function stripControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu, '');
}
