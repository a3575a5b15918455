/**
 * `npm run discord:register`: registers `/talks` for DISCORD_GUILD_ID, or globally when it is not set.
 * Reads DISCORD_TOKEN (and optionally DISCORD_APPLICATION_ID, DISCORD_API_URL) from the environment.
 */
import { pino } from 'pino';
import { parseDiscordConfig } from './discord-config.js';
import { registerCommands } from './command-registration.js';

async function main(): Promise<number> {
  const logger = pino({ name: 'discord-register' });
  let config;
  try {
    config = parseDiscordConfig(process.env);
  } catch (error) {
    logger.error({ code: 'discord_config' }, (error as Error).message);
    return 2;
  }
  if (!config) {
    logger.error({ code: 'discord_config' }, 'Discord config: DISCORD_TOKEN is not set (the bot token from the Developer Portal → Bot)');
    return 2;
  }
  try {
    const result = await registerCommands(config, logger);
    logger.info(
      result.scope === 'guild'
        ? `Registered /${result.commands.join(', /')} for server ${result.guildId} (available now).`
        : `Registered /${result.commands.join(', /')} globally (may take up to an hour to appear).`,
    );
    return 0;
  } catch (error) {
    const status = (error as { status?: number }).status;
    logger.error(
      { code: 'discord_register_failed', status, err: { message: (error as Error).message } },
      status === 401 ? 'Discord rejected the token: check DISCORD_TOKEN' : 'Registering the command failed',
    );
    return 1;
  }
}

process.exitCode = await main();
