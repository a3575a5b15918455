import { describe, expect, it } from 'vitest';
import { ContentParseError, TalksError } from '../errors.js';
import { parseArticle } from './parse-article.js';

const plain = [
  '',
  'Talks Open in Geneva: A First Step',
  'Negotiators from Armenia and Azerbaijan met on Monday. They agreed to meet again.',
  'What Is on the Table?',
  'Three issues were discussed:',
  '- Border demarcation',
  '- Transit routes',
  'Positions at a Glance',
  'Issue | Armenia | Azerbaijan | Mediator',
  '---|---|---|---',
  'Border | Use 1991 maps | Use Soviet maps | Joint survey',
  'Transit | Open all roads | Open the Zangezur route | Phased opening',
  'Both sides call the de‑escalation “urgent”.',
].join('\n');

describe('parseArticle (plain text)', () => {
  const document = parseArticle({ fileName: 'geneva-talks.txt', text: plain, modifiedAt: new Date('2026-01-02T03:04:05Z') });

  it('finds headings as short lines of their own, including ones with a colon or a question mark', () => {
    expect(document.sections.map((section) => section.title)).toEqual(['Talks Open in Geneva: A First Step', 'What Is on the Table?', 'Positions at a Glance']);
  });

  it('takes the title from the first heading and the date from the file when there is no front matter', () => {
    expect(document.title).toBe('Talks Open in Geneva: A First Step');
    expect(document.asOf).toBe('2026-01-02T03:04:05.000Z');
    expect(document.documentId).toBe('geneva-talks');
  });

  it('reads bullet lists and pipe tables with columns from the header', () => {
    const [, onTable, glance] = document.sections;
    expect(onTable?.blocks[1]).toMatchObject({ type: 'list', items: ['Border demarcation', 'Transit routes'] });
    const table = glance?.blocks[0];
    expect(table).toMatchObject({ type: 'table', columns: ['Issue', 'Armenia', 'Azerbaijan', 'Mediator'] });
    expect(table?.type === 'table' && table.rows[1]).toEqual(['Transit', 'Open all roads', 'Open the Zangezur route', 'Phased opening']);
  });

  it("keeps the article's own characters (U+2011 hyphen, curly quotes)", () => {
    const last = document.sections[2]?.blocks.at(-1);
    expect(last).toMatchObject({ type: 'paragraph', text: 'Both sides call the de‑escalation “urgent”.' });
  });

  it('reads tables without outer pipes', () => {
    const parsed = parseArticle({ fileName: 'a.txt', text: 'Heading One\nIntro line.\nA | B | C\n--- | --- | ---\n1 | 2 | 3\n' });
    expect(parsed.sections[0]?.blocks[1]).toMatchObject({ type: 'table', columns: ['A', 'B', 'C'], rows: [['1', '2', '3']] });
  });

  it('joins hard-wrapped lines into one paragraph and keeps a heading after a bullet', () => {
    const parsed = parseArticle({ fileName: 'w.txt', text: 'Wrapped Story\nThe talks began on Monday and\nlasted until late on Tuesday.\n- A bullet without a stop\nNext Heading\nMore text here.' });
    expect(parsed.sections.map((section) => section.title)).toEqual(['Wrapped Story', 'Next Heading']);
    expect(parsed.sections[0]?.blocks[0]).toMatchObject({ text: 'The talks began on Monday and lasted until late on Tuesday.' });
  });
});

