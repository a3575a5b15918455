/**
 * Conversation keys. A thread is `slack:<team>:<channel>:<thread_ts>`, so every follow-up in the thread
 * finds the state of the answers before it. Slash commands carry no thread, so a user's `/talks` follow-ups
 * in one channel share `slack:<team>:<channel>:cmd-<user>`.
 */
export function threadKey(teamId: string, channelId: string, threadTs: string): string {
  return `slack:${teamId}:${channelId}:${threadTs}`;
}

export function commandKey(teamId: string, channelId: string, userId: string): string {
  return `slack:${teamId}:${channelId}:cmd-${userId}`;
}
