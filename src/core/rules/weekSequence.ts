import { daysBetween } from '../calendar';
import { t } from '../l10n';
import { inOrder, languagesOf, weeksOf } from '../workspace';
import { titleSpan } from './anchors';
import { describeWindow } from './proposals';
import type { WorklogRule } from './types';

export const weekSequence: WorklogRule = {
  id: 'week-sequence',
  description: "A week's dates do not come after the previous week's.",
  defaultSeverity: 'warning',
  scope: 'worklog',
  check(worklog, _settings, report) {
    for (const language of languagesOf(worklog)) {
      const dated = weeksOf(worklog, language).filter((e) => e.analysis.window && e.week !== undefined && e.analysis.window.source !== 'program');
      if (dated.length < 2) continue;
      const origin = dated[0].analysis.window!.start;
      const starts = dated.map((e) => daysBetween(origin, e.analysis.window!.start));
      // The weeks whose dates run in order are the reference; the rest are the odd ones out.
      const keep = inOrder(starts);
      dated.forEach((e, i) => {
        if (keep.has(i)) return;
        // Compare with the nearest week in order on either side: the one it should come after, or before.
        let before: (typeof dated)[number] | undefined;
        for (let j = i - 1; j >= 0 && !before; j--) if (keep.has(j) && starts[j] > starts[i]) before = dated[j];
        let after: (typeof dated)[number] | undefined;
        for (let j = i + 1; j < dated.length && !after && !before; j++) if (keep.has(j) && starts[j] < starts[i]) after = dated[j];
        const firstDate = e.analysis.dates.find((d) => d.reading.date)?.token.span;
        const other = before ?? after;
        if (!other) return;
        report(e.page.path, {
          span: firstDate ?? titleSpan(e.page),
          message: before
            ? t('Week {0} is dated {1}, not after week {2} ({3}).', e.week!, describeWindow(e.analysis.window!, e.analysis), other.week!, describeWindow(other.analysis.window!, other.analysis))
            : t('Week {0} is dated {1}, not before week {2} ({3}).', e.week!, describeWindow(e.analysis.window!, e.analysis), other.week!, describeWindow(other.analysis.window!, other.analysis)),
        });
      });
    }
  },
};
