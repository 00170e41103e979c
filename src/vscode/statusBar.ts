// Status bar: a one-line summary of the active draft; click shows the Actors view.
import * as vscode from 'vscode';
import type { ActiveDraft } from './activeDraft';
import type { AnalysisCache } from './analysisCache';
import type { Settings } from './settings';
import { statusModel } from './view/status';

export class SourceStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('sourceTrace.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(
    private readonly cache: AnalysisCache,
    private readonly drafts: ActiveDraft,
    private readonly settings: () => Settings,
  ) {
    this.item.name = 'Source Trace';
    this.item.command = 'sourceTrace.showActors';
    this.disposables.push(
      drafts.onDidChange(() => this.update()),
      cache.onDidAnalyze(({ document }) => {
        if (document === this.drafts.document) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    const document = this.drafts.document;
    if (!document) {
      this.item.hide();
      return;
    }
    const state = this.cache.last(document);
    if (!state) {
      this.item.text = '$(quote) Source Trace';
      this.item.tooltip = this.settings().run === 'manual' ? 'Run "Source Trace: Refresh" to analyse this draft.' : 'Analysing…';
      this.item.command = this.settings().run === 'manual' ? 'sourceTrace.refresh' : 'sourceTrace.showActors';
    } else if (state.kind === 'ready') {
      const model = statusModel(state.analysis);
      this.item.text = `$(quote) ${model.text}`;
      this.item.tooltip = model.tooltip;
      this.item.command = 'sourceTrace.showActors';
    } else {
      this.item.text = '$(warning) Source Trace';
      this.item.tooltip = state.message;
      this.item.command = 'sourceTrace.showActors';
    }
    this.item.show();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
