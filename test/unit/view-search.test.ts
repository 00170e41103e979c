import * as assert from 'assert';
import { actorPickItems, claimPickItems, createWorkspaceSearch, labelHighlights, searchWorkspace, workspaceEntries } from '../../src/vscode/view/search';
import type { PickItem } from '../../src/vscode/view/search';
import { CLAIM_TYPE_ICONS, STANCE_ICON } from '../../src/vscode/view/labels';
import { SAMPLE_TEXT, sampleAnalysis, span } from './view-sample';
import { STANCE_TEXT, stanceAnalysis, stanceSpan } from './view-stance-sample';

describe('view: quick-pick search', () => {
  it('lists every actor for an empty query', () => {
    const items = actorPickItems(sampleAnalysis());
    assert.strictEqual(items.length, 6);
    assert.ok(items.every((item) => item.alwaysShow));
    const jane = items[0];
    assert.strictEqual(jane.label, 'Jane Doe');
    assert.strictEqual(jane.description, 'Mayor · person');
    assert.match(jane.detail ?? '', /^1 claim · “We will not close the library,”$/);
    assert.strictEqual(SAMPLE_TEXT.slice(jane.target.start, jane.target.end), 'Mayor Jane Doe');
  });

  it('finds an actor despite a typo, with label highlights', () => {
    const items = actorPickItems(sampleAnalysis(), 'jane deo');
    assert.strictEqual(items[0]?.label, 'Jane Doe');
    assert.ok(items[0].highlights.length > 0);
    for (const [start, end] of items[0].highlights) assert.ok(start >= 0 && end <= items[0].label.length && start < end);
  });

  it('finds an actor by title or alias', () => {
    assert.strictEqual(actorPickItems(sampleAnalysis(), 'gazette')[0]?.label, 'Harbour Gazette');
    assert.strictEqual(actorPickItems(sampleAnalysis(), 'council member')[0]?.label, 'Tom Reyes');
  });

  it('finds nothing for nonsense', () => {
    assert.deepStrictEqual(actorPickItems(sampleAnalysis(), 'zzqxw'), []);
  });

  it('lists claims and unattributed sentences in reading order with line numbers', () => {
    const items = claimPickItems(sampleAnalysis(), '', 200, SAMPLE_TEXT);
    assert.deepStrictEqual(items.map((item) => item.detail), [
      'Direct quote · line 3',
      'Unattributed sentence · line 5',
      'Indirect (paraphrase) · line 7',
      'Indirect (paraphrase) · line 9',
      '"According to" · line 11',
      'Partial quote · line 13'.replace('Partial quote', 'Indirect (paraphrase)'),
    ]);
    assert.strictEqual(items[0].description, '— Jane Doe · said');
    assert.strictEqual(items[1].description, '— no source');
  });

  it('finds claims by their words and by who made them', () => {
    const library = claimPickItems(sampleAnalysis(), 'library');
    assert.deepStrictEqual(new Set(library.map((item) => item.target.start)), new Set([
      span('We will not close the library,').start,
      span('the library would lose funding').start,
      span('the library has 12,000 members').start,
    ]));
    const byTom = claimPickItems(sampleAnalysis(), 'Tom Reyes');
    assert.strictEqual(byTom[0]?.target.start, span('the vote had been rushed').start);
    const budget = claimPickItems(sampleAnalysis(), 'budget');
    assert.strictEqual(budget[0]?.description, '— no source');
    assert.ok(budget[0].highlights.length > 0);
  });

  it('clips highlights to the label and makes them end-exclusive', () => {
    assert.deepStrictEqual(
      labelHighlights([{ key: 'label', indices: [[0, 2], [8, 20]] }, { key: 'secondary', indices: [[0, 1]] }], 10),
      [[0, 3], [8, 10]],
    );
  });

  it('searches across files, naming file and line', () => {
    const files = [
      workspaceEntries('file:///w/a.md', 'a.md', sampleAnalysis(), SAMPLE_TEXT),
      workspaceEntries('file:///w/b.md', 'drafts/b.md', sampleAnalysis(), SAMPLE_TEXT),
    ];
    const results = searchWorkspace(files, 'Jane Doe');
    assert.ok(results.length >= 2);
    assert.deepStrictEqual(new Set(results.slice(0, 2).map((item) => item.uri)), new Set(['file:///w/a.md', 'file:///w/b.md']));
    assert.match(results[0].detail ?? '', /^(a\.md|drafts\/b\.md):3/);
    const claim = searchWorkspace(files, 'cracks roof').find((item) => item.uri === 'file:///w/b.md');
    assert.match(claim?.detail ?? '', /^drafts\/b\.md:13 · Indirect/);
  });

  it('workspace search uses the engine index: typos, highlights inside the label, everything for an empty query', () => {
    const search = createWorkspaceSearch([workspaceEntries('file:///w/a.md', 'a.md', sampleAnalysis(), SAMPLE_TEXT)]);
    assert.strictEqual(search.size, 6 + 6);
    assert.strictEqual(search.search('').length, 12);
    const [first] = search.search('libary funding');
    assert.ok(first);
    assert.strictEqual(first.label, 'the library would lose funding');
    assert.ok(first.highlights.length >= 2);
    for (const [start, end] of first.highlights) assert.ok(start < end && end <= first.label.length);
    assert.deepStrictEqual(first.highlights.map(([start, end]) => first.label.slice(start, end)), ['library', 'funding']);
    // Who said it is searchable too.
    assert.ok(search.search('Reyes').some((item) => item.label === 'the vote had been rushed'));
  });
});

