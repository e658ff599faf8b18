// Table layout: display widths (wide and combining characters), cell content kept exactly, alignment markers, and
// edits that touch the table's lines only.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  cellIndexAt, displayWidth, findTables, formatTableEdits, formatTableLines, formatTaskTablesInRange, splitRow, tableAt,
} from '../../src/core/tableFormat';
import { applyEdits, LineIndex } from '../../src/core/text';

/** Display width of every line (a laid-out table has one width). */
function widths(lines: readonly string[]): number[] {
  return lines.map(displayWidth);
}

/** The pipes' display columns on a line (where the column borders are drawn). */
function pipeColumns(line: string): number[] {
  const cols: number[] = [];
  const row = splitRow(line);
  for (const c of row.cells) cols.push(displayWidth(line.slice(0, c.outerStart)));
  cols.push(displayWidth(line.slice(0, row.cells[row.cells.length - 1].outerEnd)));
  return cols;
}

describe('tableFormat', () => {
  describe('splitRow', () => {
    it('splits on unescaped pipes and keeps escaped ones, <br> and links in the cell', () => {
      const row = splitRow('| 1 | a \\| b<br>c | [x](https://e.org/a|b) |');
      assert.deepEqual(row.cells.map((c) => c.raw), ['1', 'a \\| b<br>c', '[x](https://e.org/a', 'b)']);
      assert.equal(row.leadingPipe, true);
      assert.equal(row.trailingPipe, true);
    });

    it('an escaped backslash before a pipe does not escape the pipe', () => {
      assert.deepEqual(splitRow('| a\\\\| b |').cells.map((c) => c.raw), ['a\\\\', 'b']);
    });

    it('rows without outer pipes, and offsets of trimmed content', () => {
      const row = splitRow('a |  b  | c');
      assert.deepEqual(row.cells.map((c) => c.raw), ['a', 'b', 'c']);
      assert.equal(row.leadingPipe, false);
      assert.equal(row.trailingPipe, false);
      assert.deepEqual([row.cells[1].start, row.cells[1].end], [5, 6]);
    });

    it('an empty cell starts one space after its pipe; "|" alone is one empty cell', () => {
      const row = splitRow('| 1 |   | x |');
      assert.equal(row.cells[1].raw, '');
      assert.equal(row.cells[1].start, 6);
      assert.deepEqual(splitRow('|').cells.map((c) => c.raw), ['']);
    });

    it('cellIndexAt: after a pipe up to the next pipe', () => {
      const line = '| 1 | task | 06/10/2025 |';
      const row = splitRow(line);
      assert.equal(cellIndexAt(row, 1), 0);
      assert.equal(cellIndexAt(row, 4), 0);
      assert.equal(cellIndexAt(row, 5), 1);
      assert.equal(cellIndexAt(row, line.indexOf('06')), 2);
      assert.equal(cellIndexAt(row, line.length), undefined);
    });
  });

  describe('formatTableLines', () => {
    it('aligns a task table, keeping every cell exactly', () => {
      const out = formatTableLines([
        '| Day | Task | Start Date | Completion Date | Reference Material |',
        '| --- | --- | --- | --- | --- |',
        '| 1 | - Study the **model**. | 2025/10/06 | 2025/10/06 | [Doc](https://e.org/a) |',
        '| 2 | - IAM<br>STS | 2025/10/07 | 2025/10/07 | |',
      ]);
      assert.deepEqual(out, [
        '| Day | Task                   | Start Date | Completion Date | Reference Material     |',
        '| --- | ---------------------- | ---------- | --------------- | ---------------------- |',
        '| 1   | - Study the **model**. | 2025/10/06 | 2025/10/06      | [Doc](https://e.org/a) |',
        '| 2   | - IAM<br>STS           | 2025/10/07 | 2025/10/07      |                        |',
      ]);
    });

    it('counts East-Asian wide and fullwidth characters as two columns', () => {
      const out = formatTableLines(['| a | b |', '|---|---|', '| 日本語 | x |', '| ＡＢ | y |'])!;
      assert.deepEqual(out, [
        '| a      | b   |',
        '| ------ | --- |',
        '| 日本語 | x   |',
        '| ＡＢ   | y   |',
      ]);
      assert.equal(new Set(widths(out)).size, 1);
    });

    it('counts combining marks as no column: Vietnamese in NFD lines up with NFC', () => {
      const nfd = 'Nguồn tài liệu'.normalize('NFD');
      const nfc = 'Thứ Hai'.normalize('NFC');
      assert.notEqual(nfd.length, displayWidth(nfd));
      const out = formatTableLines(['| Thứ | Nguồn |', '| --- | --- |', `| ${nfc} | ${nfd} |`, '| 3 | x |'])!;
      assert.equal(new Set(widths(out)).size, 1, out.join('\n'));
      const borders = out.map(pipeColumns);
      for (const b of borders) assert.deepEqual(b, borders[0]);
      assert.ok(out[2].includes(nfd), 'the decomposed text is kept as written');
      assert.equal(out[3], `| 3       | x${' '.repeat(displayWidth(nfd) - 1)} |`);
    });

    it('keeps escaped pipes in their cell and measures them as written', () => {
      const out = formatTableLines(['| Day | Task |', '| --- | --- |', '| 1 | use a \\| b |', '| 2 | x |'])!;
      assert.deepEqual(out, [
        '| Day | Task       |',
        '| --- | ---------- |',
        '| 1   | use a \\| b |',
        '| 2   | x          |',
      ]);
    });

    it('keeps alignment markers and pads by them', () => {
      const out = formatTableLines(['| left | center | right | none |', '|:-|:-:|-:|-|', '| a | b | c | d |'])!;
      assert.deepEqual(out, [
        '| left | center | right | none |',
        '| :--- | :----: | ----: | ---- |',
        '| a    |   b    |     c | d    |',
      ]);
    });

    it('adds missing cells and keeps cells beyond the header', () => {
      const out = formatTableLines(['| a | b | c |', '| - | - | - |', '| 1 |', '| 1 | 2 | 3 | 4 |'])!;
      assert.deepEqual(out, [
        '| a   | b   | c   |',
        '| --- | --- | --- |',
        '| 1   |     |     |',
        '| 1   | 2   | 3   | 4 |',
      ]);
    });

    it('keeps a short indentation and handles tables without outer pipes', () => {
      assert.deepEqual(formatTableLines(['  a | b', '  --|--', '  1 | 2']), ['  | a   | b   |', '  | --- | --- |', '  | 1   | 2   |']);
    });

    it('is no table without a delimiter row, or when header and delimiter disagree', () => {
      assert.equal(formatTableLines(['| a | b |', '| 1 | 2 |']), undefined);
      assert.equal(formatTableLines(['| a | b |', '| --- |']), undefined);
      assert.equal(formatTableLines(['| a |']), undefined);
    });

    it('is idempotent and keeps every cell (property)', () => {
      const cellText = fc.stringMatching(/^[a-zA-Z0-9 *_<>ứệ日本\\]{0,12}$/).map((s) => s.replace(/\\+$/, '').trim());
      fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cellText, { minLength: 0, maxLength: 5 }), { maxLength: 5 }), (n, body) => {
        const header = Array.from({ length: n }, (_, i) => `h${i}`);
        const lines = [`| ${header.join(' | ')} |`, `|${' --- |'.repeat(n)}`, ...body.map((r) => `| ${r.join(' | ')} |`)];
        const once = formatTableLines(lines);
        assert.ok(once);
        assert.deepEqual(formatTableLines(once), once);
        once.slice(2).forEach((line, i) => {
          const cells = splitRow(line).cells.map((c) => c.raw);
          const original = splitRow(lines[i + 2]).cells.map((c) => c.raw);
          assert.deepEqual(cells.slice(0, original.length), original);
        });
        // Every laid-out line draws its pipes in the same columns (cells beyond the header aside).
        const borders = once.map((l) => pipeColumns(l).slice(0, n + 1));
        for (const b of borders) assert.deepEqual(b, borders[0]);
      }), { numRuns: 200 });
    });
  });

  describe('finding tables and editing them', () => {
    const text = [
      '---',
      'title: "a | b"',
      '---',
      '',
      '| Day | Task | Start Date |',
      '| --- | --- | --- |',
      '| 1 | x | 06/10/2025 |',
      'after the table',
      '',
      '```',
      '| a | b |',
      '| - | - |',
      '```',
      '',
      '| Name | Link |',
      '|---|---|',
      '| a | b |',
      '',
    ].join('\n');
    const index = new LineIndex(text);

    it('finds tables outside front matter and fenced code', () => {
      assert.deepEqual(findTables(index), [{ start: 4, end: 7 }, { start: 14, end: 17 }]);
      assert.deepEqual(tableAt(index, 5), { start: 4, end: 7 });
      assert.equal(tableAt(index, 7), undefined);
      assert.equal(tableAt(index, 10), undefined);
    });

    it('edits only the lines of the table, one edit a changed line', () => {
      const edits = formatTableEdits(index, { start: 4, end: 7 });
      assert.deepEqual(edits.map((e) => e.span.start.line), [5, 6], 'the header is laid out already');
      for (const e of edits) assert.equal(e.span.start.line, e.span.end.line);
      const after = applyEdits(text, edits).split('\n');
      assert.deepEqual(after.slice(4, 7), ['| Day | Task | Start Date |', '| --- | ---- | ---------- |', '| 1   | x    | 06/10/2025 |']);
      assert.deepEqual(after.slice(7), text.split('\n').slice(7));
      assert.deepEqual(after.slice(0, 4), text.split('\n').slice(0, 4));
      assert.deepEqual(formatTableEdits(new LineIndex(after.join('\n')), { start: 4, end: 7 }), []);
    });

    it('range formatting touches task tables in the range only', () => {
      assert.deepEqual(formatTaskTablesInRange(index, 0, 3), []);
      assert.deepEqual(formatTaskTablesInRange(index, 14, 16), [], 'a table without date columns is not a task table');
      const edits = formatTaskTablesInRange(index, 0, index.lineCount - 1);
      assert.deepEqual([...new Set(edits.map((e) => e.span.start.line))], [5, 6]);
    });

    it('keeps CRLF line ends (edits replace line text only)', () => {
      const crlf = text.replace(/\n/g, '\r\n');
      const out = applyEdits(crlf, formatTableEdits(new LineIndex(crlf), { start: 4, end: 7 }));
      assert.equal(out.split('\r\n').length, crlf.split('\r\n').length);
      assert.ok(!/[^\r]\n/.test(out));
    });
  });
});
