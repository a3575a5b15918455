import type { webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;
import { threadKey } from './thread-key.js';

/**
 * Which threads the bot takes part in, so a reply in such a thread is answered without a new mention and
 * threads the bot is not in are left alone. Remembered in memory (bounded); after a restart, or for a thread
 * answered by another replica, Slack is asked once (conversations.replies) whether the bot posted there.
 */
export interface ThreadMembership {
  remember(teamId: string, channelId: string, threadTs: string): void;
  isMember(input: { client: WebClient; teamId: string; channelId: string; threadTs: string; botUserId?: string; botId?: string }): Promise<boolean>;
}

export function createThreadMembership(options: { maxThreads?: number; onLookupError?: (error: unknown) => void } = {}): ThreadMembership {
  const maxThreads = options.maxThreads ?? 10_000;
  const known = new Map<string, boolean>();
  const set = (key: string, member: boolean) => {
    known.delete(key);
    known.set(key, member);
    while (known.size > maxThreads) {
      const oldest = known.keys().next().value;
      if (oldest === undefined) break;
      known.delete(oldest);
    }
  };
  return {
    remember(teamId, channelId, threadTs) {
      set(threadKey(teamId, channelId, threadTs), true);
    },
    async isMember({ client, teamId, channelId, threadTs, botUserId, botId }) {
      const key = threadKey(teamId, channelId, threadTs);
      const cached = known.get(key);
      if (cached !== undefined) return cached;
      if (!botUserId && !botId) return false;
      try {
        const replies = await client.conversations.replies({ channel: channelId, ts: threadTs, limit: 200 });
        const member = (replies.messages ?? []).some(
          (message) => (botUserId !== undefined && message.user === botUserId) || (botId !== undefined && message.bot_id === botId),
        );
        set(key, member);
        return member;
      } catch (error) {
        options.onLookupError?.(error);
        return false;
      }
    },
  };
}