describe('view: stances in search', () => {
  const stanceItems = (items: PickItem[]) => items.filter((item) => item.icon === STANCE_ICON);

  it('Find Claim lists stances in reading order, labelled as stances', () => {
    const items = claimPickItems(stanceAnalysis(), '', 200, STANCE_TEXT);
    assert.deepStrictEqual(
      items.map((item) => [item.label, item.description, item.detail]),
      [
        ['We will not close the library,', '— Jane Doe · said', 'Direct quote · line 1'],
        ['plans to veto the transit levy', '— stance · Jane Doe', 'Stance (a position, not a quote) · line 3'],
        ['The contractor was accused of inflating the repair bills', '— stance · no named holder', 'Stance (a position, not a quote) · line 5'],
        ['criticized the contract', '— stance · The board', 'Stance (a position, not a quote) · line 7'],
        ['the roof would be fixed', '— Jane Doe · said', 'Indirect (paraphrase) · line 9'],
        ['wants a recount of the vote', '— stance · Jane Doe', 'Stance (a position, not a quote) · line 9'],
        ['The council opposes the budget cut of 4 percent.', '— no source', 'Unattributed sentence · line 11'],
        ['opposes the budget cut of 4 percent', '— stance · the council', 'Stance (a position, not a quote) · line 11'],
      ],
    );
    assert.strictEqual(stanceItems(items).length, 5);
    assert.ok(!Object.values(CLAIM_TYPE_ICONS).includes(STANCE_ICON));
  });

  it('finds a stance by its words and by who holds it, and goes to its content', () => {
    const [veto] = claimPickItems(stanceAnalysis(), 'veto levy');
    assert.ok(veto);
    assert.strictEqual(veto.icon, STANCE_ICON);
    const content = stanceSpan('veto the transit levy');
    assert.deepStrictEqual(veto.target, { start: content.start, end: content.end });
    assert.deepStrictEqual(veto.highlights.map(([start, end]) => veto.label.slice(start, end)), ['veto', 'levy']);
    const byHolder = claimPickItems(stanceAnalysis(), 'the board');
    assert.strictEqual(byHolder[0]?.label, 'criticized the contract');
    assert.strictEqual(byHolder[0]?.icon, STANCE_ICON);
  });

  it('Find Actor counts an actor\'s stances apart from its claims', () => {
    const details = new Map(actorPickItems(stanceAnalysis()).map((item) => [item.label, item.detail]));
    assert.strictEqual(details.get('Jane Doe'), '2 claims · 2 stances · “We will not close the library,”');
    assert.strictEqual(details.get('the council'), 'no claims · 1 stance');
    // Unchanged without stances.
    assert.strictEqual(actorPickItems(sampleAnalysis())[0].detail, '1 claim · “We will not close the library,”');
  });

  it('Find in Workspace indexes stances with file and line', () => {
    const search = createWorkspaceSearch([workspaceEntries('file:///w/s.md', 'drafts/s.md', stanceAnalysis(), STANCE_TEXT)]);
    assert.strictEqual(search.size, 2 + 2 + 5 + 1);
    const [found] = search.search('accused contractor');
    assert.ok(found);
    assert.strictEqual(found.label, 'The contractor was accused of inflating the repair bills');
    assert.strictEqual(found.detail, 'drafts/s.md:5 · Stance (a position, not a quote)');
    assert.strictEqual(found.icon, STANCE_ICON);
    assert.strictEqual(found.uri, 'file:///w/s.md');
  });
});
