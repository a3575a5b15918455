/**
 * Removes Markdown inline markup (emphasis, code ticks, links, footnote marks, backslash escapes) and keeps the
 * words as written; character references (`&amp;`, `&nbsp;`) become the characters the reader sees. Images go
 * whole: their alt text describes a picture, it is not the article's words to quote.
 */
export function stripMarkdownInline(text: string): string {
  return text
    // A backslash escape (`5\*2`, `border\_map`) is the character itself, kept out of the markup rules below.
    .replace(ESCAPED, (_escape, char: string) => String.fromCharCode(ESCAPE_BASE + char.charCodeAt(0)))
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    // Struck text ('resume on ~~Monday~~ Tuesday', <del>…</del>) is what the article withdrew: quoted, it would
    // say both; the reader is left with the words that stand.
    .replace(STRUCK, '')
    .replace(/^\[\^[^\]\s]+\]:\s*/, '')
    .replace(/\[\^[^\]\s]+\]/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    // Reference links: `[the report][1]`, `[AU statement][]`.
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    // An autolink's address is what the reader sees; a line break is a space between two words.
    .replace(/<((?:https?|ftp|mailto):[^\s<>]+)>/gi, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    // A block or cell closing ('</p>', '</td>', '</li>') ends its words: the next ones are not glued on.
    .replace(/<\/(?:p|div|li|td|th|tr|h[1-6]|blockquote|section|article)\s*>/gi, ' ')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(HTML_ENTITY, decodeEntity)
    // Markdown renders runs of spaces as one; removed markup must not leave two.
    .replace(/ {2,}/g, ' ')
    .replace(ESCAPE_MARK, (mark) => String.fromCharCode(mark.charCodeAt(0) - ESCAPE_BASE))
    .trim();
}

/** GFM strikethrough (https://github.github.com/gfm/#strikethrough-extension-) and HTML's struck-text elements. */
const STRUCK = /~~(?=\S)(?:[^~]|~(?!~))+?(?<=\S)~~|<(del|s|strike)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/** CommonMark's backslash escapes: a backslash before ASCII punctuation (https://spec.commonmark.org/0.31.2/#backslash-escapes). */
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
/** Escaped characters wait in the Private Use Area while markup is removed, then come back as themselves. */
const ESCAPE_BASE = 0xe000;
const ESCAPE_MARK = /[\ue021-\ue07e]/g;

/** `&amp;`, `&nbsp;`, `&#8217;`, `&#x2014;`: HTML character references, which Markdown renders as the characters. */
const HTML_ENTITY = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;

/**
 * The named references editors and CMS exports write (https://html.spec.whatwg.org/multipage/named-characters.html);
 * a no-break space is a space to the reader. A name not listed here is left as written.
 */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»',
  middot: '·', bull: '•', deg: '°', plusmn: '±', times: '×', divide: '÷', frac12: '½', frac14: '¼', frac34: '¾', percnt: '%',
  euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§', para: '¶', copy: '©', reg: '®', trade: '™',
  aacute: 'á', eacute: 'é', iacute: 'í', oacute: 'ó', uacute: 'ú', Aacute: 'Á', Eacute: 'É', Iacute: 'Í', Oacute: 'Ó', Uacute: 'Ú',
  agrave: 'à', egrave: 'è', ograve: 'ò', Agrave: 'À', Egrave: 'È', acirc: 'â', ecirc: 'ê', ocirc: 'ô', icirc: 'î', ucirc: 'û',
  auml: 'ä', euml: 'ë', iuml: 'ï', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß',
  atilde: 'ã', otilde: 'õ', ntilde: 'ñ', Atilde: 'Ã', Otilde: 'Õ', Ntilde: 'Ñ', ccedil: 'ç', Ccedil: 'Ç', aring: 'å', Aring: 'Å', oslash: 'ø', Oslash: 'Ø', aelig: 'æ',
};

function decodeEntity(reference: string, decimal?: string, hex?: string, name?: string): string {
  if (name !== undefined) return NAMED_ENTITIES[name] ?? reference;
  const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
  if (code === 0xa0) return ' ';
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : reference;
}

/** The functions and tables above, for the parser's code fingerprint. */
export const MARKDOWN_INLINE_CODE: readonly unknown[] = [stripMarkdownInline, decodeEntity, HTML_ENTITY, NAMED_ENTITIES, ESCAPED, ESCAPE_BASE, ESCAPE_MARK, STRUCK];
