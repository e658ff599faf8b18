// What a page's dates mean: the day/month order inferred from evidence, every date read under it, the page's week
// window and week number. Computed once per parsed page (and hints from its worklog) and shared by the rules.
import { addDays, CalendarDate, compare, dayNumber, daysBetween, isoWeekday, parseIsoDate, weekdayOfDayNumber } from './calendar';
import { formatOf, readDate, scanDates, weekdayOfNumber, type DateReading, type NumericConvention } from './dates';
import type { DateToken, DayMonthOrder, FrontMatterEntry, TaskRow, TaskTable, WeekWindow, WorklogPage } from './model';
import type { WorklogSettings } from './settings';
import { memoSlot } from './memo';

export type PageKind = 'week' | 'index' | 'day' | 'other';

export interface ResolvedDate {
  readonly token: DateToken;
  readonly table: TaskTable;
  readonly row: TaskRow;
  readonly rowIndex: number;
  readonly role: 'start' | 'end';
  readonly reading: DateReading;
}

/** What the page's worklog knows that the page alone does not. */
export interface PageHints {
  /** The twin page's day/month order when the twin shows it unambiguously. */
  readonly order?: DayMonthOrder;
  /** The window the neighbouring weeks imply for this page (previous week + 7 days). */
  readonly expectedStart?: CalendarDate;
  /** The weekday the worklog's weeks start on (ISO, 1 = Monday): the window is aligned to it. */
  readonly startWeekday?: number;
}

export type OrderReason = 'setting' | 'component' | 'program' | 'span' | 'weekday' | 'twin' | 'language' | 'default' | 'none';

export interface PageAnalysis {
  readonly kind: PageKind;
  readonly order: DayMonthOrder;
  /**
   * The order the page would be read in with `token` rewritten as `text`: a fix that flips it would be read back
   * differently (and reported again), so it is not proposed.
   */
  readonly orderIfRewritten: (token: DateToken, text: string) => DayMonthOrder;
  /** The same for several tokens rewritten at once (what fix-all does with the preferred fixes). */
  readonly orderIfRewrittenAll: (rewrites: ReadonlyMap<DateToken, string>) => DayMonthOrder;
  readonly orderReason: OrderReason;
  readonly dates: readonly ResolvedDate[];
  readonly frontMatterDate?: { readonly date: CalendarDate; readonly entry: FrontMatterEntry };
  readonly window?: WeekWindow;
  /** The week number most sources agree on (path sources win a tie). */
  readonly week?: number;
  /** The format most of the page's dates are written in (e.g. `DD/MM/YYYY`). */
  readonly format?: string;
  /** The year most of the page's dates carry (fills in dates written without one). */
  readonly year?: number;
  readonly numericConvention?: NumericConvention;
  /** True when the numeric convention explains every numeric label (so nothing is reported). */
  readonly conventionExplainsAll: boolean;
  /** Where the neighbouring weeks put this week's first day (when the worklog says). */
  readonly expectedStart?: CalendarDate;
  /** Each row's first readable start date and last readable completion date (rules look rows up here, not by scan). */
  readonly rowDates: ReadonlyMap<TaskRow, { readonly start?: ResolvedDate; readonly end?: ResolvedDate }>;
}

const WORKLOG_DIR = /work[\s_-]*log|nhật[\s_-]*ký|nhat[\s_-]*ky|weekly/iu;

/** Classifies a page: a week page, a worklog's index page, a day page inside a week, or not a worklog page. */
export function classifyPage(page: WorklogPage): PageKind {
  if (page.skipped) return 'other';
  const path = page.path;
  const sources = page.weekSources;
  const inWorklogDir = WORKLOG_DIR.test(path);
  if (/\/[^/]*(?:day|ngày|ngay)[\s_-]*\d[^/]*\/_?index(?:\.\w{2})?\.md$/i.test(path) && sources.some((s) => s.kind === 'folder') === false) {
    return 'day';
  }
  if (sources.some((s) => s.kind === 'folder' || s.kind === 'file')) return 'week';
  if (page.isIndex && inWorklogDir) return 'index';
  if (sources.some((s) => s.kind === 'title') && (inWorklogDir || page.tables.length > 0)) return 'week';
  if (page.tables.length > 0 && inWorklogDir) return 'week';
  return 'other';
}

