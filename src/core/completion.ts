// What to type next in a task table: the week's dates in a date cell, the next day label in a day cell, a whole row
// on a new line; and the row Add Task Row inserts. Pure: the page, its analysis and the settings are handed in.
import type { PageAnalysis } from './analysis';
import { addDays, CalendarDate, compare, isoWeekday, mondayOf } from './calendar';
import { formatOf, weekdayName, weekdayOfNumber, writeDate, writeLike, type NumericConvention } from './dates';
import { t } from './l10n';
import type { ColumnRole, DayLabel, Language, Position, Span, TaskRow, TaskTable, TextEdit, WorklogPage } from './model';
import type { WorklogSettings } from './settings';
import { cellIndexAt, displayWidth, formatTableLines, splitRow, type SplitRow } from './tableFormat';

export interface CompletionInput {
  readonly page: WorklogPage;
  readonly analysis: PageAnalysis;
  readonly settings: WorklogSettings;
  readonly position: Position;
  /** Today, for a page that has no date at all yet. */
  readonly today?: CalendarDate;
}

export interface WorklogCompletion {
  readonly kind: 'date' | 'day' | 'row';
  readonly label: string;
  /** Shown beside the label: the weekday of a date, in the page's language. */
  readonly description?: string;
  readonly detail?: string;
  /** The text this item replaces (on the cursor's line). */
  readonly span: Span;
  readonly insertText: string;
  /** True when insertText uses snippet syntax ($1, $0). */
  readonly snippet: boolean;
  readonly filterText: string;
  readonly sortText: string;
  /** The most likely item. */
  readonly preselect: boolean;
}

// -----------------------------------------------------------------------------------------------------------------
// Dates

/** Writes dates the way the page does: the worklog.dateFormat setting, else the page's own format and padding. */
export function dateWriter(analysis: PageAnalysis, settings: WorklogSettings): (date: CalendarDate) => string {
  if (settings.dateFormat !== 'auto') {
    const format = settings.dateFormat;
    return (d) => writeDate(d, format);
  }
  const format = analysis.format;
  if (format) {
    const sample = analysis.dates.find((r) => r.token.shape !== 'xx' && formatOf(r.token, analysis.order) === format);
    if (sample) return (d) => writeLike(d, sample.token, analysis.order);
    return (d) => writeDate(d, format);
  }
  const short = analysis.dates.find((r) => r.token.shape === 'xx');
  if (short) return (d) => writeLike(d, short.token, analysis.order);
  return (d) => writeDate(d, 'DD/MM/YYYY');
}

/** The next working day after `date` (worklog.workingDays); the next day when no weekday is a working day. */
export function nextWorkingDay(date: CalendarDate, workingDays: readonly number[]): CalendarDate {
  for (let i = 1; i <= 7; i++) {
    const d = addDays(date, i);
    if (workingDays.includes(isoWeekday(d))) return d;
  }
  return addDays(date, 1);
}

function firstWorkingDay(from: CalendarDate, workingDays: readonly number[]): CalendarDate {
  return workingDays.includes(isoWeekday(from)) ? from : nextWorkingDay(from, workingDays);
}

/** The first date written in a row's start (or date) cell, as the page reads it. */
function startOf(analysis: PageAnalysis, row: TaskRow): CalendarDate | undefined {
  return analysis.rowDates.get(row)?.start?.reading.date;
}

/**
 * The date of the nearest row at or above `rowIndex` that has one: its start date, or for a row without dates, the
 * day of the week its label names (Thứ 5, Thu, or a number under the page's convention).
 */
function previousDate(analysis: PageAnalysis, convention: NumericConvention, table: TaskTable, rowIndex: number): CalendarDate | undefined {
  for (let i = Math.min(rowIndex, table.rows.length - 1); i >= 0; i--) {
    const row = table.rows[i];
    const d = startOf(analysis, row);
    if (d) return d;
    const named = row.day ? lastWeekday(row.day, convention) : undefined;
    const window = analysis.window;
    if (named !== undefined && window) return addDays(window.start, (named - isoWeekday(window.start) + 7) % 7);
  }
  return undefined;
}

