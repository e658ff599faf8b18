import { scanDates } from '../dates';
import { t } from '../l10n';
import type { Fix, Report, TableRow, TaskTable, WorklogPage } from '../model';
import { headerRoles, trimEndMd } from '../parse';
import type { PageRule } from './types';

function lineText(page: WorklogPage, line: number): string {
  return page.lineIndex.lineText(line);
}

/** A delimiter row with `count` cells, keeping the alignment of the cells that exist. */
function delimiterRow(header: TableRow, delimiter: TableRow, headerText: string, delimiterText: string): string {
  const cells: string[] = [];
  for (let i = 0; i < header.cells.length; i++) {
    const existing = delimiter.cells[i]?.raw;
    cells.push(existing && /^:?-+:?$/.test(existing) ? existing : '---');
  }
  // A leading pipe when the header or the old delimiter row had one: a fix never starts a line with "---" that did
  // not (in a page whose front matter is not closed, such a line would close it, as Hugo reads it).
  const leading = /^\s*\|/.test(headerText) || /^\s*\|/.test(delimiterText);
  return `${leading ? '| ' : ''}${cells.join(' | ')}${header.closed ? ' |' : ''}`;
}

function checkBroken(page: WorklogPage, report: (r: Report) => void): void {
  for (const { header, delimiter } of page.brokenTables) {
    const roles = headerRoles(header.cells.map((c) => c.raw));
    if (roles.start === undefined && roles.end === undefined && roles.date === undefined) continue;
    const headerText = lineText(page, header.line);
    const delimiterText = lineText(page, delimiter.line);
    const newText = delimiterRow(header, delimiter, headerText, delimiterText);
    report({
      span: { start: { line: delimiter.line, character: 0 }, end: { line: delimiter.line, character: delimiterText.length } },
      message: t('The header row has {0} cells but the delimiter row below it has {1}: Markdown does not render this table.', header.cells.length, delimiter.cells.length),
      fixes: [{ title: t('Make the delimiter row {0} cells wide', header.cells.length), edits: [{ span: { start: { line: delimiter.line, character: 0 }, end: { line: delimiter.line, character: delimiterText.length } }, newText }], preferred: true }],
    });
  }
}

/**
 * The cell boundary (a pipe) whose escaping makes the row line up with its header, if exactly one does: a pipe in a
 * text cell (the task, or the reference at the end) splits it in two. Never the day column, never an empty cell.
 */
function strayPipe(table: TaskTable, row: TableRow): number | undefined {
  const expected = table.header.cells.length;
  if (row.cells.length !== expected + 1) return undefined;
  const dateCols = [table.columns.start, table.columns.end, table.columns.date].filter((c): c is number => c !== undefined);
  if (dateCols.length === 0) return undefined;
  const hasDates = (cells: readonly { raw: string }[]): boolean => dateCols.every((c) => cells[c] !== undefined && scanDates(Object.assign({}, row.cells[0], { raw: cells[c].raw })).length > 0);
  const textCols = new Set([table.columns.task, table.columns.reference].filter((c): c is number => c !== undefined));
  if (hasDates(row.cells)) {
    // The dates already line up: only a split of the last column, with text on both sides, is a stray pipe.
    const last = expected - 1;
    const extra = row.cells[expected];
    return textCols.has(last) && last > Math.max(...dateCols) && extra.raw !== '' && row.cells[last].raw !== '' ? expected : undefined;
  }
  const candidates: number[] = [];
  for (const k of textCols) {
    if (k >= row.cells.length - 1 || row.cells[k].raw === '' || row.cells[k + 1].raw === '') continue;
    const merged = [...row.cells.slice(0, k), { raw: `${row.cells[k].raw}|${row.cells[k + 1].raw}` }, ...row.cells.slice(k + 2)];
    if (hasDates(merged)) candidates.push(k + 1);
  }
  return candidates.length === 1 ? candidates[0] : undefined;
}

