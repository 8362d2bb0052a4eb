import { describe, expect, test } from 'vitest';
import type { PageWeight } from '../../tools/bench/bench-pages.ts';
import {
  type BenchReport,
  type BudgetRow,
  busyWarning,
  evaluateBudgets,
  imageProblems,
  type LimitedBuild,
  markdownTable,
  type PageReport,
  type Phases,
  readPhases,
  renderLighthouseTable,
  renderMarkdown,
  renderWithinLimit,
  scriptProblems,
  type SizeResult,
} from '../../tools/bench/bench-report.ts';

const size = (posts: number, fullSeconds: number, bareSeconds: number, msPerPage = 10): SizeResult => ({
  posts,
  full: { seconds: fullSeconds, msPerPage, pages: posts, peakMiB: 1000, outputMiB: 1 },
  bare: { seconds: bareSeconds, msPerPage: 2, pages: posts, peakMiB: 900, outputMiB: 1 },
  ratio: { time: fullSeconds / bareSeconds, memory: 1000 / 900 },
  search: null,
});

const PHASES: Phases = {
  sync: 3,
  bundle: 8,
  routes: 6,
  feeds: 1,
  images: 0,
  index: 3,
  cards: 0.5,
  headers: 1,
  other: 1.5,
};

const weight = (overrides: Partial<PageWeight> = {}): PageWeight => ({
  html: { raw: 20_000, gzip: 5000 },
  inlineScripts: [{ raw: 900, gzip: 400 }],
  inlineStyles: { raw: 0, gzip: 0 },
  css: { raw: 7000, gzip: 2000, files: ['/_astro/a.css'] },
  js: { raw: 0, gzip: 0, files: [] },
  htmlCssGzip: 7000,
  images: [],
  fonts: [],
  ...overrides,
});

const page = (name: string, overrides: Partial<PageReport> = {}): PageReport => ({
  name,
  path: `/${name}/`,
  weight: weight(),
  browser: { fcpMs: 100, requestsBeforeFirstPaint: [], renderBlocking: [], scripts: [], images: [] },
  lighthouse: {
    scores: { performance: 100, accessibility: 100, bestPractices: 100, seo: 100 },
    runs: [100, 100, 100],
    lcpMs: 800,
    cls: 0,
    tbtMs: 0,
    failing: [],
  },
  ...overrides,
});

const report = (overrides: Partial<BenchReport> = {}): BenchReport => ({
  date: '2026-01-01T00:00:00Z',
  node: 'v24',
  cpus: 2,
  loadAverages: [0.5, 1.8],
  sizes: [size(100, 10, 9, 20), size(4000, 100, 90, 12)],
  rebuild: {
    posts: 4000,
    coldSeconds: 100,
    floorSeconds: 90,
    rebuilds: [
      { change: 'nothing', seconds: 20, speedup: 5, imagesReused: 1, imagesGenerated: 0, phases: PHASES },
      { change: 'body', seconds: 25, speedup: 4, imagesReused: 1, imagesGenerated: 0 },
    ],
  },
  pages: ['article', 'home', 'tag', 'search', 'archive'].map((name) => page(name)),
  feeds: { checked: false },
  ...overrides,
});

const row = (rows: BudgetRow[], start: string) => rows.find((r) => r.budget.startsWith(start))!;

