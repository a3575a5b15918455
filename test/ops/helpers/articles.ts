/**
 * Small synthetic articles for the ops tests, each built around one invented word so a test can tell which
 * document answered without knowing anything about the real content.
 */
export function syntheticArticle(word: string, title: string, date = '2026-01-05'): string {
  return [
    '---',
    `title: ${title}`,
    `date: ${date}`,
    '---',
    '',
    'Where the talks stand',
    '',
    `The ${word} delegation met the mediators in the harbour city on Monday and agreed to meet again next week.`,
    `Officials said the ${word} proposal covers shipping lanes, prisoner exchanges and a timetable for inspections.`,
    '',
    `Diplomats close to the ${word} team described the mood as cautious but said both sides wanted a written text by spring.`,
    '',
    `Critics of the ${word} approach warned that sanctions relief was still the sticking point in every round so far.`,
    '',
    'What comes next',
    '',
    `A second round is expected after the ${word} envoys report back to their capital.`,
    '',
  ].join('\n');
}

/** A half-written article: front matter opened and never closed (the parser names file and line). */
export function brokenArticle(title: string): string {
  return ['---', `title: ${title}`, 'date: 2026-01-06', '', 'Where the talks stand', '', 'Half a sentence'].join('\n');
}
