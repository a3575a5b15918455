/**
 * `npm run discord:register`: registers `/talks` for DISCORD_GUILD_ID, or globally when it is not set.
 * Reads DISCORD_TOKEN (and optionally DISCORD_APPLICATION_ID, DISCORD_API_URL) from the environment.
 * A command-line tool: it prints one line for people, never the token.
 */
import { parseDiscordConfig } from './discord-config.js';
import { describeRegistrationFailure, registerCommands } from './command-registration.js';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function fail(line: string, code: number): number {
  process.stderr.write(`discord:register: ${line}\n`);
  return code;
}

async function main(): Promise<number> {
  let config;
  try {
    config = parseDiscordConfig(process.env);
  } catch (error) {
    return fail((error as Error).message, 2);
  }
  if (!config) return fail('DISCORD_TOKEN is not set: use the bot token from the Developer Portal (Bot → Reset Token).', 2);
  try {
    const result = await registerCommands(config);
    say(
      result.scope === 'guild'
        ? `Registered /${result.commands.join(', /')} for server ${result.guildId} (available now).`
        : `Registered /${result.commands.join(', /')} globally for application ${result.applicationId} (may take up to an hour to appear everywhere).`,
    );
    return 0;
  } catch (error) {
    return fail(describeRegistrationFailure(error), 1);
  }
}

process.exitCode = await main();
