// --real: warm timings on the gold corpus files under ../shared/corpus (read at run time only).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core';
import { countWords } from '../generate';
import { registerBench } from '../registry';
import { lpad, measure, ms, pad } from '../stats';

interface Doc { name: string; text: string; format: 'markdown' | 'text' }

function loadDocs(dir: string): Doc[] {
  const files = fs.readdirSync(dir).sort();
  if (files.some((f) => f.endsWith('.md'))) {
    return files.filter((f) => f.endsWith('.md')).map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8'), format: 'markdown' as const }));
  }
  return files
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: f, text: (JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { text?: string }).text ?? '', format: 'text' as const }))
    .filter((d) => d.text.length > 0);
}

registerBench({
  name: 'real',
  description: 'warm analyze() on the corpus files under ../shared/corpus (newsroom-dev, wikinews-dev, polnear-dev); with --real or by name',
  byDefault: false,
  order: 60,
  run(ctx) {
    const root = ctx.options.corpusRoot;
    if (!fs.existsSync(root)) {
      ctx.log(`real drafts: skipped — no corpora at ${root} (set SOURCE_TRACE_CORPUS)`);
      return;
    }
    const runs = Math.max(5, Math.min(ctx.options.runs, 15));
    const warmup = Math.min(ctx.options.warmup, 3);
    ctx.log(`real drafts from ${root} — per file: up to ${warmup} warm-up and ${runs} timed runs (at least 5); totals are sums of per-file medians`);
    ctx.log(`  ${pad('corpus', 14)}${lpad('files', 6)}${lpad('words', 9)}${lpad('total ms', 10)}${lpad('ms/1k words', 13)}   slowest file (median / p95 ms)`);
    const out: Record<string, unknown> = {};
    for (const name of ['newsroom-dev', 'wikinews-dev', 'polnear-dev']) {
      const dir = path.join(root, name);
      if (!fs.existsSync(dir)) continue;
      const docs = loadDocs(dir);
      let total = 0;
      let words = 0;
      let slowest = { name: '', median: -1, p95: 0, words: 0 };
      for (const d of docs) {
        const s = measure(() => analyze(d.text, { format: d.format }), runs, warmup, ctx.options.budgetMs / 4);
        const w = countWords(d.text);
        total += s.median;
        words += w;
        if (s.median > slowest.median) slowest = { name: d.name, median: s.median, p95: s.p95, words: w };
      }
      const per1k = words ? (total / words) * 1000 : NaN;
      ctx.log(`  ${pad(name, 14)}${lpad(String(docs.length), 6)}${lpad(String(words), 9)}${lpad(ms(total), 10)}${lpad(ms(per1k), 13)}   ${slowest.name} (${slowest.words} words): ${ms(slowest.median)} / ${ms(slowest.p95)}`);
      out[name] = { files: docs.length, words, totalMedianMs: total, msPer1kWords: per1k, slowest };
    }
    ctx.record('corpora', out);
  },
});
