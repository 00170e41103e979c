import { strict as assert } from 'node:assert';
import {
  applySeverities,
  describeActor,
  failsCheck,
  findingRecords,
  formatAnalysis,
  formatFindings,
  formatSummary,
  jsonReport,
  LineIndex,
  lineStarts,
  positionAt,
  shorten,
  summarize,
} from '../../src/cli/format';
import type { Analysis, Claim, Finding, Span } from '../../src/core/types';
import { analyze } from '../../src/core';

// A hand-made analysis of a small draft, so formatting is tested without the engine.
const DRAFT = [
  '# Port talks', // line 1
  '', // 2
  '"We will not back down," union leader Maria Santos said.', // 3
  '', // 4
  'Transport Minister Lee Chen admitted the talks had stalled.', // 5
  '', // 6
  'An official, who spoke on condition of anonymity, said a deal was close.', // 7
  '', // 8
  'The port handles 40 million tonnes a year.', // 9
].join('\r\n');

function span(needle: string, from = 0): Span {
  const start = DRAFT.indexOf(needle, from);
  assert.ok(start >= 0, `fixture lacks ${needle}`);
  return { start, end: start + needle.length, text: needle };
}

function claim(id: string, over: Partial<Claim> & Pick<Claim, 'content'>): Claim {
  return {
    id,
    type: 'direct',
    cue: null,
    source: null,
    actor: null,
    via: [],
    sentence: { start: over.content.start, end: over.content.end },
    hedges: [],
    tone: null,
    quotes: [],
    ...over,
  };
}

const ANALYSIS: Analysis = {
  version: 1,
  actors: [
    { id: 'a1', name: 'Maria Santos', kind: 'person', title: 'union leader', aliases: [], mentions: [span('Maria Santos')] },
    { id: 'a2', name: 'Lee Chen', kind: 'person', title: 'Transport Minister', aliases: [], mentions: [span('Lee Chen')] },
    { id: 'a3', name: 'an official', kind: 'anonymous', title: null, aliases: [], mentions: [span('An official')] },
    { id: 'a4', name: 'the port authority', kind: 'organization', title: null, aliases: [], mentions: [] },
  ],
  claims: [
    claim('c1', { content: span('"We will not back down,"'), cue: span('said'), source: span('union leader Maria Santos'), actor: 'a1', tone: 'neutral' }),
    claim('c2', { type: 'indirect', content: span('the talks had stalled'), cue: span('admitted'), actor: 'a2', tone: 'loaded' }),
    claim('c3', { type: 'indirect', content: span('a deal was close'), cue: span('said', DRAFT.indexOf('anonymity')), actor: 'a3', via: ['a2'] }),
    claim('c4', { content: span('The port handles'), actor: null }),
  ],
  sentences: [],
  unattributed: [span('The port handles 40 million tonnes a year.')],
  findings: [],
};

function finding(rule: Finding['rule'], severity: Finding['severity'], at: Span, message = 'message'): Finding {
  return { rule, severity, start: at.start, end: at.end, message, standard: 'standard' };
}

describe('cli format: line and column mapping', () => {
  it('finds line starts for LF, CRLF and lone CR', () => {
    assert.deepEqual(lineStarts(''), [0]);
    assert.deepEqual(lineStarts('ab\ncd'), [0, 3]);
    assert.deepEqual(lineStarts('ab\r\ncd\r\n'), [0, 4, 8]);
    assert.deepEqual(lineStarts('ab\rcd\n\nx'), [0, 3, 6, 7]);
  });

  it('maps offsets to 1-based line and column', () => {
    const starts = lineStarts('ab\r\ncd\nef');
    assert.deepEqual(positionAt(starts, 0), { line: 1, column: 1 });
    assert.deepEqual(positionAt(starts, 1), { line: 1, column: 2 });
    assert.deepEqual(positionAt(starts, 2), { line: 1, column: 3 }); // the \r
    assert.deepEqual(positionAt(starts, 4), { line: 2, column: 1 });
    assert.deepEqual(positionAt(starts, 7), { line: 3, column: 1 });
    assert.deepEqual(positionAt(starts, 9), { line: 3, column: 3 }); // end of text
  });

  it('gives CRLF and LF versions of a draft the same positions', () => {
    const lf = 'one\ntwo\n\n"three," she said.';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = new LineIndex(lf).position(lf.indexOf('she'));
    const b = new LineIndex(crlf).position(crlf.indexOf('she'));
    assert.deepEqual(a, { line: 4, column: 10 });
    assert.deepEqual(b, a);
  });

  it('counts columns in UTF-16 code units', () => {
    const text = '😀 “Hi,” he said.';
    assert.deepEqual(new LineIndex(text).position(text.indexOf('he')), { line: 1, column: 10 });
  });

  it('clamps offsets outside the text', () => {
    const index = new LineIndex('ab\ncd');
    assert.deepEqual(index.position(-5), { line: 1, column: 1 });
    assert.deepEqual(index.position(99), { line: 2, column: 97 });
  });
});