describe('parseArticle (Markdown)', () => {
  const markdown = ['---', 'title: Ceasefire talks', 'date: 2026-03-01', 'source: Wire', 'url: https://example.com/ceasefire', '---', '# Ceasefire talks', 'Lede with **bold** and a [link](https://x.y).', '', '## Where they stand', '| Issue | A | B |', '|:--|--:|---|', '| Prisoners | All | Some |'].join('\n');
  const document = parseArticle({ fileName: 'ceasefire.md', text: markdown });

  it('uses front matter for title, date, source and url', () => {
    expect(document).toMatchObject({ title: 'Ceasefire talks', asOf: '2026-03-01T00:00:00.000Z', source: 'Wire', url: 'https://example.com/ceasefire' });
  });

  it('strips inline markup and reads # headings and Markdown tables', () => {
    expect(document.sections[0]?.blocks[0]).toMatchObject({ text: 'Lede with bold and a link.' });
    expect(document.sections[1]).toMatchObject({ title: 'Where they stand', level: 2 });
    expect(document.sections[1]?.blocks[0]).toMatchObject({ type: 'table', columns: ['Issue', 'A', 'B'], rows: [['Prisoners', 'All', 'Some']] });
  });
});

describe('parseArticle errors name the file and line', () => {
  const parseError = (text: string, fileName = 'bad.txt') => {
    try {
      parseArticle({ fileName, text });
    } catch (error) {
      return error;
    }
    throw new Error('expected a parse error');
  };

  it('rejects a table row with more cells than the header', () => {
    const error = parseError('Heading\nText.\nA | B\n---|---\n1 | 2 | 3 | 4\n');
    expect(error).toBeInstanceOf(ContentParseError);
    expect((error as ContentParseError).line).toBe(5);
    expect((error as Error).message).toMatch(/^bad\.txt:5: table row has 4 cells/);
  });

  it('rejects unclosed front matter and invalid YAML', () => {
    expect((parseError('---\ntitle: x\nBody') as Error).message).toMatch(/^bad\.txt:1: front matter/);
    expect((parseError('---\ntitle: [unclosed\n---\nHeading\nBody.') as ContentParseError).file).toBe('bad.txt');
  });

  it('rejects binary data and empty articles', () => {
    expect((parseError('Heading\nok\n\u0000\u0001') as ContentParseError).line).toBe(3);
    const empty = parseError('   \n\n');
    expect(empty).toBeInstanceOf(TalksError);
    expect((empty as TalksError).code).toBe('talks_content_empty');
  });

  it('rejects a separator line with no header', () => {
    expect((parseError('Heading\nText.\n\n---|---\n1 | 2') as Error).message).toMatch(/:4: table separator/);
  });
});

describe('parseArticle (other heading styles)', () => {
  const titles = (fileName: string, lines: string[]) => parseArticle({ fileName, text: lines.join('\n') }).sections.map((section) => section.title);

  it('reads setext headings (a line over ==== or ----) in Markdown and in pasted text', () => {
    const setext = ['Talks in Jeddah', '===============', '', 'Negotiators met again.', '', 'Background', '----------', '', 'The war began in 2023.', '', '---', '', 'After a rule.'];
    const markdown = parseArticle({ fileName: 'jeddah.md', text: setext.join('\n') });
    expect(markdown.title).toBe('Talks in Jeddah');
    expect(markdown.sections.map((section) => [section.title, section.level])).toEqual([
      ['Talks in Jeddah', 1],
      ['Background', 2],
    ]);
    expect(markdown.sections[1]?.blocks.map((block) => block.type === 'paragraph' && block.text)).toEqual(['The war began in 2023.', 'After a rule.']);
    expect(titles('jeddah.txt', setext)).toEqual(['Talks in Jeddah', 'Background']);
  });

  it('reads a sentence over a rule in pasted text as a paragraph and drops the rule', () => {
    const document = parseArticle({ fileName: 'rule.txt', text: ['Talks End', 'It ended there.', '---', '====', 'Aftermath', 'Both sides left.'].join('\n') });
    expect(document.sections.map((section) => [section.title, section.blocks.map((block) => block.type === 'paragraph' && block.text)])).toEqual([
      ['Talks End', ['It ended there.']],
      ['Aftermath', ['Both sides left.']],
    ]);
  });

  it('keeps a Markdown paragraph whose last line is followed by ---- a paragraph line, not a heading', () => {
    const document = parseArticle({ fileName: 'wrap.md', text: ['# Title', '', 'A paragraph that goes on', 'over two lines', '---', '', 'More.'].join('\n') });
    expect(document.sections.map((section) => section.title)).toEqual(['Title']);
    expect(document.sections[0]?.blocks[0]).toMatchObject({ type: 'paragraph', text: 'A paragraph that goes on over two lines' });
  });

  it('reads numbered headings standing alone in pasted text, and keeps numbered lists as lists', () => {
    const lines = [
      'Armenia and Azerbaijan Near a Treaty',
      '',
      '1. INTRODUCTION',
      '',
      'Foreign ministers met in Washington.',
      '',
      '2) The Border Question',
      '',
      'Commissions agreed on twelve kilometres. The demands:',
      '',
      '1. Customs control',
      '',
      '2. Open roads',
      '',
      'Talks go on.',
      '3. A final item after a paragraph line.',
    ];
    const document = parseArticle({ fileName: 'treaty.txt', text: lines.join('\n') });
    expect(document.sections.map((section) => section.title)).toEqual(['INTRODUCTION', 'The Border Question']);
    const items = document.sections[1]?.blocks.flatMap((block) => (block.type === 'list' ? block.items : []));
    expect(items).toEqual(['Customs control', 'Open roads', 'A final item after a paragraph line.']);
  });

  it('reads a Markdown line that is one bold phrase, standing alone, as a subheading; bold inside a paragraph stays text', () => {
    const lines = ['# Talks', '', 'Opening paragraph.', '', '**Background**', '', 'The war began.', '', '**Note:** the figures are estimates.'];
    const document = parseArticle({ fileName: 'bold.md', text: lines.join('\n') });
    expect(document.sections.map((section) => section.title)).toEqual(['Talks', 'Background']);
    expect(document.sections[1]?.blocks.map((block) => block.type === 'paragraph' && block.text)).toEqual(['The war began.', 'Note: the figures are estimates.']);
  });
});

