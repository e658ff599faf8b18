// What a date in a task table (or the front matter date) means: its weekday, its ISO week, and where it lies against
// the page's week. Pure: returns Markdown for the editor to show.
import { inWindow, type PageAnalysis } from './analysis';
import { CalendarDate, daysBetween, isoWeek, isoWeekday } from './calendar';
import { weekdayName } from './dates';
import { t } from './l10n';
import type { DateToken, Position, Span, WorklogPage } from './model';
import { describeWindow } from './rules/proposals';
import { comparePositions } from './text';

export interface DateHover {
  /** The date's text. */
  readonly span: Span;
  /** Markdown, one fact a paragraph. */
  readonly markdown: string;
}

function contains(span: Span, position: Position): boolean {
  return comparePositions(span.start, position) <= 0 && comparePositions(position, span.end) <= 0;
}

/** English weekday names, passed through t() so the editor's language bundle can translate them. */
function weekdayLabel(weekday: number): string {
  switch (weekday) {
    case 1: return t('Monday');
    case 2: return t('Tuesday');
    case 3: return t('Wednesday');
    case 4: return t('Thursday');
    case 5: return t('Friday');
    case 6: return t('Saturday');
    default: return t('Sunday');
  }
}

/** The hover for the date under `position`, or undefined when there is none. */
export function hoverAt(page: WorklogPage, analysis: PageAnalysis, position: Position): DateHover | undefined {
  const resolved = analysis.dates.find((d) => contains(d.token.span, position));
  if (resolved) {
    const reading = resolved.reading;
    if (!reading.date) {
      const why = reading.problem === 'digits'
        ? t('a day or month has more than two digits')
        : reading.problem === 'no-year' ? t('it has no year') : t('no such day exists');
      return { span: resolved.token.span, markdown: t('"{0}" is not a calendar date: {1}.', resolved.token.raw, why) };
    }
    return { span: resolved.token.span, markdown: describe(page, analysis, reading.date, resolved.token) };
  }
  const fm = analysis.frontMatterDate;
  if (fm && contains(fm.entry.valueSpan, position)) {
    return { span: fm.entry.valueSpan, markdown: describe(page, analysis, fm.date, undefined) };
  }
  return undefined;
}

function describe(page: WorklogPage, analysis: PageAnalysis, date: CalendarDate, token: DateToken | undefined): string {
  const weekday = isoWeekday(date);
  const local = page.language === 'vi' ? ` (${weekdayName(weekday, 'vi')})` : '';
  const lines = [`**${weekdayLabel(weekday)}**${local} · ${date.toString()}`];
  const week = isoWeek(date);
  lines.push(t('ISO week {0}, {1}', week.week, week.year));
  // A date such as 06/10/2025 reads two ways: say which one the page uses.
  if (token && token.shape !== 'ymd' && token.parts[0].value <= 12 && token.parts[1].value <= 12 && token.parts[0].value !== token.parts[1].value) {
    lines.push(analysis.order === 'dmy' ? t('Read day first (DD/MM), like the rest of this page.') : t('Read month first (MM/DD), like the rest of this page.'));
  }
  const window = analysis.window;
  if (window) {
    const range = describeWindow(window, analysis);
    const name = analysis.week !== undefined ? t('week {0}', analysis.week) : t('this page\'s week');
    if (inWindow(date, window)) {
      lines.push(t('✓ In {0} ({1}).', name, range));
    } else if (date.compare(window.start) < 0) {
      const n = daysBetween(date, window.start);
      lines.push(n === 1 ? t('1 day before {0} ({1}).', name, range) : t('{0} days before {1} ({2}).', n, name, range));
    } else {
      const n = daysBetween(window.end, date);
      lines.push(n === 1 ? t('1 day after {0} ({1}).', name, range) : t('{0} days after {1} ({2}).', n, name, range));
    }
  }
  return lines.join('\n\n');
}
