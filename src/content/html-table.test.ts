import { describe, expect, it } from 'vitest';
import { readHtmlTable } from './html-table.js';
import { parseArticle } from './parse-article.js';
import { stripMarkdownInline } from './markdown-inline.js';

describe('readHtmlTable', () => {
  it('reads the first row as columns and the rest as rows, cells without their markup, a short row padded', () => {
    const lines = ['<table class="x">', '<tr><th>Issue</th><th>Armenia</th><th>Azerbaijan</th></tr>', '<tr><td><b>Returns</b></td><td>Guaranteed &amp; monitored</td></tr>', '</table>', 'After.'];
    expect(readHtmlTable(lines, 0, stripMarkdownInline)).toEqual({ columns: ['Issue', 'Armenia', 'Azerbaijan'], rows: [['Returns', 'Guaranteed & monitored', '']], end: 3 });
  });

  it('reads nothing from a table that never closes or has one column', () => {
    expect(readHtmlTable(['<table>', '<tr><td>a</td><td>b</td></tr>'], 0, stripMarkdownInline)).toBeUndefined();
    expect(readHtmlTable(['<table><tr><td>only</td></tr></table>'], 0, stripMarkdownInline)).toBeUndefined();
  });
});

describe('parseArticle (HTML in Markdown)', () => {
  it('reads an HTML table as a table, and keeps the words of HTML blocks apart', () => {
    const text = ['# Returnees', '', '<table>', '<tr><th>Issue</th><th>Armenia</th></tr>', '<tr><td>Returns</td><td>A mission</td></tr>', '</table>', '', '<p>They met.</p><p>They left.</p>'].join('\n');
    const blocks = parseArticle({ fileName: 'html.md', text }).sections[0]?.blocks;
    expect(blocks).toMatchObject([{ type: 'table', columns: ['Issue', 'Armenia'], rows: [['Returns', 'A mission']], line: 3 }, { type: 'paragraph', text: 'They met. They left.' }]);
  });
});
