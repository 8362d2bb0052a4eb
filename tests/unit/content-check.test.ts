import { describe, expect, test } from 'vitest';
import { checkContent, formatProblem, type ContentInput, type SourceFile } from '../../src/lib/content-check.ts';
import { contentInput } from './content-input.ts';
import { summariseAltToDos } from '../../src/integrations/content-check.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { renderNewPost, slugFromAnyTitle, slugFromTitle } from '../../src/lib/new-post.ts';

const post = (entry: string, frontmatter: string, body = 'Some text.'): SourceFile => ({
  path: `content/posts/${entry}`,
  entry,
  text: `---\n${frontmatter.trim()}\n---\n\n${body}\n`,
});

const ARTICLE = `title: A post
description: A summary.
pubDate: 2025-01-01
author: editorial
kind: article`;

function check(overrides: Partial<ContentInput>): string[] {
  return checkContent(contentInput({ pageIds: ['about'], staticPaths: new Set(['/', '/archive/']), ...overrides })).map(
    formatProblem,
  );
}

describe('parseFrontmatter', () => {
  const fm = parseFrontmatter('---\ntitle: X\nreview:\n  subject: Y\n  rating:\ntags:\n  - a\n  - b\n---\nBody\n');

  test('finds the line of a field in the file', () => {
    expect(fm.lineOf(['title'])).toBe(2);
    expect(fm.lineOf(['review', 'subject'])).toBe(4);
    expect(fm.lineOf(['review', 'rating'])).toBe(5);
    expect(fm.lineOf(['tags', 1])).toBe(8);
  });

  test('points a missing field at its parent', () => {
    expect(fm.lineOf(['review', 'visitDate'])).toBe(3);
    expect(fm.lineOf(['nowhere'])).toBe(1);
  });

  test('knows where the body starts', () => {
    expect(fm.bodyLine).toBe(10);
    expect(fm.body).toBe('Body\n');
  });

  test('reports YAML syntax errors with their line', () => {
    const broken = parseFrontmatter('---\ntitle: "open quote\ndescription: x\n---\n');
    expect(broken.errors.length).toBeGreaterThan(0);
    expect(broken.errors[0]!.line).toBeGreaterThanOrEqual(2);
  });
});

