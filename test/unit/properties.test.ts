// Property-based tests of the engine's contract (src/core/types.ts) on random Markdown-ish drafts.
// Reproduce a failure with the seed fast-check prints: FC_SEED=<seed> npx mocha test/unit/properties.test.ts
// FC_NUM_RUNS raises or lowers the number of runs (default 200).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { RULES } from '../../src/core/rules';
import type { Analysis, AnalyzeOptions, RuleId, Span } from '../../src/core/types';

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261129;
const NUM_RUNS = process.env.FC_NUM_RUNS ? Number(process.env.FC_NUM_RUNS) : 200;
const PARAMS = { seed: SEED, numRuns: NUM_RUNS };

const RULE_IDS = new Set<string>(RULES.map((rule) => rule.id));
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

// ---------------------------------------------------------------------------------------------
// Arbitraries: pieces of news prose, put together into Markdown blocks and whole drafts.

const word = fc.constantFrom(
  'the', 'a', 'of', 'talks', 'port', 'strike', 'union', 'deal', 'would', 'not', 'close', 'library',
  '40', '3.5%', '$12m', '1,200', 'on', 'Monday', 'it', 'was', 'that', 'inspectors', 'budget',
  'said', 'says', 'told', 'reporters', 'added', 'warned', 'claimed', 'admitted', 'insisted', 'denied',
  'according', 'to', 'according to', 'according to plan', 'reportedly', 'allegedly', 'apparently',
  'he', 'she', 'they', 'He', 'She', 'It', 'her', 'his',
  'Mayor Jane Doe', 'Jane Doe', 'Doe', 'Transport Minister Lee Chen', 'the minister', 'the ministry',
  'the prime minister', 'the port authority', 'Ottawa', 'Canberra', 'Brasília', 'officials',
  'an official', 'a senior official', 'people familiar with the matter', 'a spokesperson',
  'who spoke on condition of anonymity', 'because they were not authorised to speak',
  'Dr.', 'Mr.', 'Mrs.', 'U.S.', 'e.g.', 'No.', 'St.', 'Inc.', 'i.e.',
);

const punctuation = fc.constantFrom('.', ',', ';', ':', '!', '?', '…', '—', ' – ', '...', '?!', '(', ')', '[', ']');
const quoteMark = fc.constantFrom('"', '“', '”', '‘', '’', "'", '«', '»', '„', '‹', '›', '``', "''");
const oddChar = fc.constantFrom(
  '😀', '👩🏽‍⚖️', '🇨🇦', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0000', '\uFEFF', '\u00A0', '\u200B',
  '\u2028', '\u2029', '\t', '\r', '\f', '\u0301', 'é', 'ß', 'İ', 'ﬁ', '𝔸', '\\', '&amp;', '&#8220;', '<', '>',
);
const anyString = fc.string({ unit: 'binary', maxLength: 12 });

const words = fc.array(word, { minLength: 1, maxLength: 12 }).map((list) => list.join(' '));

const quoted = fc
  .tuple(quoteMark, words, fc.constantFrom('', ',', '.', '?'), fc.option(quoteMark, { nil: '' }))
  .map(([open, inner, stop, close]) => `${open}${inner}${stop}${close}`);

const inline: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: word },
  { weight: 4, arbitrary: quoted },
  { weight: 3, arbitrary: punctuation },
  { weight: 2, arbitrary: quoteMark },
  { weight: 2, arbitrary: oddChar },
  { weight: 1, arbitrary: anyString },
  { weight: 1, arbitrary: words.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: words.map((w) => `**${w}**`) },
  { weight: 1, arbitrary: words.map((w) => `_${w}_`) },
  { weight: 1, arbitrary: words.map((w) => `\`${w}\``) },
  { weight: 1, arbitrary: words.map((w) => `[${w}](https://example.org/${w.length}?q="x")`) },
  { weight: 1, arbitrary: words.map((w) => `![${w}](img.png "${w}")`) },
  { weight: 1, arbitrary: fc.constantFrom('<https://example.org>', '[^1]', '<br>', '<em>', '</em>', '~~gone~~') },
  { weight: 1, arbitrary: words.map((w) => `<!-- ${w} -->`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('source-trace-disable-next-line', 'source-trace-disable', 'source-trace-enable'), fc.constantFrom(...RULE_IDS, 'bogus-rule', ''))
      .map(([directive, rule]) => `<!-- ${directive} ${rule} -->`),
  },
);

