// Timing helpers: warm-up, repeated runs, median and p95 (nearest rank).
import { performance } from 'node:perf_hooks';

export interface Stats {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(q * sorted.length); // nearest rank
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(sorted: number[]): number {
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarizeSamples(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return {
    runs: s.length,
    median: median(s),
    p95: quantile(s, 0.95),
    min: s[0],
    max: s[s.length - 1],
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
  };
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed (milliseconds). With a budget (ms, 0 = none),
 *  warm-up stops after a fifth of it (at least one run) and timing stops once the budget is spent and at
 *  least `MIN_RUNS` samples exist — so a slow engine cannot make the benchmark run for an hour.
 *  The number of timed runs actually made is `runs` in the result. */
export const MIN_RUNS = 5;

export function measure(fn: () => unknown, runs: number, warmup: number, budgetMs = 0): Stats {
  let sink: unknown;
  const start = performance.now();
  for (let i = 0; i < warmup; i++) {
    sink = fn();
    if (budgetMs > 0 && performance.now() - start > budgetMs / 5) break;
  }
  const samples: number[] = [];
  const timedStart = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = fn();
    const t1 = performance.now();
    samples.push(t1 - t0);
    if (budgetMs > 0 && samples.length >= Math.min(MIN_RUNS, runs) && t1 - timedStart > budgetMs) break;
  }
  void sink;
  return summarizeSamples(samples);
}

export const ms = (x: number): string => (Number.isNaN(x) ? 'n/a' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
export const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
export const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
/** "✓" when within the target, "✗" otherwise — informational only, never fails the run. */
export const mark = (value: number, target: number) => (Number.isNaN(value) ? '?' : value <= target ? '✓' : '✗');
