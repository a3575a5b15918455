import { REST, Routes } from 'discord.js';
import type { Logger } from 'pino';
import type { DiscordConfig } from './discord-config.js';
import { TALKS_COMMAND } from './command-definition.js';

/** What registration did, for logs and the CLI's output. */
export interface RegistrationResult {
  applicationId: string;
  scope: 'global' | 'guild';
  guildId?: string;
  commands: string[];
}

/**
 * Sets the app's commands to `/talks` (bulk overwrite: idempotent, and it removes commands the app no longer
 * has), for one server when `guildId` is given (visible at once) or globally (may take up to an hour to
 * show everywhere). https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands
 */
export async function putTalksCommand(rest: REST, applicationId: string, guildId?: string): Promise<RegistrationResult> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const saved = (await rest.put(route, { body: [TALKS_COMMAND] })) as Array<{ name: string }>;
  return {
    applicationId,
    scope: guildId ? 'guild' : 'global',
    ...(guildId ? { guildId } : {}),
    commands: Array.isArray(saved) ? saved.map((command) => command.name) : [TALKS_COMMAND.name],
  };
}

/**
 * Registers `/talks` with the token in `config`, reading the application id from the API when
 * DISCORD_APPLICATION_ID is not set.
 *
 * @example
 * const result = await registerCommands(parseDiscordConfig(process.env)!, logger);
 */
export async function registerCommands(config: DiscordConfig, logger?: Logger): Promise<RegistrationResult> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  try {
    const applicationId =
      config.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
    const result = await putTalksCommand(rest, applicationId, config.guildId);
    logger?.info({ applicationId, scope: result.scope, guildId: result.guildId, commands: result.commands }, 'discord commands registered');
    return result;
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/**
 * What to tell a person when registering failed: the variable to check and how, from Discord's HTTP status
 * (401 a rejected token; 403/404 another application's id, or a server the bot was not invited to with the
 * applications.commands scope). Never holds the token.
 */
export function describeRegistrationFailure(error: unknown): string {
  const status = (error as { status?: number } | undefined)?.status;
  if (status === 401) return 'Discord rejected the token: check DISCORD_TOKEN.';
  if (status === 403 || status === 404) {
    return `Discord refused (${status}): check DISCORD_APPLICATION_ID and that the bot was invited to DISCORD_GUILD_ID with the applications.commands scope.`;
  }
  return `registering the command failed: ${error instanceof Error ? error.message : String(error)}`;
}