describe('parseArticle (Markdown markup that is not the article\'s words)', () => {
  const lines = [
    '# Shipping talks stall',
    '',
    '![A cargo ship in port](https://example.org/ship.jpg)',
    '',
    'Mediators said talks had stalled over insurance.[^1] Both sides met again.',
    '',
    '<!-- editor: check',
    'the figures below -->',
    '',
    'Kyiv wants ![flag](f.png) Lloyd\'s cover.',
    '',
    '[^1]: Reporting by the desk in Istanbul.',
  ];
  const document = parseArticle({ fileName: 'ships.md', text: lines.join('\n') });
  const texts = document.sections.flatMap((section) => section.blocks).map((block) => (block.type === 'paragraph' ? block.text : ''));

  it('drops images (alt text describes a picture), footnote marks and comments over several lines', () => {
    expect(texts).toEqual(['Mediators said talks had stalled over insurance. Both sides met again.', "Kyiv wants Lloyd's cover.", 'Reporting by the desk in Istanbul.']);
  });
});

describe('parseArticle (pasted text never loses lines that only look like headings)', () => {
  const blocksOf = (lines: string[]) => parseArticle({ fileName: 'names.txt', text: lines.join('\n') }).sections.map((section) => [section.title, section.blocks.map((block) => (block.type === 'paragraph' ? block.text : block.type === 'list' ? block.items : block.columns))]);

  it('reads such lines as a list under a heading with a blank line between, when there are two or more', () => {
    expect(blocksOf(['Talks', 'They met.', '', 'Timeline', '', '1991 – War begins', '1994 – Ceasefire agreed in Bishkek', 'Sept 2023 – Azerbaijan retakes Karabakh', '', 'Outlook', '', 'Talks go on.'])).toEqual([
      ['Talks', ['They met.']],
      ['Timeline', [['1991 – War begins', '1994 – Ceasefire agreed in Bishkek', 'Sept 2023 – Azerbaijan retakes Karabakh']]],
      ['Outlook', ['Talks go on.']],
    ]);
    // (One line alone under a heading is not a list: the line is a heading itself, as before.)
    expect(blocksOf(['Talks', 'They met.', '', 'Background', '', 'Context', '', 'It began in 2019.'])).toEqual([['Talks', ['They met.', 'Background']], ['Context', ['It began in 2019.']]]);
  });

  it('reads short lines one under the other after a colon lead-in or under a heading as an unbulleted list', () => {
    expect(blocksOf(['Talks Resume', '', 'Three delegations came:', 'Ukraine', 'Russia', '', 'WHO SPOKE', 'The Turkish mediator', 'The UN envoy', '', 'They will meet again.'])).toEqual([
      ['Talks Resume', ['Three delegations came:', ['Ukraine', 'Russia']]],
      ['WHO SPOKE', [['The Turkish mediator', 'The UN envoy'], 'They will meet again.']],
    ]);
  });

  it('keeps a title over a subtitle, and a hard-wrapped sentence after a colon, as before', () => {
    expect(blocksOf(['TALKS RESUME', 'A Second Round in Geneva', '', 'They met.'])).toEqual([['A Second Round in Geneva', ['They met.']]]);
    expect(blocksOf(['Talks', 'The envoy listed what was agreed:', 'The Turkish side will inspect', 'ships in Istanbul.'])).toEqual([['Talks', ['The envoy listed what was agreed:', 'The Turkish side will inspect ships in Istanbul.']]]);
  });

  it('keeps a heading with nothing under it as a paragraph of the section before, not dropped', () => {
    expect(blocksOf(['Talks Resume', 'They met.', '', 'Signed in Geneva', '', 'Next Steps', '', 'A second round.'])).toEqual([
      ['Talks Resume', ['They met.', 'Signed in Geneva']],
      ['Next Steps', ['A second round.']],
    ]);
  });
});

