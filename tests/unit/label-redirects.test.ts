import { posix } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  encodeRedirectFrom,
  getBloggerLabelPath,
  getLabelAddressVariants,
  getRedirectFilePath,
  getRequestUriPattern,
  isServedAsWritten,
  normalizeServerPath,
  planServerRedirects,
  renderRedirectsFile,
} from '../../src/lib/redirects.ts';
import { nginxString, renderNginxServer } from '../../src/lib/security-headers.ts';
import { slugifyTag } from '../../src/lib/slugs.ts';
import { getTagPath } from '../../src/lib/urls.ts';

/** Labels that hold what an address treats specially: separators, dot segments, escapes, quotes. */
const HOSTILE_LABELS = [
  'TCP/IP',
  '../etc',
  '..',
  '.',
  'a/b/c',
  '/etc',
  'TCP/',
  'a//b',
  '50% off',
  '%2F',
  'Why?',
  '#selfcare',
  'Q&A?#%',
  'say "ahh"',
  "it's",
  'back\\slash',
  'line\nbreak',
  'tab\there',
  '  spaced  out  ',
  '．．／etc',
  '‥／',
  '$uri',
  '{ }; return 200',
  '<script>',
];

describe('a label’s tag address', () => {
  test.each(HOSTILE_LABELS)('is one safe segment under /tags/ for %j', (label) => {
    const slug = slugifyTag(label);
    expect(slug).not.toBe('');
    // Nothing a URL, a server or a file system reads specially: no separator, dot, escape or quote.
    expect(slug).not.toMatch(/[/\\.%?#"'<>{};$\s\p{Cc}]/u);
    const path = getTagPath(slug);
    expect(path).toMatch(/^\/tags\/[^/]+\/$/);
    expect(normalizeServerPath(path)).toBe(path);
  });
});

describe('a label’s old address', () => {
  test.each([
    ['TCP/IP', '/search/label/TCP%2FIP'],
    ['../etc', '/search/label/..%2Fetc'],
    ['C++', '/search/label/C%2B%2B'],
    ['C#', '/search/label/C%23'],
    ['Q&A?', '/search/label/Q%26A%3F'],
    ['line\nbreak', '/search/label/line%0Abreak'],
    ['50% off', '/search/label/50%25%20off'],
    ['say "ahh"', '/search/label/say%20%22ahh%22'],
  ])('is written to _redirects with the label as one encoded segment, as Blogger linked it: %j', (label, line) => {
    const from = getBloggerLabelPath(label);
    expect(encodeRedirectFrom(from)).toBe(line);
    expect(decodeURIComponent(encodeRedirectFrom(from))).toBe(from);
    expect(renderRedirectsFile([{ from, to: '/tags/x/' }])).toBe(`${line} /tags/x/ 301\n`);
  });

  test('any other old address keeps its slashes in _redirects, and its # and ? are encoded', () => {
    expect(encodeRedirectFrom('/2023/05/my post.html')).toBe('/2023/05/my%20post.html');
    expect(encodeRedirectFrom('/p/q&a?.html')).toBe('/p/q&a%3F.html');
  });

  test.each(HOSTILE_LABELS)('gets a redirect page inside /search/label/ only, or none: %j', (label) => {
    const from = getBloggerLabelPath(label);
    const file = getRedirectFilePath(from);
    if (file === undefined) {
      expect(isServedAsWritten(from)).toBe(false);
      return;
    }
    expect(posix.normalize(file)).toBe(file);
    expect(file.startsWith('search/label/')).toBe(true);
    expect(file.endsWith('/index.html')).toBe(true);
  });

  test('a label with a dot is a folder, never a file of that type (Node.js, .NET, index.html)', () => {
    expect(getRedirectFilePath('/search/label/Node.js')).toBe('search/label/Node.js/index.html');
    expect(getRedirectFilePath('/search/label/.NET')).toBe('search/label/.NET/index.html');
    expect(getRedirectFilePath('/search/label/index.html')).toBe('search/label/index.html/index.html');
    expect(getRedirectFilePath('/2023/05/a.html')).toBe('2023/05/a.html');
  });

  test('servers read "..", "." and empty segments as other addresses; a label’s inner "/" is served as written', () => {
    expect(normalizeServerPath('/search/label/../etc')).toBe('/search/etc');
    expect(normalizeServerPath('/search/label/./b')).toBe('/search/label/b');
    expect(normalizeServerPath('/search/label/a//b/')).toBe('/search/label/a/b/');
    expect(normalizeServerPath('/search/label/..')).toBe('/search/');
    expect(isServedAsWritten('/search/label/TCP/IP')).toBe(true);
    expect(isServedAsWritten('/search/label/a/b/c')).toBe(true);
    for (const label of ['../etc', '..', '.', '/etc', 'TCP/', 'a//b', 'a/./b']) {
      expect(isServedAsWritten(getBloggerLabelPath(label)), label).toBe(false);
    }
  });

  test('one a server reads as another is matched by the request as sent, in any encoding or case, and nothing else', () => {
    const pattern = new RegExp(getRequestUriPattern('/search/label/../etc'), 'i');
    for (const sent of [
      '/search/label/..%2Fetc',
      '/search/label/..%2fetc',
      '/search/label/%2E%2E%2Fetc',
      '/search/label/..%2FETC/',
      '/search/label/..%2Fetc?max-results=20',
    ]) {
      expect(pattern.test(sent), sent).toBe(true);
    }
    for (const other of [
      '/search/etc',
      '/search/label/..%2Fetcetera',
      '/search/label/x..%2Fetc',
      '/search/label/etc',
    ]) {
      expect(pattern.test(other), other).toBe(false);
    }
    const spaced = new RegExp(getRequestUriPattern('/search/label/TCP/ IP'), 'i');
    expect(spaced.test('/search/label/TCP%2F%20IP')).toBe(true);
    expect(spaced.test('/search/label/tcp%2f+ip')).toBe(true);
    const nonLatin = new RegExp(getRequestUriPattern('/search/label/Массаж/'), 'i');
    expect(nonLatin.test(`/search/label/${encodeURIComponent('Массаж/')}`)).toBe(true);
    expect(nonLatin.test(`/search/label/${encodeURIComponent('Массаж/').toLowerCase()}`)).toBe(true);
    // Only hex escapes and letters, digits, % and / come from the label: nothing nginx or PCRE reads specially.
    expect(getRequestUriPattern('/search/label/{"$x"}\\;')).toMatch(
      /^\^\/search\/label\/(?:\(\?:\\x[0-9A-F]{2}\|%[0-9A-F]{2}\)|[a-z])+\/\?/,
    );
  });
});

describe('the redirects a server answers', () => {
  const written = [
    { from: '/search/label/C++', to: '/tags/c-plus-plus/' },
    { from: '/search/label/Mobile Massage', to: '/tags/mobile-massage/' },
    { from: '/search/label/a+b', to: '/tags/a-plus-b/' },
    { from: '/search/label/A B', to: '/tags/a-b/' },
    { from: '/search/label/../etc', to: '/tags/dot-dot-etc/' },
    { from: '/search/label/TCP/IP', to: '/tags/tcp-ip/' },
    { from: '/2023/05/a.html', to: '/posts/a/' },
  ];

  test('each label answers its exact, lower-case and upper-case spellings, "+" for spaces, with and without a final slash', () => {
    const { exact } = planServerRedirects(written, () => false);
    const to = new Map(exact.map(({ from, to }) => [from, to]));
    for (const from of ['/search/label/C++', '/search/label/c++', '/search/label/c++/', '/search/label/C++/']) {
      expect(to.get(from), from).toBe('/tags/c-plus-plus/');
    }
    for (const from of [
      '/search/label/Mobile Massage',
      '/search/label/Mobile+Massage',
      '/search/label/mobile massage',
      '/search/label/mobile+massage/',
      '/search/label/MOBILE+MASSAGE',
    ]) {
      expect(to.get(from), from).toBe('/tags/mobile-massage/');
    }
    expect(to.get('/search/label/tcp/ip')).toBe('/tags/tcp-ip/');
    expect(to.get('/2023/05/a.html')).toBe('/posts/a/');
    expect(to.has('/2023/05/a.html/')).toBe(false);
  });

  test('a label’s own spelling is never taken by another label’s variant', () => {
    const { exact } = planServerRedirects(written, () => false);
    expect(exact.find(({ from }) => from === '/search/label/a+b')?.to).toBe('/tags/a-plus-b/');
    expect(exact.find(({ from }) => from === '/search/label/a b')?.to).toBe('/tags/a-b/');
    expect(new Set(exact.map(({ from }) => from)).size).toBe(exact.length);
  });

  test('an address a server reads as another is matched by the request only, never by the path it would become', () => {
    const { exact, byRequest } = planServerRedirects(written, () => false);
    expect(exact.some(({ from }) => from.includes('..') || from === '/search/etc')).toBe(false);
    expect(exact.every(({ from }) => normalizeServerPath(from) === from)).toBe(true);
    expect(byRequest).toEqual([{ pattern: getRequestUriPattern('/search/label/../etc'), to: '/tags/dot-dot-etc/' }]);
  });

  test('a real page of the site at the other slash spelling is left alone', () => {
    const { exact } = planServerRedirects([{ from: '/about', to: '/p/about/' }], (path) => path === '/about/');
    expect(exact.map(({ from }) => from)).toEqual(['/about']);
  });

  test('label variants: case and "+" only, and none for other addresses', () => {
    expect(getLabelAddressVariants('/search/label/Self Care')).toEqual([
      '/search/label/Self+Care',
      '/search/label/self care',
      '/search/label/self+care',
      '/search/label/SELF CARE',
      '/search/label/SELF+CARE',
    ]);
    expect(getLabelAddressVariants('/search/label/c++')).toEqual(['/search/label/C++']);
    expect(getLabelAddressVariants('/2023/05/a.html')).toEqual([]);
  });
});

describe('the nginx config', () => {
  test('quotes any address as one string: quotes, backslashes, newlines, tabs, braces and $ stay text', () => {
    expect(nginxString('say "ahh"')).toBe('"say \\"ahh\\""');
    expect(nginxString('back\\slash')).toBe('"back\\\\slash"');
    expect(nginxString('line\nbreak\ttab\r')).toBe('"line\\nbreak\\ttab\\r"');
    const conf = renderNginxServer(
      {},
      {
        root: '/srv/site',
        port: 8080,
        redirects: [
          { from: '/search/label/say "ahh"', to: '/tags/say-ahh/' },
          { from: '/search/label/{ }; return 200', to: '/tags/return-200/' },
          { from: '/search/label/line\nbreak', to: '/tags/line-break/' },
          { from: '/search/label/$uri', to: '/tags/$uri/' },
        ],
        requestRedirects: [{ pattern: getRequestUriPattern('/search/label/../etc'), to: '/tags/dot-dot-etc/' }],
      },
    );
    expect(conf).toContain('location = "/search/label/say \\"ahh\\"" {');
    expect(conf).toContain('location = "/search/label/{ }; return 200" {');
    expect(conf).toContain('location = "/search/label/line\\nbreak" {');
    // A $ in a target would be a variable to nginx's return.
    expect(conf).toContain('return 301 "/tags/%24uri/";');
    expect(conf).toContain(
      'if ($request_uri ~* "^/search/label/(?:\\\\x2E|%2E)(?:\\\\x2E|%2E)(?:\\\\x2F|%2F)etc/?(?:\\\\?.*)?$") {',
    );
  });
});
