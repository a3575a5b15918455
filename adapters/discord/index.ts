/**
 * The Discord adapter: a discord.js bot answering `/talks` (with autocomplete and buttons) and follow-ups by
 * reply or mention. main.ts uses `parseDiscordConfig` and `createDiscordAdapter`; `npm run discord:register`
 * uses `registerCommands`.
 */
export { DiscordConfigSchema, parseDiscordConfig, type DiscordConfig } from './discord-config.js';
export { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterOptions } from './discord-adapter.js';
export { registerCommands, type RegistrationResult } from './command-registration.js';
export { TALKS_COMMAND } from './command-definition.js';
export { renderAnswerMessages, type RenderOptions } from './render-message.js';
export type { DiscordMessagePayload } from './discord-payload.js';
