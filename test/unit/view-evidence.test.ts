// View models of quote evidence and the source register: hover lines, tree badges and register rows,
// Open Evidence targets, export columns, and the transcript-wording quick fix. Hand-built analyses only.
import * as assert from 'assert';
import type { Analysis, Evidence, RegisterEntry } from '../../src/core/types';
import {
  claimVerdict,
  diffMarkdown,
  diffPlain,
  evidenceAt,
  evidenceBadge,
  evidenceMarkdown,
  evidenceSummary,
  evidenceTargets,
  registerBadge,
  registerFacts,
  sourceWording,
  sourceWordingEdit,
  sourcesFolder,
  withoutUnmatchedMaterial,
} from '../../src/vscode/view/evidence';
import { exportSources, sourceRows } from '../../src/vscode/view/export';
import { HOVER_COMMANDS, hoverModel } from '../../src/vscode/view/hover';
import { statusModel } from '../../src/vscode/view/status';
import { actorGroups, childrenOf, present } from '../../src/vscode/view/tree';
import type { ActorNode, ClaimNode } from '../../src/vscode/view/tree';
import { SAMPLE_TEXT, sampleAnalysis, span } from './view-sample';

const QUOTE = '"We will not close the library,"';
const SECRET = 'PRIVATE-NOTE-xyz';

function fragment() {
  return span(QUOTE);
}

function exact(): Evidence {
  return { fragment: fragment(), verdict: 'exact', file: 'sources/call-readout.txt', line: 14 };
}

function reworded(): Evidence {
  return {
    fragment: fragment(),
    verdict: 'reworded',
    file: 'sources/interview.vtt',
    line: 22,
    timestamp: '00:03:14.200',
    speaker: 'DOE',
    diff: [
      { op: 'equal', text: 'We will not' },
      { op: 'draft', text: 'close' },
      { op: 'source', text: 'shut' },
      { op: 'equal', text: 'the library' },
    ],
  };
}

function notFound(): Evidence {
  return { fragment: fragment(), verdict: 'not-found', file: null, line: null };
}

function withEvidence(...evidence: Evidence[]): Analysis {
  const analysis = sampleAnalysis();
  analysis.claims[0].evidence = evidence;
  return analysis;
}

const anonymousEntry = (): RegisterEntry => ({
  name: 'a city official',
  aliases: [],
  role: 'budget office',
  onRecord: false,
  reason: 'not authorised to speak',
  howTheyKnow: null,
  description: 'a city official',
  labels: [],
  contactNotes: SECRET,
});

function withRegister(): Analysis {
  const analysis = sampleAnalysis();
  const official = analysis.actors.find((actor) => actor.id === 'official');
  assert.ok(official);
  official.register = anonymousEntry();
  const jane = analysis.actors.find((actor) => actor.id === 'jane-doe');
  assert.ok(jane);
  jane.register = { name: 'Jane Doe', aliases: [], role: 'Mayor', onRecord: true, reason: null, howTheyKnow: null, description: null, labels: ['DOE'] };
  return analysis;
}

const at = (needle: string) => {
  const offset = SAMPLE_TEXT.indexOf(needle) + 1;
  return { start: offset, end: offset };
};

