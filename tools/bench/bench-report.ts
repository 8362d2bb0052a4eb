/**
 * The benchmark's figures, its budgets (from the performance issue) and the short Markdown tables
 * written to bench-results/latest.md. Pure: everything here is computed from a BenchReport.
 */
import type { BrowserProbe, LighthouseFigures } from './bench-browser.ts';
import type { PageWeight } from './bench-pages.ts';

export interface BuildFigures {
  seconds: number;
  msPerPage: number;
  pages: number;
  /** Peak resident memory of the build's whole process tree (Pagefind, sharp and esbuild included). */
  peakMiB: number;
  /** The kernel's high-water mark of the main (Astro) process alone. */
  mainPeakMiB?: number;
  /** Pagefind's process at its largest, a part of peakMiB when the two peaks coincide (0: none ran). */
  pagefindPeakMiB?: number;
  outputMiB: number;
  phases?: Phases;
}

/**
 * Where a build's wall time went, in seconds, read from its log (readPhases). `sync`: Astro's
 * "collecting build info" (Vite's dependency scan, content sync, types); `bundle`: Vite's bundling
 * of the pages; `routes`: rendering the pages, feeds and files (or copying those
 * the incremental build kept); `feeds`: the part of `routes` spent on feeds (XML and JSON routes),
 * estimated from Astro's per-route times; `images`: optimised images; `index`, `cards`, `headers`:
 * the integrations' own timings when the pages are done; `other`: the rest (Node's start, loading
 * the config and the content check before Astro's first log line, the sitemap, redirects, exit).
 */
export interface Phases {
  sync: number;
  bundle: number;
  routes: number;
  feeds: number;
  images: number;
  index: number;
  cards: number;
  headers: number;
  other: number;
}

/** A duration as Astro logs it ("79ms", "8.61s", "3m 22s") in seconds. */
function duration(text: string): number {
  const parts = /^(?:(\d+)m )?([\d.]+)(m?s)$/.exec(text);
  if (!parts) return 0;
  return Number(parts[1] ?? 0) * 60 + (parts[3] === 'ms' ? Number(parts[2]) / 1000 : Number(parts[2]));
}
const seconds = (value: string, unit: string) => duration(`${value}${unit}`);
/** Astro's spelling of a duration, for the patterns below. */
const DURATION = '((?:\\d+m )?[\\d.]+m?s)';

