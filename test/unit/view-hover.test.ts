import * as assert from 'assert';
import { HOVER_HEADING, NO_CLAIM, NO_SOURCE, chainLine, hoverModel } from '../../src/vscode/view/hover';
import { attributionChain } from '../../src/core/chains';
import { LINES, SAMPLE_TEXT, sampleAnalysis, span } from './view-sample';

const at = (needle: string) => {
  const offset = SAMPLE_TEXT.indexOf(needle) + 1;
  return { start: offset, end: offset };
};

describe('view: hover', () => {
  it('renders the chain claim ← cue ← source (actor, title) ← article for the sentence under the cursor', () => {
    const model = hoverModel(sampleAnalysis(), at('close the library'));
    assert.ok(model);
    assert.ok(model.markdown.startsWith(`${HOVER_HEADING}\n`));
    assert.match(model.markdown, /“We will not close the library,” ← \*said\* ← \*\*Mayor Jane Doe\*\* \(Jane Doe, Mayor\) ← the article/);
    assert.match(model.markdown, /Direct quote · neutral cue · no hedges/);
    assert.deepStrictEqual(model.range, { start: span(LINES.line3).start, end: span(LINES.line3).end });
    assert.deepStrictEqual(model.claims.map((claim) => claim.id), ['c1']);
    assert.strictEqual(model.unattributed, false);
  });

  it('names intermediate reporters with via', () => {
    const analysis = sampleAnalysis();
    const claim = analysis.claims.find((c) => c.id === 'c5');
    assert.ok(claim);
    assert.strictEqual(chainLine(attributionChain(analysis, claim)), '“cracks in the roof” ← *reported* ← **inspectors** ← via Jane Doe ← the article');
  });

  it('reports hedges and loaded cues', () => {
    const hedged = hoverModel(sampleAnalysis(), at('lose funding'));
    assert.ok(hedged);
    assert.match(hedged.markdown, /hedged: reportedly/);
    const loaded = hoverModel(sampleAnalysis(), at('Tom Reyes'));
    assert.ok(loaded);
    assert.match(loaded.markdown, /loaded cue “claimed”/);
  });

  it('links to the actor in the tree only through the given command builder', () => {
    const plain = hoverModel(sampleAnalysis(), at('close the library'));
    assert.ok(plain);
    assert.doesNotMatch(plain.markdown, /command:/);
    const linked = hoverModel(sampleAnalysis(), at('close the library'), {
      commandLink: (command, args) => `command:${command}?${encodeURIComponent(JSON.stringify(args))}`,
    });
    assert.ok(linked);
    assert.ok(linked.markdown.includes(`[Show Jane Doe in Actors](command:sourceTrace.revealActor?${encodeURIComponent('["jane-doe"]')})`));
  });

  it('says plainly when a sentence has no source', () => {
    const model = hoverModel(sampleAnalysis(), at('4.2 million'));
    assert.ok(model);
    assert.ok(model.markdown.startsWith(HOVER_HEADING));
    assert.ok(model.markdown.includes(NO_SOURCE));
    assert.strictEqual(NO_SOURCE, 'No source: this sentence states a fact without attribution.');
    assert.strictEqual(model.unattributed, true);
  });

  it('says when a sentence has nothing to report', () => {
    const model = hoverModel(sampleAnalysis(), at('weather'));
    assert.ok(model);
    assert.ok(model.markdown.includes(NO_CLAIM));
    assert.doesNotMatch(model.markdown, /No source/);
  });

  it('returns nothing outside prose', () => {
    assert.strictEqual(hoverModel(sampleAnalysis(), { start: 2, end: 2 }), null);
  });

  it('a selection shows every claim it overlaps, in reading order, and unattributed sentences in it', () => {
    const start = span('Tuesday').start;
    const end = span('lose funding').start;
    const model = hoverModel(sampleAnalysis(), { start, end });
    assert.ok(model);
    assert.deepStrictEqual(model.claims.map((claim) => claim.id), ['c2', 'c3']);
    assert.strictEqual(model.unattributed, true);
    assert.strictEqual((model.markdown.match(/---/g) ?? []).length, 2);
    assert.deepStrictEqual(model.range, { start, end });
  });

  it('escapes Markdown in draft text', () => {
    const analysis = sampleAnalysis();
    analysis.actors[0].name = 'Jane *Doe*';
    const model = hoverModel(analysis, at('close the library'));
    assert.ok(model);
    assert.ok(model.markdown.includes('Jane \\*Doe\\*'));
  });
});
