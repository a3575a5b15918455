import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import type { Answer } from '../../src/index.js';
import { FALLBACK_SUGGESTIONS, QUERY_OPTION_NAME, renderChoices, TALKS_COMMAND_NAME } from './command-definition.js';
import { interactionThreadKey, threadKeyForBotMessage } from './conversation-key.js';
import { noMentions } from './discord-payload.js';
import { discordTextToPlain } from './discord-text.js';
import { describeError, renderForDiscord, settlesWithin, SORRY_TEXT, type HandlerContext } from './handler-context.js';
import { AUTOCOMPLETE_CHOICES_MAX } from './limits.js';
import { ACTION_CUSTOM_ID_PREFIX } from './render-message.js';

/** Routes one INTERACTION_CREATE: `/talks`, its autocomplete, and the answer buttons. Never throws. */
export async function handleInteraction(context: HandlerContext, interaction: Interaction): Promise<void> {
  if (!context.firstTime(`interaction:${interaction.id}`)) return;
  try {
    if (interaction.isAutocomplete() && interaction.commandName === TALKS_COMMAND_NAME) {
      await answerAutocomplete(context, interaction);
    } else if (interaction.isChatInputCommand() && interaction.commandName === TALKS_COMMAND_NAME) {
      await answerCommand(context, interaction);
    } else if (interaction.isButton() && interaction.customId.startsWith(ACTION_CUSTOM_ID_PREFIX)) {
      await answerButton(context, interaction);
    }
  } catch (error) {
    // 10062 Unknown interaction: we were too late (3 s); 40060: already acknowledged (another process did).
    context.logger.warn({ code: 'discord_interaction_failed', interactionId: interaction.id, err: describeError(error) }, 'could not answer interaction');
  }
}

async function answerAutocomplete(context: HandlerContext, interaction: AutocompleteInteraction): Promise<void> {
  const typed = String(interaction.options.getFocused() ?? '');
  let suggestions = context.talks.suggest(typed, AUTOCOMPLETE_CHOICES_MAX);
  if (suggestions.length === 0 && typed.trim() === '') suggestions = FALLBACK_SUGGESTIONS;
  await interaction.respond(renderChoices(suggestions));
}

async function answerCommand(context: HandlerContext, interaction: ChatInputCommandInteraction): Promise<void> {
  // Typed mentions and emoji arrive as markup in the option's text too.
  const query = discordTextToPlain(interaction.options.getString(QUERY_OPTION_NAME, true)) || 'help';
  const threadKey = interactionThreadKey(interaction.channelId, interaction.id);
  context.logger.debug({ interactionId: interaction.id, channelId: interaction.channelId }, 'discord /talks');
  await answerInteraction(context, interaction, true, () =>
    context.talks.ask({ query, threadKey, platform: 'discord', userId: interaction.user.id, channelId: interaction.channelId }),
  );
}

async function answerButton(context: HandlerContext, interaction: ButtonInteraction): Promise<void> {
  const token = interaction.customId.slice(ACTION_CUSTOM_ID_PREFIX.length);
  await answerInteraction(context, interaction, false, async () => {
    // The press is a turn of the conversation of the answer it is under, as a reply "tell me more" to that answer
    // would be; a reply to the button's answer then goes on after what it showed.
    const botId = context.botUserId();
    const threadKey = botId ? await threadKeyForBotMessage(interaction.message, botId) : undefined;
    return context.talks.runAction(token, threadKey);
  });
}

/**
 * Acknowledges within Discord's 3 seconds: replies at once when the answer is ready in time, else defers
 * ("thinking…") and completes the deferred response by editing it. Extra messages go as follow-ups.
 */
async function answerInteraction(
  context: HandlerContext,
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  echoQuery: boolean,
  produce: () => Promise<Answer>,
): Promise<void> {
  const started = Date.now();
  const ephemeral = context.config.answerVisibility === 'ephemeral';
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  // Behind other answers already? Then acknowledge first: waiting our turn could outlast the 3 seconds.
  const busy = context.answers.size() >= context.answers.concurrency;
  let deferred = false;
  if (busy) {
    await interaction.deferReply(flags ? { flags } : {});
    deferred = true;
  }
  const pending = context.answers.run(produce);
  if (!deferred && (await settlesWithin(pending, context.deferAfterMs)) === 'late') {
    await interaction.deferReply(flags ? { flags } : {});
    deferred = true;
  }
  let answer: Answer;
  try {
    answer = await pending;
  } catch (error) {
    context.logger.error({ code: 'discord_answer_failed', interactionId: interaction.id, err: describeError(error) }, 'answering failed');
    const sorry = { content: SORRY_TEXT, allowedMentions: noMentions() };
    if (deferred) await interaction.editReply(sorry);
    else await interaction.reply({ ...sorry, flags: MessageFlags.Ephemeral });
    return;
  }
  const [first, ...rest] = renderForDiscord(answer, { echoQuery }, context.logger);
  if (!first) return;
  // "Slow down" concerns the asker alone: keep it out of the channel. A public "thinking…" placeholder is
  // deleted and the line sent to the asker only.
  if (answer.kind === 'rate_limited' && !ephemeral) {
    if (deferred) {
      await interaction.deleteReply();
      await interaction.followUp({ ...first, flags: MessageFlags.Ephemeral });
    } else {
      await interaction.reply({ ...first, flags: MessageFlags.Ephemeral });
    }
    context.logger.info({ interactionId: interaction.id, kind: answer.kind, ms: Date.now() - started, deferred }, 'discord answered');
    return;
  }
  if (deferred) await interaction.editReply(first);
  else await interaction.reply(flags ? { ...first, flags } : first);
  for (const message of rest) await interaction.followUp(flags ? { ...message, flags } : message);
  context.logger.info(
    { interactionId: interaction.id, kind: answer.kind, ms: Date.now() - started, deferred, messages: rest.length + 1 },
    'discord answered',
  );
}
