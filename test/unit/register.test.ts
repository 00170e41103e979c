// The source register (src/core/register.ts): YAML parsing with friendly keys, front matter,
// entries on actors, the register rules, and contact notes that never leak.
import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core/analyze';
import { createEvidenceIndex } from '../../src/core/evidence';
import {
  matchRegister,
  parseRegister,
  publicEntry,
  RegisterError,
  registerFromFrontMatter,
  sourceGlobsFromFrontMatter,
} from '../../src/core/register';
import { RULES } from '../../src/core/rules';
import type { Analysis, AnalyzeOptions, RuleId } from '../../src/core/types';

const SECRET = 'SECRET-NOTE-4410';

const OFFICIAL = `  - name: council official
    anonymous: true
    description: a council official who inspected the pier
    reason: Not authorised to speak to the press.
    how_they_know: Inspected the north pier in March.
    contact_notes: "${SECRET} Signal only, after 6pm"`;

function draft(entries: string, body: string): string {
  return `---\ntitle: Pier\nsources:\n${entries}\n---\n\n${body}\n`;
}

const OFFICIAL_SAYS =
  'A council official who inspected the pier, speaking on condition of anonymity because they were not authorised to speak to the press, said the north pier had been patched twice since 2020.';

function rules(analysis: Analysis): RuleId[] {
  return analysis.findings.map((f) => f.rule);
}

function anonymous(analysis: Analysis) {
  const actor = analysis.actors.find((a) => a.kind === 'anonymous');
  assert.ok(actor, JSON.stringify(analysis.actors.map((a) => a.name)));
  return actor;
}

describe('register: parsing', () => {
  it('reads friendly keys: on_record/onRecord, anonymous, how_they_know, labels as a list or a string, contact', () => {
    const entries = parseRegister(`
sources:
  - name: Grace Yoon
    aliases: [Yoon]
    role: Chair, residents' association
    onRecord: true
    labels: "Grace Yoon, YOON"
  - name: depot worker
    anonymous: true
    reason: Fears losing their job.
    how_they_know: Works the night shift at the depot.
    description: a depot worker
    labels: [Speaker 2]
    contact: call the landline
`);
    assert.equal(entries.length, 2);
    assert.deepEqual(entries[0], {
      name: 'Grace Yoon',
      aliases: ['Yoon'],
      role: "Chair, residents' association",
      onRecord: true,
      reason: null,
      howTheyKnow: null,
      description: null,
      labels: ['Grace Yoon', 'YOON'],
    });
    assert.equal(entries[1].onRecord, false);
    assert.equal(entries[1].reason, 'Fears losing their job.');
    assert.equal(entries[1].howTheyKnow, 'Works the night shift at the depot.');
    assert.equal(entries[1].description, 'a depot worker');
    assert.deepEqual(entries[1].labels, ['Speaker 2']);
    assert.equal(entries[1].contactNotes, 'call the landline');
  });

  it('accepts a bare list, a map of name → entry, and on_record: no', () => {
    assert.equal(parseRegister('- name: A\n- name: B\n').length, 2);
    const map = parseRegister('Helen Vasquez:\n  role: chair\nministry source:\n  on_record: no\n');
    assert.deepEqual(map.map((e) => [e.name, e.onRecord]), [['Helen Vasquez', true], ['ministry source', false]]);
    assert.deepEqual(parseRegister(''), []);
  });

  it('throws a RegisterError on invalid YAML', () => {
    assert.throws(() => parseRegister('sources: [unclosed'), RegisterError);
  });

  it('reads the front matter `sources:` block: mappings are register entries, strings are material globs', () => {
    const text = draft(`${OFFICIAL}\n  - interviews/**\n  - ../shared/readout.txt`, 'Body.');
    const entries = registerFromFrontMatter(text);
    assert.deepEqual(entries.map((e) => e.name), ['council official']);
    assert.deepEqual(sourceGlobsFromFrontMatter(text), ['interviews/**', '../shared/readout.txt']);
    assert.deepEqual(registerFromFrontMatter('No front matter here.'), []);
    assert.deepEqual(registerFromFrontMatter('---\ntitle: [broken\n---\nBody'), []);
  });

  it('drops contact notes from public copies unless asked', () => {
    const [entry] = parseRegister(`- name: X\n  contact_notes: ${SECRET}`);
    assert.equal(publicEntry(entry).contactNotes, undefined);
    assert.equal(publicEntry(entry, true).contactNotes, SECRET);
  });
});

