// Diagnostics from the engine's findings, with the user's severities and cap applied.
import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import type { Settings } from './settings';
import { diagnosticModels } from './view/diagnostics';
import type { DiagnosticModel } from './view/diagnostics';

export const DIAGNOSTIC_SOURCE = 'Source Trace';

const SEVERITY: Record<DiagnosticModel['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export class DiagnosticsPublisher implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('source-trace');
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    private readonly cache: AnalysisCache,
    private readonly settings: () => Settings,
  ) {
    this.disposables.push(
      cache.onDidAnalyze(({ document }) => this.publish(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)),
    );
  }

  /** Re-renders one document from its cached analysis (no re-analysis). */
  publish(document: vscode.TextDocument): void {
    const state = this.cache.last(document);
    if (!state || state.kind !== 'ready' || document.isClosed) {
      this.collection.delete(document.uri);
      return;
    }
    const settings = this.settings();
    // The analysis may be one edit behind; clamp offsets to the current text.
    const length = document.getText().length;
    const diagnostics = diagnosticModels(state.analysis.findings, settings.severities, settings.maxDiagnostics).map((model) => {
      const range = new vscode.Range(document.positionAt(Math.min(model.start, length)), document.positionAt(Math.min(model.end, length)));
      const diagnostic = new vscode.Diagnostic(range, model.message, SEVERITY[model.severity]);
      diagnostic.code = model.code;
      diagnostic.source = DIAGNOSTIC_SOURCE;
      return diagnostic;
    });
    this.collection.set(document.uri, diagnostics);
  }

  /** After a settings change: every open draft again, from the cache. */
  republishAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (this.cache.last(document)) this.publish(document);
      else this.collection.delete(document.uri);
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
