// Unit tests of the scoring rules behind `npm run eval` (tools/eval/metrics.ts), on small hand-made
// gold/prediction pairs. Nothing here reads the gold corpora.
import * as assert from 'node:assert/strict';
import type { Actor, Claim, ClaimContent, Span } from '../../src/core/types';
import {
  type GoldDocument, type Intervals, addCounts, checkFloors, contentIntervals, dice, emptyCounts, indexGoldActors,
  mapActor, normalizeName, pairClaims, prf, scoreDocument, spansOverlap, summarize,
} from '../../tools/eval/metrics';

/** The span of the n-th occurrence of `sub` in `text`. */
function sp(text: string, sub: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(sub, at + 1);
    if (at < 0) throw new Error(`"${sub}" not found in test text`);
  }
  return { start: at, end: at + sub.length, text: sub };
}

function claim(id: string, content: ClaimContent, extra: Partial<Claim> = {}): Claim {
  return {
    id, type: 'direct', content, cue: null, source: null, actor: null, via: [],
    sentence: { start: content.start, end: content.end }, hedges: [], tone: null, quotes: [], ...extra,
  };
}

function actor(id: string, name: string, mentionTexts: string[]): Actor {
  return { id, name, kind: 'person', title: null, aliases: [], mentions: mentionTexts.map((t) => ({ start: 0, end: t.length, text: t })) };
}

const iv = (...pairs: Array<[number, number]>): Intervals => pairs;

describe('eval metrics: Dice over trimmed content characters', () => {
  it('trims straight and curly quote marks, spaces and .,:;—–- at both edges only', () => {
    const text = 'x “ Hello, world. ” y';
    const span = { start: 2, end: 19, text: text.slice(2, 19) };
    const [[s, e]] = contentIntervals(span, text);
    assert.equal(text.slice(s, e), 'Hello, world');
    const t2 = `— 'it's done' –;:`;
    const [[s2, e2]] = contentIntervals({ start: 0, end: t2.length, text: t2 }, t2);
    assert.equal(t2.slice(s2, e2), "it's done", 'inner apostrophe kept, edges trimmed');
  });

  it('a span made only of trim characters is empty and pairs with nothing', () => {
    const text = '"..."';
    assert.deepEqual(contentIntervals({ start: 0, end: 5, text }, text), []);
    assert.equal(dice([], iv([0, 5])), 0);
  });

  it('uses the span text when the document is not given', () => {
    const [[s, e]] = contentIntervals({ start: 10, end: 17, text: '"abc." ' });
    assert.deepEqual([s, e], [11, 14]);
  });

  it('takes the union of gold fragments, each trimmed', () => {
    const text = '"Taxes will rise," she said, "next year."';
    const a = sp(text, '"Taxes will rise,"');
    const b = sp(text, '"next year."');
    const ints = contentIntervals({ start: a.start, end: b.end, text: text.slice(a.start, b.end), fragments: [a, b] }, text);
    assert.deepEqual(ints.map(([s, e]) => text.slice(s, e)), ['Taxes will rise', 'next year']);
  });

  it('computes 2|A∩B| / (|A|+|B|)', () => {
    assert.equal(dice(iv([0, 10]), iv([0, 10])), 1);
    assert.equal(dice(iv([0, 10]), iv([10, 20])), 0);
    assert.equal(dice(iv([0, 10]), iv([5, 15])), 0.5);
    assert.equal(dice(iv([0, 4], [6, 10]), iv([0, 10])), (2 * 8) / 18);
  });

  it('trimming can decide whether a pair reaches 0.5', () => {
    // Gold: the bare words; prediction: the same words plus quote marks and a dash — equal after trimming.
    const text = 'He said: — "yes" — and left.';
    const gold = contentIntervals(sp(text, 'yes'), text);
    const pred = contentIntervals(sp(text, '— "yes" —'), text);
    assert.equal(dice(gold, pred), 1);
  });
});

