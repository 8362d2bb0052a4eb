import { describe, expect, test } from 'vitest';
import { findPageThread, toThreadTime, type TraceEvent } from '../../tools/bench/thread-time.ts';

const PAGE = { pid: 7, tid: 7 };
const OTHER = { pid: 3, tid: 3 };

/** A page load as Chrome traces it: the page's renderer main thread, and a browser thread beside it. */
function trace(): TraceEvent[] {
  return [
    { ...OTHER, name: 'RunTask', ph: 'X', ts: 0, dur: 90_000, tdur: 10_000 },
    {
      ...PAGE,
      name: 'navigationStart',
      ph: 'R',
      ts: 1_000,
      args: { data: { documentLoaderURL: 'http://127.0.0.1:4321/posts/état-d’esprit/' } },
    },
    // 80 ms on the clock, of which the thread ran 20: it waited for a core the rest of the time.
    { ...PAGE, name: 'RunTask', ph: 'X', ts: 10_000, dur: 80_000, tdur: 20_000 },
    { ...PAGE, name: 'ParseHTML', ph: 'X', ts: 10_000, dur: 40_000, tdur: 10_000 },
    { ...PAGE, name: 'ResourceSendRequest', ph: 'I', ts: 50_000 },
    { ...PAGE, name: 'Layout', ph: 'X', ts: 50_000, dur: 40_000, tdur: 10_000 },
    // A task the trace gives no CPU time for stays as it was.
    { ...PAGE, name: 'RunTask', ph: 'X', ts: 100_000, dur: 30_000 },
    { ...PAGE, name: 'Paint', ph: 'X', ts: 100_000, dur: 30_000 },
    { ...PAGE, name: 'firstContentfulPaint', ph: 'R', ts: 130_000 },
  ];
}

describe('toThreadTime', () => {
  test('cuts each task of the page to its CPU time and scales what ran inside it into that time', () => {
    const events = toThreadTime(trace());
    const byName = (name: string) => events.filter((event) => event.pid === PAGE.pid && event.name === name);
    expect(byName('RunTask').map((event) => [event.ts, event.dur])).toEqual([
      [10_000, 20_000],
      [100_000, 30_000],
    ]);
    expect(byName('ParseHTML').map((event) => [event.ts, event.dur])).toEqual([[10_000, 10_000]]);
    expect(byName('Layout').map((event) => [event.ts, event.dur])).toEqual([[20_000, 10_000]]);
    // The request the layout's task sent still falls inside that task.
    expect(byName('ResourceSendRequest')[0]!.ts).toBe(20_000);
    expect(byName('Paint').map((event) => [event.ts, event.dur])).toEqual([[100_000, 30_000]]);
  });

  test('leaves the other processes’ threads alone', () => {
    const events = toThreadTime(trace());
    expect(events.find((event) => event.pid === OTHER.pid)).toMatchObject({ ts: 0, dur: 90_000 });
  });

  test('never makes a task longer than the clock said, even when the CPU time is larger (two threads’ rounding)', () => {
    const events = toThreadTime<TraceEvent>([
      { ...PAGE, name: 'firstContentfulPaint', ph: 'R', ts: 0 },
      { ...PAGE, name: 'RunTask', ph: 'X', ts: 10, dur: 1_000, tdur: 1_200 },
    ]);
    expect(events[1]!.dur).toBe(1_000);
  });

  test('finds the page by its first paint when the trace began after its navigation start', () => {
    expect(findPageThread(trace().filter((event) => event.name !== 'navigationStart'))).toEqual(PAGE);
  });

  test('refuses a trace with no page load in it, by name', () => {
    expect(() => toThreadTime(trace().filter((event) => event.pid === OTHER.pid))).toThrow(/no navigation start/);
  });
});
