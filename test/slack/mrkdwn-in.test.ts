import { describe, expect, it } from 'vitest';
import { addressesOthers, slackTextToPlain } from '../../adapters/slack/mrkdwn.js';

/** Text as Slack sends it in events and slash commands: https://docs.slack.dev/messaging/formatting-message-text */
describe('slackTextToPlain', () => {
  it('keeps the words a person typed and the names Slack spells out, decoding entities', () => {
    expect(slackTextToPlain('what did &lt;b&gt; say &amp; do')).toBe('what did <b> say & do');
    expect(slackTextToPlain('ask <@U0ANA|ana> in <#C0DESK|desk> about <https://x.example/a|the article>')).toBe('ask @ana in #desk about the article');
    expect(slackTextToPlain('<!subteam^S0DESK|@desk> <!here> <mailto:a@b.example|a@b.example>')).toBe('@desk @here a@b.example');
    expect(slackTextToPlain('due <!date^1392734382^{date_short}|Feb 18, 2014>')).toBe('due Feb 18, 2014');
  });

  it('drops the bot’s own mention and any mention that carries only an id (events send <@U…>, <#C…|>): an id is no word of the question', () => {
    expect(slackTextToPlain('<@U0BOT> oman, for <#C0DESK|> and <@U0EDITOR>', 'U0BOT')).toBe('oman, for and');
    expect(slackTextToPlain('oman <#C0DESK> <@W0ENTERPRISE> <!subteam^S0DESK>')).toBe('oman');
  });
});

describe('addressesOthers', () => {
  it('is true for a colleague, a user group or the channel, not for the bot alone or a channel link', () => {
    expect(addressesOthers('<@U0EDITOR> can you check?', 'U0BOT')).toBe(true);
    expect(addressesOthers('<!here> updated', 'U0BOT')).toBe(true);
    expect(addressesOthers('<!subteam^S0DESK|@desk> read this', 'U0BOT')).toBe(true);
    expect(addressesOthers('<@U0BOT> and more', 'U0BOT')).toBe(false);
    expect(addressesOthers('see <#C0DESK|desk> and <https://x.example>', 'U0BOT')).toBe(false);
  });
});
