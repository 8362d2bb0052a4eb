/**
 * The benchmark's measurements in a real browser (the system Chromium, offline): what a phone
 * requests before the first paint and which requests block rendering (Playwright, Resource Timing),
 * where each image sits against the fold, and Lighthouse's mobile scores and metrics.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import pRetry from 'p-retry';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { toThreadTime, type TraceEvent } from './thread-time.ts';

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
/** Lighthouse's mobile screen (a mid-range phone), so the fold is where Lighthouse sees it. */
const PHONE = { width: 412, height: 823, deviceScaleFactor: 1.75 };

export interface ImagePlacement {
  src: string;
  loading: string;
  belowFold: boolean;
}

export interface BrowserProbe {
  /** First Contentful Paint on an unthrottled load, ms from navigation start. */
  fcpMs: number;
  /** The document plus every request started before the first paint. */
  requestsBeforeFirstPaint: string[];
  /** Requests the browser marked render-blocking (Resource Timing renderBlockingStatus), the document aside. */
  renderBlocking: string[];
  /** Script and WebAssembly files the page loaded, by path, with their decoded size. */
  scripts: { url: string; bytes: number }[];
  images: ImagePlacement[];
}

/** Loads each URL once in a fresh phone-sized context (empty cache) and reads what happened. */
export async function probePages(urls: readonly string[]): Promise<Map<string, BrowserProbe>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const probes = new Map<string, BrowserProbe>();
  try {
    for (const url of urls) {
      const context = await browser.newContext({
        viewport: PHONE,
        deviceScaleFactor: PHONE.deviceScaleFactor,
        isMobile: true,
      });
      const page = await context.newPage();
      const response = await page.goto(url, { waitUntil: 'load' });
      if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
      const probe = await page.evaluate(async () => {
        const fcp = await new Promise<number>((resolve) => {
          new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({
            type: 'paint',
            buffered: true,
          });
          setTimeout(() => resolve(Number.NaN), 5000);
        });
        const resources = performance.getEntriesByType('resource') as (PerformanceResourceTiming & {
          renderBlockingStatus?: string;
        })[];
        return {
          fcpMs: fcp,
          requestsBeforeFirstPaint: [location.href, ...resources.filter((r) => r.startTime < fcp).map((r) => r.name)],
          renderBlocking: resources.filter((r) => r.renderBlockingStatus === 'blocking').map((r) => r.name),
          scripts: resources
            .filter((r) => /\.(m?js|wasm)$/.test(new URL(r.name).pathname))
            .map((r) => ({ url: new URL(r.name).pathname, bytes: r.decodedBodySize })),
          images: Array.from(document.images, (image) => ({
            src: image.getAttribute('src') ?? '',
            loading: image.loading,
            belowFold: image.getBoundingClientRect().top + window.scrollY >= window.innerHeight,
          })),
        };
      });
      if (Number.isNaN(probe.fcpMs)) throw new Error(`${url}: no first contentful paint within 5 s`);
      probes.set(url, probe);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return probes;
}

/** The five metrics Lighthouse's mobile performance score weighs (Lighthouse 10 and later). */
export const PERFORMANCE_METRICS = [
  { id: 'first-contentful-paint', name: 'FCP' },
  { id: 'largest-contentful-paint', name: 'LCP' },
  { id: 'total-blocking-time', name: 'TBT' },
  { id: 'cumulative-layout-shift', name: 'CLS' },
  { id: 'speed-index', name: 'SI' },
] as const;

export type MetricName = (typeof PERFORMANCE_METRICS)[number]['name'];

/**
 * One metric of a recording: its simulated value (ms; CLS unitless), its own score (0 to 1), and the
 * points of the 100-point performance score it cost: weight x (1 - score), the weights being the
 * category's (FCP 10, SI 10, LCP 25, TBT 30, CLS 25 in Lighthouse 13).
 */
export interface MetricFigure {
  value: number;
  score: number;
  weight: number;
  pointsLost: number;
}

export interface LighthouseFigures {
  scores: { performance: number; accessibility: number; bestPractices: number; seo: number };
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Every scored metric of the median recording, with the points it cost. */
  metrics?: Record<MetricName, MetricFigure>;
  /** The performance score of every recording, in order; the other figures are the median recording's. */
  runs: number[];
  /**
   * The performance score and Total Blocking Time from the same recording with each main-thread
   * task cut to the CPU time its thread got (see thread-time.ts): what a quiet machine would give.
   */
  threadTime?: { performance: number; tbtMs: number };
  /** "category: audit title (value)" for each scored audit below a full score. */
  failing: string[];
}

/** Starts the system Chromium with a DevTools port for Lighthouse; resolves when it listens. */
function launchDebuggableChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'blog-bench-chromium-'));
  const child = spawn(CHROMIUM, [
    '--headless=new',
    ...CHROMIUM_ARGS,
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    'about:blank',
  ]);
  // Chromium writes to its profile until it has exited: remove the profile after that.
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill();
    await exited;
    rmSync(profile, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`Chromium (${CHROMIUM}) did not open a DevTools port:\n${log}`));
    }, 20_000);
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const port = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(log)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ port: Number(port), stop });
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export type LighthouseResult = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/**
 * One Lighthouse recording of a URL, tried up to three times: on a busy machine Lighthouse now and
 * then loses its trace (NO_NAVSTART, "Please run Lighthouse again"), which says nothing of the page.
 */
