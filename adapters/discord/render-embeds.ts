import type { Citation, DocumentOutline, SectionRef } from '../../src/index.js';
import type { DiscordEmbed, DiscordEmbedField } from './discord-payload.js';
import { blockQuote, boldTerms, escapeMarkdown, splitText, truncateText } from './discord-text.js';
import {
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_TEXT_MAX,
  EMBED_TITLE_MAX,
  EMBED_URL_MAX,
  MESSAGE_EMBEDS_TOTAL_MAX,
} from './limits.js';

/** Accent colour of every answer embed. */
export const EMBED_COLOR = 0x2f6f9f;

/** "Document › Section", the citation every excerpt carries. */
export function citationTitle(ref: { documentTitle: string; sectionTitle: string }): string {
  return truncateText(`${ref.documentTitle} › ${ref.sectionTitle}`, EMBED_TITLE_MAX);
}

/** Discord rejects the whole message for a malformed embed URL, so only plain http(s) links pass. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || url.length > EMBED_URL_MAX) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** "as of 2026-03-02" from an ISO date or timestamp. */
export function asOfFooter(asOf: string | undefined): { text: string } | undefined {
  if (!asOf) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(asOf)?.[0] ?? asOf;
  return { text: truncateText(`as of ${day}`, EMBED_FOOTER_TEXT_MAX) };
}

/**
 * Citations as embeds: consecutive excerpts from the same section share one embed under their
 * "Document › Section" title (linked when the article has a URL), each excerpt quoted verbatim (Markdown
 * escaped, matched words bolded). Past an embed's description limit the section continues in another
 * embed, split between excerpts — or, for one excerpt longer than an embed, at sentence or word boundaries.
 */
export function renderCitationEmbeds(citations: readonly Citation[]): DiscordEmbed[] {
  const groups: Citation[][] = [];
  for (const citation of citations) {
    const last = groups[groups.length - 1];
    const head = last?.[0];
    if (head && head.documentId === citation.documentId && head.sectionId === citation.sectionId && head.url === citation.url) last.push(citation);
    else groups.push([citation]);
  }
  return groups.flatMap(renderSectionGroup);
}

function renderSectionGroup(group: readonly Citation[]): DiscordEmbed[] {
  const head = group[0]!;
  const quotes = group.flatMap((citation) => splitQuoted(escapeMarkdown(citation.excerpt), citation.matched));
  const descriptions: string[] = [];
  for (const quote of quotes) {
    const last = descriptions.length - 1;
    if (last >= 0 && descriptions[last]!.length + 2 + quote.length <= EMBED_DESCRIPTION_MAX) descriptions[last] += `\n\n${quote}`;
    else descriptions.push(quote);
  }
  const url = safeUrl(head.url);
  const title = citationTitle(head);
  const footer = asOfFooter(group.map((citation) => citation.asOf).find((asOf) => asOf !== undefined));
  return descriptions.map((description, index) => ({
    title: index === 0 ? title : truncateText(`${title} (continued)`, EMBED_TITLE_MAX),
    ...(url ? { url } : {}),
    description,
    color: EMBED_COLOR,
    ...(index === descriptions.length - 1 && footer ? { footer } : {}),
  }));
}

/**
 * Splits escaped text into block-quoted, bolded pieces that each fit an embed description. Quoting adds
 * 2 characters per line and bolding 4 per matched word, so the raw budget shrinks until every piece fits.
 */
function splitQuoted(escaped: string, matched: readonly string[]): string[] {
  let budget = EMBED_DESCRIPTION_MAX;
  for (;;) {
    const pieces = splitText(escaped, budget).map((piece) => blockQuote(boldTerms(piece, matched)));
    if (pieces.every((piece) => piece.length <= EMBED_DESCRIPTION_MAX)) return pieces;
    if (budget < 200) return pieces.map((piece) => truncateText(piece, EMBED_DESCRIPTION_MAX));
    budget = Math.floor(budget * 0.85);
  }
}

/** A list of lines as embed descriptions, split between lines so none passes the description limit. */
export function renderListEmbeds(title: string, lines: string[], extra: Partial<DiscordEmbed> = {}): DiscordEmbed[] {
  const pages: string[][] = [[]];
  let length = 0;
  for (const rawLine of lines) {
    const line = truncateText(rawLine, EMBED_DESCRIPTION_MAX);
    const current = pages[pages.length - 1]!;
    if (current.length > 0 && length + 1 + line.length > EMBED_DESCRIPTION_MAX) {
      pages.push([line]);
      length = line.length;
    } else {
      current.push(line);
      length += (current.length > 1 ? 1 : 0) + line.length;
    }
  }
  return pages.map((page, index) => ({
    title: truncateText(index === 0 ? title : `${title} (continued)`, EMBED_TITLE_MAX),
    description: page.join('\n') || '—',
    color: EMBED_COLOR,
    ...extra,
  }));
}

/** One embed per document: its sections numbered, then its tables. */
export function renderOutlineEmbeds(outline: DocumentOutline): DiscordEmbed[] {
  const lines = outline.sections.map((section, index) => `${index + 1}. ${escapeMarkdown(section.sectionTitle)}`);
  for (const table of outline.tables) {
    const columns = table.columns.map((column) => escapeMarkdown(column)).join(' · ');
    lines.push(`Table in *${escapeMarkdown(table.sectionTitle)}*: ${columns}`);
  }
  return renderListEmbeds(escapeMarkdown(outline.documentTitle), lines);
}

/** "Possibly related" / "Did you mean" as a bulleted list of Document › Section. */
export function renderRelatedEmbeds(heading: string, related: readonly SectionRef[]): DiscordEmbed[] {
  if (related.length === 0) return [];
  const lines = related.map((ref) => `• ${escapeMarkdown(ref.sectionTitle)} — *${escapeMarkdown(ref.documentTitle)}*`);
  return renderListEmbeds(heading, lines);
}

/**
 * Fields packed into embeds: at most 25 each, and at most FIELDS_CHARS_PER_EMBED characters so that one
 * embed plus its title, description and footer stays under the 6,000 a message allows.
 */
export function packFields(title: string, fields: DiscordEmbedField[], extra: Partial<DiscordEmbed>): DiscordEmbed[] {
  const pages: DiscordEmbedField[][] = [];
  let size = 0;
  for (const field of fields) {
    const length = field.name.length + field.value.length;
    const page = pages[pages.length - 1];
    if (page && page.length < EMBED_FIELDS_MAX && size + length <= FIELDS_CHARS_PER_EMBED) {
      page.push(field);
      size += length;
    } else {
      pages.push([field]);
      size = length;
    }
  }
  return pages.map((page, index) => ({
    title: truncateText(index === 0 ? title : `${title} (continued)`, EMBED_TITLE_MAX),
    color: EMBED_COLOR,
    ...extra,
    fields: page,
  }));
}

/** Room for fields in one embed: the message's 6,000 less a full title, a short description and a footer. */
const FIELDS_CHARS_PER_EMBED = MESSAGE_EMBEDS_TOTAL_MAX - EMBED_TITLE_MAX - 400;

/** A field whose value may be long: split over several fields at line or word boundaries, never dropped. */
export function splitField(name: string, value: string): DiscordEmbedField[] {
  const safeName = truncateText(name.trim() === '' ? '—' : name, EMBED_FIELD_NAME_MAX);
  const values = splitText(value.trim() === '' ? '—' : value, EMBED_FIELD_VALUE_MAX);
  return values.map((piece, index) => ({
    name: index === 0 ? safeName : truncateText(`${name} (continued)`, EMBED_FIELD_NAME_MAX),
    value: piece,
  }));
}
