import * as assert from 'assert';
import { actorGroups, childrenOf, describeFilter, filterHighlights, firstMention, isFilterEmpty, present, readingOrder } from '../../src/vscode/view/tree';
import type { ActorNode, ClaimNode } from '../../src/vscode/view/tree';
import { SAMPLE_TEXT, sampleAnalysis, span } from './view-sample';

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
