// Hover: the attribution chain of the sentence under the cursor, or of every claim in the selection.
import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import { readSettings } from './settings';
import type { Settings } from './settings';
import { sourcesFolder } from './view/evidence';
import { HOVER_COMMANDS, hoverModel, staleHoverMarkdown } from './view/hover';

export class SourceHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly settings: () => Settings = () => readSettings(),
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    // Hovers only read what is cached (or already under way for this version); they never start an analysis.
    const pending = this.cache.current(document);
    if (!pending) {
      const { run } = this.settings();
      // Analysed before, edited since, and nothing will analyse it until the writer asks: say so.
      if (run !== 'onType' && this.cache.last(document)?.kind === 'ready') return new vscode.Hover(new vscode.MarkdownString(staleHoverMarkdown(run)));
      return undefined;
    }
    const state = await pending;
    if (state.kind !== 'ready' || token.isCancellationRequested) return undefined;
    const offset = document.offsetAt(position);
    const selection = vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor.selection : undefined;
    // A selection counts when the hover is over it; otherwise the sentence under the cursor.
    const range =
      selection && !selection.isEmpty && selection.contains(position)
        ? { start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) }
        : { start: offset, end: offset };
    const uri = document.uri.toString();
    const model = hoverModel(state.analysis, range, {
      commandLink: (command, args) => `command:${command}?${encodeURIComponent(JSON.stringify([uri, ...args]))}`,
      sourcesFolder: sourcesFolder(this.settings().sourcesGlob),
      draftListsSources: state.draftListsSources === true,
    });
    if (!model) return undefined;
    const markdown = new vscode.MarkdownString(model.markdown);
    markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(model.range.start), document.positionAt(model.range.end)));
  }
}
