import * as assert from 'assert';
import { analyze } from '../../src/core';
import type { Analysis } from '../../src/core/types';
import { CLAIM_TYPE_ICONS, STANCE_ICON, UNATTRIBUTED_ICON } from '../../src/vscode/view/labels';
import {
  NO_HOLDER_GROUP_ID,
  actorGroups,
  actorRoots,
  childrenOf,
  describeFilter,
  filterHighlights,
  firstMention,
  isFilterEmpty,
  present,
  readingOrder,
} from '../../src/vscode/view/tree';
import type { ActorNode, ClaimNode, TreeNode } from '../../src/vscode/view/tree';
import { SAMPLE_TEXT, sampleAnalysis, span } from './view-sample';
import { STANCE_TEXT, stanceAnalysis, stanceSpan } from './view-stance-sample';

describe('view: Actors and Claims trees', () => {
  it('groups actors by kind in the fixed order, skipping empty kinds', () => {
    const groups = actorGroups(sampleAnalysis());
    assert.deepStrictEqual(
      groups.map((group) => present(group).label),
      ['People', 'Organisations', 'Groups', 'Anonymous sources', 'Documents'],
    );
    assert.deepStrictEqual(groups[0].actors.map((actor) => actor.actor.name), ['Jane Doe', 'Tom Reyes']);
    assert.strictEqual(present(groups[0]).collapsible, 'expanded');
    assert.strictEqual(present(groups[0]).description, '2');
  });

  it('shows each actor with title and claim count, its claims as children', () => {
    const people = actorGroups(sampleAnalysis())[0];
    const jane = people.actors[0];
    const look = present(jane);
    assert.strictEqual(look.label, 'Jane Doe');
    assert.strictEqual(look.description, 'Mayor · 1 claim');
    assert.strictEqual(look.icon, 'person');
    assert.strictEqual(look.collapsible, 'collapsed');
    const children = childrenOf(jane) as ClaimNode[];
    assert.deepStrictEqual(children.map((child) => child.claim.id), ['c1']);
    assert.strictEqual(present(children[0]).label, 'We will not close the library,');
    assert.strictEqual(present(children[0]).icon, 'quote');
    assert.deepStrictEqual(present(children[0]).reveal, { start: span('We will not close the library,').start, end: span('We will not close the library,').end });
  });

  it('reveals an actor at its name rather than a later reference', () => {
    const jane = sampleAnalysis().actors[0];
    const mention = firstMention(jane);
    assert.ok(mention);
    assert.strictEqual(SAMPLE_TEXT.slice(mention.start, mention.end), 'Mayor Jane Doe');
  });

  it('an actor with no claims is a leaf with "0 claims"', () => {
    const organisations = actorGroups(sampleAnalysis()).find((group) => group.kind === 'organization');
    assert.ok(organisations);
    const look = present(organisations.actors[0]);
    assert.strictEqual(look.collapsible, 'none');
    assert.strictEqual(look.description, '0 claims');
  });

  it('badges hedged claims and loaded verbs', () => {
    const groups = actorGroups(sampleAnalysis());
    const tom = groups[0].actors[1] as ActorNode;
    const loaded = present(tom.claims[0]);
    assert.match(loaded.description ?? '', /claimed · loaded verb/);
    assert.match(loaded.tooltip, /loaded verb: claimed/);
    const anonymous = groups.find((group) => group.kind === 'anonymous');
    assert.ok(anonymous);
    const hedged = present(anonymous.actors[0].claims[0]);
    assert.match(hedged.description ?? '', /hedged/);
    assert.match(hedged.tooltip, /hedged: reportedly/);
  });

  it('icons differ per claim type', () => {
    const nodes = readingOrder(sampleAnalysis());
    const icons = new Map(nodes.filter((node): node is ClaimNode => node.type === 'claim').map((node) => [node.claim.type, present(node, 'claims').icon]));
    assert.strictEqual(new Set(icons.values()).size, icons.size);
  });

  it('lists claims and unattributed sentences in reading order', () => {
    const nodes = readingOrder(sampleAnalysis());
    assert.deepStrictEqual(
      nodes.map((node) => (node.type === 'claim' ? node.claim.id : 'unattributed')),
      ['c1', 'unattributed', 'c2', 'c3', 'c4', 'c5'],
    );
    const unattributed = present(nodes[1], 'claims');
    assert.strictEqual(unattributed.description, 'no source');
    assert.match(unattributed.tooltip, /No source:/);
    // In the Claims view a claim names its source.
    assert.match(present(nodes[0], 'claims').description ?? '', /^Jane Doe · said$/);
  });

  it('filters by kind and by text, in both views', () => {
    const analysis = sampleAnalysis();
    assert.deepStrictEqual(actorGroups(analysis, { kinds: ['anonymous', 'document'] }).map((group) => group.kind), ['anonymous', 'document']);
    const byText = actorGroups(analysis, { text: 'LIBRARY' });
    assert.deepStrictEqual(
      byText.flatMap((group) => group.actors.map((actor) => actor.actor.id)),
      ['jane-doe', 'official', 'gazette'],
    );
    // An actor matching by name keeps all its claims.
    const byName = actorGroups(analysis, { text: 'reyes' });
    assert.deepStrictEqual(byName.flatMap((group) => group.actors.map((actor) => actor.claims.length)), [1]);
    assert.deepStrictEqual(
      readingOrder(analysis, { kinds: ['person'] }).map((node) => (node.type === 'claim' ? node.claim.id : 'u')),
      ['c1', 'c2'],
    );
    assert.deepStrictEqual(
      readingOrder(analysis, { text: 'budget' }).map((node) => node.type),
      ['unattributed'],
    );
  });

  it('describes the filter for the view message', () => {
    assert.strictEqual(isFilterEmpty({}), true);
    assert.strictEqual(isFilterEmpty({ kinds: [], text: '  ' }), true);
    assert.strictEqual(describeFilter({ kinds: ['person', 'anonymous'], text: 'port' }), 'Filtered: People, Anonymous sources · "port"');
  });

  it('gives every node a unique id', () => {
    const analysis = sampleAnalysis();
    const ids = actorGroups(analysis).flatMap((group) => [group.id, ...group.actors.flatMap((actor) => [actor.id, ...actor.claims.map((claim) => claim.id)])]);
    assert.strictEqual(new Set(ids).size, ids.length);
  });

  it('an empty analysis gives empty trees', () => {
    const empty = { version: 1 as const, actors: [], claims: [], sentences: [], unattributed: [], findings: [] };
    assert.deepStrictEqual(actorGroups(empty), []);
    assert.deepStrictEqual(readingOrder(empty), []);
  });

  it('highlights the filter text in labels', () => {
    assert.deepStrictEqual(filterHighlights('the library has a library', { text: 'LIBRARY' }), [[4, 11], [18, 25]]);
    assert.deepStrictEqual(filterHighlights('Jane Doe', {}), []);
  });
});