describe('checkContent', () => {
  test('finds nothing wrong with good content', () => {
    expect(check({ posts: [post('a.md', ARTICLE), post('b/index.md', ARTICLE)] })).toEqual([]);
  });

  test('reports every schema problem of a file at once, with line and field', () => {
    const bad = post(
      'bad.md',
      'title: Bad\ndescription: x\npubDate: 31/02/2026\nauthor: editorial\nkind: review\nreview:\n  subject: S',
    );
    expect(check({ posts: [bad] })).toEqual([
      'content/posts/bad.md:4: pubDate: "31/02/2026" is not a date; write it as 2026-02-28',
      'content/posts/bad.md:7: review.area: missing; "review" needs "area"',
      'content/posts/bad.md:7: review.city: missing; "review" needs "city"',
      'content/posts/bad.md:7: review.services: missing; "review" needs "services"',
      'content/posts/bad.md:7: review.rating: a review needs a rating: a whole number from 1 to 5',
      'content/posts/bad.md:7: review.visitDate: a review needs visitDate: the day of the visit, e.g. 2024-03-09',
    ]);
  });

  test('reports broken YAML instead of guessing', () => {
    const [message] = check({ posts: [post('y.md', 'title: "unclosed\ndescription: x')] });
    expect(message).toMatch(/^content\/posts\/y\.md:\d+: the frontmatter is not valid YAML/);
  });

  test('reports two posts with the same slug once, naming both files', () => {
    expect(check({ posts: [post('same.md', ARTICLE), post('same/index.md', ARTICLE)] })).toEqual([
      'content/posts/same/index.md:1: has the same slug "same" as content/posts/same.md, so they would both be published at /posts/same/; rename one of the files, or give one of them a different "slug:" field',
    ]);
  });

  test('a slug: field counts as the post’s slug, and a clash it makes is reported at it', () => {
    expect(check({ posts: [post('a.md', ARTICLE), post('b.md', `${ARTICLE}\nslug: a`)] })).toEqual([
      'content/posts/b.md:7: slug: "a" is already the slug of content/posts/a.md, so they would both be published at /posts/a/; choose a different slug',
    ]);
  });

  test('reports two posts that claim the same old feed id', () => {
    const feedId = 'feedId: tag:blogger.com,1999:blog-1.post-2';
    const messages = check({ posts: [post('a.md', `${ARTICLE}\n${feedId}`), post('b.md', `${ARTICLE}\n${feedId}`)] });
    expect(messages).toEqual([
      'content/posts/b.md:7: feedId: has the same feedId "tag:blogger.com,1999:blog-1.post-2" as content/posts/a.md; keep it on the post it came from and delete it from the other',
    ]);
  });

  test('reports a link to a post that does not exist, suggesting a near one', () => {
    const source = post('a.md', ARTICLE, 'See [this](/posts/reflexology/) and [that](/posts/b/).');
    const target = post('reflexology-overview.md', ARTICLE);
    expect(check({ posts: [source, post('b.md', ARTICLE), target] })).toEqual([
      'content/posts/a.md:9: links to /posts/reflexology/, but there is no post "reflexology"; did you mean /posts/reflexology-overview/?',
    ]);
  });

  test('reports a link to a draft and to a page that does not exist', () => {
    const source = post(
      'a.md',
      ARTICLE,
      'A [draft](/posts/d/), [about](/about/), [gone](/gone/) and [a tag](/tags/x/).',
    );
    const draft = post('d.md', `${ARTICLE}\ndraft: true\ntags: [x]`);
    expect(check({ posts: [source, draft] })).toEqual([
      'content/posts/a.md:9: links to /posts/d/, which is a draft and will not be published; publish it first or remove the link',
      'content/posts/a.md:9: links to /gone/, which is not a page of this site; fix the address or remove the link (an address of the old blog: add it to "redirectFrom" of the post now there)',
    ]);
  });

  test('reads MDX as MDX: a link inside a component is checked, one inside a code block is not', () => {
    const body = [
      "import Callout from '../../src/components/mdx/Callout.astro';",
      '',
      '<Callout title="Note">',
      '  See [the overview](/posts/missing/).',
      '</Callout>',
      '',
      '```md',
      '[an example](/posts/also-missing/)',
      '```',
    ].join('\n');
    expect(check({ posts: [post('a/index.mdx', ARTICLE, body)] })).toEqual([
      'content/posts/a/index.mdx:12: links to /posts/missing/, but there is no post "missing"; fix the address or remove the link',
    ]);
  });

  test('refuses links that would run code in a reader’s browser', () => {
    const body = '[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](data:text/html,hi) [d](https://example.org/)';
    expect(check({ posts: [post('a.md', ARTICLE, body)] })).toEqual([
      `content/posts/a.md:9: the link "javascript:alert(1)" is a javascript: address, which would run code in a reader's browser; link to a web page (https://...) instead`,
      `content/posts/a.md:9: the link "JAVASCRIPT:x" is a javascript: address, which would run code in a reader's browser; link to a web page (https://...) instead`,
      `content/posts/a.md:9: the link "data:text/html,hi" is a data: address, which hides a whole document inside the link; readers' browsers block it; link to a web page (https://...) instead`,
    ]);
  });

  test('reports images that do not exist or lack alt text', () => {
    const body = 'Text.\n\n![](./a.jpg)\n\n![A chart](./missing.png)';
    const messages = check({
      posts: [post('p/index.md', ARTICLE, body)],
      fileExists: (path) => path.endsWith('a.jpg'),
    });
    expect(messages).toEqual([
      'content/posts/p/index.md:11: the image ./a.jpg has no alt text; write a short description of it between the square brackets that come before its address',
      'content/posts/p/index.md:13: the image ./missing.png does not exist (looked for content/posts/p/missing.png); put it next to the post or fix the path',
    ]);
  });

  test('an imported post marked altTextPending owes its descriptions as to-dos, summed up in one line; others still must have them', () => {
    const body = 'Text.\n\n![](./a.jpg)\n\n![TODO: describe this image](./a.jpg)\n\n![A towel](./a.jpg)';
    const problems = checkContent(
      contentInput({
        posts: [
          post('imported/index.md', `${ARTICLE}\naltTextPending: true`, body),
          post('other/index.md', `${ARTICLE}\naltTextPending: true`, '![](./a.jpg)'),
          post('new/index.md', ARTICLE, '![](./a.jpg)'),
        ],
        fileExists: () => true,
      }),
    );
    expect(problems.map((p) => [p.severity, p.file, p.line])).toEqual([
      ['todo', 'content/posts/imported/index.md', 12],
      ['todo', 'content/posts/imported/index.md', 14],
      ['todo', 'content/posts/other/index.md', 10],
      ['error', 'content/posts/new/index.md', 9],
    ]);
    expect(summariseAltToDos(problems)).toBe(
      '3 images in 2 imported posts still have no description (alt text); the list is in content/.imports/blogger-report.md, and the posts are the ones marked altTextPending: true',
    );
    expect(summariseAltToDos(problems.filter((p) => p.severity !== 'todo'))).toBeUndefined();
    // An imported page owes them the same way, and is named as a page.
    const page = { file: 'content/pages/about.md', line: 6, message: 'no alt', severity: 'todo' as const };
    expect(summariseAltToDos([...problems, page])).toBe(
      '4 images in 2 imported posts and 1 imported page still have no description (alt text); the list is in content/.imports/blogger-report.md, and the files are the ones marked altTextPending: true',
    );
  });

  test('an <img> in a post’s HTML follows the same rules: a description (a to-do while altTextPending) and a file that exists', () => {
    const table =
      '<table><tr><td><img src="./камни.jpg" alt=""></td><td><img src="./p%C3%A9s.jpg" alt="TODO: describe this image"></td></tr>\n<tr><td><img src="https://1.bp.blogspot.com/-a/s320/x.jpg"></td><td><img src="./gone.jpg" alt="Pedras quentes"></td></tr></table>';
    const problems = checkContent(
      contentInput({
        posts: [
          post('imported/index.md', `${ARTICLE}\naltTextPending: true`, `Texto.\n\n${table}`),
          post('new/index.md', ARTICLE, '<div><img src="./a.jpg"></div>'),
        ],
        fileExists: (path) => !path.endsWith('gone.jpg'),
      }),
    );
    expect(problems.map((p) => `${p.severity} ${p.file}:${p.line}: ${p.message}`)).toEqual([
      'todo content/posts/imported/index.md:12: the image ./камни.jpg (an <img> in HTML) has no alt text; write a short description of it in its alt="..."',
      'todo content/posts/imported/index.md:12: the image ./p%C3%A9s.jpg (an <img> in HTML) still has the placeholder description "TODO: describe this image"; write what the image shows in its alt="..."',
      'todo content/posts/imported/index.md:13: the image https://1.bp.blogspot.com/-a/s320/x.jpg (an <img> in HTML) has no alt text; write a short description of it in its alt="..."',
      'error content/posts/imported/index.md:13: the image ./gone.jpg does not exist (looked for content/posts/imported/gone.jpg); put it next to the post or fix the path',
      'error content/posts/new/index.md:9: the image ./a.jpg (an <img> in HTML) has no alt text; write a short description of it in its alt="..."',
    ]);
  });

  test('reports a hero image that does not exist', () => {
    const hero = post('p/index.md', `${ARTICLE}\nhero:\n  image: ./hero.jpg\n  alt: A hand`);
    expect(check({ posts: [hero], fileExists: () => false })).toEqual([
      'content/posts/p/index.md:8: hero.image: ./hero.jpg does not exist (looked for content/posts/p/hero.jpg); put the image next to the post or fix the path',
    ]);
  });

  test('says nothing about a tag written with other capitals: it is one tag', () => {
    const problems = checkContent(
      contentInput({
        posts: [
          post('a.md', `${ARTICLE}\ntags: [reflexology, London]`),
          post('b.md', `${ARTICLE}\ntags: [Reflexology, london, LONDON]`),
          post('c.md', `${ARTICLE}\ntags: ['  deep   tissue', Deep Tissue]`),
        ],
      }),
    );
    expect(problems).toEqual([]);
  });

  test('accepts C, C#, C++, F#, .NET, Q&A, emoji and "?" as tags of one post', () => {
    const tags = `tags: [C, C#, C++, F#, .NET, NET, Q&A, "💆", "💆🏽", "?", "!!!", 入门, London]`;
    expect(check({ posts: [post('a.md', `${ARTICLE}\n${tags}`)] })).toEqual([]);
  });

  test('refuses a tag with nothing to make an address from, at the line of the tag', () => {
    const tags = 'tags:\n  - sleep\n  - "—"\n  - "()"';
    expect(check({ posts: [post('a.md', `${ARTICLE}\n${tags}`)] })).toEqual([
      'content/posts/a.md:9: tags: "—" cannot be used as a tag: it has no letter, digit, symbol or emoji to make its address from (dashes, brackets, slashes and bars such as / | \\ only separate the words of an address); write it as a word (e.g. "notes") or remove it',
      'content/posts/a.md:10: tags: "()" cannot be used as a tag: it has no letter, digit, symbol or emoji to make its address from (dashes, brackets, slashes and bars such as / | \\ only separate the words of an address); write it as a word (e.g. "notes") or remove it',
    ]);
  });

  test('refuses a tag too long for a file name', () => {
    const long = '按摩'.repeat(40);
    expect(check({ posts: [post('a.md', `${ARTICLE}\ntags: [${long}]`)] })).toEqual([
      `content/posts/a.md:7: tags: "${long}" is too long to be a tag: its address would not fit in a file name; shorten it to a few words`,
    ]);
  });

  test('refuses two different tags of one post that would share an address once, naming both lines', () => {
    const tags = 'tags:\n  - self-care\n  - Self care';
    expect(check({ posts: [post('a.md', `${ARTICLE}\n${tags}`)] })).toEqual([
      'content/posts/a.md:9: tags: "Self care" and "self-care" (content/posts/a.md:8) would both have the address /tags/self-care/, but they are different tags (only capitals, spacing and Unicode forms are ignored when tags are matched); write them the same way if they are one tag, or change one so that their addresses differ',
    ]);
  });

  test('refuses two different tags of two posts that would share an address once, drafts included', () => {
    const a = post('a.md', `${ARTICLE}\ntags: [C++, sleep]`);
    const b = post('b/index.md', `${ARTICLE}\ndraft: true\ntags:\n  - sleep\n  - C plus plus`);
    expect(check({ posts: [a, b] })).toEqual([
      'content/posts/b/index.md:10: tags: "C plus plus" and "C++" (content/posts/a.md:7) would both have the address /tags/c-plus-plus/, but they are different tags (only capitals, spacing and Unicode forms are ignored when tags are matched); write them the same way if they are one tag, or change one so that their addresses differ',
    ]);
  });

  test('points a link to a tag by its label at the tag page’s real address', () => {
    const a = post(
      'a.md',
      `${ARTICLE}\ntags: [C++]`,
      'See [more](/tags/C++/), [also](/tags/c-plus-plus/) and [page 2](/tags/c-plus-plus/2/).',
    );
    expect(check({ posts: [a] })).toEqual([
      "content/posts/a.md:10: links to /tags/C++/, but that tag's page is at /tags/c-plus-plus/; link to that address instead",
    ]);
  });

  test('refuses an old address claimed by two posts', () => {
    const a = post('a.md', `${ARTICLE}\nredirectFrom: [/2023/05/a.html]`);
    const b = post('b.md', `${ARTICLE}\nredirectFrom: [/2023/05/a.html]`);
    expect(check({ posts: [a, b] })).toEqual([
      'content/posts/b.md: redirectFrom: the old address /2023/05/a.html is claimed by content/posts/a.md and content/posts/b.md; keep it in one of them',
    ]);
  });

  test('reports an unknown author and a pinned post that does not exist', () => {
    expect(check({ posts: [post('a.md', ARTICLE.replace('editorial', 'nobody'))], pinned: ['ghost'] })).toEqual([
      'content/posts/a.md:5: author: "nobody" is not an author; use one of "editorial" (files in content/authors/)',
      'src/site.config.ts: popularPosts.pinned: "ghost" is not a published post; use the slug of a post in content/posts/ or remove it',
    ]);
  });

  test('refuses to publish a post that still holds a TODO placeholder, but lets a draft keep it', () => {
    const text = renderNewPost({ title: 'New', kind: 'review', today: '2025-01-01', author: 'editorial' });
    const draft: SourceFile = { path: 'content/posts/new/index.md', entry: 'new/index.md', text };
    expect(check({ posts: [draft] })).toEqual([]);
    const published = { ...draft, text: text.replace('draft: true', 'draft: false') };
    expect(check({ posts: [published] })).toEqual([
      'content/posts/new/index.md:3: description: still holds a TODO placeholder; fill it in before publishing (or keep draft: true)',
      'content/posts/new/index.md:11: review.subject: still holds a TODO placeholder; fill it in before publishing (or keep draft: true)',
      'content/posts/new/index.md:12: review.area: still holds a TODO placeholder; fill it in before publishing (or keep draft: true)',
      'content/posts/new/index.md:13: review.city: still holds a TODO placeholder; fill it in before publishing (or keep draft: true)',
      'content/posts/new/index.md:14: review.services.0: still holds a TODO placeholder; fill it in before publishing (or keep draft: true)',
      'content/posts/new/index.md:15: review.rating: a review needs a rating: a whole number from 1 to 5',
      'content/posts/new/index.md:16: review.visitDate: a review needs visitDate: the day of the visit, e.g. 2024-03-09',
      'content/posts/new/index.md:26: the text is still the placeholder of a new post; write the post before publishing (or keep draft: true)',
    ]);
  });

  test('reports a comment for a missing post, a bad field and a reply to a missing comment', () => {
    const comment = (entry: string, frontmatter: string): SourceFile => ({
      path: `content/comments/${entry}`,
      entry,
      text: `---\n${frontmatter}\n---\nHello\n`,
    });
    expect(
      check({
        posts: [post('a.md', ARTICLE)],
        comments: [
          comment('ghost/01.md', 'author: A\ndate: 2025-01-02'),
          comment('a/01.md', 'author: A\ndate: someday'),
          comment('a/02.md', 'author: B\ndate: 2025-01-02\nreplyTo: 99'),
        ],
      }),
    ).toEqual([
      'content/comments/ghost/01.md: this comment is filed under "ghost", but there is no post with that slug; move it to content/comments/<post-slug>/ of an existing post or delete it',
      'content/comments/a/01.md:3: date: "someday" is not a date; write it as YYYY-MM-DD (e.g. 2025-05-22), optionally with a time (2025-05-22T09:30)',
      'content/comments/a/02.md:4: replyTo: "99" is not a comment on this post; use the file name (without .md) of a comment in content/comments/a/',
    ]);
  });
});

