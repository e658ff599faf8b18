// Completions in task tables and the row Add Task Row inserts, on pages written the way worklogs are written.
import * as assert from 'node:assert/strict';
import { analyzePage } from '../../src/core/analysis';
import { makeDate } from '../../src/core/calendar';
import { completionsAt, dateWriter, planAddTaskRow, type WorklogCompletion } from '../../src/core/completion';
import { parsePage } from '../../src/core/parse';
import { DEFAULT_SETTINGS, type WorklogSettings } from '../../src/core/settings';
import { applyEdits } from '../../src/core/text';

const EN_PATH = 'content/1-Worklog/1.5-Week5/_index.md';
const VI_PATH = 'content/1-Worklog/1.5-Week5/_index.vi.md';

/** A week page with the given table rows (after the header and delimiter rows). */
function enPage(rows: readonly string[], header = '| Day | Task | Start Date | Completion Date | Reference Material |', delimiter = '| --- | --- | --- | --- | --- |'): string {
  return [
    '---',
    'title: "Week 5 Worklog"',
    'date: 2025-10-12',
    'weight: 5',
    '---',
    '',
    '### Tasks Performed During the Week:',
    '',
    header,
    delimiter,
    ...rows,
    '',
    '### Weekly Achievements:',
    '',
  ].join('\n');
}