/** The page's seven days: its week window, else the week of the nearest date the page (or today) gives. */
function weekDays(analysis: PageAnalysis, anchor: CalendarDate | undefined): CalendarDate[] {
  const start = analysis.window?.start ?? (anchor ? mondayOf(anchor) : undefined);
  if (!start) return [];
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** The date a new row after `rowIndex` (−1: before the first) is for: the working day after the row above's date. */
export function nextRowDate(page: WorklogPage, analysis: PageAnalysis, settings: WorklogSettings, table: TaskTable, rowIndex: number, today?: CalendarDate): CalendarDate | undefined {
  const convention = numericConvention(analysis, settings, page.language);
  const before = rowIndex >= 0 ? previousDate(analysis, convention, table, rowIndex) : undefined;
  if (before) return nextWorkingDay(before, settings.workingDays);
  const start = analysis.window?.start ?? (analysis.frontMatterDate ? mondayOf(analysis.frontMatterDate.date) : today ? mondayOf(today) : undefined);
  return start ? firstWorkingDay(start, settings.workingDays) : undefined;
}

// -----------------------------------------------------------------------------------------------------------------
// Day labels

type LabelStyle =
  | { readonly kind: 'index' }
  | { readonly kind: 'number'; readonly convention: 'thu' | 'iso' }
  | { readonly kind: 'name'; readonly form: 'en-long' | 'en-short' | 'vi-num' | 'vi-word' | 'vi-short'; readonly letterCase: 'title' | 'lower' | 'upper' };

const EN_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const EN_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const VI_WORD = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];

/** The labelled rows above `rowIndex` (nearest first). */
function labelsAbove(table: TaskTable, rowIndex: number): DayLabel[] {
  const out: DayLabel[] = [];
  for (let i = Math.min(rowIndex, table.rows.length - 1); i >= 0; i--) {
    const label = table.rows[i].day;
    if (label && (label.kind === 'weekday' || label.kind === 'number')) out.push(label);
  }
  return out;
}

function numericConvention(analysis: PageAnalysis, settings: WorklogSettings, language: Language | undefined): NumericConvention {
  if (settings.dayLabels === 'thu' || settings.dayLabels === 'iso' || settings.dayLabels === 'index') return settings.dayLabels;
  if (analysis.numericConvention) return analysis.numericConvention;
  // Vietnamese "Thứ 2" is Monday; an English page's bare numbers are most often a running count.
  return language === 'vi' ? 'thu' : 'index';
}

function styleOf(label: DayLabel | undefined, analysis: PageAnalysis, settings: WorklogSettings, language: Language | undefined): LabelStyle {
  if (label?.kind === 'weekday') {
    const text = label.cell.text.normalize('NFC').trim();
    const lower = text.toLowerCase();
    const letterCase = text === text.toUpperCase() && text !== text.toLowerCase() && text.length > 2 ? 'upper' : text[0] === text[0]?.toLowerCase() ? 'lower' : 'title';
    if (/^(?:thứ|thu)\s*\d/u.test(lower)) return { kind: 'name', form: 'vi-num', letterCase };
    if (/^t\d/u.test(lower)) return { kind: 'name', form: 'vi-short', letterCase: 'title' };
    if (/^(?:thứ|thu)\s+\p{L}/u.test(lower)) return { kind: 'name', form: 'vi-word', letterCase };
    if (/^(?:cn|chủ nhật|chu nhat)/u.test(lower)) return { kind: 'name', form: language === 'vi' || /^cn/.test(lower) ? 'vi-num' : 'vi-word', letterCase };
    const long = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)/.test(lower);
    return { kind: 'name', form: long ? 'en-long' : 'en-short', letterCase };
  }
  if (label?.kind === 'number') {
    const convention = numericConvention(analysis, settings, language);
    return convention === 'index' ? { kind: 'index' } : { kind: 'number', convention };
  }
  if (settings.dayLabels === 'weekday') return { kind: 'name', form: language === 'vi' ? 'vi-num' : 'en-long', letterCase: 'title' };
  const convention = numericConvention(analysis, settings, language);
  return convention === 'index' ? { kind: 'index' } : { kind: 'number', convention };
}

