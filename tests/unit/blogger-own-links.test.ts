import { describe, expect, test } from 'vitest';
import { parseBloggerExport } from '../../src/lib/blogger/parse.ts';
import { planImport } from '../../src/lib/blogger/plan.ts';
import { ownBlogPath, type OwnBlog } from '../../src/lib/blogger/transforms.ts';

const BLOG: OwnBlog = {
  hosts: new Set(['calmhands.blogspot.com']),
  oldPaths: new Set(['/2020/01/welcome.html', '/2021/03/neck-rolls.html', '/p/prices.html']),
  labels: new Set(['Deep Tissue', 'Réflexologie']),
};

describe("a link to the old blog's own page, written whole, leads to this site", () => {
  test.each([
    ['https://calmhands.blogspot.com/2020/01/welcome.html', '/2020/01/welcome.html'],
    ['http://calmhands.blogspot.com/2020/01/welcome.html?m=1', '/2020/01/welcome.html'],
    ['https://www.calmhands.blogspot.com/2020/01/welcome.html#more', '/2020/01/welcome.html'],
    // Blogger served the blog under Google's country domains; a reader copied what they saw.
    ['https://calmhands.blogspot.co.uk/2021/03/neck-rolls.html', '/2021/03/neck-rolls.html'],
    ['https://CALMHANDS.blogspot.de/p/prices.html', '/p/prices.html'],
    [
      'https://calmhands.blogspot.com.br/2021/03/neck-rolls.html?showComment=1616161616161#c4242424242',
      '/2021/03/neck-rolls.html#comments',
    ],
    ['https://calmhands.blogspot.com/2021/03/neck-rolls.html#how-to', '/2021/03/neck-rolls.html#how-to'],
    ['https://calmhands.blogspot.com/', '/'],
    ['https://calmhands.blogspot.com/search/label/Deep%20Tissue?max-results=20', '/search/label/Deep%20Tissue'],
    ['https://calmhands.blogspot.com/search/label/R%C3%A9flexologie', '/search/label/R%C3%A9flexologie'],
  ])('%s → %s', (href, path) => {
    expect(ownBlogPath(href, BLOG)).toBe(path);
  });

  test.each([
    // Another blog, even on blogspot, or with a path the export does not hold, is left alone.
    'https://otherblog.blogspot.com/2020/01/welcome.html',
    'https://calmhands.blogspot.com/2019/12/deleted-post.html',
    'https://calmhands.blogspot.com/search/label/Unknown',
    'https://calmhands.blogspot.com/search?q=neck',
    'https://example.com/2020/01/welcome.html',
    'https://calmhands.blogspot.com.evil.example/2020/01/welcome.html',
    'mailto:calmhands@example.com',
    '/2020/01/welcome.html',
    'http://',
  ])('%s stays as it is', (href) => {
    expect(ownBlogPath(href, BLOG)).toBeUndefined();
  });

  test('a Takeout export names no host: a blogspot address of one of its posts is its own', () => {
    const takeout: OwnBlog = { ...BLOG, hosts: new Set() };
    expect(ownBlogPath('https://calmhands.blogspot.fr/2020/01/welcome.html', takeout)).toBe('/2020/01/welcome.html');
    expect(ownBlogPath('https://anyname.blogspot.com/2020/01/welcome.html', takeout)).toBe('/2020/01/welcome.html');
    expect(ownBlogPath('https://calmhands.blogspot.com/', takeout)).toBeUndefined();
  });

  test('a custom domain is the blog’s own, with or without www.', () => {
    const custom: OwnBlog = { ...BLOG, hosts: new Set(['www.calmhands.example']) };
    expect(ownBlogPath('https://calmhands.example/p/prices.html', custom)).toBe('/p/prices.html');
    expect(ownBlogPath('http://www.calmhands.example/p/prices.html', custom)).toBe('/p/prices.html');
  });
});

describe('the import relinks posts and comments, and says so in its notes', () => {
  const entry = (id: string, kind: string, title: string, path: string, html: string, extra = '') =>
    `<entry><id>tag:blogger.com,1999:blog-9.${kind}-${id}</id><published>2021-0${id}-01T10:00:00.000Z</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#${kind}'/><title type='text'>${title}</title><content type='html'>${html.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content><link rel='alternate' type='text/html' href='https://calmhands.blogspot.com${path}'/><author><name>A. Reader</name></author>${extra}</entry>`;
  const feed = `<feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0'>${[
    entry('1', 'post', 'Welcome', '/2021/01/welcome.html', '<p>Hello.</p>'),
    entry(
      '2',
      'post',
      'Neck rolls',
      '/2021/02/neck-rolls.html',
      '<p>As I wrote in <a href="https://calmhands.blogspot.co.uk/2021/01/welcome.html?m=1">my first post</a>, and <a href="https://otherblog.blogspot.com/2021/01/x.html">elsewhere</a>.</p>',
    ),
    `<entry><id>tag:blogger.com,1999:blog-9.post-2.comment-3</id><published>2021-02-02T10:00:00.000Z</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/><content type='html'>See &lt;a href="http://calmhands.blogspot.com/2021/01/welcome.html#c77"&gt;this&lt;/a&gt;.</content><thr:in-reply-to ref='tag:blogger.com,1999:blog-9.post-2' href='https://calmhands.blogspot.com/2021/02/neck-rolls.html'/><author><name>B. Reader</name></author></entry>`,
  ].join('')}</feed>`;

  test('the post links the old address the build redirects; a link to another blog is kept', () => {
    const exported = parseBloggerExport(feed);
    expect(exported.hosts).toEqual(['calmhands.blogspot.com']);
    const plan = planImport(exported, {
      takenPostSlugs: new Set(),
      takenPageSlugs: new Set(),
      existingAuthors: new Set(),
    });
    const post = plan.files.find((file) => file.path === 'posts/neck-rolls/index.md')!.text;
    expect(post).toContain('[my first post](/2021/01/welcome.html)');
    expect(post).toContain('[elsewhere](https://otherblog.blogspot.com/2021/01/x.html)');
    const comment = plan.files.find((file) => file.path.startsWith('comments/neck-rolls/'))!.text;
    expect(comment).toContain('[this](/2021/01/welcome.html#comments)');
    expect(plan.notes).toEqual([
      expect.stringContaining(
        "a link to the old blog's own pages now leads to this site (https://calmhands.blogspot.co.uk/2021/01/welcome.html?m=1 → /2021/01/welcome.html)",
      ),
      expect.stringContaining(
        'http://calmhands.blogspot.com/2021/01/welcome.html#c77 → /2021/01/welcome.html#comments',
      ),
    ]);
    expect(plan.warnings.join('\n')).not.toContain('welcome.html');
  });
});