describe('evaluateBudgets', () => {
  test('passes every budget a fast, script-free, sized site meets, and leaves what was not run as NOT RUN', () => {
    const rows = evaluateBudgets(report());
    expect(rows.filter((r) => r.status === 'FAIL')).toEqual([]);
    expect(row(rows, '10000 posts').status).toBe('NOT RUN');
  });

  test('judges the full/bare ratios at the largest N run, whatever the order of sizes', () => {
    const rows = evaluateBudgets(report({ sizes: [size(4000, 300, 100), size(100, 10, 10)] }));
    expect(row(rows, 'build time')).toMatchObject({ status: 'FAIL', measured: '3.00 at N = 4000' });
    expect(row(rows, 'build peak memory').status).toBe('PASS');
    // 2.5 x the floor is the cold budget: 2.4 passes.
    expect(row(evaluateBudgets(report({ sizes: [size(4000, 240, 100)] })), 'build time').status).toBe('PASS');
  });

  test('says when the largest N is below the N the budget is set at', () => {
    const rows = evaluateBudgets(report({ sizes: [size(100, 10, 9)] }));
    expect(row(rows, 'build time').measured).toBe('1.11 at N = 100 (the budget is set at N = 4000)');
    expect(row(rows, 'cost per page flat').status).toBe('NOT RUN');
  });

  test('fails a cost per page that grows with N', () => {
    const rows = evaluateBudgets(report({ sizes: [size(100, 10, 9, 10), size(4000, 100, 90, 13)] }));
    expect(row(rows, 'cost per page flat')).toMatchObject({ status: 'FAIL' });
    expect(row(rows, 'cost per page flat').measured).toContain('(x1.30)');
  });

  test('fails a rebuild over 1.25 x (nothing changed) or 1.5 x (one post edited) the floor’s cold build, and reports none as NOT RUN', () => {
    const slow = report({
      rebuild: {
        posts: 100,
        coldSeconds: 10,
        floorSeconds: 4,
        rebuilds: [
          { change: 'nothing', seconds: 5.2, speedup: 1.9, imagesReused: 0, imagesGenerated: 0 },
          { change: 'body', seconds: 5.8, speedup: 1.7, imagesReused: 0, imagesGenerated: 0 },
        ],
      },
    });
    expect(row(evaluateBudgets(slow), 'rebuild, nothing changed')).toMatchObject({
      status: 'FAIL',
      measured: '1.30 (5.2 s against 4.0 s) at N = 100',
    });
    expect(row(evaluateBudgets(slow), 'rebuild, one post')).toMatchObject({ status: 'PASS' });
    expect(row(evaluateBudgets(report({ rebuild: undefined })), 'rebuild, nothing').status).toBe('NOT RUN');
  });

  test('fails a theme script of 1 KiB or more, and names the page', () => {
    const pages = report().pages.map((p) =>
      p.name === 'tag' ? { ...p, weight: weight({ inlineScripts: [{ raw: 1024, gzip: 500 }] }) } : p,
    );
    expect(row(evaluateBudgets(report({ pages })), 'no JS')).toMatchObject({
      status: 'FAIL',
      measured: 'tag: inline script of 1024 B',
    });
  });

  test('allows the search page its script, but not the home page', () => {
    const scripts = [{ url: '/pagefind/pagefind.js', bytes: 40_000 }];
    const withScripts = (name: string) =>
      report().pages.map((p) => (p.name === name ? { ...p, browser: { ...p.browser!, scripts } } : p));
    expect(row(evaluateBudgets(report({ pages: withScripts('search') })), 'no JS').status).toBe('PASS');
    expect(row(evaluateBudgets(report({ pages: withScripts('home') })), 'no JS').measured).toBe(
      'home: loads /pagefind/pagefind.js',
    );
  });

  test('fails an article whose HTML and CSS do not fit in 14 KiB gzipped', () => {
    const pages = report().pages.map((p) =>
      p.name === 'article' ? { ...p, weight: weight({ htmlCssGzip: 14 * 1024 }) } : p,
    );
    expect(row(evaluateBudgets(report({ pages })), 'article HTML + CSS')).toMatchObject({
      status: 'FAIL',
      measured: '14.0 KiB',
    });
  });

  test('fails a font problem, a layout shift and a Lighthouse score below 100', () => {
    const pages = report().pages.map((p) =>
      p.name === 'home'
        ? {
            ...p,
            weight: weight({ fonts: [{ url: 'https://x/f.ttf', problems: ['served from another site'] }] }),
            lighthouse: { ...p.lighthouse!, cls: 0.02, scores: { ...p.lighthouse!.scores, performance: 98 } },
          }
        : p,
    );
    const rows = evaluateBudgets(report({ pages }));
    expect(row(rows, 'fonts').measured).toBe('https://x/f.ttf: served from another site');
    expect(row(rows, 'zero layout shift').measured).toBe('home: 0.020');
    expect(row(rows, 'Lighthouse').measured).toBe('home performance 98');
  });

  test('keeps a busy machine’s Lighthouse failure a failure, with the thread-time score beside it', () => {
    const pages = report().pages.map((p) =>
      p.name === 'article'
        ? {
            ...p,
            lighthouse: {
              ...p.lighthouse!,
              tbtMs: 640,
              scores: { ...p.lighthouse!.scores, performance: 84 },
              threadTime: { performance: 100, tbtMs: 31 },
            },
          }
        : p,
    );
    const budget = row(evaluateBudgets(report({ pages })), 'Lighthouse');
    expect(budget.measured).toBe('article performance 84 (100 on thread time)');
    expect(budget.status).toBe('FAIL');
    expect(renderLighthouseTable(pages)).toMatch(/\| article +\| +84 \|.*\| +640 ms \| +100 \| +31 ms \|/);
  });

  test('names the points each metric cost, so a score below 100 says where it went', () => {
    const metric = (value: number, score: number, weight: number) => ({
      value,
      score,
      weight,
      pointsLost: weight * (1 - score),
    });
    const pages = report().pages.map((p) =>
      p.name === 'home'
        ? {
            ...p,
            lighthouse: {
              ...p.lighthouse!,
              metrics: {
                FCP: metric(1190, 0.99, 10),
                LCP: metric(1370, 1, 25),
                TBT: metric(1275, 0.18, 30),
                CLS: metric(0, 1, 25),
                SI: metric(2210, 0.99, 10),
              },
            },
          }
        : p,
    );
    const table = renderLighthouseTable(pages);
    expect(table).toMatch(
      /\| home +\|.*\| +1\.19 s \| +0\.80 s \| +2\.21 s \|.*\| +0\.1 \/ 0\.0 \/ 24\.6 \/ 0\.0 \/ 0\.1 \|$/m,
    );
    // A recording from before the metrics were kept shows dashes, not zeros.
    expect(table).toMatch(/\| article +\|.*\| +- +\|$/m);
  });

  test('passes a performance score below 100 that matches the floor page of the same rounds, and only that', () => {
    const withScores = (scores: Record<string, number>) =>
      report().pages.map((p) =>
        p.name in scores
          ? {
              ...p,
              lighthouse: { ...p.lighthouse!, scores: { ...p.lighthouse!.scores, performance: scores[p.name]! } },
            }
          : p,
      );
    const floor = {
      ...page('floor').lighthouse!,
      runs: [95, 94, 97],
      scores: { ...page('floor').lighthouse!.scores, performance: 95, seo: 82 },
    };
    const atFloor = row(
      evaluateBudgets(report({ pages: withScores({ article: 95, home: 97 }), lighthouseFloor: floor })),
      'Lighthouse',
    );
    expect(atFloor).toMatchObject({ status: 'PASS', measured: "at the floor page's 95: article 95, home 97" });
    const below = row(
      evaluateBudgets(report({ pages: withScores({ article: 94 }), lighthouseFloor: floor })),
      'Lighthouse',
    );
    expect(below).toMatchObject({ status: 'FAIL', measured: 'article performance 94; the floor page 95' });
    // The floor excuses performance only: an accessibility score below 100 fails whatever the floor.
    const pages = report().pages.map((p) =>
      p.name === 'tag'
        ? { ...p, lighthouse: { ...p.lighthouse!, scores: { ...p.lighthouse!.scores, accessibility: 96 } } }
        : p,
    );
    expect(row(evaluateBudgets(report({ pages, lighthouseFloor: floor })), 'Lighthouse')).toMatchObject({
      status: 'FAIL',
      measured: 'tag accessibility 96; the floor page 95',
    });
    // Without a floor page in the run, below 100 fails as before.
    expect(row(evaluateBudgets(report({ pages: withScores({ article: 99 }) })), 'Lighthouse').status).toBe('FAIL');
    expect(renderLighthouseTable(report().pages, floor)).toMatch(
      /\| floor \(bare page, same post\) +\| +95 \| +95 \/ 94 \/ 97 \|/,
    );
  });

  test('reports the page budgets as NOT RUN when no page was measured', () => {
    const rows = evaluateBudgets(report({ pages: [] }));
    for (const start of ['no JS', 'article HTML', 'fonts', 'images', 'zero layout shift', 'Lighthouse']) {
      expect(row(rows, start).status).toBe('NOT RUN');
    }
  });
});

