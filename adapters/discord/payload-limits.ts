import type { DiscordEmbed, DiscordMessagePayload } from './discord-payload.js';
import {
  ACTION_ROWS_MAX,
  BUTTON_LABEL_MAX,
  BUTTONS_PER_ROW_MAX,
  CUSTOM_ID_MAX,
  EMBED_AUTHOR_NAME_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_TEXT_MAX,
  EMBED_TITLE_MAX,
  MESSAGE_CONTENT_MAX,
  MESSAGE_EMBEDS_MAX,
  MESSAGE_EMBEDS_TOTAL_MAX,
} from './limits.js';

/** Characters Discord counts toward the 6,000 per message. https://discord.com/developers/docs/resources/message#embed-object-embed-limits */
export function embedLength(embed: DiscordEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Every way `payload` breaks a Discord limit (empty when it is fine). Used by tests and as a last guard before sending. */
export function findLimitProblems(payload: DiscordMessagePayload): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const content = payload.content ?? '';
  check(content.length <= MESSAGE_CONTENT_MAX, `content has ${content.length} > ${MESSAGE_CONTENT_MAX} characters`);
  check(content.length > 0 || payload.embeds.length > 0, 'message is empty');
  check(payload.embeds.length <= MESSAGE_EMBEDS_MAX, `${payload.embeds.length} > ${MESSAGE_EMBEDS_MAX} embeds`);
  const total = payload.embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  check(total <= MESSAGE_EMBEDS_TOTAL_MAX, `embeds total ${total} > ${MESSAGE_EMBEDS_TOTAL_MAX} characters`);
  payload.embeds.forEach((embed, index) => {
    const at = `embed ${index + 1}`;
    check((embed.title?.length ?? 0) <= EMBED_TITLE_MAX, `${at} title too long`);
    check((embed.description?.length ?? 0) <= EMBED_DESCRIPTION_MAX, `${at} description has ${embed.description?.length} > ${EMBED_DESCRIPTION_MAX}`);
    check((embed.author?.name.length ?? 0) <= EMBED_AUTHOR_NAME_MAX, `${at} author name too long`);
    check((embed.footer?.text.length ?? 0) <= EMBED_FOOTER_TEXT_MAX, `${at} footer too long`);
    check((embed.fields?.length ?? 0) <= EMBED_FIELDS_MAX, `${at} has ${embed.fields?.length} > ${EMBED_FIELDS_MAX} fields`);
    check(embedLength(embed) > 0, `${at} is empty`);
    for (const field of embed.fields ?? []) {
      check(field.name.length > 0 && field.name.length <= EMBED_FIELD_NAME_MAX, `${at} field name length ${field.name.length}`);
      check(field.value.length > 0 && field.value.length <= EMBED_FIELD_VALUE_MAX, `${at} field value length ${field.value.length}`);
    }
  });
  check(payload.components.length <= ACTION_ROWS_MAX, `${payload.components.length} > ${ACTION_ROWS_MAX} action rows`);
  for (const row of payload.components) {
    check(row.components.length > 0 && row.components.length <= BUTTONS_PER_ROW_MAX, `action row with ${row.components.length} buttons`);
    for (const button of row.components) {
      check(button.label.length > 0 && button.label.length <= BUTTON_LABEL_MAX, `button label length ${button.label.length}`);
      check(button.custom_id.length > 0 && button.custom_id.length <= CUSTOM_ID_MAX, `custom_id length ${button.custom_id.length}`);
    }
  }
  check(Array.isArray(payload.allowedMentions.parse) && payload.allowedMentions.parse.length === 0, 'allowedMentions must parse nothing');
  return problems;
}
