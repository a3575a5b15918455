/** Block Kit `action_id`s of the buttons under an answer; the interactivity handlers match on them. */
export const ACTION_SHARE = 'talks_share';
/** Core actions ("More from this section", "Show positions") are `talks_action_<kind>_<n>`: unique within a message. */
export const ACTION_CORE_PREFIX = 'talks_action_';
export const ACTION_CORE_PATTERN = /^talks_action_[a-z_]+_\d+$/;

/** What the Share button carries to re-create the answer for the channel: the query, or a core action token. */
export type ShareSource = { kind: 'query'; query: string } | { kind: 'action'; token: string };

export function encodeShareValue(source: ShareSource): string {
  return source.kind === 'query' ? `q:${source.query}` : `a:${source.token}`;
}

export function decodeShareValue(value: string): ShareSource | undefined {
  if (value.startsWith('q:') && value.length > 2) return { kind: 'query', query: value.slice(2) };
  if (value.startsWith('a:') && value.length > 2) return { kind: 'action', token: value.slice(2) };
  return undefined;
}
