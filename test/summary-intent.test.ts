import { describe, expect, it } from 'vitest';
import { buildEngine, parseArticle, type ParsedDocument } from '../src/index.js';
import { isByline } from '../src/engine/passages.js';
import { engineOfText } from './fixture-engine.js';

const older = `Fisheries Talks Open in Reykjavik

Four coastal states met to split next year's mackerel quotas, with the Norwegian delegation pressing for a larger share.

Quota Positions

The island states want a fixed share of the stock.

Next Round

Talks resume in the spring.
`;

const newer = `---
title: Grain corridor talks
date: 2026-05-02
---
# Grain corridor talks resume in Istanbul

Delegations met for a second day to discuss shipping lanes, inspections and insurance for grain ships.
A joint inspection team was proposed by the mediator.

## Overview

The corridor has carried grain for three seasons without a written guarantee.

## Insurance

Insurers asked for a war-risk guarantee before covering any vessel.
`;

function parse(fileName: string, text: string, modifiedAt: string): ParsedDocument {
  return parseArticle({ fileName, text, modifiedAt: new Date(modifiedAt) });
}

describe('summary intent', () => {
  const plain = [parse('fisheries.txt', older, '2026-04-01T00:00:00Z')];
  const both = [plain[0] as ParsedDocument, parse('grain.md', newer, '2026-01-01T00:00:00Z')];

  it.each(['summary', 'tldr', 'tl;dr', "what's the latest", 'give me a quick summary', 'catch me up', 'recap please'])('"%s" is the lede of the only article, opening passage first', (query) => {
    const { answer } = buildEngine(plain).answer(query);
    expect(answer.kind).toBe('section');
    expect(answer.citations[0]?.sectionTitle).toBe('Fisheries Talks Open in Reykjavik');
    expect(answer.citations[0]?.excerpt).toContain('Four coastal states met');
  });

  it('with several articles: the newest one (front matter date over file date), the others offered beside it', () => {
    const { answer } = buildEngine(both).answer('summary');
    expect(answer.citations[0]?.documentTitle).toBe('Grain corridor talks');
    expect(answer.citations[0]?.excerpt).toContain('Delegations met for a second day');
    expect(answer.related.map((ref) => ref.sectionTitle)).toEqual(['Fisheries Talks Open in Reykjavik']);
  });

  it('"latest on X" is the lede of the article that answers X, not the newest', () => {
    const { answer } = buildEngine(both).answer('whats the latest on the mackerel quotas');
    expect(answer.kind).toBe('section');
    expect(answer.citations[0]?.sectionTitle).toBe('Fisheries Talks Open in Reykjavik');
  });

  it('"latest on X" about something no article mentions is not_found', () => {
    expect(buildEngine(both).answer('latest on the nuclear programme').answer.kind).toBe('not_found');
  });

  it('a section the word itself names comes first: "overview" is the Overview section', () => {
    const { answer } = buildEngine(both).answer('overview');
    expect(answer.citations[0]?.sectionTitle).toBe('Overview');
    expect(answer.citations[0]?.excerpt).toContain('three seasons');
  });

  it('"tell me more" after a summary goes on in the article once the lede is read', () => {
    const engine = buildEngine(both);
    const first = engine.answer('summary');
    const more = engine.answer('tell me more', first.state);
    expect(more.answer.citations[0]?.sectionTitle).toBe('Overview');
    expect(more.answer.citations.map((citation) => citation.excerpt).join(' ')).not.toContain('Delegations met for a second day');
  });

  it('help offers it', () => {
    expect(buildEngine(plain).answer('help').answer.examples).toContain('summary');
  });

  it('starts after a byline and a time stamp over the lede, and never quotes them on "tell me more"', () => {
    const text = 'UN envoy reopens Cyprus talks\n\nBy Maria Georgiou and Mehmet Yilmaz, Desk\n\nUpdated 14 March 2026, 18:05 GMT\n\nThe envoy reopened informal talks on Friday. Both leaders attended.\n\nNext steps\n\nA second round is planned.\n';
    const engine = engineOfText('cyprus.txt', text);
    const first = engine.answer('summary');
    expect(first.answer.citations[0]?.excerpt).toBe('The envoy reopened informal talks on Friday.');
    const more = engine.answer('tell me more', first.state);
    expect(more.answer.citations.map((citation) => citation.excerpt).join(' ')).not.toMatch(/Georgiou|Updated/);
  });

  it('starts after an editor\'s note over the lede, which is about the article, not the talks', () => {
    const text = "UN envoy reopens Cyprus talks\n\nEditor's note: This article was updated on 15 March to correct the envoy's title, which an earlier version gave as special representative.\n\nThe envoy reopened informal talks on Friday. Both leaders attended.\n";
    const engine = engineOfText('cyprus.txt', text);
    expect(engine.answer('summary').answer.citations[0]?.excerpt).toBe('The envoy reopened informal talks on Friday.');
    // The note is still there to be asked about.
    expect(engine.answer('was the article corrected').answer.citations[0]?.excerpt).toContain("Editor's note");
  });

  it('"any news", "news on X" are summaries: "news" is no section keyword ("news" and "New" share a stem)', () => {
    const text = 'Talks resume\n\nThe delegations met again on Monday in Geneva.\n\nA New Chapter\n\nBoth sides called it a fresh start.\n';
    const engine = engineOfText('geneva.txt', text);
    for (const query of ['any news', 'whats the news', 'latest news']) {
      const { answer } = engine.answer(query);
      expect(answer.citations[0]?.excerpt, query).toBe('The delegations met again on Monday in Geneva.');
    }
  });

  it('tells a byline from a sentence opening with "By"', () => {
    expect(isByline('By Maria Georgiou and Mehmet Yilmaz, Desk')).toBe(true);
    expect(isByline('Updated 14 March 2026, 18:05 GMT')).toBe(true);
    expect(isByline('By Friday, negotiators had agreed a text.')).toBe(false);
  });

  it('"what happened" is a summary; "what happened in the power cuts" and "latest on the power cuts" are about the power cuts', async () => {
    const { engineOfFixture } = await import('./fixture-engine.js');
    const balkan = await engineOfFixture('balkan-power-talks.txt');
    expect(balkan.answer('what happened').answer.citations[0]?.excerpt).toContain('Belgrade and Pristina negotiators left Brussels');
    for (const query of ['what happened in the power cuts last winter', 'latest on the power cuts']) {
      expect(balkan.answer(query).answer.citations[0]?.excerpt, query).toContain('without heating for days');
    }
  });

  it('a section opening with a byline is quoted from after it, for a keyword too', () => {
    const engine = engineOfText('cyprus.txt', 'UN envoy reopens Cyprus talks in New York\n\nBy Maria Georgiou, Desk\n\nThe envoy reopened informal talks on Friday.\n');
    expect(engine.answer('cyprus talks').answer.citations[0]?.excerpt).toBe('The envoy reopened informal talks on Friday.');
  });

  it('on a live blog "latest" is its newest entry, whichever way the entries run; "summary" stays the opening', () => {
    const oldestFirst = 'Live: border talks\n\nOur correspondents follow the talks.\n\n9:05 am\n\nDelegations arrive.\n\n2.30pm\n\nTalks break for the day.\n';
    const newestFirst = 'Live: border talks\n\nOur correspondents follow the talks.\n\n16:45 GMT\n\nTalks break for the day.\n\n14:05 GMT\n\nDelegations arrive.\n';
    for (const text of [oldestFirst, newestFirst]) {
      const engine = engineOfText('live.txt', text);
      expect(engine.answer('latest').answer.citations[0]?.excerpt).toBe('Talks break for the day.');
      expect(engine.answer('any updates').answer.citations[0]?.excerpt).toBe('Talks break for the day.');
      expect(engine.answer('summary').answer.citations[0]?.excerpt).toBe('Our correspondents follow the talks.');
    }
  });
});

