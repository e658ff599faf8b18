import { inWindow } from '../analysis';
import { sameDay } from '../calendar';
import { writeLike } from '../dates';
import { t } from '../l10n';
import type { Fix, Language } from '../model';
import { twinKey, type WorklogEntry } from '../workspace';
import { weightSpan, titleSpan } from './anchors';
import { describeWindow } from './proposals';
import type { WorklogRule } from './types';

function languageName(language: Language | undefined): string {
  return language === 'vi' ? t('Vietnamese') : language === 'en' ? t('English') : t('other');
}

function compareTwins(a: WorklogEntry, b: WorklogEntry, report: (path: string, r: { span: import('../model').Span; message: string; fixes?: Fix[] }) => void): void {
  const other = languageName(b.language);
  if (a.week !== undefined && b.week !== undefined && a.week !== b.week) {
    report(a.page.path, { span: titleSpan(a.page), message: t('This page is week {0}, but its {1} twin is week {2}.', a.week, other, b.week) });
  }
  const wa = a.page.frontMatter?.entries.get('weight');
  const wb = b.page.frontMatter?.entries.get('weight');
  if (wa && wb && typeof wa.value === 'number' && typeof wb.value === 'number' && wa.value !== wb.value) {
    report(a.page.path, { span: weightSpan(a.page), message: t('The weight is {0}, but the {1} twin has {2}.', wa.value, other, wb.value) });
  }
  const rowsA = a.page.tables[0]?.rows ?? [];
  const rowsB = b.page.tables[0]?.rows ?? [];
  const windowA = a.analysis.window;
  const windowB = b.analysis.window;
  if (windowA && windowB && !sameDay(windowA.start, windowB.start)) {
    // Whole weeks apart: one finding, not one per row (typically one twin was never updated).
    const first = a.analysis.dates.find((d) => d.reading.date)?.token.span;
    report(a.page.path, { span: first ?? titleSpan(a.page), message: t('This page covers {0}, but its {1} twin covers {2}.', describeWindow(windowA, a.analysis), other, describeWindow(windowB, b.analysis)) });
    return;
  }
  if (rowsA.length === 0 || rowsA.length !== rowsB.length) return;
  const dateOf = (e: WorklogEntry, row: unknown, role: 'start' | 'end') => e.analysis.rowDates.get(row as never)?.[role];
  rowsA.forEach((rowA, i) => {
    for (const role of ['start', 'end'] as const) {
      const da = dateOf(a, rowA, role);
      const db = dateOf(b, rowsB[i], role);
      if (!da?.reading.date || !db?.reading.date || sameDay(da.reading.date, db.reading.date)) continue;
      const text = writeLike(db.reading.date, da.token, a.analysis.order);
      const theirsFits = windowA ? inWindow(db.reading.date, windowA) : false;
      const oursFits = windowA ? inWindow(da.reading.date, windowA) : true;
      report(a.page.path, {
        span: da.token.span,
        message: t('{0} here, but the {1} twin says {2} in the same row.', da.token.raw, other, db.token.raw),
        fixes: [{ title: t('Use the {0} page\'s date: {1}', other, text), edits: [{ span: da.token.span, newText: text }], preferred: theirsFits && !oursFits }],
      });
    }
  });
}

export const translationMismatch: WorklogRule = {
  id: 'translation-mismatch',
  description: 'Language twins (_index.md, _index.vi.md, _index.en.md) disagree on dates, week number or weight.',
  defaultSeverity: 'warning',
  scope: 'worklog',
  check(worklog, _settings, report) {
    const byKey = new Map<string, WorklogEntry[]>();
    for (const e of worklog.weeks) {
      const key = twinKey(e.page.path);
      byKey.set(key, [...(byKey.get(key) ?? []), e]);
    }
    for (const group of byKey.values()) {
      for (const a of group) {
        for (const b of group) {
          if (a !== b && a.language !== b.language) compareTwins(a, b, report);
        }
      }
    }
  },
};
