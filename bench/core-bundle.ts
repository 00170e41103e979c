// The built engine for child-process benchmarks: dist/core.js when it is newer than src/core,
// otherwise a fresh bundle built the same way (esbuild, platform neutral, CommonJS) in the temp folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function coreBundle(repoRoot: string): { file: string; note: string } {
  const dist = path.join(repoRoot, 'dist', 'core.js');
  const srcNewest = newestMtime(path.join(repoRoot, 'src', 'core'));
  if (fs.existsSync(dist) && fs.statSync(dist).mtimeMs >= srcNewest) return { file: dist, note: 'dist/core.js' };
  const why = fs.existsSync(dist) ? 'dist/core.js is older than src/core' : 'dist/core.js is missing';
  const dir = path.join(os.tmpdir(), `source-trace-bench-${process.pid}`);
  const out = path.join(dir, 'core.js');
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  esbuild.buildSync({
    entryPoints: [path.join(repoRoot, 'src', 'core', 'index.ts')],
    outfile: out, bundle: true, platform: 'neutral', format: 'cjs', mainFields: ['module', 'main'],
    target: 'es2022', logLevel: 'warning', legalComments: 'none',
  });
  return { file: out, note: `${why} (run npm run build): timed a fresh bundle built the same way at ${out}` };
}
