/** Calendar dates and instants, always interpreted in the site's time zone, never the build machine's. */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

interface CalendarParts {
  year: number;
  month: number;
  day: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function getPartsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function getZonedParts(date: Date, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of getPartsFormatter(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

/** Offset of `timeZone` from UTC at `date`, in milliseconds (positive east of Greenwich). */
function getOffsetMs(date: Date, timeZone: string): number {
  const p = getZonedParts(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` reads the given date and time. */
export function zonedTimeToInstant(
  year: number,
  month: number,
  day: number,
  timeZone: string,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const firstGuess = wallAsUtc - getOffsetMs(new Date(wallAsUtc), timeZone);
  // Re-check at the guess: the offset differs when a DST change lies between the two.
  const secondGuess = wallAsUtc - getOffsetMs(new Date(firstGuess), timeZone);
  return new Date(secondGuess);
}

/** Whether year-month-day is a date on the calendar (no 30 February). */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/**
 * Reads a frontmatter date. A date without a time ("2025-05-22", or the Date that YAML makes of it,
 * which is midnight UTC) is a calendar date in `timeZone`; a date-time without an offset is wall-clock
 * time in `timeZone`; a date-time with an offset is that instant. Returns null when it is not a real date.
 */
export function parseContentDate(value: unknown, timeZone: string): Date | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const isBareYamlDate =
      value.getUTCHours() === 0 &&
      value.getUTCMinutes() === 0 &&
      value.getUTCSeconds() === 0 &&
      value.getUTCMilliseconds() === 0;
    if (!isBareYamlDate) return value;
    return zonedTimeToInstant(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), timeZone);
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1).map(Number) as [number, number, number];
    return isValidCalendarDate(year, month, day) ? zonedTimeToInstant(year, month, day, timeZone) : null;
  }
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) {
    const [year, month, day, hour, minute, second = 0] = local.slice(1).map((n) => Number(n ?? 0)) as number[];
    if (!isValidCalendarDate(year!, month!, day!) || hour! > 23 || minute! > 59 || second > 59) return null;
    return zonedTimeToInstant(year!, month!, day!, timeZone, hour, minute, second);
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return null;
  const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})/.exec(text)!.map(Number) as number[];
  if (!isValidCalendarDate(y!, m!, d!)) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** The calendar date that `date` falls on in `timeZone`. */
export function getCalendarParts(date: Date, timeZone: string): CalendarParts {
  const { year, month, day } = getZonedParts(date, timeZone);
  return { year, month, day };
}

/** "2025-05-22": the calendar date in `timeZone`, for `<time datetime>` and sitemaps. */
export function toIsoCalendarDate(date: Date, timeZone: string): string {
  const { year, month, day } = getCalendarParts(date, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * "2025-05-22T00:00:00+01:00": the instant as wall-clock time in `timeZone` with its offset, for
 * structured data, where a reader of the JSON sees the same calendar date as the page shows.
 */
export function toIsoDateTime(date: Date, timeZone: string): string {
  const p = getZonedParts(date, timeZone);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const offsetMinutes = Math.round(getOffsetMs(date, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offset}`;
}

/** "22 May 2025" in the site's locale and time zone. */
export function formatDisplayDate(date: Date, locale: string, timeZone: string): string {
  // Making a formatter costs far more than using one, and every page shows dates.
  const key = `${locale}|${timeZone}`;
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
    displayFormatters.set(key, formatter);
  }
  return formatter.format(date);
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/** "May 2025": the label of an archive month. */
export function formatMonthYear(year: number, month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

/**
 * A real calendar date close to what an editor wrote, for error messages: "31/02/2026" and
 * "2026-02-31" both suggest "2026-02-28". Reads year-first dates with any of the usual marks
 * ("2024/06/20", "2024.6.20", "2024年6月20日", full-width digits), day-first ones ("20.06.2024",
 * "20/06/2024"), and keeps a time written after the date ("2024-06-20T9:30" → "2024-06-20T09:30").
 * A date with slashes or hyphens whose day and month could each be either ("01/02/2024") is
 * 1 February in Britain and 2 January in the US: both are offered, the day-first one first, so
 * the suggestion never picks a wrong date for the editor. Returns undefined when nothing
 * date-like can be read.
 */
export function suggestCalendarDate(text: string): string | undefined {
  const trimmed = text.normalize('NFKC').trim();
  const yearFirst = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/.exec(trimmed);
  const dayFirst = /^(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4})(?!\d)/.exec(trimmed);
  const match = yearFirst ?? dayFirst;
  if (!match) return undefined;
  const [year, month, day] = yearFirst
    ? [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])]
    : [Number(dayFirst![4]), Number(dayFirst![3]), Number(dayFirst![1])];
  const time = /^[\sT,]*(\d{1,2}):(\d{2})(?!\d)/.exec(trimmed.slice(match[0].length));
  const pad = (n: number) => String(n).padStart(2, '0');
  const at = time && Number(time[1]) < 24 && Number(time[2]) < 60 ? `T${pad(Number(time[1]))}:${time[2]}` : '';
  const write = (y: number, m: number, d: number) => {
    if (m < 1 || m > 12 || d < 1) return undefined;
    return `${y}-${pad(m)}-${pad(Math.min(d, new Date(Date.UTC(y, m, 0)).getUTCDate()))}${at}`;
  };
  const suggestion = write(year, month, day);
  // A dot is written day first everywhere (9.3.2024); "/" and "-" are day first or month first
  // (12/13/2024 can only be month first).
  if (dayFirst && dayFirst[2] !== '.' && !suggestion) return write(year, day, month);
  if (suggestion && dayFirst && dayFirst[2] !== '.' && day <= 12 && day !== month) {
    return `${suggestion} (day first, as in Britain) or ${write(year, day, month)!} (month first, as in the US)`;
  }
  return suggestion;
}
