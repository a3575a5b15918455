/**
 * The message shapes the renderer produces: plain JSON in Discord's own API field names (discord.js passes
 * embeds and components through as given), so the renderer needs no SDK. Types only.
 * https://discord.com/developers/docs/resources/message#embed-object
 */

export interface DiscordEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface DiscordEmbed {
  title?: string;
  url?: string;
  description?: string;
  color?: number;
  author?: { name: string; url?: string };
  fields?: DiscordEmbedField[];
  footer?: { text: string };
}

/** A button with a custom id (style 2 = secondary). https://discord.com/developers/docs/components/reference#button */
export interface DiscordButton {
  type: 2;
  style: 1 | 2;
  label: string;
  custom_id: string;
}

export interface DiscordActionRow {
  type: 1;
  components: DiscordButton[];
}

/** Mentions to turn into pings: none, ever. https://discord.com/developers/docs/resources/message#allowed-mentions-object */
export interface NoMentions {
  parse: [];
  repliedUser?: boolean;
}

/** One message: what `interaction.reply`, `editReply`, `followUp` and `message.reply` take. */
export interface DiscordMessagePayload {
  content?: string;
  embeds: DiscordEmbed[];
  components: DiscordActionRow[];
  allowedMentions: NoMentions;
}

/** One autocomplete choice. https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-choice-structure */
export interface DiscordChoice {
  name: string;
  value: string;
}

/** A fresh "no pings" object per message, so no caller can mutate a shared one. */
export function noMentions(): NoMentions {
  return { parse: [] };
}