describe('parseArticle (Markdown character references and blockquotes)', () => {
  const lines = [
    '## Positions &amp; red lines',
    '',
    'The mood was &ldquo;constructive&nbsp;&amp; frank&rdquo;, at a cost of &euro;1.2&#160;billion &#x2014; so far. &bogus; stays.',
    '',
    '> "It will be a crisis," said Dr. Fathy.',
    '>',
    '> > She added that the process had stalled.',
    '',
    '> - a quoted item',
    '',
    '```',
    '> kept as written &amp;',
    '```',
  ];
  const document = parseArticle({ fileName: 'refs.md', text: lines.join('\n') });
  const blocks = document.sections[0]?.blocks.map((block) => (block.type === 'paragraph' ? block.text : block.type === 'list' ? block.items : block.columns));

  it('decodes character references in headings and text to the characters the reader sees; an unknown name stays', () => {
    expect(document.sections[0]?.title).toBe('Positions & red lines');
    expect(blocks?.[0]).toBe('The mood was “constructive & frank”, at a cost of €1.2 billion — so far. &bogus; stays.');
  });

  it('reads a blockquote without its markers, a lone > parting its paragraphs, a quoted list as a list; code stays as written', () => {
    expect(blocks?.slice(1)).toEqual(['"It will be a crisis," said Dr. Fathy.', 'She added that the process had stalled.', ['a quoted item'], '> kept as written &amp;']);
  });
});

describe('parseArticle (front matter written by hand)', () => {
  it('reads a value holding a colon unquoted, keys in any case and a url without its scheme', () => {
    const text = ['---', 'Title: Cyprus: the talks that never end', 'date: 14 February 2026', 'URL: example.org/cyprus', "source: 'Desk: Europe'", '---', 'A lede.'].join('\n');
    const document = parseArticle({ fileName: 'cyprus.txt', text });
    expect([document.title, document.asOf, document.url, document.source]).toEqual(['Cyprus: the talks that never end', '2026-02-14T00:00:00.000Z', 'https://example.org/cyprus', 'Desk: Europe']);
  });

  it('still rejects YAML that is not key: value lines, saying how to fix it', () => {
    expect(() => parseArticle({ fileName: 'bad.txt', text: '---\ntitle: [unclosed: x\n---\nBody.' })).toThrow(/not valid YAML.*put a value holding a colon or brackets in quotes/);
    expect(() => parseArticle({ fileName: 'bad.txt', text: '---\nurl: not a url\n---\nBody.' })).toThrow(/bad\.txt:2: front matter field "url" is invalid/);
  });
});

