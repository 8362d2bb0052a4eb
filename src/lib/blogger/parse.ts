import { DOMParser, type Element } from '@xmldom/xmldom';

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
}

export interface BloggerComment {
  id: string;
  /** The id of the post it belongs to. */
  postId: string;
  /** The id of the comment it answers, if any. */
  replyToId?: string | undefined;
  html: string;
  published: string;
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

function describe(entry: Element, index: number): string {
  return `entry ${index + 1}${text(entry, ATOM, 'id') ? ` (${text(entry, ATOM, 'id')})` : ''}`;
}

function requireFields(entry: Element, index: number, fields: Record<string, string>): void {
  const missing = Object.entries(fields)
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new BloggerImportError(
      `${describe(entry, index)} has no ${missing.join(' and no ')}; the export looks damaged. Export the blog again.`,
    );
  }
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

/**
 * Reads a Blogger export: Google Takeout's feed.atom (blogger:type, blogger:status, blogger:filename,
 * blogger:parent) or the older "Back up content" file (Atom entries whose kind is a category,
 * thr:in-reply-to, app:draft). Throws BloggerImportError for anything else, or damaged XML.
 */
export function parseBloggerExport(xml: string): BloggerExport {
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
  };

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
    if (status !== 'LIVE' && status !== 'DRAFT') {
      result.skipped.push({ id, reason: `a ${kind} with status ${status} (deleted or in the bin)` });
      return;
    }
    // An entry without a published date falls back to its last update (it is reported below).
    const published = text(entry, ATOM, 'published') || text(entry, ATOM, 'updated');
    const html = child(entry, ATOM, 'content')?.textContent ?? '';
    if (kind === 'comment') {
      if (status !== 'LIVE') {
        result.skipped.push({ id, reason: 'a comment that was never published' });
        return;
      }
      const postId = isTakeout
        ? text(entry, BLOGGER_2018, 'parent')
        : (children(entry, THREAD, 'in-reply-to')[0]?.getAttribute('ref') ?? '');
      requireFields(entry, index, { id, 'published date': published, 'parent post': postId });
      // In the backup format the thread element names the post; a reply also links to its parent.
      const related = children(entry, ATOM, 'link')
        .find((link) => link.getAttribute('rel') === 'related')
        ?.getAttribute('href');
      const replyTo = isTakeout ? readReplyTo(entry) : related?.split('/').pop();
      result.comments.push({
        id,
        postId,
        replyToId: replyTo && replyTo !== postId ? replyTo : undefined,
        html,
        published,
        author: readAuthor(entry),
      });
      return;
    }
    // Blogger allows a post without a title: the plan gives it one from its first words.
    const title = text(entry, ATOM, 'title');
    requireFields(entry, index, { id });
    const alternate = children(entry, ATOM, 'link')
      .find((link) => link.getAttribute('rel') === 'alternate')
      ?.getAttribute('href');
    const oldPath = isTakeout
      ? text(entry, BLOGGER_2018, 'filename') || undefined
      : alternate
        ? pathOf(alternate)
        : undefined;
    if (!published) {
      result.problems.push(
        `the ${kind} ${title ? `"${title}"` : id}${oldPath ? ` (${oldPath})` : ''} has no published or updated date, so it was not imported; its text is in the export file`,
      );
      return;
    }
    if (!text(entry, ATOM, 'published')) {
      result.problems.push(
        `the ${kind} ${title ? `"${title}"` : id}${oldPath ? ` (${oldPath})` : ''} has no published date; it is dated by its last update, ${published}`,
      );
    }
    const labels = children(entry, ATOM, 'category')
      .filter(
        (c) => c.getAttribute('scheme') !== KIND_SCHEME && (isTakeout || c.getAttribute('scheme') === LABEL_SCHEME),
      )
      .map((c) => c.getAttribute('term')?.trim() ?? '')
      .filter(Boolean);
    result.items.push({
      id,
      kind,
      title,
      html,
      published,
      updated: text(entry, ATOM, 'updated') || undefined,
      draft: status === 'DRAFT',
      labels,
      oldPath,
      author: readAuthor(entry),
    });
  });
  return result;
}
