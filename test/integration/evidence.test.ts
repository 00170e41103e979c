// Quote evidence and the source register in a real VS Code: the draft test/fixtures/evidence-workspace/
// bridge-closure.md lists its source material in front matter (sources/*.txt, sources/*.vtt, relative to
// the draft) and sits under a `.source-trace/sources.yaml` register with private contact notes.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SourceTraceApi } from '../../src/vscode/extension';
import { EXTENSION_ID, codeOf, fixturesDir, positionOf, until } from './support';
import type { ActorNode, TreeNode } from '../../src/vscode/view/tree';

const SOURCE = 'Source Trace';
const CONTACT_NOTE = /PRIVATE-CONTACT-NOTE/;


async function hoverAt(document: vscode.TextDocument, needle: string): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, needle));
  const ours = hovers
    .flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)))
    .filter((text) => text.startsWith('**Source Trace**'));
  assert.strictEqual(ours.length, 1, `expected one Source Trace hover at ${needle}`);
  return ours[0];
}

describe('Source Trace quote evidence and source register in VS Code', function () {
  this.timeout(60_000);
  let api: SourceTraceApi;
  let document: vscode.TextDocument;

  before(async () => {
    const extension = vscode.extensions.getExtension<SourceTraceApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(fixturesDir(), 'evidence-workspace', 'bridge-closure.md')));
    await vscode.window.showTextDocument(document);
    api = await extension.activate();
    const state = await api.analyze(document);
    assert.strictEqual(state?.kind, 'ready', `analysis not ready: ${JSON.stringify(state)}`);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reads the material listed in front matter and the register into the analysis', async () => {
    const analysis = await until('an analysis with evidence', async () => {
      const state = await api.analyze(document);
      return state?.kind === 'ready' && state.analysis.claims.some((claim) => claim.evidence?.length) ? state.analysis : undefined;
    });
    const verdicts = analysis.claims.filter((claim) => claim.evidence).map((claim) => claim.evidence?.map((evidence) => evidence.verdict).join('+'));
    assert.deepStrictEqual(verdicts, ['exact', 'exact', 'reworded', 'not-found']);
    assert.ok(analysis.actors.some((actor) => actor.register?.role === 'Transport Minister'));
    assert.doesNotMatch(JSON.stringify(analysis), CONTACT_NOTE, 'contact notes must not reach the cached analysis');
    await vscode.window.showTextDocument(document);
    const status = await until('the status bar to count unverified quotes', () => {
      api.status.update();
      return /quotes? unverified/.test(api.status.item.text) ? api.status.item.text : undefined;
    });
    assert.match(status, /2 quotes unverified/);
  });

  it('hover ends the chain in the evidence: file and line, the diff, or not found', async () => {
    const exact = await hoverAt(document, 'ferry will run');
    assert.match(exact, /Evidence: \*\*exact\*\* — `evidence-workspace\/sources\/call-readout\.txt:6`/);
    assert.match(exact, /\[Open Evidence\]\(command:sourceTrace\.openEvidence\?/);

    const timed = await hoverAt(document, 'asked the contractor');
    assert.match(timed, /\*\*exact\*\* — `evidence-workspace\/sources\/interview\.vtt:7 @ 00:00:04\.500`/);

    const reworded = await hoverAt(document, 'Nobody will be left');
    assert.match(reworded, /\*\*reworded\*\* — `evidence-workspace\/sources\/interview\.vtt:10 @ 00:00:09\.500`.*\(diff: .*~~any~~ \*\*a\*\*/);

    const missing = await hoverAt(document, 'repairs will not cost');
    // The draft lists its own material in front matter, so both places are named.
    assert.match(missing, /Evidence: \*\*not found\*\* in `sources\/` or this draft's `sources:` list/);
    assert.doesNotMatch(missing, /Open Evidence/);
  });

  it('quote-differs and quote-not-found appear as diagnostics', async () => {
    const diagnostics = await until('evidence diagnostics', () => {
      const ours = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === SOURCE);
      return ours.some((diagnostic) => codeOf(diagnostic) === 'quote-not-found') ? ours : undefined;
    });
    const differs = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'quote-differs');
    assert.ok(differs, JSON.stringify(diagnostics.map(codeOf)));
    assert.ok(document.getText(differs.range).includes('Nobody will be left'), document.getText(differs.range));
    assert.match(differs.message, /any → a/);
    assert.strictEqual(differs.severity, vscode.DiagnosticSeverity.Warning);
    const missing = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'quote-not-found');
    assert.ok(missing && document.getText(missing.range).includes('repairs will not cost'));
  });

  it('offers the transcript wording only as a quick fix the writer picks', async () => {
    const differs = vscode.languages.getDiagnostics(document.uri).find((diagnostic) => codeOf(diagnostic) === 'quote-differs');
    assert.ok(differs);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, differs.range);
    const replace = actions.find((action) => action.title.startsWith("Replace the quote with the transcript's wording"));
    assert.ok(replace, JSON.stringify(actions.map((action) => action.title)));
    assert.notStrictEqual(replace.isPreferred, true, 'never preferred: no auto-fix may apply it');
    assert.ok(replace.edit);
    const [[uri, edits]] = replace.edit.entries();
    assert.strictEqual(uri.toString(), document.uri.toString());
    assert.strictEqual(edits[0].newText, 'Nobody will be left without a way to get to work,');
    assert.ok(actions.some((action) => action.title === 'Open Evidence' && action.command?.command === 'sourceTrace.openEvidence'));
    // Nothing was applied on its own.
    assert.ok(document.getText().includes('without any way to get to work'));
  });

  it('Open Evidence opens the matching source file at the line, selected', async () => {
    const editor = await vscode.window.showTextDocument(document);
    const position = positionOf(document, 'ferry will run');
    editor.selection = new vscode.Selection(position, position);
    const opened = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('sourceTrace.openEvidence');
    assert.ok(opened, 'Open Evidence returned no editor');
    assert.strictEqual(path.basename(opened.document.uri.path), 'call-readout.txt');
    assert.strictEqual(opened.selection.start.line, 5, 'line 6 (1-based) of the readout');
    assert.strictEqual(opened.document.getText(opened.selection), 'YOON: Good morning. The ferry will run every twenty minutes from Monday.');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), opened.document.uri.toString());

    // From a hover link: (draft uri, claim id) opens the transcript cue of that claim.
    const analysis = api.cache.peek(document);
    assert.ok(analysis);
    const claim = analysis.claims.find((candidate) => candidate.content.text.startsWith('We have asked'));
    assert.ok(claim);
    const viaLink = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('sourceTrace.openEvidence', document.uri.toString(), claim.id);
    assert.ok(viaLink);
    assert.strictEqual(path.basename(viaLink.document.uri.path), 'interview.vtt');
    assert.strictEqual(viaLink.selection.start.line, 6);
    assert.match(viaLink.document.getText(viaLink.selection), /We have asked the contractor for a full report\./);

    // From the tree row's inline action: the row's node.
    await vscode.window.showTextDocument(document);
    const rows = (await api.claims.getChildren()) as TreeNode[];
    const row = rows.find((node) => node.type === 'claim' && node.claim.content.text.startsWith('Nobody'));
    assert.ok(row);
    assert.strictEqual(api.claims.getTreeItem(row).contextValue, 'claim.direct.evidence');
    const viaTree = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('sourceTrace.openEvidence', row);
    assert.ok(viaTree);
    assert.strictEqual(path.basename(viaTree.document.uri.path), 'interview.vtt');
    assert.strictEqual(viaTree.selection.start.line, 9);
    await vscode.window.showTextDocument(document);
  });

  it('the tree shows verified badges and register details, never contact notes', async () => {
    await vscode.window.showTextDocument(document);
    const claimsRoots = await until('the Claims view of the draft', async () => {
      const nodes = (await api.claims.getChildren()) as TreeNode[];
      return nodes.some((node) => node.type === 'claim' && node.claim.content.text.startsWith('The ferry')) ? nodes : undefined;
    });
    const descriptions = claimsRoots.filter((node) => node.type === 'claim').map((node) => String(api.claims.getTreeItem(node).description));
    assert.ok(descriptions.some((text) => text.includes('✓ exact')), JSON.stringify(descriptions));
    assert.ok(descriptions.some((text) => text.includes('≠ reworded')), JSON.stringify(descriptions));
    assert.ok(descriptions.some((text) => text.includes('? not found')), JSON.stringify(descriptions));

    const roots = (await api.actors.getChildren()) as TreeNode[];
    const actors = roots.flatMap((group) => (group.type === 'group' ? group.actors : [])) as ActorNode[];
    const yoon = actors.find((node) => node.actor.name.includes('Yoon'));
    assert.ok(yoon, JSON.stringify(actors.map((node) => node.actor.name)));
    assert.match(String(api.actors.getTreeItem(yoon).description), /on the record · Transport Minister/);
    const official = actors.find((node) => node.actor.kind === 'anonymous');
    assert.ok(official);
    const rows = (await api.actors.getChildren(official)).map((node) => api.actors.getTreeItem(node));
    const labels = rows.map((item) => (typeof item.label === 'string' ? item.label : item.label?.label));
    assert.ok(labels.includes('Standing: anonymous'), JSON.stringify(labels));
    assert.ok(labels.includes('Why anonymous: not authorised to discuss the contract talks'), JSON.stringify(labels));
    assert.ok(labels.includes('How they know: attended the contract meetings'), JSON.stringify(labels));

    const everything = [...actors, ...(await Promise.all(actors.map((node) => api.actors.getChildren(node)))).flat()].map((node) => api.actors.getTreeItem(node));
    const shown = JSON.stringify(
      everything.map((item) => [item.label, item.description, item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip]),
    );
    assert.doesNotMatch(shown, CONTACT_NOTE);
    const hovers = [await hoverAt(document, 'contract would be reviewed'), await hoverAt(document, 'ferry will run')].join('\n');
    assert.doesNotMatch(hovers, CONTACT_NOTE);
  });

  it('workspace material that matches none of a draft quotes is not that draft material', async () => {
    const other = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(fixturesDir(), 'harbour-vote.md')));
    const state = await api.analyze(other);
    assert.ok(state?.kind === 'ready');
    assert.ok(state.analysis.claims.every((claim) => claim.evidence === undefined), 'no verdicts from another story material');
    assert.ok(!state.analysis.findings.some((finding) => finding.rule === 'quote-not-found'));
  });

  describe('Export Source List', () => {
    const accept = () => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const next = () => vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

    /** Markdown table, register details as asked, to a new editor; returns the exported text. */
    async function exportTable(register: boolean): Promise<string> {
      await vscode.window.showTextDocument(document);
      const done = vscode.commands.executeCommand('sourceTrace.exportSources');
      await settle();
      await accept(); // Markdown table
      await settle();
      if (register) {
        await next();
        await settle();
      }
      await accept(); // Claims only / Include register details
      await settle();
      await accept(); // Open in a new editor
      await done;
      const exported = await until('the exported table', () => {
        const active = vscode.window.activeTextEditor?.document;
        return active?.isUntitled && active.getText().includes('| Actor |') ? active.getText() : undefined;
      });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      return exported;
    }

    after(async () => {
      await vscode.workspace.getConfiguration('sourceTrace').update('export.includeContactNotes', undefined, vscode.ConfigurationTarget.Global);
    });

    it('leaves the register out unless asked, and contact notes out unless the setting allows them', async () => {
      const plain = await exportTable(false);
      assert.doesNotMatch(plain, /Why anonymous/);
      assert.doesNotMatch(plain, CONTACT_NOTE);

      const detailed = await exportTable(true);
      assert.match(detailed, /\| On record \| Role \| Why anonymous \| How they know \| Agreed description \| Line \|/);
      assert.match(detailed, /not authorised to discuss the contract talks \| attended the contract meetings/);
      assert.doesNotMatch(detailed, /Contact notes/);
      assert.doesNotMatch(detailed, CONTACT_NOTE);

      await vscode.workspace.getConfiguration('sourceTrace').update('export.includeContactNotes', true, vscode.ConfigurationTarget.Global);
      const withNotes = await exportTable(true);
      assert.match(withNotes, /\| Contact notes \|/);
      assert.match(withNotes, CONTACT_NOTE);
      // The one-off export did not put the notes into what hovers and views read.
      assert.doesNotMatch(JSON.stringify(api.cache.peek(document)), CONTACT_NOTE);
    });
  });

  it('re-reads the material when a source file changes', async () => {
    const readout = vscode.Uri.file(path.join(fixturesDir(), 'evidence-workspace', 'sources', 'call-readout.txt'));
    const original = await vscode.workspace.fs.readFile(readout);
    try {
      const text = new TextDecoder().decode(original).replace('The ferry will run every twenty minutes from Monday.', 'The ferry will run every half hour from Tuesday.');
      await vscode.workspace.fs.writeFile(readout, new TextEncoder().encode(text));
      await until(
        'the ferry quote to lose its exact match',
        async () => {
          const state = await api.analyze(document);
          const claim = state?.kind === 'ready' ? state.analysis.claims.find((candidate) => candidate.content.text.startsWith('The ferry')) : undefined;
          return claim?.evidence?.[0] && claim.evidence[0].verdict !== 'exact' ? claim.evidence[0].verdict : undefined;
        },
        20_000,
      );
    } finally {
      await vscode.workspace.fs.writeFile(readout, original);
    }
    await until(
      'the exact match to come back',
      async () => {
        const state = await api.analyze(document);
        const claim = state?.kind === 'ready' ? state.analysis.claims.find((candidate) => candidate.content.text.startsWith('The ferry')) : undefined;
        return claim?.evidence?.[0]?.verdict === 'exact' ? true : undefined;
      },
      20_000,
    );
  });

  it('picks up a new source file, and lets go of it when it is deleted', async () => {
    const added = vscode.Uri.file(path.join(fixturesDir(), 'evidence-workspace', 'sources', 'statement.txt'));
    const verdict = async () => {
      const state = await api.analyze(document);
      const claim = state?.kind === 'ready' ? state.analysis.claims.find((candidate) => candidate.content.text.startsWith('The repairs')) : undefined;
      return claim?.evidence?.[0]?.verdict;
    };
    try {
      await vscode.workspace.fs.writeFile(added, new TextEncoder().encode('Statement (fictional)\n\nThe repairs will not cost taxpayers a single cent.\n'));
      await until('the new file to verify the quote', async () => ((await verdict()) === 'exact' ? true : undefined), 20_000);
    } finally {
      await vscode.workspace.fs.delete(added);
    }
    await until('the quote to be unverified again', async () => ((await verdict()) === 'not-found' ? true : undefined), 20_000);
  });
});
