// Hovers on dates: weekday, ISO week, and where the date lies against the page's week.
import * as assert from 'node:assert/strict';
import { analyzePage } from '../../src/core/analysis';
import { hoverAt } from '../../src/core/hover';
import { setTranslator } from '../../src/core/l10n';
import { parsePage } from '../../src/core/parse';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

function page(path: string, rows: readonly string[], frontDate = '2025-10-12', settings = DEFAULT_SETTINGS) {
  const text = [
    '---',
    'title: "Week 5 Worklog"',
    `date: ${frontDate}`,
    'weight: 5',
    '---',
    '',
    '| Day | Task | Start Date | Completion Date |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  const p = parsePage(path, text);
  const analysis = analyzePage(p, settings);
  const at = (line: number, needle: string) => hoverAt(p, analysis, { line, character: p.lineIndex.lineText(line).indexOf(needle) + 1 });
  return { p, analysis, at };
}

const EN = 'content/1-Worklog/1.5-Week5/_index.md';
const VI = 'content/1-Worklog/1.5-Week5/_index.vi.md';
const ROWS = [
  '| 1 | a | 06/10/2025 | 06/10/2025 |',
  '| 2 | b | 07/10/2025 | 09/10/2025 |',
  '| 3 | c | 08/10/2025 | 15/10/2025 |',
  '| 4 | d | 10/10/2025 | 10/10/2025 |',
  '| 5 | e | 01/10/2025 | 31/02/2025 |',
];

describe('hover', () => {
  it('a date in the week: weekday, ISO week, inside the week', () => {
    const { at } = page(EN, ROWS);
    const h = at(8, '06/10/2025');
    assert.ok(h);
    assert.deepEqual(h.span, { start: { line: 8, character: 10 }, end: { line: 8, character: 20 } });
    assert.equal(h.markdown, [
      '**Monday** · 2025-10-06',
      'ISO week 41, 2025',
      'Read day first (DD/MM), like the rest of this page.',
      '✓ In week 5 (06/10/2025 – 12/10/2025).',
    ].join('\n\n'));
  });

  it('a date after the week says how many days after', () => {
    const { at } = page(EN, ROWS);
    const h = at(10, '15/10/2025')!;
    assert.match(h.markdown, /^\*\*Wednesday\*\* · 2025-10-15/);
    assert.match(h.markdown, /ISO week 42, 2025/);
    assert.match(h.markdown, /3 days after week 5 \(06\/10\/2025 – 12\/10\/2025\)\./);
    assert.doesNotMatch(h.markdown, /Read day first/, 'a day over 12 is not ambiguous');
  });

  it('a date before the week says how many days before (one day: singular)', () => {
    const { at } = page(EN, ROWS);
    assert.match(at(12, '01/10/2025')!.markdown, /5 days before week 5 \(06\/10\/2025 – 12\/10\/2025\)\./);
    // With the program's start date set, week 5 is fixed: 06/10 … 12/10/2025.
    const fixed = page(EN, ['| 1 | a | 05/10/2025 | 05/10/2025 |'], '2025-10-12', { ...DEFAULT_SETTINGS, programStart: '2025-09-08' });
    assert.match(fixed.at(8, '05/10/2025')!.markdown, /\n1 day before week 5 \(06\/10\/2025 – 12\/10\/2025\)\.$/);
  });

  it('a date that is no calendar day says so', () => {
    const { at } = page(EN, ROWS);
    assert.equal(at(12, '31/02/2025')!.markdown, '"31/02/2025" is not a calendar date: no such day exists.');
  });

  it('the front matter date', () => {
    const { at } = page(EN, ROWS);
    const h = at(2, '2025-10-12')!;
    assert.deepEqual(h.span, { start: { line: 2, character: 6 }, end: { line: 2, character: 16 } });
    assert.match(h.markdown, /^\*\*Sunday\*\* · 2025-10-12\n\nISO week 41, 2025\n\n✓ In week 5/);
  });

  it('ISO weeks at a year\'s turn belong to the year of their Thursday', () => {
    const { at } = page(EN, ['| 1 | a | 29/12/2025 | 29/12/2025 |', '| 2 | b | 01/01/2026 | 01/01/2026 |'], '2025-12-29');
    assert.match(at(8, '29/12/2025')!.markdown, /ISO week 1, 2026/);
  });

  it('a Vietnamese page also names the weekday its own way', () => {
    const { at } = page(VI, ROWS);
    assert.match(at(8, '06/10/2025')!.markdown, /^\*\*Monday\*\* \(Thứ 2\) · 2025-10-06/);
    assert.match(at(2, '2025-10-12')!.markdown, /^\*\*Sunday\*\* \(Chủ nhật\)/);
  });

  it('nothing away from dates', () => {
    const { p, analysis } = page(EN, ROWS);
    assert.equal(hoverAt(p, analysis, { line: 8, character: 6 }), undefined);
    assert.equal(hoverAt(p, analysis, { line: 1, character: 3 }), undefined);
  });

  it('messages go through the translator', () => {
    setTranslator((message, args) => `«${message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]))}»`);
    try {
      const { at } = page(EN, ROWS);
      const h = at(8, '06/10/2025')!;
      assert.match(h.markdown, /^\*\*«Monday»\*\*/);
      assert.match(h.markdown, /«ISO week 41, 2025»/);
    } finally {
      setTranslator(undefined);
    }
  });
});