function viPage(rows: readonly string[]): string {
  return [
    '---',
    'title: "Worklog Tuần 5"',
    'date: 2025-10-12',
    'weight: 5',
    '---',
    '',
    '### Các công việc cần triển khai trong tuần này:',
    '',
    '| Thứ | Công việc | Ngày bắt đầu | Ngày hoàn thành | Nguồn tài liệu |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** The first table row is line 10 in both pages. */
const ROW = 10;

function setup(path: string, text: string, settings: WorklogSettings = DEFAULT_SETTINGS) {
  const page = parsePage(path, text);
  const analysis = analyzePage(page, settings);
  const at = (line: number, needle: string | number, offset = 0): WorklogCompletion[] => {
    const lt = page.lineIndex.lineText(line);
    const character = typeof needle === 'number' ? needle : lt.indexOf(needle) + offset;
    return completionsAt({ page, analysis, settings, position: { line, character } });
  };
  return { page, analysis, at, settings };
}

/** The character just after the n-th pipe of a line (0-based). */
function afterPipe(line: string, n: number): number {
  let seen = -1;
  for (let i = 0; i < line.length; i++) if (line[i] === '|' && ++seen === n) return i + 1;
  throw new Error(`no pipe ${n} in ${line}`);
}

const EN_ROWS = [
  '| 1 | - Read about accounts and roles. | 2025/10/06 | 2025/10/06 | [Guide](https://example.org/a) |',
  '| 2 | - Write a first policy. | 2025/10/07 | 2025/10/07 | [Policies](https://example.org/b) |',
  '|  | - Try sign-in pools. |  |  |  |',
];

describe('completion', () => {
  describe('in a date cell', () => {
    it('offers the seven dates of the week in the page\'s format, with weekdays, the day after the row above preselected', () => {
      const text = enPage(EN_ROWS);
      const { at, page } = setup(EN_PATH, text);
      const line = page.lineIndex.lineText(ROW + 2);
      const items = at(ROW + 2, afterPipe(line, 2) + 1);
      assert.deepEqual(items.map((i) => i.label), ['2025/10/06', '2025/10/07', '2025/10/08', '2025/10/09', '2025/10/10', '2025/10/11', '2025/10/12']);
      assert.deepEqual(items.map((i) => i.description), ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
      assert.deepEqual(items.filter((i) => i.preselect).map((i) => i.label), ['2025/10/08']);
      assert.ok(items.every((i) => i.kind === 'date' && !i.snippet));
      assert.deepEqual(items.map((i) => i.sortText), ['0', '1', '2', '3', '4', '5', '6']);
    });

    it('right after the pipe, inserts a space before the date', () => {
      const { at, page } = setup(EN_PATH, enPage(EN_ROWS));
      const line = page.lineIndex.lineText(ROW + 2);
      const items = at(ROW + 2, afterPipe(line, 2));
      assert.equal(items[0].insertText, ' 2025/10/06');
      assert.deepEqual(items[0].span.start, items[0].span.end);
    });

    it('replaces a date already in the cell', () => {
      const { at } = setup(EN_PATH, enPage(EN_ROWS));
      const items = at(ROW + 1, '2025/10/07', 4);
      const lt = enPage(EN_ROWS).split('\n')[ROW + 1];
      assert.deepEqual(items[0].span, { start: { line: ROW + 1, character: lt.indexOf('2025/10/07') }, end: { line: ROW + 1, character: lt.indexOf('2025/10/07') + 10 } });
    });

    it('in the completion column, preselects the row\'s start date', () => {
      const rows = [EN_ROWS[0], '| 2 | - Write a policy. | 2025/10/08 |  |  |'];
      const { at, page } = setup(EN_PATH, enPage(rows));
      const items = at(ROW + 1, afterPipe(page.lineIndex.lineText(ROW + 1), 3) + 1);
      assert.deepEqual(items.filter((i) => i.preselect).map((i) => i.label), ['2025/10/08']);
    });

    it('preselects the date of the row\'s weekday label, and names weekdays in Vietnamese on a Vietnamese page', () => {
      const rows = [
        '| 2 | - Đọc tài liệu. | 06/10/2025 | 06/10/2025 | |',
        '| 3 | - Viết chính sách. | 07/10/2025 | 07/10/2025 | |',
        '| 5 | - Thử nghiệm. |  |  | |',
      ];
      const { at, page } = setup(VI_PATH, viPage(rows));
      const items = at(ROW + 2, afterPipe(page.lineIndex.lineText(ROW + 2), 2) + 1);
      assert.deepEqual(items.map((i) => i.label), ['06/10/2025', '07/10/2025', '08/10/2025', '09/10/2025', '10/10/2025', '11/10/2025', '12/10/2025']);
      assert.deepEqual(items.map((i) => i.description), ['Thứ 2', 'Thứ 3', 'Thứ 4', 'Thứ 5', 'Thứ 6', 'Thứ 7', 'Chủ nhật']);
      // "5" is Thursday the Vietnamese way (Thứ 5), not the third working day.
      assert.deepEqual(items.filter((i) => i.preselect).map((i) => i.label), ['09/10/2025']);
    });

    it('follows the worklog.dateFormat setting when it is set', () => {
      const settings = { ...DEFAULT_SETTINGS, dateFormat: 'DD-MM-YYYY' as const };
      const { at, page } = setup(EN_PATH, enPage(EN_ROWS), settings);
      const items = at(ROW + 2, afterPipe(page.lineIndex.lineText(ROW + 2), 2) + 1);
      assert.equal(items[0].label, '06-10-2025');
    });

    it('keeps the page\'s padding (6/10/2025, not 06/10/2025)', () => {
      const { analysis } = setup(EN_PATH, enPage(['| 1 | x | 6/10/2025 | 6/10/2025 | |', '| 2 | y | 7/10/2025 | 7/10/2025 | |']));
      assert.equal(dateWriter(analysis, DEFAULT_SETTINGS)(makeDate(2025, 10, 8)!), '8/10/2025');
    });
  });

  describe('in a day cell', () => {
    it('offers the next number of a running count', () => {
      const { at, page } = setup(EN_PATH, enPage(EN_ROWS));
      const items = at(ROW + 2, afterPipe(page.lineIndex.lineText(ROW + 2), 0) + 1);
      assert.deepEqual(items.map((i) => [i.label, i.preselect]), [['3', true]]);
      assert.equal(items[0].description, 'Wednesday');
    });

    it('offers the next weekday name, skipping days off (Friday → Monday)', () => {
      const rows = [
        '| Thu | a | 09/10/2025 | 09/10/2025 | |',
        '| Fri | b | 10/10/2025 | 10/10/2025 | |',
        '|  | c |  |  | |',
      ];
      const { at, page } = setup(EN_PATH, enPage(rows));
      const items = at(ROW + 2, afterPipe(page.lineIndex.lineText(ROW + 2), 0) + 1);
      assert.deepEqual(items.map((i) => i.label), ['Mon']);
    });

    it('writes Vietnamese labels the way the page does (Thứ 2 …, T2 …)', () => {
      const long = setup(VI_PATH, viPage(['| Thứ 2 | a | 06/10/2025 | 06/10/2025 | |', '|  | b |  |  | |']));
      assert.deepEqual(long.at(ROW + 1, 2).map((i) => i.label), ['Thứ 3']);
      const short = setup(VI_PATH, viPage(['| T5 | a | 09/10/2025 | 09/10/2025 | |', '|  | b |  |  | |']));
      assert.deepEqual(short.at(ROW + 1, 2).map((i) => i.label), ['T6']);
      const numbers = setup(VI_PATH, viPage(['| 2 | a | 06/10/2025 | 06/10/2025 | |', '| 3 | a | 07/10/2025 | 07/10/2025 | |', '|  | b |  |  | |']));
      assert.deepEqual(numbers.at(ROW + 2, 2).map((i) => i.label), ['4']);
    });

    it('offers the label of the row\'s own date first when the row has one', () => {
      const rows = ['| 2 | a | 06/10/2025 | 06/10/2025 | |', '|  | b | 09/10/2025 | 09/10/2025 | |'];
      const { at } = setup(VI_PATH, viPage(rows));
      const items = at(ROW + 1, 2);
      assert.deepEqual(items.map((i) => [i.label, i.preselect]), [['5', true], ['3', false]]);
    });
  });

  describe('on a new row', () => {
    it('on a "|" line right below the table, offers the whole row for the next day', () => {
      const text = enPage([EN_ROWS[0], EN_ROWS[1], '|']);
      const { at } = setup(EN_PATH, text);
      const items = at(ROW + 2, 1);
      const row = items.find((i) => i.kind === 'row');
      assert.ok(row, JSON.stringify(items));
      assert.equal(row.insertText, '| 3 | - $1 | 2025/10/08 | 2025/10/08 | $0 |');
      assert.equal(row.snippet, true);
      assert.equal(row.preselect, true);
      assert.deepEqual(row.span, { start: { line: ROW + 2, character: 0 }, end: { line: ROW + 2, character: 1 } });
      assert.ok(row.filterText.startsWith('|'));
      assert.equal(row.description, 'Wednesday');
    });

    it('on the empty line at the end of the table, too', () => {
      const { at } = setup(EN_PATH, enPage([EN_ROWS[0], EN_ROWS[1]]));
      const items = at(ROW + 2, 0);
      assert.deepEqual(items.map((i) => [i.kind, i.insertText]), [['row', '| 3 | - $1 | 2025/10/08 | 2025/10/08 | $0 |']]);
    });

    it('a Vietnamese page gets its own labels and format', () => {
      const { at } = setup(VI_PATH, viPage(['| 2 | - a | 06/10/2025 | 06/10/2025 | |', '|']));
      const row = at(ROW + 1, 1).find((i) => i.kind === 'row');
      assert.equal(row?.insertText, '| 3 | - $1 | 07/10/2025 | 07/10/2025 | $0 |');
      assert.equal(row?.description, 'Thứ 3');
    });
  });

  describe('nowhere else', () => {
    it('offers nothing in a task cell, the header, the delimiter row, or outside tables', () => {
      const { at } = setup(EN_PATH, enPage(EN_ROWS));
      assert.deepEqual(at(ROW, 'Read about', 2), []);
      assert.deepEqual(at(ROW - 2, 'Start', 1), []);
      assert.deepEqual(at(ROW - 1, 5), []);
      assert.deepEqual(at(2, 3), []);
      assert.deepEqual(at(ROW + 4, 0), [], 'two lines below the table');
    });

    it('offers nothing in a table without date columns', () => {
      const { at } = setup(EN_PATH, enPage(['| 1 | a |'], '| Name | Value |', '| --- | --- |'));
      assert.deepEqual(at(ROW, 1), []);
    });
  });

  describe('Add Task Row', () => {
    it('inserts a row after the cursor\'s row, for the next day, with the cursor in the task cell', () => {
      const text = enPage([EN_ROWS[0], EN_ROWS[1]]);
      const { page, analysis } = setup(EN_PATH, text);
      const plan = planAddTaskRow(page, analysis, DEFAULT_SETTINGS, { line: ROW + 1, character: 3 });
      assert.ok(plan);
      const after = applyEdits(text, [plan.edit]).split('\n');
      assert.equal(after[ROW + 2], '| 3 | -  | 2025/10/08 | 2025/10/08 |  |');
      assert.deepEqual(after.slice(ROW + 3), text.split('\n').slice(ROW + 2));
      assert.deepEqual(plan.cursor, { line: ROW + 2, character: '| 3 | - '.length });
    });

    it('after a row in the middle, the row follows that row', () => {
      const text = enPage([EN_ROWS[0], EN_ROWS[1]]);
      const { page, analysis } = setup(EN_PATH, text);
      const plan = planAddTaskRow(page, analysis, DEFAULT_SETTINGS, { line: ROW, character: 0 })!;
      assert.equal(applyEdits(text, [plan.edit]).split('\n')[ROW + 1], '| 2 | -  | 2025/10/07 | 2025/10/07 |  |');
    });

    it('from the header, adds at the end of the table; skips the weekend', () => {
      const rows = ['| Thu | a | 09/10/2025 | 09/10/2025 | |', '| Fri | b | 10/10/2025 | 10/10/2025 | |'];
      const text = enPage(rows);
      const { page, analysis } = setup(EN_PATH, text);
      const plan = planAddTaskRow(page, analysis, DEFAULT_SETTINGS, { line: ROW - 2, character: 1 })!;
      const after = applyEdits(text, [plan.edit]).split('\n');
      assert.equal(after[ROW + 2], '| Mon |  | 13/10/2025 | 13/10/2025 |  |');
      assert.deepEqual(plan.cursor, { line: ROW + 2, character: '| Mon | '.length });
    });

    it('working days from the settings (a Saturday worker)', () => {
      const rows = ['| Fri | b | 10/10/2025 | 10/10/2025 | |'];
      const settings = { ...DEFAULT_SETTINGS, workingDays: [1, 2, 3, 4, 5, 6] };
      const text = enPage(rows);
      const { page, analysis } = setup(EN_PATH, text, settings);
      const plan = planAddTaskRow(page, analysis, settings, { line: ROW, character: 1 })!;
      assert.equal(applyEdits(text, [plan.edit]).split('\n')[ROW + 1], '| Sat |  | 11/10/2025 | 11/10/2025 |  |');
    });

    it('pads the new row when the table is laid out with aligned columns', () => {
      const rows = [
        '| Day | Task      | Start Date | Completion Date | Reference Material |',
        '| --- | --------- | ---------- | --------------- | ------------------ |',
        '| 1   | - a thing | 2025/10/06 | 2025/10/06      |                    |',
      ];
      const text = enPage([rows[2]], rows[0], rows[1]);
      const { page, analysis } = setup(EN_PATH, text);
      const plan = planAddTaskRow(page, analysis, DEFAULT_SETTINGS, { line: ROW, character: 1 })!;
      assert.equal(applyEdits(text, [plan.edit]).split('\n')[ROW + 1], '| 2   | -         | 2025/10/07 | 2025/10/07      |                    |');
    });

    it('keeps CRLF line ends', () => {
      const text = enPage([EN_ROWS[0]]).replace(/\n/g, '\r\n');
      const { page, analysis } = setup(EN_PATH, text);
      const plan = planAddTaskRow(page, analysis, DEFAULT_SETTINGS, { line: ROW, character: 1 })!;
      assert.equal(plan.edit.newText.slice(0, 2), '\r\n');
    });

    it('is undefined on a page without a task table', () => {
      const { page, analysis } = setup(EN_PATH, '# Notes\n\nNothing here.\n');
      assert.equal(planAddTaskRow(page, analysis, DEFAULT_SETTINGS, { line: 0, character: 0 }), undefined);
    });
  });
});
