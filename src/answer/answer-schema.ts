import { z } from 'zod';

/**
 * What kind of answer the core produced; platforms render each differently. The CLI only ever emits the
 * first six; `rate_limited` is produced at the edge when a user or channel asks too fast.
 */
export const AnswerKindSchema = z.enum(['answer', 'positions', 'section', 'sections', 'help', 'not_found', 'rate_limited']);
export type AnswerKind = z.infer<typeof AnswerKindSchema>;

/** A pointer to one section of one document. */
export const SectionRefSchema = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  sectionId: z.string(),
  sectionTitle: z.string(),
});
export type SectionRef = z.infer<typeof SectionRefSchema>;

/**
 * One verbatim excerpt and where it comes from. `excerpt` keeps the article's own characters;
 * for a table row it is the row as text with each cell labelled by its column.
 */
export const CitationSchema = SectionRefSchema.extend({
  excerpt: z.string(),
  /** The article's link, when its front matter has one. */
  url: z.string().optional(),
  /** The document's date or last change (ISO 8601), so answers say which version they quote. */
  asOf: z.string().optional(),
  /** Query terms found in the excerpt, as they are written in it (renderers may bold them). */
  matched: z.array(z.string()).default([]),
});
export type Citation = z.infer<typeof CitationSchema>;

/** A table as the article has it: columns from its header row, cells verbatim. */
export const AnswerTableSchema = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  sectionId: z.string(),
  sectionTitle: z.string(),
  tableId: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  url: z.string().optional(),
  asOf: z.string().optional(),
});
export type AnswerTable = z.infer<typeof AnswerTableSchema>;

/** The sections of one document, for the `sections` answer. */
export const DocumentOutlineSchema = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  sections: z.array(z.object({ sectionId: z.string(), sectionTitle: z.string() })),
  tables: z.array(z.object({ tableId: z.string(), sectionTitle: z.string(), columns: z.array(z.string()) })).default([]),
});
export type DocumentOutline = z.infer<typeof DocumentOutlineSchema>;

/**
 * Follow-up actions the platforms can offer as buttons. `token` is a compact string (at most
 * 90 characters, so it fits a Discord custom_id) that `engine.runAction(token)` turns back into an answer.
 */
export const AnswerActionSchema = z.object({
  kind: z.enum(['more', 'positions']),
  label: z.string(),
  token: z.string().max(90),
});
export type AnswerAction = z.infer<typeof AnswerActionSchema>;

/**
 * The one platform-free value every platform renders. Deterministic: the same content and query
 * give the same Answer.
 */
export const AnswerSchema = z.object({
  query: z.string(),
  kind: AnswerKindSchema,
  /** Plain-text rendering of the whole answer (what the CLI prints and platforms use as fallback text). */
  text: z.string(),
  /** Best first. Empty for `sections`, `help` and `not_found`. */
  citations: z.array(CitationSchema),
  /** Set for `positions` (the whole table) and for table-row answers (the table the rows come from). */
  table: AnswerTableSchema.optional(),
  /** For `not_found`: the nearest sections ("possibly related"); for `section`: the others it could have meant. */
  related: z.array(SectionRefSchema).default([]),
  /** For `sections`: one outline per document. */
  outlines: z.array(DocumentOutlineSchema).default([]),
  /** For `help`: example queries drawn from the loaded articles. */
  examples: z.array(z.string()).default([]),
  /** Things the user should be told, e.g. that a long query was cut. */
  notices: z.array(z.string()).default([]),
  /** Buttons a platform may offer under the answer. */
  actions: z.array(AnswerActionSchema).default([]),
  /** The query the core actually answered when a follow-up was resolved against the thread ("and Iran?" → ...). */
  resolvedQuery: z.string().optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;
