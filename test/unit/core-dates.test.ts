// Dates and day labels as people write them in task-table cells: where each date is (its exact range, so a quick
// fix replaces exactly it), what it reads as, and which weekdays a label names.
import { strict as assert } from 'node:assert';
import { parseIsoDate } from '../../src/core/calendar';
import fc from 'fast-check';
import { formatOf, plainCellText, readDate, readDayLabel, scanDates, stripMarkup, writeLike } from '../../src/core/dates';
import type { Cell, DateToken } from '../../src/core/model';

/** A cell whose trimmed text starts at `character` of `line`, as the parser builds it. */
function cell(raw: string, line = 20, character = 40): Cell {
  const span = { start: { line, character }, end: { line, character: character + raw.length } };
  return { raw, text: plainCellText(raw), span, outer: { start: { line, character: character - 2 }, end: span.end } };
}

function one(raw: string): DateToken {
  const tokens = scanDates(cell(raw));
  assert.equal(tokens.length, 1, `one date in ${JSON.stringify(raw)}: ${JSON.stringify(tokens.map((t) => t.raw))}`);
  return tokens[0];
}

function columns(t: DateToken): [number, number] {
  return [t.span.start.character, t.span.end.character];
}

describe('core dates', () => {
  describe('scanDates', () => {
    it('finds a plain date and gives its exact range and parts', () => {
      const t = one('06/10/2025');
      assert.equal(t.raw, '06/10/2025');
      assert.deepEqual(t.span, { start: { line: 20, character: 40 }, end: { line: 20, character: 50 } });
      assert.deepEqual(t.parts.map((p) => [p.text, p.value, p.span.start.character, p.span.end.character]), [
        ['06', 6, 40, 42], ['10', 10, 43, 45], ['2025', 2025, 46, 50],
      ]);
      assert.equal(t.separator, '/');
      assert.equal(t.shape, 'xxy');
    });

    it('finds a bold date followed by <br> and ranges only the date', () => {
      const t = one('**08/11/2025**<br>');
      assert.equal(t.raw, '08/11/2025');
      assert.deepEqual(columns(t), [42, 52]);
    });

    it('finds both ends of a range and dates in a longer text', () => {
      const tokens = scanDates(cell('06/10/2025 - 10/10/2025'));
      assert.deepEqual(tokens.map((t) => [t.raw, ...columns(t)]), [['06/10/2025', 40, 50], ['10/10/2025', 53, 63]]);
      const inText = scanDates(cell('Done on 7/10/2025 (late)'));
      assert.deepEqual(inText.map((t) => [t.raw, ...columns(t)]), [['7/10/2025', 48, 57]]);
    });

    it('tells the shapes apart: year first, year last, no year', () => {
      assert.equal(one('2025-10-06').shape, 'ymd');
      assert.equal(one('2025/10/06').shape, 'ymd');
      assert.equal(one('06-10-2025').shape, 'xxy');
      assert.equal(one('06.10.2025').shape, 'xxy');
      assert.equal(one('06/10/25').shape, 'xxy');
      assert.equal(one('06/10').shape, 'xx');
    });

    it('keeps a three-digit day such as 011/09/2025 (so it can be reported)', () => {
      const t = one('011/09/2025');
      assert.equal(t.raw, '011/09/2025');
      assert.deepEqual(columns(t), [40, 51]);
      assert.equal(t.parts[0].text, '011');
    });

    it('does not take times, versions or URL paths for dates', () => {
      assert.deepEqual(scanDates(cell('10.30 - 12.00')), []);
      assert.deepEqual(scanDates(cell('Node 1.2.3')), []);
      assert.deepEqual(scanDates(cell('<https://example.com/blog/2025/10/06/post>')), []);
      assert.deepEqual(scanDates(cell('')), []);
    });
  });

  describe('readDate', () => {
    it('reads day first or month first as told', () => {
      assert.equal(readDate(one('06/10/2025'), 'dmy').date?.toString(), '2025-10-06');
      assert.equal(readDate(one('06/10/2025'), 'mdy').date?.toString(), '2025-06-10');
      assert.equal(readDate(one('10/13/2025'), 'mdy').date?.toString(), '2025-10-13');
      assert.equal(readDate(one('2025/10/06'), 'mdy').date?.toString(), '2025-10-06', 'year first is always year/month/day');
      assert.equal(readDate(one('6/10/25'), 'dmy').date?.toString(), '2025-10-06', 'a two-digit year is 20YY');
    });

    it('says why a date is not a date', () => {
      assert.equal(readDate(one('31/04/2025'), 'dmy').problem, 'no-such-day');
      assert.equal(readDate(one('2025/02/30'), 'dmy').problem, 'no-such-day');
      assert.equal(readDate(one('13/13/2025'), 'dmy').problem, 'no-such-day');
      assert.equal(readDate(one('011/09/2025'), 'dmy').problem, 'digits');
      assert.equal(readDate(one('11/009/2025'), 'dmy').problem, 'digits');
    });

    it('fills in a missing year, and without one still knows 30/02 from 29/02', () => {
      assert.equal(readDate(one('06/10'), 'dmy', 2025).date?.toString(), '2025-10-06');
      assert.equal(readDate(one('06/10'), 'dmy').problem, 'no-year');
      assert.equal(readDate(one('29/02'), 'dmy').problem, 'no-year');
      assert.equal(readDate(one('30/02'), 'dmy').problem, 'no-such-day');
    });
  });

  describe('formats', () => {
    it('names the format a date is written in', () => {
      assert.equal(formatOf(one('06/10/2025'), 'dmy'), 'DD/MM/YYYY');
      assert.equal(formatOf(one('10/06/2025'), 'mdy'), 'MM/DD/YYYY');
      assert.equal(formatOf(one('2025-10-06'), 'dmy'), 'YYYY-MM-DD');
      assert.equal(formatOf(one('06/10'), 'dmy'), 'DD/MM');
      assert.equal(formatOf(one('06-10-25'), 'dmy'), 'DD-MM-YY');
    });

    it('writes a replacement date the way the date it replaces is written', () => {
      const d = parseIsoDate('2025-10-07')!;
      assert.equal(writeLike(d, one('06/10/2025'), 'dmy'), '07/10/2025');
      assert.equal(writeLike(d, one('6/10/2025'), 'dmy'), '7/10/2025', 'no zero padding when the original has none');
      assert.equal(writeLike(d, one('10/06/2025'), 'mdy'), '10/07/2025');
      assert.equal(writeLike(d, one('2025/10/06'), 'dmy'), '2025/10/07');
      assert.equal(writeLike(d, one('06.10.25'), 'dmy'), '07.10.25');
      assert.equal(writeLike(d, one('011/10/2025'), 'dmy'), '07/10/2025', 'a three-digit day becomes two digits');
    });
  });

  describe('plainCellText', () => {
    it('its shortcut for cells without markup reads every text as the full stripping does', () => {
      const piece = fc.constantFrom('a', 'Thứ 2', '08/11/2025', ' ', '  ', '\t', '\u00a0', '\n', '*', '**', '_', '<br>', '<b>', '&nbsp;', '&amp;', '[x](y)', '\\|', '|', '-', '\u2003');
      fc.assert(fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), (raw) => plainCellText(raw) === stripMarkup(raw)), { seed: 42, numRuns: 3000 });
    });

    it('strips markup as the plain chain of replacements does, skipping those that cannot match', () => {
      // The chain as it was written first: every replacement, in order, on every text.
      const chain = (raw: string): string => raw
        .replace(/<br\s*\/?>/gi, ' ')
        .replace(/&emsp;|&nbsp;|&ensp;/gi, ' ')
        .replace(/<[^>]{0,200}>/g, '')
        .replace(/\[([^\]]{0,300})\]\([^()\s]{0,500}(?:\s+"[^"]{0,200}")?\)/g, '$1')
        .replace(/\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)/g, '')
        .replace(/\\\|/g, '|')
        .replace(/\s+/g, ' ')
        .trim();
      const piece = fc.constantFrom('a', 'x y', ' ', '\t', '*', '**', '_', '__', '<br>', '<BR/>', '<b>', '</b', '<', '>', '&nbsp;', '&EMSP;', '&', '[x](y)', '[a', '](', ')', '(', '"t"', '\\|', '\\', '|', '\n');
      fc.assert(fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), (raw) => stripMarkup(raw) === chain(raw)), { seed: 7, numRuns: 5000 });
    });

    it('drops emphasis, <br>, entities and escapes', () => {
      assert.equal(plainCellText('**08/11/2025**<br>'), '08/11/2025');
      assert.equal(plainCellText('*Thứ 2*&nbsp;'), 'Thứ 2');
      assert.equal(plainCellText('RDS \\| DynamoDB'), 'RDS | DynamoDB');
      assert.equal(plainCellText('__Mon__'), 'Mon');
    });
  });

  describe('readDayLabel', () => {
    const label = (raw: string) => {
      const l = readDayLabel(cell(raw));
      return { kind: l.kind, weekdays: l.weekdays, numbers: l.numbers };
    };

    it('reads English weekday names, short and long, in any case', () => {
      assert.deepEqual(label('Mon'), { kind: 'weekday', weekdays: [1], numbers: undefined });
      assert.deepEqual(label('Monday').weekdays, [1]);
      assert.deepEqual(label('TUESDAY').weekdays, [2]);
      assert.deepEqual(label('wed').weekdays, [3]);
      assert.deepEqual(label('Thurs').weekdays, [4]);
      assert.deepEqual(label('Fri.').weekdays, [5]);
      assert.deepEqual(label('Saturday').weekdays, [6]);
      assert.deepEqual(label('Sun').weekdays, [7]);
      assert.deepEqual(label('**Monday**').weekdays, [1]);
    });

    it('reads Vietnamese labels: Thứ 2, Thứ Hai, T2, CN, Chủ nhật', () => {
      assert.deepEqual(label('Thứ 2').weekdays, [1]);
      assert.deepEqual(label('Thứ Hai').weekdays, [1]);
      assert.deepEqual(label('thứ ba').weekdays, [2]);
      assert.deepEqual(label('Thứ Tư').weekdays, [3]);
      assert.deepEqual(label('Thứ Năm').weekdays, [4]);
      assert.deepEqual(label('Thứ Sáu').weekdays, [5]);
      assert.deepEqual(label('Thứ Bảy').weekdays, [6]);
      assert.deepEqual(label('Thứ 7').weekdays, [6]);
      assert.deepEqual(label('T2').weekdays, [1]);
      assert.deepEqual(label('T6').weekdays, [5]);
      assert.deepEqual(label('CN').weekdays, [7]);
      assert.deepEqual(label('Chủ nhật').weekdays, [7]);
      assert.equal(label('CN').kind, 'weekday');
    });

    it('reads decomposed Vietnamese text (NFD) like composed text', () => {
      assert.deepEqual(label('Thứ Hai'.normalize('NFD')).weekdays, [1]);
      assert.deepEqual(label('Chủ nhật'.normalize('NFD')).weekdays, [7]);
    });

    it('keeps plain numbers as numbers (their meaning depends on the page)', () => {
      assert.deepEqual(label('2'), { kind: 'number', weekdays: undefined, numbers: [2] });
      assert.deepEqual(label('Day 3').numbers, [3]);
      assert.deepEqual(label('Ngày 4').numbers, [4]);
    });

    it('reads ranges of numbers and of names', () => {
      assert.deepEqual(label('2-3-4'), { kind: 'number', weekdays: undefined, numbers: [2, 3, 4] });
      assert.deepEqual(label('Mon - Wed'), { kind: 'weekday', weekdays: [1, 3], numbers: undefined });
      assert.deepEqual(label('Thứ 2 - Thứ 4').weekdays, [1, 3]);
      assert.deepEqual(label('Fri – Sun').weekdays, [5, 7]);
      assert.deepEqual(label('T2, T4').weekdays, [1, 3]);
    });

    it('reads a number beside a Vietnamese name the Thứ way: 7-CN is Saturday to Sunday', () => {
      assert.deepEqual(label('7-CN'), { kind: 'weekday', weekdays: [6, 7], numbers: undefined });
      assert.deepEqual(label('6-7-CN').weekdays, [5, 6, 7]);
    });

    it('leaves anything else alone', () => {
      assert.equal(label('Full week').kind, 'other');
      assert.equal(label('').kind, 'empty');
      assert.equal(label('06/10/2025').kind, 'other', 'a date in the day column is not a label');
    });
  });
});