/** Analyses a parsed page under settings and hints from its worklog. */
export function analyzePage(page: WorklogPage, settings: WorklogSettings, hints: PageHints = {}): PageAnalysis {
  const kind = classifyPage(page);
  const tokens: { token: DateToken; table: TaskTable; row: TaskRow; rowIndex: number; role: 'start' | 'end' }[] = [];
  for (const table of page.tables) {
    table.rows.forEach((row, rowIndex) => {
      for (const token of row.startDates) tokens.push({ token, table, row, rowIndex, role: 'start' });
      for (const token of row.endDates) tokens.push({ token, table, row, rowIndex, role: 'end' });
    });
  }
  const fmEntry = page.frontMatter?.entries.get('date');
  const fmDate = fmEntry && typeof fmEntry.value === 'string' ? parseIsoDate(fmEntry.value.trim()) : undefined;

  const tokenList = tokens.map((t) => t.token);
  const { order, reason } = inferOrder(page, tokenList, settings, hints, fmDate);
  const { orderIfRewritten, orderIfRewrittenAll } = rewrittenOrder(page, tokenList, settings, hints, fmDate);
  const year = commonYear(tokens.map((t) => t.token), order) ?? fmDate?.year;
  // Fields listed, not spread: in V8 11 (Node 20) `{ ...t, reading }` goes through the runtime for every object made,
  // ~3.5 µs each (measured; a spread alone, or listed fields, takes nanoseconds).
  const dates: ResolvedDate[] = tokens.map((t) => ({ token: t.token, table: t.table, row: t.row, rowIndex: t.rowIndex, role: t.role, reading: readDate(t.token, order, year) }));
  const week = consensusWeek(page);
  const window = findWindow(dates, fmDate, settings, week, hints);
  const formats = new Map<string, number>();
  for (const d of dates) {
    if (d.token.shape === 'xx') continue;
    const f = formatOf(d.token, order);
    formats.set(f, (formats.get(f) ?? 0) + 1);
  }
  const format = [...formats.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const convention = inferConvention(page, dates, settings);
  return {
    kind,
    order,
    orderReason: reason,
    orderIfRewritten,
    orderIfRewrittenAll,
    dates,
    frontMatterDate: fmDate && fmEntry ? { date: fmDate, entry: fmEntry } : undefined,
    window,
    week,
    format,
    year,
    numericConvention: convention.convention,
    conventionExplainsAll: convention.explainsAll,
    expectedStart: hints.expectedStart,
    rowDates: indexRows(dates),
  };
}

/** How the page would be read with some of its date tokens rewritten (a fix is never offered that flips the order). */
function rewrittenOrder(page: WorklogPage, tokenList: readonly DateToken[], settings: WorklogSettings, hints: PageHints, fmDate: CalendarDate | undefined): Pick<PageAnalysis, 'orderIfRewritten' | 'orderIfRewrittenAll'> {
  const orderIfRewrittenAll = (rewrites: ReadonlyMap<DateToken, string>): DayMonthOrder => {
    const list = tokenList.flatMap((t) => {
      const text = rewrites.get(t);
      return text === undefined ? [t] : scanDates({ raw: text, text, span: t.span, outer: t.span });
    });
    return inferOrder(page, list, settings, hints, fmDate).order;
  };
  const orderIfRewritten = (token: DateToken, text: string): DayMonthOrder => orderIfRewrittenAll(new Map([[token, text]]));
  return { orderIfRewritten, orderIfRewrittenAll };
}

/**
 * The page's analysis under hints from its worklog, worked out from its analysis without hints (`alone`, from
 * analyzePage(page, settings)): the same result as analyzePage(page, settings, hints), for less. The hints decide the
 * day/month order only where the page's own evidence does not (no ambiguous date, or only its language or the
 * default); when the order stays, every date reads the same and only the window is searched again. When it changes,
 * the page is analysed anew.
 */
export function analyzeWithHints(alone: PageAnalysis, page: WorklogPage, settings: WorklogSettings, hints: PageHints): PageAnalysis {
  if (alone.orderReason === 'twin' || (alone.expectedStart !== undefined)) return analyzePage(page, settings, hints);
  let order = alone.order;
  let reason: OrderReason = alone.orderReason;
  if (reason === 'none') order = hints.order ?? 'dmy';
  else if ((reason === 'language' || reason === 'default') && hints.order) {
    order = hints.order;
    reason = 'twin';
  }
  if (order !== alone.order) return analyzePage(page, settings, hints);
  const fmDate = alone.frontMatterDate?.date;
  const tokenList = alone.dates.map((d) => d.token);
  const window = hints.expectedStart === undefined && hints.startWeekday === undefined ? alone.window : findWindow(alone.dates, fmDate, settings, alone.week, hints);
  // Object.assign rather than `{ ...alone, orderReason, … }`: that form is slow in V8 11 (see analyzePage).
  return Object.assign({}, alone, { orderReason: reason }, rewrittenOrder(page, tokenList, settings, hints, fmDate), { window, expectedStart: hints.expectedStart });
}

function inferOrder(page: WorklogPage, tokens: readonly DateToken[], settings: WorklogSettings, hints: PageHints, fmDate?: CalendarDate): { order: DayMonthOrder; reason: OrderReason } {
  if (settings.dayMonthOrder !== 'auto') return { order: settings.dayMonthOrder, reason: 'setting' };
  const ambiguous = tokens.filter((t) => t.shape !== 'ymd');
  if (ambiguous.length === 0) return { order: hints.order ?? 'dmy', reason: 'none' };
  // 1. A component over 12 can only be a day.
  let dmy = 0;
  let mdy = 0;
  for (const t of ambiguous) {
    const [a, b] = [t.parts[0].value, t.parts[1].value];
    if (a > 12 && a <= 31 && b >= 1 && b <= 12) dmy++;
    else if (b > 12 && b <= 31 && a >= 1 && a <= 12) mdy++;
  }
  if (dmy !== mdy) return { order: dmy > mdy ? 'dmy' : 'mdy', reason: 'component' };
  // 2. With programStart the page's week is known whatever the order: the reading that puts more dates in it wins.
  // (Without this, fixing one date into the week could make the span prefer the other reading, and a second check
  // would report the fixed date again.)
  const program = settings.programStart ? programWindow(settings, consensusWeek(page)) : undefined;
  if (program) {
    const inside = (order: DayMonthOrder): number => ambiguous.filter((t) => {
      const d = readDate(t, order, program.start.year).date;
      return d !== undefined && compare(d, program.start) >= 0 && compare(d, program.end) <= 0;
    }).length;
    const pd = inside('dmy');
    const pm = inside('mdy');
    // Only as strong evidence: at least half the dates in the week under the winning reading (one stray date that
    // happens to fall in the week under the other reading must not flip a page whose dates agree with each other).
    if (pd !== pm && Math.max(pd, pm) * 2 >= ambiguous.length) return { order: pd > pm ? 'dmy' : 'mdy', reason: 'program' };
  }
  // 3. The tightest span: a week's dates lie within days of each other under the right reading.
  const spread = (order: DayMonthOrder): number => {
    const year = commonYear(ambiguous, order) ?? fmDate?.year ?? 2024;
    const days = ambiguous.map((t) => readDate(t, order, year).date).filter((d): d is CalendarDate => d !== undefined);
    if (days.length === 0) return Infinity;
    const sorted = days.sort(compare);
    // Invalid readings count as far away: they are evidence against the order.
    return daysBetween(sorted[0], sorted[sorted.length - 1]) + 60 * (ambiguous.length - days.length);
  };
  const sd = spread('dmy');
  const sm = spread('mdy');
  if (Math.abs(sd - sm) >= 7 || (Math.min(sd, sm) < 14 && sd !== sm && Math.max(sd, sm) >= 14)) {
    return { order: sd < sm ? 'dmy' : 'mdy', reason: 'span' };
  }
  // 4. Weekday labels that name a day.
  let wd = 0;
  let wm = 0;
  for (const table of page.tables) {
    for (const row of table.rows) {
      const named = row.day?.kind === 'weekday' ? row.day.weekdays?.[0] : undefined;
      const token = row.startDates[0];
      if (named === undefined || !token || token.shape === 'ymd') continue;
      const year = commonYear(ambiguous, 'dmy') ?? fmDate?.year ?? 2024;
      const a = readDate(token, 'dmy', year).date;
      const b = readDate(token, 'mdy', year).date;
      if (a && isoWeekday(a) === named) wd++;
      if (b && isoWeekday(b) === named) wm++;
    }
  }
  if (wd !== wm) return { order: wd > wm ? 'dmy' : 'mdy', reason: 'weekday' };
  // 5. The twin page, then the language: Vietnamese writes day first; so do most English pages of this corpus.
  if (hints.order) return { order: hints.order, reason: 'twin' };
  if (page.language === 'vi') return { order: 'dmy', reason: 'language' };
  return { order: 'dmy', reason: 'default' };
}

function commonYear(tokens: readonly DateToken[], _order: DayMonthOrder): number | undefined {
  const years = new Map<number, number>();
  for (const t of tokens) {
    const y = t.shape === 'ymd' ? t.parts[0].value : t.shape === 'xxy' ? (t.parts[2].text.length === 2 ? 2000 + t.parts[2].value : t.parts[2].value) : undefined;
    if (y !== undefined && y >= 1900 && y <= 2200) years.set(y, (years.get(y) ?? 0) + 1);
  }
  return [...years.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

/** The week number most of the page's sources agree on; a tie goes to the path, then the title. */
export function consensusWeek(page: WorklogPage): number | undefined {
  const votes = new Map<number, number>();
  for (const s of page.weekSources) votes.set(s.week, (votes.get(s.week) ?? 0) + 1);
  if (votes.size === 0) return undefined;
  const best = Math.max(...votes.values());
  const tied = [...votes.entries()].filter(([, n]) => n === best).map(([w]) => w);
  if (tied.length === 1) return tied[0];
  for (const kind of ['folder', 'file', 'title', 'pre', 'heading'] as const) {
    const s = page.weekSources.find((x) => x.kind === kind && tied.includes(x.week));
    if (s) return s.week;
  }
  return tied[0];
}

interface DayWeight {
  readonly date: CalendarDate;
  readonly day: number;
  readonly weight: number;
}

const dayWeights = memoSlot<readonly ResolvedDate[], readonly DayWeight[]>('dayWeights');

/**
 * The days a page's dates fall on, each with its number of votes: a row's dates count once per distinct day (a
 * one-day task, start = completion, is one vote, not two). Worked out once per list of dates (a page's analysis
 * with its worklog's hints shares the list of its analysis alone).
 */
function dateWeights(dates: readonly ResolvedDate[]): readonly DayWeight[] {
  const known = dayWeights.get(dates);
  if (known) return known;
  const weights = new Map<number, { date: CalendarDate; day: number; weight: number }>();
  const seen = new Map<TaskRow, number[]>();
  for (const d of dates) {
    if (!d.reading.date) continue;
    const day = dayNumber(d.reading.date);
    const rowDays = seen.get(d.row);
    if (rowDays?.includes(day)) continue;
    if (rowDays) rowDays.push(day);
    else seen.set(d.row, [day]);
    const w = weights.get(day);
    if (w) w.weight += 1;
    else weights.set(day, { date: d.reading.date, day, weight: 1 });
  }
  const out = [...weights.values()];
  dayWeights.set(dates, out);
  return out;
}

const scores = memoSlot<PageAnalysis, Map<number, number>>('alignedScores');

/** The most table dates a window starting on `weekday` holds (how well the page fits weeks that start that day). */
export function alignedScore(analysis: PageAnalysis, weekday: number): number {
  let known = scores.get(analysis);
  if (!known) scores.set(analysis, (known = new Map()));
  const hit = known.get(weekday);
  if (hit !== undefined) return hit;
  const score = computeAlignedScore(analysis, weekday);
  known.set(weekday, score);
  return score;
}

function computeAlignedScore(analysis: PageAnalysis, weekday: number): number {
  const points = dateWeights(analysis.dates);
  let best = 0;
  for (const p of points) {
    const start = p.day - ((weekdayOfDayNumber(p.day) - weekday + 7) % 7);
    const end = start + 6;
    let score = 0;
    for (const q of points) if (q.day >= start && q.day <= end) score += q.weight;
    best = Math.max(best, score);
  }
  return best;
}

/** Week `week`'s window from `programStart`, when both are known. */
function programWindow(settings: WorklogSettings, week: number | undefined): WeekWindow | undefined {
  const programStart = settings.programStart ? parseIsoDate(settings.programStart) : undefined;
  if (!programStart || week === undefined || week < 1) return undefined;
  const start = addDays(programStart, 7 * (week - 1));
  return { start, end: addDays(start, 6), source: 'program' };
}

function findWindow(dates: readonly ResolvedDate[], fmDate: CalendarDate | undefined, settings: WorklogSettings, week: number | undefined, hints: PageHints): WeekWindow | undefined {
  const program = programWindow(settings, week);
  if (program) return program;
  const programStart = settings.programStart ? parseIsoDate(settings.programStart) : undefined;
  const weights = dateWeights(dates);
  if (weights.length === 0) return undefined;
  let points = [...weights];
  if (fmDate) {
    // The front matter date is often the day of publishing: it only breaks ties.
    const day = dayNumber(fmDate);
    const i = points.findIndex((p) => p.day === day);
    if (i >= 0) points[i] = { date: points[i].date, day: points[i].day, weight: points[i].weight + 0.25 };
    else points.push({ date: fmDate, day, weight: 0.25 });
  }
  // Windows are searched on day numbers; only the winner becomes a date.
  points = points.sort((a, b) => a.day - b.day);
  let best: { from: CalendarDate; back: number; start: number; score: number } | undefined;
  const startWeekday = programStart ? isoWeekday(programStart) : 1;
  const expected = hints.expectedStart ? dayNumber(hints.expectedStart) : undefined;
  const better = (start: number, score: number): boolean => {
    if (!best) return true;
    if (score !== best.score) return score > best.score;
    if (expected !== undefined) {
      const a = Math.abs(start - expected);
      const b = Math.abs(best.start - expected);
      if (a !== b) return a < b;
    }
    const aligned = weekdayOfDayNumber(start) === startWeekday;
    const bestAligned = weekdayOfDayNumber(best.start) === startWeekday;
    if (aligned !== bestAligned) return aligned;
    return false;
  };
  // A worklog whose weeks start on a known weekday: only windows starting that day (last week's Friday left in a
  // page must not drag the window back to Friday).
  const aligned = hints.startWeekday;
  for (const p of points) {
    for (let back = 0; back < 7; back++) {
      const start = p.day - back;
      if (aligned !== undefined && weekdayOfDayNumber(start) !== aligned) continue;
      const end = start + 6;
      let score = 0;
      for (const q of points) if (q.day >= start && q.day <= end) score += q.weight;
      if (better(start, score)) best = { from: p.date, back, start, score };
    }
  }
  if (!best || best.score < 1) return undefined;
  const start = addDays(best.from, -best.back);
  return { start, end: addDays(start, 6), source: 'table' };
}

function inferConvention(page: WorklogPage, dates: readonly ResolvedDate[], settings: WorklogSettings): { convention?: NumericConvention; explainsAll: boolean } {
  if (settings.dayLabels === 'thu' || settings.dayLabels === 'iso' || settings.dayLabels === 'index') {
    return { convention: settings.dayLabels, explainsAll: false };
  }
  let thu = 0;
  let iso = 0;
  let total = 0;
  for (const d of dates) {
    if (d.role !== 'start' || !d.reading.date || d.row.startDates[0] !== d.token) continue;
    const label = d.row.day;
    if (label?.kind !== 'number' || !label.numbers || label.numbers.length === 0) continue;
    total++;
    const wd = isoWeekday(d.reading.date);
    if (weekdayOfNumber(label.numbers[0], 'thu') === wd) thu++;
    if (weekdayOfNumber(label.numbers[0], 'iso') === wd) iso++;
  }
  if (total === 0) return { explainsAll: true };
  if (thu === total || iso === total) return { convention: thu >= iso ? 'thu' : 'iso', explainsAll: true };
  // A running index (1, 2, 3 …) is not a weekday at all.
  const labels = page.tables.flatMap((t) => t.rows.map((r) => (r.day?.kind === 'number' ? r.day.numbers?.[0] : undefined)));
  const numeric = labels.filter((n): n is number => n !== undefined);
  const increasing = numeric.every((n, i) => i === 0 || n === numeric[i - 1] + 1);
  if (increasing && numeric[0] === 1) return { convention: 'index', explainsAll: true };
  const best: NumericConvention = thu >= iso ? 'thu' : 'iso';
  // Only a convention that explains most labels says anything about the rest.
  return { convention: Math.max(thu, iso) * 2 >= total ? best : undefined, explainsAll: false };
}

function indexRows(dates: readonly ResolvedDate[]): Map<TaskRow, { start?: ResolvedDate; end?: ResolvedDate }> {
  const out = new Map<TaskRow, { start?: ResolvedDate; end?: ResolvedDate }>();
  for (const d of dates) {
    if (!d.reading.date) continue;
    let entry = out.get(d.row);
    if (!entry) out.set(d.row, (entry = {}));
    if (d.role === 'start') entry.start ??= d;
    else entry.end = d;
  }
  return out;
}

/** True when a date lies inside a window (both ends inclusive). */
export function inWindow(date: CalendarDate, window: WeekWindow): boolean {
  const day = dayNumber(date);
  return day >= dayNumber(window.start) && day <= dayNumber(window.end);
}
