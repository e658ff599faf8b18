// Worklogs: the folder that holds the week folders or week pages, with every page of every language in it. Cross-week
// rules read these; page rules get hints from them (the twin's date order, the neighbouring weeks' windows).
import { alignedScore, analyzePage, analyzeWithHints, classifyPage, type PageAnalysis, type PageHints, type PageKind } from './analysis';
import { isoWeekday, parseIsoDate } from './calendar';
import { addDays, CalendarDate } from './calendar';
import type { Language, WorklogPage } from './model';
import type { WorklogSettings } from './settings';
import { pathFacts, worklogKey } from './weeks';

export { worklogKey };
import { memoByString, memoSlot } from './memo';

export interface WorklogEntry {
  readonly page: WorklogPage;
  readonly analysis: PageAnalysis;
  readonly kind: PageKind;
  readonly language: Language | undefined;
  readonly week: number | undefined;
}

export interface Worklog {
  /** The worklog's folder (for a per-language layout, the first language's folder). */
  readonly dir: string;
  /** Week pages, sorted by week number then path. */
  readonly weeks: readonly WorklogEntry[];
  /** The worklog's index (section) pages, one per language. */
  readonly indexes: readonly WorklogEntry[];
}

// A worklog is checked again whenever one of its pages changes: the analyses of the pages that did not change (same
// page object, same settings, same hints) are reused, so a keystroke costs one page, not the whole worklog.
const firstCache = memoSlot<WorklogPage, { settings: WorklogSettings; analysis: PageAnalysis }>('analysis');
const hintedCache = memoSlot<WorklogPage, { settings: WorklogSettings; key: string; analysis: PageAnalysis }>('hintedAnalysis');
const relabelled = memoSlot<WorklogPage, Map<Language, WorklogPage>>('relabelled');

function firstAnalysis(page: WorklogPage, settings: WorklogSettings): PageAnalysis {
  const hit = firstCache.get(page);
  if (hit && hit.settings === settings) return hit.analysis;
  const analysis = analyzePage(page, settings);
  firstCache.set(page, { settings, analysis });
  return analysis;
}

function hintedAnalysis(page: WorklogPage, settings: WorklogSettings, hints: PageHints): PageAnalysis {
  const key = `${hints.order ?? ''}|${hints.expectedStart?.toString() ?? ''}|${hints.startWeekday ?? ''}`;
  const hit = hintedCache.get(page);
  if (hit && hit.settings === settings && hit.key === key) return hit.analysis;
  const analysis = analyzeWithHints(firstAnalysis(page, settings), page, settings, hints);
  hintedCache.set(page, { settings, key, analysis });
  return analysis;
}

/** The page with another language (one object per page and language, so the caches above keep working). */
function withLanguage(page: WorklogPage, language: Language): WorklogPage {
  let byLanguage = relabelled.get(page);
  if (!byLanguage) relabelled.set(page, (byLanguage = new Map()));
  let copy = byLanguage.get(language);
  if (!copy) byLanguage.set(language, (copy = Object.assign({}, page, { language })));
  return copy;
}


/** Groups classified pages into worklogs (index pages join the worklog whose folder they head). */
export function groupWorklogs(pages: readonly { page: WorklogPage; kind: PageKind }[]): Map<string, { dir: string; pages: { page: WorklogPage; kind: PageKind }[] }> {
  const groups = new Map<string, { dir: string; pages: { page: WorklogPage; kind: PageKind }[] }>();
  for (const p of pages) {
    if (p.kind !== 'week' && p.kind !== 'index') continue;
    const key = worklogKey(p.page.path);
    let g = groups.get(key);
    if (!g) {
      g = { dir: pathFacts(p.page.path).worklogDir, pages: [] };
      groups.set(key, g);
    }
    g.pages.push(p);
  }
  return groups;
}

const STRONG = new Set(['setting', 'component', 'program', 'span', 'weekday']);

/**
 * Analyses the pages of one worklog: first alone, then again with hints from the twin (day/month order) and the
 * neighbouring weeks (where this week's window is expected), so ambiguous pages read like their worklog.
 */
