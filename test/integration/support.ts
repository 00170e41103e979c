// Helpers shared by the integration tests (not a test file: the runner loads only *.test.js).
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'source-trace.source-trace';

/** The fixture folder: the test workspace the harness opened, or test/fixtures in a checkout. */
export function fixturesDir(): string {
  if (process.env.SOURCE_TRACE_FIXTURES) return process.env.SOURCE_TRACE_FIXTURES;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder) return folder.uri.fsPath;
  return path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');
}

/** Polls until `probe` gives a value: analyses are debounced, so results arrive a little later. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The position just inside the first occurrence of `needle` in the document. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 1): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `fixture lacks ${JSON.stringify(needle)}`);
  return document.positionAt(offset + delta);
}

/** A diagnostic's code as text (VS Code allows a plain value or `{ value, target }`). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  return String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
}