function applyCase(text: string, letterCase: 'title' | 'lower' | 'upper'): string {
  return letterCase === 'lower' ? text.toLowerCase() : letterCase === 'upper' ? text.toUpperCase() : text;
}

/** A weekday (1 = Monday) written in a label style. */
function writeWeekday(weekday: number, style: LabelStyle): string {
  if (style.kind === 'number') return style.convention === 'iso' ? String(weekday) : weekday === 7 ? 'CN' : String(weekday + 1);
  if (style.kind === 'index') return String(weekday);
  switch (style.form) {
    case 'en-long': return applyCase(EN_LONG[weekday - 1], style.letterCase);
    case 'en-short': return applyCase(EN_SHORT[weekday - 1], style.letterCase);
    case 'vi-word': return applyCase(VI_WORD[weekday - 1], style.letterCase);
    case 'vi-short': return weekday === 7 ? 'CN' : `T${weekday + 1}`;
    default: return weekday === 7 ? applyCase('Chủ nhật', style.letterCase) : applyCase(`Thứ ${weekday + 1}`, style.letterCase);
  }
}

/** The weekday a label names: its last weekday for a range; numbers read under the page's convention. */
function lastWeekday(label: DayLabel, convention: NumericConvention): number | undefined {
  if (label.kind === 'weekday') return label.weekdays?.[label.weekdays.length - 1];
  if (label.kind === 'number' && label.numbers && label.numbers.length > 0) return weekdayOfNumber(label.numbers[label.numbers.length - 1], convention);
  return undefined;
}

/** The weekday a label names first (to find a row's date from its label). */
function firstWeekday(label: DayLabel | undefined, convention: NumericConvention): number | undefined {
  if (!label) return undefined;
  if (label.kind === 'weekday') return label.weekdays?.[0];
  if (label.kind === 'number' && label.numbers && label.numbers.length > 0) return weekdayOfNumber(label.numbers[0], convention);
  return undefined;
}

/**
 * The label of a new row after `rowIndex`: the next number of a running count, else the weekday of the row's date
 * (or the working day after the row above's weekday), written like the labels above it.
 */
export function nextRowLabel(page: WorklogPage, analysis: PageAnalysis, settings: WorklogSettings, table: TaskTable, rowIndex: number, date: CalendarDate | undefined): string {
  const above = labelsAbove(table, rowIndex);
  const previous = above[0];
  const style = styleOf(previous, analysis, settings, page.language);
  if (style.kind === 'index') {
    const last = previous?.numbers?.[previous.numbers.length - 1];
    return String((last ?? 0) + 1);
  }
  if (date) return writeWeekday(isoWeekday(date), style);
  const convention = numericConvention(analysis, settings, page.language);
  const last = previous ? lastWeekday(previous, convention) : undefined;
  let weekday = settings.workingDays[0] ?? 1;
  if (last !== undefined) {
    for (let i = 1; i <= 7; i++) {
      const w = ((last - 1 + i) % 7) + 1;
      if (settings.workingDays.includes(w)) {
        weekday = w;
        break;
      }
    }
  }
  return writeWeekday(weekday, style);
}

// -----------------------------------------------------------------------------------------------------------------
// Rows

