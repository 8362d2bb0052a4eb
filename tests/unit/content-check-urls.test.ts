import { describe, expect, test } from 'vitest';
import { checkContent, formatProblem, type ContentInput, type SourceFile } from '../../src/lib/content-check.ts';
import { contentInput } from './content-input.ts';

const file = (folder: string, entry: string, frontmatter: string, body = ''): SourceFile => ({
  path: `content/${folder}/${entry}`,
  entry,
  text: `---\n${frontmatter.trim()}\n---\n\n${body}\n`,
});

// 7 frontmatter lines + 2 fences + 1 blank: the body starts on line 11.
const ARTICLE = `title: A post
description: A summary.
pubDate: 2025-01-01
author: editorial
kind: article
health: false
tags: [studio]`;
const post = (body: string, frontmatter = ARTICLE, entry = 'p.md') => file('posts', entry, frontmatter, body);
const comment = (frontmatter: string, body: string) => file('comments', `p/01-reader.md`, frontmatter, body);

function check(overrides: Partial<ContentInput>) {
  const problems = checkContent(contentInput({ staticPaths: new Set(['/']), ...overrides }));
  return {
    errors: problems.filter((problem) => problem.severity === 'error').map(formatProblem),
    notices: problems.filter((problem) => problem.severity === 'notice').map(formatProblem),
  };
}
const errorsOf = (body: string) => check({ posts: [post(body)] }).errors;

