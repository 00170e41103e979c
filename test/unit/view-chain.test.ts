import * as assert from 'assert';
import { chainSteps, claimsAt } from '../../src/vscode/view/chain';
import { SAMPLE_TEXT, sampleAnalysis, span } from './view-sample';

describe('view: attribution chain picker', () => {
  it('finds the claims of the sentence under the cursor, or of a selection', () => {
    const analysis = sampleAnalysis();
    const cursor = SAMPLE_TEXT.indexOf('roof');
    assert.deepStrictEqual(claimsAt(analysis, { start: cursor, end: cursor }).map((claim) => claim.id), ['c5']);
    assert.deepStrictEqual(claimsAt(analysis, { start: span('Tom').start, end: span('funding').end }).map((claim) => claim.id), ['c2', 'c3']);
    const weather = SAMPLE_TEXT.indexOf('weather');
    assert.deepStrictEqual(claimsAt(analysis, { start: weather, end: weather }), []);
  });

  it('lists each link of the chain, claim first and the article last', () => {
    const analysis = sampleAnalysis();
    const steps = chainSteps(analysis, analysis.claims.filter((claim) => claim.id === 'c5'));
    assert.strictEqual(steps[0].separator, true);
    assert.deepStrictEqual(
      steps.slice(1).map((step) => [step.label, step.description]),
      [
        ['“cracks in the roof”', 'claim'],
        ['reported', 'cue'],
        ['inspectors', 'source'],
        ['Jane Doe', 'Mayor'],
        ['the article', 'article'],
      ],
    );
    assert.deepStrictEqual(steps[3].target, { start: span('inspectors').start, end: span('inspectors').end });
    assert.strictEqual(steps[4].actorId, 'jane-doe');
    assert.strictEqual(steps[4].target, null);
  });
});