/** A build's phases (see Phases) from its log and its wall time in seconds; absent parts count 0. */
export function readPhases(log: string, wallSeconds: number): Phases {
  const after = (heading: string) => {
    const start = log.indexOf(heading);
    if (start === -1) return 0;
    const done = new RegExp(`✓ Completed in ${DURATION}\\.`).exec(log.slice(start));
    return done ? duration(done[1]!) : 0;
  };
  const routes = after('generating static routes');
  const images = after('generating optimized images');
  // Astro logs "[build] ✓ Completed in" after collecting build info, then after all the rest.
  const stages = [...log.matchAll(new RegExp(`\\[build\\] ✓ Completed in ${DURATION}\\.`, 'g'))].map((m) =>
    duration(m[1]!),
  );
  const sync = stages.length > 1 ? stages[0]! : 0;
  const astroSeconds = stages.at(-1) ?? routes + images;
  const ms = (pattern: RegExp) => Number(pattern.exec(log)?.[1] ?? 0) / 1000;
  const index = ms(/search index: .* in (\d+) ms/);
  const cards = ms(/social images: \d+ drawn, \d+ reused from cache \((\d+) ms/);
  const headers = ms(/_headers written.* in (\d+) ms/);
  // Each route's time where its path and its time landed side by side in the log.
  let feedTime = 0;
  let routeTime = 0;
  for (const [, path, value, unit] of log.matchAll(/─ (\S+) \(\+([\d.]+)(m?s)\)/g)) {
    const time = seconds(value!, unit!);
    routeTime += time;
    if (/\.(xml|json)$/.test(path!)) feedTime += time;
  }
  return {
    sync,
    bundle: Math.max(0, astroSeconds - routes - images),
    routes,
    feeds: routeTime > 0 ? (routes * feedTime) / routeTime : 0,
    images,
    index,
    cards,
    headers,
    other: Math.max(0, wallSeconds - sync - astroSeconds - index - cards - headers),
  };
}

/** Where time went in each measured build, as a table (seconds, and share of the wall time). */
export function renderPhaseTable(builds: readonly { name: string; seconds: number; phases: Phases }[]): string {
  const keys = ['sync', 'bundle', 'routes', 'feeds', 'images', 'index', 'cards', 'headers', 'other'] as const;
  return markdownTable(
    [
      'build',
      'wall',
      'content sync + types',
      'bundle',
      'render/copy routes',
      '(of which feeds)',
      'images',
      'search index',
      'cards',
      '_headers',
      'other',
    ],
    builds.map((build) => [
      build.name,
      `${fmt(build.seconds, 1)} s`,
      ...keys.map(
        (key) => `${fmt(build.phases[key], 1)} s (${Math.round((100 * build.phases[key]) / build.seconds)}%)`,
      ),
    ]),
    ['l', ...Array(10).fill('r')],
  );
}

/**
 * A cold build inside a memory cgroup (npm run bench -- --memory-limit MiB): whether it fit, as on
 * a hosted builder with that much memory.
 */
export interface LimitedBuild {
  limitMiB: number;
  completed: boolean;
  /** The kernel's OOM killer ended a process of the build. */
  killedForMemory: boolean;
  seconds: number;
  /** The group's high-water mark (resident memory and the page cache its writes filled), in MiB. */
  peakMiB: number;
  /** The build log's last line: where a killed build was. */
  lastLine: string;
}

export interface SizeResult {
  posts: number;
  full: BuildFigures;
  /** Absent when the run skipped the bare floor (--no-bare). */
  bare?: BuildFigures;
  ratio?: { time: number; memory: number };
  search: { pages: number; KiB: number; ms: number } | null;
  /** The build's social cards: drawn afresh, reused from the cache, and the time spent. */
  social?: { drawn: number; reused: number; ms: number } | null;
  /** checkFeeds over the full build's dist (format rules, xmllint and feedparser). */
  feeds?: FeedFigures;
  /** The cold builds inside a memory limit (--memory-limit), when asked for. */
  withinLimit?: { full: LimitedBuild; bare?: LimitedBuild };
}

export interface RebuildResult {
  posts: number;
  coldSeconds: number;
  /** The bare floor's cold build at the same N, when it was built. */
  floorSeconds?: number;
  rebuilds: {
    change: string;
    seconds: number;
    speedup: number;
    imagesReused: number;
    imagesGenerated: number;
    /** Pages and files rendered again, and those Astro's incremental build copied from the last build. */
    rendered?: number;
    kept?: number;
    peakMiB?: number;
    phases?: Phases;
  }[];
}

export interface PageReport {
  name: string;
  path: string;
  weight: PageWeight;
  /** Absent when the run skipped the browser (--no-browser). */
  browser?: BrowserProbe;
  /** Absent when the run skipped Lighthouse (--no-lighthouse). */
  lighthouse?: LighthouseFigures;
}

export type FeedFigures =
  { checked: false } | { checked: true; feeds: number; items: number; problems: string[]; seconds: number };

export interface BenchReport {
  date: string;
  node: string;
  cpus: number;
  /** The 1-minute load average, sampled at the start and after each build and each browser run. */
  loadAverages: number[];
  sizes: SizeResult[];
  rebuild?: RebuildResult;
  pages: PageReport[];
  /**
   * Lighthouse on the bare floor's page of the same article, served by the same server with the
   * same headers, in the same rounds (absent without the bare build or Lighthouse).
   */
  lighthouseFloor?: LighthouseFigures;
  feeds: FeedFigures;
}

export type BudgetStatus = 'PASS' | 'FAIL' | 'NOT RUN';

export interface BudgetRow {
  budget: string;
  measured: string;
  status: BudgetStatus;
}

/** The budgets of the build-pipeline issue (issue 15), against the bare floor built in the same run. */
export const BUDGET = {
  /** Cold build time, full site / bare floor, at N = ratioAtPosts. */
  coldRatio: 2.5,
  /** Peak memory of the process tree, full site / bare floor. */
  memoryRatio: 1.25,
  /** A rebuild with nothing changed, and with one post edited, against the floor's cold build. */
  rebuildRatio: 1.25,
  editedRatio: 1.5,
  ratioAtPosts: 4000,
  largePosts: 10_000,
  /** 10,000 posts build within this peak memory (MiB). */
  largePeakMiB: 2048,
  /** "Flat": ms per page at the largest N may exceed the smallest N's by at most this factor. */
  flatCost: 1.2,
  /** The inline theme script, raw bytes (1 KiB). */
  themeScriptBytes: 1024,
  /** HTML + CSS of an article, gzipped: the first round trip (14 KiB). */
  firstRoundTripBytes: 14 * 1024,
  lighthouse: 100,
} as const;

/** Pages that may carry no JavaScript but the inline theme script. */
export const SCRIPT_FREE_PAGES = ['article', 'home', 'tag', 'archive'];

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const status = (pass: boolean): BudgetStatus => (pass ? 'PASS' : 'FAIL');

/** What is wrong with one page's JavaScript against the "inline theme script only" budget. */
export function scriptProblems(page: PageReport): string[] {
  const problems: string[] = [];
  if (page.weight.inlineScripts.length > 1) problems.push(`${page.weight.inlineScripts.length} inline scripts`);
  for (const script of page.weight.inlineScripts) {
    if (script.raw >= BUDGET.themeScriptBytes) problems.push(`inline script of ${script.raw} B`);
  }
  if (page.weight.js.raw > 0) problems.push(`${page.weight.js.raw} B of script files`);
  for (const script of page.browser?.scripts ?? []) problems.push(`loads ${script.url}`);
  return problems;
}

/** What is wrong with one page's images: static attributes, and (from the browser) the fold. */
export function imageProblems(page: PageReport): string[] {
  const problems = page.weight.images.flatMap((image) => image.problems.map((problem) => `${image.src}: ${problem}`));
  for (const image of page.browser?.images ?? []) {
    if (image.belowFold && image.loading !== 'lazy') problems.push(`${image.src}: below the fold but not lazy`);
    if (!image.belowFold && image.loading === 'lazy') problems.push(`${image.src}: lazy above the fold (delays LCP)`);
  }
  return problems;
}

/** Each budget of the performance issue with the measured value and PASS, FAIL or NOT RUN. */
/**
 * "10,000 posts build in under 2 GB". A cold build inside a memory limit of at most 2 GiB
 * (--memory-limit) answers it as a builder with that much memory would: it completes or it is
 * killed. Without one, the process tree's peak stands in, with a note: it follows how much heap V8
 * allowed itself on this machine, so a peak over the budget does not prove the build needs it.
 */
function largeBudget(large: SizeResult | undefined): BudgetRow {
  const budget = `${BUDGET.largePosts} posts build in under ${BUDGET.largePeakMiB} MiB`;
  if (!large) return { budget, measured: 'not run (add --sizes 10000)', status: 'NOT RUN' };
  const within = large.withinLimit?.full;
  if (within && within.limitMiB <= BUDGET.largePeakMiB) {
    return {
      budget,
      measured: within.completed
        ? `built cold within a ${within.limitMiB} MiB memory limit in ${fmt(within.seconds, 1)} s`
        : `${within.killedForMemory ? 'killed by the OOM killer' : 'failed'} within a ${within.limitMiB} MiB memory limit after ${fmt(within.seconds, 1)} s, at: ${within.lastLine}`,
      status: status(within.completed),
    };
  }
  return {
    budget,
    measured: `${fmt(large.full.seconds, 1)} s, ${fmt(large.full.peakMiB, 0)} MiB peak without a memory limit (add --memory-limit ${BUDGET.largePeakMiB} to build as a ${BUDGET.largePeakMiB} MiB builder would)`,
    status: status(large.full.peakMiB < BUDGET.largePeakMiB),
  };
}

/**
 * Per size, the cold builds inside a memory limit (--memory-limit): completed or killed, the time
 * and the group's peak. Empty when no size was built inside one.
 */
export function renderWithinLimit(sizes: readonly SizeResult[]): string {
  const describe = (run: LimitedBuild | undefined): string => {
    if (!run) return 'n/a';
    if (run.completed) return `built, ${fmt(run.seconds, 1)} s, group peak ${fmt(run.peakMiB, 0)} MiB`;
    return `${run.killedForMemory ? 'killed (OOM)' : 'failed'} after ${fmt(run.seconds, 1)} s, at: ${run.lastLine.replaceAll('|', '\\|')}`;
  };
  const rows = sizes.filter((size) => size.withinLimit);
  if (rows.length === 0) return '';
  return markdownTable(
    ['posts', 'memory limit', 'full site, cold', 'bare floor, cold'],
    rows.map((size) => [
      String(size.posts),
      `${size.withinLimit!.full.limitMiB} MiB`,
      describe(size.withinLimit!.full),
      describe(size.withinLimit!.bare),
    ]),
    ['r', 'r', 'l', 'l'],
  );
}

export function evaluateBudgets(report: BenchReport): BudgetRow[] {
  const rows: BudgetRow[] = [];
  const sizes = [...report.sizes].sort((a, b) => a.posts - b.posts);
  const largest = sizes.at(-1);
  const smallest = sizes[0];
  const note =
    largest && largest.posts < BUDGET.ratioAtPosts ? ` (the budget is set at N = ${BUDGET.ratioAtPosts})` : '';
  const limits = { time: BUDGET.coldRatio, memory: BUDGET.memoryRatio };
  for (const kind of ['time', 'memory'] as const) {
    const ratio = largest?.ratio?.[kind];
    rows.push({
      budget: `build ${kind === 'time' ? 'time (cold)' : 'peak memory (process tree)'}: full / bare <= ${limits[kind]}`,
      measured: ratio === undefined ? 'no bare build' : `${fmt(ratio)} at N = ${largest!.posts}${note}`,
      status: ratio === undefined ? 'NOT RUN' : status(ratio <= limits[kind]),
    });
  }
  rows.push(largeBudget(sizes.find((size) => size.posts >= BUDGET.largePosts)));
  if (smallest && largest && largest !== smallest) {
    const growth = largest.full.msPerPage / smallest.full.msPerPage;
    rows.push({
      budget: `cost per page flat (ms/page at largest N <= ${BUDGET.flatCost} x smallest N)`,
      measured: `${fmt(smallest.full.msPerPage)} ms at ${smallest.posts}, ${fmt(largest.full.msPerPage)} ms at ${largest.posts} (x${fmt(growth)})`,
      status: status(growth <= BUDGET.flatCost),
    });
  } else {
    rows.push({ budget: 'cost per page flat', measured: 'needs two sizes', status: 'NOT RUN' });
  }
  const rebuild = report.rebuild;
  for (const [change, limit] of [
    ['nothing', BUDGET.rebuildRatio],
    ['body', BUDGET.editedRatio],
  ] as const) {
    const run = rebuild?.rebuilds.find((entry) => entry.change === change);
    const floor = rebuild?.floorSeconds;
    rows.push({
      budget: `rebuild, ${change === 'nothing' ? 'nothing changed' : "one post's body edited"}: <= ${limit} x the floor's cold build`,
      measured:
        run && floor
          ? `${fmt(run.seconds / floor)} (${fmt(run.seconds, 1)} s against ${fmt(floor, 1)} s) at N = ${rebuild!.posts}`
          : 'not run',
      status: run && floor ? status(run.seconds / floor <= limit) : 'NOT RUN',
    });
  }

  const pages = report.pages;
  const scriptFree = pages.filter((page) => SCRIPT_FREE_PAGES.includes(page.name));
  const scriptIssues = scriptFree.flatMap((page) => scriptProblems(page).map((problem) => `${page.name}: ${problem}`));
  const theme = Math.max(0, ...scriptFree.flatMap((page) => page.weight.inlineScripts.map((script) => script.raw)));
  rows.push({
    budget: `no JS on ${SCRIPT_FREE_PAGES.join(', ')} but an inline theme script < ${BUDGET.themeScriptBytes} B`,
    measured: scriptIssues.length > 0 ? scriptIssues.join('; ') : `theme script ${theme} B, nothing else`,
    status: scriptFree.length === 0 ? 'NOT RUN' : status(scriptIssues.length === 0),
  });
  const article = pages.find((page) => page.name === 'article');
  rows.push({
    budget: `article HTML + CSS gzipped < ${kib(BUDGET.firstRoundTripBytes)}`,
    measured: article ? kib(article.weight.htmlCssGzip) : 'no article measured',
    status: article ? status(article.weight.htmlCssGzip < BUDGET.firstRoundTripBytes) : 'NOT RUN',
  });
  const fonts = pages.flatMap((page) => page.weight.fonts);
  const fontIssues = [...new Set(fonts.flatMap((font) => font.problems.map((problem) => `${font.url}: ${problem}`)))];
  rows.push({
    budget: 'fonts local and subset (woff2, unicode-range), or system fonts',
    measured:
      fontIssues.join('; ') ||
      (fonts.length === 0 ? 'system fonts' : `${new Set(fonts.map((font) => font.url)).size} local subset font files`),
    status: pages.length === 0 ? 'NOT RUN' : status(fontIssues.length === 0),
  });
  const images = pages.flatMap((page) => page.weight.images);
  const imageIssues = [...new Set(pages.flatMap(imageProblems))];
  const browserRan = pages.length > 0 && pages.every((page) => page.browser);
  rows.push({
    budget: 'images: width and height, srcset, AVIF/WebP, lazy below the fold',
    measured:
      imageIssues.join('; ') ||
      `${images.length} images, all fine${browserRan ? '' : ' (the fold not checked: no browser run)'}`,
    status: pages.length === 0 ? 'NOT RUN' : status(imageIssues.length === 0),
  });
  const lighthouse = pages.filter((page) => page.lighthouse);
  const shifts = lighthouse.filter((page) => page.lighthouse!.cls > 0);
  rows.push({
    budget: 'zero layout shift (Lighthouse CLS = 0)',
    measured:
      lighthouse.length === 0
        ? 'not run'
        : shifts.map((page) => `${page.name}: ${page.lighthouse!.cls.toFixed(3)}`).join('; ') || 'CLS 0 on every page',
    status: lighthouse.length === 0 ? 'NOT RUN' : status(shifts.length === 0),
  });
  const floor = report.lighthouseFloor?.scores.performance;
  // Performance may instead match the floor page's: what a page of the same text with no style, font
  // or script scores in the same rounds is the most any page can score on this machine then.
  const atFloor = (category: string, score: number) =>
    category === 'performance' && floor !== undefined && score >= floor;
  const low = lighthouse.flatMap((page) =>
    Object.entries(page.lighthouse!.scores)
      .filter(([category, score]) => score < BUDGET.lighthouse && !atFloor(category, score))
      .map(([category, score]) => {
        // The score stays the one measured; a busy machine's is put beside what its thread time gives.
        const quiet = page.lighthouse!.threadTime;
        const note = category === 'performance' && quiet ? ` (${quiet.performance} on thread time)` : '';
        return `${page.name} ${category} ${score}${note}`;
      }),
  );
  const matched = lighthouse.filter(({ lighthouse: lh }) => {
    const performance = lh!.scores.performance;
    return performance < BUDGET.lighthouse && atFloor('performance', performance);
  });
  const measured = [
    ...(low.length > 0 ? [low.join('; ')] : []),
    ...(matched.length > 0
      ? [
          `at the floor page's ${floor}: ${matched.map((page) => `${page.name} ${page.lighthouse!.scores.performance}`).join(', ')}`,
        ]
      : []),
  ];
  if (measured.length === 0) measured.push(`100 x 4 on ${lighthouse.length} pages`);
  if (floor !== undefined && matched.length === 0) measured.push(`the floor page ${floor}`);
  rows.push({
    budget: `Lighthouse mobile ${BUDGET.lighthouse} in all four categories (performance: 100, or at least the floor page's in the same rounds)`,
    measured: lighthouse.length === 0 ? 'not run' : measured.join('; '),
    status: lighthouse.length === 0 ? 'NOT RUN' : status(low.length === 0),
  });
  return rows;
}

/** A Markdown table from a header row and body rows (cells already formatted). */
export function markdownTable(header: string[], rows: string[][], align: ('l' | 'r')[] = []): string {
  const rule = header.map((_, index) => (align[index] === 'l' ? '---' : '---:'));
  return [header, rule, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

export function renderBuildTable(sizes: readonly SizeResult[]): string {
  return markdownTable(
    [
      'posts',
      'full: time',
      'ms/page',
      'peak',
      'output',
      'bare: time',
      'ms/page',
      'peak',
      'full/bare time',
      'full/bare memory',
      'search index',
    ],
    sizes.map((r) => [
      String(r.posts),
      `${fmt(r.full.seconds, 1)} s`,
      `${fmt(r.full.msPerPage)} (${r.full.pages} pages)`,
      r.full.pagefindPeakMiB
        ? `${fmt(r.full.peakMiB, 0)} MiB (Pagefind ${fmt(r.full.pagefindPeakMiB, 0)})`
        : `${fmt(r.full.peakMiB, 0)} MiB`,
      `${fmt(r.full.outputMiB, 1)} MiB`,
      r.bare ? `${fmt(r.bare.seconds, 1)} s` : 'n/a',
      r.bare ? fmt(r.bare.msPerPage) : 'n/a',
      r.bare ? `${fmt(r.bare.peakMiB, 0)} MiB` : 'n/a',
      r.ratio ? fmt(r.ratio.time) : 'n/a',
      r.ratio ? fmt(r.ratio.memory) : 'n/a',
      r.search ? `${r.search.pages} posts, ${fmt(r.search.KiB / 1024)} MiB, ${fmt(r.search.ms / 1000)} s` : 'n/a',
    ]),
    Array(10).fill('r').concat('l'),
  );
}

/** Per size: the feeds checked in the full build and the social cards it drew. */
export function renderFeedsAndCards(sizes: readonly SizeResult[]): string {
  return markdownTable(
    ['posts', 'feeds checked', 'items', 'problems', 'check time', 'social cards drawn', 'reused', 'drawing time'],
    sizes.map((r) => {
      const feeds = r.feeds?.checked ? r.feeds : undefined;
      return [
        String(r.posts),
        feeds ? String(feeds.feeds) : 'not checked',
        feeds ? String(feeds.items) : '',
        feeds ? String(feeds.problems.length) : '',
        feeds ? `${fmt(feeds.seconds, 1)} s` : '',
        r.social ? String(r.social.drawn) : 'n/a',
        r.social ? String(r.social.reused) : '',
        r.social ? `${fmt(r.social.ms / 1000, 1)} s` : '',
      ];
    }),
    Array(8).fill('r'),
  );
}

export function renderRebuild(rebuild: RebuildResult): string {
  const parts = rebuild.rebuilds.map(
    (r) =>
      `${r.change} changed: ${fmt(r.seconds, 1)} s (x${fmt(r.speedup)}; ${r.rendered === undefined ? '' : `${r.rendered} routes rendered, ${r.kept} kept; `}images ${r.imagesReused} reused, ${r.imagesGenerated} generated)`,
  );
  const floor = rebuild.floorSeconds ? ` (the floor's cold build: ${fmt(rebuild.floorSeconds, 1)} s)` : '';
  return `Rebuild at N = ${rebuild.posts}: cold ${fmt(rebuild.coldSeconds, 1)} s${floor}; ${parts.join('; ')}.`;
}

const pair = (bytes: { raw: number; gzip: number }) => `${kib(bytes.raw)} / ${kib(bytes.gzip)}`;

export function renderPageTable(pages: readonly PageReport[]): string {
  return markdownTable(
    [
      'page',
      'HTML (raw / gz)',
      'inline CSS',
      'CSS files',
      'inline JS',
      'JS files',
      'HTML+CSS gz',
      'requests before paint',
      'render-blocking',
    ],
    pages.map((page) => [
      `${page.name} \`${page.path}\``,
      pair(page.weight.html),
      pair(page.weight.inlineStyles),
      pair(page.weight.css),
      page.weight.inlineScripts.map((script) => `${script.raw} B`).join(' + ') || '0',
      page.browser
        ? `${kib(page.weight.js.raw + page.browser.scripts.reduce((total, script) => total + script.bytes, 0))}`
        : kib(page.weight.js.raw),
      kib(page.weight.htmlCssGzip),
      page.browser ? String(page.browser.requestsBeforeFirstPaint.length) : 'n/a',
      page.browser ? String(page.browser.renderBlocking.length) : 'n/a',
    ]),
    ['l'],
  );
}

export function renderLighthouseTable(pages: readonly PageReport[], floor?: LighthouseFigures): string {
  const rows: [string, LighthouseFigures][] = pages
    .filter((page) => page.lighthouse)
    .map((page) => [page.name, page.lighthouse!]);
  if (floor) rows.push(['floor (bare page, same post)', floor]);
  return markdownTable(
    [
      'page',
      'performance',
      'each run',
      'accessibility',
      'best practices',
      'SEO',
      'FCP',
      'LCP',
      'SI',
      'CLS',
      'TBT',
      'performance, thread time',
      'TBT, thread time',
      'points lost: FCP / LCP / TBT / CLS / SI',
    ],
    rows.map(([name, lh]) => [
      name,
      String(lh.scores.performance),
      lh.runs.join(' / '),
      String(lh.scores.accessibility),
      String(lh.scores.bestPractices),
      String(lh.scores.seo),
      lh.metrics ? `${fmt(lh.metrics.FCP.value / 1000)} s` : '-',
      `${fmt(lh.lcpMs / 1000)} s`,
      lh.metrics ? `${fmt(lh.metrics.SI.value / 1000)} s` : '-',
      fmt(lh.cls, 3),
      `${fmt(lh.tbtMs, 0)} ms`,
      lh.threadTime ? String(lh.threadTime.performance) : '-',
      lh.threadTime ? `${fmt(lh.threadTime.tbtMs, 0)} ms` : '-',
      lh.metrics
        ? (['FCP', 'LCP', 'TBT', 'CLS', 'SI'] as const).map((name) => fmt(lh.metrics![name].pointsLost, 1)).join(' / ')
        : '-',
    ]),
    ['l'],
  );
}

export function renderBudgetTable(rows: readonly BudgetRow[]): string {
  return markdownTable(
    ['budget', 'measured', ''],
    rows.map((row) => [row.budget, row.measured, row.status]),
    ['l', 'l', 'l'],
  );
}

/** A warning when the machine was busier than its CPUs during the run, or undefined. */
export function busyWarning(report: Pick<BenchReport, 'cpus' | 'loadAverages'>): string | undefined {
  const peak = Math.max(0, ...report.loadAverages);
  if (peak <= report.cpus) return undefined;
  return `The machine was busy (load average up to ${fmt(peak, 1)} on ${report.cpus} CPUs): times, and Lighthouse's TBT (CPU-bound, slowed 4x), are inflated; compare ratios, or run again on a quiet machine.`;
}

/** bench-results/latest.md: the build table, the rebuild, page weight, Lighthouse and the budgets. */
/** The phase table's rows: each size's cold full build, then the rebuilds. */
export function phaseRows(
  report: Pick<BenchReport, 'sizes' | 'rebuild'>,
): { name: string; seconds: number; phases: Phases }[] {
  const rows: { name: string; seconds: number; phases: Phases }[] = [];
  for (const size of report.sizes) {
    if (size.full.phases)
      rows.push({ name: `cold, N = ${size.posts}`, seconds: size.full.seconds, phases: size.full.phases });
  }
  for (const rebuild of report.rebuild?.rebuilds ?? []) {
    if (rebuild.phases) {
      rows.push({
        name: `rebuild (${rebuild.change} changed), N = ${report.rebuild!.posts}`,
        seconds: rebuild.seconds,
        phases: rebuild.phases,
      });
    }
  }
  return rows;
}

export function renderMarkdown(report: BenchReport): string {
  const sections = [renderBuildTable(report.sizes)];
  if (report.sizes.some((size) => size.feeds || size.social)) sections.push(renderFeedsAndCards(report.sizes));
  if (report.rebuild) sections.push(renderRebuild(report.rebuild));
  const within = renderWithinLimit(report.sizes);
  if (within) sections.push(`Cold builds inside a memory limit:\n\n${within}`);
  const phases = phaseRows(report);
  if (phases.length > 0) sections.push(`Where the time went:\n\n${renderPhaseTable(phases)}`);
  const load = report.loadAverages;
  if (load.length > 0) {
    sections.push(
      `Load average (1 min) through the run: ${Math.min(...load).toFixed(1)} to ${Math.max(...load).toFixed(1)} on ${report.cpus} CPUs.`,
    );
  }
  if (report.pages.length > 0) {
    sections.push(
      `Page weight (the first size's full build; JS files include what the browser loaded):\n\n${renderPageTable(report.pages)}`,
    );
  }
  if (report.pages.some((page) => page.lighthouse))
    sections.push(`Lighthouse, mobile:\n\n${renderLighthouseTable(report.pages, report.lighthouseFloor)}`);
  sections.push(`Budgets:\n\n${renderBudgetTable(evaluateBudgets(report))}`);
  const busy = busyWarning(report);
  if (busy) sections.push(busy);
  return `${sections.join('\n\n')}\n`;
}
