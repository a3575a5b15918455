/**
 * The talks-tracker core: parse articles, index them, answer with cited excerpts, keep per-thread
 * conversation state. Platform-free: no SDKs, no process.env, no logger construction. Adapters import
 * this file only.
 */
export {
  AnswerSchema,
  AnswerKindSchema,
  CitationSchema,
  AnswerTableSchema,
  SectionRefSchema,
  DocumentOutlineSchema,
  AnswerActionSchema,
  type Answer,
  type AnswerKind,
  type Citation,
  type AnswerTable,
  type SectionRef,
  type DocumentOutline,
  type AnswerAction,
} from './answer/answer-schema.js';
export { ACKNOWLEDGEMENT } from './answer/render-text.js';
export { ConversationStateSchema, createConversationState, type ConversationState } from './conversation/conversation-state.js';
export {
  createMemoryConversationStore,
  DEFAULT_IDLE_TTL_MS,
  DEFAULT_MAX_THREADS,
  type ConversationStore,
  type MemoryStoreOptions,
} from './conversation/conversation-store.js';
export type { ParsedDocument, ParsedSection, ContentBlock, TableBlock, ListBlock, ParagraphBlock } from './content/document-model.js';
export { parseArticle, type ParseArticleInput, type ArticleFormat } from './content/parse-article.js';
export { loadContent, loadArticleFile, listArticleFiles, type LoadedContent, type ContentProblem } from './content/load-content.js';
export { buildEngine, type EngineOptions } from './engine/build-engine.js';
export { startEngine, type StartEngineOptions, type StartedEngine } from './engine/start-engine.js';
export type { Engine, Turn, DocumentInfo, EngineStats } from './engine/engine-types.js';
export { createTalksService, type TalksService, type TalksServiceOptions, type AskInput } from './engine/talks-service.js';
export { TalksError, ContentParseError, type TalksErrorCode } from './errors.js';
