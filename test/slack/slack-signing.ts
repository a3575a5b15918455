import { createHmac } from 'node:crypto';

/**
 * Signs a request body the way Slack does: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>` with the
 * app's signing secret. https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
export function signSlackRequest(signingSecret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-signature': signature, 'x-slack-request-timestamp': String(timestamp) };
}