describe('imageProblems and scriptProblems', () => {
  test('want an image below the fold lazy, and one above it not lazy', () => {
    const p = page('article', {
      browser: {
        ...page('x').browser!,
        images: [
          { src: '/hero.jpg', loading: 'lazy', belowFold: false },
          { src: '/inline.jpg', loading: 'eager', belowFold: true },
          { src: '/fine.jpg', loading: 'lazy', belowFold: true },
        ],
      },
    });
    expect(imageProblems(p)).toEqual([
      '/hero.jpg: lazy above the fold (delays LCP)',
      '/inline.jpg: below the fold but not lazy',
    ]);
  });

  test('count a second inline script and script files', () => {
    const p = page('home', {
      weight: weight({
        inlineScripts: [
          { raw: 100, gzip: 90 },
          { raw: 100, gzip: 90 },
        ],
        js: { raw: 300, gzip: 200, files: ['/a.js'] },
      }),
    });
    expect(scriptProblems(p)).toEqual(['2 inline scripts', '300 B of script files']);
  });
});

describe('busyWarning', () => {
  test('warns when the load average went above the number of CPUs, and only then', () => {
    expect(busyWarning({ cpus: 2, loadAverages: [0.5, 2] })).toBeUndefined();
    expect(busyWarning({ cpus: 2, loadAverages: [0.5, 7.94, 3] })).toContain('load average up to 7.9 on 2 CPUs');
  });
});