describe('the content check judges every URL in a post body', () => {
  test('C1: "[old studio](http://)" is an error on its line, naming what to write', () => {
    const body = 'We gave our first massages in the [old studio](http://), a narrow room above a bakery.';
    expect(errorsOf(body)).toEqual([
      'content/posts/p.md:11: the link "http://" is not a valid web address: nothing names a site after "http://"; write the whole address, e.g. https://example.com/page, or remove the link',
    ]);
  });

  test('C1: "[booking page](<https://exa mple.com>)" is an error that offers the address without the space', () => {
    expect(errorsOf('Line one.\n\nA client sent the [booking page](<https://exa mple.com>) to us.')).toEqual([
      'content/posts/p.md:13: the link "https://exa mple.com" is not a valid web address: its host name "exa mple.com" has spaces, and a host name cannot; write https://example.com',
    ]);
  });

  test('C1: the same address without angle brackets is not a link at all, and the check says so', () => {
    expect(errorsOf('A client sent the [booking page](https://exa mple.com) to us.')).toEqual([
      'content/posts/p.md:11: "https://exa mple.com" is not a link: Markdown ends an address at a space, so the page shows the brackets as text; remove the space (https://example.com), or write the address between < and > if the space belongs in it',
    ]);
  });

  test('"<https://exa mple.com>" (an autolink with a space) is not a link, and the message says the space is why', () => {
    expect(errorsOf('Book on <https://exa mple.com> today.')).toEqual([
      'content/posts/p.md:11: "<https://exa mple.com>" is not a link: an address between < and > cannot have a space in it, so the page shows it as text, brackets and all; remove the space: <https://example.com>',
    ]);
  });

  test.each([
    [
      'The <https://example.com/price list.pdf> is new.',
      'write the space as %20: <https://example.com/price%20list.pdf>, or write [text](<https://example.com/price list.pdf>)',
    ],
    ['Mail <mailto:ann @example.com> today.', 'remove the space: <mailto:ann@example.com>'],
    [
      'See <www.exa mple.com> today.',
      'write <https://www.example.com> (without the space, and with https:// in front)',
    ],
    [
      'See <https://exa mple.com/a b> today.',
      "write <https://example.com/a%20b> (no space in the site's name, and %20 for a space in the rest)",
    ],
  ])('%j: an autolink with a space is reported once, saying so and what to write', (body, fix) => {
    expect(errorsOf(body)).toEqual([
      expect.stringContaining(
        `is not a link: an address between < and > cannot have a space in it, so the page shows it as text, brackets and all; ${fix}`,
      ),
    ]);
  });

  test('angle brackets that are no autolink, and autolinks without a space, are left alone', () => {
    expect(errorsOf('I <3 massage, a < b > c, <https://example.com/> and [a](<https://example.com/a b>).')).toEqual([]);
  });

  // Each kind of link that Markdown leaves as text, which the page would show with its brackets.
  test.each([
    [
      'We met in the [old studio](https://example.com/(a) last year.',
      '"[old studio](https://example.com/(a)" is not a link: the "(" after "]" has no matching ")" (brackets inside an address must pair up), so the page shows the brackets as text; write [old studio](https://example.com/(a)), or write a bracket of the address as %28 or %29',
    ],
    [
      'See [Massage](https://en.wikipedia.org/wiki/Massage_(therapy) for more.',
      'write [Massage](https://en.wikipedia.org/wiki/Massage_(therapy))',
    ],
    [
      'See [the page](https://example.com/page.',
      'has no matching ")", so the page shows the brackets as text; write [the page](https://example.com/page)',
    ],
    ['![A quiet room](/images/room(2).jpg', '"![A quiet room](/images/room(2).jpg" is not an image: the "(" after "]"'],
    ['Book [here](', 'write the address and a ")" after the "(": [here](https://…)'],
    ['A [note](<https://example.com/a b) here.', 'an address that starts with "<" ends with ">)"'],
    [
      'See (the page)[/about/] here.',
      'the text goes in [ ] and the address in ( ), so the page shows the brackets as text; write [the page](/about/)',
    ],
    [
      'Read [our prices][prices] first.',
      'no line of the post defines "[prices]", so the page shows the brackets as text; add a line "[prices]: https://…" after the paragraph, or write [our prices](address)',
    ],
    ['Read [Prices][] first.', 'add a line "[Prices]: https://…"'],
    [
      'Two lines:\n\nSee 😀 [the \\[1\\] page](https://example.com/a b) too.',
      'content/posts/p.md:13: "https://example.com/a b" is not a link',
    ],
  ])('%j is text meant as a link, and the check says how to write it', (body, expected) => {
    const errors = errorsOf(body);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^content\/posts\/p\.md:1[13]: /);
    expect(errors[0]).toContain(expected);
  });

  // Brackets that people also write as plain text (a citation, a label) are notices: the build goes on.
  test.each([
    [
      'See [the page] (https://example.com/page) here.',
      'nothing between "]" and "(", so the page shows the brackets as text; write [the page](https://example.com/page)',
    ],
    [
      '看【按摩】（https://zh.wikipedia.org/wiki/按摩）。',
      'not the full-width ones (［ ］ 【 】 （ ）) a Chinese or Japanese keyboard types, so the page shows them as text; write [按摩](https://zh.wikipedia.org/wiki/按摩)',
    ],
    ['予約は［こちら］(https://example.jp/予約)へ。', 'write [こちら](https://example.jp/予約)'],
    ['[Massage]（https://ko.wikipedia.org/wiki/마사지）', 'write [Massage](https://ko.wikipedia.org/wiki/마사지)'],
  ])('%j may be meant as text: a notice that says how to write it as a link', (body, expected) => {
    const { errors, notices } = check({ posts: [post(body)] });
    expect(errors).toEqual([]);
    expect(notices).toEqual([expect.stringContaining(expected)]);
    expect(notices[0]).toContain('(if the brackets are meant as text, leave it as it is)');
  });

  test('brackets that are not a link, or links that Markdown does read, are left alone', () => {
    const body = [
      'Escaped: \\[not a link\\](foo bar) and \\[sic\\] (page 3).',
      'A footnote [1] (page 3), a note (see above)[1], and code like a[i][j].',
      'Links: [a](https://example.com/(a)) [b](</media/price list.pdf>) [c](https://example.com "A title") [d]( /about/ ).',
      'A reference: [our prices][Prices] and [Prices][].',
      '',
      '[prices]: https://example.com/prices',
    ].join('\n');
    expect(
      check({ posts: [post(body)], staticPaths: new Set(['/', '/media/price list.pdf', '/about/']) }).errors,
    ).toEqual([]);
  });

  test('in a draft, a link Markdown cannot read is a notice', () => {
    const result = check({ posts: [post('[old studio](https://example.com/(a)', `${ARTICLE}\ndraft: true`)] });
    expect(result.errors).toEqual([]);
    expect(result.notices).toEqual([expect.stringContaining('"[old studio](https://example.com/(a)" is not a link')]);
  });

  test('an address written bare in the text that the site would link broken is an error; a good one is not', () => {
    expect(errorsOf('Booking: https://exa mple.com or https://example.com/book or www.example.org today.')).toEqual([
      `content/posts/p.md:11: the address written in the text "https://exa" is not a usable web address: its host name "exa" has no domain ending such as .com; write the site's real address, e.g. https://example.com/, or remove the link and keep its text`,
    ]);
    expect(errorsOf('Code: `https://exa mple.com` is fine in code.\n\n    https://exa mple.com')).toEqual([]);
  });

  test('a host no site can have is an error wherever it is written: a link, a bare address, an <autolink>', () => {
    const body = 'Book at [our studio](https://-bad-.com/) or https://my_studio.example.com or <http://.com>.';
    expect(errorsOf(body)).toEqual([
      `content/posts/p.md:11: the address written in the text "https://my_studio.example.com" is not a valid web address: its host name "my_studio.example.com" has "_", which a host name cannot have (only letters, digits, "-" and dots); check the site's real address: perhaps https://my-studio.example.com, with "-" instead of "_"; or remove the link and keep its text`,
      `content/posts/p.md:11: the link "https://-bad-.com/" is not a valid web address: its host name "-bad-.com" has "-" at the start and end of "-bad-", which a host name cannot; check the site's real address (copy it from the browser's address bar), or remove the link and keep its text`,
      `content/posts/p.md:11: the link "http://.com" is not a valid web address: its host name ".com" starts with a dot, so the site's name before it is missing; write the site's whole name, e.g. https://example.com/, or remove the link and keep its text`,
    ]);
  });

  test('a backslash at the end of an address is a slip: the fix leaves it out, and a "\\)" is no end of a link', () => {
    expect(errorsOf('See [the price list](https://example.com/prices\\) today.')).toEqual([
      'content/posts/p.md:11: "[the price list](https://example.com/prices\\)" is not a link: the "\\" before ")" makes Markdown read the ")" as part of the address, so the link never ends and the page shows the brackets as text; remove the "\\": write [the price list](https://example.com/prices)',
    ]);
    expect(errorsOf('See https://example.com/prices\\ today.')).toEqual([
      'content/posts/p.md:11: the address written in the text "https://example.com/prices\\" is not a valid web address: it ends with a backslash (\\), which is most likely a typing slip; write https://example.com/prices',
    ]);
  });

  test('"www." in a sentence is no address and no problem', () => {
    expect(errorsOf('I never type the www. part of an address, and WWW. neither.')).toEqual([]);
  });

  test('B1: a host written with %20 is an error', () => {
    expect(errorsOf('Book a [chair massage](http://calm%20hands%20chair%20massage/) on Fridays.')).toEqual([
      `content/posts/p.md:11: the link "http://calm%20hands%20chair%20massage/" is not a valid web address: its host name "calm hands chair massage" has spaces, and a host name cannot; write the site's real address, e.g. https://example.com/, or remove the link and keep its text`,
    ]);
  });

  test.each([
    ['[a](htp://example.com)', 'write http://example.com'],
    ['[a](https//example.com)', 'write https://example.com'],
    ['[a](www.example.com)', 'write https://www.example.com'],
    ['[a](<https://en.wikipedia.org/wiki/Shiatsu_(massage>)', 'unmatched "("'],
    ['[a](mailto:)', 'no email address'],
    ['[a](tel:)', 'no phone number'],
    ['[a](vbscript:msgbox)', 'run code'],
    ['[a](file:///C:/Users/me/price-list.pdf)', "writer's own computer"],
    ['[a]()', 'is empty'],
    ['[a](#)', 'leads nowhere'],
    ['<http://>', 'nothing names a site'],
    ['[a][ref]\n\n[ref]: http://', 'nothing names a site'],
    ['![A table by a window](http://)', 'the image "http://"'],
    ['![A table by a window](javascript:alert(1))', 'the image "javascript:alert(1)"'],
  ])('%j is reported: %s', (body, expected) => {
    const errors = errorsOf(body);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^content\/posts\/p\.md:1[13]: /);
    expect(errors[0]).toContain(expected);
  });

  test('raw HTML: href, src, srcset candidates, poster and the rest, each on its own line', () => {
    const body = [
      '<p>Intro</p>',
      '<a href="http://">old studio</a>',
      '<img src="https://exa mple.com/a.jpg" alt="x">',
      '<img src="/a.jpg" srcset="/a.jpg 1x, htp://cdn.example.com/b.jpg 2x" alt="x">',
      '<video src="/v.webm" poster="file:///C:/poster.jpg"></video>',
      '<audio src="javascript:alert(1)"></audio>',
      '<iframe src="https://"></iframe>',
      '<picture><source srcset="/a.avif 100w 1x"></picture>',
      '<object data="C:\\x.pdf"></object>',
    ].join('\n');
    expect(errorsOf(body).map((error) => error.split(': ')[0] + ': ' + error.split(': ')[1]!.split(' "')[0])).toEqual([
      'content/posts/p.md:12: the link',
      'content/posts/p.md:13: the src of <img>',
      'content/posts/p.md:14: the srcset of <img>',
      'content/posts/p.md:15: the poster of <video>',
      'content/posts/p.md:16: the src of <audio>',
      'content/posts/p.md:17: the src of <iframe>',
      'content/posts/p.md:18: the srcset of <source>',
      'content/posts/p.md:19: the data of <object>',
    ]);
  });

  test('C4: a srcset whose URLs hold commas is fine, as are IDN hosts, other scripts and data: images', () => {
    const body = [
      'The room faces a small garden.',
      '',
      '<img src="https://cdn.example.com/fit=contain,width=640/a.jpg" srcset="https://cdn.example.com/fit=contain,width=320/a.jpg 320w, https://cdn.example.com/fit=contain,width=640/a.jpg 640w" alt="A massage table">',
      '',
      '[書店](https://bücher.example/) [按摩](https://zh.wikipedia.org/wiki/按摩) [עיסוי](https://he.wikipedia.org/wiki/עיסוי)',
      '[mail](mailto:hello@example.com) [call](tel:+442079460000) [top](#top) [prices](</media/price list.pdf>)',
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="A dot">',
    ].join('\n');
    expect(check({ posts: [post(body)], staticPaths: new Set(['/', '/media/price list.pdf']) }).errors).toEqual([]);
  });

  test('MDX: URLs of HTML elements written as JSX are judged too', () => {
    const body =
      'Intro.\n\n<a href="http://">old studio</a>\n\n<img src="/a.jpg" srcset="/a.jpg 1x, https:// 2x" alt="x" />';
    expect(check({ posts: [post(body, ARTICLE, 'p.mdx')] }).errors).toEqual([
      'content/posts/p.mdx:13: the link "http://" is not a valid web address: nothing names a site after "http://"; write the whole address, e.g. https://example.com/page, or remove the link',
      'content/posts/p.mdx:15: the srcset of <img> "https://" is not a valid web address: nothing names a site after "https://"; write the whole address, e.g. https://example.com/page, or remove it',
    ]);
  });

  test('MDX: an address written as a literal between braces (href={"…"}, {\'…\'}, {`…`}) is judged as the text it is; a real expression is left alone', () => {
    const body = [
      'Intro.',
      '',
      '<a href={"http://"}>old studio</a>',
      '',
      "<a href={'www.example.com'}>site</a>",
      '',
      '<img src={`https://`} alt="x" />',
      '',
      '<a href={site.url}>home</a> <a href={`https://${host}/`}>there</a>',
    ].join('\n');
    expect(check({ posts: [post(body, ARTICLE, 'p.mdx')] }).errors).toEqual([
      'content/posts/p.mdx:13: the link "http://" is not a valid web address: nothing names a site after "http://"; write the whole address, e.g. https://example.com/page, or remove the link',
      'content/posts/p.mdx:15: the link "www.example.com" is missing "https://", so it would lead to a page of this site; write https://www.example.com',
      'content/posts/p.mdx:17: the src of <img> "https://" is not a valid web address: nothing names a site after "https://"; write the whole address, e.g. https://example.com/page, or remove it',
    ]);
  });

  test('a draft’s unusable URLs are notices, so an unfinished draft does not stop the build', () => {
    const result = check({ posts: [post('[old studio](http://)', `${ARTICLE}\ndraft: true`)] });
    expect(result.errors).toEqual([]);
    expect(result.notices).toEqual([expect.stringMatching(/^content\/posts\/p\.md:12: the link "http:\/\/" is not/)]);
  });
});

