import { describe, expect, test } from 'vitest';
import { absolutizeHtmlUrls, absolutizeSrcset } from '../../src/lib/html.ts';
import { describeUrlProblem, judgeUrl, type UrlUse } from '../../src/lib/urls.ts';

const problemOf = (value: string, use: UrlUse = 'link') => {
  const verdict = judgeUrl(value, use);
  if (verdict.ok) throw new Error(`${JSON.stringify(value)} was judged usable (${verdict.kind})`);
  return describeUrlProblem('the link', value, verdict);
};
const suggestionOf = (value: string, use: UrlUse = 'link') => {
  const verdict = judgeUrl(value, use);
  return verdict.ok ? undefined : verdict.suggestion;
};

/** Usable anywhere a web address may stand: links, resources and absolute fields. */
const WEB_ADDRESSES = [
  'https://example.com',
  'https://example.com/',
  'http://example.org/page?x=1&y=2#part',
  'HTTPS://EXAMPLE.COM/Upper',
  '  https://example.com/padded  ',
  'https://bücher.example/',
  'https://müller-massage.de/preise',
  'https://例子.测试/',
  'https://пример.рф/массаж',
  'https://مثال.إختبار/',
  'https://ｅｘａｍｐｌｅ.com/',
  'https://xn--bcher-kva.example/',
  'https://zh.wikipedia.org/wiki/按摩',
  'https://ja.wikipedia.org/wiki/指圧',
  'https://he.wikipedia.org/wiki/עיסוי',
  'https://example.com/%E6%8C%89%E6%91%A9',
  'https://example.com/a b.pdf',
  'https://example.com/#frag ment',
  'https://en.wikipedia.org/wiki/Reflexology_(therapy)',
  'https://example.org/?a=1&b=<2>',
  'https://cdn.example.com/fit=contain,width=320/a.jpg',
  'https://example.com:8443/x',
  'https://[2001:db8::1]/',
  'https://93.184.215.14/',
  'https://example.com./',
  'http://a.b.c.d.example.co.uk/deep/path/',
];

describe('judgeUrl: usable addresses', () => {
  test.each(WEB_ADDRESSES)('%j is a web address for a link, a resource and an absolute field', (value) => {
    for (const use of ['link', 'resource', 'absolute'] as const)
      expect(judgeUrl(value, use)).toEqual({ ok: true, kind: 'web' });
  });

  test.each([
    ['/posts/deep-tissue-massage/', 'site-path'],
    ['/tags/睡眠/', 'site-path'],
    ['/media/clip one.webm', 'site-path'],
    ['./photo.jpg', 'relative'],
    ['photo.jpg', 'relative'],
    ['../other-post/', 'relative'],
    ['照片.jpg', 'relative'],
    ['?page=2', 'relative'],
    ['#comments', 'fragment'],
    ['#章节-1', 'fragment'],
    ['//cdn.example.com/a.jpg', 'web'],
    ['mailto:hello@example.com', 'mailto'],
    ['mailto:a@example.com,b@example.org?subject=Hello%20there', 'mailto'],
    ['MAILTO:Valentina@Example.co.uk', 'mailto'],
    ['tel:+442079460000', 'tel'],
    ['tel:+44 20 7946 0000', 'tel'],
    ['tel:+1-(555)-010-9999', 'tel'],
  ])('%j is usable as a link (%s)', (value, kind) => {
    expect(judgeUrl(value, 'link')).toEqual({ ok: true, kind });
  });

  test.each([
    'data:image/png;base64,iVBORw0KGgo=',
    'data:image/svg+xml,%3Csvg%3E%3C/svg%3E',
    'data:image/webp;base64,UklG',
  ])('%j is usable as an image but not as a link', (value) => {
    expect(judgeUrl(value, 'resource')).toEqual({ ok: true, kind: 'data-image' });
    expect(judgeUrl(value, 'link').ok).toBe(false);
  });
});