describe('parseArticle (Markdown escapes, reference links, autolinks and line breaks)', () => {
  const lines = [
    '# Border talks',
    '',
    'The commission met in Algiers\\',
    'on Monday. The report is [here][report] and the [AU statement][] is online.',
    'Prices rose 5\\*2 times; the file is border\\_map\\_v2. See <https://un.org/algiers> for the text. Line one<br>line two.',
    '',
    '[report]: https://example.org/report "The report"',
    '[AU statement]: <https://au.int/statement>',
    '[Update]: Talks resumed.',
  ];
  const texts = parseArticle({ fileName: 'refs.md', text: lines.join('\n') }).sections[0]?.blocks.map((block) => block.type === 'paragraph' && block.text);

  it('keeps the words and drops the markup: a backslash line break, escapes, reference links, an autolink, <br>', () => {
    expect(texts?.[0]).toBe('The commission met in Algiers on Monday. The report is here and the AU statement is online. Prices rose 5*2 times; the file is border_map_v2. See https://un.org/algiers for the text. Line one line two.');
  });

  it('skips link reference definitions, but not a bracketed label over words', () => {
    expect(texts?.slice(1)).toEqual(['[Update]: Talks resumed.']);
  });
});

describe('parseArticle (bullets pasted from word processors)', () => {
  it('reads –, ▪, ● and → bullets as list items, and a dash line going on with an unfinished sentence as that sentence', () => {
    const text = ['Talks', 'Agreed:', '– A supply company', '▪ Metering', '● Debt relief', '→ A signing', '', 'Negotiators met in Brussels for the', '– fourth time this year – on Monday.'].join('\n');
    const blocks = parseArticle({ fileName: 'dashes.txt', text }).sections[0]?.blocks.map((block) => (block.type === 'list' ? block.items : block.type === 'paragraph' ? block.text : ''));
    expect(blocks).toEqual(['Agreed:', ['A supply company', 'Metering', 'Debt relief', 'A signing'], 'Negotiators met in Brussels for the – fourth time this year – on Monday.']);
  });
});

describe('parseArticle (a list as Word pastes it: a bullet, a tab, the item)', () => {
  const blocksOf = (lines: string[]) => parseArticle({ fileName: 'word.txt', text: lines.join('\n') }).sections[0]?.blocks.map((block) => (block.type === 'list' ? block.items : block.type === 'paragraph' ? block.text : block.columns));

  it('reads "•" or "·" and a tab as a list item, not as a table with a column of bullets', () => {
    expect(blocksOf(['Talks', 'Agreed:', '•\tEnergy', '•\tLicence plates', '', 'Then:', '·\tA meeting', '·\tA signing'])).toEqual(['Agreed:', ['Energy', 'Licence plates'], 'Then:', ['A meeting', 'A signing']]);
  });

  it('reads Word\'s "o" and "§" and a tab as second- and third-level items, each joined onto its parent', () => {
    expect(blocksOf(['Talks', 'Agreed:', '·\tEnergy', 'o\tmetering', 'o\ta supply company', '§\tfor the north', '·\tPlates', '', 'o dear, said one delegate.'])).toEqual(['Agreed:', ['Energy: metering; a supply company: for the north', 'Plates'], 'o dear, said one delegate.']);
  });
});

describe('parseArticle (bylines and time stamps in pasted text)', () => {
  it('reads a byline or a time stamp under a headline as a paragraph, and a heading starting with By as a heading', () => {
    const text = ['Talks Reopen', '', 'By JANE DOE, Desk', 'Published: Mon 3 March 2026', '', 'GENEVA — They met.', '', 'By the Numbers', '', 'Two leaders.', '', 'By Land and Sea', '', 'Ships came.'].join('\n');
    const document = parseArticle({ fileName: 'byline.txt', text });
    expect(document.sections.map((section) => [section.title, section.blocks.length])).toEqual([['Talks Reopen', 3], ['By the Numbers', 1], ['By Land and Sea', 1]]);
  });
});