describe('cli format: shorten', () => {
  it('leaves short text alone but flattens whitespace', () => {
    assert.equal(shorten('  a\r\n  b\tc '), 'a b c');
  });

  it('cuts long text at a word, with an ellipsis', () => {
    const out = shorten('The minister said the talks would resume on Monday after a week of silence from both sides', 40);
    assert.ok(out.length <= 40, out);
    assert.ok(out.endsWith('…'));
    assert.equal(out, 'The minister said the talks would…');
  });

  it('cuts a long word in the middle when it must', () => {
    assert.equal(shorten('x'.repeat(100), 10), 'xxxxxxxxx…');
  });

  it('never splits a surrogate pair', () => {
    const out = shorten('a'.repeat(8) + '😀'.repeat(10), 10);
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(out), JSON.stringify(out));
  });
});

describe('cli format: summary', () => {
  it('counts claims, unattributed sentences and claims from anonymous sources', () => {
    assert.deepEqual(summarize(ANALYSIS), { claims: 4, unattributed: 1, anonymous: 1, stances: 0 });
    assert.equal(formatSummary({ claims: 7, unattributed: 1, anonymous: 2 }), '7 claims · 1 unattributed · 2 anonymous');
    assert.equal(formatSummary({ claims: 1, unattributed: 0, anonymous: 0 }), '1 claim · 0 unattributed · 0 anonymous');
  });

  it('describes an actor with kind, title and claim count', () => {
    assert.equal(describeActor(ANALYSIS.actors[1], 1), 'Lee Chen (person, Transport Minister) — 1 claim');
    assert.equal(describeActor(ANALYSIS.actors[3], 0), 'the port authority (organization) — 0 claims');
  });
});

describe('cli format: formatAnalysis', () => {
  const out = formatAnalysis('port.md', DRAFT, ANALYSIS);
  const lines = out.split('\n');

  it('starts with the file and ends with the summary', () => {
    assert.equal(lines[0], 'port.md');
    assert.equal(lines[lines.length - 1], '  4 claims · 1 unattributed · 1 anonymous');
  });

  it('lists each actor followed by its claims with type, cue and line:col', () => {
    const santos = lines.findIndex((line) => line.includes('Maria Santos (person, union leader) — 1 claim'));
    assert.ok(santos > 0, out);
    assert.match(lines[santos + 1], /^ {6}direct +said +3:1 +"We will not back down,"$/);
    const chen = lines.findIndex((line) => line.includes('Lee Chen (person, Transport Minister) — 1 claim'));
    assert.match(lines[chen + 1], /^ {6}indirect +admitted \(loaded\) +5:/);
    const anon = lines.findIndex((line) => line.includes('an official (anonymous) — 1 claim'));
    assert.match(lines[anon + 1], /a deal was close \[via Lee Chen\]$/);
    assert.ok(out.includes('the port authority (organization) — 0 claims'));
  });

  it('groups claims with no identified actor', () => {
    const i = lines.findIndex((line) => line.includes('Source not identified — 1 claim'));
    assert.ok(i > 0, out);
    assert.match(lines[i + 1], /direct +— +9:1 +The port handles/);
  });

  it('lists unattributed sentences with their line numbers (CRLF counted once)', () => {
    const i = lines.indexOf('  Unattributed');
    assert.ok(i > 0);
    assert.equal(lines[i + 1], '        9  The port handles 40 million tonnes a year.');
  });

  it('shortens long claims to one line', () => {
    const text = `"${'word '.repeat(60)}," he said.`;
    const long: Analysis = { ...ANALYSIS, actors: [], claims: [claim('x', { content: { start: 0, end: text.length - 10, text: text.slice(0, -10) } })], unattributed: [] };
    const report = formatAnalysis('long.md', text, long);
    const line = report.split('\n').find((l) => l.includes('word'))!;
    assert.ok(line.endsWith('…'), line);
    assert.ok(line.length < 130, line);
  });

  it('lists stances under their holder, after the claims, and those held by nobody named in their own group', () => {
    const text = 'Governor Elena Marsh said the budget was balanced. Marsh plans to veto the transit levy.\n\nThe contractor was accused of inflating the repair bills.\n';
    const report = formatAnalysis('stances.md', text, analyze(text));
    const rows = report.split('\n');
    const marsh = rows.findIndex((line) => line.includes('Elena Marsh (person, Governor) — 1 claim, 1 stance'));
    assert.ok(marsh > 0, report);
    assert.match(rows[marsh + 1], /^ {6}indirect +said +1:/);
    assert.match(rows[marsh + 2], /^ {6}stance +plans to +1:\d+ +veto the transit levy$/);
    const unheld = rows.findIndex((line) => line.includes('Holder not identified — 1 stance'));
    assert.ok(unheld > marsh, report);
    assert.match(rows[unheld + 1], /^ {6}stance +accused +3:1 +The contractor was accused of inflating the repair bills \(nobody named\)$/);
    assert.match(report, /1 claim · 0 unattributed · 0 anonymous · 2 stances$/);
  });

  it('says so when nothing was found, and shows a notice', () => {
    const empty: Analysis = { version: 1, actors: [], claims: [], sentences: [], unattributed: [], findings: [], notice: 'input cut at 10 characters' };
    const report = formatAnalysis('empty.md', '', empty);
    assert.match(report, /note: input cut at 10 characters/);
    assert.match(report, /\(none found\)/);
    assert.match(report, /\(none\)/);
    assert.match(report, /0 claims · 0 unattributed · 0 anonymous$/);
  });
});

