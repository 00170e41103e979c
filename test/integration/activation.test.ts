// Smoke test in the real extension host: the extension is present, activates, and a Markdown draft
// opens as Markdown.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

import { EXTENSION_ID, fixturesDir } from './support';

describe('Source Trace activation', () => {
  it('runs inside a real VS Code extension host', () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    assert.strictEqual(typeof vscode.workspace.openTextDocument, 'function');
  });

  it(`has the extension ${EXTENSION_ID} installed`, () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (check engines.vscode and the payload)`);
    assert.strictEqual(ext.packageJSON.name, 'source-trace');
  });

  it('opens the fixture draft as Markdown and activates the extension', async () => {
    const file = path.join(fixturesDir(), 'council-vote.md');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'markdown');
    assert.ok(doc.getText().includes('"We will not cut the library," Mayor Jane Doe said.'), 'fixture text changed');

    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true, 'extension did not become active');
  });
});
