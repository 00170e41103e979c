// A small registry of named benchmarks. To add one, create bench/sections/NAME.ts that calls
// `registerBench({...})`; bench/run.ts loads every file in that folder. `npm run bench -- NAME` runs it.
import * as path from 'node:path';

export interface BenchOptions {
  /** timed runs per measurement (after warm-up) */
  runs: number;
  warmup: number;
  /** time budget per measurement in ms (0 = none): fewer runs (at least 5) when the engine is slow */
  budgetMs: number;
  /** --real: also time the gold corpus files under ../shared/corpus */
  real: boolean;
  corpusRoot: string;
  /** seconds before a child process (cold start, 10 MB) is stopped */
  timeout: number;
  repoRoot: string;
}

export interface BenchContext {
  options: BenchOptions;
  /** one line of the text report */
  log(line?: string): void;
  /** a figure for the JSON report (`--json`) */
  record(key: string, value: unknown): void;
}

export interface Bench {
  name: string;
  description: string;
  /** run by a plain `npm run bench` (otherwise only when named or, for `real`, with --real) */
  byDefault: boolean;
  /** order in the default run (lower first) */
  order?: number;
  run(ctx: BenchContext): void | Promise<void>;
}

const benches = new Map<string, Bench>();

export function registerBench(bench: Bench): void {
  if (benches.has(bench.name)) throw new Error(`benchmark "${bench.name}" registered twice`);
  benches.set(bench.name, bench);
}

export function allBenches(): Bench[] {
  return [...benches.values()].sort((a, b) => (a.order ?? 50) - (b.order ?? 50) || a.name.localeCompare(b.name));
}

export function getBench(name: string): Bench | undefined {
  return benches.get(name);
}

export const REPO_ROOT = path.resolve(__dirname, '..');
