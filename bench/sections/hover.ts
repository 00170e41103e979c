// Cost of the lookups the editor runs on every hover / cursor move, on the analysis of a 10k-word draft.
import { analyze, claimsIn, sentenceAt } from '../../src/core';
import { generateDraft } from '../generate';
import { rng } from '../generate';
import { registerBench } from '../registry';
import { lpad, measure, pad } from '../stats';

registerBench({
  name: 'hover',
  description: 'sentenceAt() and claimsIn() at random cursor offsets on a 10k-word analysis (µs per lookup)',
  byDefault: true,
  order: 40,
  run(ctx) {
    const text = generateDraft({ words: 10000, seed: 11000 });
    const analysis = analyze(text);
    const r = rng(99);
    const offsets = Array.from({ length: 1000 }, () => Math.floor(r() * text.length));
    const { runs, warmup, budgetMs } = ctx.options;
    const perLookup = (fn: (o: number) => unknown) => {
      const s = measure(() => { for (const o of offsets) fn(o); }, runs, warmup, budgetMs);
      return { median: (s.median / offsets.length) * 1000, p95: (s.p95 / offsets.length) * 1000, runs: s.runs };
    };
    const sa = perLookup((o) => sentenceAt(analysis, o));
    const ci = perLookup((o) => claimsIn(analysis, { start: o, end: o }));
    ctx.log(`lookups on a 10k-word analysis (${analysis.sentences.length} sentences, ${analysis.claims.length} claims); ` +
      `${offsets.length} random offsets per run, ${sa.runs} runs`);
    ctx.log(`  ${pad('lookup', 26)}${lpad('median µs', 11)}${lpad('p95 µs', 9)}`);
    ctx.log(`  ${pad('sentenceAt(offset)', 26)}${lpad(sa.median.toFixed(2), 11)}${lpad(sa.p95.toFixed(2), 9)}`);
    ctx.log(`  ${pad('claimsIn(cursor)', 26)}${lpad(ci.median.toFixed(2), 11)}${lpad(ci.p95.toFixed(2), 9)}`);
    ctx.record('sentenceAtMicros', sa);
    ctx.record('claimsInMicros', ci);
  },
});
