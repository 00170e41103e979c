// The CLI with source material and a source register: --sources GLOB, the nearest sources/ folder,
// .source-trace/sources.yaml, --contact-notes, --no-sources; globs matched by src/cli/sources.ts.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from '../../src/cli/args';
import { run, type CliIO } from '../../src/cli/main';
import { findSourceFiles, globBase, globToRegExp } from '../../src/cli/sources';
import type { Analysis } from '../../src/core/types';

const ROOT = path.join(__dirname, '..', '..');
const DRAFT = 'test/fixtures/quote-drafts/bridge-closure.md';
const SECRET = 'PRIVATE-CONTACT-7731';

async function cli(argv: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { code: -1, stdout: '', stderr: '' };
  const io: CliIO = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    stdin: () => Readable.from([]),
    cwd,
  };
  out.code = await run(argv, io);
  return out;
}

describe('cli sources: globs', () => {
  it('turns globs into path patterns: **, *, ?, {a,b}, [ab], folders', () => {
    const yes = (glob: string, file: string) => assert.ok(globToRegExp(glob).test(file), `${glob} should match ${file}`);
    const no = (glob: string, file: string) => assert.ok(!globToRegExp(glob).test(file), `${glob} should not match ${file}`);
    yes('sources/**', 'sources/a.txt');
    yes('sources/**', 'sources/deep/er/b.vtt');
    yes('**/*.vtt', 'a/b/c.vtt');
    yes('**/*.vtt', 'c.vtt');
    no('**/*.vtt', 'c.srt');
    yes('sources/*.{vtt,srt}', 'sources/x.srt');
    no('sources/*.{vtt,srt}', 'sources/x/y.srt');
    yes('sources/call-?.txt', 'sources/call-1.txt');
    yes('sources/[ab].md', 'sources/b.md');
    no('sources/[ab].md', 'sources/c.md');
    yes('./interviews/', 'interviews/a.txt');
    no('sources/a.txt', 'sources/a+txt');
    assert.equal(globBase('test/fixtures/sources/**'), 'test/fixtures/sources');
    assert.equal(globBase('sources/a.txt'), 'sources');
    assert.equal(globBase('**/*.vtt'), '.');
  });

  it('finds only .txt .md .vtt .srt files, sorted, relative to the root', async () => {
    const files = await findSourceFiles(['test/fixtures/sources/**'], ROOT);
    assert.deepEqual(files, [
      'test/fixtures/sources/call-readout.txt',
      'test/fixtures/sources/depot-interview.srt',
      'test/fixtures/sources/press-release.md',
      'test/fixtures/sources/residents-interview.vtt',
    ]);
    assert.deepEqual(await findSourceFiles(['test/fixtures/sources/*.vtt'], ROOT), ['test/fixtures/sources/residents-interview.vtt']);
    assert.deepEqual(await findSourceFiles(['test/fixtures/sources/call-readout.txt'], ROOT), ['test/fixtures/sources/call-readout.txt']);
    assert.deepEqual(await findSourceFiles(['test/fixtures/no-such-folder/**'], ROOT), []);
    const absolute = path.join(ROOT, 'test', 'fixtures', 'sources').split(path.sep).join('/') + '/*.srt';
    assert.deepEqual(await findSourceFiles([absolute], path.join(ROOT, 'test')), ['fixtures/sources/depot-interview.srt']);
  });

  it('parses --sources (repeatable), --no-sources and --contact-notes', () => {
    const parsed = parseArgs(['check', '--sources', 'a/**', '--sources=b/*.vtt', '--contact-notes', 'x.md']);
    assert.equal(parsed.kind, 'run');
    if (parsed.kind !== 'run') return;
    assert.deepEqual(parsed.options.sources, ['a/**', 'b/*.vtt']);
    assert.equal(parsed.options.contactNotes, true);
    assert.equal(parseArgs(['check', '--sources', 'x.md']).kind, 'error');
    assert.equal(parseArgs(['check', '--no-sources', '--sources', 'a', 'x.md']).kind, 'error');
    assert.equal(parseArgs(['check', '--contact-notes=yes', 'x.md']).kind, 'error');
  });
});

