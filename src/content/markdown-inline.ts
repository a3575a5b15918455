/**
 * Removes Markdown inline markup (emphasis, code ticks, links, footnote marks) and keeps the words as written.
 * Images go whole: their alt text describes a picture, it is not the article's words to quote.
 */
export function stripMarkdownInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/^\[\^[^\]\s]+\]:\s*/, '')
    .replace(/\[\^[^\]\s]+\]/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    // Markdown renders runs of spaces as one; removed markup must not leave two.
    .replace(/ {2,}/g, ' ')
    .trim();
}
