// Calendar arithmetic the rules rely on: which days exist, which weekday a date is, ISO weeks around New Year.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { addDays, daysBetween, isoWeek, isoWeekday, makeDate, mondayOf, parseIsoDate, sameDay, toIso } from '../../src/core/calendar';

function day(iso: string) {
  const d = parseIsoDate(iso);
  assert.ok(d, `${iso} should be a date`);
  return d;
}

describe('core calendar', () => {
  describe('makeDate', () => {
    it('rejects days that do not exist instead of rolling them over', () => {
      assert.equal(makeDate(2025, 4, 31), undefined, '31 April');
      assert.equal(makeDate(2025, 2, 29), undefined, '29 February 2025 (not a leap year)');
      assert.equal(makeDate(2025, 2, 30), undefined, '30 February');
      assert.equal(makeDate(2025, 9, 31), undefined, '31 September');
      assert.equal(makeDate(1900, 2, 29), undefined, '1900 is not a leap year');
    });

    it('accepts real days, leap days included', () => {
      assert.equal(makeDate(2024, 2, 29)?.toString(), '2024-02-29');
      assert.equal(makeDate(2000, 2, 29)?.toString(), '2000-02-29');
      assert.equal(makeDate(2025, 12, 31)?.toString(), '2025-12-31');
      assert.equal(makeDate(2025, 1, 1)?.toString(), '2025-01-01');
    });

    it('rejects months and days out of range and non-integers', () => {
      assert.equal(makeDate(2025, 13, 1), undefined);
      assert.equal(makeDate(2025, 0, 10), undefined);
      assert.equal(makeDate(2025, 10, 0), undefined);
      assert.equal(makeDate(2025, 10, 32), undefined);
      assert.equal(makeDate(2025, 10.5, 1), undefined);
      assert.equal(makeDate(Number.NaN, 1, 1), undefined);
    });
  });

  describe('isoWeekday', () => {
    it('numbers Monday 1 … Sunday 7', () => {
      assert.equal(isoWeekday(day('2025-10-06')), 1);
      assert.equal(isoWeekday(day('2025-10-09')), 4);
      assert.equal(isoWeekday(day('2025-10-11')), 6);
      assert.equal(isoWeekday(day('2025-10-12')), 7);
      assert.equal(isoWeekday(day('2024-02-29')), 4);
      assert.equal(isoWeekday(day('2026-01-01')), 4);
    });
  });

  describe('isoWeek', () => {
    it('gives the week and the year of its Thursday across New Year', () => {
      assert.deepEqual(isoWeek(day('2024-12-30')), { year: 2025, week: 1 }, 'Monday 30 Dec 2024 is in week 1 of 2025');
      assert.deepEqual(isoWeek(day('2025-12-29')), { year: 2026, week: 1 });
      assert.deepEqual(isoWeek(day('2021-01-03')), { year: 2020, week: 53 }, 'Sunday 3 Jan 2021 closes week 53 of 2020');
      assert.deepEqual(isoWeek(day('2027-01-01')), { year: 2026, week: 53 });
      assert.deepEqual(isoWeek(day('2026-01-01')), { year: 2026, week: 1 });
      assert.deepEqual(isoWeek(day('2025-10-06')), { year: 2025, week: 41 });
      assert.deepEqual(isoWeek(day('2025-10-12')), { year: 2025, week: 41 });
    });
  });

  describe('day arithmetic', () => {
    it('adds days across months and years, and counts days between dates', () => {
      assert.equal(toIso(addDays(day('2025-12-29'), 7)), '2026-01-05');
      assert.equal(toIso(addDays(day('2024-02-28'), 1)), '2024-02-29');
      assert.equal(toIso(addDays(day('2025-03-01'), -1)), '2025-02-28');
      assert.equal(daysBetween(day('2025-09-08'), day('2025-11-10')), 63);
      assert.equal(daysBetween(day('2025-11-10'), day('2025-09-08')), -63);
    });

    it('finds the Monday of a week (a Sunday belongs to the week before it)', () => {
      assert.equal(toIso(mondayOf(day('2025-10-12'))), '2025-10-06');
      assert.equal(toIso(mondayOf(day('2025-10-06'))), '2025-10-06');
      assert.equal(toIso(mondayOf(day('2026-01-01'))), '2025-12-29');
    });
  });

  describe('parseIsoDate', () => {
    it('reads YYYY-MM-DD and keeps the written day when a time and zone follow', () => {
      assert.equal(toIso(day('2025-10-06')), '2025-10-06');
      // Never converted through a time zone: 23:30 at UTC−10 is still the 6th as written.
      assert.equal(toIso(day('2025-10-06T23:30:00-10:00')), '2025-10-06');
      assert.equal(toIso(day('2025-10-06T00:15:00+14:00')), '2025-10-06');
      assert.equal(toIso(day('2025-10-06 09:00')), '2025-10-06');
    });

    it('refuses other shapes and days that do not exist', () => {
      assert.equal(parseIsoDate('2025-02-29'), undefined);
      assert.equal(parseIsoDate('2025-9-6'), undefined);
      assert.equal(parseIsoDate('06/10/2025'), undefined);
      assert.equal(parseIsoDate('2025-10-06x'), undefined);
      assert.equal(parseIsoDate(''), undefined);
    });
  });

  it('sameDay agrees with the library comparing the dates (fields, not day counts)', () => {
    // Years 2 to 9998: a few days either way stays in the years ISO dates are written for (1 AD minus a day is BC).
    const date = fc.tuple(fc.integer({ min: 2, max: 9998 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
      .map(([y, m, d]) => makeDate(y, m, d))
      .filter((x) => x !== undefined);
    fc.assert(fc.property(date, date, fc.integer({ min: -3, max: 3 }), (a, b, shift) => {
      const near = addDays(a!, shift);
      assert.equal(sameDay(a!, b!), a!.compare(b!) === 0);
      assert.equal(sameDay(a!, near), shift === 0);
      assert.equal(sameDay(near, parseIsoDate(toIso(near))!), true);
    }), { numRuns: 2000, seed: 20261128 });
  });
});

