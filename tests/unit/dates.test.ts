import { describe, expect, test } from 'vitest';
import {
  formatDisplayDate,
  formatMonthYear,
  getCalendarParts,
  parseContentDate,
  suggestCalendarDate,
  toIsoCalendarDate,
  toIsoDateTime,
  zonedTimeToInstant,
} from '../../src/lib/dates.ts';

describe('zonedTimeToInstant', () => {
  test('midnight in London in winter is midnight UTC', () => {
    expect(zonedTimeToInstant(2025, 1, 15, 'Europe/London').toISOString()).toBe('2025-01-15T00:00:00.000Z');
  });

  test('midnight in London in summer is 23:00 UTC the day before', () => {
    expect(zonedTimeToInstant(2025, 5, 22, 'Europe/London').toISOString()).toBe('2025-05-21T23:00:00.000Z');
  });

  test('handles zones far from UTC on both sides', () => {
    expect(zonedTimeToInstant(2025, 5, 22, 'Pacific/Kiritimati').toISOString()).toBe('2025-05-21T10:00:00.000Z');
    expect(zonedTimeToInstant(2025, 5, 22, 'Pacific/Pago_Pago').toISOString()).toBe('2025-05-22T11:00:00.000Z');
  });

  test('is right on the day clocks change', () => {
    expect(zonedTimeToInstant(2025, 3, 30, 'Europe/London', 12).toISOString()).toBe('2025-03-30T11:00:00.000Z');
    expect(zonedTimeToInstant(2025, 10, 26, 'Europe/London', 12).toISOString()).toBe('2025-10-26T12:00:00.000Z');
  });
});

describe('parseContentDate', () => {
  test('reads a YAML date (midnight UTC) as that calendar date in the site zone', () => {
    const yamlDate = new Date('2025-05-22T00:00:00.000Z');
    const parsed = parseContentDate(yamlDate, 'Europe/London')!;
    expect(toIsoCalendarDate(parsed, 'Europe/London')).toBe('2025-05-22');
    expect(parsed.toISOString()).toBe('2025-05-21T23:00:00.000Z');
  });

  test('reads a date string without a time as a calendar date in the site zone', () => {
    const parsed = parseContentDate('2024-09-10', 'America/New_York')!;
    expect(toIsoCalendarDate(parsed, 'America/New_York')).toBe('2024-09-10');
  });

  test('reads a date-time without an offset as wall-clock time in the site zone', () => {
    expect(parseContentDate('2025-07-01T09:30', 'Europe/London')!.toISOString()).toBe('2025-07-01T08:30:00.000Z');
  });

  test('keeps a date-time with an offset as that instant', () => {
    expect(parseContentDate('2024-09-12T18:30:00+01:00', 'Asia/Tokyo')!.toISOString()).toBe('2024-09-12T17:30:00.000Z');
    expect(parseContentDate(new Date('2024-09-12T17:30:00Z'), 'Asia/Tokyo')!.toISOString()).toBe(
      '2024-09-12T17:30:00.000Z',
    );
  });

  test('rejects dates that do not exist and text that is not a date', () => {
    expect(parseContentDate('2026-02-31', 'Europe/London')).toBeNull();
    expect(parseContentDate('2026-02-30T10:00:00Z', 'Europe/London')).toBeNull();
    expect(parseContentDate('31/02/2026', 'Europe/London')).toBeNull();
    expect(parseContentDate('2025-13-01', 'Europe/London')).toBeNull();
    expect(parseContentDate('yesterday', 'Europe/London')).toBeNull();
    expect(parseContentDate(20250522, 'Europe/London')).toBeNull();
    expect(parseContentDate(new Date('nonsense'), 'Europe/London')).toBeNull();
  });
});

describe('display helpers', () => {
  const date = zonedTimeToInstant(2025, 5, 22, 'Europe/London');

  test('formatDisplayDate shows the calendar date of the site zone, whatever the machine zone', () => {
    expect(formatDisplayDate(date, 'en-GB', 'Europe/London')).toBe('22 May 2025');
    // The same instant is still 21 May in UTC: the zone argument, not the machine, decides.
    expect(formatDisplayDate(date, 'en-GB', 'UTC')).toBe('21 May 2025');
  });

  test('getCalendarParts gives year, month and day in the zone', () => {
    expect(getCalendarParts(date, 'Europe/London')).toEqual({ year: 2025, month: 5, day: 22 });
  });

  test('formatMonthYear names a month', () => {
    expect(formatMonthYear(2024, 9, 'en-GB')).toBe('September 2024');
  });
});

describe('suggestCalendarDate', () => {
  test('turns an impossible day into the last day of that month', () => {
    expect(suggestCalendarDate('31/02/2026')).toBe('2026-02-28');
    expect(suggestCalendarDate('2024-02-30')).toBe('2024-02-29');
  });

  test('reorders a day-first date', () => {
    expect(suggestCalendarDate('9.3.2024')).toBe('2024-03-09');
  });

  test('offers both readings of a date whose day and month could each be either, and the only one otherwise', () => {
    expect(suggestCalendarDate('01/02/2024')).toBe(
      '2024-02-01 (day first, as in Britain) or 2024-01-02 (month first, as in the US)',
    );
    expect(suggestCalendarDate('3-4-2024')).toBe(
      '2024-04-03 (day first, as in Britain) or 2024-03-04 (month first, as in the US)',
    );
    expect(suggestCalendarDate('12/13/2024')).toBe('2024-12-13');
    expect(suggestCalendarDate('20/06/2024')).toBe('2024-06-20');
    expect(suggestCalendarDate('05/05/2024')).toBe('2024-05-05');
  });

  test('reads year-first dates with other marks, CJK dates, full-width digits, and keeps a time', () => {
    expect(suggestCalendarDate('2024/06/20')).toBe('2024-06-20');
    expect(suggestCalendarDate('2024.6.20')).toBe('2024-06-20');
    expect(suggestCalendarDate('2024年6月20日')).toBe('2024-06-20');
    expect(suggestCalendarDate('２０２４-０６-２０')).toBe('2024-06-20');
    expect(suggestCalendarDate('2024-06-20T9:30')).toBe('2024-06-20T09:30');
    expect(suggestCalendarDate('2024/06/20, 09:30')).toBe('2024-06-20T09:30');
    expect(suggestCalendarDate('2024-06-20T25:00')).toBe('2024-06-20');
  });

  test('suggests nothing for text that is not date-like', () => {
    expect(suggestCalendarDate('soon')).toBeUndefined();
    expect(suggestCalendarDate('2024-13-01')).toBeUndefined();
  });
});

describe('toIsoDateTime', () => {
  test('writes wall-clock time in the zone with its offset, summer and winter', () => {
    expect(toIsoDateTime(new Date('2025-05-21T23:00:00Z'), 'Europe/London')).toBe('2025-05-22T00:00:00+01:00');
    expect(toIsoDateTime(new Date('2025-01-15T09:30:05Z'), 'Europe/London')).toBe('2025-01-15T09:30:05+00:00');
  });

  test('handles negative and half-hour offsets, and names the same instant', () => {
    const instant = new Date('2025-05-22T11:00:00Z');
    expect(toIsoDateTime(instant, 'Pacific/Pago_Pago')).toBe('2025-05-22T00:00:00-11:00');
    expect(toIsoDateTime(instant, 'Asia/Kolkata')).toBe('2025-05-22T16:30:00+05:30');
    expect(new Date(toIsoDateTime(instant, 'Asia/Kolkata')).getTime()).toBe(instant.getTime());
  });
});
