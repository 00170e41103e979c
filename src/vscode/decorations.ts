// Decorations: a dotted underline under unattributed sentences and a faint tint on quoted words. Off by setting.
import * as vscode from 'vscode';
import type { ActiveDraft } from './activeDraft';
import type { AnalysisCache } from './analysisCache';
import type { Settings } from './settings';

export class DraftDecorations implements vscode.Disposable {
  private readonly unattributed = vscode.window.createTextEditorDecorationType({
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 1px 0',
    borderColor: new vscode.ThemeColor('sourceTrace.unattributedUnderline'),
    overviewRulerColor: new vscode.ThemeColor('sourceTrace.unattributedUnderline'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  private readonly quoted = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('sourceTrace.quoteBackground'),
  });
  private readonly disposables: vscode.Disposable[] = [this.unattributed, this.quoted];

  constructor(
    private readonly cache: AnalysisCache,
    private readonly drafts: ActiveDraft,
    private readonly settings: () => Settings,
  ) {
    this.disposables.push(
      cache.onDidAnalyze(({ document }) => this.renderDocument(document)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.renderAll()),
      drafts.onDidChange(() => this.renderAll()),
    );
  }

  renderAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.render(editor);
  }

  private renderDocument(document: vscode.TextDocument): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.render(editor);
  }

  private render(editor: vscode.TextEditor): void {
    if (!this.settings().decorations) {
      editor.setDecorations(this.unattributed, []);
      editor.setDecorations(this.quoted, []);
      return;
    }
    // Only an analysis of this exact version places decorations; otherwise the editor keeps shifting the old ones.
    const analysis = this.cache.peek(editor.document);
    if (!analysis) return;
    const document = editor.document;
    const range = (start: number, end: number) => new vscode.Range(document.positionAt(start), document.positionAt(end));
    editor.setDecorations(
      this.unattributed,
      analysis.unattributed.map((span) => ({
        range: range(span.start, span.end),
        hoverMessage: 'Source Trace: no source for this sentence.',
      })),
    );
    editor.setDecorations(
      this.quoted,
      analysis.claims.flatMap((claim) => claim.quotes.map((quote) => range(quote.start, quote.end))),
    );
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
