import { t } from '../l10n';
import type { Fix } from '../model';
import { inOrder, languagesOf, weeksOf, type WorklogEntry } from '../workspace';
import { weightSpan } from './anchors';
import type { WorklogRule } from './types';

/** The weight as Hugo reads it (it casts "5" to 5; anything else that is not a whole number counts as none). */
export function weightOf(e: WorklogEntry): number {
  const v = e.page.frontMatter?.entries.get('weight')?.value;
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return 0;
}

function titleOf(e: WorklogEntry): string {
  const fm = e.page.frontMatter?.entries;
  const v = fm?.get('linkTitle')?.value ?? fm?.get('title')?.value;
  return typeof v === 'string' ? v : '';
}

/** Hugo's default order: weight ascending (0 = none, last), date descending, link title, then path. */
export function hugoCompare(a: WorklogEntry, b: WorklogEntry): number {
  const wa = weightOf(a);
  const wb = weightOf(b);
  if (wa !== wb) {
    if (wa === 0) return 1;
    if (wb === 0) return -1;
    return wa - wb;
  }
  const da = a.analysis.frontMatterDate?.date;
  const db = b.analysis.frontMatterDate?.date;
  if (da && db && da.compare(db) !== 0) return db.compare(da);
  if (da && !db) return -1;
  if (db && !da) return 1;
  const ta = titleOf(a);
  const tb = titleOf(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.page.path < b.page.path ? -1 : a.page.path > b.page.path ? 1 : 0;
}

export const weightOrder: WorklogRule = {
  id: 'weight-order',
  description: "Hugo's menu order (weight, then date, then title) puts the weeks out of order.",
  defaultSeverity: 'warning',
  scope: 'worklog',
  check(worklog, _settings, report) {
    for (const language of languagesOf(worklog)) {
      const weeks = weeksOf(worklog, language).filter((e) => e.week !== undefined && e.page.frontMatter);
      if (weeks.length < 2) continue;
      const hugo = [...weeks].sort(hugoCompare);
      const rank = new Map(hugo.map((e, i) => [e, i]));
      const ranks = weeks.map((e) => rank.get(e)!);
      if (ranks.every((r, i) => i === 0 || r > ranks[i - 1])) continue;
      // The worklog's own scheme: weight = week + offset, as most pages with a weight have it (else the week).
      const offsets = new Map<number, number>();
      for (const e of weeks) if (weightOf(e) !== 0) offsets.set(weightOf(e) - e.week!, (offsets.get(weightOf(e) - e.week!) ?? 0) + 1);
      const [bestOffset, count] = [...offsets.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [0, 0];
      const offset = count >= 2 ? bestOffset : 0;
      // The pages off the scheme are the ones to change; when every page follows it, the odd ones out in Hugo's order.
      const offScheme = new Set(weeks.filter((e) => weightOf(e) !== e.week! + offset));
      const keep = inOrder(ranks);
      const culprits = offScheme.size > 0 ? weeks.filter((e) => offScheme.has(e)) : weeks.filter((_, i) => !keep.has(i));
      for (const e of culprits) {
        const position = rank.get(e)!;
        const neighbour = position > 0 ? hugo[position - 1] : hugo[position + 1];
        const proposed = e.week! + offset;
        // Only propose a weight that is not already there and keeps the week after the weeks before it.
        const weightEntry = e.page.frontMatter?.entries.get('weight');
        const clash = weeks.some((x) => x !== e && weightOf(x) === proposed && x.week !== e.week);
        const fixes: Fix[] = weightEntry && weightOf(e) !== proposed && !clash
          ? [{ title: t('Change the weight to {0}', proposed), edits: [{ span: weightEntry.valueSpan, newText: String(proposed) }], preferred: true }]
          : [];
        report(e.page.path, {
          span: weightSpan(e.page),
          message: t('Hugo orders the menu by weight, then date, then title: week {0} (weight {1}) is listed {2} week {3} (weight {4}).',
            e.week!, weightOf(e) || t('none'), position > 0 ? t('after') : t('before'), neighbour.week!, weightOf(neighbour) || t('none'))
            + (fixes.length ? ' ' + t('Probably: weight {0}', proposed) : ''),
          fixes,
        });
      }
    }
  },
};