const sentence = fc
  .tuple(fc.array(inline, { minLength: 1, maxLength: 16 }), fc.constantFrom('.', '.', '?', '!', '', ':', '."', '.”', ',"'))
  .map(([parts, end]) => parts.join(' ') + end);

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((list) => list.join(' '));

const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: paragraph },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), sentence).map(([level, text]) => `${'#'.repeat(level)} ${text}`) },
  { weight: 1, arbitrary: sentence.map((text) => `${text}\n${'='.repeat(3)}`) },
  { weight: 2, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((items) => items.map((item, i) => (i % 2 ? `${i}. ${item}` : `- ${item}`)).join('\n')) },
  { weight: 2, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((list) => list.map((p) => `> ${p}`).join('\n>\n')) },
  { weight: 1, arbitrary: paragraph.map((p) => `> > ${p}`) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````'), paragraph, fc.boolean()).map(([fence, body, closed]) => `${fence}js\n${body}\n${closed ? fence : ''}`),
  },
  { weight: 1, arbitrary: paragraph.map((p) => `    ${p}`) },
  { weight: 1, arbitrary: paragraph.map((p) => `<div class="note">\n${p}\n</div>`) },
  { weight: 1, arbitrary: fc.tuple(words, paragraph).map(([w, p]) => `<!--\n${w}\n${p}\n-->`) },
  { weight: 1, arbitrary: fc.tuple(words, words).map(([a, b]) => `| ${a} | ${b} |\n|---|---|\n| ${b} | ${a} |`) },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '', '<!-- -->', '[1]: https://example.org "Title"') },
  // Very long lines: one sentence repeated without a break.
  { weight: 1, arbitrary: fc.tuple(sentence, fc.integer({ min: 50, max: 400 })).map(([text, times]) => Array(times).fill(text).join(' ')) },
);

const frontMatter = fc.option(
  fc.tuple(words, words).map(([title, author]) => `---\ntitle: "${title}"\nauthor: ${author}\ntags: [news, "quotes"]\n---\n`),
  { nil: '' },
);

const newline = fc.constantFrom('\n', '\n', '\r\n', '\r');

/** A Markdown-ish draft; every "\n" then becomes the chosen line ending (LF, CRLF or a lone CR). */
const draft: fc.Arbitrary<string> = fc
  .tuple(frontMatter, fc.array(block, { minLength: 0, maxLength: 10 }), fc.constantFrom('\n\n', '\n', '\n\n\n'), newline, fc.boolean())
  .map(([front, blocks, gap, eol, bom]) => {
    const text = front + blocks.join(gap);
    return (bom ? '\uFEFF' : '') + (eol === '\n' ? text : text.replace(/\n/g, eol));
  });

/** Drafts most of the time, and plain random strings, code units and all, for the rest. */
const input: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: draft },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(oddChar, quoteMark, word, punctuation, anyString), { maxLength: 80 }).map((parts) => parts.join('')) },
);

const format = fc.constantFrom<'markdown' | 'text'>('markdown', 'text');

// ---------------------------------------------------------------------------------------------
// The invariants