describe('cli format: findings', () => {
  const findings = [
    finding('unattributed-claim', 'warning', span('The port handles'), 'No source for this figure.'),
    finding('loaded-cue', 'info', span('admitted'), '"admitted"\nsuggests guilt'),
  ];

  it('prints linter lines in reading order, 1-based, one line each', () => {
    assert.deepEqual(formatFindings('port.md', DRAFT, findings), [
      'port.md:5:29 info loaded-cue "admitted" suggests guilt',
      'port.md:9:1 warning unattributed-claim No source for this figure.',
    ]);
  });

  it('makes records with start and end positions for --json', () => {
    const [first] = findingRecords('port.md', DRAFT, findings);
    assert.deepEqual(first, {
      file: 'port.md',
      line: 5,
      column: 29,
      endLine: 5,
      endColumn: 37,
      severity: 'info',
      rule: 'loaded-cue',
      message: '"admitted"\nsuggests guilt',
      standard: 'standard',
    });
  });

  it('applies severity overrides and drops rules turned off', () => {
    const out = applySeverities(findings, { 'loaded-cue': 'error', 'unattributed-claim': 'off' });
    assert.equal(out.length, 1);
    assert.equal(out[0].rule, 'loaded-cue');
    assert.equal(out[0].severity, 'error');
    assert.equal(findings[1].severity, 'info', 'input left untouched');
    assert.deepEqual(applySeverities(findings, {}), findings);
  });

  it('fails a check on warnings and errors only', () => {
    assert.equal(failsCheck('error'), true);
    assert.equal(failsCheck('warning'), true);
    assert.equal(failsCheck('info'), false);
    assert.equal(failsCheck('hint'), false);
  });
});

describe('cli format: jsonReport', () => {
  it('prints the Analysis itself for one file', () => {
    assert.deepEqual(JSON.parse(jsonReport([{ file: 'a.md', analysis: ANALYSIS }], false)), ANALYSIS);
  });

  it('prints an array of Analyses with a file field for several files', () => {
    const parsed = JSON.parse(jsonReport([{ file: 'a.md', analysis: ANALYSIS }, { file: 'b.md', analysis: ANALYSIS }], true));
    assert.equal(parsed.length, 2);
    assert.equal(parsed[0].file, 'a.md');
    assert.equal(parsed[1].file, 'b.md');
    assert.equal(parsed[1].version, 1);
    assert.deepEqual(Object.keys(parsed[0])[0], 'file');
    assert.deepEqual(parsed[0].claims, ANALYSIS.claims);
  });
});