describe('relative addresses are read against the post’s address on the old blog', () => {
  const feed = (html: string) =>
    `<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>tag:blogger.com,1999:blog-9.post-1</id><published>2021-01-01T10:00:00.000Z</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><title type='text'>Hand care</title><content type='html'>${html.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content><link rel='alternate' type='text/html' href='https://calmhands.blogspot.com/2021/01/hand-care.html'/><author><name>A. Reader</name></author></entry><entry><id>tag:blogger.com,1999:blog-9.page-2</id><published>2021-01-02T10:00:00.000Z</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#page'/><title type='text'>Prices</title><content type='html'>&lt;p&gt;Prices.&lt;/p&gt;</content><link rel='alternate' type='text/html' href='https://calmhands.blogspot.com/p/prices.html'/><author><name>A. Reader</name></author></entry></feed>`;
  const plan = (html: string) =>
    planImport(parseBloggerExport(feed(html)), {
      takenPostSlugs: new Set(),
      takenPageSlugs: new Set(),
      existingAuthors: new Set(),
    });
  const post = (result: ReturnType<typeof plan>) =>
    result.files.find((file) => file.path === 'posts/hand-care/index.md')!.text;

  test('an image, a srcset and a link written relative (as a hand-edited post has them) name the old blog’s files and pages', () => {
    const result = plan(
      '<p><img src="photo.jpg" alt="A warm towel"> <img src="../img/Hände%20öl.png" srcset="../img/small.png 1x, ../img/big.png 2x" alt="Oil"></p><p>See <a href="/p/prices.html">the prices</a>, <a href="#top">the top</a> and <a href="mailto:a@example.com">mail</a>.</p>',
    );
    const text = post(result);
    expect(text).toContain('https://calmhands.blogspot.com/2021/01/photo.jpg');
    expect(text).toContain('https://calmhands.blogspot.com/2021/img/H%C3%A4nde%20%C3%B6l.png');
    // A page of the old blog, written relative, leads to its address here, as a whole one does.
    expect(text).toContain('[the prices](/p/prices.html)');
    expect(text).toContain('(#top)');
    expect(text).toContain('mailto:a@example.com');
    expect(text).not.toMatch(/\]\(photo\.jpg\)|src="\.\.\//);
    expect(result.warnings.join('\n')).toContain(
      "relative to the post's address on the old blog (https://calmhands.blogspot.com/2021/01/hand-care.html)",
    );
    expect(result.warnings.join('\n')).toContain('photo.jpg → https://calmhands.blogspot.com/2021/01/photo.jpg');
    // The srcset is read too (a Markdown image then keeps the picture its src names).
    expect(result.warnings.join('\n')).toContain('../img/big.png → https://calmhands.blogspot.com/2021/img/big.png');
  });

  test('a post with only whole addresses gets no such note', () => {
    const result = plan('<p><img src="https://example.org/a.jpg" alt="A"> <a href="//example.org/b">b</a></p>');
    expect([...result.warnings, ...result.notes].join('\n')).not.toContain('relative to the post');
  });
});

describe('a draft never takes the address of a published entry with the same title', () => {
  const page = (id: string, day: string, draft: boolean, text: string) =>
    `<entry><id>tag:blogger.com,1999:blog-9.page-${id}</id><published>2021-01-${day}T10:00:00.000Z</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#page'/><title type='text'>Prices</title><content type='html'>&lt;p&gt;${text}&lt;/p&gt;</content>${draft ? "<app:control xmlns:app='http://purl.org/atom/app#'><app:draft>yes</app:draft></app:control>" : "<link rel='alternate' type='text/html' href='https://calmhands.blogspot.com/p/prices.html'/>"}<author><name>A. Reader</name></author></entry>`;

  test('the live "Prices" keeps /prices/ though an older draft of it came first in the export', () => {
    const feed = `<feed xmlns='http://www.w3.org/2005/Atom'>${page('1', '01', true, 'New prices, not ready.')}${page('2', '05', false, 'Thirty minutes: 35 £.')}</feed>`;
    const plan = planImport(parseBloggerExport(feed), {
      takenPostSlugs: new Set(),
      takenPageSlugs: new Set(),
      existingAuthors: new Set(),
    });
    const live = plan.files.find((file) => file.text.includes('Thirty minutes'))!;
    const draft = plan.files.find((file) => file.text.includes('not ready'))!;
    expect(live.path).toBe('pages/prices.md');
    expect(draft.path).toBe('pages/prices-2.md');
    expect(draft.text).toContain('draft: true');
  });
});
