/**
 * npm run bench:lighthouse -- --site before=DIST --site after=DIST2 --floor FLOOR.html --pages /,/posts/x/ [--rounds 3] [--out DIR]
 *
 * Lighthouse (mobile) on built sites side by side, in the same rounds: each site is served by its
 * own server with its own `_headers`, and the bare floor's page (when given) by another with the
 * first site's headers. Every round records the floor, then each page in every site one after the
 * other, so a burst of load on this shared machine falls on all of them alike; each URL keeps its
 * median recording (Lighthouse's computeMedianRun, as the bench does). Prints, per page and site,
 * the score, each metric's simulated value and the points it cost, the same on thread time, and
 * what Lighthouse says about first paint and the largest paint (render-blocking requests, the LCP
 * element and its phases, long tasks); writes every median report to --out (default
 * bench-results/lighthouse/) to read in full. Compare figures only within one run.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCommandLine, refuseCommandLine } from '../../src/lib/command-line.ts';
import { type LighthouseFigures, type LighthouseResult, PERFORMANCE_METRICS, runLighthouse } from './bench-browser.ts';
import { serveStatic } from './bench-server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NAME = 'npm run bench:lighthouse';
const { values } = readCommandLine(
  {
    options: {
      site: { type: 'string', multiple: true, default: [] },
      floor: { type: 'string' },
      pages: { type: 'string', default: '/' },
      rounds: { type: 'string', default: '3' },
      out: { type: 'string', default: join(ROOT, 'bench-results/lighthouse') },
    },
  },
  {
    name: NAME,
    usage: `Usage: npm run bench:lighthouse -- --site NAME=DIST [--site NAME=DIST ...] [--floor FLOOR.html]
                                [--pages /,/posts/x/] [--rounds 3] [--out DIR]

Runs Lighthouse (mobile) on built sites side by side, in the same rounds, and prints each page's
score and metrics per site; writes the median reports to --out (default bench-results/lighthouse/).`,
  },
);
const sites = values.site.map((value) => {
  const equals = value.indexOf('=');
  if (equals < 1) refuseCommandLine(NAME, `--site "${value}": write it as --site NAME=DIST_FOLDER`);
  const dist = resolve(value.slice(equals + 1));
  if (!existsSync(join(dist, 'index.html'))) refuseCommandLine(NAME, `--site ${value}: no index.html in ${dist}`);
  return { name: value.slice(0, equals), dist };
});
if (sites.length === 0) refuseCommandLine(NAME, '--site NAME=DIST: name at least one built site');
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1)
  refuseCommandLine(NAME, `--rounds "${values.rounds}": write a whole number`);
const pages = values.pages.split(',').map((page) => page.trim());
if (values.floor && !existsSync(values.floor)) refuseCommandLine(NAME, `--floor ${values.floor}: no such file`);

const loads: number[] = [];
const servers = await Promise.all(sites.map(async (site) => ({ ...site, server: await serveStatic(site.dist) })));
const floorDir = values.floor ? mkdtempSync(join(tmpdir(), 'blog-bench-floor-')) : undefined;
let floorServer: Awaited<ReturnType<typeof serveStatic>> | undefined;
if (floorDir && values.floor) {
  mkdirSync(join(floorDir, 'bench-floor'));
  cpSync(values.floor, join(floorDir, 'bench-floor/index.html'));
  if (existsSync(join(sites[0]!.dist, '_headers')))
    cpSync(join(sites[0]!.dist, '_headers'), join(floorDir, '_headers'));
  floorServer = await serveStatic(floorDir);
}

interface Target {
  page: string;
  site: string;
  url: string;
}
const targets: Target[] = [
  ...(floorServer ? [{ page: 'floor', site: 'floor', url: `${floorServer.origin}/bench-floor/` }] : []),
  ...pages.flatMap((page) => servers.map(({ name, server }) => ({ page, site: name, url: `${server.origin}${page}` }))),
];
const reports = new Map<string, LighthouseResult>();
let figures: Map<string, LighthouseFigures>;
try {
  loads.push(loadavg()[0]!);
  figures = await runLighthouse(
    targets.map((target) => target.url),
    (url, round) => {
      loads.push(loadavg()[0]!);
      console.log(`round ${round}: ${url}`);
    },
    rounds,
    (url, report) => reports.set(url, report),
  );
  loads.push(loadavg()[0]!);
} finally {
  await Promise.all(servers.map(({ server }) => server.close()));
  await floorServer?.close();
  if (floorDir) rmSync(floorDir, { recursive: true, force: true });
}

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '-' : `${Math.round(value)}`);
type Item = Record<string, unknown>;
const itemsOf = (report: LighthouseResult, id: string): Item[] =>
  ((report.audits[id]?.details as { items?: Item[] } | undefined)?.items ?? []) as Item[];

/** What Lighthouse says about a recording's paints and tasks, in a few lines. */
function diagnose(report: LighthouseResult): string[] {
  const lines: string[] = [];
  const observed = itemsOf(report, 'metrics')[0] ?? {};
  lines.push(
    `observed (unthrottled): FCP ${ms(observed.observedFirstContentfulPaint as number)} ms, LCP ${ms(observed.observedLargestContentfulPaint as number)} ms, load ${ms(observed.observedLoad as number)} ms`,
  );
  const blocking = itemsOf(report, 'render-blocking-insight');
  lines.push(
    `render-blocking: ${blocking.map((item) => `${new URL(String(item.url)).pathname} (${ms(item.totalBytes as number)} B, ${ms(item.wastedMs as number)} ms)`).join(', ') || 'none'}`,
  );
  const breakdown = report.audits['lcp-breakdown-insight']?.details as { items?: Item[] } | undefined;
  for (const item of breakdown?.items ?? []) {
    if (item.type === 'table') {
      const rows = (item.items as Item[]).map(
        (row) => `${String(row.label ?? row.subpart)} ${ms(row.duration as number)}`,
      );
      lines.push(`LCP phases (observed): ${rows.join(', ')}`);
    }
    if (item.type === 'node') lines.push(`LCP element: ${String(item.snippet ?? item.nodeLabel)}`);
  }
  const tasks = itemsOf(report, 'long-tasks');
  lines.push(
    `long tasks (simulated): ${tasks.map((task) => `${ms(task.duration as number)} ms at ${ms(task.startTime as number)}`).join(', ') || 'none'}`,
  );
  const main = itemsOf(report, 'main-thread-tasks').filter((task) => (task.duration as number) >= 10);
  lines.push(
    `main-thread tasks >= 10 ms (observed): ${main.map((task) => `${ms(task.duration as number)} at ${ms(task.startTime as number)}`).join(', ')}`,
  );
  const bytes = report.audits['total-byte-weight']?.numericValue;
  lines.push(`total bytes: ${ms(bytes)}`);
  return lines;
}

