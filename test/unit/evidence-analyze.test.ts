// `analyze(draft, { evidence })`: evidence on claims (spans in the draft) and the quote findings.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { createEvidenceIndex, type EvidenceIndex } from '../../src/core/evidence';
import { RULES } from '../../src/core/rules';
import type { Analysis, Claim } from '../../src/core/types';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const DRAFT = readFileSync(path.join(FIXTURES, 'quote-drafts', 'bridge-closure.md'), 'utf8');

function material(): EvidenceIndex {
  const dir = path.join(FIXTURES, 'sources');
  return createEvidenceIndex(readdirSync(dir).sort().map((name) => ({ path: `sources/${name}`, text: readFileSync(path.join(dir, name), 'utf8') })));
}

function claimQuoting(analysis: Analysis, words: string): Claim {
  const claim = analysis.claims.find((c) => c.evidence?.some((e) => e.fragment.text.includes(words)));
  assert.ok(claim, `no claim with evidence for "${words}": ${JSON.stringify(analysis.claims.map((c) => c.content.text))}`);
  return claim;
}

describe('evidence in analyze()', () => {
  let index: EvidenceIndex;
  let analysis: Analysis;
  before(() => {
    index = material();
    analysis = analyze(DRAFT, { evidence: index });
  });

  it('gives every claim with quoted words one evidence entry per fragment, as spans of the draft without the marks', () => {
    const withEvidence = analysis.claims.filter((c) => c.evidence);
    assert.equal(withEvidence.length, 6);
    for (const claim of withEvidence) {
      for (const e of claim.evidence!) {
        assert.equal(DRAFT.slice(e.fragment.start, e.fragment.end), e.fragment.text);
        assert.doesNotMatch(e.fragment.text, /^["“]|["”]$/);
      }
    }
    const verdicts = withEvidence.flatMap((c) => c.evidence!.map((e) => e.verdict)).sort();
    assert.deepEqual(verdicts, ['ellipsis', 'exact', 'exact', 'normalized', 'not-found', 'reworded']);
  });

  it('checks a mixed claim\'s quoted words only', () => {
    const claim = claimQuoting(analysis, 'only when the engineers');
    assert.equal(claim.type, 'mixed');
    assert.equal(claim.evidence!.length, 1);
    assert.equal(claim.evidence![0].fragment.text, 'only when the engineers tell us it is sound');
    assert.equal(claim.evidence![0].verdict, 'exact');
    assert.equal(claim.evidence![0].file, 'sources/press-release.md');
    assert.equal(claim.evidence![0].line, 8);
  });

  it('uses the claim\'s speaker: Harlan\'s words come from his transcript, with the ellipsis bridged', () => {
    const claim = claimQuoting(analysis, 'safe for pedestrians');
    const e = claim.evidence![0];
    assert.equal(e.verdict, 'ellipsis');
    assert.equal(e.speaker, 'HARLAN');
    assert.equal(e.timestamp, '00:00:05,000');
    assert.equal(e.skippedWords, 1);
  });

  it('reports quote-differs with a short diff and quote-not-found, each with its standard', () => {
    const differs = analysis.findings.filter((f) => f.rule === 'quote-differs');
    assert.equal(differs.length, 1);
    assert.match(differs[0].message, /sources\/depot-interview\.srt:7 \[00:00:09,000\]/);
    assert.match(differs[0].message, /\{→ single\}/);
    assert.equal(DRAFT.slice(differs[0].start, differs[0].end), 'Our drivers are losing money every day the bridge stays shut,');
    assert.equal(differs[0].standard, RULES.find((r) => r.id === 'quote-differs')!.standard);
    const missing = analysis.findings.filter((f) => f.rule === 'quote-not-found');
    assert.equal(missing.length, 1);
    assert.match(DRAFT.slice(missing[0].start, missing[0].end), /^We will sue the ministry/);
    assert.equal(missing[0].severity, 'warning');
    // Findings stay in reading order.
    for (let i = 1; i < analysis.findings.length; i++) assert.ok(analysis.findings[i - 1].start <= analysis.findings[i].start);
  });

  it('flags an ellipsis that leaves out a negation (it may turn the meaning round), not one that skips "but"', () => {
    const material = createEvidenceIndex([{ path: 'sources/call.txt', text: 'REES: We will reopen the bridge in June. We will not raise the toll this year, whatever the ministry says.\n' }]);
    const text = '"We will reopen the bridge in June … raise the toll this year," Marta Rees said.';
    const result = analyze(text, { evidence: material });
    const e = result.claims.flatMap((c) => c.evidence ?? [])[0];
    assert.equal(e?.verdict, 'ellipsis', JSON.stringify(result.claims));
    assert.equal(e.skippedWords, 3);
    assert.equal((e as { skippedText?: string }).skippedText, undefined, 'the skipped text stays out of the report');
    const flagged = result.findings.filter((f) => f.rule === 'quote-differs');
    assert.equal(flagged.length, 1);
    assert.match(flagged[0].message, /leaves out "not"/);
    const harmless = analysis.findings.filter((f) => f.rule === 'quote-differs' && /ellipsis/.test(f.message));
    assert.deepEqual(harmless, [], 'Harlan\'s ellipsis only skips "but"');
  });

  it('checks only words inside quotation marks: an indirect claim gets no evidence', () => {
    const text = 'Mayor Eva Lindqvist said the bridge would reopen in June. "We cannot accept a further delay of that length," Lindqvist said.';
    const result = analyze(text, { evidence: index });
    const indirect = result.claims.find((c) => c.type === 'indirect');
    assert.ok(indirect, JSON.stringify(result.claims));
    assert.equal(indirect.evidence, undefined);
    const direct = result.claims.find((c) => c.type === 'direct');
    assert.equal(direct?.evidence?.[0].verdict, 'exact');
    assert.equal(direct?.evidence?.[0].speaker, 'Speaker 1', 'the only place these words are');
  });

  it('adds nothing without source material', () => {
    const plain = analyze(DRAFT);
    assert.ok(plain.claims.every((c) => c.evidence === undefined));
    assert.ok(!plain.findings.some((f) => f.rule === 'quote-differs' || f.rule === 'quote-not-found'));
  });

  it('honours severities and silencing comments', () => {
    const off = analyze(DRAFT, { evidence: index, severities: { 'quote-not-found': 'off', 'quote-differs': 'error' } });
    assert.ok(!off.findings.some((f) => f.rule === 'quote-not-found'));
    assert.equal(off.findings.find((f) => f.rule === 'quote-differs')?.severity, 'error');
    const silenced = DRAFT.replace('"We will sue', '<!-- source-trace-disable-next-line quote-not-found -->\n"We will sue');
    assert.ok(!analyze(silenced, { evidence: index }).findings.some((f) => f.rule === 'quote-not-found'));
  });

  it('marks the draft\'s own quotes as not found when the material is about something else', () => {
    const other = createEvidenceIndex([{ path: 'sources/other.txt', text: 'MINISTER: The harbour will stay open all winter.' }]);
    const result = analyze(DRAFT, { evidence: other });
    const verdicts = result.claims.flatMap((c) => c.evidence ?? []).map((e) => e.verdict);
    assert.equal(verdicts.length, 6);
    assert.ok(verdicts.every((v) => v === 'not-found'));
  });
});