describe('cli sources: check and analyze with source material', () => {
  it('check --sources GLOB reports quote-differs and quote-not-found as linter lines, exit 1', async () => {
    const r = await cli(['check', '--sources', 'test/fixtures/sources/**', DRAFT]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.trim().split('\n');
    const differs = lines.filter((l) => / quote-differs /.test(l));
    assert.equal(differs.length, 1, r.stdout);
    assert.match(differs[0], /^test\/fixtures\/quote-drafts\/bridge-closure\.md:11:2 warning quote-differs Quote differs from test\/fixtures\/sources\/depot-interview\.srt:7 \[00:00:09,000\]: .*\{→ single\}/);
    const missing = lines.filter((l) => / quote-not-found /.test(l));
    assert.equal(missing.length, 1);
    assert.match(missing[0], /:17:2 warning quote-not-found /);
  });

  it('analyze finds the nearest sources/ folder by itself and shows each verdict with file:line [timestamp]', async () => {
    const r = await cli(['analyze', DRAFT]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /quote “We warned the council about the north pier in…” exact — sources\/residents-interview\.vtt:13 \[00:02:03\.250\] \(Grace Yoon\)/);
    assert.match(r.stdout, /matches except punctuation\/case\/typographic quotes — sources\/call-readout\.txt:6 \(MAYOR LINDQVIST\)/);
    assert.match(r.stdout, /reworded — sources\/depot-interview\.srt:7 \[00:00:09,000\] \(YOON\)\n\s+draft → source: … losing money every \{→ single\} day the bridge …/);
    assert.match(r.stdout, /bridged by an ellipsis \(1 word skipped\) — sources\/depot-interview\.srt:3 \[00:00:05,000\] \(HARLAN\)/);
    assert.match(r.stdout, /not found in the source material/);
    assert.match(r.stdout, /^ {2}quotes: 2 exact, 1 normalized, 1 ellipsis, 1 reworded, 1 not found$/m);
  });

  it('analyze --json includes evidence on claims', async () => {
    const r = await cli(['analyze', '--json', DRAFT]);
    assert.equal(r.code, 0, r.stderr);
    const analysis = JSON.parse(r.stdout) as Analysis;
    const evidence = analysis.claims.flatMap((c) => c.evidence ?? []);
    assert.equal(evidence.length, 6);
    const exact = evidence.find((e) => e.verdict === 'exact' && e.timestamp);
    assert.deepEqual(
      { file: exact?.file, line: exact?.line, timestamp: exact?.timestamp },
      { file: 'sources/residents-interview.vtt', line: 13, timestamp: '00:02:03.250' },
    );
  });

  it('warns once on stderr when --sources matches no file, and checks no quote', async () => {
    const r = await cli(['check', '--sources', 'test/fixtures/no-such-folder/**', DRAFT, DRAFT]);
    assert.equal(r.stderr.match(/warning: --sources "test\/fixtures\/no-such-folder\/\*\*" matched no \.txt, \.md, \.vtt or \.srt file/g)?.length, 1, r.stderr);
    assert.doesNotMatch(r.stdout, /quote-not-found/);
  });

  it('--no-sources checks no quote', async () => {
    const r = await cli(['analyze', '--json', '--no-sources', DRAFT]);
    const analysis = JSON.parse(r.stdout) as Analysis;
    assert.ok(analysis.claims.every((c) => c.evidence === undefined));
  });

  it('ignores a default sources/ folder that holds none of the draft\'s quotes (another story\'s material)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'st-sources-'));
    try {
      mkdirSync(path.join(dir, 'sources'));
      writeFileSync(path.join(dir, 'sources', 'other.txt'), 'MINISTER: The harbour will stay open all winter.\n');
      writeFileSync(path.join(dir, 'draft.md'), '"We will sue the ministry if the bridge is not open by July," Rees said.\n');
      const implicit = await cli(['check', 'draft.md'], dir);
      assert.doesNotMatch(implicit.stdout, /quote-not-found/);
      const explicit = await cli(['check', '--sources', 'sources/**', 'draft.md'], dir);
      assert.match(explicit.stdout, /draft\.md:1:2 warning quote-not-found/);
      assert.equal(explicit.code, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads sources: globs from the draft\'s front matter, relative to the draft', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'st-sources-'));
    try {
      mkdirSync(path.join(dir, 'notes'));
      mkdirSync(path.join(dir, 'drafts'));
      writeFileSync(path.join(dir, 'notes', 'call.txt'), 'REES: We will sue the ministry if the bridge is not open by July.\n');
      writeFileSync(path.join(dir, 'drafts', 'draft.md'), '---\nsources:\n  - ../notes/*.txt\n---\n\n"We will sue the ministry if the bridge is not open by July," Rees said.\n');
      const r = await cli(['analyze', 'drafts/draft.md'], dir);
      assert.match(r.stdout, /exact — notes\/call\.txt:1 \(REES\)/, r.stdout + r.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cli sources: the register and contact notes', () => {
  it('reads the nearest .source-trace/sources.yaml and shows register details in analyze', async () => {
    const r = await cli(['analyze', DRAFT]);
    assert.match(r.stdout, /register: on record; role: Chair, Riverside Residents' Association; labels: Grace Yoon, YOON/);
  });

  it('never prints contact notes without --contact-notes (text, JSON, check)', async () => {
    for (const argv of [['analyze', DRAFT], ['analyze', '--json', DRAFT], ['check', DRAFT], ['check', '--json', DRAFT]]) {
      const r = await cli(argv);
      assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET), `${argv.join(' ')} leaked the contact notes`);
    }
  });

  it('prints them with --contact-notes, in analyze only', async () => {
    const text = await cli(['analyze', '--contact-notes', DRAFT]);
    assert.match(text.stdout, new RegExp(`contact: ${SECRET}`));
    const json = JSON.parse((await cli(['analyze', '--json', '--contact-notes', DRAFT])).stdout) as Analysis;
    assert.match(json.actors.find((a) => a.name === 'Grace Yoon')?.register?.contactNotes ?? '', new RegExp(SECRET));
    const check = await cli(['check', '--contact-notes', DRAFT]);
    assert.ok(!check.stdout.includes(SECRET));
  });

  it('reports an invalid register file and exits 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'st-register-'));
    try {
      mkdirSync(path.join(dir, '.source-trace'));
      writeFileSync(path.join(dir, '.source-trace', 'sources.yaml'), 'sources: [unclosed\n');
      writeFileSync(path.join(dir, 'draft.md'), 'The mayor said the bridge would reopen.\n');
      const r = await cli(['check', 'draft.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^source-trace: draft\.md: source register \.source-trace\/sources\.yaml: invalid YAML/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
