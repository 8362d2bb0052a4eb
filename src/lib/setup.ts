import type { CommentChannel } from './comments.ts';
import { parseLanguageTag } from './language.ts';

/** What `npm run setup` asks for; each is checked by the validator of the same name below. */
export interface SetupAnswers {
  title: string;
  url: string;
  description: string;
  language: string;
  timeZone: string;
  author: string;
  comments: CommentChannel;
}

/** A checked answer, or the sentence that says what to write instead. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Host names that only stand in for a real site: RFC 2606 reserves example.com/.org/.net and the
 * .example, .test, .invalid and .localhost top-level names for examples and tests.
 */
export function isPlaceholderHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return (
    /(^|\.)example\.(com|org|net)$/.test(name) ||
    /\.(example|test|invalid|localhost)$/.test(name) ||
    name === 'localhost' ||
    /^127\./.test(name)
  );
}

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const no = (message: string): Checked<never> => ({ ok: false, message });

export const validate = {
  title(text: string): Checked<string> {
    const value = text.trim();
    if (!value) return no('the site needs a name, e.g. Massage & Wellness');
    return value.length > 70 ? no('keep the name under 70 characters; search results cut longer titles') : ok(value);
  },
  url(text: string, { path = false }: { path?: boolean } = {}): Checked<string> {
    let url: URL;
    try {
      url = new URL(text.trim());
    } catch {
      return no(`"${text.trim()}" is not a web address; write it in full, e.g. https://www.my-blog.co.uk`);
    }
    if (!/^https?:$/.test(url.protocol)) return no('the address starts with https:// (or http://)');
    if (isPlaceholderHost(url.hostname)) {
      return no(
        `${url.hostname} is an example address; write the address readers will use, e.g. https://www.my-blog.co.uk`,
      );
    }
    if (path) return ok(url.href);
    if (url.pathname !== '/' || url.search || url.hash) {
      return no('write the site address alone, without a path, e.g. https://www.my-blog.co.uk');
    }
    return ok(url.origin);
  },
  description(text: string): Checked<string> {
    const value = text.trim().replace(/\s+/g, ' ');
    if (!value) return no('write one sentence about the site, for the home page, search engines and feeds');
    return value.length > 300 ? no('keep the description under 300 characters') : ok(value);
  },
  /**
   * A BCP 47 language tag, checked against the IANA registry and put in its canonical case
   * (en-gb → en-GB), the same check as the site settings and a post's `lang` (src/lib/language.ts).
   */
  language(text: string): Checked<string> {
    const result = parseLanguageTag(text);
    return result.ok ? ok(result.tag) : no(result.message);
  },
  /** An IANA time zone name, as Intl knows them (Europe/London, America/New_York). */
  timeZone(text: string): Checked<string> {
    const value = text.trim();
    try {
      if (value) return ok(new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone);
    } catch {
      // Unknown zone; answered below.
    }
    return no(`"${value}" is not a time zone; write one such as Europe/London or America/New_York`);
  },
  author(text: string): Checked<string> {
    const value = text.trim();
    return value ? ok(value) : no('write the name shown as the author of posts, e.g. Ann Smith or The Editors');
  },
  /**
   * The comment channel: an email address (mailto), or `inbox https://...` for the comment inbox
   * (npm run comments:serve), or `form https://...` for a form service.
   */
  comments(text: string): Checked<CommentChannel> {
    const value = text.trim().replace(/^mailto:/i, '');
    const [first = '', second = ''] = value.split(/\s+|:(?=https?:)/);
    if (/^(inbox|form)$/i.test(first)) {
      const url = validate.url(second, { path: true });
      if (!url.ok) return no(`the ${first.toLowerCase()} address: ${url.message}`);
      return ok({ mode: first.toLowerCase() as 'inbox' | 'form', url: url.value });
    }
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
      const domain = value.split('@')[1]!;
      if (isPlaceholderHost(domain)) return no(`${domain} is an example address; write an address you read`);
      return ok({ mode: 'mailto', address: value });
    }
    return no(
      'write an email address (readers email their comments), or "inbox https://comments.my-blog.co.uk" for your comment inbox, or "form https://..." for a form service',
    );
  },
};