describe('parseArticle (list items going on over the next line unindented)', () => {
  const itemsOf = (fileName: string, lines: string[]) => parseArticle({ fileName, text: lines.join('\n') }).sections[0]?.blocks.map((block) => (block.type === 'list' ? block.items : block.type === 'paragraph' ? block.text : ''));

  it('in pasted text, when the item stopped mid-phrase or the line goes on in lower case; a sentence after a list stays a paragraph', () => {
    const lines = ['Talks', 'Open issues:', '- forces from the', 'Border Zone', '- ships calling', 'at Odesa', '- Sanctions', 'The talks go on.'];
    expect(itemsOf('wrap.txt', lines)).toEqual(['Open issues:', ['forces from the Border Zone', 'ships calling at Odesa', 'Sanctions'], 'The talks go on.']);
  });

  it('in Markdown, always (a lazy continuation line)', () => {
    expect(itemsOf('wrap.md', ['# Talks', '', '- Sanctions relief for', 'Iran', '- Monitoring'])).toEqual([['Sanctions relief for Iran', 'Monitoring']]);
  });
});

describe('parseArticle (label headings ending in a colon, in pasted text)', () => {
  const shape = (lines: string[]) => parseArticle({ fileName: 'labels.txt', text: lines.join('\n') }).sections.map((section) => [section.title, section.blocks.map((block) => block.type)]);

  it('reads a short label over prose as a heading, and keeps a lead-in over a list, a speaker\'s "He said:" and a clause as paragraphs', () => {
    expect(shape(['Talks', 'They met.', '', 'Next steps:', 'A meeting in April.', '', 'What was agreed:', '- A ceasefire', '', 'He said:', '"We will sign."', '', 'Ms Solberg said:', 'It was close.'])).toEqual([
      ['Talks', ['paragraph']],
      ['Next steps', ['paragraph', 'paragraph', 'list', 'paragraph', 'paragraph', 'paragraph', 'paragraph']],
    ]);
    expect(shape(['Key Dates And Places:', '', 'Geneva, 12 April.'])).toEqual([['Key Dates And Places', ['paragraph']]]);
  });
});

describe('parseArticle (lists inside lists)', () => {
  const itemsOf = (fileName: string, lines: string[]) => parseArticle({ fileName, text: lines.join('\n') }).sections[0]?.blocks.map((block) => (block.type === 'list' ? block.items : block.type === 'paragraph' ? block.text : ''));

  it('joins sub-items onto their parent item in order, after a colon and parted by semicolons, at any depth and across a blank line', () => {
    expect(itemsOf('nested.md', ['# Talks', '', '- Data sharing', '  - daily figures', '  - weekly audits', '- Crossings', '    * two new ones', '      - at Jarinje', '- Plates'])).toEqual([['Data sharing: daily figures; weekly audits', 'Crossings: two new ones: at Jarinje', 'Plates']]);
    expect(itemsOf('loose.md', ['# Talks', '', '1. Property', '', '   - church land.', '   - mines', '2. Municipalities'])).toEqual([['Property: church land. mines', 'Municipalities']]);
    expect(itemsOf('lead-in.md', ['# Talks', '', '- Three points remain:', '\t- borders', '- Next:'])).toEqual([['Three points remain: borders', 'Next:']]);
  });

  it('in pasted text too; a bullet indented by one space, or a list after a blank line, is not a sub-item', () => {
    expect(itemsOf('nested.txt', ['Talks', 'Agreed:', '• Data sharing', '    ◦ daily figures', '• Crossings', ' • Plates', '', '  • Tariffs'])).toEqual(['Agreed:', ['Data sharing: daily figures', 'Crossings', 'Plates'], ['Tariffs']]);
  });
});

