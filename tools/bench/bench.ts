/**
 * npm run bench [-- --sizes 100,1000,4000]   (10000 on request)
 * For each N: generates N posts into a temporary project (content/ is never touched), builds the
 * full site and, with the same posts, a bare Astro site that only renders each post's Markdown into
 * a minimal page (the floor). Prints wall time, ms per page, peak memory, output size, the search
 * index, the social cards drawn, and the full/bare ratios; checks every feed of the full build
 * (checkFeeds: format rules, xmllint, feedparser).
 * On the first size's full build it also weighs an article, the home, a tag, the search and the
 * archive pages, loads them in Chromium (requests before the first paint, render-blocking requests,
 * images against the fold) and runs Lighthouse (mobile) on them. At the largest size it rebuilds
 * with nothing changed, then after changing one post, keeping Astro's caches. Then it prints the budgets, PASS or FAIL,
 * and writes bench-results/latest.json and latest.md.
 * Skip parts with --no-bare, --no-browser, --no-lighthouse, --no-rebuild, --no-feeds; --rebuild-at N picks the
 * size to rebuild at; --keep keeps the temporary projects. --source DIR builds the site's code from
 * another checkout (a worktree of an older commit, to compare two versions with the same bench);
 * --concurrency N sets Astro's build.concurrency in the copy. Peak memory is the whole process
 * tree's (Pagefind's process apart beside it); a table says where each build's time went
 * (docs/benchmark.md). --memory-limit MiB also builds each size cold inside a memory cgroup of that
 * size (memory-limit.ts), as a hosted builder with that much memory would, and judges the
 * 10,000-post budget by it.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import pidtree from 'pidtree';
import pidusage from 'pidusage';
import { folderSize, linkPackages, listFiles } from '../../src/io/files.ts';
import { readCommandLine, refuseCommandLine } from '../../src/lib/command-line.ts';
import { type LighthouseFigures, probePages, runLighthouse } from './bench-browser.ts';
import { generatePosts } from './bench-content.ts';
import { checkFeeds } from './check-feeds.ts';
import { measurePage } from './bench-pages.ts';
import {
  type BenchReport,
  busyWarning,
  type BuildFigures,
  evaluateBudgets,
  type FeedFigures,
  imageProblems,
  type PageReport,
  type Phases,
  phaseRows,
  readPhases,
  renderPhaseTable,
  type RebuildResult,
  renderBudgetTable,
  renderBuildTable,
  renderLighthouseTable,
  renderMarkdown,
  renderPageTable,
  renderFeedsAndCards,
  renderRebuild,
  renderWithinLimit,
  scriptProblems,
  type SizeResult,
  type LimitedBuild,
} from './bench-report.ts';
import { serveStatic } from './bench-server.ts';
import { memoryLimitProblem, runWithinMemory } from './memory-limit.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = readCommandLine(
  {
    allowNegative: true,
    options: {
      sizes: { type: 'string', default: '100,1000,4000' },
      keep: { type: 'boolean', default: false },
      bare: { type: 'boolean', default: true },
      browser: { type: 'boolean', default: true },
      lighthouse: { type: 'boolean', default: true },
      rebuild: { type: 'boolean', default: true },
      feeds: { type: 'boolean', default: true },
      'rebuild-at': { type: 'string' },
      source: { type: 'string' },
      concurrency: { type: 'string' },
      'memory-limit': { type: 'string' },
    },
  },
  {
    name: 'npm run bench',
    usage: `Usage: npm run bench -- [--sizes 100,1000,4000] [options]

Builds N generated posts (each size) as the full site and as a bare Astro floor, and prints time,
peak memory of the process tree, output, where the time went and issue 15's budgets; writes
bench-results/latest.json and latest.md. Tables and how to read them: docs/benchmark.md.

  --sizes N,N,...     post counts to build (default 100,1000,4000; 10000 on request)
  --no-bare           skip the bare floor
  --no-browser        skip weighing and loading pages in Chromium
  --no-lighthouse     skip Lighthouse
  --no-rebuild        skip the rebuilds (nothing changed, one post changed)
  --rebuild-at N      the size to rebuild at (default: the largest)
  --no-feeds          skip checking every feed
  --source DIR        build the site's code from another checkout (before/after in one run)
  --concurrency N     Astro's build.concurrency in the copy
  --memory-limit MiB  also build each size cold inside a memory cgroup of MiB (Linux, as root),
                      as a hosted builder with that much memory would: does it fit?
  --keep              keep the temporary projects`,
  },
);
/** Where the full site's code comes from: this checkout, or another (--source, e.g. a worktree of an older commit). */
const SOURCE = values.source ? resolve(values.source) : ROOT;
if (!existsSync(join(SOURCE, 'astro.config.ts'))) {
  refuseCommandLine('npm run bench', `--source ${SOURCE}: no astro.config.ts there; name a checkout of this site`);
}
const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
  refuseCommandLine(
    'npm run bench',
    `--concurrency: "${values.concurrency}" is not a whole number of pages; write it as --concurrency 4`,
  );
}
const memoryLimit = values['memory-limit'] === undefined ? undefined : Number(values['memory-limit']);
if (memoryLimit !== undefined) {
  if (!(Number.isInteger(memoryLimit) && memoryLimit >= 64)) {
    refuseCommandLine(
      'npm run bench',
      `--memory-limit: "${values['memory-limit']}" is not a whole number of MiB of at least 64; write it as --memory-limit 2048`,
    );
  }
  const problem = memoryLimitProblem();
  if (problem) refuseCommandLine('npm run bench', `--memory-limit: ${problem}`);
}
const sizes = values.sizes.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  refuseCommandLine(
    'npm run bench',
    `--sizes: "${values.sizes}" is not a list of post counts; write it as --sizes 100,1000`,
  );
}
const rebuildAt = values.rebuild ? Number(values['rebuild-at'] ?? Math.max(...sizes)) : undefined;
if (rebuildAt !== undefined && !sizes.includes(rebuildAt)) {
  refuseCommandLine('npm run bench', `--rebuild-at ${rebuildAt}: not one of the sizes run (${sizes.join(', ')})`);
}

