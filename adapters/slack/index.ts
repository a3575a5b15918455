/**
 * The Slack adapter: `/talks`, mentions and thread follow-ups over @slack/bolt, answers as Block Kit.
 * main.ts imports this file only.
 */
export { parseSlackConfig, SlackConfigSchema, AnswerVisibilitySchema, type SlackConfig, type AnswerVisibility } from './slack-config.js';
export { createSlackAdapter, SLACK_EVENTS_PATH, type SlackAdapter, type SlackAdapterOptions } from './slack-adapter.js';
export { renderSlackAnswer, type RenderOptions, type RenderedMessage, type SlackBlock } from './render-blocks.js';
export { SlackAdapterError, type SlackErrorCode } from './slack-deps.js';
