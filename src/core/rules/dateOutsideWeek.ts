import { inWindow } from '../analysis';
import { daysBetween, toIso } from '../calendar';
import { t } from '../l10n';
import type { PageRule } from './types';
import { describeDate, describeWindow, proposalFixes, proposeInWindow } from './proposals';

/** How long after its week a page may be dated (published) before the front matter date counts as wrong. */
const PUBLISH_GRACE_DAYS = 14;

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
      const proposals = proposeInWindow(d.token, analysis.order, window, analysis.year);
      const weekName = analysis.week !== undefined ? t('week {0}', analysis.week) : t('this week');
      report({
        span: d.token.span,
        message: t('{0} is outside {1} ({2}).', describeDate(date, analysis), weekName, range)
          + (proposals.length > 0 ? ' ' + t('Probably: {0}', proposals.map((p) => `${p.text} (${p.why})`).join(t(' or '))) : ''),
        fixes: proposalFixes(d.token, proposals),
      });
    }
    const fm = analysis.frontMatterDate;
    if (fm && !inWindow(fm.date, window)) {
      const after = daysBetween(window.end, fm.date);
      const before = daysBetween(fm.date, window.start);
      // 1 January far away is the template's placeholder (template-leftover says so); a page published soon after
      // its week is normal.
      if ((fm.date.month === 1 && fm.date.day === 1) || (after > 0 && after <= PUBLISH_GRACE_DAYS)) return;
      const weekName = analysis.week !== undefined ? t('week {0}', analysis.week) : t('this week');
      report({
        span: fm.entry.valueSpan,
        message: t('The front matter date {0} is {1} days {2} {3} ({4}).', toIso(fm.date), after > 0 ? after : before, after > 0 ? t('after') : t('before'), weekName, range),
        fixes: [{ title: t('Change to {0}', toIso(window.start)), edits: [{ span: fm.entry.valueSpan, newText: toIso(window.start) }], preferred: false }],
      });
    }
  },
};
