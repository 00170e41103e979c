// The CLI's `run` against fake I/O: no process spawned. Most tests feed it a stub engine so they
// do not depend on what the engine finds; the block at the end uses the real engine.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import pkg from '../../package.json';
import { run, VERSION, type CliIO } from '../../src/cli/main';
import type { Analysis, AnalyzeOptions, Finding } from '../../src/core/types';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'cli');
const fixture = (name: string) => path.join(FIXTURES, name);

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
  calls: Array<{ text: string; options: AnalyzeOptions }>;
}

type Engine = (text: string, options: AnalyzeOptions) => Analysis;

function empty(): Analysis {
  return { version: 1, actors: [], claims: [], sentences: [], unattributed: [], findings: [] };
}

/** A stub engine: one finding of the given rule/severity on every occurrence of `needle`. */
function findingsOn(needle: string, rule: Finding['rule'], severity: Finding['severity']): Engine {
  return (text) => {
    const findings: Finding[] = [];
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      findings.push({ rule, severity, start: at, end: at + needle.length, message: `about ${needle}`, standard: 's' });
    }
    return { ...empty(), findings };
  };
}

async function cli(argv: string[], options: { stdin?: string | Buffer; engine?: Engine | null } = {}): Promise<Captured> {
  const out: Captured = { code: -1, stdout: '', stderr: '', calls: [] };
  const engine = options.engine === undefined ? () => empty() : options.engine;
  const io: CliIO = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    stdin: () => Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
  };
  if (engine) {
    io.analyze = (text, analyzeOptions = {}) => {
      out.calls.push({ text, options: analyzeOptions });
      return engine(text, analyzeOptions);
    };
  }
  out.code = await run(argv, io);
  return out;
}

