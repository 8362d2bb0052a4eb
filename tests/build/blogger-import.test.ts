import { spawn } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseBloggerExport } from '../../src/lib/blogger/parse.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { getRedirectFilePath } from '../../src/lib/redirects.ts';
import { freePort } from '../free-port.ts';
import { ProjectCopy } from './project-copy.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/blogger/', import.meta.url));
const TAKEOUT = join(FIXTURES, 'takeout-feed.atom');
const BACKUP = join(FIXTURES, 'backup.xml');
const CASES = join(FIXTURES, 'cases');
const POST = 'content/posts/finding-mobile-massage-therapist/index.md';
/** Preloaded to run a command on another day (the copy of the project has no tests/). */
const CLOCK_OFFSET = fileURLToPath(new URL('../clock-offset.ts', import.meta.url));
const FRENCH = 'content/posts/reflexologie-introduction/index.md';

/** A written file's frontmatter, read by the site's own reader (a label "---" in it must not end it). */
const frontmatterOf = (text: string) => parseFrontmatter(text).data as Record<string, unknown>;
/** Resolves once something accepts connections on the port (nginx started), or fails after 10 s. */
async function waitForPort(port: number): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      }).on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing listens on port ${port}`);
}
const listContent = (project: ProjectCopy) =>
  readdirSync(join(project.dir, 'content'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();

describe('importing a Takeout export', () => {
  // Its build is of the imported posts, not of image encoding: the heroes come already encoded.
  const project = new ProjectCopy().withEncodedImages();
  afterAll(() => project.remove());
  // Images stay remote here; downloads are tested in blogger-images.test.ts.
  const importBlogger = (file = TAKEOUT) => project.run('node', ['scripts/import-blogger.ts', file, '--no-download']);

  test('brings over posts, drafts, pages, comments, labels and authors, and reports it', () => {
    const { status, output } = story.first;
    expect(status, output).toBe(0);
    expect(output).toContain('Google Takeout feed.atom');
    expect(output).toMatch(/posts: +3 \(1 as drafts\)/);
    expect(output).toMatch(/pages: +1/);
    expect(output).toMatch(/comments: +3/);
    expect(output).toMatch(/labels: +3 \(as tags\)/);
    // The blog's name is offered to the site settings, and written while they still have the shipped title.
    expect(output).toContain('title: "Massage & Wellness" → "Fixture Wellness Blog" (written to src/site.config.ts)');
    expect(output).toContain('status SOFT_TRASHED');
    expect(output).toContain('status PENDING');
    expect(output).toContain('to do: 1 image(s) have no description; the posts are marked altTextPending: true');

    const post = frontmatterOf(project.read(POST));
    expect(post).toMatchObject({
      title: 'Finding a Mobile Massage Therapist in London',
      pubDate: '2023-05-02T09:30:00.000+01:00',
      updatedDate: '2023-07-10T12:00:00.000+01:00',
      // The site already has "mobile massage": the same tag in other capitals, so the post keeps its own.
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
    // Blogger's <h3> is the post's first heading level: it becomes h2 under the page's title.
    expect(text).toContain('\n## What to ask');
    expect(text).toContain('- Qualifications');
    expect(text).toContain('| Session | Length     |');
    // Left remote (--no-download), it keeps the size it showed at, which Markdown cannot hold.
    expect(text).toContain(
      '<img alt="A folding massage couch set up in a living room" src="https://blogger.googleusercontent.com/img/b/R29v/s320/couch.jpg" width="320" height="240">',
    );
    // A YouTube frame is the site's click-to-load player (no picture: --no-download).
    expect(text).toMatch(
      /<div class="player" data-pagefind-ignore=""><a class="facade" href="https:\/\/www\.youtube\.com\/watch\?v=M7lc1UVf-VE" data-video-embed="https:\/\/www\.youtube-nocookie\.com\/embed\/M7lc1UVf-VE\?autoplay=1"/,
    );
  });

  test('a second run changes nothing and says so', () => {
    const { status, output } = story.second;
    expect(status, output).toBe(0);
    expect(output).toContain('0 created, 0 updated, 7 unchanged, 0 kept as edited');
    expect(output).toContain('Nothing changed');
    expect(story.afterSecond).toEqual(story.beforeSecond);
  });

  test('never overwrites a file an editor has changed, and says which', () => {
    const { status, output } = story.afterEdit;
    expect(status, output).toBe(0);
    expect(output).toContain(`${FRENCH}: changed by an editor since the last import; left as it is`);
    expect(project.read(FRENCH)).toContain('Bare feet resting on a white towel');
  });

  // Issue 19's cases go into the same blog, so one build serves them all: the cases of each export
  // format are joined into one export of that format (two imports, not one per case).
  const CASE_FILES = readdirSync(CASES).sort();
  // The backup goes first: its settings make the site Portuguese (B12), and the Takeout cases, which
  // state no language, are then read as the English they are and say so (lang: en) from the start,
  // so a second run of both changes nothing.
  const MERGED = { backup: 'cases-backup.xml', takeout: 'cases-takeout.atom' } as const;
  const mergeCases = () => {
    for (const [format, name] of Object.entries(MERGED)) {
      const texts = CASE_FILES.filter((file) => (format === 'takeout') === file.endsWith('.atom')).map((file) =>
        readFileSync(join(CASES, file), 'utf8'),
      );
      const head = texts[0]!.slice(0, texts[0]!.indexOf('<entry'));
      const entries = texts.flatMap((text) => text.match(/<entry[\s\S]*?<\/entry>/g) ?? []);
      project.write(name, `${head}${entries.join('\n')}\n</feed>\n`);
    }
  };
  /**
   * The import's story, told once before the tests (so that any test may run alone, in any order):
   * the Takeout export imported, imported again unchanged, imported after an editor's change, then
   * issue 19's cases imported into the same blog, and the result built. Each step's output is kept.
   */
  const story = {} as Record<'first' | 'second' | 'afterEdit' | 'build', { status: number | null; output: string }> & {
    beforeSecond: string[];
    afterSecond: string[];
    cases: { name: string; status: number | null; output: string }[];
  };
  beforeAll(() => {
    story.first = importBlogger();
    const texts = () => listContent(project).map((file) => readFileSync(file, 'utf8'));
    story.beforeSecond = texts();
    story.second = importBlogger();
    story.afterSecond = texts();
    project.edit(FRENCH, (text) => text.replace('![](', '![Bare feet resting on a white towel]('));
    story.afterEdit = importBlogger();
    mergeCases();
    story.cases = Object.values(MERGED).map((name) => ({ name, ...importBlogger(name) }));
    story.build = project.build();
  }, 600_000);
  const caseOutput = () => story.cases.map(({ output }) => `${output}\n`).join('');

  test('the cases of issue 19 import into the same blog, each reported with the entry’s title and old address', () => {
    for (const { name, status, output } of story.cases) expect(status, `${name}: ${output}`).toBe(0);
    const all = caseOutput();
    expect(all).toContain(
      '"Chair Massage on Friday Afternoons" (/2020/02/chair-massage-friday.html): the link "http://calm%20hands%20chair%20massage/" (on "booking page")',
    );
    expect(all).toMatch(
      /errors: +1\n +- "Sessions per Month" \(\/p\/sessions-per-month\.html\) has nothing a reader could see/,
    );
    expect(all).toMatch(/pages: +1 \(1 as drafts\)/);
    // The Takeout fixture already set the title, so the blog's name is only shown; the rest is written.
    expect(all).toContain('language: "en-GB" → "pt-BR" (written to src/site.config.ts)');
    expect(all).toContain('timeZone: "Europe/London" → "America/Los_Angeles" (written to src/site.config.ts)');
    expect(all).toContain('title: the blog had "Mãos que Acalmam", the site has "Fixture Wellness Blog"');
    expect(all).not.toContain('dates:');
    expect(project.read('src/site.config.ts')).toContain("timeZone: 'America/Los_Angeles',");
    expect(frontmatterOf(project.read('content/pages/cancellation-policy.md'))).toMatchObject({ draft: true });
    // The site's own posts, written in English, say so now that the site's language is Portuguese;
    // the file keeps every other byte.
    expect(all).toMatch(
      /language: \d+ post\(s\) and page\(s\) that were here before keep their language: lang: en-GB added to each/,
    );
    expect(project.read(`content/posts/how-massage-therapy-may-enhance-your-immune-system/index.mdx`)).toBe(
      readFileSync(`content/posts/how-massage-therapy-may-enhance-your-immune-system/index.mdx`, 'utf8').replace(
        /\n---\n/,
        '\nlang: en-GB\n---\n',
      ),
    );
  });

  test('text that YAML 1.1 reads as a date (a title, description, label, author or commenter "2021-12-02") is written quoted, so it builds as text', () => {
    const post = project.read('content/posts/2021-12-02/index.md');
    expect(post).toMatch(/^title: "2021-12-02"$/m);
    expect(post).toMatch(/^ {2}- "2021-12-02"$/m);
    expect(post).toMatch(/^pubDate: 2021-12-02T/m);
    const comments = readdirSync(join(project.dir, 'content/comments/2021-12-02'));
    expect(project.read(`content/comments/2021-12-02/${comments[0]}`)).toMatch(/^author: "2021-12-03T09:00:00Z"$/m);
  });

  test('the result builds, and every old address leads to its new page', () => {
    const { status, output } = story.build;
    expect(status, output).toBe(0);
    const lines = project.read('dist/_redirects').trim().split('\n');
    const redirects: Record<string, string> = Object.fromEntries(
      lines.map((line) =>
        line
          .split(' ')
          .slice(0, 2)
          .map((part) => decodeURIComponent(part)),
      ),
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
      const file = getRedirectFilePath(from);
      // A label such as "../etc" has no page (a static host reads its address as /search/etc/):
      // _redirects and nginx redirect it (see the nginx tests below).
      if (file === undefined) {
        expect(from.startsWith('/search/label/'), from).toBe(true);
        continue;
      }
      const page = project.read(`dist/${file}`);
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
  }, 300_000);

  test('the cases render as Blogger showed them: anchors, headings, tables, embeds, dates, language and text', () => {
    const html = (path: string) => project.read(`dist${path}index.html`);
    const anchors = html('/posts/reflexology-session-feels-like/');
    expect(anchors).toContain('<span id="fn1"></span>');
    expect(anchors).toContain('<span id="ref1"></span>');
    expect(anchors).toContain('<a href="#fn1">');
    expect(anchors).not.toMatch(/<a href="">|<a>/);
    expect(html('/posts/choosing-between-two-techniques/')).toMatch(
      /<h2 id="deep-tissue">Deep Tissue<\/h2>[\s\S]*<h3 id="hot-stone">Hot Stone<\/h3>/,
    );
    const table = html('/posts/what-our-sessions-cost/');
    expect(table).toContain('<td>30 minutes</td>');
    expect(table).not.toMatch(/<th/);
    const flash = html('/posts/video-self-massage-tired-feet/');
    expect(flash).toMatch(
      /<a class="facade" href="https:\/\/www\.youtube\.com\/watch\?v=VIDEOID" data-video-embed="https:\/\/www\.youtube-nocookie\.com\/embed\/VIDEOID\?autoplay=1"/,
    );
    expect(flash).toMatch(/<script type="module">[^<]*a\[data-video-embed\]/);
    expect(flash).not.toMatch(/<object|<embed|<iframe/);
    const lymph = html('/posts/gentle-lymphatic-drainage/');
    expect(lymph.match(/<iframe src="https:\/\/docs\.google\.com\//g)).toHaveLength(2);
    expect(lymph).toContain('data-video-embed="https://player.vimeo.com/video/11112222?autoplay=1&#x26;dnt=1"');
    expect(html('/posts/stretch-timer/')).toContain('href="https://gist.github.com/someone/abc123"');
    expect(project.exists('dist/sessions-per-month/index.html')).toBe(false);
    expect(project.exists('dist/cancellation-policy/index.html')).toBe(false);
    const portuguese = html('/posts/massagem-nos-pes-antes-de-dormir/');
    expect(portuguese).toMatch(/<html lang="pt-BR"/);
    expect(html(`/posts/how-massage-therapy-may-enhance-your-immune-system/`)).toMatch(/<html lang="en-GB"/);
    expect(portuguese).toContain('<time datetime="2021-03-05"');
    expect(html('/posts/simple-routine-stiff-neck/')).toContain('STRETCH----Hold each position');
    const prose = html('/posts/command-line-timer-stretch-breaks/');
    expect(prose).toMatch(
      /run it with --verbose to hear each interval; she said (?:'|&#x27;|&#39;)relax(?:'|&#x27;|&#39;) and (?:"|&quot;)breathe(?:"|&quot;) -- then pressed\./,
    );
    expect(prose).toContain(`<code>stretch-timer --verbose 'neck roll' "slow" -- done</code>`);
    for (const [slug, old] of [
      ['массаж-шеи-для-начинающих', '/2021/03/blog-post_20.html'],
      ['足裏マッサージの基本', '/2021/04/blog-post.html'],
    ]) {
      expect(project.exists(`dist/posts/${slug}/index.html`), slug).toBe(true);
      expect(project.read(`dist${old}`)).toContain(
        `url=https://massage-wellness.example${encodeURI(`/posts/${slug}/`)}`,
      );
    }
    // Every live entry of every case is a page of the site, reached from its old address; the one
    // that showed nothing without its scripts is reported instead (see the import test above).
    const redirects = new Map(
      project
        .read('dist/_redirects')
        .trim()
        .split('\n')
        .map(
          (line) =>
            line.split(' ').map((part, index) => (index === 0 ? decodeURIComponent(part) : decodeURI(part))) as [
              string,
              string,
            ],
        ),
    );
    let live = 0;
    let rendered = 0;
    for (const file of CASE_FILES) {
      for (const item of parseBloggerExport(readFileSync(join(CASES, file), 'utf8')).items) {
        if (item.draft) continue;
        live += 1;
        const target = redirects.get(item.oldPath!);
        if (target && project.exists(`dist${target}index.html`)) rendered += 1;
        else expect(caseOutput(), `${file}: ${item.title}`).toContain(`"${item.title}" (${item.oldPath}) has nothing`);
      }
    }
    expect(rendered).toBe(live - 1);
  });

  /**
   * Runs `check` against nginx serving the built blog with the config npm run nginx-conf writes;
   * `check` gets a fetch for paths and the port, for requests sent exactly as written (whereToRaw).
   */
  const withNginx = async (check: (get: (path: string) => Promise<Response>, port: number) => Promise<void>) => {
    const port = await freePort();
    const conf = project.run('node', [
      'scripts/nginx-conf.ts',
      '--root',
      'dist',
      '--port',
      String(port),
      '--standalone',
    ]);
    expect(conf.status, conf.output).toBe(0);
    project.write('nginx.conf', conf.output);
    const nginx = spawn(
      existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx',
      ['-c', join(project.dir, 'nginx.conf')],
      {
        stdio: 'ignore',
      },
    );
    try {
      await waitForPort(port);
      await check((path) => fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual' }), port);
    } finally {
      nginx.kill();
    }
  };
  /** Where nginx sends an old address: the status and the decoded path of the Location. */
  const whereTo = async (get: (path: string) => Promise<Response>, path: string) => {
    const response = await get(path);
    const location = response.headers.get('location');
    return `${response.status} ${location ? decodeURIComponent(new URL(location).pathname) : ''}`;
  };

  /**
   * Where nginx sends a path sent exactly as written (node:http does not resolve "..%2F" or "%2E%2E"
   * as a browser's URL parser may): the status and the decoded path of the Location.
   */
  const whereToRaw = (port: number, path: string) =>
    new Promise<string>((resolve, reject) => {
      httpGet({ host: '127.0.0.1', port, path }, (response) => {
        response.resume();
        const location = response.headers.location;
        resolve(`${response.statusCode} ${location ? decodeURIComponent(new URL(location).pathname) : ''}`);
      }).on('error', reject);
    });

  test('every label’s old address leads to its own tag, whatever it holds ("/", "..", "%", "?", "#", quotes, backslashes), in lower case, with %2b or %2B, and with + for spaces', async () => {
    // No redirect page is written outside /search/label/ (a label "../etc" once wrote one at /search/etc/).
    expect(project.exists('dist/search/etc')).toBe(false);
    expect(project.exists('dist/search/label/Node.js/index.html')).toBe(true);
    // Labels with characters the config must quote, added to _redirects as the build would write them.
    const redirectsFile = project.read('dist/_redirects');
    project.write(
      'dist/_redirects',
      `${redirectsFile}/search/label/line%0Abreak /tags/line-break/ 301\n/search/label/tab%09%22%5C%7B%7D%3B%24 /tags/tab/ 301\n`,
    );
    try {
      await withNginx(async (_get, port) => {
        const cases: Record<string, string> = {
          '/search/label/TCP%2FIP': '301 /tags/tcp-ip/',
          '/search/label/tcp%2fip/': '301 /tags/tcp-ip/',
          '/search/label/a%2Fb%2Fc': '301 /tags/a-b-c/',
          '/search/label/..%2Fetc': '301 /tags/dot-dot-etc/',
          '/search/label/..%2fETC/': '301 /tags/dot-dot-etc/',
          '/search/label/%2E%2E%2Fetc?max-results=20': '301 /tags/dot-dot-etc/',
          '/search/label/%2Fetc': '301 /tags/etc/',
          '/search/label/50%25%20off': '301 /tags/50-percent-off/',
          '/search/label/50%25+off': '301 /tags/50-percent-off/',
          '/search/label/Why%3F': '301 /tags/why-question-mark/',
          '/search/label/why%3f': '301 /tags/why-question-mark/',
          '/search/label/%23selfcare': '301 /tags/hash-selfcare/',
          '/search/label/say%20%22ahh%22': '301 /tags/say-ahh/',
          '/search/label/back%5Cslash': '301 /tags/back-slash/',
          "/search/label/it's": '301 /tags/its/',
          '/search/label/it%27s/': '301 /tags/its/',
          '/search/label/Chair+Massage': '301 /tags/chair-massage/',
          '/search/label/chair%20massage': '301 /tags/chair-massage/',
          '/search/label/CHAIR+MASSAGE/': '301 /tags/chair-massage/',
          '/search/label/C%2B%2B': '301 /tags/c-plus-plus/',
          '/search/label/c%2b%2b': '301 /tags/c-plus-plus/',
          '/search/label/C%2b%2B/': '301 /tags/c-plus-plus/',
          '/search/label/c++': '301 /tags/c-plus-plus/',
          '/search/label/c%23': '301 /tags/c-sharp/',
          '/search/label/C%E2%99%AF': '301 /tags/c♯/',
          // Different words with one address: two tags (B18: ".NET" came first).
          '/search/label/.NET': '301 /tags/dot-net/',
          '/search/label/.net': '301 /tags/dot-net/',
          '/search/label/dot.net': '301 /tags/dot-net-full-stop/',
          '/search/label/Node.js': '301 /tags/node-js/',
          '/search/label/Q%26A': '301 /tags/q-and-a-ampersand/',
          '/search/label/q%26a': '301 /tags/q-and-a-ampersand/',
          '/search/label/Q%20and%20A': '301 /tags/q-and-a/',
          // Fullwidth and ASCII letters are one tag.
          '/search/label/%EF%BC%A1%EF%BC%A2%EF%BC%A3': '301 /tags/abc/',
          '/search/label/abc': '301 /tags/abc/',
          '/search/label/line%0Abreak': '301 /tags/line-break/',
          '/search/label/tab%09%22%5C%7B%7D%3B%24': '301 /tags/tab/',
          // Nothing was claimed outside /search/label/.
          '/search/etc': '404 ',
          '/search/label/etc': '404 ',
        };
        for (const [path, expected] of Object.entries(cases)) expect(await whereToRaw(port, path), path).toBe(expected);
        for (const tag of [
          'tcp-ip',
          'a-b-c',
          'dot-dot-etc',
          'etc',
          'why-question-mark',
          'dot-net',
          'dot-net-full-stop',
          'abc',
          'c♯',
        ]) {
          expect(project.exists(`dist/tags/${tag}/index.html`), tag).toBe(true);
        }
      });
    } finally {
      project.write('dist/_redirects', redirectsFile);
    }
  });

  test('B17: the old address of a label of spaces or invisible characters leads to its post, or to the tags when several posts had it', async () => {
    await withNginx(async (get) => {
      const cases: Record<string, string> = {
        '/search/label/%C2%A0': '301 /tags/',
        '/search/label/%c2%a0/': '301 /tags/',
        '/search/label/%E2%80%8B': '301 /posts/warm-feet-faster-sleep/',
        '/search/label/%E2%81%A0': '301 /posts/why-3am-wake-up/',
        '/search/label/%EF%BB%BF': '301 /posts/why-3am-wake-up/',
        '/search/label/%C2%AD': '301 /posts/why-3am-wake-up/',
        '/search/label/%20%20%20': '301 /posts/why-3am-wake-up/',
      };
      for (const [path, expected] of Object.entries(cases)) expect(await whereTo(get, path), path).toBe(expected);
    });
  });

  test('every old label address, encoded or not, with or without its slash, is a 301 from nginx to its tag page', async () => {
    const port = await freePort();
    const conf = project.run('node', [
      'scripts/nginx-conf.ts',
      '--root',
      'dist',
      '--port',
      String(port),
      '--standalone',
    ]);
    expect(conf.status, conf.output).toBe(0);
    project.write('nginx.conf', conf.output);
    const nginx = spawn(
      existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx',
      ['-c', join(project.dir, 'nginx.conf')],
      {
        stdio: 'ignore',
      },
    );
    try {
      await waitForPort(port);
      const tagOf = (label: string) => {
        const post = project
          .read('dist/_redirects')
          .split('\n')
          .map((line) =>
            line.split(' ').map((part, index) => (index === 0 ? decodeURIComponent(part) : decodeURI(part))),
          )
          .find(([from]) => from === `/search/label/${label}`);
        return post?.[1];
      };
      // Spellings the import merged into one tag, and labels of symbols only, lead to the one tag too.
      const merged: Record<string, string> = {
        'Self-care': '/tags/self-care/',
        'self care': '/tags/self-care/',
        'SELF CARE': '/tags/self-care/',
        'Self Care': '/tags/self-care/',
        'Q and A': '/tags/q-and-a/',
        'massagem relaxante': '/tags/massagem-relaxante/',
        '—': '/tags/em-dash/',
        '•': '/tags/bullet/',
        '★': '/tags/★/',
      };
      for (const label of ['C', 'C#', 'C++', 'Relaxamento', ...Object.keys(merged)]) {
        const target = tagOf(label);
        expect(target, label).toMatch(/^\/tags\/[^/]+\/$/);
        if (merged[label]) expect(target, label).toBe(merged[label]);
        expect(project.exists(`dist${decodeURIComponent(target!)}index.html`), target).toBe(true);
        // A raw "#" or "?" never reaches a server (it starts the fragment or the query), so only encoded spellings of those are asked for.
        const spellings = [label, encodeURIComponent(label), label.replace(/\+/g, '%2B')].filter(
          (s) => !/[#?]/.test(s),
        );
        for (const spelling of new Set(spellings)) {
          for (const path of [`/search/label/${spelling}`, `/search/label/${spelling}/`]) {
            const response = await fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual' });
            expect(response.status, path).toBe(301);
            expect(decodeURIComponent(new URL(response.headers.get('location')!).pathname), path).toBe(target);
          }
        }
      }
    } finally {
      nginx.kill();
    }
  });

  test('a second run of the cases reports nothing changed', () => {
    for (const name of Object.values(MERGED)) {
      const { status, output } = importBlogger(name);
      expect(status, output).toBe(0);
      expect(output, name).toMatch(/files: +0 created, 0 updated, \d+ unchanged/);
      expect(output, name).toContain('Nothing changed');
    }
  });

  test('a draft the export gives no date and no old address is written the same by a second import on another day', () => {
    // Blogger keeps no date for a draft never published; the import dates it by its own day.
    project.write(
      'undated-draft.atom',
      `<?xml version='1.0' encoding='utf-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
  <id>tag:blogger.com,1999:blog-7700</id>
  <entry>
    <id>tag:blogger.com,1999:blog-7700.post-7701</id>
    <blogger:type>POST</blogger:type>
    <blogger:status>DRAFT</blogger:status>
    <author><name>Marta Gonçalves</name></author>
    <title>Rascunho: drenagem linfática depois do voo</title>
    <content type='html'>&lt;p&gt;Ainda por escrever&amp;hellip; pernas inchadas depois de 11 horas de voo.&lt;/p&gt;</content>
  </entry>
</feed>
`,
    );
    const file = 'content/posts/rascunho-drenagem-linfatica-depois-do-voo/index.md';
    const first = project.run('node', ['scripts/import-blogger.ts', 'undated-draft.atom', '--no-download']);
    expect(first.status, first.output).toBe(0);
    const written = project.read(file);
    const today = new Date().toISOString().slice(0, 10);
    expect(frontmatterOf(written)).toMatchObject({ pubDate: today, draft: true });
    for (const days of ['1', '40']) {
      const again = project.run(
        'node',
        ['--import', CLOCK_OFFSET, 'scripts/import-blogger.ts', 'undated-draft.atom', '--no-download'],
        { CLOCK_OFFSET_DAYS: days },
      );
      expect(again.status, again.output).toBe(0);
      expect(again.output).toContain('Nothing changed');
      expect(again.output).toContain(`it is imported as a draft dated ${today}`);
      expect(project.read(file)).toBe(written);
    }
  });

  test('a second blog imported into the same site keeps the first one’s posts and meets its tags', () => {
    const blog = (id: string, label: string) =>
      `<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>tag:blogger.com,1999:blog-${id}.post-1</id><published>2022-05-0${id.length}T10:00:00.000Z</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><category scheme='http://www.blogger.com/atom/ns#' term='${label}'/><title type='text'>Hello again</title><content type='html'>&lt;p&gt;A post of blog ${id}, with a label of dashes only.&lt;/p&gt;</content><link rel='alternate' type='text/html' href='https://blog${id}.blogspot.com/2022/05/hello-again.html'/><author><name>Owner ${id}</name></author></entry></feed>`;
    project.write('first-blog.xml', blog('71', '-'));
    project.write('second-blog.xml', blog('720', '---'));
    for (const file of ['first-blog.xml', 'second-blog.xml']) {
      const { status, output } = importBlogger(file);
      expect(status, output).toBe(0);
    }
    expect(project.read('content/posts/hello-again/index.md')).toContain('A post of blog 71,');
    expect(project.read('content/posts/hello-again-2/index.md')).toContain('A post of blog 720,');
    const first = frontmatterOf(project.read('content/posts/hello-again/index.md'));
    const second = frontmatterOf(project.read('content/posts/hello-again-2/index.md'));
    expect(first).toMatchObject({ tags: ['- (hyphen-minus)'] });
    // "---" is named like "-": the second blog takes the first one's tag, not a second tag at its address.
    expect(second).toMatchObject({ tags: ['- (hyphen-minus)'] });
    expect(second.oldLabels).toEqual({ '---': '- (hyphen-minus)' });
  });

  test('page views from an analytics export count for the posts the old addresses moved to', () => {
    const { status, output } = project.run('node', ['scripts/import-pageviews.ts', join(FIXTURES, 'ga4-pages.csv')]);
    expect(status, output).toBe(0);
    expect(output).toContain('(pages: "Page path and screen class", views: "Views"; "," groups thousands');
    expect(output).toContain('): 6713 views.');
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
    const { status, output } = project.run('node', ['scripts/import-blogger.ts', BACKUP, '--no-download']);
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
  // One copy serves every case: each must leave it exactly as it was.
  const project = new ProjectCopy();
  afterAll(() => project.remove());
  const before = listContent(project);
  const settings = project.read('src/site.config.ts');
  // The script's part (message, exit code, nothing written) once per kind of refusal; every refusal's
  // message is tested on parseBloggerExport in tests/unit/import.test.ts.
  test.each([
    ['a truncated export', takeout.slice(0, Math.floor(takeout.length / 2)), 'is not well-formed XML'],
    [
      'an RSS feed',
      '<?xml version="1.0"?><rss version="2.0"><channel/></rss>',
      'this is not a Blogger export: it should be an Atom <feed>, but it starts with <rss>',
    ],
  ])('%s', (_name, xml, message) => {
    writeFileSync(join(project.dir, 'export.xml'), xml);
    const { status, output } = project.run('node', ['scripts/import-blogger.ts', 'export.xml', '--no-download']);
    expect(status).toBe(1);
    expect(output).toContain('Cannot import export.xml: ');
    expect(output).toContain(message);
    expect(output).toContain('Nothing was written.');
    expect(listContent(project)).toEqual(before);
    expect(project.read('src/site.config.ts')).toBe(settings);
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
    const { status, output } = project.run('node', [
      'scripts/import-blogger.ts',
      TAKEOUT,
      '--images',
      'downloaded',
      '--no-download',
    ]);
    expect(status, output).toBe(0);
    expect(output).toMatch(/images: +0 downloaded, 1 copied in from downloaded, 1 left at their remote address/);
    expect(project.exists('content/posts/finding-mobile-massage-therapist/couch.jpg')).toBe(true);
    // Kept at the width the post showed it (320), from the full-size copy.
    expect(project.read(POST)).toContain(
      '<img alt="A folding massage couch set up in a living room" src="./couch.jpg" width="320">',
    );
  } finally {
    project.remove();
  }
});

test('with --images, two different photos of one name are not guessed between; a copy of the same photo is one', () => {
  const project = new ProjectCopy();
  try {
    project.run('mkdir', ['-p', 'downloaded/2019', 'downloaded/2023', 'downloaded/backup']);
    const photo = 'content/posts/valentina-mobile-massage-canada-water-review/hero.jpg';
    // The same photo twice (a backup of it), then a different photo of the same name.
    project.run('cp', [photo, 'downloaded/2023/couch.jpg']);
    project.run('cp', [photo, 'downloaded/backup/couch.jpg']);
    let result = project.run('node', ['scripts/import-blogger.ts', TAKEOUT, '--images', 'downloaded', '--no-download']);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/1 copied in from downloaded/);
    expect(result.output).not.toContain('different files');

    project.run('cp', ['content/posts/shepherds-bush-freelance-massage-review/index.md', 'downloaded/2019/COUCH.JPG']);
    project.run('rm', ['-rf', 'content/posts/finding-mobile-massage-therapist']);
    result = project.run('node', ['scripts/import-blogger.ts', TAKEOUT, '--images', 'downloaded', '--no-download']);
    expect(result.status, result.output).toBe(0);
    // The same case is preferred: COUCH.JPG is another name for a case-blind disk only.
    expect(result.output).toMatch(/1 copied in from downloaded/);

    project.run('cp', [
      'content/posts/how-massage-therapy-may-enhance-your-immune-system/hero.jpg',
      'downloaded/2019/couch.jpg',
    ]);
    project.run('rm', ['-rf', 'content/posts/finding-mobile-massage-therapist']);
    result = project.run('node', ['scripts/import-blogger.ts', TAKEOUT, '--images', 'downloaded', '--no-download']);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/images: +0 downloaded, 2 left at their remote address/);
    expect(result.output).toContain(
      '3 different files in downloaded are named "couch.jpg" (2019/couch.jpg, 2023/couch.jpg, backup/couch.jpg)',
    );
    expect(project.exists('content/posts/finding-mobile-massage-therapist/couch.jpg')).toBe(false);
  } finally {
    project.remove();
  }
});
