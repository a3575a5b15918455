/**
 * `npm run eval`: runs every question set against a freshly built engine and prints section@1,
 * excerpt@1, out-of-scope refusal, wrongly refused in-scope questions and kind accuracy, per split and type.
 *
 *   npm run eval                       tables per set, split and type
 *   npm run eval -- --failures         also list failing tune questions (held-out ones only counted)
 *   npm run eval -- --failures --show-heldout   list held-out failures too (do not tune on them)
 *   npm run eval -- --json             one JSON object (per-question results for tune only, unless --show-heldout)
 *   npm run eval -- --set NAME         only that set
 *   npm run eval -- --options '{...}'  EngineOptions (JSON) passed to buildEngine, to measure one choice at a time
 */
import { parseArgs } from 'node:util';
import { EVAL_SETS } from './eval-sets.js';
import { formatFailures, formatSetTables } from './format-report.js';
import { runEvalSet, type SetRun } from './run-eval-set.js';
import type { EngineOptions } from '../src/index.js';
import { SPLITS } from './score-eval.js';

function toJson(runs: SetRun[], showHeldout: boolean): unknown {
  return {
    sets: runs.map((run) => ({
      name: run.name,
      content: run.contentLabel,
      documents: run.documents,
      questionProblems: run.questionProblems,
      invalidAnswers: run.invalidAnswers,
      splits: Object.fromEntries(
        SPLITS.map((split) => {
          const { report, results } = run.splits[split];
          const listed = split === 'tune' || showHeldout;
          return [split, { overall: report.overall, byType: report.byType, ...(listed ? { results } : {}) }];
        }),
      ),
    })),
  };
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        failures: { type: 'boolean', default: false },
        'show-heldout': { type: 'boolean', default: false },
        set: { type: 'string' },
        options: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`eval: ${(error as Error).message} (try --help)\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write('usage: npm run eval -- [--json] [--failures] [--show-heldout] [--set NAME] [--options JSON]\n');
    return 0;
  }
  const sets = EVAL_SETS.filter((set) => values.set === undefined || set.name === values.set);
  if (sets.length === 0) {
    process.stderr.write(`eval: no set named ${values.set} (sets: ${EVAL_SETS.map((s) => s.name).join(', ')})\n`);
    return 2;
  }
  let options: EngineOptions = {};
  if (values.options !== undefined) {
    try {
      options = JSON.parse(values.options) as EngineOptions;
    } catch (error) {
      process.stderr.write(`eval: --options is not valid JSON: ${(error as Error).message}\n`);
      return 2;
    }
  }
  const runs: SetRun[] = [];
  for (const set of sets) runs.push(await runEvalSet(set, options));
  const showHeldout = values['show-heldout'] ?? false;
  if (values.json) {
    process.stdout.write(`${JSON.stringify(toJson(runs, showHeldout))}\n`);
    return 0;
  }
  for (const run of runs) {
    process.stdout.write(`${formatSetTables(run)}\n\n`);
    if (values.failures) process.stdout.write(`${formatFailures(run, showHeldout)}\n\n`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`eval: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