describe('the content check judges URLs in frontmatter', () => {
  test.each([
    ['http://', 'nothing names a site'],
    ['https://exa mple.com/study', 'write https://example.com/study'],
    ['/about/', 'is not a full web address'],
    ['www.nhs.uk/conditions/massage', 'write https://www.nhs.uk/conditions/massage'],
    ['javascript:alert(1)', 'run code'],
  ])('sources[].url %j is an error on its line: %s', (url, expected) => {
    const frontmatter = `${ARTICLE}\nsources:\n  - title: A study\n    url: '${url}'`;
    const [error, ...rest] = check({ posts: [post('Text.', frontmatter)] }).errors;
    expect(rest).toEqual([]);
    expect(error).toMatch(/^content\/posts\/p\.md:11: sources\.0\.url: /);
    expect(error).toContain(expected);
  });

  test('hero.image that is not a usable address is an error naming the field', () => {
    const frontmatter = `${ARTICLE}\nhero:\n  image: 'http://'\n  alt: A room`;
    expect(check({ posts: [post('Text.', frontmatter)] }).errors).toEqual([
      'content/posts/p.md:10: hero.image: "http://" is not a valid web address: nothing names a site after "http://"; write the whole address, e.g. https://example.com/page, or remove it',
    ]);
  });

  test("an author's url is judged as a full web address", () => {
    const author = file('authors', 'ann.yaml', '', '');
    author.text = "name: Ann\nbio: Therapist.\nurl: 'http://calm%20hands/'\n";
    expect(check({ authors: [author] }).errors).toEqual([
      `content/authors/ann.yaml:3: url: "http://calm%20hands/" is not a valid web address: its host name "calm hands" has spaces, and a host name cannot; write the site's real address, e.g. https://example.com/, or delete the field`,
    ]);
  });

  test('a page body is judged like a post body', () => {
    const page = file('pages', 'about.md', 'title: About\ndescription: Us.', 'Visit the [old studio](http://).');
    expect(check({ pages: [page] }).errors).toEqual([
      'content/pages/about.md:6: the link "http://" is not a valid web address: nothing names a site after "http://"; write the whole address, e.g. https://example.com/page, or remove the link',
    ]);
  });
});

