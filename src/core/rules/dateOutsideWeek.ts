import { inWindow, type PageAnalysis, type ResolvedDate } from '../analysis';
import type { DateToken, Fix, WeekWindow } from '../model';
import { daysBetween, makeDate, toIso, type CalendarDate } from '../calendar';
import { t } from '../l10n';
import type { PageRule } from './types';
import { describeDate, describeWindow, fitRow, proposalFixes, proposeInWindow, rankByLabel, type Proposal } from './proposals';

/** How long after its week a task may be completed (it started inside the week) before the date counts as wrong. */
const OVERRUN_DAYS = 7;
/** How many days before its week a page may be dated. */
const FRONT_MATTER_GRACE_DAYS = 2;

/**
 * Work that crosses the week's edge: a completion a few days after the week for a task started inside it, or a start
 * a few days before the week for a task completed inside it (carried over from last week).
 */
function overruns(d: ResolvedDate, analysis: PageAnalysis, window: WeekWindow): boolean {
  const dates = analysis.rowDates.get(d.row);
  const other = d.role === 'end' ? dates?.start : dates?.end;
  const otherDate = other?.reading.date;
  if (!otherDate || !inWindow(otherDate, window) || !d.reading.date) return false;
  const by = d.role === 'end' ? daysBetween(window.end, d.reading.date) : daysBetween(d.reading.date, window.start);
  return by > 0 && by <= OVERRUN_DAYS;
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
    const found: { d: ResolvedDate; date: CalendarDate; proposals: Proposal[]; fixes: Fix[] }[] = [];
    for (const d of analysis.dates) {
      const date = d.reading.date;
      if (!date || inWindow(date, window)) continue;
      if (overruns(d, analysis, window)) continue;
      // A proposal that would make the page read the other way round would be reported again: not proposed.
      const proposals = fitRow(proposeInWindow(d.token, analysis.order, window, analysis.year), d, analysis)
        .filter((p) => analysis.orderIfRewritten(d.token, p.text) === analysis.order);
      found.push({ d, date, proposals, fixes: proposalFixes(d.token, proposals, d.row.day) });
    }
    // Fix-all applies every preferred fix at once: when together they would flip the page's day/month order, each
    // stays a quick fix of its own but none is preferred.
    const preferred = new Map<DateToken, string>();
    for (const f of found) {
      const fix = f.fixes.find((x) => x.preferred);
      if (fix) preferred.set(f.d.token, fix.edits[0].newText);
    }
    const together = preferred.size > 1 && analysis.orderIfRewrittenAll(preferred) !== analysis.order;
    for (const { d, date, proposals, fixes } of found) {
      const weekName = analysis.week !== undefined ? t('week {0}', analysis.week) : t('this week');
      report({
        span: d.token.span,
        message: t('{0} is outside {1} ({2}).', describeDate(date, analysis), weekName, range)
          + (proposals.length > 0 ? ' ' + t('Probably: {0}', rankByLabel(proposals, d.row.day).proposals.map((p) => `${p.text} (${p.why})`).join(t(' or '))) : ''),
        fixes: together ? fixes.map((x) => Object.assign({}, x, { preferred: false })) : fixes,
      });
    }
    // The front matter date is often the day of publishing, any time after the week; before the week it is a date
    // left over from an earlier page. 1 January is the template's placeholder (template-leftover says so).
    const fm = analysis.frontMatterDate;
    const before = fm ? daysBetween(fm.date, window.start) : 0;
    // The weekend before the week is when many pages are prepared: only earlier dates are leftovers.
    if (fm && before > FRONT_MATTER_GRACE_DAYS && !(fm.date.month === 1 && fm.date.day === 1)) {
      const weekName = analysis.week !== undefined ? t('week {0}', analysis.week) : t('this week');
      report({
        span: fm.entry.valueSpan,
        message: t('The front matter date {0} is {1} days before {2} ({3}).', toIso(fm.date), before, weekName, range),
        fixes: [{ title: t('Change to {0}', toIso(window.start)), edits: [{ span: fm.entry.valueSpan, newText: toIso(window.start) }], preferred: false }],
      });
    }
    // Long after the week, yet inside it once the year is changed: a year typo (Hugo does not build future pages).
    // When the neighbouring weeks expect the page where its front matter date is, the table's dates are the wrong ones.
    const expected = analysis.expectedStart;
    const fitsNeighbours = fm && expected ? daysBetween(expected, fm.date) >= -FRONT_MATTER_GRACE_DAYS && daysBetween(expected, fm.date) <= 6 : false;
    if (fm && !fitsNeighbours && daysBetween(window.end, fm.date) > 60) {
      const sameDay = [window.start.year, window.end.year].map((y) => makeDate(y, fm.date.month, fm.date.day)).find((d) => d && inWindow(d, window));
      if (sameDay) {
        report({
          span: fm.entry.valueSpan,
          message: t('The front matter date {0} is {1} days after {2} ({3}): a year typo? Probably: {4}', toIso(fm.date), daysBetween(window.end, fm.date), analysis.week !== undefined ? t('week {0}', analysis.week) : t('this week'), range, toIso(sameDay)),
          fixes: [{ title: t('Change to {0}', toIso(sameDay)), edits: [{ span: fm.entry.valueSpan, newText: toIso(sameDay) }], preferred: true }],
        });
      }
    }
  },
};
