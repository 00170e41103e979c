// The journalist-facing features, through the real VS Code API in a real extension host:
// hover chains, the Actors and Claims trees, quick-pick items, diagnostics, quick fixes and settings.
// These need the engine to find the attributions of test/fixtures/harbour-vote.md.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SourceTraceApi } from '../../src/vscode/extension';
import { EXTENSION_ID, codeOf, fixturesDir, positionOf, until } from './support';
import type { ClaimNode, TreeNode } from '../../src/vscode/view/tree';
import { NO_SOURCE } from '../../src/vscode/view/hover';

const SOURCE = 'Source Trace';


function hoverText(hovers: vscode.Hover[]): string[] {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
}

function sourceDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

describe('Source Trace features in VS Code', function () {
  this.timeout(60_000);
  let api: SourceTraceApi;
  let document: vscode.TextDocument;

  before(async () => {
    const extension = vscode.extensions.getExtension<SourceTraceApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(fixturesDir(), 'harbour-vote.md')));
    await vscode.window.showTextDocument(document);
    api = await extension.activate();
    assert.ok(api && typeof api.analyze === 'function', 'activate() does not return the test API');
    const state = await api.analyze(document);
    assert.strictEqual(state?.kind, 'ready', `analysis not ready: ${JSON.stringify(state)}`);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('sourceTrace').update('rules.loaded-cue.severity', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('hover shows the attribution chain of a quoted sentence', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'close the library'));
    const ours = hoverText(hovers).filter((text) => text.startsWith('**Source Trace**'));
    assert.strictEqual(ours.length, 1, `expected one Source Trace hover, got ${JSON.stringify(hoverText(hovers))}`);
    const [text] = ours;
    assert.match(text, /“We will not close the library,?” ← \*said\* ← \*\*[^*]*Jane Doe\*\*/);
    assert.match(text, /← the article/);
    assert.match(text, /Direct quote/);
    assert.match(text, /command:sourceTrace\.revealActor\?/);
  });

  it('hover says plainly when a sentence has no source', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '4.2 million'));
    const ours = hoverText(hovers).filter((text) => text.startsWith('**Source Trace**'));
    assert.strictEqual(ours.length, 1);
    assert.ok(ours[0].includes(NO_SOURCE), ours[0]);
  });

  it('the Actors tree lists Jane Doe under People with her claim', async () => {
    const roots = (await api.actors.getChildren()) as TreeNode[];
    const people = roots.find((node) => node.type === 'group' && node.kind === 'person');
    assert.ok(people, `no People group in ${JSON.stringify(roots.map((node) => node.id))}`);
    const actors = await api.actors.getChildren(people);
    const jane = actors.find((node) => node.type === 'actor' && node.actor.name.includes('Jane Doe'));
    assert.ok(jane, `Jane Doe missing from ${JSON.stringify(actors.map((node) => node.type === 'actor' && node.actor.name))}`);
    const item = api.actors.getTreeItem(jane);
    assert.match(String(item.description), /Mayor/);
    assert.match(String(item.description), /\d+ claims?/);
    const claims = (await api.actors.getChildren(jane)) as ClaimNode[];
    assert.ok(claims.some((node) => node.claim.content.text.includes('We will not close the library')));
    const claimItem = api.actors.getTreeItem(claims[0]);
    assert.strictEqual(claimItem.command?.command, 'sourceTrace.revealRange');
    assert.ok(claimItem.iconPath instanceof vscode.ThemeIcon);
  });

  it('the Claims tree lists claims and the unattributed sentence in reading order', async () => {
    const nodes = (await api.claims.getChildren()) as TreeNode[];
    const kinds = nodes.map((node) => node.type);
    const unattributed = kinds.indexOf('unattributed');
    assert.ok(unattributed >= 0, `no unattributed sentence in ${JSON.stringify(kinds)}`);
    const firstClaim = kinds.indexOf('claim');
    assert.ok(firstClaim > unattributed, 'the figure sentence comes first in the draft');
    const unattributedNode = nodes[unattributed];
    assert.ok(unattributedNode.type === 'unattributed' && unattributedNode.span.text.includes('4.2 million'));
  });

  it('Find Actor… items find Jane Doe from a typo', async () => {
    const analysis = api.cache.peek(document);
    assert.ok(analysis);
    const items = api.actorPickItems(analysis, 'jane deo').map(api.toQuickPickItem);
    assert.ok(items.length > 0);
    assert.match(items[0].label, /Jane Doe/);
    assert.ok(items[0].iconPath instanceof vscode.ThemeIcon);
    const claimItems = api.claimPickItems(analysis, 'library');
    assert.ok(claimItems.some((item) => item.label.includes('We will not close the library')));
  });

  it('reports findings as diagnostics with the rule as code', async () => {
    const diagnostics = await until('Source Trace diagnostics', () => {
      const found = sourceDiagnostics(document.uri);
      return found.some((d) => codeOf(d) === 'loaded-cue') && found.some((d) => codeOf(d) === 'unattributed-claim') ? found : undefined;
    });
    const loaded = diagnostics.find((d) => codeOf(d) === 'loaded-cue');
    assert.ok(loaded);
    assert.strictEqual(document.getText(loaded.range), 'claimed');
    assert.strictEqual(loaded.severity, vscode.DiagnosticSeverity.Information);
    const unattributed = diagnostics.find((d) => codeOf(d) === 'unattributed-claim');
    assert.ok(unattributed);
    assert.ok(document.getText(unattributed.range).includes('4.2 million'));
    assert.match(unattributed.message, /AP|Reuters/);
  });

  it('a quick fix replaces a loaded cue with "said"', async () => {
    // Work on an untitled copy so the fixture stays as it is.
    const copy = await vscode.workspace.openTextDocument({ language: 'markdown', content: document.getText() });
    await vscode.window.showTextDocument(copy);
    await api.analyze(copy);
    const loaded = await until('a loaded-cue diagnostic on the copy', () => sourceDiagnostics(copy.uri).find((d) => codeOf(d) === 'loaded-cue'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      copy.uri,
      loaded.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((action) => action.title);
    const replace = actions.find((action) => /Replace “claimed” with “said”/.test(action.title));
    assert.ok(replace?.edit, `no replace action in ${JSON.stringify(titles)}`);
    assert.ok(titles.includes('Ignore loaded-cue on this line'));
    assert.ok(titles.includes('Ignore loaded-cue in this file'));
    assert.ok(await vscode.workspace.applyEdit(replace.edit));
    assert.ok(copy.getText().includes('Council member Tom Reyes said that the vote had been rushed.'), copy.getText());
    assert.ok(copy.getText().includes('"We will not close the library,"'), 'the quote must be untouched');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('turning a rule off in the settings removes its diagnostics', async () => {
    await until('loaded-cue diagnostic', () => sourceDiagnostics(document.uri).find((d) => codeOf(d) === 'loaded-cue'));
    await vscode.workspace.getConfiguration('sourceTrace').update('rules.loaded-cue.severity', 'off', vscode.ConfigurationTarget.Global);
    const remaining = await until('loaded-cue diagnostics to disappear', () => {
      const found = sourceDiagnostics(document.uri);
      return found.some((d) => codeOf(d) === 'loaded-cue') ? undefined : found;
    });
    assert.ok(remaining.some((d) => codeOf(d) === 'unattributed-claim'), 'other rules must stay');
    await vscode.workspace.getConfiguration('sourceTrace').update('rules.loaded-cue.severity', 'error', vscode.ConfigurationTarget.Global);
    const back = await until('loaded-cue as an error', () => sourceDiagnostics(document.uri).find((d) => codeOf(d) === 'loaded-cue'));
    assert.strictEqual(back.severity, vscode.DiagnosticSeverity.Error);
  });

  it('the status bar summarises the active draft', async () => {
    await vscode.window.showTextDocument(document);
    const text = await until('status bar text', () => (/claims?/.test(api.status.item.text) ? api.status.item.text : undefined));
    assert.match(text, /\b2 claims · 1 unattributed\b/);
    assert.strictEqual(api.status.item.command, 'sourceTrace.showActors');
  });

  it('re-analyses after an edit, debounced, and the trees follow', async () => {
    const copy = await vscode.workspace.openTextDocument({ language: 'markdown', content: document.getText() });
    const editor = await vscode.window.showTextDocument(copy);
    const first = await api.analyze(copy);
    assert.strictEqual(first?.kind, 'ready');
    const before = first.kind === 'ready' ? first.analysis.claims.length : 0;
    const analysed = new Promise<number>((resolve) => {
      const listener = api.cache.onDidAnalyze((event) => {
        if (event.document === copy && event.state.kind === 'ready' && event.document.version === copy.version) {
          listener.dispose();
          resolve(event.state.analysis.claims.length);
        }
      });
    });
    await editor.edit((edit) => edit.insert(copy.positionAt(copy.getText().length), '\n"The roof will be repaired by June," Mayor Jane Doe said.\n'));
    assert.strictEqual(await analysed, before + 1);
    const nodes = (await api.claims.getChildren()) as TreeNode[];
    assert.ok(nodes.some((node) => node.type === 'claim' && node.claim.content.text.includes('The roof will be repaired by June')));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('with run = onSave, a hover on an edited draft says to save it rather than vanishing', async () => {
    const config = vscode.workspace.getConfiguration('sourceTrace');
    await config.update('run', 'onSave', vscode.ConfigurationTarget.Global);
    try {
      const copy = await vscode.workspace.openTextDocument({ language: 'markdown', content: document.getText() });
      const editor = await vscode.window.showTextDocument(copy);
      assert.strictEqual((await api.analyze(copy))?.kind, 'ready');
      await editor.edit((edit) => edit.insert(copy.positionAt(0), 'Edited. '));
      const text = await until('the stale-draft hover', async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', copy.uri, positionOf(copy, 'close the library'));
        return hoverText(hovers).find((value) => value.startsWith('**Source Trace**'));
      });
      assert.match(text, /changed since it was last analysed\. Save the draft/);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await config.update('run', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('shows stances apart from claims in the trees and the hover, and never lints them', async () => {
    const draft = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content:
        '# Levy\n\nGovernor Elena Marsh said the budget was balanced. Marsh plans to veto the transit levy.\n\n' +
        'The contractor was accused of inflating the repair bills.\n\nCouncil member Tom Reyes claimed that the vote had been rushed.\n',
    });
    await vscode.window.showTextDocument(draft);
    const state = await api.analyze(draft);
    assert.ok(state?.kind === 'ready' && (state.analysis.stances ?? []).length === 2, JSON.stringify(state));
    const roots = await until('the Actors view of the stance draft', async () => {
      const nodes = (await api.actors.getChildren()) as TreeNode[];
      return nodes.some((node) => node.type === 'stance-group') ? nodes : undefined;
    });
    // The no-holder group comes last and holds the agentless passive.
    const unheld = roots[roots.length - 1];
    assert.strictEqual(unheld.type, 'stance-group');
    assert.strictEqual(api.actors.getTreeItem(unheld).label, 'Stances with no named holder');
    const [passive] = await api.actors.getChildren(unheld);
    assert.ok(passive?.type === 'stance' && passive.stance.content.text.startsWith('The contractor was accused'));
    // Elena Marsh: her claim, then her stance, counted apart.
    const people = roots.find((node) => node.type === 'group' && node.kind === 'person');
    assert.ok(people);
    const marsh = (await api.actors.getChildren(people)).find((node) => node.type === 'actor' && node.actor.name === 'Elena Marsh');
    assert.ok(marsh);
    assert.match(String(api.actors.getTreeItem(marsh).description), /1 claim · 1 stance/);
    const rows = await api.actors.getChildren(marsh);
    assert.deepStrictEqual(rows.map((node) => node.type), ['claim', 'stance']);
    const stanceItem = api.actors.getTreeItem(rows[1]);
    assert.strictEqual(stanceItem.description, 'stance');
    assert.ok(stanceItem.iconPath instanceof vscode.ThemeIcon && stanceItem.iconPath.id === 'milestone');
    assert.strictEqual(stanceItem.command?.command, 'sourceTrace.revealRange');
    const [uri, start, end] = stanceItem.command.arguments ?? [];
    assert.strictEqual(uri, draft.uri.toString());
    assert.strictEqual(draft.getText().slice(Number(start), Number(end)), 'veto the transit levy');
    // The Claims view marks it too.
    const claimRows = (await api.claims.getChildren()) as TreeNode[];
    const stanceRow = claimRows.find((node) => node.type === 'stance' && node.stance.content.text === 'veto the transit levy');
    assert.ok(stanceRow);
    assert.strictEqual(api.claims.getTreeItem(stanceRow).description, 'stance · Elena Marsh');
    // Hover: the stance, not "no attributed claim".
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draft.uri, positionOf(draft, 'transit levy'));
    const ours = hoverText(hovers).filter((text) => text.startsWith('**Source Trace**'));
    assert.strictEqual(ours.length, 1, JSON.stringify(hoverText(hovers)));
    assert.match(ours[0], /Stance: \*\*Elena Marsh\*\* — \*plans to\* “veto the transit levy”/);
    // Diagnostics: the loaded claim only.
    await until('the loaded-cue diagnostic of the stance draft', () => sourceDiagnostics(draft.uri).find((d) => codeOf(d) === 'loaded-cue'));
    assert.deepStrictEqual(sourceDiagnostics(draft.uri).map((d) => [codeOf(d), draft.getText(d.range)]), [['loaded-cue', 'claimed']]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('refuses a draft over sourceTrace.maxFileSize with a clear message', async () => {
    const config = vscode.workspace.getConfiguration('sourceTrace');
    await config.update('maxFileSize', 50, vscode.ConfigurationTarget.Global);
    try {
      const state = await until('a too-large state', async () => {
        const result = await api.analyze(document);
        return result?.kind === 'tooLarge' ? result : undefined;
      });
      assert.match(state.kind === 'tooLarge' ? state.message : '', /too large.*sourceTrace\.maxFileSize/);
    } finally {
      await config.update('maxFileSize', undefined, vscode.ConfigurationTarget.Global);
    }
    const back = await until('analysis again', async () => {
      const result = await api.analyze(document);
      return result?.kind === 'ready' ? result : undefined;
    });
    assert.ok(back.kind === 'ready' && back.analysis.claims.length >= 2);
  });

  it('Find in Workspace indexes every Markdown draft of the workspace', async () => {
    await api.workspaceIndex.ensure();
    const results = api.workspaceIndex.search.search('Jane Doe');
    const files = new Set(results.map((item) => item.uri && vscode.Uri.parse(item.uri).path.split('/').pop()));
    assert.ok(files.has('harbour-vote.md'), JSON.stringify([...files]));
    assert.ok(files.has('council-vote.md'), JSON.stringify([...files]));
    const library = api.workspaceIndex.search.search('close library');
    assert.strictEqual(library[0]?.label, 'We will not close the library,');
    const ours = library.find((item) => /harbour-vote\.md:\d+ · Direct quote/.test(item.detail ?? ''));
    assert.ok(ours, JSON.stringify(library.map((item) => item.detail)));
    assert.strictEqual(ours.label, 'We will not close the library,');
  });

  describe('commands', () => {
    const accept = () => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

    it('Find Actor… selects the picked actor in the draft', async () => {
      const editor = await vscode.window.showTextDocument(document);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await vscode.commands.executeCommand('sourceTrace.findActor');
      await settle();
      await accept();
      const selected = await until('a selection', () => {
        const active = vscode.window.activeTextEditor;
        return active && !active.selection.isEmpty ? active.document.getText(active.selection) : undefined;
      });
      const analysis = api.cache.peek(document);
      assert.ok(analysis);
      assert.ok(analysis.actors.some((actor) => actor.mentions.some((mention) => mention.text === selected)), `selected ${JSON.stringify(selected)}`);
    });

    it('Show Attribution Chain lists the chain of the claim at the cursor', async () => {
      const editor = await vscode.window.showTextDocument(document);
      const position = positionOf(document, 'close the library');
      editor.selection = new vscode.Selection(position, position);
      void vscode.commands.executeCommand('sourceTrace.showChain');
      await settle();
      await accept();
      const selected = await until('the claim selected', () => {
        const active = vscode.window.activeTextEditor;
        return active && !active.selection.isEmpty ? active.document.getText(active.selection) : undefined;
      });
      assert.strictEqual(selected, 'We will not close the library,');
    });

    it('Export Source List opens a Markdown table of the sources', async () => {
      await vscode.window.showTextDocument(document);
      const done = vscode.commands.executeCommand('sourceTrace.exportSources');
      await settle();
      await accept(); // Markdown table
      await settle();
      await accept(); // Open in a new editor
      await done;
      const exported = await until('the exported table', () => {
        const active = vscode.window.activeTextEditor?.document;
        return active?.isUntitled && active.getText().includes('| Actor |') ? active.getText() : undefined;
      });
      assert.match(exported, /\| Jane Doe \| person \| Mayor \| Direct quote \| said \| We will not close the library, \| \d+ \|/);
      assert.match(exported, /\| \(no source\) \|.*4\.2 million/);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  });
});
