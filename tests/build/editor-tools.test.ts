import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanEnv, ProjectCopy } from './project-copy.ts';

/** A post that uses every MDX component an editor can write without an import. */
const COMPONENTS_DEMO = [
  '---',
  'title: Components demo',
  'description: Every component at once.',
  'pubDate: 2024-01-01',
  'author: editorial',
  'kind: article',
  '---',
  '',
  '<Callout type="tip" title="Before your first session">',
  '',
  'Drink a glass of *water*.',
  '',
  '</Callout>',
  '',
  '<Video id="breathing-pace-guide" />',
  '',
  '<ReviewSummary subject="Valentina" area="Canada Water" city="London" services="Mobile massage, Body massage" rating={4} visitDate="2024-03-09" />',
  '',
  '<Figure caption="A soft blue abstract picture.">',
  '',
  '![Pale blue shapes](./chart.jpg)',
  '',
  '</Figure>',
  '',
].join('\n');

/** What the components demo must render as (see COMPONENTS_DEMO). */
function expectComponentsRendered(html: string, label: string): void {
  expect(html, label).toMatch(/<div class="callout tip"[^>]*role="note"/);
  expect(html, label).toContain('Before your first session');
  expect(html, label).toContain('<em>water</em>');
  expect(html, label).toMatch(/<video controls preload="none"/);
  expect(html, label).toContain('4 out of 5');
  expect(html, label).toContain('Mobile massage, Body massage');
  expect(html, label).toMatch(
    /<figure class="figure"[^>]*>[\s\S]*<img[^>]+alt="Pale blue shapes"[\s\S]*<figcaption[^>]*>A soft blue abstract picture\.<\/figcaption>/,
  );
  expect(html, label).toMatch(/<figure class="figure"[^>]*><p><img src="\/_astro\/[^"]+\.webp"/);
  // A local video needs no script: only the theme script, and the page's JSON-LD data.
  expect(html.match(/<script>/g), label).toHaveLength(1);
  expect(html.match(/<script/g), label).toHaveLength(2);
}