describe('judgeUrl: malformed web addresses', () => {
  test('"http://" alone names no site', () => {
    expect(problemOf('http://')).toBe(
      'the link "http://" is not a valid web address: nothing names a site after "http://"; write the whole address, e.g. https://example.com/page, or remove the link',
    );
  });

  test.each(['http://', 'https://', 'http:///', 'https://?q=1', 'https://#top', 'http://:80/', '//'])(
    '%j has no host',
    (value) => {
      expect(judgeUrl(value).ok).toBe(false);
      expect(judgeUrl(value, 'absolute').ok).toBe(false);
    },
  );

  test('a host with spaces, written or as %20, is refused, and a space typed inside a domain is repaired', () => {
    expect(problemOf('http://calm%20hands%20chair%20massage/')).toBe(
      'the link "http://calm%20hands%20chair%20massage/" is not a valid web address: its host name "calm hands chair massage" has spaces, and a host name cannot; write the site\'s real address, e.g. https://example.com/, or remove the link and keep its text',
    );
    expect(suggestionOf('https://exa mple.com')).toBe('https://example.com');
    expect(suggestionOf('https://exa%20mple.com/a')).toBe('https://example.com/a');
    expect(suggestionOf('https://massage\u3000london.co.uk/')).toBe('https://massagelondon.co.uk/');
  });

  test.each([
    ['htp://example.com', 'http://example.com'],
    ['hhtp://example.com/a', 'http://example.com/a'],
    ['htps://example.com', 'https://example.com'],
    ['htttps://example.com', 'https://example.com'],
    ['ttps://example.com', 'https://example.com'],
    ['hxxp://example.com', 'http://example.com'],
    ['hxxps://example.com', 'https://example.com'],
    ['https//example.com', 'https://example.com'],
    ['http//example.com/a', 'http://example.com/a'],
    ['https;//example.com', 'https://example.com'],
    ['http:/example.com', 'http://example.com'],
    ['http:example.com', 'http://example.com'],
    ['https:///example.com', 'https://example.com'],
    ['http:\\\\example.com\\a', 'http://example.com/a'],
    ['https://example.com\\a\\b', 'https://example.com/a/b'],
    ['https://example..com/', 'https://example.com/'],
    ['https://user:secret@example.com/', 'https://example.com/'],
    ['https://trusted.example@evil.example/', 'https://evil.example/'],
    ['https://example.com/page)', 'https://example.com/page'],
    ['https://example.com/%zz', 'https://example.com/%25zz'],
    ['https://exa\u200Bmple.com/', 'https://example.com/'],
    ['www.example.com/massage', 'https://www.example.com/massage'],
    ['example.com', 'https://example.com'],
    ['massage-london.co.uk/prices', 'https://massage-london.co.uk/prices'],
  ])('%j is refused, suggesting %j', (value, suggestion) => {
    expect(judgeUrl(value).ok).toBe(false);
    expect(suggestionOf(value)).toBe(suggestion);
  });

  test.each([
    ['http://calm/', /has no domain ending/],
    ['https://localhost:4321/', /each reader's own computer/],
    ['http://127.0.0.1/admin', /each reader's own computer/],
    ['http://[::1]/', /each reader's own computer/],
    ['http://192.168.1.20/', /private network/],
    ['http://10.0.0.1/', /private network/],
    ['https://example.com:99999/', /port "99999"/],
    ['https://exa_mple!.com/', /has "_" and "!", which a host name cannot have/],
    ['https://xn--/', /./],
    ['https://en.wikipedia.org/wiki/Shiatsu_(massage', /unmatched "\("/],
    ['https://example.com/a]', /unmatched "\]"/],
    ['https://example.com/{a', /unmatched "\{"/],
    ['/posts/x/)', /unmatched "\)"/],
    ['java\nscript:alert(1)', /invisible character \(U\+000A\)/],
    ['https://example.com/\tpage', /U\+0009/],
    ['https://example.com/\u202Egnp.exe', /U\+202E/],
    ['\uFEFFhttps://example.com/', /U\+FEFF/],
    ['https://example.com/\u0000', /U\+0000/],
    ['#', /leads nowhere/],
    ['', /is empty/],
    ['   ', /is empty/],
  ])('%j is refused: %s', (value, problem) => {
    expect(problemOf(value)).toMatch(problem);
  });
});

describe('judgeUrl: host names no site can have', () => {
  // Checked by UTS #46 (tr46) in its strict form, plus no "-" at either end of a part (RFC 1123).
  test.each([
    [
      'https://-bad-.com',
      'the link "https://-bad-.com" is not a valid web address: its host name "-bad-.com" has "-" at the start and end of "-bad-", which a host name cannot; check the site\'s real address (copy it from the browser\'s address bar), or remove the link and keep its text',
    ],
    [
      'https://massage-.example.com/',
      'the link "https://massage-.example.com/" is not a valid web address: its host name "massage-.example.com" has "-" at the end of "massage-", which a host name cannot; check the site\'s real address (copy it from the browser\'s address bar), or remove the link and keep its text',
    ],
    [
      'https://exa_mple.com',
      'the link "https://exa_mple.com" is not a valid web address: its host name "exa_mple.com" has "_", which a host name cannot have (only letters, digits, "-" and dots); check the site\'s real address: perhaps https://exa-mple.com, with "-" instead of "_"; or remove the link and keep its text',
    ],
    [
      'https://example..com',
      'the link "https://example..com" is not a valid web address: its host name "example..com" has two dots in a row; write https://example.com',
    ],
    [
      'www.example..com',
      'the link "www.example..com" is missing "https://", so it would lead to a page of this site, and its host name "www.example..com" has two dots in a row; write https://www.example.com',
    ],
    [
      'http://.com',
      'the link "http://.com" is not a valid web address: its host name ".com" starts with a dot, so the site\'s name before it is missing; write the site\'s whole name, e.g. https://example.com/, or remove the link and keep its text',
    ],
    [
      'https:/x',
      'the link "https:/x" is not a valid web address: "https:" must be followed by exactly two slashes, and its host name "x" has no domain ending such as .com; write the site\'s real address, e.g. https://example.com/, or remove the link and keep its text',
    ],
    [
      'https://example.com/a\\',
      'the link "https://example.com/a\\" is not a valid web address: it ends with a backslash (\\), which is most likely a typing slip; write https://example.com/a',
    ],
    [
      'https://xn--zz.com/',
      'the link "https://xn--zz.com/" is not a valid web address: its host name "xn--zz.com" has "xn--zz", which is not a valid international name; check the site\'s real address (copy it from the browser\'s address bar), or remove the link and keep its text',
    ],
    [
      `https://${'a'.repeat(64)}.com/`,
      /its host name has "a{20}…", longer than the 63 characters allowed between two dots/,
    ],
  ])('%j is refused, naming what is wrong and what to write', (value, message) => {
    if (typeof message === 'string') expect(problemOf(value)).toBe(message);
    else expect(problemOf(value)).toMatch(message);
  });

  test.each([
    ['https://a.-b.com/', undefined],
    ['https://_dmarc.example.com/', undefined],
    ['https://.example.com/', 'https://example.com/'],
    ['http://..com', undefined],
    ['www..com', undefined],
    ['https://bücher..de/preise', 'https://bücher.de/preise'],
    ['https:/exa_mple.com', undefined],
    ['www.example.com/a\\', 'https://www.example.com/a'],
    ['https://example.com\\', 'https://example.com'],
    ['/posts/a\\', '/posts/a'],
  ])('%j is refused; its suggestion, %j, is an address the check accepts', (value, suggestion) => {
    expect(judgeUrl(value).ok).toBe(false);
    expect(suggestionOf(value)).toBe(suggestion);
    if (suggestion !== undefined) expect(judgeUrl(suggestion).ok).toBe(true);
  });

  test('an address with two slips names both, and the suggestion repairs both', () => {
    expect(problemOf('https://exa mple..com')).toBe(
      'the link "https://exa mple..com" is not a valid web address: its host name "exa mple..com" has spaces, and a host name cannot; also, its host name "example..com" has two dots in a row; write https://example.com',
    );
    expect(problemOf('https://exa\u200Bmple..com/')).toBe(
      'the link "https://exa\\u200bmple..com/" contains an invisible character (U+200B), which browsers drop or refuse, and its host name "example..com" has two dots in a row; write https://example.com/ (retype the address)',
    );
    expect(problemOf('java\nscript:alert(1)')).toBe(
      'the link "java\\u000ascript:alert(1)" contains an invisible character (U+000A), which browsers drop or refuse, and is a javascript: address, which would run code in a reader\'s browser; link to a web page (https://...) instead',
    );
  });

  test.each([
    'https://bücher.de',
    'https://例子.中国',
    'https://xn--fsqu00a.xn--fiqs8s/',
    'https://r3---sn-4g5e6nsz.googlevideo.com/videoplayback',
    'https://a-b.example.com/',
    'https://1-800-flowers.com/',
    'https://example.com./',
  ])('%j, a host a site can have, is accepted', (value) => {
    expect(judgeUrl(value)).toEqual({ ok: true, kind: 'web' });
  });
});

describe('judgeUrl: schemes', () => {
  test.each([
    ['javascript:alert(1)', /run code/],
    ['JaVaScRiPt:alert(1)', /run code/],
    ['  javascript:void(0)', /run code/],
    ['vbscript:msgbox', /run code/],
    ['livescript:x', /run code/],
    ['data:text/html;base64,PHNjcmlwdD4=', /data: address/],
    ['data:image/png;base64,AAAA', /data: address/],
    ['file:///C:/Users/me/Pictures/massage.jpg', /writer's own computer/],
    ['C:\\Users\\me\\Pictures\\massage.jpg', /writer's own computer/],
    ['\\\\server\\share\\a.jpg', /writer's own computer/],
    ['blob:https://example.com/1234', /writer's own computer/],
    ['about:blank', /writer's own computer/],
    ['chrome://settings', /writer's own computer/],
    ['view-source:https://example.com/', /writer's own computer/],
    ['ftp://ftp.example.com/file.pdf', /an ftp: address, which most readers' browsers cannot open/],
    ['sms:+447700900000', /an sms: address/],
    ['skype:someone?call', /a skype: address/],
    ['mailto:', /no email address/],
    ['mailto:valentina', /"valentina" is not an email address/],
    ['mailto:a@example.com,,b@example.com', /"" is not an email address/],
    ['mailto:%E0%A4%A', /broken %-escape/],
    ['tel:', /no phone number/],
    ['tel:call-me', /not a phone number/],
  ])('%j is refused as a link: %s', (value, problem) => {
    expect(problemOf(value)).toMatch(problem);
  });

  test.each(['mailto:hello@example.com', 'tel:+442079460000', 'ftp://example.com/', 'javascript:x', 'about:blank'])(
    '%j is refused as an image or media source',
    (value) => {
      expect(judgeUrl(value, 'resource').ok).toBe(false);
    },
  );
});

describe('judgeUrl: fields that need a full address', () => {
  test.each([
    ['/about/', /is not a full web address; write the whole address, starting with https:\/\//],
    ['./page.html', /is not a full web address/],
    ['#top', /is not a full web address/],
    ['www.example.com', /write https:\/\/www\.example\.com/],
    ['//example.com/a', /has no scheme; write https:\/\/example\.com\/a/],
    ['mailto:a@example.com', /a mailto: address, not a web address/],
    ['tel:+442079460000', /a tel: address, not a web address/],
    ['http://', /or delete the field$/],
    ['', /is empty; write a full web address starting with https:\/\/, or delete the field/],
  ])('%j is refused where a field needs a full address: %s', (value, problem) => {
    expect(problemOf(value, 'absolute')).toMatch(problem);
  });

  test('a long data: URI is cut in the message, and an invisible character is shown as an escape', () => {
    const long = `data:text/html,${'x'.repeat(200)}`;
    expect(problemOf(long)).toMatch(/^the link "data:text\/html,x{62}\.\.\." is a data: address/);
    expect(problemOf('https://exa\u200Bmple.com/')).toContain('"https://exa\\u200bmple.com/"');
  });
});

describe('absolutizeSrcset', () => {
  const base = 'https://blog.example/posts/p/';

  test('keeps commas that are inside candidate URLs (image CDNs), and absolute candidates untouched', () => {
    const srcset =
      'https://cdn.example.com/fit=contain,width=320/a.jpg 320w, https://cdn.example.com/fit=contain,width=640/a.jpg 640w';
    expect(absolutizeSrcset(srcset, base)).toBe(srcset);
    expect(absolutizeSrcset('/img/fit=cover,w=320/a.jpg 320w,/img/fit=cover,w=640/a.jpg 640w', base)).toBe(
      'https://blog.example/img/fit=cover,w=320/a.jpg 320w,https://blog.example/img/fit=cover,w=640/a.jpg 640w',
    );
  });

  test.each([
    ['a.jpg', 'https://blog.example/posts/p/a.jpg'],
    ['a.jpg, b.jpg 2x', 'https://blog.example/posts/p/a.jpg, https://blog.example/posts/p/b.jpg 2x'],
    ['a 1x, b 2x', 'https://blog.example/posts/p/a 1x, https://blog.example/posts/p/b 2x'],
    ['/a.jpg 1.5x,/b.jpg 2x', 'https://blog.example/a.jpg 1.5x,https://blog.example/b.jpg 2x'],
    [
      '  /a.jpg   100w  ,\n\t/b.jpg 200w  ',
      '  https://blog.example/a.jpg   100w  ,\n\thttps://blog.example/b.jpg 200w  ',
    ],
    ['/a.jpg\n1x, /b.jpg\n2x', 'https://blog.example/a.jpg\n1x, https://blog.example/b.jpg\n2x'],
    [
      'data:image/png;base64,iVBORw0KGgo= 1x, /b.png 2x',
      'data:image/png;base64,iVBORw0KGgo= 1x, https://blog.example/b.png 2x',
    ],
    [
      '/照片/按摩.jpg 1x, /img/foto%201.jpg 2x',
      'https://blog.example/%E7%85%A7%E7%89%87/%E6%8C%89%E6%91%A9.jpg 1x, https://blog.example/img/foto%201.jpg 2x',
    ],
    ['//cdn.example.com/a.jpg 1x', '//cdn.example.com/a.jpg 1x'.replace('//', 'https://')],
  ])('%j resolves candidate by candidate, descriptors and spacing kept', (srcset, expected) => {
    expect(absolutizeSrcset(srcset, base)).toBe(expected);
  });

  test.each(['', ' , ', '/a.jpg 100w 1x', '/a.jpg 1q', 'http:// 1x'])(
    '%j, which no browser can use, is left as written',
    (srcset) => {
      expect(absolutizeSrcset(srcset, base)).toBe(srcset);
    },
  );
});

describe('absolutizeHtmlUrls', () => {
  const base = 'https://blog.example/posts/p/';

  test('a feed never throws on any attribute value, and leaves what it cannot resolve as written', () => {
    const html = [
      '<a href="http://">old studio</a>',
      '<a href="https://exa mple.com">booking</a>',
      '<a href="http://calm%20hands%20chair%20massage/">chair</a>',
      '<a href="//exa mple.com/">x</a>',
      '<img src="http://[::1" alt="">',
      '<img srcset="http:// 1x, https:// 2x" alt="">',
      '<video src="https://" poster="http://"></video>',
      '<a href="javascript:alert(1)">j</a>',
      '<a href="mailto:">m</a>',
      '<a href="java&#10;script:alert(1)">n</a>',
    ].join('');
    expect(absolutizeHtmlUrls(html, base)).toBe(html);
  });

  test('every URL-holding attribute is resolved the same way', () => {
    const html =
      '<audio src="a.mp3"></audio><track src="t.vtt"><iframe src="/embed/"></iframe><embed src="e.swf"><object data="o.pdf"></object><video src="v.webm" poster="p.jpg"></video><picture><source srcset="s.avif 1x, s2.avif 2x"></picture><blockquote cite="/about/"></blockquote><area href="/map/">';
    expect(absolutizeHtmlUrls(html, base)).toBe(
      '<audio src="https://blog.example/posts/p/a.mp3"></audio><track src="https://blog.example/posts/p/t.vtt"><iframe src="https://blog.example/embed/"></iframe><embed src="https://blog.example/posts/p/e.swf"><object data="https://blog.example/posts/p/o.pdf"></object><video src="https://blog.example/posts/p/v.webm" poster="https://blog.example/posts/p/p.jpg"></video><picture><source srcset="https://blog.example/posts/p/s.avif 1x, https://blog.example/posts/p/s2.avif 2x"></picture><blockquote cite="https://blog.example/about/"></blockquote><area href="https://blog.example/map/">',
    );
  });

  test('a srcset with commas in its URLs comes out of the feed exactly as on the page', () => {
    const img =
      '<img src="https://cdn.example.com/fit=contain,width=640/a.jpg" srcset="https://cdn.example.com/fit=contain,width=320/a.jpg 320w, https://cdn.example.com/fit=contain,width=640/a.jpg 640w" alt="The new room">';
    expect(absolutizeHtmlUrls(img, base)).toBe(img);
  });

  test('entities in a srcset are decoded to resolve, and written back escaped', () => {
    expect(absolutizeHtmlUrls('<img srcset="/a.jpg?w=1&amp;h=2 1x, /b&#x2C;c.jpg 2x" alt="">', base)).toBe(
      '<img srcset="https://blog.example/a.jpg?w=1&amp;h=2 1x, https://blog.example/b,c.jpg 2x" alt="">',
    );
  });

  test('absolute URLs of every scheme are left alone, relative ones resolved', () => {
    const html =
      '<a href="mailto:a@example.com">m</a><a href="tel:+44">t</a><img src="data:image/png;base64,AAAA" alt=""><a href="https://例子.测试/路径">x</a><a href="../up/">u</a>';
    expect(absolutizeHtmlUrls(html, base)).toBe(
      '<a href="mailto:a@example.com">m</a><a href="tel:+44">t</a><img src="data:image/png;base64,AAAA" alt=""><a href="https://例子.测试/路径">x</a><a href="https://blog.example/posts/up/">u</a>',
    );
  });
});
