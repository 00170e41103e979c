// Which draft the views follow: the active editor's document when it is a draft.
import * as vscode from 'vscode';
import { isDraft } from './settings';
import type { Settings } from './settings';

export class ActiveDraft implements vscode.Disposable {
  private current: vscode.TextDocument | undefined;
  private readonly emitter = new vscode.EventEmitter<vscode.TextDocument | undefined>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly settings: () => Settings) {
    this.disposables.push(
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.current) this.set(undefined);
      }),
    );
    this.follow(vscode.window.activeTextEditor);
  }

  get document(): vscode.TextDocument | undefined {
    return this.current && !this.current.isClosed ? this.current : undefined;
  }

  /** The visible editor showing the draft, to reveal ranges in. */
  get editor(): vscode.TextEditor | undefined {
    const document = this.document;
    if (!document) return undefined;
    const active = vscode.window.activeTextEditor;
    if (active?.document === document) return active;
    return vscode.window.visibleTextEditors.find((editor) => editor.document === document);
  }

  /** Re-reads the active editor (after a settings change of languages or include). */
  recheck(): void {
    this.follow(vscode.window.activeTextEditor, true);
  }

  private follow(editor: vscode.TextEditor | undefined, force = false): void {
    // Focus in a panel (the Output panel is an editor too) or a non-text editor leaves the last draft on show.
    if (!editor || editor.document.uri.scheme === 'output') {
      if (force) this.set(undefined);
      return;
    }
    this.set(isDraft(editor.document, this.settings()) ? editor.document : undefined, force);
  }

  private set(document: vscode.TextDocument | undefined, force = false): void {
    if (document === this.current && !force) return;
    this.current = document;
    void vscode.commands.executeCommand('setContext', 'sourceTrace.draftOpen', document !== undefined);
    this.emitter.fire(document);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