describe('eval metrics: greedy pairing', () => {
  it('needs Dice >= 0.5 (exactly 0.5 pairs, just below does not)', () => {
    const at = pairClaims([iv([0, 10])], [false], [iv([5, 15])]);
    assert.equal(at.pairs.length, 1);
    const below = pairClaims([iv([0, 10])], [false], [iv([5, 16])]);
    assert.equal(below.pairs.length, 0);
    assert.deepEqual(below.falsePositives, [0]);
    assert.deepEqual(below.misses, [0]);
  });

  it('takes the best Dice first, then pairs what is left', () => {
    // pred 0 fits gold 1 best (1.0) and gold 0 less well (0.8); pred 1 fits gold 0 only (0.6).
    const gold = [iv([0, 10]), iv([0, 8])];
    const preds = [iv([0, 8]), iv([0, 20])];
    const r = pairClaims(gold, [false, false], preds);
    const byGold = new Map(r.pairs.map((p) => [p.gold, p.pred]));
    assert.equal(byGold.get(1), 0);
    assert.equal(byGold.get(0), 1);
    assert.deepEqual(r.falsePositives, []);
    assert.deepEqual(r.misses, []);
  });

  it('pairs each gold with at most one prediction: a duplicate is a false positive', () => {
    const r = pairClaims([iv([0, 10])], [false], [iv([0, 10]), iv([0, 9])]);
    assert.equal(r.pairs.length, 1);
    assert.equal(r.pairs[0].pred, 0);
    assert.deepEqual(r.falsePositives, [1]);
  });

  it('ignores predictions matching optional gold, and optional gold is never a miss', () => {
    const r = pairClaims([iv([0, 10]), iv([20, 30])], [false, true], [iv([20, 30]), iv([21, 30]), iv([40, 50])]);
    assert.equal(r.pairs.length, 0, 'pairs with optional gold are not scored');
    assert.deepEqual(r.ignoredPreds, [0, 1], 'both the pair and the leftover match of the optional gold are ignored');
    assert.deepEqual(r.falsePositives, [2]);
    assert.deepEqual(r.misses, [0]);
  });

  it('a prediction fitting optional gold best is ignored even if it also fits required gold', () => {
    const r = pairClaims([iv([0, 20]), iv([0, 12])], [false, true], [iv([0, 12])]);
    assert.deepEqual(r.ignoredPreds, [0]);
    assert.deepEqual(r.misses, [0]);
    assert.deepEqual(r.falsePositives, []);
  });
});

describe('eval metrics: actor mapping', () => {
  const gold = indexGoldActors([
    { name: 'Denise Harrow', kind: 'person', aliases: ['Mayor Denise Harrow', 'Harrow', 'the mayor'] },
    { name: 'Eastbrook City Council', kind: 'organization', aliases: ['the council', 'council'] },
    { name: 'Tom Harrow', kind: 'person', aliases: ['Tom Harrow'], optional: true },
  ]);

  it('normalises case, a leading "the" and punctuation', () => {
    assert.equal(normalizeName('The Mayor,'), 'mayor');
    assert.equal(normalizeName('  the   U.S. Senate '), 'u s senate');
    assert.equal(normalizeName('Theodore'), 'theodore');
  });

  it('maps to the gold actor most name and mention texts are aliases of; pronouns do not vote', () => {
    assert.equal(mapActor(actor('a', 'The Mayor', ['the mayor', 'she', 'she', 'Harrow']), gold), 0);
    assert.equal(mapActor(actor('b', 'council', ['The Council', 'it']), gold), 1);
    // Two texts for the council, one for the mayor: the council wins.
    assert.equal(mapActor(actor('c', 'Harrow', ['the council', 'the Council']), gold), 1);
  });

  it('returns -1 when no text is anybody\'s alias', () => {
    assert.equal(mapActor(actor('d', 'Police', ['police', 'they']), gold), -1);
  });

  it('breaks a tie in favour of the gold actor the predicted name belongs to', () => {
    assert.equal(mapActor(actor('e', 'the council', ['Harrow']), gold), 1);
    assert.equal(mapActor(actor('f', 'Harrow', ['the council']), gold), 0);
  });
});