/** The 1-minute load average through the run: two cores are shared, so a busy machine is worth knowing. */
const loadAverages = [loadavg()[0]!];
const sampleLoad = () => loadAverages.push(loadavg()[0]!);

interface BuildRun {
  seconds: number;
  /** The process tree's peak (see build). */
  peakMiB: number;
  mainPeakMiB: number;
  /** Pagefind's process at its largest (0 for the floor, which has none). */
  pagefindPeakMiB: number;
  phases: Phases;
  pages: number;
  outputMiB: number;
  log: string;
}

/** A temporary project: the site's code (or the bare floor's), its packages linked, no caches. */
function makeProject(kind: 'full' | 'bare'): string {
  const dir = mkdtempSync(join(tmpdir(), `blog-bench-${kind}-`));
  linkPackages(ROOT, dir);
  if (kind === 'full') {
    for (const entry of ['src', 'public', 'scripts', 'astro.config.ts', 'tsconfig.json', 'package.json']) {
      cpSync(join(SOURCE, entry), join(dir, entry), { recursive: true });
    }
    if (concurrency !== undefined) {
      const config = join(dir, 'astro.config.ts');
      const text = readFileSync(config, 'utf8');
      const changed = text.replace(/concurrency: \d+/, `concurrency: ${concurrency}`);
      if (changed === text) throw new Error(`--concurrency: ${config} sets no build.concurrency to change`);
      writeFileSync(config, changed);
    }
    return dir;
  }
  // The floor: one route that renders each post's Markdown into a minimal page, nothing else.
  mkdirSync(join(dir, 'src/pages/posts'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n",
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { posts: defineCollection({ loader: glob({ base: './content/posts', pattern: '**/*.md' }) }) };\n",
  );
  writeFileSync(
    join(dir, 'src/pages/posts/[slug].astro'),
    '---\nimport { getCollection, render } from \'astro:content\';\nexport async function getStaticPaths() {\n  return (await getCollection(\'posts\')).map((post) => ({ params: { slug: post.id }, props: { post } }));\n}\nconst { post } = Astro.props;\nconst { Content } = await render(post);\n---\n<html lang="en"><head><meta charset="utf-8"><title>{String(post.data.title)}</title></head><body><h1>{String(post.data.title)}</h1><Content /></body></html>\n',
  );
  return dir;
}

function writeContent(project: string, count: number, full: boolean): void {
  const content = join(project, 'content');
  if (full) {
    // The site's own authors, pages, videos and stats, plus the generated posts (not the real ones).
    for (const entry of ['authors', 'pages', 'videos', 'stats'])
      cpSync(join(ROOT, 'content', entry), join(content, entry), { recursive: true });
  }
  const generated = generatePosts(count);
  for (const file of generated.files) {
    if (!full && !file.path.startsWith('posts/')) continue;
    const path = join(content, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, full ? file.text : file.text.replace(/\nhero:\n.*\n.*\n/, '\n'));
  }
  // The bare floor has no hero, but renders the same Markdown, images in the text included.
  const hero = join(ROOT, 'content/posts/valentina-mobile-massage-canada-water-review/hero.jpg');
  for (const folder of generated.heroFolders) cpSync(hero, join(content, folder, 'hero.jpg'));
}

/**
 * The resident memory of a process and all its descendants (Pagefind's process, sharp's, esbuild's),
 * in KiB, and the part of it that is Pagefind's process; 0 once it is gone. pidtree lists the tree,
 * pidusage reads each process's RSS.
 */
async function treeRssKiB(pid: number): Promise<{ total: number; pagefind: number }> {
  try {
    const pids = await pidtree(pid, { root: true });
    const usage = await pidusage(pids);
    let total = 0;
    let pagefind = 0;
    for (const [child, stat] of Object.entries(usage)) {
      const kib = (stat?.memory ?? 0) / 1024;
      total += kib;
      if (isPagefind(Number(child))) pagefind += kib;
    }
    return { total, pagefind };
  } catch {
    return { total: 0, pagefind: 0 }; // The process (or one of its children) has just exited.
  }
}

/** Whether a process is Pagefind's (its command line names it), from /proc. */
function isPagefind(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('pagefind');
  } catch {
    return false;
  }
}