function record(url: string, port: number): Promise<{ lhr: LighthouseResult; quiet?: LighthouseResult }> {
  return pRetry(() => recordOnce(url, port), {
    retries: 2,
    onFailedAttempt: ({ error, attemptNumber }) => console.warn(`  ${error.message} (attempt ${attemptNumber} of 3)`),
  });
}

/** One Lighthouse recording of a URL, audited as measured and again on thread time. */
async function recordOnce(url: string, port: number): Promise<{ lhr: LighthouseResult; quiet?: LighthouseResult }> {
  // Gathered to disk and audited there, so the same recording can be audited again on thread time.
  const artifacts = mkdtempSync(join(tmpdir(), 'blog-bench-lighthouse-'));
  const flags = { port, output: 'json' as const, logLevel: 'error' as const, onlyCategories: [...CATEGORIES] };
  try {
    const result = await lighthouse(url, { ...flags, gatherMode: artifacts, auditMode: artifacts });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
    const tracePath = join(artifacts, 'trace.json');
    const trace = JSON.parse(readFileSync(tracePath, 'utf8')) as { traceEvents: TraceEvent[] };
    writeFileSync(tracePath, JSON.stringify({ ...trace, traceEvents: toThreadTime(trace.traceEvents) }));
    // Lighthouse audits saved artifacts only with the settings they were gathered with.
    const quiet = await lighthouse(url, { ...flags, auditMode: artifacts });
    return { lhr, quiet: quiet?.lhr };
  } finally {
    rmSync(artifacts, { recursive: true, force: true });
  }
}

/** The figures the bench keeps from the median recording of a URL, with every run's performance score. */
function figuresOf(median: { lhr: LighthouseResult; quiet?: LighthouseResult }, runs: number[]): LighthouseFigures {
  const { lhr, quiet } = median;
  const score = (id: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failing: string[] = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight === 0 || !audit || audit.score === null || audit.score >= 1) continue;
      failing.push(`${id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
    }
  }
  const weights = new Map((lhr.categories.performance?.auditRefs ?? []).map((ref) => [ref.id, ref.weight]));
  const metrics = Object.fromEntries(
    PERFORMANCE_METRICS.map(({ id, name }) => {
      const audit = lhr.audits[id];
      const weight = weights.get(id) ?? 0;
      const metricScore = audit?.score ?? 0;
      return [
        name,
        {
          value: audit?.numericValue ?? Number.NaN,
          score: metricScore,
          weight,
          pointsLost: weight * (1 - metricScore),
        },
      ];
    }),
  ) as Record<MetricName, MetricFigure>;
  return {
    metrics,
    scores: {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
    },
    runs,
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
    threadTime: {
      performance: Math.round((quiet?.categories.performance?.score ?? 0) * 100),
      tbtMs: quiet?.audits['total-blocking-time']?.numericValue ?? Number.NaN,
    },
    failing,
  };
}

/**
 * Lighthouse's default mobile run (emulated phone, simulated slow 4G and 4x CPU) on each URL, in one
 * Chromium, `rounds` times over the list (URL after URL, so a passing burst of load falls on every
 * page alike, not on one), after one discarded warm-up recording: the first recording in a fresh
 * browser pays its start-up and scored a one-paragraph page 86 where the next scored 98. Each URL's
 * figures are those of its median recording, chosen by Lighthouse's own `computeMedianRun` (the run
 * nearest the median first paint and time to interactive), as Lighthouse's variability guide
 * recommends over single runs (docs/variability.md in the Lighthouse repository).
 *
 * `onMedian` receives each URL's median report whole (audits, insights, Lantern's debug figures),
 * for whoever wants to read or keep it.
 *
 * Throws when Lighthouse fails on a URL (its runtime error named). Takes about 8 to 15 s per
 * recording on this machine: (URLs x rounds + 1) recordings.
 */
export async function runLighthouse(
  urls: readonly string[],
  onPage: (url: string, round: number) => void = () => {},
  rounds = 3,
  onMedian: (url: string, report: LighthouseResult) => void = () => {},
): Promise<Map<string, LighthouseFigures>> {
  const chrome = await launchDebuggableChromium();
  const recordings = new Map<string, { lhr: LighthouseResult; quiet?: LighthouseResult }[]>();
  try {
    if (urls.length > 0) await record(urls[0]!, chrome.port);
    for (let round = 1; round <= rounds; round++) {
      for (const url of urls) {
        onPage(url, round);
        const recording = await record(url, chrome.port);
        recordings.set(url, [...(recordings.get(url) ?? []), recording]);
      }
    }
  } finally {
    await chrome.stop();
  }
  const figures = new Map<string, LighthouseFigures>();
  for (const [url, runs] of recordings) {
    const median = computeMedianRun(runs.map((run) => run.lhr));
    const chosen = runs.find((run) => run.lhr === median)!;
    onMedian(url, chosen.lhr);
    figures.set(
      url,
      figuresOf(
        chosen,
        runs.map((run) => Math.round((run.lhr.categories.performance?.score ?? 0) * 100)),
      ),
    );
  }
  return figures;
}
