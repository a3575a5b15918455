/** Runs one evaluation set against a freshly built engine: loads its articles, asks every question, scores. */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { AnswerSchema, buildEngine, loadContent, type ConversationState, type Engine, type EngineOptions, type ParsedDocument } from '../src/index.js';
import { checkQuestionSet } from './check-questions.js';
import { REPO_ROOT, questionFile, type EvalSetDefinition } from './eval-sets.js';
import { parseQuestionSet, scoreAnswer, summarizeSplit, SPLITS, type EvalQuestion, type QuestionResult, type Split, type SplitReport } from './score-eval.js';

export interface SplitRun {
  report: SplitReport;
  results: QuestionResult[];
}

export interface SetRun {
  name: string;
  /** What was loaded, for the report header. */
  contentLabel: string;
  documents: number;
  /** Problems with the question set itself (unknown heading, excerpt not in the article); should be empty. */
  questionProblems: string[];
  /** Answers that did not validate against AnswerSchema (id: first issue). */
  invalidAnswers: string[];
  splits: Record<Split, SplitRun>;
}

/** Loads a set's articles: a folder as is, or a single file copied into a temporary folder of its own. */
export async function loadSetDocuments(definition: EvalSetDefinition): Promise<{ documents: ParsedDocument[]; label: string }> {
  if ('dir' in definition.content) {
    const dir = resolve(REPO_ROOT, definition.content.dir);
    const { documents, problems } = await loadContent(dir);
    if (problems.length > 0) throw new Error(`eval set ${definition.name}: ${problems.map((p) => p.message).join('; ')}`);
    return { documents, label: `${definition.content.dir}/` };
  }
  const file = resolve(REPO_ROOT, definition.content.file);
  const dir = await mkdtemp(join(tmpdir(), 'talks-eval-'));
  try {
    await copyFile(file, join(dir, basename(file)));
    const { documents, problems } = await loadContent(dir);
    if (problems.length > 0) throw new Error(`eval set ${definition.name}: ${problems.map((p) => p.message).join('; ')}`);
    return { documents, label: definition.content.file };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function readQuestionSet(name: string, split: Split): Promise<EvalQuestion[]> {
  const file = questionFile(name, split);
  return parseQuestionSet(await readFile(file, 'utf8'), file);
}

/**
 * Asks the questions in file order. Lines sharing a `thread` carry the conversation state from one to
 * the next; every other line starts from no state.
 */
export function askQuestions(engine: Engine, questions: readonly EvalQuestion[], split: Split, invalid: string[] = []): QuestionResult[] {
  const states = new Map<string, ConversationState>();
  return questions.map((question) => {
    const previous = question.thread ? states.get(question.thread) : undefined;
    const turn = engine.answer(question.q, previous);
    if (question.thread) states.set(question.thread, turn.state);
    const parsed = AnswerSchema.safeParse(turn.answer);
    if (!parsed.success) invalid.push(`${question.id}: ${parsed.error.issues[0]?.message ?? 'invalid answer'}`);
    return scoreAnswer(question, split, parsed.success ? parsed.data : turn.answer);
  });
}

/** Runs a set; `options` go to buildEngine unchanged, so an ablation (one choice switched off) can be measured. */
export async function runEvalSet(definition: EvalSetDefinition, options: EngineOptions = {}): Promise<SetRun> {
  const { documents, label } = await loadSetDocuments(definition);
  const engine = buildEngine(documents, options);
  const invalidAnswers: string[] = [];
  const questionProblems: string[] = [];
  const splits = {} as Record<Split, SplitRun>;
  for (const split of SPLITS) {
    const questions = await readQuestionSet(definition.name, split);
    questionProblems.push(...checkQuestionSet(questions, documents).map((problem) => `${split}: ${problem}`));
    const results = askQuestions(engine, questions, split, invalidAnswers);
    splits[split] = { report: summarizeSplit(split, results), results };
  }
  return { name: definition.name, contentLabel: label, documents: documents.length, questionProblems, invalidAnswers, splits };
}