/** The command every build of the bench runs, in the project's folder, and its environment. */
const ASTRO = join(ROOT, 'node_modules/.bin/astro');
const BUILD_ENV = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };

/**
 * Runs `astro build` in a project and measures it: wall time, and peak memory of the whole process
 * tree (the sum of every process's resident memory, sampled every 250 ms; the kernel's high-water
 * mark of the main process alone is kept beside it).
 */
function build(project: string): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(ASTRO, ['build'], { cwd: project, env: BUILD_ENV });
    let log = '';
    let mainPeakKiB = 0;
    let treePeakKiB = 0;
    let pagefindPeakKiB = 0;
    let sampling = false;
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) mainPeakKiB = Math.max(mainPeakKiB, Number(hwm[1]));
      } catch {
        // The process has just exited.
      }
      if (sampling || child.pid === undefined) return;
      sampling = true;
      void treeRssKiB(child.pid).then((kib) => {
        treePeakKiB = Math.max(treePeakKiB, kib.total);
        pagefindPeakKiB = Math.max(pagefindPeakKiB, kib.pagefind);
        sampling = false;
      });
    }, 250);
    child.on('close', (code) => {
      clearInterval(poll);
      sampleLoad();
      if (code !== 0) return reject(new Error(`the build in ${project} failed:\n${log.slice(-3000)}`));
      const dist = join(project, 'dist');
      const seconds = (performance.now() - started) / 1000;
      const clean = stripVTControlCharacters(log);
      resolve({
        seconds,
        peakMiB: Math.max(treePeakKiB, mainPeakKiB) / 1024,
        mainPeakMiB: mainPeakKiB / 1024,
        pagefindPeakMiB: pagefindPeakKiB / 1024,
        pages: listFiles(dist, /\.html$/).length,
        outputMiB: folderSize(dist) / 1024 / 1024,
        log: clean,
        phases: readPhases(clean, seconds),
      });
    });
  });
}

function figures(run: BuildRun): BuildFigures {
  return {
    seconds: run.seconds,
    msPerPage: (run.seconds * 1000) / run.pages,
    pages: run.pages,
    peakMiB: run.peakMiB,
    mainPeakMiB: run.mainPeakMiB,
    pagefindPeakMiB: run.pagefindPeakMiB,
    outputMiB: run.outputMiB,
    phases: run.phases,
  };
}

function saveLog(name: string, log: string): void {
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, `bench-results/${name}.log`), log);
}

/**
 * The pages the issue names: a typical article (a generated article with a hero image and
 * comments), the home page, the tag page listing the most posts, the search page and the archive.
 */
