// Workspace search benchmark: 50,000 synthetic claims (plus actors), the index build time,
// and median / p95 query latency over a mix of query shapes, against fuse.js on the same data.
//
//   npx tsx bench/search.ts [--claims 50000] [--queries 300] [--fuse-queries 30] [--no-fuse] [--json]
//
// Budget: 20 ms per query at 50,000 claims (the workspace view searches as you type).
import Fuse from 'fuse.js';
import { createSearchIndex, type SearchEntry } from '../src/core/search-index';
import { rng } from './generate';

export interface SearchBenchOptions {
  claims?: number;
  queries?: number;
  fuseQueries?: number;
  fuse?: boolean;
  seed?: number;
}

export interface LatencyStats {
  queries: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export interface SearchBenchResult {
  claims: number;
  actors: number;
  vocabulary: number;
  buildMs: number;
  index: LatencyStats;
  /** CPU time of the process per query (user + system): steadier than wall time on a busy machine. */
  indexCpu: LatencyStats;
  byShape: Record<string, LatencyStats>;
  fuse?: LatencyStats & { buildMs: number };
  budgetMs: number;
  withinBudget: boolean;
}


const COMMON = (
  'the a of to in and that for on with at by from as is was were be been will would has had have it its ' +
  'this said says told their more than over after before about under new last next year week month government ' +
  'council city state police court report data plan budget people percent million billion public officials ' +
  'minister mayor president company workers school hospital water bridge road election vote tax prices'
).split(' ');
const SYLLABLES = 'ka lo mi ra ten vor al is un der bre sta min gul pe on tri ho fas el wen dor sa qui ber lan mo zu ex ter'.split(' ');
const FIRST = 'Ana Jean Maria Omar Li Sven Fatima Kwame Olga Diego Priya Noah Yuki Amara Tomás Zoë Björn Chloé Ngozi Mateo'.split(' ');

/** Synthetic but shaped like real drafts: Zipf-ish common words, a long tail of rare ones, names with accents. */
export function syntheticEntries(claims: number, seed = 7): SearchEntry[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const rare: string[] = [];
  for (let i = 0; i < 12000; i++) {
    let w = '';
    const k = 2 + Math.floor(r() * 3);
    for (let j = 0; j < k; j++) w += pick(SYLLABLES);
    rare.push(w);
  }
  const zipfRare = () => rare[Math.floor(rare.length * Math.pow(r(), 2.2))]!;
  const surnames = rare.slice(0, 3000).map((w) => w[0]!.toUpperCase() + w.slice(1));
  const actors: SearchEntry[] = [];
  for (let i = 0; i < Math.max(50, Math.floor(claims / 25)); i++) {
    actors.push({ id: `a${i}`, kind: 'actor', text: `${pick(FIRST)} ${pick(surnames)}`, file: `drafts/story-${i % 500}.md` });
  }
  const out: SearchEntry[] = [...actors];
  for (let i = 0; i < claims; i++) {
    const words: string[] = [];
    const length = 12 + Math.floor(r() * 30);
    for (let j = 0; j < length; j++) words.push(r() < 0.62 ? COMMON[Math.floor(COMMON.length * Math.pow(r(), 1.6))]! : zipfRare());
    const speaker = pick(actors).text;
    const text = r() < 0.5 ? `“${words.join(' ')},” ${speaker} said.` : `${speaker} said ${words.join(' ')}.`;
    out.push({ id: `c${i}`, kind: 'claim', text, file: `drafts/story-${i % 500}.md` });
  }
  return out;
}

type Shape = 'word' | 'two-words' | 'typo' | 'partial' | 'reordered' | 'name' | 'one-letter' | 'long';

/** Queries drawn from the data, in several shapes, each as typed by a person. */
export function syntheticQueries(entries: readonly SearchEntry[], count: number, seed = 11): { shape: Shape; query: string }[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const claims = entries.filter((e) => e.kind === 'claim');
  const actors = entries.filter((e) => e.kind === 'actor');
  const wordsOf = (e: SearchEntry) => e.text.split(/[^\p{L}]+/u).filter((w) => w.length > 3);
  const typo = (w: string) => {
    const i = 1 + Math.floor(r() * (w.length - 2));
    return r() < 0.5 ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.slice(0, i) + w.slice(i + 1);
  };
  const shapes: Shape[] = ['word', 'two-words', 'typo', 'partial', 'reordered', 'name', 'one-letter', 'long'];
  const out: { shape: Shape; query: string }[] = [];
  for (let i = 0; i < count; i++) {
    const shape = shapes[i % shapes.length]!;
    const ws = wordsOf(pick(claims));
    const a = pick(ws) ?? 'budget';
    const start = Math.floor(r() * Math.max(1, ws.length - 3));
    let query: string;
    switch (shape) {
      case 'word': query = a; break;
      case 'two-words': query = ws.slice(start, start + 2).join(' '); break;
      case 'typo': query = typo(a.length > 4 ? a : 'minister'); break;
      case 'partial': query = a.slice(0, Math.max(3, Math.ceil(a.length / 2))); break;
      case 'reordered': query = ws.slice(start, start + 3).reverse().join(' '); break;
      case 'name': query = pick(actors).text.split(' ').reverse().join(' ').toLowerCase(); break;
      case 'one-letter': query = a[0]!; break;
      case 'long': query = ws.slice(start, start + 6).join(' '); break;
    }
    out.push({ shape, query });
  }
  return out;
}

function stats(samples: number[]): LatencyStats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { queries: s.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(s[s.length - 1]!) };
}

