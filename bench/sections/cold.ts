// Cold start: a fresh `node` process requires the built engine and times the module load and the
// first analyze() call (what the CLI and the extension pay when they start).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { coreBundle } from '../core-bundle';
import { generateDraft } from '../generate';
import { registerBench } from '../registry';
import { lpad, ms, pad, summarizeSamples } from '../stats';

const CHILD = `
const { performance } = require('node:perf_hooks');
const text = require('node:fs').readFileSync(process.argv[1], 'utf8');
const t0 = performance.now();
const core = require(process.argv[2]);
const t1 = performance.now();
const a = core.analyze(text);
const t2 = performance.now();
core.analyze(text);
const t3 = performance.now();
process.stdout.write(JSON.stringify({ load: t1 - t0, first: t2 - t1, second: t3 - t2, claims: a.claims.length }));
`;

export const COLD_PROCESSES = 7;

registerBench({
  name: 'cold',
  description: `fresh node process: require the built dist/core.js, time module load and the first analyze() (${COLD_PROCESSES} processes per size)`,
  byDefault: true,
  order: 20,
  run(ctx) {
    const bundle = coreBundle(ctx.options.repoRoot);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-trace-cold-'));
    ctx.log(`cold start: ${COLD_PROCESSES} fresh \`node\` processes per size, engine from ${bundle.note}`);
    ctx.log(`  ${pad('draft', 12)}${lpad('load ms', 14)}${lpad('1st call ms', 16)}${lpad('2nd call ms', 14)}${lpad('process ms', 13)}   (median / p95)`);
    const results: Record<string, unknown> = {};
    try {
      for (const words of [1000, 10000]) {
        const file = path.join(dir, `draft-${words}.md`);
        fs.writeFileSync(file, generateDraft({ words, seed: 1000 + words }));
        const load: number[] = [];
        const first: number[] = [];
        const second: number[] = [];
        const wall: number[] = [];
        let failure = '';
        for (let i = 0; i < COLD_PROCESSES; i++) {
          const t0 = performance.now();
          const r = spawnSync(process.execPath, ['-e', CHILD, file, bundle.file], { encoding: 'utf8', timeout: ctx.options.timeout * 1000 });
          wall.push(performance.now() - t0);
          if (r.status !== 0 || !r.stdout) {
            failure = r.error ? String(r.error.message) : (r.stderr || `exit ${r.status}`).trim().split('\n').slice(-3).join(' | ');
            break;
          }
          const j = JSON.parse(r.stdout) as { load: number; first: number; second: number };
          load.push(j.load);
          first.push(j.first);
          second.push(j.second);
        }
        const label = `${words / 1000}k words`;
        if (failure) {
          ctx.log(`  ${pad(label, 12)}failed: ${failure}`);
          results[label] = { error: failure };
          continue;
        }
        const [l, f, s, w] = [load, first, second, wall].map(summarizeSamples);
        const both = (x: { median: number; p95: number }) => `${ms(x.median)} / ${ms(x.p95)}`;
        ctx.log(`  ${pad(label, 12)}${lpad(both(l), 14)}${lpad(both(f), 16)}${lpad(both(s), 14)}${lpad(both(w), 13)}`);
        results[label] = { moduleLoad: l, firstAnalyze: f, secondAnalyze: s, processWall: w };
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    ctx.log('  (no target in the issue for cold start; "process ms" includes node start-up)');
    ctx.record('engine', bundle.file);
    ctx.record('results', results);
  },
});
