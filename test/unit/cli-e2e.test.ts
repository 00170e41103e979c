// End to end: bundle src/cli/main.ts the way esbuild.mjs builds dist/cli.js (node, cjs, shebang,
// package.json inlined), then spawn it. The bundle goes to a temporary directory so the test neither
// races with other builds writing dist/ nor depends on the extension compiling.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import pkg from '../../package.json';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');
const fixture = (name: string) => path.join(FIXTURES, name);

describe('cli end to end (bundled, spawned)', function () {
  this.timeout(60000);
  let dir: string;
  let bundle: string;

  function cli(args: string[], input?: string | Buffer) {
    const result = spawnSync(process.execPath, [bundle, ...args], { input, encoding: 'utf8', cwd: ROOT });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'source-trace-e2e-'));
    bundle = path.join(dir, 'cli.js');
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'src', 'cli', 'main.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'es2022',
      logLevel: 'error',
      banner: { js: '#!/usr/bin/env node' },
    });
    writeFileSync(path.join(dir, 'crlf.md'), '# Title\r\n\r\n"We will not close the library," Mayor Jane Doe said.\r\n');
    writeFileSync(path.join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is an executable script with the package version inlined', () => {
    const source = readFileSync(bundle, 'utf8');
    assert.ok(source.startsWith('#!/usr/bin/env node\n'));
    const r = cli(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  it('prints help and exits 0', () => {
    const r = cli(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /UTF-16/);
  });

  it('exits 2 with a usage line on an unknown option', () => {
    const r = cli(['analyze', '--nope', fixture('library.md')]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^source-trace: unknown option --nope\nusage: source-trace /);
  });

  it('analyses several files, reports the missing and binary ones on stderr and exits 2', () => {
    const missing = path.join(dir, 'missing.md');
    const image = path.join(dir, 'image.md');
    const r = cli(['analyze', fixture('library.md'), missing, image, fixture('notes.txt')]);
    assert.equal(r.code, 2);
    assert.deepEqual(r.stderr.trimEnd().split('\n'), [
      `source-trace: ${missing}: no such file`,
      `source-trace: ${image}: binary file (contains NUL bytes)`,
    ]);
    assert.match(r.stdout, /library\.md\n/);
    assert.match(r.stdout, /notes\.txt\n/);
    assert.equal(r.stdout.match(/ · \d+ unattributed · /g)?.length, 2, 'one summary per readable file');
  });

  it('refuses a file over --max-size', () => {
    const r = cli(['check', '--max-size', '10', fixture('library.md')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /library\.md: file too large \(\d+ bytes; the limit is 10 bytes, see --max-size\)\n$/);
  });

  it('reads standard input with "-"', () => {
    const r = cli(['analyze', '--json', '-'], '"We will not close the library," Mayor Jane Doe said.\n');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).version, 1);
  });

  it('prints a JSON array with file fields for several files', () => {
    const r = cli(['analyze', '--json', fixture('library.md'), fixture('clean.md')]);
    assert.equal(r.code, 0, r.stderr);
    const parsed = JSON.parse(r.stdout) as Array<{ file: string; version: number }>;
    assert.deepEqual(parsed.map((entry) => entry.file), [fixture('library.md'), fixture('clean.md')]);
    assert.ok(parsed.every((entry) => entry.version === 1));
  });

  it('check exits 0 on a cleanly attributed draft', () => {
    const r = cli(['check', fixture('clean.md')]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });

  it('checks the example drafts, printing well-formed linter lines', () => {
    const examples = ['harbour-strike.md', 'summit-call.md', 'school-board.md'].map((name) => path.join('examples', name));
    const r = cli(['check', ...examples]);
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
    assert.equal(r.stderr, '');
    for (const line of r.stdout.split('\n').filter(Boolean)) {
      assert.match(line, /^examples\/[a-z-]+\.md:\d+:\d+ (error|warning|info|hint) [a-z-]+ \S/, line);
    }
    const report = cli(['analyze', ...examples]);
    assert.equal(report.code, 0, report.stderr);
    assert.equal(report.stdout.match(/^ {2}\d+ claims? · \d+ unattributed · \d+ anonymous(?: · \d+ stances?)?$/gm)?.length, 3);
  });

  // Needs the engine (fails while src/core/analyze.ts is a stub).
  it('check exits 1 on an unsourced figure, with a linter line', () => {
    const r = cli(['check', fixture('unsourced.md')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /unsourced\.md:3:1 warning unattributed-claim /);
    assert.equal(cli(['check', '--severity', 'unattributed-claim=off', fixture('unsourced.md')]).code, 0);
  });

  // Needs the engine (fails while src/core/analyze.ts is a stub).
  it('finds the quote in a CRLF draft on the right line', () => {
    const r = cli(['analyze', path.join(dir, 'crlf.md')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Jane Doe .*— 1 claim\n +direct +said +3:2 /); // the content starts after the opening quotation mark
  });
});
