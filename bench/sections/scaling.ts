// Warm speed on synthetic drafts of 1k, 2k, 5k and 10k words: median and p95 per size,
// ms per 1,000 words, the 10k-word time and the 10k/1k ratio, beside the issue's targets.
import { analyze } from '../../src/core';
import { countWords, generateDraft } from '../generate';
import { registerBench } from '../registry';
import { lpad, mark, measure, ms, pad } from '../stats';

export const SIZES = [1000, 2000, 5000, 10000];
export const TARGETS = { msPer1kWords: 5, ms10k: 50, ratio10kTo1k: 11 };

registerBench({
  name: 'scaling',
  description: 'warm analyze() on 1k/2k/5k/10k-word synthetic drafts: median, p95, ms per 1,000 words, 10k/1k ratio',
  byDefault: true,
  order: 10,
  run(ctx) {
    const { runs, warmup, budgetMs } = ctx.options;
    ctx.log(`warm analyze() on synthetic Markdown drafts — ${warmup} warm-up runs, then ${runs} timed runs per size` +
      (budgetMs > 0 ? ` (fewer, at least 5, past ${budgetMs / 1000} s per size)` : ''));
    ctx.log(`  ${pad('words', 8)}${lpad('chars', 9)}${lpad('median ms', 12)}${lpad('p95 ms', 10)}${lpad('ms/1k words', 13)}${lpad('runs', 6)}${lpad('claims', 8)}`);
    const medians = new Map<number, number>();
    const cpuMedians = new Map<number, number>();
    const rows: unknown[] = [];
    for (const size of SIZES) {
      const text = generateDraft({ words: size, seed: 1000 + size });
      const words = countWords(text);
      const claims = analyze(text).claims.length;
      const s = measure(() => analyze(text), runs, warmup, budgetMs);
      medians.set(size, s.median);
      // CPU time of this process per call: steadier than wall time when other work shares the cores.
      const cpuTimes: number[] = [];
      for (let i = 0; i < s.runs; i++) {
        const before = process.cpuUsage();
        analyze(text);
        const used = process.cpuUsage(before);
        cpuTimes.push((used.user + used.system) / 1000);
      }
      cpuTimes.sort((a, b) => a - b);
      cpuMedians.set(size, cpuTimes[cpuTimes.length >> 1]);
      rows.push({ targetWords: size, words, chars: text.length, claims, ...s, msPer1kWords: (s.median / words) * 1000 });
      ctx.log(`  ${pad(String(words), 8)}${lpad(String(text.length), 9)}${lpad(ms(s.median), 12)}${lpad(ms(s.p95), 10)}${lpad(ms((s.median / words) * 1000), 13)}${lpad(String(s.runs), 6)}${lpad(String(claims), 8)}`);
    }
    const r10 = rows[rows.length - 1] as { words: number; median: number; p95: number };
    const per1k = (r10.median / r10.words) * 1000;
    const ratio = medians.get(10000)! / medians.get(1000)!;
    ctx.log('');
    ctx.log(`  ms per 1,000 words (10k draft, median) ${lpad(ms(per1k), 8)}   target ≤ ${TARGETS.msPer1kWords}   ${mark(per1k, TARGETS.msPer1kWords)}`);
    ctx.log(`  10,000-word draft (median / p95)       ${lpad(`${ms(r10.median)} / ${ms(r10.p95)}`, 8)}   target ≤ ${TARGETS.ms10k} ms   ${mark(r10.median, TARGETS.ms10k)}`);
    ctx.log(`  10k / 1k time ratio (medians)          ${lpad(Number.isFinite(ratio) ? ratio.toFixed(1) : 'n/a', 8)}   target ≤ ${TARGETS.ratio10kTo1k}   ${mark(ratio, TARGETS.ratio10kTo1k)}`);
    const cpu10k = cpuMedians.get(10000)!;
    const cpuPer1k = (cpu10k / r10.words) * 1000;
    ctx.log(`  CPU time, 10k draft (median; per 1k words) ${lpad(`${ms(cpu10k)} ms; ${ms(cpuPer1k)}`, 14)}   (less sensitive to a busy machine than wall time)`);
    ctx.record('cpuMs10k', cpu10k);
    ctx.record('cpuMsPer1kWords', cpuPer1k);
    ctx.record('sizes', rows);
    ctx.record('msPer1kWords', per1k);
    ctx.record('ms10k', { median: r10.median, p95: r10.p95 });
    ctx.record('ratio10kTo1k', ratio);
    ctx.record('targets', TARGETS);
  },
});
