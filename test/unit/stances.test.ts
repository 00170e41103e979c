// Stances: positions, intentions, beliefs and evidence ("plans to", "endorsed", "was accused of").
// They are reported apart from claims, so that they never change a claim, a finding or the
// unattributed list — the newsroom lints stay about reported speech.
import * as assert from 'node:assert/strict';
import { analyze, type Analysis, type Claim } from '../../src/core';

const stanceWith = (a: Analysis, fragment: string): Claim => {
  const found = (a.stances ?? []).find((s) => s.content.text.includes(fragment));
  assert.ok(found, `no stance contains "${fragment}"; stances: ${(a.stances ?? []).map((s) => `${s.cue?.text}: ${s.content.text}`).join(' | ')}`);
  return found;
};
const actorName = (a: Analysis, c: Claim): string | undefined => a.actors.find((x) => x.id === c.actor)?.name;

describe('engine: stances', () => {
  it('reports an intention with its holder, cue and content, apart from claims', () => {
    const text = 'Governor Elena Marsh said on Monday that the budget was balanced. Marsh plans to veto the transit levy before the summer recess.\n';
    const a = analyze(text);
    const stance = stanceWith(a, 'veto the transit levy');
    assert.equal(stance.cue?.text, 'plans to');
    assert.equal(stance.source?.text, 'Marsh');
    assert.equal(actorName(a, stance), 'Elena Marsh');
    assert.match(stance.id, /^s\d+$/);
    assert.ok(!a.claims.some((c) => c.content.text.includes('veto')), 'an intention is not a claim');
    assert.equal(a.claims.length, 1);
    for (const s of a.stances ?? []) assert.equal(text.slice(s.content.start, s.content.end), s.content.text);
  });

  it('keeps stance verbs that need a that-clause as stances when they take an object', () => {
    const a = analyze('The harbour board criticized the dredging contract in a short letter.\n');
    assert.equal(a.claims.length, 0, 'a stance with a plain object is not reported speech');
    const stance = stanceWith(a, 'the dredging contract');
    assert.equal(stance.cue?.text, 'criticized');
    assert.equal(stance.source?.text, 'The harbour board');
  });

  it('a stance ends at its clause: ", saying …" and ", although …" are not part of the position', () => {
    const a = analyze('Senator Ruth Okafor endorsed the ferry bill, saying the island had waited long enough.\n');
    const stance = stanceWith(a, 'the ferry bill');
    assert.equal(stance.content.text, 'the ferry bill');
    // The participle is reported speech of its own.
    assert.ok(a.claims.some((c) => c.content.text.startsWith('the island had waited')));
  });

  it('an agentless passive ("was accused of") is a stance with no source', () => {
    const text = 'The contractor was accused of inflating the repair bills for the north pier.\n';
    const a = analyze(text);
    const stance = stanceWith(a, 'inflating the repair bills');
    assert.equal(stance.source, null);
    assert.equal(stance.actor, null);
    assert.equal(stance.cue?.text, 'accused');
    assert.ok(stance.content.text.startsWith('The contractor was accused of'), stance.content.text);
    assert.equal(a.claims.length, 0);
  });

  it('"was praised by" names its source: that passive stays a claim or stance with the agent', () => {
    const a = analyze('The plan was criticized by the Harbour Users Association as too costly.\n');
    const all = [...a.claims, ...(a.stances ?? [])];
    assert.ok(all.some((c) => c.source?.text === 'the Harbour Users Association'), all.map((c) => c.source?.text).join(' | '));
  });

  it('stances raise no findings and do not make a sentence sourced', () => {
    const text = 'The council wants a new bridge. The bridge will cost 40 million euros and open in 2031.\n';
    const withStance = analyze(text);
    assert.ok((withStance.stances ?? []).some((s) => s.content.text.includes('a new bridge')));
    const ids = new Set((withStance.stances ?? []).map((s) => s.id));
    for (const sentence of withStance.sentences) for (const id of sentence.claims) assert.ok(!ids.has(id));
    assert.ok(withStance.findings.every((f) => !text.slice(f.start, f.end).includes('wants')), 'no finding on the stance cue');
    assert.ok(withStance.unattributed.some((u) => u.text.includes('40 million')), 'the figure sentence is still unattributed');
  });

  it('a stance never moves a speech claim: "…, who feared reprisals, told …" keeps its source', () => {
    const text = 'A nurse on the night ward, who asked not to be named because she feared reprisals, told the Courier that staffing had collapsed.\n';
    const a = analyze(text);
    const claim = a.claims.find((c) => c.content.text.includes('staffing had collapsed'));
    assert.ok(claim, a.claims.map((c) => c.content.text).join(' | '));
    assert.match(claim.source?.text ?? '', /^A nurse on the night ward/);
    assert.equal(a.actors.find((x) => x.id === claim.actor)?.kind, 'anonymous');
  });

  it('a stance is never the outer claim of a nested chain', () => {
    const a = analyze('The union wants the port authority to explain why the inspectors reported that the cranes were unsafe.\n');
    for (const claim of a.claims) assert.deepEqual(claim.via.filter((id) => a.actors.find((x) => x.id === id)?.name === 'union'), []);
  });

  it('a stance needs a holder that reads as a noun phrase, not a stretch of clause', () => {
    const a = analyze('Footage shows the driver calmly leaving his car when asked to do so by officers.\n');
    const stances = a.stances ?? [];
    assert.ok(stances.some((s) => s.cue?.text === 'shows' && s.source?.text === 'Footage'), stances.map((s) => `${s.source?.text}: ${s.cue?.text}`).join(' | '));
    assert.ok(!stances.some((s) => s.cue?.text === 'asked'), 'no holder "Footage shows the driver … when"');
  });

  it('"asked not to be named" is a reason for anonymity, not a stance; a time phrase is not a position', () => {
    const a = analyze('A port worker, who asked not to be named because he feared reprisals, said the cranes were unsafe. The mayor conceded shortly before 2 a.m. on Sunday.\n');
    const stances = a.stances ?? [];
    assert.ok(!stances.some((s) => /not to be named/.test(s.content.text)), stances.map((s) => s.content.text).join(' | '));
    assert.ok(!stances.some((s) => /^shortly before/.test(s.content.text)), stances.map((s) => s.content.text).join(' | '));
    assert.ok(stances.some((s) => s.content.text === 'reprisals'), 'the fear itself is still a stance');
  });

  it('a that-clause after a place does not make the place the holder: "… at the Harbour Centre that the city had voted …"', () => {
    const a = analyze('Okoro told supporters at the Harbour Centre that the city had voted for change.\n');
    const stances = a.stances ?? [];
    assert.ok(!stances.some((s) => s.source?.text === 'the Harbour Centre'), stances.map((s) => s.source?.text).join(' | '));
    assert.equal(a.claims[0].content.text, 'the city had voted for change');
  });

  it('a perfect auxiliary stands between holder and verb: "The union has long opposed …"', () => {
    const a = analyze('The dockers\' union has long opposed the automation of the north quay.\n');
    const stance = stanceWith(a, 'the automation of the north quay');
    assert.equal(stance.source?.text, "The dockers' union");
  });

  it('ordinary speech is untouched: claims of a plain draft have no stances', () => {
    const a = analyze('"We will reopen the market on Friday," Mayor Ines Duarte said.\n');
    assert.equal(a.claims.length, 1);
    assert.deepEqual(a.stances, []);
  });
});

