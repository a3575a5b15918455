/** Pure text rendering of evaluation results for `npm run eval`. */
import type { SetRun } from './run-eval-set.js';
import { QUESTION_TYPES, SPLITS, type Metrics, type QuestionResult, type Rate, type Split } from './score-eval.js';

function pct(r: Rate): string {
  if (r.rate === null) return '-'.padStart(13);
  return `${(r.rate * 100).toFixed(0).padStart(3)}% ${`${r.hits}/${r.of}`.padStart(7)}`.padStart(13);
}

const HEADER = ['type'.padEnd(13), 'n'.padStart(3), 'section@1'.padStart(13), 'excerpt@1'.padStart(13), 'oos refused'.padStart(13), 'wrongly ref.'.padStart(13), 'kind ok'.padStart(13)].join(' ');

function row(label: string, m: Metrics): string {
  return [label.padEnd(13), String(m.count).padStart(3), pct(m.sectionAt1), pct(m.excerptAt1), pct(m.outOfScopeRefusal), pct(m.wronglyRefused), pct(m.kindAccuracy)].join(' ');
}

/** One-line summary of a split's metrics. */
export function formatOverallLine(name: string, split: Split | 'all', m: Metrics): string {
  const f = (r: Rate) => (r.rate === null ? '-' : `${(r.rate * 100).toFixed(1)}% (${r.hits}/${r.of})`);
  return `${name} ${split}: section@1 ${f(m.sectionAt1)} | excerpt@1 ${f(m.excerptAt1)} | oos refused ${f(m.outOfScopeRefusal)} | wrongly refused ${f(m.wronglyRefused)} | kind ${f(m.kindAccuracy)}`;
}

export function formatSetTables(run: SetRun): string {
  const lines: string[] = [`== ${run.name} (${run.contentLabel}, ${run.documents} document${run.documents === 1 ? '' : 's'})`];
  for (const problem of run.questionProblems) lines.push(`   question set problem: ${problem}`);
  for (const invalid of run.invalidAnswers) lines.push(`   answer failed AnswerSchema: ${invalid}`);
  for (const split of SPLITS) {
    const { report } = run.splits[split];
    lines.push('', `-- ${split} (${report.overall.count} questions: ${report.overall.inScope} in scope, ${report.overall.outOfScope} out of scope)`, HEADER);
    for (const type of QUESTION_TYPES) {
      const metrics = report.byType[type];
      if (metrics) lines.push(row(type, metrics));
    }
    lines.push(row('all', report.overall));
  }
  lines.push('');
  for (const split of SPLITS) lines.push(formatOverallLine(run.name, split, run.splits[split].report.overall));
  return lines.join('\n');
}

function clip(text: string | undefined, max = 90): string {
  if (text === undefined) return '(none)';
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** What failed in a result, e.g. `section excerpt`. */
export function failedChecks(r: QuestionResult): string {
  return [!r.kindOk && 'kind', r.sectionOk === false && 'section', r.excerptOk === false && 'excerpt'].filter(Boolean).join('+');
}

export function formatFailure(r: QuestionResult): string {
  const expected = r.inScope ? `${r.expectedKind} · ${r.expectSection} · "${r.expectExcerpt}"` : 'not_found';
  const got = `${r.got.kind} · ${r.got.section ?? '(no citation)'} · "${clip(r.got.excerpt)}"`;
  const thread = r.thread ? ` [thread ${r.thread}${r.got.resolvedQuery ? ` → "${r.got.resolvedQuery}"` : ''}]` : '';
  return `  ✗ ${r.id} (${r.type}, failed: ${failedChecks(r)}) "${r.q}"${thread}\n      expected: ${expected}\n      got:      ${got}`;
}

/**
 * Lists failures. Held-out failures are only counted unless `showHeldout`: the engine is tuned on the
 * tune split only, and reading held-out misses would turn them into tuning data.
 */
export function formatFailures(run: SetRun, showHeldout: boolean, only?: Split): string {
  const lines: string[] = [];
  for (const split of SPLITS.filter((s) => only === undefined || s === only)) {
    const failures = run.splits[split].results.filter((r) => !r.passed);
    if (split === 'heldout' && !showHeldout) {
      lines.push(`${run.name} heldout: ${failures.length} failing question(s) not listed (held out: pass --show-heldout to list them, and do not tune on them)`);
      continue;
    }
    lines.push(`${run.name} ${split}: ${failures.length} failing question(s)`);
    lines.push(...failures.map(formatFailure));
  }
  return lines.join('\n');
}
