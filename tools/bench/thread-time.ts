/**
 * Lighthouse's Total Blocking Time as a quiet machine would see it. Lighthouse's mobile run
 * simulates a slow phone from the main-thread tasks it recorded, each multiplied by 4: on a machine
 * whose cores are shared, every task's wall time also holds the time the thread waited for a core,
 * so the same page scores 100 on a quiet machine and 75 under load. A trace event carries both its
 * wall time (`dur`) and the CPU time its thread actually got (`tdur`); re-running Lighthouse's
 * audits on the same trace with each task cut to its CPU time gives a figure that follows the page,
 * not the machine's load (docs/benchmark.md, "Blocking time").
 */

/** A Chrome trace event, as Lighthouse records it (times in microseconds). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** CPU time of the event's thread, when Chrome measured it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { documentLoaderURL?: string } };
}

/**
 * The page's main thread: the thread of its navigation start (an http(s) document), or, when the
 * trace began too late to see it, the thread of its first contentful paint. Undefined if neither.
 */
export function findPageThread(events: readonly TraceEvent[]): { pid: number; tid: number } | undefined {
  const navigation = events.find(
    (event) => event.name === 'navigationStart' && /^https?:/.test(event.args?.data?.documentLoaderURL ?? ''),
  );
  const paint = events.find((event) => event.name === 'firstContentfulPaint');
  const found = navigation ?? paint;
  return found ? { pid: found.pid, tid: found.tid } : undefined;
}

/**
 * Returns the trace with each top-level task (`RunTask`) of the page's main thread shortened to
 * the CPU time its thread got, and everything inside the task scaled into it in proportion (so
 * nesting holds and Lighthouse still sees which task parsed, laid out or painted). Tasks never grow;
 * a task without `tdur` is left as it was. Other threads are untouched. Mutates and returns
 * `events`. Throws if the page's main thread cannot be found.
 */
export function toThreadTime<T extends TraceEvent>(events: T[]): T[] {
  const thread = findPageThread(events);
  if (!thread) throw new Error('the trace has no navigation start nor first paint: is it a page load?');
  const onMain = events
    .filter((event) => event.pid === thread.pid && event.tid === thread.tid)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let taskStart = 0;
  let taskEnd = -Infinity;
  let ratio = 1;
  for (const event of onMain) {
    if (event.ts >= taskEnd && event.ph === 'X' && event.name === 'RunTask' && event.dur !== undefined) {
      taskStart = event.ts;
      taskEnd = event.ts + event.dur;
      ratio = event.tdur !== undefined && event.dur > 0 ? Math.min(1, event.tdur / event.dur) : 1;
      event.dur *= ratio;
      continue;
    }
    if (event.ts >= taskEnd) continue;
    event.ts = taskStart + (event.ts - taskStart) * ratio;
    if (event.dur !== undefined) event.dur *= ratio;
  }
  return events;
}
