// The package's public entry: `require("source-trace")` gives the engine (self-reference through
// `exports`), while `main` stays the VS Code extension. Needs the build (`npm test` builds first).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

describe('package exports', function () {
  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'core.js'))) {
      console.log('      skipped: dist/core.js is not built (run `node esbuild.mjs` or `npm test`)');
      this.skip();
    }
  });

  it('resolves "source-trace" to the engine bundle, not the extension', () => {
    const resolved = require.resolve('source-trace', { paths: [ROOT] });
    assert.equal(path.relative(ROOT, resolved), path.join('dist', 'core.js'));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; bin: Record<string, string> };
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.bin['source-trace'], './dist/cli.js');
  });

  it('analyzes a draft through the built engine', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const engine = require(require.resolve('source-trace', { paths: [ROOT] })) as typeof import('../../src/core');
    const report = engine.analyze('"The bridge reopens on Monday," Mayor Ana Ruiz said.');
    assert.equal(report.version, 1);
    assert.equal(report.claims.length, 1);
    assert.equal(report.actors.find((a) => a.id === report.claims[0].actor)?.name, 'Ana Ruiz');
  });
});
