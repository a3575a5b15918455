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
