/**
 * Days of the week and months a question or a passage names: "how long did tuesday's session last" is not
 * answered by "Monday's opening session lasted nearly nine hours".
 */
import { splitWords } from '../text/analyze-terms.js';

const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** "may" is left out: in a lower-case question it is far more often the modal. */
const MONTHS = new Set(['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

export interface NamedTimes {
  days: Set<string>;
  months: Set<string>;
}

export function namedTimes(text: string): NamedTimes {
  const days = new Set<string>();
  const months = new Set<string>();
  for (const word of splitWords(text)) {
    const bare = word.replace(/'s$/, '');
    if (DAYS.has(bare)) days.add(bare);
    else if (MONTHS.has(bare)) months.add(bare);
  }
  return { days, months };
}

/**
 * Whether a passage is about another time than the question asks: the question names a day (a month) and the
 * passage names days (months), none of them the question's. A passage naming no day is never ruled out.
 */
export function aboutAnotherTime(asked: NamedTimes, passageText: string): boolean {
  if (asked.days.size === 0 && asked.months.size === 0) return false;
  const named = namedTimes(passageText);
  const other = (wanted: Set<string>, found: Set<string>) => wanted.size > 0 && found.size > 0 && ![...wanted].some((time) => found.has(time));
  return other(asked.days, named.days) || other(asked.months, named.months);
}
