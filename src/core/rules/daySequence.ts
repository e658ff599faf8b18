import { t } from '../l10n';
import type { DayLabel } from '../model';
import type { PageRule } from './types';

/** First and last position a label names, on one scale (weekday names and numbers are compared among their kind). */
function bounds(label: DayLabel): { kind: 'weekday' | 'number'; first: number; last: number } | undefined {
  const values = label.kind === 'weekday' ? label.weekdays : label.kind === 'number' ? label.numbers : undefined;
  if (!values || values.length === 0 || (label.kind !== 'weekday' && label.kind !== 'number')) return undefined;
  return { kind: label.kind, first: values[0], last: values[values.length - 1] };
}

export const daySequence: PageRule = {
  id: 'day-sequence',
  description: 'Day labels that repeat or go backwards (gaps are fine).',
  defaultSeverity: 'warning',
  scope: 'page',
  check({ page, analysis }, report) {
    const startOf = (row: unknown) => analysis.rowDates.get(row as never)?.start?.reading.date;
    for (const table of page.tables) {
      let previous: { kind: string; first: number; last: number; text: string; row: unknown } | undefined;
      for (const row of table.rows) {
        if (!row.day) continue;
        const b = bounds(row.day);
        if (!b) {
          previous = undefined;
          continue;
        }
        // Weekday names wrap around a week that does not start on Monday: the dates say whether time went forward.
        const prevDate = previous && startOf(previous.row);
        const curDate = startOf(row);
        const forward = b.kind === 'weekday' && prevDate && curDate && curDate.compare(prevDate) > 0;
        if (previous && previous.kind === b.kind && !forward) {
          if (b.first === previous.last && b.first === b.last && previous.first === previous.last) {
            report({ span: row.day.cell.span, message: t('The day label "{0}" repeats the row above.', row.day.cell.text) });
          } else if (b.first < previous.last) {
            report({ span: row.day.cell.span, message: t('The day label "{0}" comes before "{1}" in the row above.', row.day.cell.text, previous.text) });
          }
        }
        // Fields listed, not spread after `...b`: that form is slow in V8 11 (see analysis.ts).
        previous = { kind: b.kind, first: b.first, last: b.last, text: row.day.cell.text, row };
      }
    }
  },
};