function choosePages(dist: string): { name: string; path: string }[] {
  const tags = readdirSync(join(dist, 'tags'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dist, 'tags', entry.name, 'index.html')))
    .map((entry) => ({ name: entry.name, bytes: readFileSync(join(dist, 'tags', entry.name, 'index.html')).length }))
    .sort((a, b) => b.bytes - a.bytes);
  const pages = [
    { name: 'article', path: '/posts/bench-post-00000/' },
    { name: 'home', path: '/' },
    { name: 'tag', path: `/tags/${tags[0]?.name}/` },
    { name: 'search', path: '/search/' },
    { name: 'archive', path: '/archive/' },
  ];
  for (const page of pages) {
    if (!existsSync(join(dist, page.path, 'index.html'))) {
      throw new Error(`the ${page.name} page ${page.path} was not built; the benchmark needs it to weigh the page`);
    }
  }
  return pages;
}

/** Where the Lighthouse floor page is served, beside the full site's pages (see measurePages). */
const FLOOR_PATH = '/bench-floor/';

/**
 * Weighs the chosen pages of a built site, then loads them in Chromium and Lighthouse. With the
 * bare floor's output (`floorDist`), Lighthouse also records the floor's page of the same post,
 * copied into the full site's throwaway output so that the same server gives it the same headers
 * (the site's `_headers`, Cross-Origin-Opener-Policy included), round by round with the site's
 * pages: what the machine and the browser cost a page of that text with no style, font or script.
 */
async function measurePages(
  dist: string,
  floorDist?: string,
): Promise<{ pages: PageReport[]; floor?: LighthouseFigures }> {
  const readSiteFile = (path: string) => (existsSync(join(dist, path)) ? readFileSync(join(dist, path)) : undefined);
  const reports: PageReport[] = choosePages(dist).map(({ name, path }) => ({
    name,
    path,
    weight: measurePage(readFileSync(join(dist, path, 'index.html'), 'utf8'), path, readSiteFile),
  }));
  if (!values.browser && !values.lighthouse) return { pages: reports };
  const floorPage = floorDist && join(floorDist, reports[0]!.path, 'index.html');
  if (floorPage && values.lighthouse) {
    if (!existsSync(floorPage)) throw new Error(`the bare floor has no ${reports[0]!.path}: no page to compare with`);
    mkdirSync(join(dist, FLOOR_PATH), { recursive: true });
    cpSync(floorPage, join(dist, FLOOR_PATH, 'index.html'));
  }
  const server = await serveStatic(dist);
  let floor: LighthouseFigures | undefined;
  try {
    const urls = reports.map((report) => `${server.origin}${report.path}`);
    if (values.browser) {
      process.stdout.write('  pages in Chromium (requests before the first paint, images)... ');
      const probes = await probePages(urls);
      sampleLoad();
      reports.forEach((report, index) => (report.browser = probes.get(urls[index]!)));
      console.log('done');
    }
    if (values.lighthouse) {
      const floorUrl = floorPage ? [`${server.origin}${FLOOR_PATH}`] : [];
      const results = await runLighthouse([...floorUrl, ...urls], (url, round) => {
        console.log(`  Lighthouse (mobile), round ${round}: ${url}`);
        sampleLoad();
      });
      sampleLoad();
      reports.forEach((report, index) => (report.lighthouse = results.get(urls[index]!)));
      floor = floorUrl[0] ? results.get(floorUrl[0]) : undefined;
    }
  } finally {
    await server.close();
  }
  return { pages: reports, floor };
}

/**
 * Feed validation of the full build's output. The one call site for tools/bench/check-feeds.ts:
 * wire it up here as `const { feeds, items, problems } = await checkFeeds(dist)` and return
 * `{ checked: true, feeds, items, problems }`.
 */
