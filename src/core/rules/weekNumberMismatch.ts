import { t } from '../l10n';
import type { Span, WeekNumberSource } from '../model';
import type { PageRule } from './types';

/** The name of a place a week number is written, in the user's language. */
function nameOf(kind: WeekNumberSource['kind']): string {
  switch (kind) {
    case 'title': return t('title');
    case 'pre': return t('pre');
    case 'folder': return t('folder name');
    case 'file': return t('file name');
    default: return t('heading');
  }
}

export const weekNumberMismatch: PageRule = {
  id: 'week-number-mismatch',
  description: 'Title, pre, folder/file name and headings disagree on the week number.',
  defaultSeverity: 'warning',
  scope: 'page',
  check({ page, analysis }, report) {
    const week = analysis.week;
    if (week === undefined) return;
    const agree = page.weekSources.filter((s) => s.week === week);
    const odd = page.weekSources.filter((s) => s.week !== week);
    if (odd.length === 0) return;
    const witnesses = [...new Set(agree.map((s) => nameOf(s.kind)))].join(', ');
    // The path cannot be edited from the page: a folder or file name that disagrees is reported on the title.
    const anchor: Span = page.frontMatter?.entries.get('title')?.valueSpan ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const s of odd) {
      const where = nameOf(s.kind);
      if (s.numberSpan && s.numberText !== undefined) {
        const padded = s.numberText.length > String(week).length ? String(week).padStart(s.numberText.length, '0') : String(week);
        report({
          span: s.numberSpan,
          message: t('The {0} says week {1}, but the {2} say week {3}.', where, s.week, witnesses, week),
          fixes: [{ title: t('Change to week {0}', week), edits: [{ span: s.numberSpan, newText: padded }], preferred: agree.length >= 2 || agree.some((a) => a.kind === 'folder' || a.kind === 'file') }],
        });
      } else {
        report({ span: anchor, message: t('The {0} says week {1}, but the {2} say week {3}.', where, s.week, witnesses, week) });
      }
    }
  },
};
