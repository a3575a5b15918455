import { z } from 'zod';

/** Discord ids are snowflakes: 64-bit integers written as decimal strings. https://discord.com/developers/docs/reference#snowflakes */
const SnowflakeSchema = z.string().regex(/^\d{15,21}$/, 'must be a numeric Discord id (snowflake)');

const BooleanFlagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', ''].includes(value), 'must be true or false')
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

/**
 * The REST base URL without the version (discord.js appends `/v10`), e.g. `https://discord.com/api`.
 * A trailing slash or version segment is dropped so both `…/api/` and `…/api/v10` work.
 */
const ApiUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL such as https://discord.com/api')
  .transform((value) => value.replace(/\/+$/, '').replace(/\/v\d+$/, ''));

/** What the Discord adapter needs, parsed once from the environment. */
export const DiscordConfigSchema = z.object({
  /**
   * The bot token (Developer Portal → Bot → Reset Token). Never logged. A leading "Bot " (as in an
   * Authorization header, which guides show) is dropped, as discord.js's own login drops it.
   */
  token: z
    .string()
    .trim()
    .transform((value) => value.replace(/^Bot\s+/i, ''))
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .regex(/^\S+$/, 'must not contain spaces')
        .refine((value) => !/^(["']).*\1$/s.test(value), 'is wrapped in quotes: remove them (docker --env-file and systemd keep them as part of the value)'),
    ),
  /** The application id; when absent it is read from the gateway's READY event. */
  applicationId: SnowflakeSchema.optional(),
  /** Limits command registration to one server (registers instantly; global commands can take a while to show). */
  guildId: SnowflakeSchema.optional(),
  /** REST base URL override (tests, proxies); the gateway URL then comes from that API's `/gateway/bot`. */
  apiUrl: ApiUrlSchema.optional(),
  /** Register `/talks` when the bot starts. */
  registerCommands: z.boolean().default(false),
  /** `public`: everyone in the channel sees answers to `/talks`; `ephemeral`: only the asker does. */
  answerVisibility: z.enum(['public', 'ephemeral']).default('public'),
});
export type DiscordConfig = z.infer<typeof DiscordConfigSchema>;

const ENV_NAMES: Record<keyof DiscordConfig, string> = {
  token: 'DISCORD_TOKEN',
  applicationId: 'DISCORD_APPLICATION_ID',
  guildId: 'DISCORD_GUILD_ID',
  apiUrl: 'DISCORD_API_URL',
  registerCommands: 'DISCORD_REGISTER_COMMANDS',
  answerVisibility: 'DISCORD_ANSWER_VISIBILITY',
};

/** Empty strings count as unset, so `DISCORD_GUILD_ID=` in a .env file does not fail. */
function readVariable(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * Reads the Discord settings from `env`. Returns `undefined` when `DISCORD_TOKEN` is not set (Discord is
 * off); throws one Error whose one-line message names every missing or malformed variable, never a value.
 *
 * @example
 * const discord = parseDiscordConfig(process.env); // undefined, or { token, answerVisibility: 'public', ... }
 */
export function parseDiscordConfig(env: Record<string, string | undefined> = process.env): DiscordConfig | undefined {
  const token = readVariable(env, ENV_NAMES.token);
  if (token === undefined) return undefined;
  const visibility = readVariable(env, ENV_NAMES.answerVisibility);
  const register = readVariable(env, ENV_NAMES.registerCommands);
  const result = DiscordConfigSchema.safeParse({
    token,
    applicationId: readVariable(env, ENV_NAMES.applicationId)?.trim(),
    guildId: readVariable(env, ENV_NAMES.guildId)?.trim(),
    apiUrl: readVariable(env, ENV_NAMES.apiUrl),
    registerCommands: register === undefined ? undefined : BooleanFlagSchema.safeParse(register).data ?? register,
    answerVisibility: visibility?.trim().toLowerCase(),
  });
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path[0] as keyof DiscordConfig;
    const name = ENV_NAMES[key] ?? String(key);
    if (key === 'answerVisibility') return `${name} must be 'public' or 'ephemeral'`;
    if (key === 'registerCommands') return `${name} must be true or false`;
    return `${name} ${issue.message}`;
  });
  throw new Error(`Discord config: ${[...new Set(problems)].join('; ')}`);
}
