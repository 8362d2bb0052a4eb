import { DOMParser, type Element } from '@xmldom/xmldom';
import { getTagKey } from '../slugs.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const BLOGGER_2018 = 'http://schemas.google.com/blogger/2018';
const APP = 'http://purl.org/atom/app#';
const THREAD = 'http://purl.org/syndication/thread/1.0';
const KIND_SCHEME = 'http://schemas.google.com/g/2005#kind';
const LABEL_SCHEME = 'http://www.blogger.com/atom/ns#';

export type BloggerFormat = 'takeout' | 'backup';

export interface BloggerAuthor {
  name: string;
  uri?: string | undefined;
}

export interface BloggerItem {
  id: string;
  kind: 'post' | 'page';
  title: string;
  html: string;
  published: string;
  updated?: string | undefined;
  draft: boolean;
  labels: string[];
  /** The path on the old blog, e.g. /2023/05/my-post.html or /p/about.html. */
  oldPath?: string | undefined;
  author: BloggerAuthor;
  /**
   * Set when the export gave no usable date and `published` was made up (from the old address's
   * year and month, or the day of the import): the day shown is not Blogger's.
   */
  dateGuessed?: boolean | undefined;
  /**
   * Set when nothing in the export dates the entry (no date, no old address): `published` is the
   * day of its first import (ParseOptions.undatedDays remembers it), and the entry is a draft.
   */
  datedByImport?: boolean | undefined;
}

export interface BloggerComment {
  id: string;
  /** The id of the post it belongs to. */
  postId: string;
  /** The id of the comment it answers, if any. */
  replyToId?: string | undefined;
  html: string;
  /**
   * When it was written (ISO 8601), or '' when the export gives no date a calendar has: the plan
   * then dates it by its post and reports it.
   */
  published: string;
  /** What was wrong with the comment's date, when `published` is ''. */
  dateProblem?: string | undefined;
  author: BloggerAuthor;
}

/**
 * The blog's own settings, from its settings entries (ids ending in .settings.BLOG_NAME,
 * .settings.BLOG_DESCRIPTION, .settings.BLOG_LOCALE, .settings.BLOG_TIME_ZONE, in both formats).
 * Absent when the export has no such entry or its value cannot be used.
 */
export interface BloggerSettings {
  title?: string | undefined;
  description?: string | undefined;
  /** A BCP 47 language tag (Blogger's `pt_BR` is returned as `pt-BR`). */
  language?: string | undefined;
  /** An IANA time zone name, e.g. America/Los_Angeles. */
  timeZone?: string | undefined;
}

export interface BloggerExport {
  format: BloggerFormat;
  blogTitle: string;
  settings: BloggerSettings;
  items: BloggerItem[];
  comments: BloggerComment[];
  /** Entries left out, with why: settings, templates, trashed or unpublished comments. */
  skipped: { id: string; reason: string }[];
  /** Entries that are damaged but did not stop the import (no date, say), with why. */
  problems: string[];
  /**
   * The blog's own host names ("myblog.blogspot.com", a custom domain), lowercased, from the
   * addresses of its entries and feed (`<link rel="alternate">`). Empty for a Takeout export, which
   * gives each entry's path alone.
   */
  hosts: string[];
}

/** The input is not a Blogger export, or is damaged; the message says which and what to do. */
export class BloggerImportError extends Error {
  override name = 'BloggerImportError';
}

const children = (parent: Element, ns: string, name: string): Element[] =>
  Array.from(parent.childNodes).filter(
    (node): node is Element =>
      node.nodeType === 1 && (node as Element).localName === name && (node as Element).namespaceURI === ns,
  );
const child = (parent: Element, ns: string, name: string) => children(parent, ns, name)[0];
const text = (parent: Element, ns: string, name: string) => child(parent, ns, name)?.textContent?.trim() ?? '';

