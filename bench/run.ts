// `npm run bench` — speed benchmarks of the engine. Figures are printed beside the targets;
// nothing is asserted (the machine may be noisy: every figure is a median with its p95 and run count).
//
//   npm run bench                       the default sections (scaling, cold, large, hover)
//   npm run bench -- hover scaling      only these sections
//   npm run bench -- --real             also the corpus files under ../shared/corpus
//   npm run bench -- --runs 50 --warmup 10 --budget 20 --timeout 120 --json
//     (--budget: seconds per measurement before stopping early, at least 5 runs; 0 = always all runs)
//   npm run bench -- --list             the sections
//
// Add a section: create bench/sections/NAME.ts calling registerBench({ name, description, byDefault, run }).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type BenchOptions, REPO_ROOT, allBenches, getBench } from './registry';

for (const f of fs.readdirSync(path.join(__dirname, 'sections')).sort()) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (/\.ts$/.test(f) && !f.endsWith('.d.ts')) require(path.join(__dirname, 'sections', f));
}

function fail(msg: string): never {
  process.stderr.write(`bench: ${msg}\n`);
  process.exit(2);
}

function parse(argv: string[]): { names: string[]; options: BenchOptions; json: boolean; list: boolean } {
  const options: BenchOptions = {
    runs: 30, warmup: 5, budgetMs: 20000, real: false, timeout: 120, repoRoot: REPO_ROOT,
    corpusRoot: process.env.SOURCE_TRACE_CORPUS || path.resolve(REPO_ROOT, '..', 'shared', 'corpus'),
  };
  const names: string[] = [];
  let json = false;
  let list = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) fail(`${a} needs a number`);
      return v;
    };
    if (a === '--runs') options.runs = Math.max(1, Math.floor(num()));
    else if (a === '--warmup') options.warmup = Math.floor(num());
    else if (a === '--timeout') options.timeout = num();
    else if (a === '--budget') options.budgetMs = num() * 1000;
    else if (a === '--real') options.real = true;
    else if (a === '--corpus') options.corpusRoot = path.resolve(argv[++i] ?? fail('--corpus needs a folder'));
    else if (a === '--json') json = true;
    else if (a === '--list') list = true;
    else if (a.startsWith('-')) fail(`unknown option ${a} (try --list)`);
    else names.push(a);
  }
  return { names, options, json, list };
}

async function main(): Promise<void> {
  const { names, options, json, list } = parse(process.argv.slice(2));
  if (list) {
    for (const b of allBenches()) process.stdout.write(`${b.name.padEnd(10)} ${b.byDefault ? '(default) ' : ''}${b.description}\n`);
    return;
  }
  for (const n of names) if (!getBench(n)) fail(`no benchmark "${n}"; known: ${allBenches().map((b) => b.name).join(', ')}`);
  const selected = names.length > 0
    ? names.map((n) => getBench(n)!)
    : allBenches().filter((b) => b.byDefault || (b.name === 'real' && options.real));
  if (names.length > 0 && options.real && !names.includes('real')) selected.push(getBench('real')!);

  const report: Record<string, Record<string, unknown>> = {};
  const say = (s = '') => { if (!json) process.stdout.write(`${s}\n`); };
  say(`Source Trace speed — node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${os.platform()}`);
  say(`Targets from the issue are shown beside the figures (✓ within, ✗ over); nothing here fails the run.`);
  for (const b of selected) {
    say('');
    say(`## ${b.name}`);
    const rec: Record<string, unknown> = {};
    const t0 = performance.now();
    try {
      await b.run({ options, log: (l = '') => say(l), record: (k, v) => { rec[k] = v; } });
    } catch (e) {
      say(`  failed: ${(e as Error).stack ?? e}`);
      rec.error = String((e as Error).message ?? e);
      process.exitCode = 1;
    }
    rec.sectionSeconds = (performance.now() - t0) / 1000;
    report[b.name] = rec;
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ node: process.version, cpus: os.cpus().length, runs: options.runs, warmup: options.warmup, budgetSeconds: options.budgetMs / 1000, sections: report }, null, 2)}\n`);
  }
}

void main();