describe('view: evidence', () => {
  it('words each verdict with where it matched', () => {
    assert.strictEqual(evidenceSummary(exact()), 'exact — sources/call-readout.txt:14');
    assert.strictEqual(evidenceSummary(reworded()), 'reworded — sources/interview.vtt:22 @ 00:03:14.200 (diff: We will not {close → shut} the library)');
    assert.strictEqual(evidenceSummary({ ...exact(), verdict: 'ellipsis', skippedWords: 12 }), 'ellipsis — skipped 12 words — sources/call-readout.txt:14');
    assert.strictEqual(evidenceSummary({ ...exact(), verdict: 'normalized' }), 'matches except punctuation/case/typographic quotes — sources/call-readout.txt:14');
    assert.strictEqual(evidenceSummary(notFound()), 'not found in sources/');
    assert.strictEqual(evidenceSummary(notFound(), 'material/'), 'not found in material/');
  });

  it('renders the diff as plain text and as Markdown', () => {
    const diff = reworded().diff ?? [];
    assert.strictEqual(diffPlain(diff), 'We will not {close → shut} the library');
    assert.strictEqual(diffPlain([{ op: 'equal', text: 'a' }, { op: 'draft', text: 'really' }, { op: 'equal', text: 'b' }, { op: 'source', text: 'very' }]), 'a {really →} b {→ very}');
    assert.strictEqual(diffMarkdown(diff), 'We will not ~~close~~ **shut** the library');
  });

  it('names the folder of the sources glob', () => {
    assert.strictEqual(sourcesFolder('sources/**'), 'sources/');
    assert.strictEqual(sourcesFolder('material/interviews/*.vtt'), 'material/interviews/');
    assert.strictEqual(sourcesFolder('**/*.txt'), 'the source material');
  });

  it('names the draft\'s own sources: list too when the draft lists material of its own', () => {
    // Whether it does is read by the engine's front-matter parser (register.test.ts) when the draft is analysed.
    assert.strictEqual(evidenceSummary(notFound(), 'sources/', true), "not found in sources/ or this draft's sources: list");
    assert.strictEqual(evidenceMarkdown(notFound(), 'sources/', true), "**not found** in `sources/` or this draft's `sources:` list");
    assert.strictEqual(evidenceMarkdown(notFound(), 'sources/'), '**not found** in `sources/`');
    const hover = hoverModel(withEvidence(notFound()), at('close the library'), { sourcesFolder: 'sources/', draftListsSources: true });
    assert.match(hover?.markdown ?? '', /Evidence: \*\*not found\*\* in `sources\/` or this draft's `sources:` list/);
  });

  it('ends the hover chain in the evidence, with an Open Evidence link', () => {
    assert.ok((HOVER_COMMANDS as readonly string[]).includes('sourceTrace.openEvidence'));
    const links: string[] = [];
    const model = hoverModel(withEvidence(exact()), at('close the library'), {
      commandLink: (command, args) => {
        links.push(`${command} ${JSON.stringify(args)}`);
        return `command:${command}`;
      },
    });
    assert.ok(model);
    assert.match(model.markdown, /Evidence: \*\*exact\*\* — `sources\/call-readout\.txt:14`/);
    assert.ok(model.markdown.includes('[Open Evidence](command:sourceTrace.openEvidence)'));
    assert.ok(links.includes('sourceTrace.openEvidence ["c1"]'));

    const differs = hoverModel(withEvidence(reworded()), at('close the library'));
    assert.ok(differs);
    assert.match(differs.markdown, /\*\*reworded\*\* — `sources\/interview\.vtt:22 @ 00:03:14\.200` \(DOE\) \(diff: We will not ~~close~~ \*\*shut\*\* the library\)/);

    const missing = hoverModel(withEvidence(notFound()), at('close the library'), { commandLink: () => 'command:x', sourcesFolder: 'sources/' });
    assert.ok(missing);
    assert.match(missing.markdown, /Evidence: \*\*not found\*\* in `sources\/`/);
    assert.ok(!missing.markdown.includes('Open Evidence'), 'nothing to open when the quote was not found');
  });

  it('leaves the hover unchanged when no material was given', () => {
    const model = hoverModel(sampleAnalysis(), at('close the library'));
    assert.ok(model);
    assert.ok(!model.markdown.includes('Evidence'));
  });

  it('badges a claim with its weakest fragment', () => {
    const analysis = withEvidence(exact(), reworded());
    assert.strictEqual(claimVerdict(analysis.claims[0]), 'reworded');
    assert.strictEqual(evidenceBadge(analysis.claims[0]), '≠ reworded');
    assert.strictEqual(evidenceBadge(withEvidence(exact()).claims[0]), '✓ exact');
    assert.strictEqual(evidenceBadge(withEvidence(exact(), notFound()).claims[0]), '? not found');
    assert.strictEqual(evidenceBadge(sampleAnalysis().claims[0]), undefined);
    const groups = actorGroups(withEvidence(reworded()));
    const jane = groups.flatMap((group) => group.actors).find((node) => node.actor.id === 'jane-doe');
    assert.ok(jane);
    const look = present(jane.claims[0] as ClaimNode, 'claims');
    assert.match(look.description ?? '', /≠ reworded/);
    assert.match(look.tooltip, /Evidence: reworded/);
    assert.strictEqual(look.contextValue, 'claim.direct.evidence');
    const unmatched = actorGroups(withEvidence(notFound())).flatMap((group) => group.actors).find((node) => node.actor.id === 'jane-doe');
    assert.strictEqual(present(unmatched?.claims[0] as ClaimNode).contextValue, 'claim.direct');
  });

  it('counts unverified quotes in the status bar', () => {
    assert.strictEqual(statusModel(withEvidence(exact())).text, '5 claims · 1 unattributed · 1 anonymous');
    const model = statusModel(withEvidence(reworded(), notFound()));
    assert.strictEqual(model.text, '5 claims · 1 unattributed · 1 anonymous · 2 quotes unverified');
    assert.match(model.tooltip, /Quotes against the source material: 1 reworded, 1 not found/);
    assert.doesNotMatch(statusModel(sampleAnalysis()).tooltip, /Quotes/);
  });

  it('lists Open Evidence targets only for fragments that matched a line', () => {
    const targets = evidenceTargets(withEvidence(exact(), notFound(), reworded()).claims);
    assert.deepStrictEqual(
      targets.map((target) => [target.claimId, target.index, target.file, target.line]),
      [
        ['c1', 0, 'sources/call-readout.txt', 14],
        ['c1', 2, 'sources/interview.vtt', 22],
      ],
    );
    assert.strictEqual(targets[0].label, '“We will not close the library,”');
  });

  it('offers the transcript wording inside the draft quotation marks, and nothing for exact quotes', () => {
    const evidence = reworded();
    assert.strictEqual(sourceWording(evidence), 'We will not shut the library');
    const edit = sourceWordingEdit(evidence);
    assert.ok(edit);
    assert.strictEqual(edit.text, 'We will not shut the library,');
    assert.strictEqual(SAMPLE_TEXT.slice(edit.start, edit.end), 'We will not close the library,');
    assert.strictEqual(sourceWordingEdit(exact()), null);
    assert.strictEqual(sourceWordingEdit(notFound()), null);
    // The engine's own record of the source words wins over the diff.
    assert.strictEqual(sourceWordingEdit({ ...evidence, sourceText: 'We won’t shut the library' })?.text, 'We won’t shut the library,');
  });

  it('drops workspace-wide material that matches none of the draft quotes', () => {
    const unmatched = withEvidence(notFound());
    unmatched.findings.push({ ...fragment(), rule: 'quote-not-found', severity: 'warning', message: 'not found', standard: 'AP' });
    const dropped = withoutUnmatchedMaterial(unmatched);
    assert.strictEqual(dropped.claims[0].evidence, undefined);
    assert.deepStrictEqual(dropped.findings.map((finding) => finding.rule), ['unattributed-claim', 'loaded-cue']);
    const matched = withEvidence(exact(), notFound());
    assert.strictEqual(withoutUnmatchedMaterial(matched), matched);
    const unchecked = sampleAnalysis();
    assert.strictEqual(withoutUnmatchedMaterial(unchecked), unchecked);
  });

  it('finds the evidence a diagnostic range is about', () => {
    const analysis = withEvidence(reworded());
    const found = evidenceAt(analysis, { start: fragment().start + 3, end: fragment().start + 8 });
    assert.strictEqual(found?.claim.id, 'c1');
    assert.strictEqual(evidenceAt(analysis, { start: 0, end: 2 }), null);
  });
});

describe('view: source register', () => {
  it('shows an actor its register facts, never its contact notes', () => {
    const facts = registerFacts(anonymousEntry());
    assert.deepStrictEqual(
      facts.map((fact) => [fact.label, fact.value, fact.missing]),
      [
        ['Standing', 'anonymous', false],
        ['Role', 'budget office', false],
        ['Agreed description', 'a city official', false],
        ['Why anonymous', 'not authorised to speak', false],
        ['How they know', 'not recorded', true],
      ],
    );
    assert.strictEqual(registerBadge(anonymousEntry()), 'anonymous · reason ✓ · how they know ✗');

    const groups = actorGroups(withRegister());
    const official = groups.flatMap((group) => group.actors).find((node) => node.actor.id === 'official') as ActorNode;
    const look = present(official);
    assert.match(look.description ?? '', /anonymous · reason ✓/);
    assert.match(look.tooltip, /Why anonymous: not authorised to speak/);
    const children = childrenOf(official);
    assert.deepStrictEqual(
      children.slice(0, 5).map((node) => (node.type === 'register' ? present(node).label : node.type)),
      ['Standing: anonymous', 'Role: budget office', 'Agreed description: a city official', 'Why anonymous: not authorised to speak', 'How they know: not recorded'],
    );
    assert.strictEqual(children[5].type, 'claim');
    const rendered = JSON.stringify(children.map((node) => present(node))) + JSON.stringify(look);
    assert.ok(!rendered.includes(SECRET), 'contact notes leaked into the tree');

    const jane = groups.flatMap((group) => group.actors).find((node) => node.actor.id === 'jane-doe') as ActorNode;
    assert.match(present(jane).description ?? '', /Mayor · 1 claim · on the record · Mayor/);
  });

  it('exports register details only on request, and contact notes only when allowed', () => {
    const analysis = withRegister();
    const plain = exportSources('markdown', analysis, SAMPLE_TEXT);
    assert.ok(!plain.includes('Why anonymous'));
    assert.ok(!plain.includes(SECRET));
    assert.deepStrictEqual(Object.keys(sourceRows(analysis, SAMPLE_TEXT)[0]).includes('register'), false);

    const withDetails = exportSources('markdown', analysis, SAMPLE_TEXT, null, { register: true });
    assert.match(withDetails, /\| Actor \| Kind \| Title \| Type \| Cue \| Claim \| On record \| Role \| Why anonymous \| How they know \| Agreed description \| Line \|/);
    assert.match(withDetails, /\| a city official \| anonymous source \|.*\| anonymous \| budget office \| not authorised to speak \| {2}\| a city official \| 9 \|/);
    assert.ok(!withDetails.includes(SECRET));
    const csv = exportSources('csv', analysis, SAMPLE_TEXT, null, { register: true });
    assert.ok(csv.startsWith('Actor,Kind,Title,Type,Cue,Claim,On record,Role,Why anonymous,How they know,Agreed description,Line\r\n'));
    assert.ok(!csv.includes(SECRET));
    const json = JSON.parse(exportSources('json', analysis, SAMPLE_TEXT, null, { register: true }));
    const official = json.actors.find((actor: { name: string }) => actor.name === 'a city official');
    assert.strictEqual(official.register.reason, 'not authorised to speak');
    assert.strictEqual(official.register.contactNotes, undefined);
    assert.ok(!JSON.stringify(json).includes(SECRET));
    // contactNotes without register: still nothing.
    assert.ok(!exportSources('csv', analysis, SAMPLE_TEXT, null, { contactNotes: true }).includes(SECRET));

    const allowed = exportSources('csv', analysis, SAMPLE_TEXT, null, { register: true, contactNotes: true });
    assert.ok(allowed.includes('Contact notes'));
    assert.ok(allowed.includes(SECRET));
    assert.ok(exportSources('json', analysis, SAMPLE_TEXT, null, { register: true, contactNotes: true }).includes(SECRET));
  });
});