/** Every feed of a build checked against its format's rules, and read by feedparser. */
function validateFeeds(dist: string): FeedFigures {
  process.stdout.write('  checking every feed (format rules, xmllint, feedparser)... ');
  const started = performance.now();
  const result = checkFeeds(dist);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${result.feeds.length} feeds, ${result.items} items, ${result.problems.length} problem(s) in ${seconds.toFixed(1)} s`,
  );
  for (const problem of result.problems.slice(0, 20)) console.log(`    ${problem}`);
  return { checked: true, feeds: result.feeds.length, items: result.items, problems: result.problems, seconds };
}

/**
 * Astro logs each route it writes: "├─ /path" then "(+12ms)" once rendered, or "(cached)" /
 * "(restored)" right away when its incremental build copied the last build's file. Pages render
 * several at a time, so a path and its time may land on different lines: count the marks, not lines.
 */
function countRoutes(log: string): { rendered: number; kept: number } {
  const routes = (log.match(/[├└]─ /g) ?? []).length;
  const kept = (log.match(/ \((cached|restored)\)/g) ?? []).length;
  return { rendered: routes - kept, kept };
}

/** One post of a built project changed and the project built again, Astro's caches kept. */
async function measureRebuilds(
  project: string,
  posts: number,
  coldSeconds: number,
  floorSeconds: number | undefined,
): Promise<RebuildResult> {
  const file = join(project, 'content/posts/bench-post-00001/index.md');
  const original = readFileSync(file, 'utf8');
  const bodyChanged = `${original}\nOne more paragraph, written after the first build, to time a rebuild.\n`;
  const titleChanged = bodyChanged.replace(/^title: ".*"$/m, 'title: "A title changed after the first build"');
  if (titleChanged === bodyChanged) throw new Error(`${file}: no title line to change`);
  const rebuilds: RebuildResult['rebuilds'] = [];
  for (const [change, text] of [
    ['nothing', original],
    ['body', bodyChanged],
    ['title', titleChanged],
  ] as const) {
    writeFileSync(file, text);
    process.stdout.write(
      change === 'nothing' ? '  rebuild with nothing changed... ' : `  rebuild after one post's ${change} changed... `,
    );
    const run = await build(project);
    console.log(`${run.seconds.toFixed(1)} s (x${(coldSeconds / run.seconds).toFixed(2)} faster than cold)`);
    saveLog(`rebuild-${change}-${posts}`, run.log);
    rebuilds.push({
      change,
      seconds: run.seconds,
      speedup: coldSeconds / run.seconds,
      imagesReused: (run.log.match(/\(reused cache entry\)/g) ?? []).length,
      imagesGenerated: (run.log.match(/\(before: /g) ?? []).length,
      ...countRoutes(run.log),
      peakMiB: run.peakMiB,
      phases: run.phases,
    });
  }
  return { posts, coldSeconds, floorSeconds, rebuilds };
}

/**
 * Builds a project cold (its output and every cache removed first) inside a memory cgroup of
 * `limitMiB` (see memory-limit.ts): whether the build fits a builder with that much memory.
 */
async function buildWithin(
  project: string,
  kind: 'full' | 'bare',
  limitMiB: number,
  posts: number,
): Promise<LimitedBuild> {
  for (const dir of ['dist', 'node_modules/.astro', '.astro'])
    rmSync(join(project, dir), { recursive: true, force: true });
  const run = await runWithinMemory(ASTRO, ['build'], { cwd: project, env: BUILD_ENV, limitMiB });
  sampleLoad();
  saveLog(`build-${kind}-within-${limitMiB}-${posts}`, run.output);
  const lines = stripVTControlCharacters(run.output).trim().split('\n');
  return {
    limitMiB,
    completed: run.exitCode === 0,
    killedForMemory: run.killedForMemory,
    seconds: run.seconds,
    peakMiB: run.peakMiB,
    lastLine: lines.at(-1)?.trim().slice(0, 200) || 'before the build printed anything',
  };
}

function describeWithin(run: LimitedBuild): string {
  if (run.completed) return `built in ${run.seconds.toFixed(1)} s (group peak ${run.peakMiB.toFixed(0)} MiB)`;
  return `${run.killedForMemory ? 'killed by the OOM killer' : 'failed'} after ${run.seconds.toFixed(1)} s, at: ${run.lastLine}`;
}