describe('parseArticle (a heading ending in a dash or a colon; struck text)', () => {
  const titles = (fileName: string, lines: string[]) => parseArticle({ fileName, text: lines.join('\n') }).sections.map((section) => section.title);

  it('leaves a closing dash or colon out of the title, whatever the kind of heading', () => {
    expect(titles('dash.md', ['# Talks', '', 'Lede.', '', '## BACKGROUND —', '', 'Text.', '', 'Next steps -', '----------', '', 'More.', '', '**Outlook:**', '', 'Later.'])).toEqual(['Talks', 'BACKGROUND', 'Next steps', 'Outlook']);
    expect(titles('dash.txt', ['Talks', 'They met.', '', 'BACKGROUND –', 'It began in 2019.', '', '2. WHAT NEXT --', '', 'A meeting.'])).toEqual(['Talks', 'BACKGROUND', 'WHAT NEXT']);
  });

  it('drops struck text with its markers, in paragraphs and table cells; a lone tilde stays', () => {
    const document = parseArticle({ fileName: 'struck.md', text: ['# Talks', '', 'They resume on ~~Monday~~ Tuesday with ~300 delegates.', '', 'Issue | Date', '---|---', 'Talks | <del>1 May</del> 3 May'].join('\n') });
    expect(document.sections[0]?.blocks).toMatchObject([{ text: 'They resume on Tuesday with ~300 delegates.' }, { rows: [['Talks', '3 May']] }]);
  });

  it('keeps a bracketed label over words as a paragraph, one word or more', () => {
    const texts = parseArticle({ fileName: 'label.md', text: ['# Talks', '', '[Update]: Resumed.', '', '[Correction]: Talks were postponed.', '', '[report]: https://example.org/r'].join('\n') }).sections[0]?.blocks.map((block) => block.type === 'paragraph' && block.text);
    expect(texts).toEqual(['[Update]: Resumed.', '[Correction]: Talks were postponed.']);
  });
});

describe('parseArticle (Markdown heading attributes)', () => {
  it('leaves a heading\'s {#id} and {.class} out of its title', () => {
    const document = parseArticle({ fileName: 'attrs.md', text: ['# Nile talks resume {#nile}', '', 'Lede.', '', '## Positions {#positions .unnumbered}', '', 'Text.', '', 'Outlook {#outlook}', '-------', '', 'Later.'].join('\n') });
    expect(document.sections.map((section) => section.title)).toEqual(['Nile talks resume', 'Positions', 'Outlook']);
  });
});

describe('parseArticle (tables drawn in ASCII)', () => {
  const tablesOf = (lines: string[]) => parseArticle({ fileName: 'ascii.txt', text: ['Talks', 'They met.', '', ...lines, '', 'That is all.'].join('\n') }).sections[0]?.blocks.map((block) => (block.type === 'table' ? [block.columns, ...block.rows] : block.type));

  it('reads a table boxed in +---+ borders, a border between every row, with its header', () => {
    const boxed = ['+-------+---------------+', '| Party | Sanctions     |', '+=======+===============+', '| US    | Phased relief |', '+-------+---------------+', '| Iran  | Full lifting  |', '+-------+---------------+'];
    expect(tablesOf(boxed)).toEqual(['paragraph', [['Party', 'Sanctions'], ['US', 'Phased relief'], ['Iran', 'Full lifting']], 'paragraph']);
  });

  it('reads a database console\'s table (a -----+----- line under the header)', () => {
    expect(tablesOf([' Party | Sanctions', '-------+---------------', ' US    | Phased relief', ' Iran  | Full lifting'])).toEqual(['paragraph', [['Party', 'Sanctions'], ['US', 'Phased relief'], ['Iran', 'Full lifting']], 'paragraph']);
  });
});

