// Calendar dates without time: every date the engine handles is a day in the proleptic Gregorian calendar, never a
// moment in a time zone, so nothing here goes through UTC or the machine's local time.
import { CalendarDate, parseDate } from '@internationalized/date';

export { CalendarDate };

/** The date with these numbers, or undefined when no such day exists (31 April, 30 February, month 13). */
export function makeDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new CalendarDate(year, month, day);
  // CalendarDate clamps impossible days (31/04 → 30/04): a changed field means the day does not exist.
  return date.year === year && date.month === month && date.day === day ? date : undefined;
}

/**
 * The date's Julian day number (a count of days: 2000-01-01 is 2,451,545), from the date's own calendar. Windows and
 * weekdays are worked out on these numbers: plain integers, no date objects built on the way.
 */
export function dayNumber(date: CalendarDate): number {
  return date.calendar.toJulianDay(date);
}

/** The same day (both dates are Gregorian: the same era, year, month and day), without the library's day counting. */
export function sameDay(a: CalendarDate, b: CalendarDate): boolean {
  return a.day === b.day && a.month === b.month && a.year === b.year && a.era === b.era;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  return weekdayOfDayNumber(dayNumber(date));
}

/** ISO weekday of a Julian day number (day 0 was a Monday). */
export function weekdayOfDayNumber(n: number): number {
  return (((n % 7) + 7) % 7) + 1;
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return date.add({ days });
}

export function compare(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(a) - dayNumber(b);
}

/** YYYY-MM-DD. */
export function toIso(date: CalendarDate): string {
  return date.toString();
}

/** Parses exactly YYYY-MM-DD (optionally followed by a time, which is ignored); undefined when not a real day. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
  if (!m) return undefined;
  const date = makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return date && parseDate(date.toString());
}

/** ISO 8601 week number and its year. */
export function isoWeek(date: CalendarDate): { year: number; week: number } {
  // The ISO week belongs to the year of its Thursday.
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = new CalendarDate(thursday.year, 1, 1);
  return { year: thursday.year, week: Math.floor(daysBetween(jan1, thursday) / 7) + 1 };
}

/** The Monday on or before `date`. */
export function mondayOf(date: CalendarDate): CalendarDate {
  return addDays(date, 1 - isoWeekday(date));
}
