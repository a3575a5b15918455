import { z } from 'zod';

/** Who sees a `/talks` answer first: only the asker (with a Share button), or the whole channel. */
export const AnswerVisibilitySchema = z.enum(['ephemeral', 'in_channel']);
export type AnswerVisibility = z.infer<typeof AnswerVisibilitySchema>;

/**
 * Slack's settings, parsed once from the environment.
 * - `SLACK_BOT_TOKEN` (xoxb-…) and `SLACK_SIGNING_SECRET`: required together.
 * - `SLACK_APP_TOKEN` (xapp-…): optional; set, the app connects over Socket Mode instead of serving HTTP.
 * - `SLACK_API_URL`: optional Web API base (Enterprise Grid / GovSlack hosts, tests); must end with `/`.
 * - `SLACK_ANSWER_VISIBILITY`: `ephemeral` (default) or `in_channel`, for `/talks` answers.
 */
export const SlackConfigSchema = z.object({
  botToken: z.string().regex(/^xoxb-[A-Za-z0-9-]+$/, 'must be a bot token (xoxb-…)'),
  signingSecret: z.string().regex(/^[A-Za-z0-9]{8,}$/, 'must be the app\'s signing secret (letters and digits)'),
  appToken: z.string().regex(/^xapp-[A-Za-z0-9-]+$/, 'must be an app-level token (xapp-…)').optional(),
  apiUrl: z
    .string()
    .url('must be a URL')
    .regex(/^https?:\/\//, 'must be an http(s) URL')
    .refine((url) => url.endsWith('/'), 'must end with /')
    .optional(),
  answerVisibility: AnswerVisibilitySchema.default('ephemeral'),
  /** True when SLACK_APP_TOKEN is set: events arrive over a Socket Mode websocket, not HTTP. */
  socketMode: z.boolean(),
});
export type SlackConfig = z.infer<typeof SlackConfigSchema>;

const ENV_NAMES: Record<string, string> = {
  botToken: 'SLACK_BOT_TOKEN',
  signingSecret: 'SLACK_SIGNING_SECRET',
  appToken: 'SLACK_APP_TOKEN',
  apiUrl: 'SLACK_API_URL',
  answerVisibility: 'SLACK_ANSWER_VISIBILITY',
};

/** Empty means unset, so `SLACK_APP_TOKEN=` in an .env file turns Socket Mode off. */
function read(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Credentials: a value wrapped in quotes is a copy from a shell file into one that keeps them (docker --env-file). */
const CREDENTIALS = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'];

function isQuoted(value: string | undefined): boolean {
  return value !== undefined && value.length >= 2 && /^(["']).*\1$/s.test(value);
}

/**
 * Reads Slack's variables. Returns undefined when none of SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and
 * SLACK_APP_TOKEN is set (Slack is off); throws one Error whose one-line message names every missing or
 * malformed variable, never its value, when Slack is partly or wrongly configured.
 *
 * @example
 * const slack = parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: '8f7e…' });
 */
export function parseSlackConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined>): SlackConfig | undefined {
  const botToken = read(env, 'SLACK_BOT_TOKEN');
  const signingSecret = read(env, 'SLACK_SIGNING_SECRET');
  const appToken = read(env, 'SLACK_APP_TOKEN');
  // Any credential means Slack was meant to run: a missing one is an error, not Slack silently off.
  if (!botToken && !signingSecret && !appToken) return undefined;
  const parsed = SlackConfigSchema.safeParse({
    botToken,
    signingSecret,
    appToken,
    apiUrl: read(env, 'SLACK_API_URL'),
    answerVisibility: read(env, 'SLACK_ANSWER_VISIBILITY')?.toLowerCase(),
    socketMode: appToken !== undefined,
  });
  const problems = new Map<string, string>();
  for (const name of CREDENTIALS) {
    if (isQuoted(read(env, name))) problems.set(name, `${name} is wrapped in quotes: remove them (docker --env-file and systemd keep them as part of the value)`);
  }
  if (parsed.success && problems.size === 0) return parsed.data;
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    const name = ENV_NAMES[key] ?? key;
    if (problems.has(name)) continue;
    const missing = issue.code === 'invalid_type';
    problems.set(name, missing ? `${name} is missing` : `${name} ${describe(issue)}`);
  }
  throw new Error(`Slack configuration: ${[...problems.values()].join('; ')}`);
}

/** The schema's own words, never the received value (it may be a secret pasted into the wrong variable). */
function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map(String).join('|')}`;
  return issue.message.replace(/received .*$/i, '').trim();
}