function readAuthor(entry: Element): BloggerAuthor {
  const author = child(entry, ATOM, 'author');
  const name = author ? text(author, ATOM, 'name') : '';
  const uri = author ? text(author, ATOM, 'uri') : '';
  return { name: name || 'Anonymous', uri: /^https?:\/\//.test(uri) ? uri : undefined };
}

function pathOf(url: string): string | undefined {
  try {
    return new URL(url, 'https://blog.invalid').pathname;
  } catch {
    return undefined;
  }
}

/** The id of the entry a comment answers, from thr:in-reply-to or blogger:inReplyTo. */
function readReplyTo(entry: Element): string | undefined {
  const thread = child(entry, THREAD, 'in-reply-to');
  return thread?.getAttribute('ref') || text(entry, BLOGGER_2018, 'inReplyTo') || undefined;
}

/** The start of an entry's text, for a report line: tags dropped, at most 80 characters. */
function snippet(html: string): string {
  const plain = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 80 ? `${plain.slice(0, 79)}…` : plain;
}

/**
 * An export's date as the ISO 8601 text to write, or undefined when it names no day a calendar has
 * (empty, "yesterday", 2019-02-30). Blogger writes ISO 8601 (2021-03-05T23:30:00.000-08:00), kept as
 * written; another form a date parser reads (an RFC 2822 date from a hand-edited file) becomes
 * ISO 8601 in UTC, the same instant.
 */
export function readExportDate(value: string): string | undefined {
  const text = value.trim();
  if (!text || !Number.isFinite(Date.parse(text))) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)/.exec(text);
  if (!iso) return new Date(text).toISOString();
  // Date.parse rolls 30 February over into March; a calendar does not.
  const [year, month, day] = iso.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? text : undefined;
}

/** `published` and `updated` of an entry, each as readExportDate reads it, and what was wrong. */
function readDates(entry: Element): { published?: string; updated?: string; problem?: string } {
  const rawPublished = text(entry, ATOM, 'published');
  const rawUpdated = text(entry, ATOM, 'updated');
  const published = readExportDate(rawPublished);
  const updated = readExportDate(rawUpdated);
  const problem = published
    ? published !== rawPublished
      ? `its published date "${rawPublished}" is not written as Blogger writes dates; it is read as ${published}`
      : undefined
    : rawPublished
      ? `its published date "${rawPublished}" is not a date`
      : 'it has no published date';
  return {
    ...(published ? { published } : {}),
    ...(updated ? { updated } : {}),
    ...(problem ? { problem } : {}),
  };
}

/** The first of the month an old address names (/2021/03/x.html → 2021-03-01), if it names one. */
function monthOfOldPath(path: string | undefined): string | undefined {
  const match = /^\/(\d{4})\/(\d{2})\//.exec(path ?? '');
  return match && Number(match[2]) >= 1 && Number(match[2]) <= 12 ? `${match[1]}-${match[2]}-01` : undefined;
}

/** A language tag in its canonical BCP 47 form (`pt_BR` → `pt-BR`), or undefined if it is not one. */
export function toLanguageTag(locale: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(locale.trim().replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/** An IANA time zone name the runtime knows, or undefined. */
export function toTimeZone(zone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone.trim() });
    return zone.trim();
  } catch {
    return undefined;
  }
}

/** Reads one settings entry into `settings`; false when it is not one the import uses. */
function readSetting(id: string, value: string, settings: BloggerSettings): boolean {
  const name = /\.settings\.(\w+)$/.exec(id)?.[1];
  const content = value.trim();
  if (!content) return false;
  switch (name) {
    case 'BLOG_NAME':
      settings.title = content;
      return true;
    case 'BLOG_DESCRIPTION':
      settings.description = content;
      return true;
    case 'BLOG_LOCALE':
      settings.language = toLanguageTag(content);
      return settings.language !== undefined;
    case 'BLOG_TIME_ZONE':
      settings.timeZone = toTimeZone(content);
      return settings.timeZone !== undefined;
    default:
      return false;
  }
}

/** How an export is read beyond its own text. */
export interface ParseOptions {
  /** The day of the import (YYYY-MM-DD, UTC); today by default. */
  today?: string | undefined;
  /**
   * The day an earlier import gave each entry the export left with no date at all (no published
   * or updated date, no old address), by entry id: the entry keeps it, so a second import on
   * another day writes the same file (see BloggerItem.datedByImport).
   */
  undatedDays?: ReadonlyMap<string, string> | undefined;
}

/**
 * Reads a Blogger export: Google Takeout's feed.atom (blogger:type, blogger:status, blogger:filename,
 * blogger:parent) or the older "Back up content" file (Atom entries whose kind is a category,
 * thr:in-reply-to, app:draft). Throws BloggerImportError for anything else, or damaged XML.
 */
