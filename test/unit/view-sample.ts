// A hand-built analysis of a small fictional draft, for the view-model tests (no engine involved).
// Offsets are computed from the text so they stay honest when the text changes.
import type { Actor, Analysis, Claim, Finding, Span } from '../../src/core/types';

export const SAMPLE_TEXT = [
  '# Harbour council votes', // line 1
  '',
  '"We will not close the library," Mayor Jane Doe said.', // line 3
  '',
  'The council approved a budget of 4.2 million euros on Tuesday.', // line 5
  '',
  'Council member Tom Reyes claimed that the vote had been rushed.', // line 7
  '',
  'A city official, who was not authorised to speak, reportedly said the library would lose funding.', // line 9
  '',
  'According to the Harbour Gazette, the library has 12,000 members.', // line 11
  '',
  'The mayor said inspectors had reported cracks in the roof.', // line 13
  '',
  'The weather was fine.', // line 15
  '',
].join('\n');

/** The span of the n-th occurrence (0-based) of `needle` at or after `from`. */
export function span(needle: string, from = 0): Span {
  const start = SAMPLE_TEXT.indexOf(needle, from);
  if (start < 0) throw new Error(`not in sample: ${needle}`);
  return { start, end: start + needle.length, text: needle };
}

function sentence(text: string) {
  const s = span(text);
  return { start: s.start, end: s.end };
}

const line3 = '"We will not close the library," Mayor Jane Doe said.';
const line5 = 'The council approved a budget of 4.2 million euros on Tuesday.';
const line7 = 'Council member Tom Reyes claimed that the vote had been rushed.';
const line9 = 'A city official, who was not authorised to speak, reportedly said the library would lose funding.';
const line11 = 'According to the Harbour Gazette, the library has 12,000 members.';
const line13 = 'The mayor said inspectors had reported cracks in the roof.';
const line15 = 'The weather was fine.';

export function sampleAnalysis(): Analysis {
  const actors: Actor[] = [
    {
      id: 'jane-doe',
      name: 'Jane Doe',
      kind: 'person',
      title: 'Mayor',
      aliases: ['Mayor Jane Doe', 'the mayor'],
      mentions: [span('Mayor Jane Doe'), span('The mayor')],
    },
    {
      id: 'tom-reyes',
      name: 'Tom Reyes',
      kind: 'person',
      title: 'Council member',
      aliases: ['Council member Tom Reyes'],
      mentions: [span('Council member Tom Reyes')],
    },
    { id: 'official', name: 'a city official', kind: 'anonymous', title: null, aliases: [], mentions: [span('A city official')] },
    { id: 'gazette', name: 'Harbour Gazette', kind: 'document', title: null, aliases: ['the Harbour Gazette'], mentions: [span('the Harbour Gazette')] },
    { id: 'council', name: 'the council', kind: 'organization', title: null, aliases: [], mentions: [span('The council')] },
    { id: 'inspectors', name: 'inspectors', kind: 'group', title: null, aliases: [], mentions: [span('inspectors')] },
  ];
  const claims: Claim[] = [
    {
      id: 'c1',
      type: 'direct',
      content: span('We will not close the library,'),
      cue: span('said', span(line3).start),
      source: span('Mayor Jane Doe'),
      actor: 'jane-doe',
      via: [],
      sentence: sentence(line3),
      hedges: [],
      tone: 'neutral',
      quotes: [span('"We will not close the library,"')],
    },
    {
      id: 'c2',
      type: 'indirect',
      content: span('the vote had been rushed'),
      cue: span('claimed'),
      source: span('Council member Tom Reyes'),
      actor: 'tom-reyes',
      via: [],
      sentence: sentence(line7),
      hedges: [],
      tone: 'loaded',
      quotes: [],
    },
    {
      id: 'c3',
      type: 'indirect',
      content: span('the library would lose funding'),
      cue: span('said', span(line9).start),
      source: span('A city official'),
      actor: 'official',
      via: [],
      sentence: sentence(line9),
      hedges: [span('reportedly')],
      tone: 'neutral',
      quotes: [],
    },
    {
      id: 'c4',
      type: 'according-to',
      content: span('the library has 12,000 members'),
      cue: span('According to'),
      source: span('the Harbour Gazette'),
      actor: 'gazette',
      via: [],
      sentence: sentence(line11),
      hedges: [],
      tone: 'neutral',
      quotes: [],
    },
    {
      id: 'c5',
      type: 'indirect',
      content: span('cracks in the roof'),
      cue: span('reported', span(line13).start),
      source: span('inspectors'),
      actor: 'inspectors',
      via: ['jane-doe'],
      sentence: sentence(line13),
      hedges: [],
      tone: 'neutral',
      quotes: [],
    },
  ];
  const findings: Finding[] = [
    {
      ...sentence(line5),
      rule: 'unattributed-claim',
      severity: 'warning',
      message: 'This sentence states a fact without a source.',
      standard: 'AP/Reuters: a fact the reporter did not witness needs a source the reader can see.',
    },
    {
      ...sentence('claimed'),
      rule: 'loaded-cue',
      severity: 'info',
      message: '"claimed" passes judgement; consider "said".',
      standard: 'AP/BBC: "said" is neutral.',
    },
  ];
  return {
    version: 1,
    actors,
    claims,
    sentences: [
      { ...sentence(line3), claims: ['c1'] },
      { ...sentence(line5), claims: [] },
      { ...sentence(line7), claims: ['c2'] },
      { ...sentence(line9), claims: ['c3'] },
      { ...sentence(line11), claims: ['c4'] },
      { ...sentence(line13), claims: ['c5'] },
      { ...sentence(line15), claims: [] },
    ],
    unattributed: [span(line5)],
    findings,
  };
}

export const LINES = { line3, line5, line7, line9, line11, line13, line15 };
