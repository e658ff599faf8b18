import { t } from '../l10n';
import { languagesOf, twinKey, weeksOf } from '../workspace';
import { titleSpan } from './anchors';
import type { WorklogRule } from './types';

export const weekDuplicate: WorklogRule = {
  id: 'week-duplicate',
  description: 'Two pages of one language in one worklog claim the same week.',
  defaultSeverity: 'error',
  scope: 'worklog',
  check(worklog, _settings, report) {
    for (const language of languagesOf(worklog)) {
      const byWeek = new Map<number, string[]>();
      for (const e of weeksOf(worklog, language)) {
        if (e.week === undefined) continue;
        byWeek.set(e.week, [...(byWeek.get(e.week) ?? []), e.page.path]);
      }
      for (const e of weeksOf(worklog, language)) {
        // Two files of one page (its twins) are not a duplicate, whatever language their text is in.
        const same = e.week === undefined ? [] : (byWeek.get(e.week) ?? []).filter((p) => p !== e.page.path && twinKey(p) !== twinKey(e.page.path));
        if (same.length === 0) continue;
        report(e.page.path, { span: titleSpan(e.page), message: t('Week {0} is also claimed by {1}.', e.week ?? '?', same.join(', ')) });
      }
    }
  },
};