export function parseBloggerExport(xml: string, options: ParseOptions = {}): BloggerExport {
  let problem: string | undefined;
  let doc: ReturnType<DOMParser['parseFromString']> | undefined;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problem ??= message.split('\n')[0];
      },
    }).parseFromString(xml, 'text/xml');
  } catch (error) {
    // xmldom throws on fatal errors after reporting them.
    problem ??= (error as Error).message.split('\n')[0];
  }
  const root = doc?.documentElement;
  if (!xml.trim()) {
    throw new BloggerImportError(
      'the file is empty: the download stopped before anything was saved. Download the export again.',
    );
  }
  if (problem || !root) {
    throw new BloggerImportError(
      `the file is not well-formed XML (${problem ?? 'empty'}); it may be truncated. Download the export again.`,
    );
  }
  if (root.localName !== 'feed' || root.namespaceURI !== ATOM) {
    throw new BloggerImportError(
      `this is not a Blogger export: it should be an Atom <feed>, but it starts with <${root.tagName}>. Use feed.atom from Google Takeout (Blogger) or the .xml from Blogger's Settings > Back up content.`,
    );
  }
  const entries = children(root, ATOM, 'entry');
  const isTakeout = entries.some((entry) => child(entry, BLOGGER_2018, 'type'));
  const isBackup = entries.some((entry) =>
    children(entry, ATOM, 'category').some((c) => c.getAttribute('scheme') === KIND_SCHEME),
  );
  if (!isTakeout && !isBackup) {
    throw new BloggerImportError(
      'this Atom feed has no Blogger entries (no blogger:type and no Blogger kind categories); is it a Blogger export?',
    );
  }
  const result: BloggerExport = {
    format: isTakeout ? 'takeout' : 'backup',
    blogTitle: text(root, ATOM, 'title'),
    settings: {},
    items: [],
    comments: [],
    skipped: [],
    problems: [],
    hosts: [],
  };
  const hosts = new Set<string>();
  for (const link of [root, ...entries].flatMap((element) => children(element, ATOM, 'link'))) {
    const href = link.getAttribute('rel') === 'alternate' ? link.getAttribute('href') : null;
    if (!href || !URL.canParse(href)) continue;
    const url = new URL(href);
    if (url.protocol === 'http:' || url.protocol === 'https:') hosts.add(url.hostname.toLowerCase());
  }
  result.hosts = [...hosts].sort();

  entries.forEach((entry, index) => {
    const id = text(entry, ATOM, 'id');
    let kind: string;
    let status: string;
    if (isTakeout) {
      kind = text(entry, BLOGGER_2018, 'type').toLowerCase();
      status = text(entry, BLOGGER_2018, 'status').toUpperCase() || 'LIVE';
    } else {
      const term =
        children(entry, ATOM, 'category')
          .find((c) => c.getAttribute('scheme') === KIND_SCHEME)
          ?.getAttribute('term') ?? '';
      kind = term.slice(term.lastIndexOf('#') + 1);
      const control = child(entry, APP, 'control') ?? child(entry, 'http://www.w3.org/2007/app', 'control');
      const draft = control ? text(control, APP, 'draft') || text(control, 'http://www.w3.org/2007/app', 'draft') : '';
      status = draft === 'yes' ? 'DRAFT' : 'LIVE';
    }
    if (kind === 'settings' && readSetting(id, child(entry, ATOM, 'content')?.textContent ?? '', result.settings)) {
      return;
    }
    if (kind !== 'post' && kind !== 'page' && kind !== 'comment') {
      result.skipped.push({
        id: id || `entry ${index + 1}`,
        reason: `a ${kind || 'non-content'} entry (blog settings or template)`,
      });
      return;
    }
    // A post or page Blogger was to publish later keeps its date: the site, too, hides an entry dated
    // in the future until a build on or after that day.
    const scheduled = status === 'SCHEDULED' && kind !== 'comment';
    if (scheduled) status = 'LIVE';
    if (status !== 'LIVE' && status !== 'DRAFT') {
      result.skipped.push({ id, reason: `a ${kind} with status ${status} (deleted or in the bin)` });
      return;
    }
    const dates = readDates(entry);
    const html = child(entry, ATOM, 'content')?.textContent ?? '';
    // One damaged entry never stops the import: what can be mended is, and every mend is reported.
    const entryId = id || `entry-without-id-${index + 1}`;
    if (kind === 'comment') {
      if (status !== 'LIVE') {
        result.skipped.push({ id: entryId, reason: 'a comment that was never published' });
        return;
      }
      const postId = isTakeout
        ? text(entry, BLOGGER_2018, 'parent')
        : (children(entry, THREAD, 'in-reply-to')[0]?.getAttribute('ref') ?? '');
      const author = readAuthor(entry);
      const who = `the comment by ${author.name}${dates.published ? ` of ${dates.published.slice(0, 10)}` : ''} (${entryId})`;
      if (!postId) {
        result.problems.push(
          `${who} names no post it belongs to, so it was not imported; its text is in the export file: "${snippet(html)}"`,
        );
        return;
      }
      if (!id) result.problems.push(`${who} has no id; it is imported as ${entryId}`);
      if (dates.published && dates.problem) result.problems.push(`${who}: ${dates.problem}`);
      // In the backup format the thread element names the post; a reply also links to its parent.
      const related = children(entry, ATOM, 'link')
        .find((link) => link.getAttribute('rel') === 'related')
        ?.getAttribute('href');
      const replyTo = isTakeout ? readReplyTo(entry) : related?.split('/').pop();
      result.comments.push({
        id: entryId,
        postId,
        replyToId: replyTo && replyTo !== postId ? replyTo : undefined,
        html,
        published: dates.published ?? '',
        dateProblem: dates.published ? undefined : dates.problem,
        author,
      });
      return;
    }
    // Blogger allows a post without a title: the plan gives it one from its first words.
    const title = text(entry, ATOM, 'title');
    const alternate = children(entry, ATOM, 'link')
      .find((link) => link.getAttribute('rel') === 'alternate')
      ?.getAttribute('href');
    const oldPath = isTakeout
      ? text(entry, BLOGGER_2018, 'filename') || undefined
      : alternate
        ? pathOf(alternate)
        : undefined;
    const name = `the ${kind} ${title ? `"${title}"` : entryId}${oldPath ? ` (${oldPath})` : ''}`;
    if (!id) result.problems.push(`${name} has no id; it is imported as ${entryId}`);
    if (scheduled) {
      result.problems.push(
        `${name} was scheduled on Blogger for ${dates.published ?? 'a date the export does not give'}; it is imported with that date, and the site shows it from the first build on or after that day`,
      );
    }
    let published = dates.published;
    let draft = status === 'DRAFT';
    let dateGuessed = false;
    let datedByImport = false;
    if (published && dates.problem) result.problems.push(`${name}: ${dates.problem}`);
    if (!published) {
      // A missing date is mended from the last update, else the old address's month; with neither,
      // the entry is kept as a draft dated today, so its text is not lost and nothing is published
      // under a made-up date.
      const month = monthOfOldPath(oldPath);
      const importDay = options.undatedDays?.get(entryId) ?? options.today ?? new Date().toISOString().slice(0, 10);
      published = dates.updated ?? month ?? importDay;
      dateGuessed = !dates.updated;
      if (!dates.updated && !month) {
        draft = true;
        datedByImport = true;
      }
      result.problems.push(
        `${name}: ${dates.problem}; ${
          dates.updated
            ? `it is dated by its last update, ${published}`
            : month
              ? `it is dated ${published}, the month its old address names; set its pubDate if you know the day`
              : `it is imported as a draft dated ${published}; set its pubDate and remove draft: true to publish it`
        }`,
      );
    }
    const labels = children(entry, ATOM, 'category')
      .filter(
        (c) => c.getAttribute('scheme') !== KIND_SCHEME && (isTakeout || c.getAttribute('scheme') === LABEL_SCHEME),
      )
      // A label with nothing visible (a no-break space, a zero-width space) is kept as written, its
      // old address, to be reported; never lost here.
      .map((c) => {
        const term = c.getAttribute('term') ?? '';
        return getTagKey(term) ? term.trim() : term;
      })
      .filter(Boolean);
    result.items.push({
      id: entryId,
      kind,
      title,
      html,
      published,
      updated: dates.updated,
      draft,
      labels,
      oldPath,
      author: readAuthor(entry),
      ...(dateGuessed ? { dateGuessed } : {}),
      ...(datedByImport ? { datedByImport } : {}),
    });
  });
  return result;
}