function checkSpan(input: string, span: Span, where: string, limit = input.length): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${where}: integer offsets`);
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= limit, `${where}: [${span.start}, ${span.end}) within ${limit}`);
  assert.equal(span.text, input.slice(span.start, span.end), `${where}: text matches the input`);
}

function checkRange(range: { start: number; end: number }, where: string, limit: number): void {
  assert.ok(Number.isInteger(range.start) && Number.isInteger(range.end), `${where}: integer offsets`);
  assert.ok(0 <= range.start && range.start <= range.end && range.end <= limit, `${where}: [${range.start}, ${range.end}) within ${limit}`);
}

function allSpans(analysis: Analysis): Array<[string, Span]> {
  const spans: Array<[string, Span]> = [];
  for (const actor of analysis.actors) for (const mention of actor.mentions) spans.push([`actor ${actor.id} mention`, mention]);
  for (const claim of [...analysis.claims, ...(analysis.stances ?? [])]) {
    spans.push([`claim ${claim.id} content`, claim.content]);
    for (const fragment of claim.content.fragments ?? []) spans.push([`claim ${claim.id} fragment`, fragment]);
    if (claim.cue) spans.push([`claim ${claim.id} cue`, claim.cue]);
    if (claim.source) spans.push([`claim ${claim.id} source`, claim.source]);
    for (const hedge of claim.hedges) spans.push([`claim ${claim.id} hedge`, hedge]);
    for (const quote of claim.quotes) spans.push([`claim ${claim.id} quote`, quote]);
  }
  for (const span of analysis.unattributed) spans.push(['unattributed', span]);
  return spans;
}

/** The contract every Analysis must meet, whatever the input. `limit` caps offsets (maxLength). */
function checkAnalysis(input: string, analysis: Analysis, limit = input.length): void {
  assert.equal(analysis.version, 1);
  for (const [where, span] of allSpans(analysis)) checkSpan(input, span, where, limit);

  const actorIds = new Set<string>();
  for (const actor of analysis.actors) {
    assert.ok(!actorIds.has(actor.id), `actor id ${actor.id} is unique`);
    actorIds.add(actor.id);
  }
  const claimIds = new Set<string>();
  for (const claim of [...analysis.claims, ...(analysis.stances ?? [])]) {
    assert.ok(!claimIds.has(claim.id), `claim id ${claim.id} is unique`);
    claimIds.add(claim.id);
    assert.ok(claim.actor === null || actorIds.has(claim.actor), `claim ${claim.id}: actor ${claim.actor} exists`);
    checkRange(claim.sentence, `claim ${claim.id} sentence`, limit);
  }

  let previousEnd = 0;
  analysis.sentences.forEach((sentence, i) => {
    checkRange(sentence, `sentence ${i}`, limit);
    assert.ok(sentence.start >= previousEnd, `sentence ${i} [${sentence.start}, ${sentence.end}) starts after the previous one ends (${previousEnd})`);
    previousEnd = sentence.end;
    for (const id of sentence.claims) assert.ok(claimIds.has(id) && id.startsWith('c'), `sentence ${i}: claim ${id} exists and is a claim, not a stance`);
  });

  for (const finding of analysis.findings) {
    checkRange(finding, `finding ${finding.rule}`, limit);
    assert.ok(RULE_IDS.has(finding.rule), `known rule ${finding.rule}`);
    assert.ok(SEVERITIES.has(finding.severity), `known severity ${finding.severity}`);
    assert.equal(typeof finding.message, 'string');
  }
  // The CLI and the extension serialise it.
  assert.doesNotThrow(() => JSON.stringify(analysis));
}

function run(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyze(text, options);
}

describe('properties: analyze on random drafts', function () {
  this.timeout(120000);

  it('never throws and keeps every span, range and id consistent', () => {
    fc.assert(
      fc.property(input, format, (text, fmt) => {
        checkAnalysis(text, run(text, { format: fmt }));
      }),
      PARAMS,
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(input, format, (text, fmt) => {
        assert.deepStrictEqual(run(text, { format: fmt }), run(text, { format: fmt }));
      }),
      { ...PARAMS, numRuns: Math.ceil(NUM_RUNS / 2) },
    );
  });

  it('drops every finding when all rules are off, and honours maxFindings', () => {
    const allOff = Object.fromEntries([...RULE_IDS].map((id) => [id, 'off'])) as Record<RuleId, 'off'>;
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 5 }), (text, maxFindings) => {
        const off = run(text, { severities: allOff });
        checkAnalysis(text, off);
        assert.deepEqual(off.findings, []);
        const capped = run(text, { maxFindings });
        checkAnalysis(text, capped);
        assert.ok(capped.findings.length <= maxFindings, `${capped.findings.length} findings > maxFindings ${maxFindings}`);
      }),
      { ...PARAMS, numRuns: Math.ceil(NUM_RUNS / 2) },
    );
  });

  it('stays within maxLength and says it cut the input', () => {
    fc.assert(
      fc.property(draft, fc.integer({ min: 0, max: 300 }), (text, maxLength) => {
        const analysis = run(text, { maxLength });
        checkAnalysis(text, analysis, Math.min(text.length, maxLength));
        if (text.length > maxLength) assert.equal(typeof analysis.notice, 'string', 'notice set when the input was cut');
      }),
      { ...PARAMS, numRuns: Math.ceil(NUM_RUNS / 2) },
    );
  });

  it('handles each odd character alone and repeated', () => {
    const odd = ['\uD800', '\uDFFF', '\u0000', '\r', '\r\n', '"', '“', '”', "'", '«', '😀', '\uFEFF', '<!--', '```', '---\n', '> ', '#'];
    for (const piece of odd) {
      for (const text of [piece, piece.repeat(1000), `"${piece}," she said.`]) {
        checkAnalysis(text, run(text));
        checkAnalysis(text, run(text, { format: 'text' }));
      }
    }
    checkAnalysis('', run(''));
  });
});

