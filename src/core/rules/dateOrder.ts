import { inWindow } from '../analysis';
import { isoWeekday } from '../calendar';
import { t } from '../l10n';
import type { Fix } from '../model';
import type { PageRule } from './types';

export const dateOrder: PageRule = {
  id: 'date-order',
  description: 'Completion date before start date.',
  defaultSeverity: 'error',
  scope: 'page',
  check({ analysis }, report) {
    const byRow = new Map<string, { start?: (typeof analysis.dates)[number]; end?: (typeof analysis.dates)[number] }>();
    for (const d of analysis.dates) {
      if (!d.reading.date) continue;
      const key = `${d.row.line}`;
      const entry = byRow.get(key) ?? {};
      // The first start and the last completion of a row are its span.
      if (d.role === 'start' && !entry.start) entry.start = d;
      if (d.role === 'end') entry.end = d;
      byRow.set(key, entry);
    }
    for (const { start, end } of byRow.values()) {
      if (!start?.reading.date || !end?.reading.date) continue;
      if (end.reading.date.compare(start.reading.date) >= 0) continue;
      const bothIn = analysis.window ? inWindow(start.reading.date, analysis.window) && inWindow(end.reading.date, analysis.window) : true;
      // A date outside the week is a typo that date-outside-week already proposes to correct; the order follows.
      if (!bothIn) continue;
      const fixes: Fix[] = [];
      // Swapping is the obvious repair only when both dates belong to the week (otherwise one of them is a typo).
      // A weekday label that names the start date says the start is right and the completion is the typo.
      const named = start.row.day?.kind === 'weekday' ? start.row.day.weekdays?.[0] : undefined;
      const labelBacksStart = named !== undefined && isoWeekday(start.reading.date) === named;
      if (start.row.startDates.length === 1 && end.row.endDates.length === 1) {
        fixes.push({
          title: t('Swap start and completion dates'),
          edits: [{ span: start.token.span, newText: end.token.raw }, { span: end.token.span, newText: start.token.raw }],
          preferred: bothIn && !labelBacksStart,
        });
      }
      report({
        span: end.token.span,
        message: t('The completion date {0} is before the start date {1}.', end.token.raw, start.token.raw),
        fixes,
      });
    }
  },
};
