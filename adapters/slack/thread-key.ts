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

/**
 * The conversation of a message in the thread `threadTs` of a channel: the thread's own, except in a direct
 * message with the app, which is one conversation with its threads (as handle-messages answers it). DM ids start with D.
 */
export function conversationKey(teamId: string, channelId: string, threadTs: string): string {
  return threadKey(teamId, channelId, channelId.startsWith('D') ? 'im' : threadTs);
}
