import { inWindow, type PageAnalysis, type ResolvedDate } from '../analysis';
import type { WeekWindow } from '../model';
import { daysBetween, toIso } from '../calendar';
import { t } from '../l10n';
import type { PageRule } from './types';
import { describeDate, describeWindow, proposalFixes, proposeInWindow, rankByLabel } from './proposals';

/** How long after its week a task may be completed (it started inside the week) before the date counts as wrong. */
const OVERRUN_DAYS = 7;

/** A completion date a few days after the week, for a task that started inside it: work that ran over. */
function overruns(d: ResolvedDate, analysis: PageAnalysis, window: WeekWindow): boolean {
  const start = analysis.dates.find((x) => x.row === d.row && x.role === 'start');
  const startDate = start?.reading.date;
  if (!startDate || !inWindow(startDate, window) || !d.reading.date) return false;
  const late = daysBetween(window.end, d.reading.date);
  return late > 0 && late <= OVERRUN_DAYS;
}

export const dateOutsideWeek: PageRule = {
  id: 'date-outside-week',
  description: "A table date or the front matter date outside the page's week window.",
  defaultSeverity: 'warning',
  scope: 'page',
  check({ analysis }, report) {
    const window = analysis.window;
    if (!window) return;
    const range = describeWindow(window, analysis);
    for (const d of analysis.dates) {
      const date = d.reading.date;
      if (!date || inWindow(date, window)) continue;
      if (d.role === 'end' && overruns(d, analysis, window)) continue;
      const proposals = proposeInWindow(d.token, analysis.order, window, analysis.year);
      const weekName = analysis.week !== undefined ? t('week {0}', analysis.week) : t('this week');
      report({
        span: d.token.span,
        message: t('{0} is outside {1} ({2}).', describeDate(date, analysis), weekName, range)
          + (proposals.length > 0 ? ' ' + t('Probably: {0}', rankByLabel(proposals, d.row.day).proposals.map((p) => `${p.text} (${p.why})`).join(t(' or '))) : ''),
        fixes: proposalFixes(d.token, proposals, d.row.day),
      });
    }
    // The front matter date is often the day of publishing, any time after the week; before the week it is a date
    // left over from an earlier page. 1 January is the template's placeholder (template-leftover says so).
    const fm = analysis.frontMatterDate;
    if (fm && fm.date.compare(window.start) < 0 && !(fm.date.month === 1 && fm.date.day === 1)) {
      const before = daysBetween(fm.date, window.start);
      const weekName = analysis.week !== undefined ? t('week {0}', analysis.week) : t('this week');
      report({
        span: fm.entry.valueSpan,
        message: t('The front matter date {0} is {1} days before {2} ({3}).', toIso(fm.date), before, weekName, range),
        fixes: [{ title: t('Change to {0}', toIso(window.start)), edits: [{ span: fm.entry.valueSpan, newText: toIso(window.start) }], preferred: false }],
      });
    }
  },
};