/** A TypeScript string literal for the settings file. */
function tsString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, ' ')}'`;
}

function tsCommentChannel(channel: CommentChannel): string {
  return channel.mode === 'mailto'
    ? `{ mode: 'mailto', address: ${tsString(channel.address)} }`
    : `{ mode: '${channel.mode}', url: ${tsString(channel.url)} }`;
}

/**
 * Writes the answers into the text of src/site.config.ts: each setting's value in the
 * `defineSiteConfig({ ... })` call is replaced, everything else (comments, other settings) kept.
 * Throws when a setting cannot be found (the file was reshaped by hand), naming it.
 */
export function applySettings(source: string, answers: Omit<SetupAnswers, 'author'>): string {
  const start = source.indexOf('defineSiteConfig({');
  if (start < 0) throw new Error('src/site.config.ts has no defineSiteConfig({ ... }) call to write the settings into');
  const head = source.slice(0, start);
  let body = source.slice(start);
  const string = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"`;
  const replacements: [string, RegExp, string][] = [
    ['url', new RegExp(String.raw`(\n\s*url:\s*)(?:${string})`), tsString(answers.url)],
    ['title', new RegExp(String.raw`(\n\s*title:\s*)(?:${string})`), tsString(answers.title)],
    ['description', new RegExp(String.raw`(\n\s*description:\s*)(?:${string})`), tsString(answers.description)],
    ['language', new RegExp(String.raw`(\n\s*language:\s*)(?:${string})`), tsString(answers.language)],
    ['timeZone', new RegExp(String.raw`(\n\s*timeZone:\s*)(?:${string})`), tsString(answers.timeZone)],
    ['comments', /(\n\s*comments:\s*)\{[^{}]*\}/, tsCommentChannel(answers.comments)],
  ];
  for (const [name, pattern, value] of replacements) {
    if (!pattern.test(body)) throw new Error(`src/site.config.ts: cannot find the ${name} setting to write it`);
    body = body.replace(pattern, (_match, before: string) => `${before}${value}`);
  }
  return head + body;
}

/** The settings a deploy must not go out with, each as "setting: what is wrong; what to do". */
export function findPlaceholderSettings(site: { url: string; comments: CommentChannel }): string[] {
  const problems: string[] = [];
  const host = new URL(site.url).hostname;
  if (isPlaceholderHost(host)) {
    problems.push(
      `url: ${site.url} is the example address; canonical links, feeds and the sitemap would point there. Run npm run setup -- --url https://your-site (or set SITE_URL for one build)`,
    );
  }
  const channel = site.comments;
  const commentHost = channel.mode === 'mailto' ? channel.address.split('@')[1]! : new URL(channel.url).hostname;
  if (isPlaceholderHost(commentHost)) {
    problems.push(
      `comments: ${channel.mode === 'mailto' ? channel.address : channel.url} is an example address; readers' comments would go nowhere. Run npm run setup -- --comments you@your-mail.com (or "inbox https://...")`,
    );
  }
  return problems;
}

/**
 * The sample content shipped with the project (paths from the repository root): four posts from
 * the old blog, three comments written to show how comments look, and sample page views. `npm run
 * setup -- --remove-samples` removes them; `npm run check:deploy` refuses to deploy with them.
 */
export const SAMPLE_CONTENT = {
  posts: [
    'content/posts/comprehensive-overview-of-reflexology-massage',
    'content/posts/how-massage-therapy-may-enhance-your-immune-system',
    'content/posts/shepherds-bush-freelance-massage-review',
    'content/posts/valentina-mobile-massage-canada-water-review',
  ],
  comments: [
    'content/comments/comprehensive-overview-of-reflexology-massage',
    'content/comments/how-massage-therapy-may-enhance-your-immune-system',
  ],
  /** Replaced with an empty object ({}), not removed: the build reads it. */
  pageViews: 'content/stats/pageviews.json',
} as const;
