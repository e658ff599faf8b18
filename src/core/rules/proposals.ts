// What a wrong date probably meant: the dates one slip away from what was written (day and month swapped, a month or
// year typo, an extra digit), kept when they land in the page's week.
import { inWindow, type PageAnalysis, type ResolvedDate } from '../analysis';
import { CalendarDate, isoWeekday, makeDate } from '../calendar';
import { writeLike, writeDate } from '../dates';
import { t } from '../l10n';
import type { DateToken, DayLabel, DayMonthOrder, Fix, WeekWindow } from '../model';

export interface Proposal {
  readonly date: CalendarDate;
  readonly text: string;
  readonly why: string;
}

/** Dates one edit away from the token that fall inside the window, most likely first. */
export function proposeInWindow(token: DateToken, order: DayMonthOrder, window: WeekWindow | undefined, year?: number): Proposal[] {
  if (!window) return [];
  const out: Proposal[] = [];
  const add = (date: CalendarDate | undefined, why: string, written?: string): void => {
    if (!date || !inWindow(date, window)) return;
    if (out.some((p) => p.date.compare(date) === 0)) return;
    out.push({ date, text: written ?? writeLike(date, token, order), why });
  };
  const [p0, p1, p2] = token.parts;
  const numbers = (text: string): number[] => {
    // "011" → 11 or 01; "2025" keeps its value.
    const n = Number(text);
    const variants = new Set<number>([n]);
    if (text.length > 2) {
      variants.add(Number(text.slice(-2)));
      variants.add(Number(text.slice(0, 2)));
    }
    return [...variants];
  };
  if (token.shape === 'ymd') {
    const y = p0.value;
    for (const mo of numbers(p1.text)) for (const d of numbers(p2?.text ?? '')) add(makeDate(y, mo, d), t('extra digit'));
    add(makeDate(y, p2?.value ?? 0, p1.value), t('day and month swapped'));
    for (const wy of [window.start.year, window.end.year]) add(makeDate(wy, p1.value, p2?.value ?? 0), t('year typo'));
    for (const wm of [window.start.month, window.end.month]) add(makeDate(y, wm, p2?.value ?? 0), t('month typo'));
    return out;
  }
  const first = numbers(p0.text);
  const second = numbers(p1.text);
  const y = p2 ? (p2.text.length === 2 ? 2000 + p2.value : p2.value) : year ?? window.start.year;
  const build = (a: number, b: number, yy: number, ord: DayMonthOrder): CalendarDate | undefined =>
    ord === 'dmy' ? makeDate(yy, b, a) : makeDate(yy, a, b);
  const other: DayMonthOrder = order === 'dmy' ? 'mdy' : 'dmy';
  for (const a of first) for (const b of second) add(build(a, b, y, order), t('extra digit'));
  add(build(p0.value, p1.value, y, other), t('day and month swapped'));
  for (const wy of [window.start.year, window.end.year]) add(build(p0.value, p1.value, wy, order), t('year typo'));
  const dayIndex = order === 'dmy' ? 0 : 1;
  const day = token.parts[dayIndex].value;
  for (const wm of [window.start.month, window.end.month]) add(makeDate(y, wm, day), t('month typo'));
  return out;
}

/** Keeps the proposals that leave the row in order: a completion not before its start, a start not after its end. */
export function fitRow(proposals: readonly Proposal[], d: ResolvedDate, analysis: PageAnalysis): Proposal[] {
  const row = analysis.rowDates.get(d.row);
  const other = d.role === 'end' ? row?.start : row?.end;
  // Only a date that belongs to the week says anything (a row with both dates wrong gets both corrected).
  const otherDate = other && other.token !== d.token && other.reading.date && analysis.window && inWindow(other.reading.date, analysis.window) ? other.reading.date : undefined;
  const inOrder = (p: Proposal, q: CalendarDate): boolean => (d.role === 'end' ? p.date.compare(q) >= 0 : p.date.compare(q) <= 0);
  if (otherDate) return proposals.filter((p) => inOrder(p, otherDate));
  // Both dates of the row outside the week: the other is corrected too when it can be (fix-all does both), else it
  // stays as written. A proposal must keep the row in order with whatever the other date becomes (each of its
  // proposals, or itself when it has none), so fixing both never puts a completion before its start.
  if (other && other.token !== d.token && other.reading.date && analysis.window) {
    const theirs = proposeInWindow(other.token, analysis.order, analysis.window, analysis.year).map((q) => q.date);
    const targets = theirs.length > 0 ? theirs : [other.reading.date];
    return proposals.filter((p) => targets.every((q) => inOrder(p, q)));
  }
  return [...proposals];
}

/**
 * Orders proposals by the row's weekday label: when the label names a weekday, the proposal falling on it goes first.
 * Returns whether one proposal stands out (the only one, or the only one on the labelled weekday).
 */
export function rankByLabel(proposals: readonly Proposal[], label: DayLabel | undefined): { proposals: Proposal[]; clear: boolean } {
  if (proposals.length <= 1) return { proposals: [...proposals], clear: proposals.length === 1 };
  const named = label?.kind === 'weekday' ? label.weekdays?.[0] : undefined;
  if (named === undefined) return { proposals: [...proposals], clear: false };
  const on = proposals.filter((p) => isoWeekday(p.date) === named);
  const off = proposals.filter((p) => isoWeekday(p.date) !== named);
  return { proposals: [...on, ...off], clear: on.length === 1 };
}

/** Fixes that replace a token with each proposal; the first is preferred when it clearly stands out. */
export function proposalFixes(token: DateToken, proposals: readonly Proposal[], label?: DayLabel): Fix[] {
  const ranked = rankByLabel(proposals, label);
  return ranked.proposals.map((p, i) => ({
    title: t('Change to {0} ({1})', p.text, p.why),
    edits: [{ span: token.span, newText: p.text }],
    preferred: ranked.clear && i === 0,
  }));
}

/** A window written for a message: `06/10/2025 – 12/10/2025` in the page's own format. */
export function describeWindow(window: WeekWindow, analysis: PageAnalysis): string {
  const format = displayFormat(analysis);
  return `${writeDate(window.start, format)} – ${writeDate(window.end, format)}`;
}

/** A date written in the page's format (or ISO). */
export function describeDate(date: CalendarDate, analysis: PageAnalysis): string {
  return writeDate(date, displayFormat(analysis));
}

/** The page's format with a four-digit year (dates in messages always carry one). */
function displayFormat(analysis: PageAnalysis): string {
  const f = analysis.format ?? 'YYYY-MM-DD';
  return /Y/.test(f) ? f.replace(/Y+/, 'YYYY') : `${f}${f.includes('-') ? '-' : '/'}YYYY`;
}
