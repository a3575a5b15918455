/**
 * Slack's message rules, written out independently of adapters/slack/limits.ts so a wrong constant there
 * is caught here. The fake Web API and response_url refuse what Slack would refuse, with Slack's error codes.
 * Sources: https://docs.slack.dev/reference/block-kit/blocks (and each block's page),
 * https://docs.slack.dev/reference/methods/chat.postMessage, https://github.com/slackapi/bolt-js/issues/2509 .
 */
type Json = Record<string, unknown>;

export interface MessageProblem {
  error: 'invalid_blocks' | 'msg_too_long' | 'msg_blocks_too_long' | 'no_text';
  detail: string;
}

export function checkSlackMessage(message: { text?: unknown; blocks?: unknown }): MessageProblem[] {
  const problems: MessageProblem[] = [];
  const bad = (detail: string) => problems.push({ error: 'invalid_blocks', detail });
  const text = typeof message.text === 'string' ? message.text : undefined;
  const blocks = message.blocks;
  if (text === undefined && (!Array.isArray(blocks) || blocks.length === 0)) problems.push({ error: 'no_text', detail: 'neither text nor blocks' });
  if (text !== undefined && text.length > 40_000) problems.push({ error: 'msg_too_long', detail: `text is ${text.length} chars` });
  if (blocks === undefined) return problems;
  if (!Array.isArray(blocks)) return [{ error: 'invalid_blocks', detail: 'blocks is not an array' }];
  if (blocks.length > 50) bad(`${blocks.length} blocks > 50`);
  let tables = 0;
  let totalText = 0;
  const textObject = (value: unknown, where: string, max: number, types = ['mrkdwn', 'plain_text']) => {
    const object = value as Json | undefined;
    if (!object || typeof object.text !== 'string' || !types.includes(String(object.type))) return bad(`${where}: not a text object`);
    if (object.text.length === 0) bad(`${where}: empty text`);
    if (object.text.length > max) bad(`${where}: ${object.text.length} chars > ${max}`);
    totalText += object.text.length;
  };
  blocks.forEach((raw, index) => {
    const block = raw as Json;
    const where = `block ${index} (${String(block.type)})`;
    if (typeof block.block_id === 'string' && block.block_id.length > 255) bad(`${where}: block_id too long`);
    switch (block.type) {
      case 'section': {
        if (block.text === undefined && block.fields === undefined) bad(`${where}: needs text or fields`);
        if (block.text !== undefined) textObject(block.text, where, 3000);
        if (block.fields !== undefined) {
          const fields = block.fields as unknown[];
          if (!Array.isArray(fields) || fields.length > 10) bad(`${where}: more than 10 fields`);
          else fields.forEach((field, n) => textObject(field, `${where} field ${n}`, 2000));
        }
        break;
      }
      case 'header':
        textObject(block.text, where, 150, ['plain_text']);
        break;
      case 'context': {
        const elements = block.elements as unknown[];
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10) bad(`${where}: 1 to 10 elements`);
        else elements.forEach((element, n) => textObject(element, `${where} element ${n}`, 3000));
        break;
      }
      case 'actions': {
        const elements = block.elements as Json[];
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25) bad(`${where}: 1 to 25 elements`);
        else {
          const ids = new Set<string>();
          for (const element of elements) {
            if (element.type !== 'button') continue;
            textObject(element.text, `${where} button`, 75, ['plain_text']);
            if (typeof element.value === 'string' && element.value.length > 2000) bad(`${where}: button value > 2000`);
            const id = String(element.action_id ?? '');
            if (id.length > 255) bad(`${where}: action_id > 255`);
            if (ids.has(id)) bad(`${where}: duplicate action_id ${id}`);
            ids.add(id);
          }
        }
        break;
      }
      case 'table': {
        tables += 1;
        const rows = block.rows as Json[][];
        if (!Array.isArray(rows) || rows.length === 0 || rows.length > 100) bad(`${where}: 1 to 100 rows`);
        else
          rows.forEach((row, r) => {
            if (!Array.isArray(row) || row.length === 0 || row.length > 20) bad(`${where} row ${r}: 1 to 20 cells`);
            else
              for (const cell of row) {
                if (cell.type !== 'raw_text' && cell.type !== 'rich_text') bad(`${where} row ${r}: cell type ${String(cell.type)}`);
                if (cell.type === 'raw_text') {
                  if (typeof cell.text !== 'string' || cell.text.length === 0) bad(`${where} row ${r}: empty cell`);
                  else totalText += cell.text.length;
                }
              }
          });
        if (Array.isArray(block.column_settings) && block.column_settings.length > 20) bad(`${where}: > 20 column settings`);
        break;
      }
      case 'divider':
        break;
      default:
        bad(`${where}: unknown block type`);
    }
  });
  if (tables > 1) problems.push({ error: 'invalid_blocks', detail: 'more than one table block' });
  if (totalText > 13_000) problems.push({ error: 'msg_blocks_too_long', detail: `${totalText} chars of block text` });
  return problems;
}
