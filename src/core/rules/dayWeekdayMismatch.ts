import { inWindow } from '../analysis';
import { addDays, isoWeekday } from '../calendar';
import { weekdayName, weekdayOfNumber, writeLike } from '../dates';
import { t } from '../l10n';
import type { DayLabel, Fix } from '../model';
import type { PageRule } from './types';

const EN_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const EN_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const VI_WORD = ['Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy'];

/** The label rewritten to name `weekday`, in the label's own style, or undefined when the style is unclear. */
function relabel(label: DayLabel, weekday: number): string | undefined {
  const raw = label.cell.raw;
  const text = label.cell.text;
  const replaceIn = (from: string, to: string): string | undefined => (raw.includes(from) ? raw.replace(from, to) : undefined);
  if (label.kind === 'number' && label.numbers?.length === 1) {
    const n = String(label.numbers[0]);
    return replaceIn(n, String(weekday));
  }
  if (label.kind !== 'weekday' || label.weekdays?.length !== 1) return undefined;
  const w = label.weekdays[0];
  const lower = text.toLowerCase();
  for (const names of [EN_LONG, EN_SHORT]) {
    const name = names[w - 1];
    const at = lower.indexOf(name.toLowerCase());
    if (at >= 0) {
      const written = text.slice(at, at + name.length);
      const next = names[weekday - 1];
      const styled = written === written.toUpperCase() ? next.toUpperCase() : written === written.toLowerCase() ? next.toLowerCase() : next;
      return replaceIn(written, styled);
    }
  }
  const thu = /(thứ|Thứ|THỨ|T|t)\s*([2-8])/u.exec(text);
  if (thu) {
    if (weekday === 7) return replaceIn(thu[0], /t/i.test(thu[1]) && thu[1].length === 1 ? 'CN' : 'Chủ nhật');
    return replaceIn(thu[0], `${thu[1]}${thu[0].includes(' ') ? ' ' : ''}${weekday + 1}`);
  }
  const word = /(thứ|Thứ)\s+(\p{L}+)/u.exec(text);
  if (word && weekday <= 6) {
    const next = VI_WORD[weekday - 1];
    const lowerCase = word[2] === word[2].toLowerCase();
    return replaceIn(word[0], `${word[1]} ${lowerCase ? next.toLowerCase() : next}`);
  }
  if (/^(cn|chủ nhật)$/iu.test(text.trim()) && weekday <= 6) return replaceIn(text.trim(), `Thứ ${weekday + 1}`);
  return undefined;
}

export const dayWeekdayMismatch: PageRule = {
  id: 'day-weekday-mismatch',
  description: 'A day label naming a weekday that its date is not (numeric labels: info, unless the convention is set).',
  defaultSeverity: 'warning',
  scope: 'page',
  check({ page, analysis, settings }, report) {
    const language = page.language ?? 'en';
    // Every named label off by the same number of days means the dates moved (a wrong year or month), not the labels.
    const shifts = new Set<number>();
    let named = 0;
    for (const d of analysis.dates) {
      if (d.role !== 'start' || d.row.startDates[0] !== d.token || !d.reading.date || d.row.day?.kind !== 'weekday') continue;
      named++;
      shifts.add((isoWeekday(d.reading.date) - d.row.day.weekdays![0] + 7) % 7);
    }
    const systematic = named >= 2 && shifts.size === 1 && !shifts.has(0);
    for (const d of analysis.dates) {
      if (d.role !== 'start' || d.row.startDates[0] !== d.token || !d.reading.date || !d.row.day) continue;
      const label = d.row.day;
      const actual = isoWeekday(d.reading.date);
      let named: number | undefined;
      let numeric = false;
      if (label.kind === 'weekday' && label.weekdays?.length) {
        named = label.weekdays[0];
      } else if (label.kind === 'number' && label.numbers?.length && analysis.numericConvention && analysis.numericConvention !== 'index') {
        if (analysis.conventionExplainsAll) continue;
        named = weekdayOfNumber(label.numbers[0], analysis.numericConvention);
        numeric = true;
      }
      if (named === undefined || named === actual) continue;
      const dateInWeek = analysis.window ? inWindow(d.reading.date, analysis.window) : true;
      // A date outside the week is the mistake to fix first (date-outside-week uses the label to pick the fix).
      if (!dateInWeek) continue;
      const fixes: Fix[] = [];
      const newLabel = numeric
        ? analysis.numericConvention === 'thu' && actual === 7 ? undefined : relabel(label, analysis.numericConvention === 'thu' ? actual + 1 : actual)
        : relabel(label, actual);
      if (newLabel !== undefined) {
        fixes.push({ title: t('Change the label to "{0}"', newLabel), edits: [{ span: label.cell.span, newText: newLabel }], preferred: dateInWeek && !numeric && !systematic });
      }
      if (analysis.window) {
        const target = addDays(analysis.window.start, (named - isoWeekday(analysis.window.start) + 7) % 7);
        if (inWindow(target, analysis.window) && target.compare(d.reading.date) !== 0) {
          const text = writeLike(target, d.token, analysis.order);
          fixes.push({ title: t('Change the date to {0} ({1})', text, weekdayName(named, language)), edits: [{ span: d.token.span, newText: text }], preferred: false });
        }
      }
      const convention = numeric ? ' ' + (analysis.numericConvention === 'thu' ? t('(reading numbers as in "Thứ 2" = Monday)') : t('(reading 1 as Monday)'))
        : systematic ? ' ' + t('Every label of this table is off by the same number of days: the year or month of the dates may be wrong.') : '';
      report({
        span: label.cell.span,
        message: t('"{0}" names {1}, but {2} is a {3}.', label.cell.text, weekdayName(named, language), d.token.raw, weekdayName(actual, language)) + convention,
        fixes,
        severity: numeric && settings.dayLabels === 'auto' ? 'info' : undefined,
      });
    }
  },
};
