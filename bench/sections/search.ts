// Registers bench/search.ts (workspace search over 50,000 claims, against fuse.js) with `npm run bench -- search`.
import { registerBench } from '../registry';
import { formatSearchBench, runSearchBench } from '../search';

registerBench({
  name: 'search',
  description: 'workspace search index: build time and query latency over 50,000 synthetic claims, vs fuse.js (target ≤ 20 ms/query)',
  byDefault: false,
  order: 70,
  run(ctx) {
    const result = runSearchBench({ claims: 50_000, queries: 400, fuseQueries: 12 });
    for (const line of formatSearchBench(result).split('\n')) ctx.log(`  ${line}`);
    ctx.log(`  target ≤ ${result.budgetMs} ms per query (p95): ${result.withinBudget ? '✓' : '✗'}`);
    for (const [k, v] of Object.entries(result)) ctx.record(k, v);
  },
});
