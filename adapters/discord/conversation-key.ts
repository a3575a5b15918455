import { InteractionType, type Message } from 'discord.js';

/** How far back a reply chain is followed to find where its conversation started. */
export const REPLY_CHAIN_HOPS_MAX = 8;

/** The conversation started by a `/talks` command: follow-ups to its answer continue it. */
export function interactionThreadKey(channelId: string, interactionId: string): string {
  return `discord:${channelId}:${interactionId}`;
}

/**
 * DMs and Discord threads are one conversation each, like a Slack thread. A thread started from one of the
 * bot's answers ("Create Thread" on it: the thread's id is the answer's id) continues that answer's
 * conversation, so "@talks tell me more" there goes on from the answer.
 */
async function wholeChannelKey(message: Message, botId: string, hops: number): Promise<string | undefined> {
  if (!message.inGuild()) return `discord:${message.channelId}`;
  const channel = message.channel;
  if (!channel?.isThread()) return undefined;
  if (hops < REPLY_CHAIN_HOPS_MAX) {
    // From the parent channel's cache, or one REST call; a thread not started from a message has none (404).
    const starter = await channel.fetchStarterMessage().catch(() => null);
    if (starter && starter.author.id === botId && !starter.channel.isThread()) return threadKeyForBotMessage(starter, botId, hops + 1);
  }
  return `discord:${message.channelId}`;
}

async function fetchMessage(message: Message, id: string): Promise<Message | undefined> {
  try {
    // Cache first (a reply's MESSAGE_CREATE carries the message it replies to), REST only on a miss.
    return await message.channel.messages.fetch(id);
  } catch {
    return undefined;
  }
}

/**
 * The key of the conversation a user's message belongs to: a reply to one of the bot's answers continues
 * that answer's conversation (found by walking the reply chain back to the `/talks` command or the first
 * question); otherwise the message starts its own (`discord:<channel>:<message id>`), except in DMs and
 * threads, which are one conversation each.
 */
export async function threadKeyForMessage(message: Message, botId: string, hops = 0): Promise<string> {
  const referenced = message.reference?.messageId;
  if (referenced && hops < REPLY_CHAIN_HOPS_MAX) {
    const parent = await fetchMessage(message, referenced);
    if (parent?.author.id === botId) return threadKeyForBotMessage(parent, botId, hops + 1);
  }
  return (await wholeChannelKey(message, botId, hops)) ?? `discord:${message.channelId}:${message.id}`;
}

/** The conversation one of the bot's own messages belongs to. */
export async function threadKeyForBotMessage(message: Message, botId: string, hops = 0): Promise<string> {
  const interaction = message.interactionMetadata;
  if (interaction) {
    // An answer to a button continues the conversation of the message the button was on.
    if (interaction.type === InteractionType.MessageComponent && interaction.interactedMessageId && hops < REPLY_CHAIN_HOPS_MAX) {
      const source = await fetchMessage(message, interaction.interactedMessageId);
      if (source?.author.id === botId) return threadKeyForBotMessage(source, botId, hops + 1);
    }
    return interactionThreadKey(message.channelId, interaction.id);
  }
  const asked = message.reference?.messageId;
  if (asked && hops < REPLY_CHAIN_HOPS_MAX) {
    const question = await fetchMessage(message, asked);
    if (question) return threadKeyForMessage(question, botId, hops + 1);
  }
  return (await wholeChannelKey(message, botId, hops)) ?? `discord:${message.channelId}:${message.id}`;
}