export const tableColumns: PageRule = {
  id: 'table-columns',
  description: 'Rows whose cell count differs from the header, header/delimiter rows that differ, rows broken across lines, stray pipes.',
  defaultSeverity: 'error',
  scope: 'page',
  check({ page }, report) {
    checkBroken(page, report);
    for (const table of page.tables) {
      const expected = table.header.cells.length;
      const rows = table.rows;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        const n = row.cells.length;
        if (n === expected) continue;
        const text = lineText(page, row.line);
        const rowSpan = { start: { line: row.line, character: 0 }, end: { line: row.line, character: text.length } };
        const next = rows[i + 1];
        const nextText = next ? lineText(page, next.line) : '';
        // The second line of a broken row either goes on with the same cell (no leading pipe: join with a <br>) or
        // starts the next cells (a leading pipe: join with a space).
        const nextOpens = /^[ \t]*\|/.test(nextText);
        // A next line that is only a pipe ("|  ") is a row of one empty cell on its own, but joined it only closes the
        // row: it adds no cell.
        const nextCells = next ? (nextOpens && /^[ \t]*\|[ \t]*$/.test(nextText) ? 0 : next.cells.length) : 0;
        const joined = next ? n + nextCells - (nextOpens ? 0 : 1) : 0;
        if (n < expected && next && next.line === row.line + 1 && !row.closed && joined === expected) {
          const joinAt = { line: row.line, character: trimEndMd(text).length };
          const resumeAt = { line: next.line, character: nextOpens ? nextText.indexOf('|') : nextText.length - nextText.replace(/^[ \t]+/, '').length };
          report({
            span: { start: rowSpan.start, end: { line: next.line, character: nextText.length } },
            message: t('This row is broken across two lines: Markdown ends a row at the line break, so the task continues in a row of its own.'),
            fixes: [nextOpens
              ? { title: t('Join the two lines'), edits: [{ span: { start: joinAt, end: resumeAt }, newText: ' ' }], preferred: true }
              : { title: t('Join the two lines (keeping the break as <br>)'), edits: [{ span: { start: joinAt, end: resumeAt }, newText: ' <br> ' }], preferred: true }],
          });
          i++;
          continue;
        }
        if (n === 1 && !text.includes('|')) {
          // Text right under a table becomes a one-cell row: a blank line ends the table. The break inserted is the
          // one that ends the line above: the page's usual \n written after a lone \r would join it into one \r\n.
          const at = { line: row.line, character: 0 };
          const lineBreak = page.lineIndex.lineBreak(row.line - 1) || page.eol;
          report({
            span: rowSpan,
            message: t('This line has no cells but follows the table without a blank line, so Markdown makes it a row of the table.'),
            fixes: [{ title: t('End the table before this line'), edits: [{ span: { start: at, end: at }, newText: lineBreak }], preferred: true }],
          });
          continue;
        }
        const pipe = strayPipe(table, row);
        if (pipe !== undefined) {
          const at = row.cells[pipe].outer.start;
          report({
            span: { start: at, end: { line: at.line, character: at.character + 1 } },
            message: t('This "|" splits a cell in two, so the row has {0} cells instead of {1}. Write "\\|" for a pipe inside a cell.', n, expected),
            fixes: [{ title: t('Escape the pipe'), edits: [{ span: { start: at, end: { line: at.line, character: at.character + 1 } }, newText: '\\|' }], preferred: true }],
          });
          continue;
        }
        const fixes: Fix[] = [];
        if (n < expected) {
          const end = { line: row.line, character: trimEndMd(text).length };
          const pad = row.closed ? '  |'.repeat(expected - n) : ' |' + '  |'.repeat(expected - n);
          fixes.push({ title: t('Add {0} empty cell(s)', expected - n), edits: [{ span: { start: end, end }, newText: pad }], preferred: true });
        } else {
          const extra = row.cells.slice(expected);
          if (extra.every((c) => c.raw === '')) {
            const from = row.cells[expected].outer.start;
            const end = { line: row.line, character: trimEndMd(text).length };
            const keepClosing = row.closed ? '|' : '';
            fixes.push({ title: t('Remove the empty cell(s) past the header'), edits: [{ span: { start: from, end }, newText: keepClosing }], preferred: true });
          }
        }
        report({
          span: rowSpan,
          message: n < expected
            ? t('This row has {0} cell(s) but the header has {1}.', n, expected)
            : t('This row has {0} cells but the header has {1}: the cells past the header are not shown.', n, expected),
          fixes,
        });
      }
    }
  },
};