/** The cells of a new row after `rowIndex`, by the table's columns; `task` is the index of the task cell. */
export function nextRowCells(page: WorklogPage, analysis: PageAnalysis, settings: WorklogSettings, table: TaskTable, rowIndex: number, today?: CalendarDate): { cells: string[]; task: number | undefined; date?: CalendarDate } {
  const date = nextRowDate(page, analysis, settings, table, rowIndex, today);
  const text = date ? dateWriter(analysis, settings)(date) : '';
  const label = nextRowLabel(page, analysis, settings, table, rowIndex, date);
  const roles = roleByColumn(table);
  const count = table.header.cells.length;
  // Tasks written as list items ("- Study …") get their dash.
  const previousTask = rowIndex >= 0 ? table.rows[Math.min(rowIndex, table.rows.length - 1)]?.task?.raw : undefined;
  const dash = previousTask !== undefined && /^[-*+] /.test(previousTask) ? previousTask.slice(0, 2) : '';
  const cells: string[] = [];
  for (let k = 0; k < count; k++) {
    const role = roles[k];
    cells.push(role === 'day' ? label : role === 'start' || role === 'end' || role === 'date' ? text : role === 'task' ? dash : '');
  }
  return { cells, task: table.columns.task, date };
}

function roleByColumn(table: TaskTable): (ColumnRole | undefined)[] {
  const out: (ColumnRole | undefined)[] = table.header.cells.map(() => undefined);
  for (const [role, k] of Object.entries(table.columns) as [ColumnRole, number][]) out[k] = role;
  return out;
}

/** Column widths of a table that is laid out with aligned columns (so a new row can match), else undefined. */
function alignedWidths(page: WorklogPage, table: TaskTable): number[] | undefined {
  const lines: string[] = [];
  for (let l = table.span.start.line; l <= table.span.end.line; l++) lines.push(page.lineIndex.lineText(l));
  const formatted = formatTableLines(lines);
  if (!formatted || formatted.some((text, i) => text !== lines[i])) return undefined;
  return splitRow(lines[1]).cells.map((c) => c.raw.length);
}

/** A row's text with the cursor offset of cell `focus` (the start of its content). */
function renderRow(cells: readonly string[], widths: readonly number[] | undefined, focus: number | undefined): { text: string; focusAt?: number } {
  let text = '|';
  let focusAt: number | undefined;
  cells.forEach((c, k) => {
    text += ' ';
    if (k === focus) focusAt = text.length + c.length;
    const width = widths?.[k];
    text += width !== undefined ? c + ' '.repeat(Math.max(0, width - displayWidth(c))) : c;
    text += ' |';
  });
  return { text, focusAt };
}

/** The snippet of a new row: tab stops in the task cell (first) and the reference cell (last). */
function rowSnippet(cells: readonly string[], table: TaskTable): string {
  const escape = (s: string): string => s.replace(/[$}\\]/g, (c) => `\\${c}`);
  const parts = cells.map((c, k) => {
    if (k === table.columns.task) return `${escape(c)}$1`;
    if (k === table.columns.reference) return `${escape(c)}$0`;
    return escape(c);
  });
  const hasEnd = table.columns.reference !== undefined;
  return `| ${parts.join(' | ')} |${hasEnd ? '' : '$0'}`;
}

// -----------------------------------------------------------------------------------------------------------------
// Where the cursor is

interface CellContext {
  readonly table: TaskTable;
  /** The row at the cursor (undefined on a line below the table that is not part of it). */
  readonly row?: TaskRow;
  /** The index of the row above a new row: the row after which one would be added. */
  readonly rowIndex: number;
  readonly split: SplitRow;
  readonly cell?: number;
  /** The cursor's line is a new, empty row (only pipes and spaces) or an empty line right below the table. */
  readonly newRow: boolean;
}