describe('eval metrics: scoring a newsroom document', () => {
  const text =
    'Mayor Denise Harrow said the budget was balanced. "We will not borrow," the council said. ' +
    'Taxes rose 4 percent last year. The plan went according to plan. Critics called it "a \'fix\'" on Tuesday.';
  const doc: GoldDocument = {
    id: 'demo',
    style: 'actors',
    text,
    actors: [
      { name: 'Denise Harrow', kind: 'person', aliases: ['Mayor Denise Harrow', 'Harrow'] },
      { name: 'Eastbrook City Council', kind: 'organization', aliases: ['the council'] },
      { name: 'Critics', kind: 'group', aliases: ['Critics'], optional: true },
    ],
    attributions: [
      { source_actor: 'Denise Harrow', type: 'indirect', source: sp(text, 'Mayor Denise Harrow'), cue: sp(text, 'said'), content: sp(text, 'the budget was balanced'), optional: false },
      { source_actor: 'Eastbrook City Council', type: 'direct', source: sp(text, 'the council'), cue: sp(text, 'said', 1), content: sp(text, '"We will not borrow,"'), optional: false },
      { source_actor: 'Critics', type: 'direct', source: sp(text, 'Critics'), cue: sp(text, 'called'), content: sp(text, '"a \'fix\'"'), optional: true },
    ],
    unattributed: [sp(text, 'Taxes rose 4 percent last year.')],
    not_attributions: [sp(text, 'according to plan'), sp(text, "'fix'")],
  };

  it('counts content and content+speaker pairs, actors, unattributed and tripped not_attributions', () => {
    const actors = [
      actor('A1', 'Denise Harrow', ['Mayor Denise Harrow']),
      actor('A2', 'Harrow', ['Harrow']), // split: also maps to Denise Harrow
      actor('A3', 'Planners', ['planners']), // maps to nobody: actor false positive
      actor('A4', 'Critics', ['Critics']), // optional gold: excluded
    ];
    const claims = [
      claim('c1', sp(text, 'the budget was balanced.'), { actor: 'A1', type: 'indirect', cue: sp(text, 'said') }),
      claim('c2', sp(text, 'We will not borrow'), { actor: 'A2', type: 'direct', cue: sp(text, 'said', 1) }), // wrong speaker
      claim('c3', sp(text, 'The plan went according to plan.'), { actor: null, type: 'according-to', cue: sp(text, 'according to') }), // FP, trips
      claim('c4', sp(text, '"a \'fix\'"'), { actor: 'A4' }), // matches optional gold: ignored; trips 'fix' but excused
    ];
    const d = scoreDocument(doc, { actors, claims, unattributed: [sp(text, 'Taxes rose 4 percent'), sp(text, 'on Tuesday')] });
    const m = summarize(d.counts);
    assert.deepEqual(d.pairing.misses, []);
    assert.deepEqual(d.pairing.falsePositives, [2]);
    assert.deepEqual(d.pairing.ignoredPreds, [3]);
    assert.deepEqual([m.content.tp, m.content.pred, m.content.gold], [2, 3, 2]);
    assert.deepEqual([m.contentSpeaker.tp, m.contentSpeaker.pred, m.contentSpeaker.gold], [1, 3, 2]);
    assert.equal(m.contentSpeaker.p, 1 / 3);
    assert.equal(m.contentSpeaker.r, 1 / 2);
    assert.deepEqual([m.speakerAccuracy.num, m.speakerAccuracy.den], [1, 2]);
    assert.deepEqual([m.cueAccuracy.num, m.typeAccuracy.num], [2, 2]);
    assert.deepEqual(m.recallByType, { direct: { value: 1, num: 1, den: 1 }, indirect: { value: 1, num: 1, den: 1 } });
    // Actors: A1, A2 -> Denise Harrow; A3 -> nothing; A4 -> optional (excluded from both sides).
    assert.ok(m.actors);
    assert.deepEqual([m.actors.predMapped, m.actors.pred, m.actors.goldFound, m.actors.gold, m.actors.splits], [2, 3, 1, 2, 1]);
    assert.ok(m.unattributed);
    assert.deepEqual([m.unattributed.predHit, m.unattributed.pred, m.unattributed.goldFound, m.unattributed.gold], [1, 2, 1, 1]);
    // Both not_attributions are tripped under the README rule; only "according to plan" by a wrong claim.
    assert.deepEqual(m.notAttributions, { tripped: 2, trippedByErrors: 1, total: 2 });
  });

  it('a cue alone overlapping a not_attribution trips it', () => {
    const claims = [claim('c1', sp(text, 'The plan went'), { cue: sp(text, 'according') })];
    const m = summarize(scoreDocument(doc, { actors: [], claims, unattributed: [] }).counts);
    assert.equal(m.notAttributions.tripped, 1);
  });

  it('newsroom-style gold counts reported speech only: a stance is neither a match nor a false positive', () => {
    const stances = [claim('s1', sp(text, 'the budget was balanced.'), { actor: 'A1' })];
    const m = summarize(scoreDocument(doc, { actors: [], claims: [], unattributed: [], stances }).counts);
    assert.equal(m.content.tp, 0);
    assert.equal(m.content.pred, 0);
  });

  it('an empty engine output scores zero, not NaN', () => {
    const m = summarize(scoreDocument(doc, { actors: [], claims: [], unattributed: [] }).counts);
    assert.deepEqual([m.content.p, m.content.r, m.content.f1], [0, 0, 0]);
    assert.equal(m.speakerAccuracy.value, null);
    assert.equal(m.actors!.f1, 0);
  });
});