describe('new post template', () => {
  test('slugFromTitle makes a short ASCII slug', () => {
    expect(slugFromTitle('Deep Tissue Massage: After Running?')).toBe('deep-tissue-massage-after-running');
    expect(slugFromTitle('Réflexologie à São Paulo')).toBe('reflexologie-a-sao-paulo');
  });

  test('slugFromTitle keeps letters that have no accent to take off, written in ASCII', () => {
    expect(slugFromTitle('Massage in der Straße')).toBe('massage-in-der-strasse');
    expect(slugFromTitle('İstanbul’da ılık masaj')).toBe('istanbulda-ilik-masaj');
    expect(slugFromTitle('Łódź, Ærø, Œuvre, Þór, Đakovo, Ǆemal')).toBe('lodz-aero-oeuvre-thor-dakovo-dzemal');
  });

  test('a mark between digits keeps them apart, and C# and C++ are spelled as their tags are', () => {
    expect(slugFromTitle('Neck Rolls, Part 1/2')).toBe('neck-rolls-part-1-2');
    expect(slugFromTitle('Yoga at 10:30, 2.5 hours')).toBe('yoga-at-10-30-2-5-hours');
    expect(slugFromTitle('C# & C++ für Anfänger')).toBe('c-sharp-c-plus-plus-fur-anfanger');
    expect(slugFromTitle('Hashtag #selfcare')).toBe('hashtag-selfcare');
    expect(slugFromAnyTitle('Массаж: шаг 1/2')).toBe('массаж-шаг-1-2');
  });

  test('a mark or other whitespace between two words keeps them apart too; a hyphen and an apostrophe join', () => {
    expect(slugFromTitle('Hot-stone/Shiatsu: and/or?')).toBe('hot-stone-shiatsu-and-or');
    expect(slugFromTitle('Massage—a guide, St.Albans…Herts')).toBe('massage-a-guide-st-albans-herts');
    expect(slugFromTitle('Tab\there, line\nbreak, no-break\u00a0space')).toBe('tab-here-line-break-no-break-space');
    expect(slugFromTitle('Q&A: www.example.com/a')).toBe('q-a-www-example-com-a');
    expect(slugFromTitle('Women’s health')).toBe('womens-health');
    expect(slugFromAnyTitle('按摩/入门・肩')).toBe('按摩-入门-肩');
    expect(slugFromAnyTitle('मालिश/तेल')).toBe('मालिश-तेल');
  });

  test('quotes a title that YAML would misread', () => {
    const text = renderNewPost({
      title: 'Yes: "quotes" & #hash',
      kind: 'article',
      today: '2025-01-01',
      author: 'editorial',
    });
    expect(parseFrontmatter(text).data).toMatchObject({ title: 'Yes: "quotes" & #hash', draft: true, kind: 'article' });
  });
});

describe('the files the settings name', () => {
  test('a favicon or logo missing from public/ is reported with the setting', () => {
    expect(
      check({
        staticPaths: new Set(['/favicon.svg']),
        settingsFiles: { favicon: '/favicon.svg', 'logo.src': '/logo.svg' },
      }),
    ).toEqual([
      'src/site.config.ts: logo.src: /logo.svg is not in public/; put the file at public/logo.svg or fix the path',
    ]);
  });
});