describe('engine: attribution forms found while building stances', () => {
  it('a possessive appositive does not hide the subject: "X, Y\'s only ally, said"', () => {
    const a = analyze('Even Norway, Iceland’s closest partner in the talks, said it was "deeply concerned" about the quota.\n');
    const claim = a.claims.find((c) => c.content.text.includes('deeply concerned'));
    assert.ok(claim);
    assert.match(claim.source?.text ?? '', /^Norway/);
    assert.equal(actorName(a, claim), 'Norway');
  });

  it('"and" inside a described subject does not cut it: "Experts on fisheries and ocean law said"', () => {
    const a = analyze('Experts on fisheries and ocean law said the ruling could reopen the dispute.\n');
    const claim = a.claims.find((c) => c.content.text.includes('reopen the dispute'));
    assert.ok(claim, a.claims.map((c) => c.content.text).join(' | '));
    assert.equal(claim.source?.text, 'Experts on fisheries and ocean law');
  });

  it('a transcript quoted paragraph by paragraph: "\\"HOST: …" is the host speaking', () => {
    const text = 'Partial transcript:\n\n"HOST: Will the minister attend the hearing tomorrow?\n\n"OKAFOR: She will, and she will answer every question.\n';
    const a = analyze(text, { format: 'text' });
    const host = a.claims.find((c) => c.content.text.startsWith('Will the minister'));
    const guest = a.claims.find((c) => c.content.text.startsWith('She will'));
    assert.ok(host && guest, a.claims.map((c) => c.content.text).join(' | '));
    assert.equal(host.source?.text, 'HOST');
    assert.equal(guest.source?.text, 'OKAFOR');
    assert.equal(guest.cue?.text, ':');
  });

  it('reader quotes credited with a dash, one per line, each get their reader', () => {
    const text = 'Readers wrote in:\n\n“The ferry is always late.” ― Dana Whitlock\n“Nobody asked the islanders.” ― Rafael Ortiz\n';
    const a = analyze(text, { format: 'text' });
    const late = a.claims.find((c) => c.content.text.includes('always late'));
    const asked = a.claims.find((c) => c.content.text.includes('Nobody asked'));
    assert.ok(late && asked, a.claims.map((c) => c.content.text).join(' | '));
    assert.equal(late.source?.text, 'Dana Whitlock');
    assert.equal(asked.source?.text, 'Rafael Ortiz');
  });

  it('a progressive verb takes the subject before its auxiliary: "The city of Alden is demanding that …"', () => {
    const a = analyze('The city of Alden is demanding that the ferry company restore the winter timetable.\n');
    const all = [...a.claims, ...(a.stances ?? [])];
    const demand = all.find((c) => c.cue?.text === 'demanding');
    assert.ok(demand, all.map((c) => `${c.cue?.text}: ${c.content.text}`).join(' | '));
    assert.equal(demand.source?.text, 'The city of Alden');
    assert.equal(demand.content.text, 'the ferry company restore the winter timetable');
  });

  it('a post-posed credit is not part of the clause it credits: "X called for Y, sources said"', () => {
    const a = analyze('Hospital protocol called for the patient to be moved to the trauma unit, sources said.\n');
    const credit = a.claims.find((c) => c.cue?.text === 'said');
    assert.ok(credit);
    assert.ok(credit.content.text.startsWith('Hospital protocol called for'), credit.content.text);
    const inner = [...a.claims, ...(a.stances ?? [])].find((c) => c.cue?.text === 'called for');
    assert.ok(inner);
    assert.equal(inner.content.text, 'the patient to be moved to the trauma unit');
  });

  it('"the city of Alden" is a local government, an organisation named after its place', () => {
    const a = analyze('The city of Alden said on Friday that it would appeal the ruling. The city of Alden has appealed twice before.\n');
    const claim = a.claims.find((c) => c.content.text.includes('appeal the ruling'));
    assert.ok(claim);
    assert.equal(claim.source?.text, 'The city of Alden');
    const actor = a.actors.find((x) => x.id === claim.actor);
    assert.deepEqual([actor?.name, actor?.kind], ['City of Alden', 'organization']);
  });

  it('poll respondents are a group source: "59 percent said", "more than 4 in 10 said"', () => {
    const a = analyze('In the survey, 59 percent said the ferry was too expensive, and more than 4 in 10 said they would drive instead. The council said 30 percent of the budget went to ferries.\n');
    const bySource = new Map(a.claims.map((c) => [c.source?.text, c]));
    assert.ok(bySource.has('59 percent') && bySource.has('more than 4 in 10'), [...bySource.keys()].join(' | '));
    assert.equal(a.actors.find((x) => x.id === bySource.get('59 percent')?.actor)?.kind, 'group');
    // A figure inside the content is not a source.
    assert.equal(a.claims.find((c) => c.content.text.includes('of the budget'))?.source?.text, 'The council');
  });

  it('a stance in a relative clause ends before the main verb: "X, who voted against the measure, said …"', () => {
    const a = analyze('Council member Tom Reyes, who voted against the measure, said the city would have to find the money elsewhere.\n');
    const stance = stanceWith(a, 'the measure');
    assert.equal(stance.content.text, 'the measure');
    assert.equal(a.claims[0].source?.text, 'Council member Tom Reyes');
  });

  it('"The Courier has learned" credits the newspaper', () => {
    const a = analyze('The mayor left the meeting early to meet the developers, the Daily Courier has learned.\n');
    const claim = a.claims.find((c) => c.cue?.text === 'has learned');
    assert.ok(claim, a.claims.map((c) => c.cue?.text).join(' | '));
    assert.equal(claim.source?.text, 'the Daily Courier');
    assert.ok(claim.content.text.startsWith('The mayor left the meeting early'));
  });
});