describe('register: entries on actors', () => {
  it('attaches an entry to its actor by name, surname alias or anonymous description', () => {
    const text = draft(`${OFFICIAL}\n  - name: Rees\n    role: Council leader`, `${OFFICIAL_SAYS}\n\nCouncil leader Marta Rees said the north pier had been patched twice since 2020.`);
    const analysis = analyze(text);
    const rees = analysis.actors.find((a) => a.name === 'Marta Rees');
    assert.equal(rees?.register?.role, 'Council leader');
    assert.equal(anonymous(analysis).register?.description, 'a council official who inspected the pier');
  });

  it('matches each entry once, best fit first', () => {
    const entries = parseRegister('- name: Marta Rees\n- name: council official\n  anonymous: true\n');
    const analysis = analyze(`${OFFICIAL_SAYS}\n\nCouncil leader Marta Rees said the repairs were on schedule.`);
    const matched = matchRegister(analysis.actors, entries);
    assert.equal(matched.size, 2);
  });

  it('uses register labels to find the speaker in a transcript ("Speaker 2" is the depot worker)', () => {
    const material = createEvidenceIndex([
      { path: 'sources/a.txt', text: 'Speaker 1: The night shift was cancelled without notice.\n' },
      { path: 'sources/b.txt', text: 'Speaker 2: The night shift was cancelled without notice.\n' },
    ]);
    const text = 'Ana Ruiz, a driver at the depot, said: "The night shift was cancelled without notice."';
    const withLabel = analyze(text, { evidence: material, register: parseRegister('- name: Ana Ruiz\n  labels: [Speaker 2]\n') });
    const e = withLabel.claims.flatMap((c) => c.evidence ?? [])[0];
    assert.equal(e?.file, 'sources/b.txt', JSON.stringify(withLabel.claims));
    assert.equal(e.speaker, 'Speaker 2');
    const withOther = analyze(text, { evidence: material, register: parseRegister('- name: Ana Ruiz\n  labels: [Speaker 1]\n') });
    assert.equal(withOther.claims.flatMap((c) => c.evidence ?? [])[0]?.file, 'sources/a.txt');
  });
});

