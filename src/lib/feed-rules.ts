/**
 * The format rules feeds are checked against (scripts/check-feeds.ts), stricter than feed readers,
 * which accept almost anything: a date that does not exist is an error here, not a guess.
 */
import { isValidCalendarDate } from './dates.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function isRealDateTime(year: number, month: number, day: number, hour: number, minute: number, second: number) {
  return isValidCalendarDate(year, month, day) && hour <= 23 && minute <= 59 && second <= 60; // 60: a leap second
}

const RFC_822 =
  /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|UT|Z|[+-]\d{4})$/;

/**
 * Whether `text` is an RFC 822 date-time as RSS 2.0 requires (with a four-digit year, as RFC 1123
 * and every reader expect): a real calendar date and time, and the weekday, when given, right for it.
 */
export function isRfc822Date(text: string): boolean {
  const match = RFC_822.exec(text);
  if (!match) return false;
  const [, weekday, day, month, year, hour, minute, second = '0'] = match;
  const monthNumber = MONTHS.indexOf(month!) + 1;
  if (!isRealDateTime(Number(year), monthNumber, Number(day), Number(hour), Number(minute), Number(second))) {
    return false;
  }
  if (weekday === undefined) return true;
  return WEEKDAYS[new Date(Date.UTC(Number(year), monthNumber - 1, Number(day))).getUTCDay()] === weekday;
}

const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** Whether `text` is an RFC 3339 date-time (Atom, JSON Feed): a real date and time, with a zone. */
export function isRfc3339Date(text: string): boolean {
  const match = RFC_3339.exec(text);
  if (!match) return false;
  const [, year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match.map((part) => Number(part ?? 0));
  return isRealDateTime(year!, month!, day!, hour!, minute!, second!) && offsetHours <= 23 && offsetMinutes <= 59;
}

/** Whether `url` is absolute, with the http or https scheme. */
export function isAbsoluteHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && url.startsWith(parsed.protocol);
  } catch {
    return false;
  }
}

const URL_ATTRIBUTE = /\s(href|src|srcset|poster)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/**
 * The links and sources in an HTML fragment that a feed reader could not resolve on its own:
 * relative URLs. Fragment-only links (#note) and mailto:/tel: links are fine.
 */
export function findRelativeUrls(html: string): string[] {
  const relative: string[] = [];
  for (const match of html.matchAll(URL_ATTRIBUTE)) {
    const attribute = match[1]!.toLowerCase();
    const value = match[2] ?? match[3] ?? '';
    const urls =
      attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!) : [value];
    for (const url of urls) {
      if (url === '' || url.startsWith('#') || /^(mailto|tel):/i.test(url)) continue;
      if (!isAbsoluteHttpUrl(url)) relative.push(url);
    }
  }
  return relative;
}