const rows: string[] = [];
const header = [
  'page',
  'site',
  'perf',
  'runs',
  ...PERFORMANCE_METRICS.map(({ name }) => `${name} (lost)`),
  'thread-time perf / TBT',
];
rows.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
const summary: unknown[] = [];
const slug = (target: Target) =>
  `${target.site}-${target.page.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}`;
mkdirSync(values.out, { recursive: true });
for (const target of targets) {
  const figure = figures.get(target.url)!;
  const metrics = figure.metrics!;
  rows.push(
    `| ${[
      target.page,
      target.site,
      String(figure.scores.performance),
      figure.runs.join('/'),
      ...PERFORMANCE_METRICS.map(({ name }) => {
        const metric = metrics[name];
        const value = name === 'CLS' ? metric.value.toFixed(3) : ms(metric.value);
        return `${value} (${metric.pointsLost.toFixed(1)})`;
      }),
      `${figure.threadTime?.performance ?? '-'} / ${ms(figure.threadTime?.tbtMs)}`,
    ].join(' | ')} |`,
  );
  const report = reports.get(target.url)!;
  writeFileSync(join(values.out, `${slug(target)}.json`), JSON.stringify(report));
  summary.push({ ...target, figures: figure, diagnosis: diagnose(report) });
}
console.log(`\n${rows.join('\n')}\n`);
for (const entry of summary as { page: string; site: string; diagnosis: string[] }[]) {
  console.log(`${entry.page} (${entry.site}):\n  ${entry.diagnosis.join('\n  ')}`);
}
console.log(`\nload average (1 min) through the run: ${loads.map((load) => load.toFixed(1)).join(', ')}`);
writeFileSync(join(values.out, 'summary.json'), `${JSON.stringify({ loads, rows: summary }, null, 2)}\n`);
console.log(`median reports and summary.json written to ${values.out}`);