const round = (x: number) => Math.round(x * 100) / 100;

export function runSearchBench(options: SearchBenchOptions = {}): SearchBenchResult {
  const claims = options.claims ?? 50_000;
  const entries = syntheticEntries(claims, options.seed ?? 7);
  const queries = syntheticQueries(entries, options.queries ?? 400);

  let t = performance.now();
  const index = createSearchIndex(entries);
  const buildMs = performance.now() - t;

  for (const { query } of queries.slice(0, 20)) index.search(query); // warm up the JIT
  const all: number[] = [];
  const cpu: number[] = [];
  const byShapeSamples: Record<string, number[]> = {};
  for (const { shape, query } of queries) {
    const c = process.cpuUsage();
    t = performance.now();
    index.search(query, 20);
    const ms = performance.now() - t;
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    all.push(ms);
    (byShapeSamples[shape] ??= []).push(ms);
  }
  const byShape: Record<string, LatencyStats> = {};
  for (const [shape, samples] of Object.entries(byShapeSamples)) byShape[shape] = stats(samples);

  const result: SearchBenchResult = {
    claims,
    actors: entries.length - claims,
    vocabulary: index.vocabularySize,
    buildMs: round(buildMs),
    index: stats(all),
    indexCpu: stats(cpu),
    byShape,
    budgetMs: 20,
    withinBudget: false,
  };
  result.withinBudget = result.index.p95Ms <= result.budgetMs;

  if (options.fuse !== false) {
    t = performance.now();
    const fuse = new Fuse(entries, { keys: ['text'], includeMatches: true, includeScore: true, threshold: 0.4, ignoreLocation: true });
    const fuseBuild = performance.now() - t;
    const fuseSamples: number[] = [];
    const fuseQueries = queries.slice(0, options.fuseQueries ?? 24);
    fuse.search(fuseQueries[0]!.query, { limit: 20 }); // warm up
    for (const { query } of fuseQueries) {
      t = performance.now();
      fuse.search(query, { limit: 20 });
      fuseSamples.push(performance.now() - t);
    }
    result.fuse = { ...stats(fuseSamples), buildMs: round(fuseBuild) };
  }
  return result;
}

export function formatSearchBench(r: SearchBenchResult): string {
  const lines = [
    `search index: ${r.claims} claims + ${r.actors} actors, ${r.vocabulary} distinct words`,
    `  build            ${r.buildMs} ms`,
    `  query (all)      median ${r.index.medianMs} ms, p95 ${r.index.p95Ms} ms, max ${r.index.maxMs} ms over ${r.index.queries} queries` +
      `  [budget ${r.budgetMs} ms: ${r.withinBudget ? 'OK' : 'OVER'}]`,
    `  query CPU time   median ${r.indexCpu.medianMs} ms, p95 ${r.indexCpu.p95Ms} ms (wall time above includes waiting for a busy CPU)`,
  ];
  for (const [shape, s] of Object.entries(r.byShape)) lines.push(`    ${shape.padEnd(14)} median ${s.medianMs} ms, p95 ${s.p95Ms} ms`);
  if (r.fuse) {
    lines.push(`fuse.js 7 (threshold 0.4, ignoreLocation, includeMatches), same data:`);
    lines.push(`  build            ${r.fuse.buildMs} ms`);
    lines.push(`  query            median ${r.fuse.medianMs} ms, p95 ${r.fuse.p95Ms} ms over ${r.fuse.queries} queries`);
    lines.push(`  speed-up (median) ×${round(r.fuse.medianMs / Math.max(0.01, r.index.medianMs))}`);
  }
  return lines.join('\n');
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const result = runSearchBench({
    claims: Number(arg('--claims') ?? 50_000),
    queries: Number(arg('--queries') ?? 400),
    fuseQueries: Number(arg('--fuse-queries') ?? 24),
    fuse: !process.argv.includes('--no-fuse'),
  });
  console.log(process.argv.includes('--json') ? JSON.stringify(result, null, 2) : formatSearchBench(result));
  if (!result.withinBudget) process.exitCode = 1;
}
