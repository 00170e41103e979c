// The web extension (dist/web/extension.js) runs in a browser worker and the engine (dist/core.js)
// must run anywhere: neither may import a Node built-in. Rather than grepping a bundle, this builds
// both entry points for platform "browser" with esbuild (as esbuild.mjs does for the web bundle),
// records every import of a Node built-in through a resolver plugin, and reads the metafile for the
// imports the output still leaves to the host: only `vscode` may remain.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]!]));

interface Offence {
  module: string;
  importer: string;
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]!);
}

async function browserBuild(entry: string, define: Record<string, string> = {}) {
  const offences: Offence[] = [];
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    write: false,
    metafile: true,
    outfile: path.join(ROOT, 'out/web-build-check.js'),
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    define,
    logLevel: 'silent',
    plugins: [
      {
        name: 'node-builtins-are-offences',
        setup(build) {
          build.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind === 'entry-point' || !isNodeBuiltin(args.path)) return undefined;
            offences.push({ module: args.path, importer: path.relative(ROOT, args.importer) });
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  const externals = new Set<string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const imported of output.imports) if (imported.external) externals.add(imported.path);
  }
  return { offences, externals, inputs: Object.keys(result.metafile.inputs) };
}

const describeOffences = (offences: Offence[]) => offences.map((o) => `${o.importer} imports ${o.module}`).join('\n');

describe('web build: no Node built-ins', function () {
  this.timeout(60_000);

  it('src/vscode/extension.ts bundles for the browser with nothing external but vscode', async function () {
    // The same define as the web build in esbuild.mjs.
    const { offences, externals, inputs } = await browserBuild('src/vscode/extension.ts', { 'process.env.SOURCE_TRACE_WEB': '"1"' });
    assert.deepEqual(offences, [], describeOffences(offences));
    assert.deepEqual([...externals].sort(), ['vscode']);
    assert.ok(inputs.some((i) => i.startsWith('src/core/')), 'the engine is bundled into the web extension');
  });

  it('src/core/index.ts (the engine) bundles for the browser with no external import at all', async function () {
    const { offences, externals, inputs } = await browserBuild('src/core/index.ts');
    assert.deepEqual(offences, [], describeOffences(offences));
    assert.deepEqual([...externals], []);
    assert.ok(inputs.every((i) => !i.startsWith('src/vscode/') && !i.startsWith('src/cli/')), 'the engine imports no adapter');
  });

  it('src/core/search-index.ts is pure as well', async function () {
    const { offences, externals } = await browserBuild('src/core/search-index.ts');
    assert.deepEqual(offences, [], describeOffences(offences));
    assert.deepEqual([...externals], []);
  });

  it('the built bundles, when present, require nothing from Node', function () {
    // A second line of defence on what `npm run build` actually wrote (skipped before a build).
    const files = ['dist/web/extension.js', 'dist/core.js'].map((f) => path.join(ROOT, f)).filter((f) => existsSync(f));
    if (files.length === 0) this.skip();
    const builtin = [...NODE_BUILTINS].map((m) => m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
    const pattern = new RegExp(`\\b(?:require|import)\\s*\\(\\s*["'\`](?:node:[^"'\`]+|(?:${builtin})(?:/[^"'\`]*)?)["'\`]\\s*\\)|\\bfrom\\s*["'](?:node:[^"']+|(?:${builtin}))["']`);
    for (const file of files) {
      const found = pattern.exec(readFileSync(file, 'utf8'));
      assert.equal(found, null, `${path.relative(ROOT, file)}: ${found?.[0]}`);
    }
  });
});
