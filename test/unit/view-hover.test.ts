import * as assert from 'assert';
import { HOVER_HEADING, NO_CLAIM, NO_SOURCE, STANCE_NOTE, STANCE_NOT_SOURCE, chainLine, hoverModel, staleHoverMarkdown } from '../../src/vscode/view/hover';
import { attributionChain } from '../../src/core/chains';
import { LINES, SAMPLE_TEXT, sampleAnalysis, span } from './view-sample';
import { STANCE_LINES, stanceAnalysis, stanceSpan } from './view-stance-sample';

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

describe('view: hover on a draft edited since its analysis', () => {
  it('tells the writer how to bring the analysis up to date, per run mode', () => {
    const onSave = staleHoverMarkdown('onSave');
    assert.ok(onSave.startsWith('**Source Trace**'));
    assert.match(onSave, /changed since it was last analysed\. Save the draft/);
    assert.match(staleHoverMarkdown('manual'), /Run \*\*Source Trace: Refresh\*\*/);
  });
});

describe('view: hover over stances', () => {
  const L = STANCE_LINES;
  /** A cursor one character into `needle`, searched from the start of a sample line. */
  const cursor = (needle: string, line: string) => {
    const offset = stanceSpan(needle, line).start + 1;
    return { start: offset, end: offset };
  };

  it('shows one short stance section where a sentence has a stance and no claim', () => {
    const model = hoverModel(stanceAnalysis(), cursor('veto', L.plan));
    assert.ok(model);
    assert.deepStrictEqual(model.claims, []);
    assert.deepStrictEqual(model.stances.map((stance) => stance.id), ['s1']);
    assert.strictEqual(model.unattributed, false);
    assert.strictEqual(model.markdown, `${HOVER_HEADING}\n\nStance: **Jane Doe** — *plans to* “veto the transit levy”\n\n${STANCE_NOTE}`);
    assert.deepStrictEqual(model.range, { start: stanceSpan(L.plan).start, end: stanceSpan(L.plan).end });
    assert.doesNotMatch(model.markdown, /No attributed claim|No source|←/);
  });

  it('finds the stance from its holder and cue too', () => {
    assert.deepStrictEqual(hoverModel(stanceAnalysis(), cursor('Doe', L.plan))?.stances.map((stance) => stance.id), ['s1']);
    assert.deepStrictEqual(hoverModel(stanceAnalysis(), cursor('plans to', L.plan))?.stances.map((stance) => stance.id), ['s1']);
  });

  it('says "held by nobody named" for an agentless passive, and names an unidentified holder as written', () => {
    const passive = hoverModel(stanceAnalysis(), cursor('inflating', L.passive));
    assert.ok(passive);
    assert.match(passive.markdown, /^Stance: held by nobody named — \*accused\* “The contractor was accused of inflating the repair bills”$/m);
    const board = hoverModel(stanceAnalysis(), cursor('contract', L.board));
    assert.ok(board);
    assert.match(board.markdown, /^Stance: \*\*The board\*\* \(not identified\) — \*criticized\* “the contract”$/m);
  });

  it('keeps a covering claim\'s chain first and lists the stance under the cursor below it', () => {
    const model = hoverModel(stanceAnalysis(), cursor('recount', L.both));
    assert.ok(model);
    assert.deepStrictEqual(model.claims.map((claim) => claim.id), ['c2']);
    assert.deepStrictEqual(model.stances.map((stance) => stance.id), ['s4']);
    const chain = model.markdown.indexOf('“the roof would be fixed” ← *said* ← **Doe** (Jane Doe, Mayor) ← the article');
    const stance = model.markdown.indexOf('Stance: **Jane Doe** — *wants* “a recount of the vote”');
    assert.ok(chain > 0 && stance > chain, model.markdown);
    assert.strictEqual((model.markdown.match(/\n---\n/g) ?? []).length, 1);
    // Elsewhere in that sentence, the claim alone, as before.
    const roof = hoverModel(stanceAnalysis(), cursor('roof', L.both));
    assert.ok(roof);
    assert.deepStrictEqual(roof.stances, []);
    assert.doesNotMatch(roof.markdown, /Stance/);
  });

  it('in a sentence the engine still finds unattributed, explains that a stance is not a source', () => {
    const model = hoverModel(stanceAnalysis(), cursor('budget cut', L.opposes));
    assert.ok(model);
    assert.strictEqual(model.unattributed, true);
    assert.match(model.markdown, /Stance: \*\*the council\*\* — \*opposes\* “the budget cut of 4 percent”/);
    assert.ok(model.markdown.endsWith(`---\n\n⚠ ${STANCE_NOT_SOURCE}`), model.markdown);
    assert.ok(!model.markdown.includes(NO_SOURCE));
  });

  it('says exactly what it said before for a sentence with neither claim nor stance', () => {
    const model = hoverModel(stanceAnalysis(), cursor('weather', L.neither));
    assert.ok(model);
    assert.strictEqual(model.markdown, `${HOVER_HEADING}\n\n${NO_CLAIM}`);
    assert.deepStrictEqual(model.stances, []);
    const unattributed = hoverModel(sampleAnalysis(), at('4.2 million'));
    assert.strictEqual(unattributed?.markdown, `${HOVER_HEADING}\n\n⚠ ${NO_SOURCE}`);
  });

  it('links to the holder in the Actors view only when there is an actor', () => {
    const link = (command: string, args: unknown[]) => `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
    const held = hoverModel(stanceAnalysis(), cursor('veto', L.plan), { commandLink: link });
    assert.ok(held?.markdown.includes(`[Show Jane Doe in Actors](command:sourceTrace.revealActor?${encodeURIComponent('["jane-doe"]')})`));
    const unheld = hoverModel(stanceAnalysis(), cursor('inflating', L.passive), { commandLink: link });
    assert.doesNotMatch(unheld?.markdown ?? '', /command:/);
  });

  it('a selection lists every stance it overlaps, after the claims, in reading order', () => {
    const start = stanceSpan('close the library').start;
    const end = stanceSpan('criticized').end;
    const model = hoverModel(stanceAnalysis(), { start, end });
    assert.ok(model);
    assert.deepStrictEqual(model.claims.map((claim) => claim.id), ['c1']);
    assert.deepStrictEqual(model.stances.map((stance) => stance.id), ['s1', 's2', 's3']);
    assert.strictEqual((model.markdown.match(/\n---\n/g) ?? []).length, 3);
    assert.ok(model.markdown.indexOf('close the library') < model.markdown.indexOf('Stance:'));
  });

  it('escapes Markdown in a stance', () => {
    const analysis = stanceAnalysis();
    analysis.actors[0].name = 'Jane *Doe*';
    assert.match(hoverModel(analysis, cursor('veto', L.plan))?.markdown ?? '', /Stance: \*\*Jane \\\*Doe\\\*\*\*/);
  });
});
