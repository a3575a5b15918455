/**
 * What real Discord checks on a message before accepting it, and who it would ping. Written from the API
 * docs, independently of the adapter's own limits.ts, so the two can catch each other's mistakes.
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 * https://discord.com/developers/docs/resources/message#allowed-mentions-object
 */

export interface MessageBody {
  content?: string;
  embeds?: Array<{
    title?: string;
    description?: string;
    url?: string;
    author?: { name?: string };
    footer?: { text?: string };
    fields?: Array<{ name?: string; value?: string; inline?: boolean }>;
  }>;
  components?: Array<{ type: number; components?: Array<{ type: number; label?: string; custom_id?: string; style?: number }> }>;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
  flags?: number;
  message_reference?: { message_id?: string; channel_id?: string; fail_if_not_exists?: boolean };
}

/** Discord's "Invalid Form Body" problems for a message body (empty when Discord would accept it). */
export function invalidFormBody(body: MessageBody): string[] {
  const problems: string[] = [];
  const content = body.content ?? '';
  if (content.length > 2000) problems.push(`content: Must be 2000 or fewer in length (${content.length})`);
  const embeds = body.embeds ?? [];
  if (embeds.length > 10) problems.push(`embeds: Must be 10 or fewer in length (${embeds.length})`);
  let total = 0;
  embeds.forEach((embed, index) => {
    const title = embed.title ?? '';
    const description = embed.description ?? '';
    const fields = embed.fields ?? [];
    if (title.length > 256) problems.push(`embeds.${index}.title: Must be 256 or fewer in length`);
    if (description.length > 4096) problems.push(`embeds.${index}.description: Must be 4096 or fewer in length (${description.length})`);
    if (fields.length > 25) problems.push(`embeds.${index}.fields: Must be 25 or fewer in length`);
    if ((embed.footer?.text ?? '').length > 2048) problems.push(`embeds.${index}.footer.text: too long`);
    if ((embed.author?.name ?? '').length > 256) problems.push(`embeds.${index}.author.name: too long`);
    if (embed.url !== undefined && !/^https?:\/\/\S+$/.test(embed.url)) problems.push(`embeds.${index}.url: Not a well formed URL`);
    fields.forEach((field, fieldIndex) => {
      const name = field.name ?? '';
      const value = field.value ?? '';
      if (name.length < 1 || name.length > 256) problems.push(`embeds.${index}.fields.${fieldIndex}.name: length ${name.length}`);
      if (value.length < 1 || value.length > 1024) problems.push(`embeds.${index}.fields.${fieldIndex}.value: length ${value.length}`);
      total += name.length + value.length;
    });
    total += title.length + description.length + (embed.footer?.text ?? '').length + (embed.author?.name ?? '').length;
  });
  if (total > 6000) problems.push(`embeds: Embed size exceeds maximum size of 6000 (${total})`);
  const rows = body.components ?? [];
  const ids = rows.flatMap((row) => (row.components ?? []).map((button) => button.custom_id));
  if (new Set(ids).size !== ids.length) problems.push('components: custom_id must be unique within a message');
  if (rows.length > 5) problems.push('components: Must be 5 or fewer in length');
  rows.forEach((row, index) => {
    const buttons = row.components ?? [];
    if (row.type !== 1 || buttons.length < 1 || buttons.length > 5) problems.push(`components.${index}: bad action row`);
    buttons.forEach((button, buttonIndex) => {
      if ((button.label ?? '').length > 80) problems.push(`components.${index}.components.${buttonIndex}.label: Must be 80 or fewer in length`);
      const id = button.custom_id ?? '';
      if (id.length < 1 || id.length > 100) problems.push(`components.${index}.components.${buttonIndex}.custom_id: Must be between 1 and 100 in length`);
    });
  });
  return problems;
}

export interface Pings {
  everyone: boolean;
  users: string[];
  roles: string[];
  repliedUser: boolean;
}

/**
 * Who a new message would notify: mentions written in its content, filtered by allowed_mentions; with no
 * allowed_mentions Discord parses everything. A reply pings the replied-to author unless replied_user is false.
 */
export function pingsFor(body: MessageBody, repliedToHuman: boolean): Pings {
  const content = body.content ?? '';
  const allowed = body.allowed_mentions;
  const parse = new Set(allowed ? (allowed.parse ?? []) : ['everyone', 'users', 'roles']);
  const writtenUsers = [...content.matchAll(/<@!?(\d+)>/g)].map((match) => match[1]!);
  const writtenRoles = [...content.matchAll(/<@&(\d+)>/g)].map((match) => match[1]!);
  const users = writtenUsers.filter((id) => parse.has('users') || (allowed?.users ?? []).includes(id));
  const roles = writtenRoles.filter((id) => parse.has('roles') || (allowed?.roles ?? []).includes(id));
  return {
    everyone: parse.has('everyone') && /@(everyone|here)/.test(content),
    users,
    roles,
    repliedUser: repliedToHuman && (allowed ? allowed.replied_user === true : true),
  };
}

export function pingsAnyone(pings: Pings): boolean {
  return pings.everyone || pings.users.length > 0 || pings.roles.length > 0 || pings.repliedUser;
}

/**
 * The links Discord would unfurl into a preview card under a message: every http(s) URL in its content, except
 * one wrapped in <…> (an escaped \\< does not count) and except in a message flagged SUPPRESS_EMBEDS (1 << 2).
 * https://support.discord.com/hc/en-us/articles/206342858-How-do-I-disable-auto-embed
 */
export function linkPreviewsFor(content: string, flags: number): string[] {
  if ((flags & 4) !== 0) return [];
  const previews: string[] = [];
  for (const match of content.matchAll(/https?:\/\/[^\s<>]+/g)) {
    const start = match.index;
    const end = start + match[0].length;
    const wrapped = content[start - 1] === '<' && content[start - 2] !== '\\' && content[end] === '>';
    if (!wrapped) previews.push(match[0]);
  }
  return previews;
}
