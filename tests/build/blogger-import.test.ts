import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { ProjectCopy } from './project-copy.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/blogger/', import.meta.url));
const TAKEOUT = join(FIXTURES, 'takeout-feed.atom');
const BACKUP = join(FIXTURES, 'backup.xml');
const POST = 'content/posts/finding-mobile-massage-therapist/index.md';
const FRENCH = 'content/posts/reflexologie-introduction/index.md';

const frontmatterOf = (text: string) => parseDocument(text.split('---')[1]!).toJS() as Record<string, unknown>;
const listContent = (project: ProjectCopy) =>
  readdirSync(join(project.dir, 'content'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();

describe('importing a Takeout export', () => {
  const project = new ProjectCopy();
  afterAll(() => project.remove());
  const importBlogger = (file = TAKEOUT) => project.run('node', ['scripts/import-blogger.ts', file]);

  test('brings over posts, drafts, pages, comments, labels and authors, and reports it', () => {
    const { status, output } = importBlogger();
    expect(status, output).toBe(0);
    expect(output).toContain('Google Takeout feed.atom');
    expect(output).toMatch(/posts: +3 \(1 as drafts\)/);
    expect(output).toMatch(/pages: +1/);
    expect(output).toMatch(/comments: +3/);
    expect(output).toMatch(/labels: +3 \(as tags\)/);
    expect(output).toContain('a settings entry');
    expect(output).toContain('status SOFT_TRASHED');
    expect(output).toContain('status PENDING');
    expect(output).toContain('an image has no description');

    const post = frontmatterOf(project.read(POST));
    expect(post).toMatchObject({
      title: 'Finding a Mobile Massage Therapist in London',
      pubDate: '2023-05-02T09:30:00.000+01:00',
      updatedDate: '2023-07-10T12:00:00.000+01:00',
      tags: ['Mobile Massage', 'London'],
      author: 'ada-editor',
      kind: 'article',
      redirectFrom: ['/2023/05/finding-mobile-massage-therapist.html'],
      // Blogger's own id, so feed readers that followed the old blog do not see the post as new.
      feedId: 'tag:blogger.com,1999:blog-7000.post-1001',
    });
    expect(frontmatterOf(project.read(FRENCH)).tags).toEqual(['Réflexologie', 'Mobile Massage']);
    const draft = frontmatterOf(project.read('content/posts/unfinished-thoughts-on-hot-stones/index.md'));
    expect(draft.draft).toBe(true);
    expect(frontmatterOf(project.read('content/pages/contact-us.md')).redirectFrom).toEqual(['/p/contact-us.html']);
    expect(project.read('content/authors/ada-editor.yaml')).toContain('name: Ada Editor');
  });

  test('keeps comment threads and readers’ names and websites', () => {
    const dir = 'content/comments/finding-mobile-massage-therapist';
    const jane = frontmatterOf(project.read(`${dir}/2023-05-03-jane-reader-3001.md`));
    expect(jane).toMatchObject({ author: 'Jane Reader', website: 'https://jane.example/' });
    const reply = frontmatterOf(project.read(`${dir}/2023-05-03-ada-editor-3002.md`));
    expect(reply.replyTo).toBe('2023-05-03-jane-reader-3001');
    expect(project.read(`${dir}/2023-05-03-ada-editor-3002.md`)).toContain('Thanks, Jane & welcome!');
    expect(
      frontmatterOf(project.read('content/comments/reflexologie-introduction/2023-06-16-zoe-muller-3003.md')).author,
    ).toBe('Zoë Müller');
  });

  test('converts HTML to clean Markdown and keeps what Markdown cannot hold as HTML', () => {
    const text = project.read(POST);
    expect(text).toContain('Booking a therapist who comes to you takes a little **planning** & patience.');
    expect(text).toContain('### What to ask');
    expect(text).toContain('- Qualifications');
    expect(text).toContain('| Session | Length     |');
    expect(text).toContain(
      '![A folding massage couch set up in a living room](https://blogger.googleusercontent.com/img/b/R29v/s320/couch.jpg)',
    );
    expect(text).toMatch(
      /<iframe [^>]*src="https:\/\/www\.youtube-nocookie\.com\/embed\/M7lc1UVf-VE"[^>]*title="Embedded video"/,
    );
  });

  test('a second run changes nothing and says so', () => {
    const before = listContent(project).map((file) => readFileSync(file, 'utf8'));
    const { status, output } = importBlogger();
    expect(status, output).toBe(0);
    expect(output).toContain('0 created, 0 updated, 7 unchanged, 0 kept as edited');
    expect(output).toContain('Nothing changed');
    expect(listContent(project).map((file) => readFileSync(file, 'utf8'))).toEqual(before);
  });

  test('never overwrites a file an editor has changed, and says which', () => {
    project.edit(FRENCH, (text) => text.replace('TODO: describe this image', 'Bare feet resting on a white towel'));
    const { status, output } = importBlogger();
    expect(status, output).toBe(0);
    expect(output).toContain(`${FRENCH}: changed by an editor since the last import; left as it is`);
    expect(project.read(FRENCH)).toContain('Bare feet resting on a white towel');
  });

  test('the result builds, and every old address leads to its new page', () => {
    const { status, output } = project.build();
    expect(status, output).toBe(0);
    const lines = project.read('dist/_redirects').trim().split('\n');
    const redirects: Record<string, string> = Object.fromEntries(
      lines.map((line) => line.split(' ').slice(0, 2).map(decodeURI)),
    );
    expect(redirects).toMatchObject({
      '/2023/05/finding-mobile-massage-therapist.html': '/posts/finding-mobile-massage-therapist/',
      '/2023/06/reflexologie-introduction.html': '/posts/reflexologie-introduction/',
      '/p/contact-us.html': '/contact-us/',
      '/search/label/Mobile Massage': '/tags/mobile-massage/',
      '/search/label/Réflexologie': '/tags/réflexologie/',
      '/search/label/London': '/tags/london/',
      '/2023/05/': '/archive/#2023-05',
      '/feeds/posts/default': '/rss.xml',
    });
    for (const [from, to] of Object.entries(redirects)) {
      const file = /\.html$/.test(from) ? from : `${from.replace(/\/?$/, '/')}index.html`;
      const page = project.read(`dist${file}`);
      expect(page, from).toContain(
        `<meta http-equiv="refresh" content="0; url=https://massage-wellness.example${encodeURI(to)}">`,
      );
      expect(page).toContain(`<link rel="canonical" href="https://massage-wellness.example${encodeURI(to)}">`);
      const target = to.split('#')[0]!;
      expect(project.exists(`dist${target.endsWith('/') ? `${target}index.html` : target}`), `${from} → ${to}`).toBe(
        true,
      );
    }
    const page = project.read('dist/posts/finding-mobile-massage-therapist/index.html');
    expect(page).toMatch(/<table>[\s\S]*<td>Swedish<\/td>/);
    expect(page.match(/class="comment"/g)).toHaveLength(2);
    expect(page).toMatch(/class="replies"[\s\S]*Thanks, Jane/);
    expect(project.exists('dist/posts/unfinished-thoughts-on-hot-stones/index.html')).toBe(false);
    // The feeds keep Blogger's ids for the imported posts and comments.
    const rss = project.read('dist/rss.xml');
    expect(rss).toContain('<guid isPermaLink="false">tag:blogger.com,1999:blog-7000.post-1001</guid>');
    expect(project.read('dist/atom.xml')).toContain('<id>tag:blogger.com,1999:blog-7000.post-1001</id>');
    expect(project.read('dist/comments.xml')).toMatch(
      /<guid isPermaLink="false">tag:blogger\.com,1999:blog-7000\.post-\d+<\/guid>/,
    );
  }, 120_000);

  test('page views from an analytics export count for the posts the old addresses moved to', () => {
    const { status, output } = project.run('node', ['scripts/import-pageviews.ts', join(FIXTURES, 'ga4-pages.csv')]);
    expect(status, output).toBe(0);
    expect(output).toContain('(pages: "Page path and screen class", views: "Views")');
    expect(JSON.parse(project.read('content/stats/pageviews.json'))).toEqual({
      '/posts/finding-mobile-massage-therapist/': 1300,
      '/posts/reflexologie-introduction/': 325,
    });
    expect(output).toContain('2 rows (5088 views) are not posts');
  });
});

test('the older "Back up content" file imports the same way', () => {
  const project = new ProjectCopy();
  try {
    const { status, output } = project.run('node', ['scripts/import-blogger.ts', BACKUP]);
    expect(status, output).toBe(0);
    expect(output).toContain('"Back up content" file');
    expect(output).toMatch(/posts: +3 \(1 as drafts\)/);
    expect(output).toMatch(/pages: +1/);
    expect(output).toMatch(/comments: +2/);
    expect(output).toContain('a template entry');
    expect(frontmatterOf(project.read(POST)).redirectFrom).toEqual(['/2023/05/finding-mobile-massage-therapist.html']);
    const reply = frontmatterOf(
      project.read('content/comments/finding-mobile-massage-therapist/2023-05-03-ada-editor-3002.md'),
    );
    expect(reply.replyTo).toBe('2023-05-03-jane-reader-3001');
  } finally {
    project.remove();
  }
});

describe('bad input ends with a clear message and writes nothing', () => {
  const takeout = readFileSync(TAKEOUT, 'utf8');
  test.each([
    ['a file that is not XML', 'hello, world', 'is not well-formed XML'],
    ['a truncated export', takeout.slice(0, Math.floor(takeout.length / 2)), 'is not well-formed XML'],
    [
      'an RSS feed',
      '<?xml version="1.0"?><rss version="2.0"><channel/></rss>',
      'this is not a Blogger export: it should be an Atom <feed>, but it starts with <rss>',
    ],
    [
      'an Atom feed that is not Blogger’s',
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title></entry></feed>',
      'has no Blogger entries',
    ],
    [
      'an entry without a title',
      takeout.replace('<title>Contact Us</title>', '<title></title>'),
      'has no title; the export looks damaged',
    ],
    [
      'an entry without a date',
      takeout.replace('<published>2023-06-15T18:00:00.000+01:00</published>', ''),
      'has no published date',
    ],
  ])('%s', (_name, xml, message) => {
    const project = new ProjectCopy();
    try {
      const before = listContent(project);
      writeFileSync(join(project.dir, 'export.xml'), xml);
      const { status, output } = project.run('node', ['scripts/import-blogger.ts', 'export.xml']);
      expect(status).toBe(1);
      expect(output).toContain('Cannot import export.xml: ');
      expect(output).toContain(message);
      expect(output).toContain('Nothing was written.');
      expect(listContent(project)).toEqual(before);
    } finally {
      project.remove();
    }
  });
});

test('with --images, local copies of the images are brought next to their posts', () => {
  const project = new ProjectCopy();
  try {
    project.run('mkdir', ['-p', 'downloaded/photos']);
    project.run('cp', [
      'content/posts/valentina-mobile-massage-canada-water-review/hero.jpg',
      'downloaded/photos/couch.jpg',
    ]);
    const { status, output } = project.run('node', ['scripts/import-blogger.ts', TAKEOUT, '--images', 'downloaded']);
    expect(status, output).toBe(0);
    expect(output).toMatch(/images: +1 copied in/);
    expect(project.exists('content/posts/finding-mobile-massage-therapist/couch.jpg')).toBe(true);
    expect(project.read(POST)).toContain('![A folding massage couch set up in a living room](./couch.jpg)');
  } finally {
    project.remove();
  }
});