describe('cli run: help, version, usage errors', () => {
  it('prints help and exits 0', async () => {
    const r = await cli(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /source-trace analyze/);
    assert.equal(r.stderr, '');
  });

  it('prints the package.json version', async () => {
    const r = await cli(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${pkg.version}\n`);
    assert.equal(VERSION, pkg.version);
  });

  it('answers an unknown option with the usage line and exit 2', async () => {
    const r = await cli(['analyze', '--frobnicate', fixture('library.md')]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'source-trace: unknown option --frobnicate\nusage: source-trace <analyze|check> [options] FILE… (see source-trace --help)\n');
    assert.equal(r.calls.length, 0);
  });

  it('exits 2 with no command or no files', async () => {
    assert.equal((await cli([])).code, 2);
    assert.equal((await cli(['check'])).code, 2);
  });
});

describe('cli run: inputs', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'source-trace-run-'));
    writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x00, 0xff]));
    writeFileSync(path.join(dir, 'latin1.md'), Buffer.from('Bras\u00edlia said no.', 'latin1'));
    writeFileSync(path.join(dir, 'big.md'), 'x'.repeat(4096));
    writeFileSync(path.join(dir, 'crlf.md'), '# Title\r\n\r\nFirst line.\r\nThe council cut 40 jobs.\r\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a missing file in one stderr line, still analyses the others, and exits 2', async () => {
    const missing = path.join(dir, 'missing.md');
    const r = await cli(['analyze', missing, fixture('library.md')]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `source-trace: ${missing}: no such file\n`);
    assert.match(r.stdout, /library\.md/);
    assert.equal(r.calls.length, 1);
  });

  it('refuses a directory, a binary file, invalid UTF-8 and a file over --max-size, one line each', async () => {
    const r = await cli(['check', '--max-size', '1KB', dir, path.join(dir, 'binary.md'), path.join(dir, 'latin1.md'), path.join(dir, 'big.md'), fixture('clean.md')]);
    assert.equal(r.code, 2);
    const lines = r.stderr.trimEnd().split('\n');
    assert.deepEqual(lines, [
      `source-trace: ${dir}: is a directory`,
      `source-trace: ${path.join(dir, 'binary.md')}: binary file (contains NUL bytes)`,
      `source-trace: ${path.join(dir, 'latin1.md')}: binary file (not valid UTF-8)`,
      `source-trace: ${path.join(dir, 'big.md')}: file too large (4 KB; the limit is 1 KB, see --max-size)`,
    ]);
    assert.equal(r.calls.length, 1, 'clean.md still analysed');
  });

  it('reads standard input for "-", once even when named twice', async () => {
    const r = await cli(['analyze', '-', '-'], { stdin: '“Yes,” she said.' });
    assert.equal(r.code, 0);
    assert.equal(r.calls.length, 2);
    assert.equal(r.calls[0].text, '“Yes,” she said.');
    assert.equal(r.calls[1].text, '“Yes,” she said.');
    assert.match(r.stdout, /^<stdin>$/m);
    assert.equal(r.calls[0].options.format, 'markdown');
  });

  it('refuses binary standard input', async () => {
    const r = await cli(['analyze', '-'], { stdin: Buffer.from([1, 0, 2]) });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'source-trace: <stdin>: binary file (contains NUL bytes)\n');
  });

  it('analyses .txt as text and .md as markdown, unless --format says otherwise', async () => {
    let r = await cli(['analyze', fixture('notes.txt'), fixture('library.md')]);
    assert.deepEqual(r.calls.map((call) => call.options.format), ['text', 'markdown']);
    r = await cli(['analyze', '--format', 'text', fixture('library.md')]);
    assert.equal(r.calls[0].options.format, 'text');
  });

  it('passes --severity overrides to the engine', async () => {
    const r = await cli(['check', '--severity', 'loaded-cue=off', fixture('library.md')]);
    assert.deepEqual(r.calls[0].options.severities, { 'loaded-cue': 'off' });
  });

  it('keeps CRLF line numbers right', async () => {
    const file = path.join(dir, 'crlf.md');
    const r = await cli(['check', file], { engine: findingsOn('The council', 'unattributed-claim', 'warning') });
    assert.equal(r.stdout, `${file}:4:1 warning unattributed-claim about The council\n`);
    assert.equal(r.code, 1);
  });

  it('reports an engine crash on one file and goes on with the others', async () => {
    let calls = 0;
    const r = await cli(['analyze', fixture('library.md'), fixture('clean.md')], {
      engine: () => {
        if (calls++ === 0) throw new Error('boom');
        return empty();
      },
    });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `source-trace: ${fixture('library.md')}: internal error: boom\n`);
    assert.match(r.stdout, /clean\.md/);
  });
});

describe('cli run: check exit codes', () => {
  const file = fixture('library.md');

  it('exits 1 on a warning or an error', async () => {
    assert.equal((await cli(['check', file], { engine: findingsOn('said', 'quote-no-speaker', 'warning') })).code, 1);
    assert.equal((await cli(['check', file], { engine: findingsOn('said', 'quote-no-speaker', 'error') })).code, 1);
  });

  it('exits 0 on info and hints only, printing them', async () => {
    const r = await cli(['check', file], { engine: findingsOn('said', 'loaded-cue', 'info') });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${file}:3:49 info loaded-cue about said\n`);
  });

  it('exits 0 with no findings and prints nothing', async () => {
    const r = await cli(['check', file]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
  });

  it('applies --severity to the exit code even if the engine ignored it', async () => {
    const engine = findingsOn('said', 'loaded-cue', 'info');
    assert.equal((await cli(['check', '--severity', 'loaded-cue=error', file], { engine })).code, 1);
    const off = await cli(['check', '--severity', 'loaded-cue=off', file], { engine });
    assert.equal(off.code, 0);
    assert.equal(off.stdout, '');
    const warn = findingsOn('said', 'unattributed-claim', 'warning');
    assert.equal((await cli(['check', '--severity', 'unattributed-claim=hint', file], { engine: warn })).code, 0);
  });

  it('prefers exit 2 (unreadable input) over exit 1 (findings)', async () => {
    const r = await cli(['check', file, path.join(FIXTURES, 'nope.md')], { engine: findingsOn('said', 'quote-no-speaker', 'warning') });
    assert.equal(r.code, 2);
    assert.match(r.stdout, /quote-no-speaker/);
  });

  it('prints findings as JSON records with --json', async () => {
    const r = await cli(['check', '--json', file], { engine: findingsOn('said', 'loaded-cue', 'warning') });
    assert.equal(r.code, 1);
    const records = JSON.parse(r.stdout);
    assert.equal(records.length, 1);
    assert.deepEqual({ ...records[0] }, {
      file,
      line: 3,
      column: 49,
      endLine: 3,
      endColumn: 53,
      severity: 'warning',
      rule: 'loaded-cue',
      message: 'about said',
      standard: 's',
    });
  });
});

describe('cli run: analyze --json', () => {
  it('prints the Analysis object for one file', async () => {
    const r = await cli(['analyze', '--json', fixture('library.md')]);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), empty());
  });

  it('prints an array with a file field for several files, skipping unreadable ones', async () => {
    const missing = path.join(FIXTURES, 'nope.md');
    const r = await cli(['analyze', '--json', fixture('library.md'), missing, fixture('notes.txt')]);
    assert.equal(r.code, 2);
    const parsed = JSON.parse(r.stdout);
    assert.deepEqual(parsed.map((entry: { file: string }) => entry.file), [fixture('library.md'), fixture('notes.txt')]);
    assert.equal(parsed[0].version, 1);
    assert.equal(r.stderr, `source-trace: ${missing}: no such file\n`);
  });

  it('prints nothing on stdout when its only file is unreadable', async () => {
    const r = await cli(['analyze', '--json', path.join(FIXTURES, 'nope.md')]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
  });
});

