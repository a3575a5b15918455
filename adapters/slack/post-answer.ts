import type { RespondArguments, RespondFn, webApi } from '@slack/bolt';
import type { Answer } from '../../src/index.js';
import { renderSlackAnswer, type RenderedMessage, type RenderOptions } from './render-blocks.js';
import { slackErrorCode } from './slack-deps.js';

type WebClient = webApi.WebClient;

/**
 * Posts an answer with chat.postMessage. Link previews are off (a quoted article link should not unfurl a
 * card over the answer) and `link_names` stays off so no `@name` in the text is turned into a mention.
 * If Slack refuses the blocks (`invalid_blocks`, e.g. a workspace or client without the table block), the
 * answer is sent again with the table as fields, and as plain text if that fails too: the reader always
 * gets the answer.
 */
export async function postAnswer(
  client: WebClient,
  target: { channel: string; thread_ts?: string },
  answer: Answer,
  options: RenderOptions = {},
): Promise<{ ts?: string; message: RenderedMessage }> {
  const attempts: RenderOptions[] = [options, { ...options, tableStyle: 'fields' }];
  let lastError: unknown;
  for (const attempt of attempts) {
    const message = renderSlackAnswer(answer, attempt);
    try {
      const result = await client.chat.postMessage({ ...target, ...message, unfurl_links: false, unfurl_media: false, link_names: false });
      return { ts: typeof result.ts === 'string' ? result.ts : undefined, message };
    } catch (error) {
      lastError = error;
      const code = slackErrorCode(error);
      if (code !== 'invalid_blocks' && code !== 'msg_blocks_too_long') throw error;
    }
  }
  const message = renderSlackAnswer(answer, options);
  try {
    const result = await client.chat.postMessage({ ...target, text: message.text, unfurl_links: false, unfurl_media: false, link_names: false });
    return { ts: typeof result.ts === 'string' ? result.ts : undefined, message: { ...message, blocks: [] } };
  } catch {
    throw lastError;
  }
}

/**
 * Sends an answer to a `response_url`. If Slack refuses it (HTTP 400, e.g. a client or workspace without
 * the table block), the answer is sent again with the table as fields.
 */
export async function respondAnswer(
  respond: RespondFn,
  answer: Answer,
  envelope: Pick<RespondArguments, 'response_type' | 'replace_original'>,
  options: RenderOptions = {},
): Promise<void> {
  const first = renderSlackAnswer(answer, options);
  try {
    await respond({ ...envelope, blocks: first.blocks, text: first.text } as RespondArguments);
  } catch (error) {
    const refused = (error as { statusCode?: unknown }).statusCode === 400;
    if (!refused || !first.blocks.some((block) => block.type === 'table')) throw error;
    const fields = renderSlackAnswer(answer, { ...options, tableStyle: 'fields' });
    await respond({ ...envelope, blocks: fields.blocks, text: fields.text } as RespondArguments);
  }
}

