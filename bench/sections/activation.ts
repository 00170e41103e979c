// Registers bench/activation.ts (bundle size, require() of the entry bundle in fresh processes,
// activate(), first and second analysis) with `npm run bench -- activation`.
import { formatActivation, runActivationBench } from '../activation';
import { registerBench } from '../registry';

registerBench({
  name: 'activation',
  description: 'extension bundle size, require() in a fresh process with a stub vscode (target ≤ 150 ms), activate(), first analysis',
  byDefault: true,
  order: 60,
  async run(ctx) {
    const result = await runActivationBench({ runs: Math.min(15, ctx.options.runs) });
    for (const line of formatActivation(result).split('\n')) ctx.log(`  ${line}`);
    for (const [k, v] of Object.entries(result)) ctx.record(k, v);
  },
});
