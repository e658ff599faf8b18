// Dates and day labels as people write them in task tables.
import { CalendarDate, isoWeekday, makeDate } from './calendar';
import type { Cell, DateToken, DayLabel, DayMonthOrder, Position } from './model';

// A date-like run: two or three numbers joined by one repeated separator. Components up to 4 digits so that
// "011/09/2025" is seen (and reported) instead of being skipped. Bounded: no nested quantifiers.
const DATE_RE = /(?<![\d/.-])(\d{1,4})([/.-])(\d{1,4})(?:\2(\d{1,4}))?(?![\d]|[/.-]\d)/g;

/** The position `by` characters after `at` on its line (`at` itself for 0: positions are never changed, so shared). */
function shift(at: Position, by: number): Position {
  return by === 0 ? at : { line: at.line, character: at.character + by };
}

/** Finds the dates written in a cell (a cell may hold none, one, or a range). */
export function scanDates(cell: Cell): DateToken[] {
  const out: DateToken[] = [];
  if (cell.raw.length === 0 || cell.span.start.line !== cell.span.end.line) return out;
  const base = cell.span.start;
  DATE_RE.lastIndex = 0;
  // Indexes, not destructuring: every cell of every page comes through here, mostly before the code is optimised,
  // where destructuring and for…of over a fresh array run the iterator protocol (an object per step).
  for (let m = DATE_RE.exec(cell.raw); m; m = DATE_RE.exec(cell.raw)) {
    const whole = m[0];
    const a = m[1];
    const sep = m[2];
    const b = m[3];
    const c = m[4] as string | undefined;
    // A time (10.30) or a version number inside a longer text is not a date: require a plausible shape.
    if (c === undefined && (sep === '.' || a.length > 2 || b.length > 2)) continue;
    if (c !== undefined && a.length !== 4 && c.length !== 4 && c.length !== 2) continue;
    const parts: { text: string; value: number; span: { start: Position; end: Position } }[] = [];
    let at = m.index;
    for (let k = 0; k < 3; k++) {
      const text = k === 0 ? a : k === 1 ? b : c;
      if (text === undefined) break;
      const start = cell.raw.indexOf(text, at);
      parts.push({ text, value: Number(text), span: { start: shift(base, start), end: shift(base, start + text.length) } });
      at = start + text.length + 1;
    }
    // The date's span starts where its first number does and ends where its last one does.
    out.push({
      raw: whole,
      span: { start: parts[0].span.start, end: parts[parts.length - 1].span.end },
      parts,
      separator: sep as DateToken['separator'],
      // Year first, unless the year is last too and the first part is a zero-padded day ("0007/10/2025").
      shape: a.length === 4 && !(c?.length === 4 && a.startsWith('0')) ? 'ymd' : c === undefined ? 'xx' : 'xxy',
    });
  }
  return out;
}

