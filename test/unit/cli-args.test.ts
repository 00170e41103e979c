import { strict as assert } from 'node:assert';
import { DEFAULT_MAX_SIZE, helpText, parseArgs, parseSize, type CliOptions, type ParseResult } from '../../src/cli/args';

function options(result: ParseResult): CliOptions {
  assert.equal(result.kind, 'run', JSON.stringify(result));
  return (result as { kind: 'run'; options: CliOptions }).options;
}

function error(result: ParseResult): string {
  assert.equal(result.kind, 'error', JSON.stringify(result));
  return (result as { kind: 'error'; message: string }).message;
}

describe('cli args: parseArgs', () => {
  it('parses analyze with defaults', () => {
    assert.deepEqual(options(parseArgs(['analyze', 'a.md'])), {
      command: 'analyze',
      files: ['a.md'],
      json: false,
      format: null,
      severities: {},
      maxSize: DEFAULT_MAX_SIZE,
      sources: [],
      noSources: false,
      contactNotes: false,
    });
  });

  it('accepts options before and after files, and several files', () => {
    const parsed = options(parseArgs(['--json', 'analyze', 'a.md', '--format', 'text', 'b.txt', '-']));
    assert.equal(parsed.command, 'analyze');
    assert.deepEqual(parsed.files, ['a.md', 'b.txt', '-']);
    assert.equal(parsed.json, true);
    assert.equal(parsed.format, 'text');
  });

  it('accepts --name=value', () => {
    const parsed = options(parseArgs(['check', '--format=markdown', '--max-size=512KB', '--severity=loaded-cue=error', 'a']));
    assert.equal(parsed.format, 'markdown');
    assert.equal(parsed.maxSize, 512 * 1024);
    assert.deepEqual(parsed.severities, { 'loaded-cue': 'error' });
  });

  it('collects repeated --severity, the last one for a rule winning', () => {
    const parsed = options(
      parseArgs(['check', '--severity', 'loaded-cue=warning', '--severity', 'unattributed-claim=off', '--severity', 'loaded-cue=Hint', 'a.md']),
    );
    assert.deepEqual(parsed.severities, { 'loaded-cue': 'hint', 'unattributed-claim': 'off' });
  });

  it('rejects bad --severity values', () => {
    assert.match(error(parseArgs(['check', '--severity', 'loaded-cue', 'a'])), /RULE=LEVEL/);
    assert.match(error(parseArgs(['check', '--severity', 'no-such-rule=error', 'a'])), /unknown rule "no-such-rule"/);
    assert.match(error(parseArgs(['check', '--severity', 'loaded-cue=fatal', 'a'])), /unknown level "fatal"/);
    assert.match(error(parseArgs(['check', 'a', '--severity'])), /RULE=LEVEL/);
  });

  it('rejects unknown options, commands and bad formats', () => {
    assert.equal(error(parseArgs(['analyze', '--verbose', 'a.md'])), 'unknown option --verbose');
    assert.equal(error(parseArgs(['analyze', '-x', 'a.md'])), 'unknown option -x');
    assert.match(error(parseArgs(['lint', 'a.md'])), /unknown command "lint"/);
    assert.match(error(parseArgs(['analyze', '--format', 'html', 'a.md'])), /markdown or text/);
    assert.match(error(parseArgs(['analyze', 'a.md', '--format'])), /markdown or text/);
    assert.match(error(parseArgs(['analyze', '--json=yes', 'a.md'])), /takes no value/);
  });

  it('requires a command and at least one file', () => {
    assert.match(error(parseArgs([])), /missing command/);
    assert.match(error(parseArgs(['analyze'])), /no input files/);
    assert.match(error(parseArgs(['--json'])), /missing command/);
  });

  it('treats "-" as standard input and everything after "--" as files', () => {
    assert.deepEqual(options(parseArgs(['analyze', '-'])).files, ['-']);
    assert.deepEqual(options(parseArgs(['analyze', '--', '--json', '-x.md'])).files, ['--json', '-x.md']);
    assert.equal(options(parseArgs(['analyze', '--', '--json'])).json, false);
  });

  it('puts help and version first, even with other arguments', () => {
    assert.equal(parseArgs(['--help']).kind, 'help');
    assert.equal(parseArgs(['-h']).kind, 'help');
    assert.equal(parseArgs(['check', 'a.md', '--help']).kind, 'help');
    assert.equal(parseArgs(['--version']).kind, 'version');
    assert.equal(parseArgs(['-V']).kind, 'version');
    assert.equal(parseArgs(['analyze', '--version']).kind, 'version');
  });

  it('rejects a bad --max-size', () => {
    assert.match(error(parseArgs(['analyze', '--max-size', 'lots', 'a'])), /--max-size/);
    assert.match(error(parseArgs(['analyze', 'a', '--max-size'])), /--max-size/);
  });
});

describe('cli args: parseSize', () => {
  it('reads bytes and binary suffixes, case-insensitively', () => {
    assert.equal(parseSize('1024'), 1024);
    assert.equal(parseSize('0'), 0);
    assert.equal(parseSize('10B'), 10);
    assert.equal(parseSize('512KB'), 512 * 1024);
    assert.equal(parseSize('512k'), 512 * 1024);
    assert.equal(parseSize('5MB'), 5 * 1024 * 1024);
    assert.equal(parseSize('5mb'), 5 * 1024 * 1024);
    assert.equal(parseSize('2MiB'), 2 * 1024 * 1024);
    assert.equal(parseSize('1.5 MB'), 1.5 * 1024 * 1024);
    assert.equal(parseSize('1G'), 1024 ** 3);
  });

  it('rejects what is not a size', () => {
    for (const bad of ['', 'MB', '-5MB', '5TB', '5 M B', 'five', '5iB', '1e6', '0x10']) assert.equal(parseSize(bad), null, bad);
  });
});

describe('cli args: helpText', () => {
  const help = helpText('9.9.9');
  it('shows the version, both commands, the column convention and exit codes', () => {
    assert.match(help, /source-trace 9\.9\.9/);
    assert.match(help, /source-trace analyze \[--json\] \[--format markdown\|text\] FILE…/);
    assert.match(help, /source-trace check/);
    assert.match(help, /file:line:col severity rule message/);
    assert.match(help, /UTF-16 code units/);
    assert.match(help, /--max-size/);
    assert.match(help, /Exit status/);
  });

  it('lists every rule', () => {
    for (const rule of ['unattributed-claim', 'quote-no-speaker', 'anonymous-no-reason', 'loaded-cue', 'hedge-in-own-voice', 'unbalanced-quote']) {
      assert.ok(help.includes(rule), rule);
    }
  });
});
