// A hand-built analysis with stances (`Analysis.stances`), for the view-model tests (no engine involved).
// Offsets are computed from the text so they stay honest when the text changes.
import type { Actor, Analysis, Claim, Range, Span } from '../../src/core/types';

export const STANCE_LINES = {
  quote: '"We will not close the library," Mayor Jane Doe said.', // line 1: claim c1
  plan: 'Doe plans to veto the transit levy.', // line 3: stance s1, held by Jane Doe
  passive: 'The contractor was accused of inflating the repair bills.', // line 5: stance s2, agentless passive
  board: 'The board criticized the contract.', // line 7: stance s3, holder named but not an actor
  both: 'Doe said the roof would be fixed and wants a recount of the vote.', // line 9: claim c2 and stance s4
  opposes: 'The council opposes the budget cut of 4 percent.', // line 11: stance s5, sentence still unattributed
  neither: 'The weather was fine.', // line 13: nothing
};

export const STANCE_TEXT = [
  STANCE_LINES.quote,
  '',
  STANCE_LINES.plan,
  '',
  STANCE_LINES.passive,
  '',
  STANCE_LINES.board,
  '',
  STANCE_LINES.both,
  '',
  STANCE_LINES.opposes,
  '',
  STANCE_LINES.neither,
  '',
].join('\n');

/** The span of `needle` at or after `from` (an offset, or the start of a sample line). */
export function stanceSpan(needle: string, from: number | string = 0): Span {
  const origin = typeof from === 'number' ? from : STANCE_TEXT.indexOf(from);
  const start = STANCE_TEXT.indexOf(needle, origin);
  if (start < 0 || origin < 0) throw new Error(`not in sample: ${needle}`);
  return { start, end: start + needle.length, text: needle };
}

function sentence(line: string): Range {
  const s = stanceSpan(line);
  return { start: s.start, end: s.end };
}

function record(id: string, content: Span, cue: Span, source: Span | null, actor: string | null, line: string): Claim {
  return { id, type: 'indirect', content, cue, source, actor, via: [], sentence: sentence(line), hedges: [], tone: 'neutral', quotes: [] };
}

export function stanceAnalysis(): Analysis {
  const L = STANCE_LINES;
  const actors: Actor[] = [
    {
      id: 'jane-doe',
      name: 'Jane Doe',
      kind: 'person',
      title: 'Mayor',
      aliases: ['Mayor Jane Doe', 'Doe'],
      mentions: [stanceSpan('Mayor Jane Doe'), stanceSpan('Doe', L.plan), stanceSpan('Doe', L.both)],
    },
    { id: 'council', name: 'the council', kind: 'organization', title: null, aliases: [], mentions: [stanceSpan('The council')] },
  ];
  const claims: Claim[] = [
    {
      ...record('c1', stanceSpan('We will not close the library,'), stanceSpan('said', L.quote), stanceSpan('Mayor Jane Doe'), 'jane-doe', L.quote),
      type: 'direct',
      quotes: [stanceSpan('"We will not close the library,"')],
    },
    record('c2', stanceSpan('the roof would be fixed'), stanceSpan('said', L.both), stanceSpan('Doe', L.both), 'jane-doe', L.both),
  ];
  const stances: Claim[] = [
    record('s1', stanceSpan('veto the transit levy'), stanceSpan('plans to'), stanceSpan('Doe', L.plan), 'jane-doe', L.plan),
    record('s2', stanceSpan('The contractor was accused of inflating the repair bills'), stanceSpan('accused'), null, null, L.passive),
    record('s3', stanceSpan('the contract', L.board), stanceSpan('criticized'), stanceSpan('The board'), null, L.board),
    record('s4', stanceSpan('a recount of the vote'), stanceSpan('wants'), stanceSpan('Doe', L.both), 'jane-doe', L.both),
    record('s5', stanceSpan('the budget cut of 4 percent'), stanceSpan('opposes'), stanceSpan('The council'), 'council', L.opposes),
  ];
  return {
    version: 1,
    actors,
    claims,
    sentences: [
      { ...sentence(L.quote), claims: ['c1'] },
      { ...sentence(L.plan), claims: [] },
      { ...sentence(L.passive), claims: [] },
      { ...sentence(L.board), claims: [] },
      { ...sentence(L.both), claims: ['c2'] },
      { ...sentence(L.opposes), claims: [] },
      { ...sentence(L.neither), claims: [] },
    ],
    // The engine's call: a stance does not make a sentence with a figure sourced.
    unattributed: [stanceSpan(L.opposes)],
    findings: [
      {
        ...sentence(L.opposes),
        rule: 'unattributed-claim',
        severity: 'warning',
        message: 'This sentence states a fact without a source.',
        standard: 'AP/Reuters: a fact the reporter did not witness needs a source the reader can see.',
      },
    ],
    stances,
  };
}
