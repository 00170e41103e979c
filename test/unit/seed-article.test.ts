// The article the product was first described with, read from ../shared at run time (never copied
// into the project). Skips with a message when ../shared is not beside the repository.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../src/core';

const SEED = path.resolve(__dirname, '..', '..', '..', 'shared', 'seed', 'article.md');

describe('seed article (../shared/seed/article.md)', function () {
  let text = '';
  let analysis: Analysis;

  before(function () {
    if (!fs.existsSync(SEED)) {
      console.log(`      skipped: ${SEED} is absent (the seed article lives in ../shared beside the repository)`);
      this.skip();
    }
    text = fs.readFileSync(SEED, 'utf8');
    analysis = analyze(text);
  });

  const speakerOf = (cue: string): string[] =>
    analysis.claims.filter((c) => c.cue?.text.startsWith(cue)).map((c) => analysis.actors.find((a) => a.id === c.actor)?.name ?? '(none)');

  it('finds every speech act with the right speaker', () => {
    assert.deepEqual(speakerOf('declared'), ['Yoon Suk-yeol']);
    assert.deepEqual(speakerOf('stated'), ['Yoon Suk-yeol']);
    assert.deepEqual(speakerOf('pointed out'), ['Yoon Suk-yeol']);
    assert.deepEqual(speakerOf('expressed'), ['Yoon Suk-yeol']);
    assert.deepEqual(speakerOf('reported'), ['South Korean National Intelligence Service']);
    assert.deepEqual(speakerOf('warned'), ['Mark Rutte']);
    assert.deepEqual(speakerOf('mentioned'), ['Mark Rutte']);
  });

  it('resolves "the NATO Secretary General" to Mark Rutte, with his title', () => {
    const claim = analysis.claims.find((c) => c.source?.text === 'the NATO Secretary General');
    assert.ok(claim, 'a claim whose source is "the NATO Secretary General"');
    const rutte = analysis.actors.find((a) => a.id === claim.actor);
    assert.equal(rutte?.name, 'Mark Rutte');
    assert.equal(rutte?.title, 'NATO Secretary General');
  });

  it('does not read "according to the level of cooperation" as an attribution', () => {
    const at = text.indexOf('according to the level');
    assert.ok(at > 0);
    assert.ok(!analysis.claims.some((c) => c.cue && c.cue.start === at));
  });

  it('resolves Pyongyang, Moscow, Seoul and Kiev to countries', () => {
    const countryOf = (word: string): string | undefined =>
      analysis.actors.find((a) => a.kind === 'country' && a.mentions.some((m) => m.text === word))?.name;
    assert.equal(countryOf('Pyongyang'), 'North Korea');
    assert.equal(countryOf('Moscow'), 'Russia');
    assert.equal(countryOf('Seoul'), 'South Korea');
    assert.equal(countryOf('Kiev'), 'Ukraine');
  });

  it('flags the sentence about arms supplies as unattributed', () => {
    assert.ok(analysis.unattributed.some((s) => s.text.includes('supplying arms to Ukraine')));
    assert.ok(analysis.findings.some((f) => f.rule === 'unattributed-claim' && text.slice(f.start, f.end).includes('supplying arms')));
  });
});