describe('npm run new', () => {
  // The copy also holds a published post using every MDX component: its builds (three NODE_ENV
  // values) check that those render without imports, which was a build of its own.
  const project = new ProjectCopy().withEncodedImages();
  project.run('mkdir', ['-p', 'content/posts/components-demo']);
  project.run('cp', [
    'content/posts/valentina-mobile-massage-canada-water-review/hero.jpg',
    'content/posts/components-demo/chart.jpg',
  ]);
  project.write('content/posts/components-demo/index.mdx', COMPONENTS_DEMO);
  afterAll(() => project.remove());
  const FILE = 'content/posts/deep-tissue-massage-after-running/index.md';
  /** The article and the review `npm run new` makes without a terminal, made once first, so that any test may run alone. */
  const made = {} as Record<'article' | 'review', { status: number | null; output: string }>;
  beforeAll(() => {
    made.article = project.run('node', ['scripts/new-post.ts', 'Deep Tissue Massage: After Running?']);
    made.review = project.run('node', ['scripts/new-post.ts', '--review', 'A Visit to Hackney']);
  });

  test('creates a draft post from a title, without a terminal, and says where it is', () => {
    const { status, output } = made.article;
    expect(status, output).toBe(0);
    expect(output).toContain(`Created ${FILE} (a draft article).`);
    expect(output).toContain('https://massage-wellness.example/posts/deep-tissue-massage-after-running/');
    const text = project.read(FILE);
    expect(text).toContain('title: "Deep Tissue Massage: After Running?"');
    expect(text).toMatch(/^pubDate: \d{4}-\d{2}-\d{2}$/m);
    expect(text).toContain('draft: true');
  });

  test('makes a review with every review field', () => {
    const { status, output } = made.review;
    expect(status, output).toBe(0);
    const text = project.read('content/posts/a-visit-to-hackney/index.md');
    for (const field of ['kind: review', 'subject:', 'area:', 'city:', 'services:', 'rating:', 'visitDate:']) {
      expect(text).toContain(field);
    }
  });

  test('never overwrites: a taken slug is refused and the file is left as it was', () => {
    const before = project.read(FILE);
    const { status, output } = project.run('node', ['scripts/new-post.ts', 'Deep tissue massage after running']);
    expect(status).toBe(1);
    expect(output).toContain(`The slug "deep-tissue-massage-after-running" is taken by ${FILE}`);
    expect(project.read(FILE)).toBe(before);
    const existing = project.run('node', [
      'scripts/new-post.ts',
      'Anything',
      '--slug',
      'comprehensive-overview-of-reflexology-massage',
    ]);
    expect(existing.status).toBe(1);
    expect(existing.output).toContain(
      'is taken by content/posts/comprehensive-overview-of-reflexology-massage/index.mdx',
    );
  });

  test('in a terminal it asks for the title, the kind, a description and tags', async () => {
    const hasScript = spawnSync('script', ['--version']).status === 0;
    if (!hasScript) throw new Error('util-linux "script" is needed to give the command a terminal');
    // `script` runs the command in a real pseudo-terminal; answers are typed one by one.
    const child = spawn('script', ['-qec', 'node scripts/new-post.ts', '/dev/null'], {
      cwd: project.dir,
      env: cleanEnv(),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const answer = async (waitFor: string, text: string) => {
      for (let i = 0; i < 300 && !output.includes(waitFor); i += 1) await new Promise((r) => setTimeout(r, 100));
      expect(output, `waiting for "${waitFor}"`).toContain(waitFor);
      child.stdin.write(`${text}\r`);
    };
    await answer('Title of the new post:', 'Hot Stone Massage Explained');
    await answer('Is it a review', 'y');
    await answer('One-sentence description', 'A calm look at hot stones.');
    await answer('Tags, separated by commas', 'stones, Relaxation');
    await new Promise((resolve) => child.on('close', resolve));
    expect(output).toContain('Created content/posts/hot-stone-massage-explained/index.md (a draft review).');
    const text = project.read('content/posts/hot-stone-massage-explained/index.md');
    expect(text).toContain('description: "A calm look at hot stones."');
    expect(text).toContain('tags: ["stones", "Relaxation"]');
    expect(text).toContain('kind: review');
  }, 30_000);

  test('a title in another script makes an address in that script; a title of no letters asks for --slug', () => {
    const chinese = project.run('node', ['scripts/new-post.ts', '按摩入门：从肩膀到脚底']);
    expect(chinese.status, chinese.output).toBe(0);
    expect(chinese.output).toContain('Created content/posts/按摩入门-从肩膀到脚底/index.md (a draft article).');
    expect(chinese.output).toContain('https://massage-wellness.example/posts/按摩入门-从肩膀到脚底/');
    const hindi = project.run('node', ['scripts/new-post.ts', 'Anything', '--slug', 'पैरों-की-मालिश']);
    expect(hindi.status, hindi.output).toBe(0);
    expect(project.exists('content/posts/पैरों-की-मालिश/index.md')).toBe(true);
    const symbols = project.run('node', ['scripts/new-post.ts', '???']);
    expect(symbols.status).toBe(1);
    expect(symbols.output).toContain(
      '"???" has no letter or digit to make an address from; give one: --slug my-first-post',
    );
    const spaced = project.run('node', ['scripts/new-post.ts', 'Anything', '--slug', 'My Post']);
    expect(spaced.status).toBe(1);
    expect(spaced.output).toContain('"My Post" cannot be a slug');
  });

  test('without a terminal it needs a title, and says how to give one', () => {
    const { status, output } = project.run('node', ['scripts/new-post.ts']);
    expect(status).toBe(1);
    expect(output).toContain('Usage: npm run new -- "Post title"');
  });

  // Three builds: on a busy machine each has taken over 20 s, at load 25 over 60 s.
  test(
    'the new drafts build, and stay out of the site until published, whatever NODE_ENV says; the MDX components an editor can use render without imports',
    { timeout: 300_000 },
    () => {
      for (const NODE_ENV of ['production', 'development', 'test']) {
        const { status, output } = project.build({ NODE_ENV });
        expect(status, output).toBe(0);
        expect(project.exists('dist/posts/deep-tissue-massage-after-running/index.html'), NODE_ENV).toBe(false);
        expect(project.exists('dist/posts/a-visit-to-hackney/index.html'), NODE_ENV).toBe(false);
        expect(project.exists('dist/posts/comprehensive-overview-of-reflexology-massage/index.html')).toBe(true);
        expectComponentsRendered(project.read('dist/posts/components-demo/index.html'), NODE_ENV);
      }
    },
  );

  test('publishing one with its placeholders left in is refused', () => {
    const draft = project.read(FILE);
    project.edit(FILE, (text) => text.replace(/^draft: true.*$/m, 'draft: false'));
    try {
      const { status, output } = project.build();
      expect(status).not.toBe(0);
      expect(output).toContain(`${FILE}:3: description: still holds a TODO placeholder`);
    } finally {
      // The other tests' builds expect the draft as `npm run new` made it.
      project.write(FILE, draft);
    }
  });
});

// One script run for real (the unit test command-line.test.ts holds every script to the same helper).
test.each([['import-blogger.ts', 'npm run import:blogger']])(
  'scripts/%s answers --help with its usage (exit 0) and an unknown option with one line naming it (exit 2), no stack trace',
  (script, name) => {
    const run = (arg: string) =>
      spawnSync(process.execPath, [`scripts/${script}`, arg], {
        cwd: process.cwd(),
        encoding: 'utf8',
        env: cleanEnv(),
      });
    const help = run('--help');
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^Usage: ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(help.stdout).toContain('-h, --help');
    const wrong = run('--no-such-option');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.split('\n')[0]).toBe(`${name}: unknown option --no-such-option.`);
    expect(wrong.stderr).toContain('Usage: ');
    expect(wrong.stderr).not.toMatch(/ERR_PARSE_ARGS|\n\s+at /);
  },
);
