/**
 * Lists inside lists (`- Data sharing` over `  - daily release figures`): a sub-item is part of its parent,
 * not an item of its own. Quoted alone it would lose what it is about, so each top-level item carries its
 * sub-items, in the article's order: "Data sharing: daily release figures; weekly audits".
 */

/** How far a sub-item's bullet sits right of its parent's, at least (CommonMark nests at the parent's text; writers indent by two or more). */
const NEST_INDENT = 2;
/** A tab lines up to the next multiple of four columns, as CommonMark counts it. */
const TAB_STOP = 4;
/** A text already ending in punctuation goes on after a space: "Two points:" + "borders" is "Two points: borders". */
const ENDS_CLAUSE = /[.!?;,:…—–-]["'”’)\]]*$/;

/** The column a line's first character stands at, tabs expanded. */
export function indentOf(line: string): number {
  let column = 0;
  for (const char of line) {
    if (char === ' ') column += 1;
    else if (char === '\t') column += TAB_STOP - (column % TAB_STOP);
    else break;
  }
  return column;
}

/**
 * The depth of a bullet at `indent` under the bullets still open (their indents, outermost first), which
 * it updates: 0 for a top-level item, 1 for its sub-item, and so on.
 */
export function nestBullet(open: number[], indent: number): number {
  while (open.length > 0 && indent < (open[open.length - 1] ?? 0) + NEST_INDENT) open.pop();
  open.push(indent);
  return open.length - 1;
}

/** True when `indent` puts a bullet under the last one open: a sub-item. */
export function isSubItemIndent(open: readonly number[], indent: number): boolean {
  return open.length > 0 && indent >= (open[open.length - 1] ?? 0) + NEST_INDENT;
}

/** The top-level items, each with its sub-items (and theirs) joined on in order. */
export function joinSubItems(items: readonly string[], depths: readonly number[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < items.length; ) {
    const end = subtreeEnd(depths, i);
    joined.push(joinItem(items, depths, i, end));
    i = end;
  }
  return joined;
}

/** The index after item `start` and its sub-items. */
function subtreeEnd(depths: readonly number[], start: number): number {
  let end = start + 1;
  while (end < depths.length && (depths[end] ?? 0) > (depths[start] ?? 0)) end += 1;
  return end;
}

function joinItem(items: readonly string[], depths: readonly number[], start: number, end: number): string {
  const children: string[] = [];
  for (let i = start + 1; i < end; ) {
    const childEnd = subtreeEnd(depths, i);
    children.push(joinItem(items, depths, i, childEnd));
    i = childEnd;
  }
  const parent = (items[start] ?? '').trim();
  const list = children.filter(Boolean).reduce((text, child) => (text ? `${text}${ENDS_CLAUSE.test(text) ? ' ' : '; '}${child}` : child), '');
  if (!list) return parent;
  if (!parent) return list;
  return `${parent}${ENDS_CLAUSE.test(parent) ? ' ' : ': '}${list}`;
}

/** The functions and patterns above, for the parser's code fingerprint. */
export const NESTED_LIST_CODE: readonly unknown[] = [indentOf, nestBullet, isSubItemIndent, joinSubItems, subtreeEnd, joinItem, NEST_INDENT, TAB_STOP, ENDS_CLAUSE];
