/**
 * Text copied out of a PDF carries each page's furniture between the article's lines: page numbers on lines of
 * their own ("2", "Page 3 of 8", "- 4 -") and running headers or footers ("Nile Basin Policy Unit    Page 2").
 * Read as text, a footer without a full stop is taken for a heading and the text after it cited under its name.
 * It is furniture when it comes back page after page, the same words with the page number going up.
 */

/** A page number standing alone: "2", "Page 2", "page 2 of 8", "2 of 8", "2/8", "- 2 -", "p. 2". */
const PAGE_NUMBER = /^(?:(?:page|p\.)\s*)?(\d{1,3})(?:\s*(?:of|\/)\s*\d{1,3})?$|^[-–—]\s*(\d{1,3})\s*[-–—]$/i;
/** A running header or footer: words, a gap of two or more spaces, then a page number (or the other way round). */
const RUNNING_LINE = /^(?:(.{3,80}?)\s{2,}((?:page\s*)?\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?)|((?:page\s*)?\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?)\s{2,}(.{3,80}?))$/i;

/**
 * A web page's chrome copied with its article, a line of its own between paragraphs: 'Advertisement', 'Story
 * continues below advertisement', '4 minute read', 'Listen to this article'. Read as text, it is a heading
 * over the paragraphs after it.
 */
const WEB_CHROME = /^(?:advertisements?|advert|sponsored(?: content)?|skip (?:advertisement|ad)|(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|continue reading(?: (?:the main story|below))?|scroll to continue(?: with content)?|\d{1,3}[ -]min(?:ute)?s?(?: read)|listen to (?:this )?(?:article|story)(?:\s*[·•|-]?\s*\d{1,2}(?::\d{2})? min(?:ute)?s?)?)$/i;

/** True for a line of a web page's chrome ('Advertisement', '4 min read'), the line alone. */
export const isWebChrome = (line: string) => WEB_CHROME.test(line.trim());

/** The fewest lines between two pages' furniture. */
const MIN_PAGE_LINES = 6;

/** Indexes of the lines of `lines` that are page furniture: a kind seen twice or more, its page numbers going up. */
export function pageFurnitureLines(lines: readonly string[]): Set<number> {
  const kinds = new Map<string, Array<{ index: number; page: number }>>();
  lines.forEach((line, index) => {
    const text = line.trim();
    const alone = PAGE_NUMBER.exec(text);
    const running = alone ? undefined : RUNNING_LINE.exec(text);
    if (!alone && !running) return;
    const number = alone ? (alone[1] ?? alone[2]) : (running?.[2] ?? running?.[3]);
    const kind = text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
    const seen = kinds.get(kind) ?? [];
    seen.push({ index, page: Number(/\d+/.exec(number ?? '')?.[0]) });
    kinds.set(kind, seen);
  });
  const furniture = new Set<number>();
  for (const seen of kinds.values()) {
    // (Rows of a table or a list counting up one a line are no pages: furniture comes a page's lines apart.)
    const pages = seen.every((line, n) => n === 0 || (line.page > (seen[n - 1]?.page ?? 0) && line.index - (seen[n - 1]?.index ?? 0) >= MIN_PAGE_LINES));
    if (seen.length < 2 || !pages) continue;
    for (const line of seen) furniture.add(line.index);
  }
  return furniture;
}

/** The function and patterns above, for the parser's code fingerprint. */
export const PAGE_FURNITURE_CODE: readonly unknown[] = [pageFurnitureLines, isWebChrome, PAGE_NUMBER, RUNNING_LINE, MIN_PAGE_LINES, WEB_CHROME];
