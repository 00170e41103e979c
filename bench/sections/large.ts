// A 10 MB draft (10 × 1024 × 1024 characters, past the default 10-million-character limit):
// time until analyze() returns, in a child process stopped after --timeout seconds.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { registerBench } from '../registry';
import { ms } from '../stats';

export const LARGE_CHARS = 10 * 1024 * 1024;

registerBench({
  name: 'large',
  description: '10 MB input: time for analyze() to return (child process, bounded by --timeout)',
  byDefault: true,
  order: 30,
  run(ctx) {
    const { timeout, repoRoot } = ctx.options;
    const tsx = require.resolve('tsx/cjs', { paths: [repoRoot] });
    const r = spawnSync(process.execPath, ['-r', tsx, path.join(repoRoot, 'bench', 'child-large.ts'), String(LARGE_CHARS), '5'], {
      encoding: 'utf8', timeout: timeout * 1000, maxBuffer: 1 << 20, cwd: repoRoot,
    });
    if (r.error || r.status !== 0 || !r.stdout) {
      const timedOut = r.error && /ETIMEDOUT/.test(String(r.error.message));
      const msg = timedOut
        ? `did not finish within ${timeout} s (child stopped) — target: finish, bounded`
        : `failed: ${(r.error?.message ?? r.stderr ?? `exit ${r.status}`).trim().split('\n').slice(-3).join(' | ')}`;
      ctx.log(`10 MB input (${LARGE_CHARS.toLocaleString('en')} characters): ${msg}`);
      ctx.record('result', { error: msg, timeoutSeconds: timeout });
      return;
    }
    const j = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      analyzeMs: number; generateMs: number; chars: number; claims: number; sentences: number; notice: string | null; rssMB: number;
    };
    ctx.log(`10 MB input (${j.chars.toLocaleString('en')} characters, one run in a fresh process, limit ${timeout} s)`);
    ctx.log(`  analyze() returned after ${ms(j.analyzeMs)} ms; ${j.claims} claims, ${j.sentences} sentences; RSS ${j.rssMB.toFixed(0)} MB`);
    ctx.log(`  notice: ${j.notice ?? 'none (one is expected: the input is past the default 10,000,000-character limit)'}`);
    ctx.record('result', j);
  },
});
