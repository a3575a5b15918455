import { describe, expect, it } from 'vitest';
import { addressesOthers, slackTextToPlain } from '../../adapters/slack/mrkdwn.js';

/** Text as Slack sends it in events and slash commands: https://docs.slack.dev/messaging/formatting-message-text */
describe('slackTextToPlain', () => {
  it('keeps the words a person typed and the labels of links and dates, decoding entities', () => {
    expect(slackTextToPlain('what did &lt;b&gt; say &amp; do')).toBe('what did <b> say & do');
    expect(slackTextToPlain('about <https://x.example/a|the article> <mailto:a@b.example|a@b.example> <https://x.example/b>')).toBe('about the article a@b.example https://x.example/b');
    expect(slackTextToPlain('due <!date^1392734382^{date_short}|Feb 18, 2014>')).toBe('due Feb 18, 2014');
  });

  it('drops mentions of people, groups and channels, named or not (events send <@U…>, <#C…|>; should_escape commands <@U…|ana>): they name people and places in the workspace, not in the articles', () => {
    expect(slackTextToPlain('<@U0BOT> oman, for <#C0DESK|> and <@U0EDITOR>')).toBe('oman, for and');
    expect(slackTextToPlain('oman <#C0DESK> <@W0ENTERPRISE> <!subteam^S0DESK>')).toBe('oman');
    expect(slackTextToPlain('oman, cc <@U0ANA|ana> in <#C0DESK|desk> <!subteam^S0DESK|@desk> <!here>')).toBe('oman, cc in');
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
