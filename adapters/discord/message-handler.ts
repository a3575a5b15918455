import { MessageReferenceType, PermissionFlagsBits, type Message } from 'discord.js';
import { threadKeyForMessage } from './conversation-key.js';
import { noMentions } from './discord-payload.js';
import { discordTextToPlain } from './discord-text.js';
import { describeError, renderForDiscord, SORRY_TEXT, type HandlerContext } from './handler-context.js';

/** Shown when Discord withheld a reply's text (no ping, and no privileged Message Content intent). */
export const CONTENT_HIDDEN_TEXT =
  "I can't read that reply: Discord only shares a message's text with me when it mentions me. Reply with the @mention on, or start with @ and my name.";

/**
 * Answers MESSAGE_CREATE when it is for us: a reply to one of the bot's messages, a mention of the bot (or
 * of its role), or any message in a DM. Answers as a reply, in the conversation the message belongs to.
 * Ignores itself, other bots, webhooks, system messages and forwards. Never throws.
 */
export async function handleMessage(context: HandlerContext, message: Message): Promise<void> {
  const botId = context.botUserId();
  if (!botId || message.author.bot || message.webhookId || message.system) return;
  // A forward passes someone's message along (its text in a snapshot); it asks the bot nothing.
  if (message.reference?.type === MessageReferenceType.Forward) return;
  if (!context.firstTime(`message:${message.id}`)) return;
  try {
    const botRoleIds = message.mentions.roles.filter((role) => role.tags?.botId === botId).map((role) => role.id);
    const mentioned = message.mentions.users.has(botId) || botRoleIds.length > 0;
    const repliedToBot = await isReplyToBot(message, botId);
    if (!mentioned && !repliedToBot && message.inGuild()) return;

    if (message.content.trim() === '') {
      // Text withheld by Discord, or a bare attachment/sticker: nothing to answer, but say why once. Discord
      // withholds text only in servers (never in DMs), and then attachments too.
      if (message.inGuild() && message.attachments.size === 0 && message.stickers.size === 0) {
        await message.reply({ content: CONTENT_HIDDEN_TEXT, allowedMentions: noMentions() });
      }
      return;
    }
    // The bot's mention (by user or role) drops out with the rest of the markup; a bare mention asks for help.
    const query = discordTextToPlain(message.content) || 'help';
    const threadKey = await threadKeyForMessage(message, botId);
    context.logger.debug({ messageId: message.id, channelId: message.channelId }, 'discord follow-up');
    let messages;
    try {
      const answer = await context.answers.run(() =>
        context.talks.ask({ query, threadKey, platform: 'discord', userId: message.author.id, channelId: message.channelId }),
      );
      messages = renderForDiscord(answer, { echoQuery: false, textOnly: !canEmbed(message) }, context.logger);
    } catch (error) {
      context.logger.error({ code: 'discord_answer_failed', messageId: message.id, err: describeError(error) }, 'answering failed');
      messages = [{ content: SORRY_TEXT, embeds: [], components: [], allowedMentions: noMentions() }];
    }
    // Every part replies to the question, so a reply to any part continues the same conversation.
    for (const payload of messages) {
      await message.reply({ ...payload, allowedMentions: { ...payload.allowedMentions, repliedUser: false }, failIfNotExists: false });
    }
    context.logger.info({ messageId: message.id, channelId: message.channelId, messages: messages.length }, 'discord follow-up answered');
  } catch (error) {
    context.logger.warn({ code: 'discord_reply_failed', messageId: message.id, err: describeError(error) }, 'could not answer message');
  }
}

/** Without Embed Links in a channel, a bot's embeds are not shown: answer there in plain text instead. */
function canEmbed(message: Message): boolean {
  if (!message.inGuild()) return true;
  const me = message.guild.members.me;
  const permissions = me ? message.channel.permissionsFor(me) : null;
  return permissions ? permissions.has(PermissionFlagsBits.EmbedLinks) : true;
}

async function isReplyToBot(message: Message, botId: string): Promise<boolean> {
  // Only a reply (reference type DEFAULT, or none given) answers a message; pins and forwards also carry references.
  const referenced = (message.reference?.type ?? MessageReferenceType.Default) === MessageReferenceType.Default ? message.reference?.messageId : undefined;
  if (!referenced) return false;
  // A reply's event carries the message it replies to, so its author is known without a request.
  const repliedTo = message.mentions.repliedUser;
  if (repliedTo) return repliedTo.id === botId;
  try {
    const parent = await message.channel.messages.fetch(referenced);
    return parent.author.id === botId;
  } catch {
    return false;
  }
}
