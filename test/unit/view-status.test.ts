import * as assert from 'assert';
import { formatSize, statusModel, tooLargeMessage } from '../../src/vscode/view/status';
import { sampleAnalysis } from './view-sample';

describe('view: status bar', () => {
  it('summarises claims, unattributed sentences and anonymous sources', () => {
    const model = statusModel(sampleAnalysis());
    assert.strictEqual(model.text, '5 claims · 1 unattributed · 1 anonymous');
    assert.match(model.tooltip, /6 actors, 5 claims/);
    assert.match(model.tooltip, /Actors view/);
  });

  it('leaves out zero counts and uses the singular', () => {
    const analysis = sampleAnalysis();
    analysis.claims = analysis.claims.slice(0, 1);
    analysis.unattributed = [];
    analysis.actors = analysis.actors.filter((actor) => actor.kind !== 'anonymous');
    assert.strictEqual(statusModel(analysis).text, '1 claim');
  });

  it('explains a draft over the size limit', () => {
    assert.strictEqual(formatSize(999), '999 characters');
    assert.strictEqual(formatSize(2_500_000), '2.5 M characters');
    assert.match(tooLargeMessage(2_500_000, 1_000_000), /too large.*2\.5 M characters.*limit 1\.0 M characters.*sourceTrace\.maxFileSize/);
  });
});