describe('parseArticle (an editor\'s note or a correction over the lede)', () => {
  const shape = (fileName: string, lines: string[]) => parseArticle({ fileName, text: lines.join('\n') }).sections.map((section) => [section.title, section.blocks.map((block) => (block.type === 'paragraph' ? block.text : block.type))]);

  it('keeps the note\'s label a paragraph with the note, not a heading over the lede', () => {
    expect(shape('note.txt', ['Cyprus talks resume', '', 'Editor’s note:', 'This article was updated on 14 March.', '', 'NICOSIA — They met.', '', 'Background:', 'Divided since 1974.'])).toEqual([
      ['Cyprus talks resume', ['Editor’s note: This article was updated on 14 March.', 'NICOSIA — They met.']],
      ['Background', ['Divided since 1974.']],
    ]);
    expect(shape('note.md', ['# Cyprus talks resume', '', '**Correction:**', '', 'An earlier version misnamed the envoy.', '', 'NICOSIA — They met.'])).toEqual([['Cyprus talks resume', ['Correction:', 'An earlier version misnamed the envoy.', 'NICOSIA — They met.']]]);
  });
});

describe('parseArticle (chat-style lists and Markdown pasted as text)', () => {
  const shape = (fileName: string, lines: string[]) => parseArticle({ fileName, text: lines.join('\n') }).sections.map((section) => [section.title, section.blocks.map((block) => (block.type === 'paragraph' ? block.text : block.type === 'list' ? block.items : block.type))]);

  it('reads lines opening with an emoji, two or more one under the other, as list items keeping the emoji; one alone is a paragraph', () => {
    expect(shape('emoji.txt', ['Gaza talks', 'Agreed so far:', '✅ Release of 33 hostages', '❌ Permanent ceasefire', '', '🔴 Talks resume on Monday', 'in Cairo.'])).toEqual([
      ['Gaza talks', ['Agreed so far:', ['✅ Release of 33 hostages', '❌ Permanent ceasefire'], '🔴 Talks resume on Monday in Cairo.']],
    ]);
  });

  it('leaves the bold markers of a Markdown heading pasted into a text file out of its title', () => {
    expect(shape('pasted.txt', ['Gaza talks', 'They met.', '', '## **Background**', '', 'It began in January.']).map(([title]) => title)).toEqual(['Gaza talks', 'Background']);
  });
});

describe('parseArticle (metadata at the top without --- fences)', () => {
  it('reads Title: and Date: lines over a blank line as front matter, in Markdown and pasted text', () => {
    for (const fileName of ['oman.md', 'oman.txt']) {
      const document = parseArticle({ fileName, text: ['Title: Oman talks resume', 'Date: 2026-03-04', 'Author: Desk', '', 'Negotiators met in Muscat.', '', '## Next', '', 'More talks.'].join('\n') });
      expect([document.title, document.asOf, document.sections[0]?.blocks]).toEqual(['Oman talks resume', '2026-03-04T00:00:00.000Z', [{ type: 'paragraph', text: 'Negotiators met in Muscat.', line: 5 }]]);
    }
  });

  it('reads Hugo\'s TOML front matter between +++ lines', () => {
    const document = parseArticle({ fileName: 'hugo.md', text: ['+++', 'title = "Oman talks: \\"round two\\""', 'date = 2026-03-04', 'tags = ["oman", "iran"]', '+++', '', 'Negotiators met in Muscat.'].join('\n') });
    expect([document.title, document.asOf, document.sections[0]?.blocks]).toEqual(['Oman talks: "round two"', '2026-03-04T00:00:00.000Z', [{ type: 'paragraph', text: 'Negotiators met in Muscat.', line: 7 }]]);
  });

  it('keeps lines as text when a key is not metadata\'s, or neither a title nor a date is given', () => {
    const first = (lines: string[]) => parseArticle({ fileName: 'a.txt', text: lines.join('\n') }).sections[0]?.blocks[0];
    expect(first(['Background: talks began in 2019.', 'Date: 2026-03-04', '', 'Text.'])).toMatchObject({ text: 'Background: talks began in 2019.' });
    expect(first(['Summary: the talks resumed.', '', 'Text.'])).toMatchObject({ text: 'Summary: the talks resumed.' });
  });
});
