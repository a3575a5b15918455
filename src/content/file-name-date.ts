/**
 * The date a file's name gives, as desks and static-site tools name articles (`2026-10-12-talks-open.txt`,
 * `talks_20261012.md`): an article without front matter is dated by it rather than by the file's modified
 * time, which a copy or a checkout resets. Undefined when the name holds no real calendar date.
 */
const DATE_IN_NAME = /(?<!\d)((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)/;

export function dateInFileName(fileName: string): Date | undefined {
  const base = fileName.replace(/^.*[\\/]/, '');
  const match = DATE_IN_NAME.exec(base);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[3]), Number(match[4])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // 2026-02-30 is no date: Date would roll it over to March.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}
