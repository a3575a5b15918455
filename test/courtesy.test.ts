import { describe, expect, it } from 'vitest';
import { ACKNOWLEDGEMENT } from '../src/index.js';
import { engineOfText } from './fixture-engine.js';
import { renderAnswerMessages } from '../adapters/discord/render-message.js';
import { renderSlackAnswer } from '../adapters/slack/render-blocks.js';
import { blockTexts } from './slack/message-inspect.js';

const text = 'Port Talks\n\nThe harbour master, Ola Berg, said the quay would reopen. Thanks to the mediator, talks resumed. The port reopens in May. Fishing boats were told to wait.\n\nNext Round\n\nTalks resume in June.\n';
const engine = engineOfText('port.txt', text);

describe('thanks and acknowledgements', () => {
  it.each(['thanks', 'thank you!', 'ok great, thanks', 'cool', 'got it 👍', 'cheers', 'thx'])('"%s" is a short "you\'re welcome", quoting nothing (the article says "Thanks to the mediator")', (query) => {
    const { answer } = engine.answer(query);
    expect(answer.kind).toBe('help');
    expect(answer.citations).toEqual([]);
    expect(answer.examples).toEqual([]);
    expect(answer.text).toBe(ACKNOWLEDGEMENT);
  });

  it('leaves the thread where it was: "tell me more" after it goes on in the same section', () => {
    const first = engine.answer('port talks');
    const thanks = engine.answer('thanks', first.state);
    const more = engine.answer('tell me more', thanks.state);
    expect(more.answer.citations[0]?.sectionTitle).toBe('Port Talks');
    expect(more.answer.citations.map((citation) => citation.excerpt)).not.toContain(first.answer.citations[0]?.excerpt);
  });

  it('"what articles do you have" lists them; "good morning" is help', () => {
    expect(engine.answer('what articles do you have').answer.kind).toBe('sections');
    expect(engine.answer('good morning').answer.examples.length).toBeGreaterThan(0);
  });

  it('renders as one line on Slack and Discord: no example list, no warning icon', () => {
    const { answer } = engine.answer('thanks');
    const slack = blockTexts(renderSlackAnswer(answer).blocks).join('\n');
    expect(slack).toContain("You're welcome");
    expect(slack).not.toContain('Try:');
    const [message, ...rest] = renderAnswerMessages(answer);
    expect(rest).toEqual([]);
    expect(message?.embeds ?? []).toEqual([]);
    expect(message?.content).toContain('welcome');
    expect(message?.content).not.toContain('⚠️');
  });
});

describe('chat shorthand, typed @names and pasted links are no words of the question', () => {
  it.each(['port talks, cc @ana', 'fyi port talks', '@ola.berg port talks', 'quick q: port talks', 'port talks https://example.com/a_b?x=1', 'port talks <https://example.com/story>'])('"%s" is the Port Talks section', (query) => {
    const { answer } = engine.answer(query);
    expect(answer.kind).toBe('section');
    expect(answer.citations[0]?.sectionTitle).toBe('Port Talks');
  });
});

