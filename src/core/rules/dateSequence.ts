import { inWindow } from '../analysis';
import { t } from '../l10n';
import type { PageRule } from './types';

export const dateSequence: PageRule = {
  id: 'date-sequence',
  description: 'Start dates going backwards from one row to the next.',
  defaultSeverity: 'warning',
  scope: 'page',
  check({ analysis }, report) {
    let previous: (typeof analysis.dates)[number] | undefined;
    let table: unknown;
    for (const d of analysis.dates) {
      if (d.role !== 'start' || d.row.startDates[0] !== d.token || !d.reading.date) continue;
      if (d.table !== table) {
        table = d.table;
        previous = undefined;
      }
      // A date outside the week is reported as such; comparing it with its neighbours would say the same twice.
      if (analysis.window && !inWindow(d.reading.date, analysis.window)) continue;
      if (previous?.reading.date && d.reading.date.compare(previous.reading.date) < 0) {
        report({ span: d.token.span, message: t('This row starts on {0}, before the row above it ({1}).', d.token.raw, previous.token.raw) });
      }
      previous = d;
    }
  },
};