describe('register: rules', () => {
  const corroborated = `${OFFICIAL_SAYS}\n\nCouncil leader Marta Rees said the north pier had been patched twice since 2020.`;

  it('a complete entry, the agreed description and a second source: no register finding', () => {
    const analysis = analyze(draft(OFFICIAL, corroborated));
    assert.ok(anonymous(analysis).register, 'the entry is attached');
    const registerRules: RuleId[] = ['anonymous-no-reason', 'anonymous-no-knowledge', 'single-anonymous-source', 'sources-plural-single', 'anonymous-description-differs'];
    assert.deepEqual(rules(analysis).filter((r) => registerRules.includes(r)), []);
  });

  it('anonymous-no-reason and anonymous-no-knowledge when the entry lacks them, each with its standard', () => {
    const bare = '  - name: council official\n    anonymous: true\n    description: a council official who inspected the pier';
    const analysis = analyze(draft(bare, corroborated));
    const noReason = analysis.findings.find((f) => f.rule === 'anonymous-no-reason');
    assert.ok(noReason, JSON.stringify(analysis.findings));
    assert.match(noReason.message, /source register records no reason/);
    const noKnowledge = analysis.findings.find((f) => f.rule === 'anonymous-no-knowledge');
    assert.ok(noKnowledge);
    assert.match(noKnowledge.message, /how_they_know/);
    assert.equal(noKnowledge.standard, RULES.find((r) => r.id === 'anonymous-no-knowledge')!.standard);
    assert.ok(noKnowledge.standard.length > 10);
  });

  it('single-anonymous-source when no other source says the same, with the reason in the message', () => {
    const analysis = analyze(draft(OFFICIAL, `${OFFICIAL_SAYS}\n\nCouncil leader Marta Rees said the repairs were on schedule.`));
    const single = analysis.findings.filter((f) => f.rule === 'single-anonymous-source');
    assert.equal(single.length, 1, JSON.stringify(analysis.findings));
    assert.match(single[0].message, /single anonymous source/);
    assert.match(single[0].message, /no other source/);
    assert.equal(single[0].severity, 'info');
  });

  it('sources-plural-single: "sources said" where the register knows one source', () => {
    const analysis = analyze(draft(OFFICIAL, 'Sources familiar with the inspection said the north pier had been patched twice since 2020.'));
    const plural = analysis.findings.find((f) => f.rule === 'sources-plural-single');
    assert.ok(plural, JSON.stringify(analysis.findings));
    assert.match(plural.message, /Sources familiar with the inspection/);
    assert.match(plural.message, /one source/);
  });

  it('anonymous-description-differs: the text describes the source otherwise than agreed', () => {
    const analysis = analyze(draft(OFFICIAL, `A senior council official, speaking on condition of anonymity because they were not authorised to speak to the press, said the north pier had been patched twice since 2020.\n\nCouncil leader Marta Rees said the north pier had been patched twice since 2020.`));
    const differs = analysis.findings.find((f) => f.rule === 'anonymous-description-differs');
    assert.ok(differs, JSON.stringify(analysis.findings));
    assert.match(differs.message, /"A senior council official"/);
    assert.match(differs.message, /"a council official who inspected the pier"/);
  });

  it('register rules can be turned off', () => {
    const bare = '  - name: council official\n    anonymous: true';
    const options: AnalyzeOptions = { severities: { 'anonymous-no-knowledge': 'off', 'single-anonymous-source': 'off' } };
    const found = rules(analyze(draft(bare, OFFICIAL_SAYS), options));
    assert.ok(!found.includes('anonymous-no-knowledge'));
    assert.ok(!found.includes('single-anonymous-source'));
  });

  it('takes a workspace register through options.register, the draft\'s front matter first', () => {
    const workspace = parseRegister(`- name: council official\n  anonymous: true\n  description: a council official who inspected the pier\n`);
    const analysis = analyze(OFFICIAL_SAYS, { register: workspace });
    assert.ok(rules(analysis).includes('anonymous-no-knowledge'));
    const both = analyze(draft(OFFICIAL, corroborated), { register: workspace });
    assert.ok(!rules(both).includes('anonymous-no-knowledge'), 'front matter entry wins');
  });
});

describe('register: contact notes never leak', () => {
  const text = draft(OFFICIAL, `A council official who inspected the pier, speaking on condition of anonymity, said the north pier had been patched twice since 2020.`);

  it('are not in the analysis (actors, findings, JSON) by default', () => {
    const analysis = analyze(text);
    assert.ok(anonymous(analysis).register, 'the entry is attached');
    assert.equal(anonymous(analysis).register!.contactNotes, undefined);
    assert.ok(!JSON.stringify(analysis).includes(SECRET));
    assert.ok(analysis.findings.length > 0);
  });

  it('are on the actor only with includeContactNotes, and never in findings', () => {
    const analysis = analyze(text, { includeContactNotes: true });
    assert.match(anonymous(analysis).register!.contactNotes ?? '', new RegExp(SECRET));
    assert.ok(!JSON.stringify(analysis.findings).includes(SECRET));
    assert.ok(!analysis.findings.some((f) => f.message.includes('Signal only')));
  });

  it('are not in the workspace entries handed to analyze either', () => {
    const workspace = parseRegister(`- name: council official\n  anonymous: true\n  contact_notes: ${SECRET}\n`);
    const analysis = analyze('A council official, speaking on condition of anonymity, said the pier was patched.', { register: workspace });
    assert.ok(!JSON.stringify(analysis).includes(SECRET));
    assert.equal(workspace[0].contactNotes, SECRET, 'the caller\'s entries are not modified');
  });
});
