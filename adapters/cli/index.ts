/** The CLI adapter's public pieces, for the composition root (adapters/main.ts). */
export { runConsoleChat, type ConsoleChatOptions } from './console-chat.js';
export { renderTerminal, type RenderTerminalOptions } from './render-terminal.js';
export { runTalks, DEFAULT_CONTENT_DIR, type CliIo } from './run-talks.js';