const report: BenchReport = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  loadAverages,
  sizes: [],
  pages: [],
  feeds: { checked: false },
};
for (const [index, count] of sizes.entries()) {
  const full = makeProject('full');
  const bare = values.bare ? makeProject('bare') : undefined;
  try {
    writeContent(full, count, true);
    if (bare) writeContent(bare, count, false);
    process.stdout.write(`N = ${count}: building the full site... `);
    const fullRun = await build(full);
    process.stdout.write(
      `${fullRun.seconds.toFixed(1)} s, ${fullRun.peakMiB.toFixed(0)} MiB (Pagefind's process ${fullRun.pagefindPeakMiB.toFixed(0)})`,
    );
    saveLog(`build-full-${count}`, fullRun.log);
    let bareRun: BuildRun | undefined;
    if (bare) {
      process.stdout.write('; the bare floor... ');
      bareRun = await build(bare);
      process.stdout.write(`${bareRun.seconds.toFixed(1)} s, ${bareRun.peakMiB.toFixed(0)} MiB`);
      saveLog(`build-bare-${count}`, bareRun.log);
    }
    console.log('');
    const search = /search index: (\d+) pages, ([\d.]+) KiB, in (\d+) ms/.exec(fullRun.log);
    const social = /social images: (\d+) drawn, (\d+) reused from cache \((\d+) ms/.exec(fullRun.log);
    const result: SizeResult = {
      posts: count,
      full: figures(fullRun),
      search: search ? { pages: Number(search[1]), KiB: Number(search[2]), ms: Number(search[3]) } : null,
      social: social ? { drawn: Number(social[1]), reused: Number(social[2]), ms: Number(social[3]) } : null,
      feeds: values.feeds ? validateFeeds(join(full, 'dist')) : { checked: false },
    };
    if (bareRun) {
      result.bare = figures(bareRun);
      result.ratio = { time: fullRun.seconds / bareRun.seconds, memory: fullRun.peakMiB / bareRun.peakMiB };
    }
    report.sizes.push(result);
    report.feeds = result.feeds ?? { checked: false };
    if (index === 0) {
      const measured = await measurePages(join(full, 'dist'), bare && join(bare, 'dist'));
      report.pages = measured.pages;
      report.lighthouseFloor = measured.floor;
    }
    if (count === rebuildAt) report.rebuild = await measureRebuilds(full, count, fullRun.seconds, bareRun?.seconds);
    if (memoryLimit !== undefined) {
      process.stdout.write(`  cold, within ${memoryLimit} MiB: the full site... `);
      const fullWithin = await buildWithin(full, 'full', memoryLimit, count);
      process.stdout.write(describeWithin(fullWithin));
      result.withinLimit = { full: fullWithin };
      if (bare) {
        process.stdout.write('; the bare floor... ');
        result.withinLimit.bare = await buildWithin(bare, 'bare', memoryLimit, count);
        process.stdout.write(describeWithin(result.withinLimit.bare));
      }
      console.log('');
    }
  } finally {
    const dirs = [full, bare].filter((dir) => dir !== undefined);
    if (values.keep) console.log(`  kept ${dirs.join(' and ')}`);
    else for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`\n${renderBuildTable(report.sizes)}\n`);
console.log(`${renderFeedsAndCards(report.sizes)}\n`);
if (report.rebuild) console.log(`${renderRebuild(report.rebuild)}\n`);
const withinLimit = renderWithinLimit(report.sizes);
if (withinLimit) console.log(`Cold builds inside a memory limit:\n\n${withinLimit}\n`);
if (phaseRows(report).length > 0) console.log(`Where the time went:\n\n${renderPhaseTable(phaseRows(report))}\n`);
if (report.pages.length > 0) console.log(`${renderPageTable(report.pages)}\n`);
for (const page of report.pages) {
  const browser = page.browser;
  if (browser) {
    console.log(
      `${page.name}: first paint at ${browser.fcpMs.toFixed(0)} ms after ${browser.requestsBeforeFirstPaint.length} requests (${browser.requestsBeforeFirstPaint.map((url) => new URL(url).pathname).join(', ')}); render-blocking: ${browser.renderBlocking.map((url) => new URL(url).pathname).join(', ') || 'none'}`,
    );
  }
  for (const problem of [...scriptProblems(page), ...imageProblems(page)]) console.log(`  ${page.name}: ${problem}`);
}
if (report.pages.some((page) => page.lighthouse)) {
  console.log(`\n${renderLighthouseTable(report.pages, report.lighthouseFloor)}\n`);
  for (const page of report.pages) {
    for (const audit of page.lighthouse?.failing ?? []) console.log(`  ${page.name}: below 100 on ${audit}`);
  }
}
console.log(`\n${renderBudgetTable(evaluateBudgets(report))}\n`);
const busy = busyWarning(report);
if (busy) console.log(`${busy}\n`);
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench-results/latest.json'),
  `${JSON.stringify({ ...report, budgets: evaluateBudgets(report) }, null, 2)}\n`,
);
writeFileSync(join(ROOT, 'bench-results/latest.md'), renderMarkdown(report));
console.log('Written to bench-results/latest.json and bench-results/latest.md');