describe('view: stances in the Actors and Claims trees', () => {
  const claimIcons = new Set(Object.values(CLAIM_TYPE_ICONS));

  function actorNode(analysis: Analysis, id: string): ActorNode {
    const node = actorGroups(analysis)
      .flatMap((group) => group.actors)
      .find((candidate) => candidate.actor.id === id);
    assert.ok(node, `no actor ${id}`);
    return node;
  }

  it('lists an actor\'s stances after its claims, counted apart in its description', () => {
    const jane = actorNode(stanceAnalysis(), 'jane-doe');
    const look = present(jane);
    assert.strictEqual(look.description, 'Mayor · 2 claims · 2 stances');
    assert.match(look.tooltip, /Person · 2 claims · 2 stances · 3 mentions/);
    const children = childrenOf(jane);
    assert.deepStrictEqual(
      children.map((child) => (child.type === 'claim' ? child.claim.id : child.type === 'stance' ? child.stance.id : child.type)),
      ['c1', 'c2', 's1', 's4'],
    );
    assert.deepStrictEqual(children.map((child) => child.type), ['claim', 'claim', 'stance', 'stance']);
  });

  it('a stance row looks like a position, not a quote, and reveals its content', () => {
    const jane = actorNode(stanceAnalysis(), 'jane-doe');
    const stance = jane.stances[0];
    assert.strictEqual(stance.id, 'stance:s1');
    assert.strictEqual(stance.parentId, 'actor:jane-doe');
    const look = present(stance);
    // Verb first: the content alone ("veto the transit levy", "the contract") reads oddly as a row.
    assert.strictEqual(look.label, 'plans to veto the transit levy');
    assert.strictEqual(look.description, 'stance');
    assert.strictEqual(look.icon, STANCE_ICON);
    assert.ok(!claimIcons.has(look.icon), `stance icon ${look.icon} is also a claim icon`);
    assert.notStrictEqual(look.icon, UNATTRIBUTED_ICON);
    assert.strictEqual(look.collapsible, 'none');
    assert.strictEqual(look.contextValue, 'stance');
    assert.doesNotMatch(look.contextValue, /^claim|\.evidence$/);
    const content = stanceSpan('veto the transit levy');
    assert.deepStrictEqual(look.reveal, { start: content.start, end: content.end });
    assert.strictEqual(STANCE_TEXT.slice(look.reveal.start, look.reveal.end), 'veto the transit levy');
    assert.match(look.tooltip, /^\*\*Stance\*\* · A stated position/);
    assert.match(look.tooltip, /Held by: Jane Doe, Mayor \(plans to\)/);
    // Never linted: no loaded-verb or other badge, even on a stance that would carry one as a claim.
    const loaded = stanceAnalysis();
    loaded.stances![0].tone = 'loaded';
    assert.doesNotMatch(present(actorNode(loaded, 'jane-doe').stances[0]).tooltip, /⚑|loaded/);
  });

  it('an actor with stances and no claims is expandable and says "0 claims · 1 stance"', () => {
    const council = actorNode(stanceAnalysis(), 'council');
    const look = present(council);
    assert.strictEqual(look.description, '0 claims · 1 stance');
    assert.strictEqual(look.collapsible, 'collapsed');
    assert.deepStrictEqual(childrenOf(council).map((child) => child.id), ['stance:s5']);
  });

  it('stances whose holder is not an actor go under "Stances with no named holder", last', () => {
    const roots = actorRoots(stanceAnalysis());
    assert.deepStrictEqual(roots.map((root) => root.id), ['group:person', 'group:organization', NO_HOLDER_GROUP_ID]);
    const group = roots[2];
    assert.ok(group.type === 'stance-group');
    const look = present(group);
    assert.strictEqual(look.label, 'Stances with no named holder');
    assert.strictEqual(look.description, '2');
    assert.strictEqual(look.icon, STANCE_ICON);
    assert.strictEqual(look.reveal, null);
    const children = childrenOf(group);
    assert.deepStrictEqual(children.map((child) => child.id), ['stance:s2', 'stance:s3']);
    const [passive, board] = children.map((child) => present(child));
    // Agentless passive: nobody to name. "The board" is shown as written, since it is not an actor.
    assert.strictEqual(passive.description, 'stance');
    assert.match(passive.tooltip, /Held by: nobody named \(accused\)/);
    assert.strictEqual(board.description, 'stance · The board');
    assert.match(board.tooltip, /Held by: The board \(not identified as an actor\) \(criticized\)/);
    const content = stanceSpan('The contractor was accused of inflating the repair bills');
    assert.deepStrictEqual(passive.reveal, { start: content.start, end: content.end });
    assert.ok(children.every((child) => child.type === 'stance' && child.parentId === NO_HOLDER_GROUP_ID));
  });

  it('filters stances like claims: by text, and a kind filter hides the no-holder group', () => {
    const analysis = stanceAnalysis();
    assert.deepStrictEqual(actorRoots(analysis, { kinds: ['person'] }).map((root) => root.id), ['group:person']);
    const contractor = actorRoots(analysis, { text: 'CONTRACTOR' });
    assert.deepStrictEqual(contractor.map((root) => root.id), [NO_HOLDER_GROUP_ID]);
    assert.deepStrictEqual(childrenOf(contractor[0]).map((child) => child.id), ['stance:s2']);
    // An actor kept for a stance only shows just that stance.
    const veto = actorRoots(analysis, { text: 'veto' });
    assert.strictEqual(veto.length, 1);
    const jane = veto[0].type === 'group' ? veto[0].actors[0] : undefined;
    assert.ok(jane);
    assert.deepStrictEqual(childrenOf(jane).map((child) => child.id), ['stance:s1']);
    assert.strictEqual(present(jane).description, 'Mayor · 0 claims · 1 stance');
  });

  it('has no stance group and no stance count when there are no stances, or no stances field', () => {
    const plain = sampleAnalysis();
    assert.deepStrictEqual(actorRoots(plain).map((root) => root.id), actorGroups(plain).map((group) => group.id));
    assert.strictEqual(present(actorGroups(plain)[0].actors[0]).description, 'Mayor · 1 claim');
    const empty = { ...plain, stances: [] };
    assert.deepStrictEqual(actorRoots(empty).map((root) => root.id), actorGroups(plain).map((group) => group.id));
  });

  it('the Claims view lists stances in reading order, marked as stances and naming who holds them', () => {
    const nodes = readingOrder(stanceAnalysis());
    assert.deepStrictEqual(
      nodes.map((node) => (node.type === 'claim' ? node.claim.id : node.type === 'stance' ? node.stance.id : 'unattributed')),
      ['c1', 's1', 's2', 's3', 'c2', 's4', 'unattributed', 's5'],
    );
    const descriptions = new Map(nodes.map((node) => [node.id, present(node, 'claims').description]));
    assert.strictEqual(descriptions.get('stance:s1'), 'stance · Jane Doe');
    assert.strictEqual(descriptions.get('stance:s2'), 'stance · no named holder');
    assert.strictEqual(descriptions.get('stance:s3'), 'stance · The board');
    assert.strictEqual(descriptions.get('claim:c2'), 'Jane Doe · said');
    assert.deepStrictEqual(
      readingOrder(stanceAnalysis(), { kinds: ['person'] }).map((node) => node.id),
      ['claim:c1', 'stance:s1', 'claim:c2', 'stance:s4'],
    );
    assert.deepStrictEqual(readingOrder(stanceAnalysis(), { text: 'board' }).map((node) => node.id), ['stance:s3']);
  });

  it('gives every node of both views a unique id', () => {
    const analysis = stanceAnalysis();
    const ids: string[] = [];
    const walk = (node: TreeNode) => {
      ids.push(node.id);
      for (const child of childrenOf(node)) walk(child);
    };
    for (const root of actorRoots(analysis)) walk(root);
    assert.strictEqual(ids.length, 2 + 2 + 1 + 7); // kind groups, actors, no-holder group, claims and stances
    assert.strictEqual(new Set(ids).size, ids.length, JSON.stringify(ids));
    const reading = readingOrder(analysis).map((node) => node.id);
    assert.strictEqual(new Set(reading).size, reading.length);
  });

  it('reads the engine\'s stances the same way', () => {
    const analysis = analyze('Governor Elena Marsh said the budget was balanced. Marsh plans to veto the transit levy. The contractor was accused of inflating the repair bills.');
    const roots = actorRoots(analysis);
    const marsh = roots.flatMap((root) => (root.type === 'group' ? root.actors : [])).find((node) => node.actor.name === 'Elena Marsh');
    assert.ok(marsh, JSON.stringify(roots.map((root) => root.id)));
    assert.strictEqual(present(marsh).description, 'Governor · 1 claim · 1 stance');
    assert.deepStrictEqual(marsh.stances.map((node) => [present(node).label, present(node).description]), [['plans to veto the transit levy', 'stance']]);
    const unheld = roots[roots.length - 1];
    assert.ok(unheld.type === 'stance-group');
    assert.deepStrictEqual(childrenOf(unheld).map((node) => present(node).label), ['The contractor was accused of inflating the repair bills']);
  });
});