describe('eval metrics: PolNeAR speaker by source span', () => {
  const text = 'Smith said taxes will rise. Polls show a close race.';
  const doc: GoldDocument = {
    id: 'p', style: 'spans', text,
    attributions: [
      { type: 'indirect', source: sp(text, 'Smith'), cue: sp(text, 'said'), content: sp(text, 'taxes will rise.') },
      { type: 'indirect', source: null, cue: sp(text, 'show'), content: sp(text, 'a close race.') },
    ],
  };

  it('counts the speaker when source spans overlap, or when both are absent', () => {
    const good = [
      claim('a', sp(text, 'taxes will rise'), { source: sp(text, 'Smith said'), type: 'indirect' }),
      claim('b', sp(text, 'a close race'), { source: null, type: 'indirect' }),
    ];
    const m = summarize(scoreDocument(doc, { actors: [], claims: good, unattributed: [] }).counts);
    assert.equal(m.contentSpeaker.tp, 2);
    assert.equal(m.actors, null, 'no actor metrics for PolNeAR');
    assert.equal(m.unattributed, null);
  });

  it('a missing or wrong predicted source is a speaker error', () => {
    const bad = [
      claim('a', sp(text, 'taxes will rise'), { source: null }),
      claim('b', sp(text, 'a close race'), { source: sp(text, 'Polls') }),
    ];
    const m = summarize(scoreDocument(doc, { actors: [], claims: bad, unattributed: [] }).counts);
    assert.equal(m.content.tp, 2);
    assert.equal(m.contentSpeaker.tp, 0);
  });

  it('scores stances against PolNeAR-style gold, which counts beliefs and evidence', () => {
    const claims = [claim('a', sp(text, 'taxes will rise'), { source: sp(text, 'Smith') })];
    const stances = [claim('s1', sp(text, 'a close race'), { source: null })];
    const d = scoreDocument(doc, { actors: [], claims, unattributed: [], stances });
    const m = summarize(d.counts);
    assert.equal(m.content.tp, 2);
    assert.equal(d.counts.predStances, 1);
    assert.equal(summarize(scoreDocument(doc, { actors: [], claims, unattributed: [] }).counts).content.tp, 1);
  });

  it('compares fragments with fragments when both sides have them', () => {
    const t = '"Taxes," Smith said of the long plan that nobody read, "will rise."';
    const a = sp(t, '"Taxes,"');
    const b = sp(t, '"will rise."');
    const whole = { start: a.start, end: b.end, text: t.slice(a.start, b.end) };
    const g: GoldDocument = {
      id: 'f', style: 'spans', text: t,
      attributions: [{ type: 'direct', source: sp(t, 'Smith'), cue: sp(t, 'said'), content: { ...whole, fragments: [a, b] } }],
    };
    const outer = summarize(scoreDocument(g, { actors: [], claims: [claim('w', whole)], unattributed: [] }).counts);
    assert.equal(outer.content.tp, 0, 'the whole span is mostly the interruption: Dice < 0.5');
    const pieces = summarize(scoreDocument(g, { actors: [], claims: [claim('w', { ...whole, fragments: [a, b] })], unattributed: [] }).counts);
    assert.equal(pieces.content.tp, 1);
  });
});

describe('eval metrics: micro-averaging and floors', () => {
  it('sums counts over documents before dividing (micro, not macro)', () => {
    const a = emptyCounts();
    Object.assign(a, { documents: 1, goldRequired: 1, pairs: 1, predScored: 1, speakerCorrect: 1 });
    const b = emptyCounts();
    Object.assign(b, { documents: 1, goldRequired: 3, pairs: 0, predScored: 0 });
    const total = addCounts(addCounts(emptyCounts(), a), b);
    const m = summarize(total);
    assert.equal(total.documents, 2);
    assert.equal(m.content.r, 0.25, 'macro would give 0.5');
    assert.equal(m.content.p, 1);
    assert.equal(m.content.f1, prf(1, 1, 1, 4).f1);
  });

  it('flags a metric below its floor, ignores null floors, and handles lower-is-better', () => {
    const c = emptyCounts();
    Object.assign(c, { documents: 1, goldRequired: 4, pairs: 2, predScored: 2, speakerCorrect: 1, notAttributions: 3, notAttributionsTripped: 2, notAttributionsTrippedByErrors: 1 });
    const m = summarize(c);
    const r = checkFloors('x', m, {
      'content.f1': { target: 0.9, floor: 0.5 },
      'contentSpeaker.f1': { target: 0.9, floor: 0.5 },
      notAttributionsTrippedByErrors: { target: 0, floor: 0, better: 'lower' },
      notAttributionsTripped: { target: 0, floor: null, better: 'lower' },
      'no.such.metric': { target: 1, floor: 0.1 },
    });
    assert.deepEqual(r.map((x) => x.ok), [true, false, false, true, false]);
    assert.match(r[1].message, /BELOW FLOOR/);
    assert.match(r[2].message, /ABOVE CEILING/);
  });

  it('spansOverlap needs a shared character', () => {
    assert.equal(spansOverlap({ start: 0, end: 5 }, { start: 5, end: 9 }), false);
    assert.equal(spansOverlap({ start: 0, end: 6 }, { start: 5, end: 9 }), true);
    assert.equal(spansOverlap(null, { start: 0, end: 1 }), false);
  });
});
