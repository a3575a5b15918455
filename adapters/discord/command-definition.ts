import type { DiscordChoice } from './discord-payload.js';
import { truncateText } from './discord-text.js';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, CHOICE_VALUE_MAX, QUERY_OPTION_MAX_LENGTH } from './limits.js';

export const TALKS_COMMAND_NAME = 'talks';
export const QUERY_OPTION_NAME = 'query';

/**
 * The one chat-input command, as the API takes it. Works in servers and in DMs with the bot.
 * https://discord.com/developers/docs/interactions/application-commands#application-command-object
 */
export const TALKS_COMMAND = {
  type: 1,
  name: TALKS_COMMAND_NAME,
  description: "Ask the desk's articles about the talks: a topic, positions, sections or help",
  options: [
    {
      type: 3,
      name: QUERY_OPTION_NAME,
      description: 'A topic or question, e.g. a section title, positions, sections, help',
      required: true,
      autocomplete: true,
      min_length: 1,
      max_length: QUERY_OPTION_MAX_LENGTH,
    },
  ],
  /** 0 = guild install. https://discord.com/developers/docs/resources/application#application-object-application-integration-types */
  integration_types: [0],
  /** 0 = servers, 1 = DMs with the bot. https://discord.com/developers/docs/interactions/application-commands#interaction-contexts */
  contexts: [0, 1],
} as const;

/** Always worth offering when nothing else matches. */
export const FALLBACK_SUGGESTIONS = ['positions', 'summary', 'sections', 'help'];

/**
 * The core's suggestions as autocomplete choices: at most 25, no duplicates, names and values within
 * 100 characters. Pure.
 */
export function renderChoices(suggestions: readonly string[]): DiscordChoice[] {
  const seen = new Set<string>();
  const choices: DiscordChoice[] = [];
  for (const suggestion of suggestions) {
    const text = suggestion.replace(/\s+/g, ' ').trim();
    const value = text.slice(0, CHOICE_VALUE_MAX);
    if (text === '' || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    choices.push({ name: truncateText(text, CHOICE_NAME_MAX), value });
    if (choices.length === AUTOCOMPLETE_CHOICES_MAX) break;
  }
  return choices;
}