function locate(page: WorklogPage, position: Position): CellContext | undefined {
  const line = position.line;
  if (line < 0 || line >= page.lineCount) return undefined;
  const text = page.lineIndex.lineText(line);
  for (const table of page.tables) {
    const first = table.header.line + 2;
    const last = table.span.end.line;
    if (line < first || line > last + 1) continue;
    const split = splitRow(text);
    const blank = /^[\s|]*$/.test(text);
    if (line === last + 1) {
      // Right below the table: an empty line, or a row being started ("|", "| ").
      if (!blank) return undefined;
      return { table, rowIndex: table.rows.length - 1, split, cell: text.includes('|') ? cellIndexAt(split, position.character) : undefined, newRow: true };
    }
    const index = table.rows.findIndex((r) => r.line === line);
    if (index < 0) return undefined;
    const row = table.rows[index];
    return { table, row, rowIndex: index - 1, split, cell: cellIndexAt(split, position.character), newRow: blank && index === table.rows.length - 1 };
  }
  return undefined;
}

/** The span a completion in the cursor's cell replaces: the cell's content, or an empty span at the cursor. */
function cellSpan(ctx: CellContext, line: number, character: number): Span {
  const c = ctx.cell === undefined ? undefined : ctx.split.cells[ctx.cell];
  if (!c || c.raw === '') return { start: { line, character }, end: { line, character } };
  return { start: { line, character: Math.min(c.start, character) }, end: { line, character: Math.max(c.end, character) } };
}

/** Completions at a position of a task table of a worklog page. */
export function completionsAt(input: CompletionInput): WorklogCompletion[] {
  const { page, analysis, settings, position } = input;
  const ctx = locate(page, position);
  if (!ctx) return [];
  const out: WorklogCompletion[] = [];
  const lineText = page.lineIndex.lineText(position.line);
  const language = page.language ?? 'en';
  if (ctx.newRow) {
    const { cells, date } = nextRowCells(page, analysis, settings, ctx.table, ctx.rowIndex, input.today);
    const plain = renderRow(cells, undefined, undefined).text;
    const weekday = date ? weekdayName(isoWeekday(date), language) : undefined;
    out.push({
      kind: 'row',
      label: t('New task row: {0}', cells.filter((c) => c !== '' && !/^[-*+]$/.test(c.trim())).join(' · ')),
      description: weekday,
      detail: plain,
      span: { start: { line: position.line, character: 0 }, end: { line: position.line, character: lineText.length } },
      insertText: rowSnippet(cells, ctx.table),
      snippet: true,
      filterText: lineText.trim() === '' ? plain : `${lineText.trimEnd()}${plain.slice(lineText.trimEnd().length)}`,
      sortText: '0',
      preselect: true,
    });
  }
  if (ctx.cell === undefined) return out;
  const role = roleByColumn(ctx.table)[ctx.cell];
  const before = lineText[position.character - 1];
  const lead = before === '|' ? ' ' : '';
  const span = cellSpan(ctx, position.line, position.character);
  if (role === 'start' || role === 'end' || role === 'date') {
    out.push(...dateItems(input, ctx, role, span, lead));
  } else if (role === 'day') {
    out.push(...dayItems(input, ctx, span, lead));
  }
  return out;
}

function dateItems(input: CompletionInput, ctx: CellContext, role: 'start' | 'end' | 'date', span: Span, lead: string): WorklogCompletion[] {
  const { page, analysis, settings } = input;
  const write = dateWriter(analysis, settings);
  const convention = numericConvention(analysis, settings, page.language);
  const before = previousDate(analysis, convention, ctx.table, ctx.rowIndex);
  const days = weekDays(analysis, before ?? analysis.frontMatterDate?.date ?? input.today);
  if (days.length === 0) return [];
  const likely = mostLikelyDate(page, analysis, settings, ctx, role, days, convention, input.today);
  const language = page.language ?? 'en';
  return days.map((d, i) => {
    const text = write(d);
    const weekday = weekdayName(isoWeekday(d), language);
    return {
      kind: 'date' as const,
      label: text,
      description: weekday,
      detail: t('{0}, {1}', weekday, d.toString()),
      span,
      insertText: lead + text,
      snippet: false,
      filterText: text,
      sortText: String(i),
      preselect: likely !== undefined && compare(likely, d) === 0,
    };
  });
}

