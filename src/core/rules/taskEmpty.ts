import { t } from '../l10n';
import type { PageRule } from './types';

/** Anything but dashes, bullets, dots and white space: a task cell without it is empty. */
const WRITTEN = /[^-–•.\s]/;

export const taskEmpty: PageRule = {
  id: 'task-empty',
  description: 'A task row whose Task cell is empty.',
  defaultSeverity: 'warning',
  scope: 'page',
  check({ page }, report) {
    for (const table of page.tables) {
      if (table.columns.task === undefined) continue;
      // A table whose tasks are all still to be written is a week being planned (New Week makes one), not a mistake.
      if (table.rows.every((row) => !row.task || !WRITTEN.test(row.task.text))) continue;
      for (const row of table.rows) {
        // A row too short to have a task cell is a table-columns problem, not an empty task.
        if (!row.task) continue;
        if (WRITTEN.test(row.task.text)) continue;
        const label = row.day?.cell.text;
        report({ span: row.task.span.start.character === row.task.span.end.character ? row.task.outer : row.task.span, message: label ? t('The task of "{0}" is empty.', label) : t('This row has no task.') });
      }
    }
  },
};
