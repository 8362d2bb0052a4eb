/**
 * The format rules feeds are checked against (tools/bench/check-feeds.ts), stricter than feed readers,
 * which accept almost anything: a date that does not exist is an error here, not a guess.
 */
import parseSrcset from '@prettier/parse-srcset';
import { Parser } from 'htmlparser2';
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
 * relative URLs. Fragment-only links (#note), mailto:, tel: and data: are fine. A srcset is split
 * into candidates by the HTML standard's algorithm, so a comma inside a URL stays in it.
 */
export function findRelativeUrls(html: string): string[] {
  const relative: string[] = [];
  for (const match of html.matchAll(URL_ATTRIBUTE)) {
    const attribute = match[1]!.toLowerCase();
    const value = match[2] ?? match[3] ?? '';
    const urls = attribute === 'srcset' ? (srcsetUrls(value) ?? [value]) : [value];
    for (const url of urls) {
      if (url === '' || url.startsWith('#') || /^(mailto|tel|data):/i.test(url)) continue;
      if (!isAbsoluteHttpUrl(url)) relative.push(url);
    }
  }
  return relative;
}

/** The candidate URLs of a srcset, by the HTML standard's algorithm; undefined when it does not parse. */
function srcsetUrls(value: string): string[] | undefined {
  try {
    return parseSrcset(value).map((candidate) => candidate.source.value);
  } catch {
    return undefined;
  }
}

/** Every srcset attribute in an HTML fragment, entities decoded. */
function findSrcsets(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onattribute(name, value) {
        if (name === 'srcset') found.push(value);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/**
 * The srcset candidates of a feed item's HTML that are not on its page: each must be absolute and
 * be one of the page's own candidates, resolved against `pageUrl`. This catches a srcset split at
 * the commas inside its URLs (https://cdn.example.com/fit=contain,width=320/a.jpg coming out as
 * "https://cdn.example.com/fit=contain" and a relative "width=320/a.jpg"). One line per problem.
 */
export function findSrcsetsNotOnPage(feedHtml: string, pageHtml: string, pageUrl: string): string[] {
  const onPage = new Set<string>();
  for (const srcset of findSrcsets(pageHtml)) {
    for (const url of srcsetUrls(srcset) ?? []) {
      try {
        onPage.add(new URL(url, pageUrl).href);
      } catch {
        onPage.add(url);
      }
    }
  }
  const problems: string[] = [];
  for (const srcset of findSrcsets(feedHtml)) {
    const urls = srcsetUrls(srcset);
    if (!urls) {
      problems.push(`srcset "${srcset}" is not a valid srcset`);
      continue;
    }
    for (const url of urls) {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) problems.push(`srcset candidate "${url}" has no scheme`);
      else if (!onPage.has(url)) problems.push(`srcset candidate "${url}" is not in the page's srcset`);
    }
  }
  return problems;
}