/** Anything with calendar fields (a CalendarDate, or a day and month with a year filled in). */
export interface YMD {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface DateReading {
  readonly date?: CalendarDate;
  /** Why there is no date: a component with too many digits, or no such day. */
  readonly problem?: 'digits' | 'no-such-day' | 'no-year';
  readonly day?: number;
  readonly month?: number;
  readonly year?: number;
}

/** Reads a token under a day/month order; `year` fills in a date written without one. */
export function readDate(token: DateToken, order: DayMonthOrder, year?: number): DateReading {
  const p0 = token.parts[0];
  const p1 = token.parts[1];
  const p2 = token.parts[2] as DateToken['parts'][number] | undefined;
  let y: number | undefined;
  let mo: number;
  let d: number;
  let tooLong: boolean;
  if (token.shape === 'ymd') {
    y = p0.value;
    mo = p1.value;
    d = p2 ? p2.value : NaN;
    tooLong = p1.text.length > 2 || (p2 !== undefined && p2.text.length > 2);
  } else {
    d = order === 'dmy' ? p0.value : p1.value;
    mo = order === 'dmy' ? p1.value : p0.value;
    tooLong = p0.text.length > 2 || p1.text.length > 2;
    if (p2) y = p2.text.length === 2 ? 2000 + p2.value : p2.value;
    else y = year;
    if (p2 && p2.text.length !== 4 && p2.text.length !== 2) tooLong = true;
  }
  if (tooLong) return reading(undefined, 'digits', d, mo, y);
  if (y === undefined) {
    // Without a year, a real day/month still says something: use a leap year to judge the day.
    return reading(undefined, makeDate(2024, mo, d) ? 'no-year' : 'no-such-day', d, mo, undefined);
  }
  const date = makeDate(y, mo, d);
  return date ? reading(date, undefined, d, mo, y) : reading(undefined, 'no-such-day', d, mo, y);
}

/**
 * Every reading has the same fields, present or undefined: code that reads `.date` off thousands of readings stays
 * monomorphic in V8 (readings of several shapes made its optimised code bail out and be compiled again, measured).
 */
function reading(date: CalendarDate | undefined, problem: DateReading['problem'], day: number, month: number, year: number | undefined): DateReading {
  return { date, problem, day, month, year };
}

/** The written format of a token, e.g. `DD/MM/YYYY`, `YYYY-MM-DD`, `DD/MM`. */
export function formatOf(token: DateToken, order: DayMonthOrder): string {
  const s = token.separator;
  if (token.shape === 'ymd') return `YYYY${s}MM${s}DD`;
  const first = order === 'dmy' ? 'DD' : 'MM';
  const second = order === 'dmy' ? 'MM' : 'DD';
  if (token.shape === 'xx') return `${first}${s}${second}`;
  return `${first}${s}${second}${s}${token.parts[2].text.length === 2 ? 'YY' : 'YYYY'}`;
}

/** Writes a date in a format such as `DD/MM/YYYY`, `D/M/YYYY` or `YYYY-MM-DD`. */
export function writeDate(date: YMD, format: string): string {
  return format.replace(/YYYY|YY|MM|DD|M|D/g, (f) => {
    switch (f) {
      case 'YYYY': return String(date.year).padStart(4, '0');
      case 'YY': return String(date.year % 100).padStart(2, '0');
      case 'MM': return String(date.month).padStart(2, '0');
      case 'DD': return String(date.day).padStart(2, '0');
      case 'M': return String(date.month);
      default: return String(date.day);
    }
  });
}

/**
 * The format to write `date` in so it reads like `token` (same order, separator, padding and year length); used by
 * fixes so a corrected date looks like the one it replaces.
 */
export function writeLike(date: YMD, token: DateToken, order: DayMonthOrder): string {
  const s = token.separator;
  const pad = (n: number, text: string | undefined): string => (text !== undefined && text.length === 1 && n < 10 ? String(n) : String(n).padStart(2, '0'));
  if (token.shape === 'ymd') return `${date.year}${s}${pad(date.month, token.parts[1].text)}${s}${pad(date.day, token.parts[2]?.text)}`;
  const dayText = order === 'dmy' ? token.parts[0].text : token.parts[1].text;
  const monthText = order === 'dmy' ? token.parts[1].text : token.parts[0].text;
  const d = pad(date.day, dayText.length > 2 ? '00' : dayText);
  const m = pad(date.month, monthText.length > 2 ? '00' : monthText);
  const head = order === 'dmy' ? `${d}${s}${m}` : `${m}${s}${d}`;
  if (token.shape === 'xx') return head;
  const yearText = token.parts[2].text;
  return `${head}${s}${yearText.length === 2 ? String(date.year % 100).padStart(2, '0') : date.year}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Day labels

const EN_WEEKDAYS: Record<string, number> = {
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, weds: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
};

const VI_WORDS: Record<string, number> = { hai: 1, ba: 2, 'tư': 3, 'tu': 3, 'năm': 4, 'nam': 4, 'sáu': 5, 'sau': 5, 'bảy': 6, 'bay': 6 };

// Markup, escapes, entities, or white space other than single spaces inside, or at an end.
const NEEDS_PLAIN = /[<&[*_\\]|\s\s|[^\S ]|^\s|\s$/;

/** Strips Markdown emphasis and HTML from a cell's raw text. */
export function plainCellText(raw: string): string {
  // Most cells hold no markup and single spaces: nothing below would change them.
  return NEEDS_PLAIN.test(raw) ? stripMarkup(raw) : raw;
}

/**
 * plainCellText without the shortcut (exported for the test that proves the shortcut changes nothing). Each step runs
 * only when the text holds the character every match of its pattern starts with or contains (a replace that matches
 * nothing returns the text as it was).
 */
export function stripMarkup(raw: string): string {
  let s = raw;
  if (s.includes('<')) s = s.replace(/<br\s*\/?>/gi, ' ');
  if (s.includes('&')) s = s.replace(/&emsp;|&nbsp;|&ensp;/gi, ' ');
  if (s.includes('<')) s = s.replace(/<[^>]{0,200}>/g, '');
  if (s.includes('](')) s = s.replace(/\[([^\]]{0,300})\]\([^()\s]{0,500}(?:\s+"[^"]{0,200}")?\)/g, '$1');
  if (s.includes('*') || s.includes('_')) s = s.replace(/\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)/g, '');
  if (s.includes('\\|')) s = s.replace(/\\\|/g, '|');
  return s.replace(/\s+/g, ' ').trim();
}

const SHORT_NUMBER = /^\d{1,2}$/;

/**
 * Reads a day label: weekday names (Mon, Monday, Thứ 2, Thứ Hai, T2, CN, Chủ nhật) and ranges of them (`Mon - Wed`,
 * `2-3-4`, `7-Sun`), or plain numbers.
 */
export function readDayLabel(cell: Cell): DayLabel {
  // The most common label, a bare day number ("2"), reads the same as below without the string work.
  if (SHORT_NUMBER.test(cell.text)) return { kind: 'number', numbers: [Number(cell.text)], cell };
  const text = cell.text.normalize('NFC').toLowerCase().trim();
  if (text === '') return { kind: 'empty', cell };
  // A date in the day column ("02/05", "2025-10-06") is not a day label.
  if (/\d{1,4}\s*[/.]\s*\d{1,2}|\d{4}-\d{1,2}/.test(text)) return { kind: 'other', cell };
  // Split ranges and lists: "2-3-4", "mon - wed", "thứ 2, thứ 3", "7-sun", "2 → 6".
  const pieces = text.split(/\s*(?:[-–—~,&/→]|\bto\b|\bđến\b)\s*/u).filter((p) => p.length > 0);
  const weekdays: number[] = [];
  const numbers: number[] = [];
  let other = false;
  for (const piece of pieces) {
    const p = piece.replace(/[.:)(]/g, '').trim();
    let m: RegExpExecArray | null;
    if (/^\d{1,2}$/.test(p)) {
      numbers.push(Number(p));
      // In a range like "7-Sun" a bare number beside a weekday name is read the Vietnamese way (7 = Saturday).
    } else if ((m = /^(?:thứ|thu|t)\s*([2-8])$/u.exec(p))) {
      const n = Number(m[1]);
      weekdays.push(n === 8 ? 7 : n - 1);
    } else if ((m = /^(?:thứ|thu)\s+(\p{L}+)$/u.exec(p)) && VI_WORDS[m[1]] !== undefined) {
      weekdays.push(VI_WORDS[m[1]]);
    } else if (/^(?:cn|chủ nhật|chu nhat)$/u.test(p)) {
      weekdays.push(7);
    } else if (EN_WEEKDAYS[p] !== undefined) {
      weekdays.push(EN_WEEKDAYS[p]);
    } else if ((m = /^(?:day|ngày|ngay)\s*(\d{1,2})$/u.exec(p))) {
      numbers.push(Number(m[1]));
    } else {
      other = true;
    }
  }
  if (other || (weekdays.length === 0 && numbers.length === 0)) return { kind: 'other', cell, numbers };
  if (weekdays.length > 0 && numbers.length === 0) return { kind: 'weekday', weekdays, cell };
  if (weekdays.length > 0) {
    // Mixed numbers and names ("7-Sun", "2-CN"): the numbers follow the Thứ convention.
    const all = pieces.map((piece) => {
      const p = piece.replace(/[.:)(]/g, '').trim();
      return /^\d{1,2}$/.test(p) ? (Number(p) === 8 ? 7 : Number(p) - 1) : undefined;
    });
    const merged: number[] = [];
    let w = 0;
    for (const n of all) merged.push(n ?? weekdays[w++]);
    return merged.every((n) => n >= 1 && n <= 7) ? { kind: 'weekday', weekdays: merged, cell } : { kind: 'other', cell };
  }
  return { kind: 'number', numbers, cell };
}

export type NumericConvention = 'thu' | 'iso' | 'index';

/** The ISO weekday a number names under a convention (undefined for `index` or out of range). */
export function weekdayOfNumber(n: number, convention: NumericConvention): number | undefined {
  if (convention === 'thu') return n >= 2 && n <= 8 ? (n === 8 ? 7 : n - 1) : undefined;
  if (convention === 'iso') return n >= 1 && n <= 7 ? n : undefined;
  return undefined;
}

const EN_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const VI_NAMES = ['Thứ 2', 'Thứ 3', 'Thứ 4', 'Thứ 5', 'Thứ 6', 'Thứ 7', 'Chủ nhật'];

/** The weekday's name in a language (ISO weekday, 1 = Monday). */
export function weekdayName(weekday: number, language: 'en' | 'vi' = 'en'): string {
  return (language === 'vi' ? VI_NAMES : EN_NAMES)[weekday - 1] ?? String(weekday);
}

export function weekdayOf(date: CalendarDate): number {
  return isoWeekday(date);
}