export function buildWorklog(dir: string, members: readonly { page: WorklogPage; kind: PageKind }[], settings: WorklogSettings): Worklog {
  const first = settleLanguages(members, settings).map((m) => ({ page: m.page, kind: m.kind, analysis: firstAnalysis(m.page, settings) }));
  const byLanguageWeek = new Map<string, (typeof first)[number]>();
  for (const e of first) {
    if (e.kind === 'week' && e.analysis.week !== undefined) byLanguageWeek.set(`${e.page.language}:${e.analysis.week}`, e);
  }
  const startWeekday = weekStartOf(first.filter((e) => e.kind === 'week').map((e) => e.analysis), settings);
  const entries: WorklogEntry[] = first.map((e) => {
    const hints: { order?: PageHints['order']; expectedStart?: CalendarDate; startWeekday?: number } = { startWeekday };
    const week = e.analysis.week;
    if (e.kind === 'week' && week !== undefined) {
      if (!STRONG.has(e.analysis.orderReason)) {
        for (const other of first) {
          if (other === e || other.analysis.week !== week || other.page.language === e.page.language || other.kind !== 'week') continue;
          if (STRONG.has(other.analysis.orderReason)) hints.order = other.analysis.order;
        }
      }
      // The nearest earlier week with a window of its own: this week is expected that many weeks later.
      for (let back = 1; back <= 3; back++) {
        const prev = byLanguageWeek.get(`${e.page.language}:${week - back}`);
        if (prev?.analysis.window) {
          // The previous week's window, moved to the worklog's start weekday, then `back` weeks on.
          const start = prev.analysis.window.start;
          const aligned = startWeekday === undefined ? start : addDays(start, -((isoWeekday(start) - startWeekday + 7) % 7));
          hints.expectedStart = addDays(aligned, 7 * back);
          break;
        }
      }
    }
    const analysis = e.kind === 'week' ? hintedAnalysis(e.page, settings, hints) : e.analysis;
    return { page: e.page, analysis, kind: e.kind, language: e.page.language, week: analysis.week };
  });
  const weeks = entries.filter((e) => e.kind === 'week').sort((a, b) => (a.week ?? Infinity) - (b.week ?? Infinity) || a.page.path.localeCompare(b.page.path));
  return { dir, weeks, indexes: entries.filter((e) => e.kind === 'index') };
}

/** Twins are the same page in two languages: same folder and file name once the language suffix is dropped. */
export const twinKey: (path: string) => string = memoByString((path) => path
  .replace(/\.(en|vi)\.(md|markdown)$/i, '.$2')
  .replace(/(^|\/)content\/(en|vi)(?=\/)/i, '$1content/*')
  .toLowerCase());

/**
 * An unsuffixed page whose text reads like its suffixed twin's language is still the site's other language (Hugo
 * serves it as the default language): give it the worklog's other language so the two are compared, not confused.
 */
function settleLanguages(members: readonly { page: WorklogPage; kind: PageKind }[], settings: WorklogSettings): { page: WorklogPage; kind: PageKind }[] {
  const byKey = new Map<string, WorklogPage[]>();
  for (const m of members) byKey.set(twinKey(m.page.path), [...(byKey.get(twinKey(m.page.path)) ?? []), m.page]);
  return members.map((m) => {
    if (m.page.languageSource !== 'text') return m;
    const twins = byKey.get(twinKey(m.page.path))!.filter((p) => p !== m.page && p.languageSource === 'file');
    if (!twins.some((p) => p.language === m.page.language)) return m;
    const taken = new Set(twins.map((p) => p.language));
    const other = settings.languages.find((l): l is Language => (l === 'en' || l === 'vi') && !taken.has(l));
    return other ? Object.assign({}, m, { page: withLanguage(m.page, other) }) : m;
  });
}

/**
 * The weekday the worklog's weeks start on: the one whose 7-day windows hold the most table dates over all its
 * weeks (programStart's weekday, then Monday, win a tie). Undefined when the worklog has no dated table.
 */
function weekStartOf(analyses: readonly PageAnalysis[], settings: WorklogSettings): number | undefined {
  if (!analyses.some((a) => a.dates.some((d) => d.reading.date))) return undefined;
  const program = settings.programStart ? parseIsoDate(settings.programStart) : undefined;
  const preferred = [program ? isoWeekday(program) : 1, 1, 2, 3, 4, 5, 6, 7];
  let best: { weekday: number; score: number } | undefined;
  for (const weekday of preferred) {
    const score = analyses.reduce((sum, a) => sum + alignedScore(a, weekday), 0);
    if (!best || score > best.score) best = { weekday, score };
  }
  return best?.weekday;
}

/** The week pages of one language, in week order. */
export function weeksOf(worklog: Worklog, language: Language | undefined): WorklogEntry[] {
  return worklog.weeks.filter((e) => e.language === language);
}

/** The languages the worklog's week pages are written in. */
export function languagesOf(worklog: Worklog): (Language | undefined)[] {
  return [...new Set(worklog.weeks.map((e) => e.language))];
}

/** The twin pages of an entry: the same week in the other languages. */
export function twinsOf(worklog: Worklog, entry: WorklogEntry): WorklogEntry[] {
  if (entry.week === undefined) return [];
  return worklog.weeks.filter((e) => e !== entry && e.week === entry.week && e.language !== entry.language);
}

/**
 * Indices of a longest strictly increasing run of `values` (the ones in order); the rest are the odd ones out. Equal
 * values are out of order: two weeks cannot start on the same day.
 */
export function inOrder(values: readonly number[]): Set<number> {
  const n = values.length;
  const tails: number[] = [];
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < values[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

export { classifyPage };