describe('markdownTable and renderMarkdown', () => {
  test('right-align numbers unless told a column is text', () => {
    expect(markdownTable(['page', 'bytes'], [['home', '1']], ['l'])).toBe(
      '| page | bytes |\n| --- | ---: |\n| home | 1 |',
    );
  });

  test('write the build table, the rebuild, the pages, Lighthouse and the budgets', () => {
    const markdown = renderMarkdown(report());
    expect(markdown).toContain('| 4000 | 100.0 s |');
    expect(markdown).toContain("Rebuild at N = 4000: cold 100.0 s (the floor's cold build: 90.0 s);");
    expect(markdown).toContain('body changed: 25.0 s (x4.00');
    expect(markdown).toContain(
      '| rebuild (nothing changed), N = 4000 | 20.0 s | 3.0 s (15%) | 8.0 s (40%) | 6.0 s (30%) |',
    );
    expect(markdown).toContain('Load average (1 min) through the run: 0.5 to 1.8 on 2 CPUs.');
    expect(markdown).toContain('| article `/article/` |');
    expect(markdown).toContain('| article | 100 | 100 / 100 / 100 | 100 | 100 | 100 | - | 0.80 s | - | 0.000 | 0 ms |');
    expect(markdown).toMatch(/\| 10000 posts build in under 2048 MiB \| not run \(add --sizes 10000\) \| NOT RUN \|/);
    expect(markdown).not.toContain('The machine was busy');
    expect(renderMarkdown(report({ loadAverages: [5] }))).toContain('The machine was busy');
  });
});