function mostLikelyDate(page: WorklogPage, analysis: PageAnalysis, settings: WorklogSettings, ctx: CellContext, role: 'start' | 'end' | 'date', days: readonly CalendarDate[], convention: NumericConvention, today?: CalendarDate): CalendarDate | undefined {
  // A completion date is most often the day the task started.
  if (role === 'end' && ctx.row) {
    const start = startOf(analysis, ctx.row);
    if (start) return start;
  }
  const named = firstWeekday(ctx.row?.day, convention);
  if (named !== undefined) {
    const d = days.find((x) => isoWeekday(x) === named);
    if (d) return d;
  }
  const next = nextRowDate(page, analysis, settings, ctx.table, ctx.rowIndex, today);
  if (next && days.some((d) => compare(d, next) === 0)) return next;
  return undefined;
}

function dayItems(input: CompletionInput, ctx: CellContext, span: Span, lead: string): WorklogCompletion[] {
  const { page, analysis, settings } = input;
  const language = page.language ?? 'en';
  const items: { label: string; why: string; date?: CalendarDate }[] = [];
  // A row that has its date already: the label of that day first.
  const rowDate = ctx.row ? startOf(analysis, ctx.row) : undefined;
  if (rowDate) items.push({ label: nextRowLabel(page, analysis, settings, ctx.table, ctx.rowIndex, rowDate), why: t('The day of {0}', dateWriter(analysis, settings)(rowDate)), date: rowDate });
  const nextDate = nextRowDate(page, analysis, settings, ctx.table, ctx.rowIndex, input.today);
  const next = nextRowLabel(page, analysis, settings, ctx.table, ctx.rowIndex, nextDate);
  if (!items.some((i) => i.label === next)) items.push({ label: next, why: t('The day after the row above'), date: nextDate });
  return items.map((item, i) => ({
    kind: 'day' as const,
    label: item.label,
    description: item.date ? weekdayName(isoWeekday(item.date), language) : undefined,
    detail: item.why,
    span,
    insertText: lead + item.label,
    snippet: false,
    filterText: item.label,
    sortText: String(i),
    preselect: i === 0,
  }));
}

// -----------------------------------------------------------------------------------------------------------------
// Add Task Row

export interface AddRowPlan {
  /** One insertion: the new row on its own line. */
  readonly edit: TextEdit;
  /** Where the cursor goes: the task cell of the new row. */
  readonly cursor: Position;
}

/**
 * Plans Add Task Row: a row inserted after the cursor's row (or at the end of the table the cursor is in, or of the
 * nearest task table above it), for the working day after the previous row's date, with the page's date format and
 * day-label convention. Undefined when the page has no task table.
 */
export function planAddTaskRow(page: WorklogPage, analysis: PageAnalysis, settings: WorklogSettings, position: Position, today?: CalendarDate): AddRowPlan | undefined {
  if (page.tables.length === 0) return undefined;
  const line = position.line;
  const table = page.tables.find((tb) => line >= tb.span.start.line && line <= tb.span.end.line)
    ?? [...page.tables].reverse().find((tb) => tb.span.end.line < line)
    ?? page.tables[0];
  const at = table.rows.findIndex((r) => r.line === line);
  const rowIndex = at >= 0 ? at : table.rows.length - 1;
  const afterLine = rowIndex >= 0 ? table.rows[rowIndex].line : table.delimiter.line;
  const { cells, task } = nextRowCells(page, analysis, settings, table, rowIndex, today);
  const { text, focusAt } = renderRow(cells, alignedWidths(page, table), task);
  const end = page.lineIndex.lineText(afterLine).length;
  return {
    edit: { span: { start: { line: afterLine, character: end }, end: { line: afterLine, character: end } }, newText: page.eol + text },
    cursor: { line: afterLine + 1, character: focusAt ?? 2 },
  };
}