describe('properties: large and binary inputs', function () {
  this.timeout(120000);

  it('finishes on a ~10 MB draft', () => {
    const chunk = [
      '## Talks resume',
      '',
      '"We will not back down," union leader Maria Santos said on Monday, adding that the strike would go on.',
      'Transport Minister Lee Chen admitted the talks had stalled, according to the port authority.',
      'A senior official, who spoke on condition of anonymity because they were not authorised to discuss the talks, said a deal was close.',
      'The port handles 40 million tonnes of cargo a year. The strike has reportedly cost $12m a day.',
      '',
      '> “It is a matter of weeks,” she said. “Not months.”',
      '',
    ].join('\n');
    const parts: string[] = [];
    let length = 0;
    while (length < 10 * 1024 * 1024) {
      parts.push(chunk);
      length += chunk.length + 1;
    }
    const text = parts.join('\n');
    const analysis = run(text);
    checkAnalysis(text, analysis);
  });

  it('keeps the contract on the example drafts, with LF, CRLF and CR line endings', () => {
    for (const name of ['harbour-strike.md', 'summit-call.md', 'school-board.md']) {
      const lf = readFileSync(path.join(__dirname, '..', '..', 'examples', name), 'utf8');
      for (const text of [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')]) {
        checkAnalysis(text, run(text));
        checkAnalysis(text, run(text, { format: 'text' }));
      }
    }
  });

  it('returns a bounded result for binary-looking input', () => {
    // 1 MB of deterministic pseudo-random bytes read as Latin-1: NULs, control characters, stray quotes.
    let state = 12345;
    const codes = new Array<number>(1024 * 1024);
    for (let i = 0; i < codes.length; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      codes[i] = state >>> 24;
    }
    const text = codes.map((code) => String.fromCharCode(code)).join('');
    for (const options of [{}, { format: 'text' as const }, { maxFindings: 100 }]) {
      const analysis = run(text, options);
      checkAnalysis(text, analysis);
      for (const key of ['actors', 'claims', 'sentences', 'unattributed', 'findings'] as const) {
        assert.ok(analysis[key].length <= text.length, `${key}: ${analysis[key].length} entries`);
      }
      if ('maxFindings' in options) assert.ok(analysis.findings.length <= 100);
      const size = JSON.stringify(analysis).length;
      assert.ok(size <= 50 * text.length + 1024 * 1024, `report of ${size} characters for ${text.length} of input`);
    }
  });
});