describe('readPhases', () => {
  // The shape of an Astro 7 build log, eight pages in flight: paths and times interleave.
  const log = [
    '02:44:35 [content] Syncing content',
    '02:44:38 [build] ✓ Completed in 7.00s.',
    '02:44:38 [build] Building static entrypoints...',
    ' generating static routes ',
    '02:44:50   ├─ /404.html02:44:50   ├─ /atom.xml (+1.50s) ',
    '02:44:54   ├─ /posts/a/index.html (+500ms) ',
    '02:44:54   ├─ /posts/b/index.html (+1.00s) ',
    '02:44:54   ├─ /tags/massage/rss.xml (+1.00s) ',
    '02:44:54   ├─ /page/2/index.html',
    ' (+3.80s) ',
    '02:45:21 ✓ Completed in 40.00s.',
    ' generating optimized images ',
    '02:45:26 ✓ Completed in 4.87s.',
    '02:45:26 [build] ✓ Completed in 60.00s.',
    '02:45:27 [search-index] search index: 1000 pages, 3300.1 KiB, in 2500 ms',
    '02:45:28 [security-headers] _headers written; 3 inline script hash(es), 5 image host(s) and 6 embed host(s) in the Content-Security-Policy, in 1200 ms',
    '02:45:31 [social-images] social images: 801 drawn, 0 reused from cache (15200 ms; 19.0 ms per drawn image)',
  ].join('\n');

  test('splits the wall time into bundling, routes (feeds estimated from per-route times), images and the integrations', () => {
    const phases = readPhases(log, 92);
    expect(phases.sync).toBe(7);
    expect(phases.routes).toBe(40);
    expect(phases.images).toBe(4.87);
    expect(phases.bundle).toBeCloseTo(60 - 40 - 4.87);
    // 2.5 s of the 4 s of attributable route times were feeds (atom.xml and a tag's rss.xml).
    expect(phases.feeds).toBeCloseTo(40 * (2.5 / 4));
    expect([phases.index, phases.headers, phases.cards]).toEqual([2.5, 1.2, 15.2]);
    expect(phases.other).toBeCloseTo(92 - 7 - 60 - 2.5 - 1.2 - 15.2);
  });

  test('reads durations of minutes as Astro writes them ("3m 22s")', () => {
    const long =
      '[build] ✓ Completed in 3m 22s.\n generating static routes \n✓ Completed in 3m 13s.\n[build] ✓ Completed in 6m 47s.';
    expect(readPhases(long, 900)).toMatchObject({ sync: 202, routes: 193, bundle: 214, other: 900 - 202 - 407 });
  });

  test('counts what the log does not show as zero', () => {
    expect(readPhases('[build] ✓ Completed in 900ms.', 2)).toMatchObject({ routes: 0, index: 0, cards: 0, other: 1.1 });
  });
});

describe('the 10,000-post memory budget and builds inside a memory limit', () => {
  const within = (completed: boolean, limitMiB = 2048): LimitedBuild => ({
    limitMiB,
    completed,
    killedForMemory: !completed,
    seconds: 80.25,
    peakMiB: completed ? 1800 : limitMiB,
    lastLine: completed ? '[build] Complete!' : '[build] Waiting for integration "search-index" | hook',
  });
  const large = (withinLimit?: SizeResult['withinLimit'], peak = 3000) => ({
    ...size(10_000, 300, 100),
    full: { ...size(10_000, 300, 100).full, peakMiB: peak },
    withinLimit,
  });

  test('a build killed inside a 2 GiB limit fails the budget and says where it was', () => {
    const rows = evaluateBudgets(report({ sizes: [large({ full: within(false) })] }));
    expect(row(rows, '10000 posts')).toMatchObject({ status: 'FAIL' });
    expect(row(rows, '10000 posts').measured).toContain('killed by the OOM killer within a 2048 MiB memory limit');
    expect(row(rows, '10000 posts').measured).toContain('search-index');
  });

  test('a build that completes inside the limit passes, whatever its unconstrained peak', () => {
    const rows = evaluateBudgets(report({ sizes: [large({ full: within(true) }, 5000)] }));
    expect(row(rows, '10000 posts')).toMatchObject({
      status: 'PASS',
      measured: 'built cold within a 2048 MiB memory limit in 80.3 s',
    });
  });

  test('a limit above the budget does not judge it; the unconstrained peak does, with a note', () => {
    const rows = evaluateBudgets(report({ sizes: [large({ full: within(true, 4096) }, 3000)] }));
    expect(row(rows, '10000 posts').status).toBe('FAIL');
    expect(row(rows, '10000 posts').measured).toContain('without a memory limit (add --memory-limit 2048');
    expect(row(evaluateBudgets(report({ sizes: [large(undefined, 1900)] })), '10000 posts').status).toBe('PASS');
  });

  test('the table of limited builds escapes a log line’s bars and is empty when none ran', () => {
    expect(renderWithinLimit([size(100, 10, 9)])).toBe('');
    const table = renderWithinLimit([large({ full: within(false), bare: within(true) })]);
    expect(table).toContain(
      '| 10000 | 2048 MiB | killed (OOM) after 80.3 s, at: [build] Waiting for integration "search-index" \\| hook |',
    );
    expect(table).toContain('built, 80.3 s, group peak 1800 MiB');
    expect(renderMarkdown(report({ sizes: [large({ full: within(false) })] }))).toContain(
      'Cold builds inside a memory limit:',
    );
  });
});