describe("a reader's comment never stops the build", () => {
  const aPost = post('Text.', ARTICLE, 'p.md');

  test('C2: "[my site](http://)" in a comment body is a notice, shown as text, not an error', () => {
    const result = check({
      posts: [aPost],
      comments: [
        comment(
          'author: A. Reader\ndate: 2024-06-11T08:15',
          'This helped. I wrote about it on [my site](http://) too.',
        ),
      ],
    });
    expect(result.errors).toEqual([]);
    expect(result.notices).toEqual([
      'content/comments/p/01-reader.md:6: the link "http://" is not a valid web address: nothing names a site after "http://"; write the whole address, e.g. https://example.com/page, or remove the link; the comment shows it as plain text',
    ]);
  });

  test.each([
    'http://',
    'https://exa mple.com',
    'javascript:alert(1)',
    'www.example.com',
    '/about/',
    'htp://x.example',
  ])('a commenter website %j is a notice naming the file and line, and is left out', (website) => {
    const result = check({
      posts: [aPost],
      comments: [comment(`author: A. Reader\ndate: 2024-06-11T08:15\nwebsite: '${website}'`, 'Thanks.')],
    });
    expect(result.errors).toEqual([]);
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0]).toMatch(
      /^content\/comments\/p\/01-reader\.md:4: website: ".+; until then the comment is shown without it$/,
    );
  });
});