// These use the real engine on a draft whose attribution is unambiguous. They describe what the
// engine must find and fail while src/core/analyze.ts is still a stub.
describe('cli run: with the real engine', () => {
  it('finds the mayor\'s direct quote', async () => {
    const r = await cli(['analyze', '--json', fixture('library.md')], { engine: null });
    assert.equal(r.code, 0);
    const analysis = JSON.parse(r.stdout) as Analysis;
    assert.equal(analysis.version, 1);
    const claim = analysis.claims.find((c) => c.content.text.includes('We will not close the library'));
    assert.ok(claim, 'a claim for the quote');
    assert.equal(claim.type, 'direct');
    assert.equal(claim.cue?.text, 'said');
    const actor = analysis.actors.find((a) => a.id === claim.actor);
    assert.ok(actor, 'the claim has an actor');
    assert.match(actor.name, /Jane Doe/);
    assert.equal(actor.kind, 'person');
  });

  it('shows the actor and her claim in the text report', async () => {
    const r = await cli(['analyze', fixture('library.md')], { engine: null });
    assert.match(r.stdout, /Jane Doe \(person[^)]*\) — 1 claim/);
    assert.match(r.stdout, /direct +said +3:2 /); // the content starts after the opening quotation mark
    assert.match(r.stdout, /1 claim · 0 unattributed · 0 anonymous/);
  });

  it('analyses a .txt file as plain text the same way', async () => {
    const r = await cli(['analyze', '--json', fixture('notes.txt')], { engine: null });
    const analysis = JSON.parse(r.stdout) as Analysis;
    assert.ok(analysis.claims.some((c) => c.type === 'direct' && c.content.text.includes('We will not close the library')));
  });

  it('check flags an unsourced figure and exits 1', async () => {
    const r = await cli(['check', fixture('unsourced.md')], { engine: null });
    assert.equal(r.code, 1);
    assert.match(r.stdout, new RegExp(`^${fixture('unsourced.md').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:1 warning unattributed-claim `, 'm'));
  });

  it('check passes a cleanly attributed quote, and a rule turned off', async () => {
    assert.equal((await cli(['check', fixture('clean.md')], { engine: null })).code, 0);
    assert.equal((await cli(['check', '--severity', 'unattributed-claim=off', fixture('unsourced.md')], { engine: null })).code, 0);
  });
});
