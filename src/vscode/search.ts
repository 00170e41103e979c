// Find Actor…, Find Claim… (the active draft) and Find in Workspace… (every draft of the workspace).
import * as vscode from 'vscode';
import type { Analysis } from '../core/types';
import type { ActiveDraft } from './activeDraft';
import { loadEngine } from './analysisCache';
import type { AnalysisCache } from './analysisCache';
import { isDraft } from './settings';
import type { Settings } from './settings';
import { actorPickItems, claimPickItems, createWorkspaceSearch, workspaceEntries } from './view/search';
import type { PickItem, WorkspaceFileEntries, WorkspaceSearch } from './view/search';

interface SourcePickItem extends vscode.QuickPickItem {
  pick: PickItem;
}

export function toQuickPickItem(pick: PickItem): SourcePickItem {
  // QuickPickItem has no stable label-highlight API; fuse.js has already filtered, so every item is always shown
  // and the quick pick's own matcher underlines what it recognises in the label.
  return { label: pick.label, description: pick.description, detail: pick.detail, iconPath: new vscode.ThemeIcon(pick.icon), alwaysShow: true, pick };
}

/**
 * Selects a range of a document, opening it when needed, in the column where it is already shown.
 * `preserveFocus` keeps the keyboard in the tree when a tree row is clicked.
 */
export async function revealRange(uri: vscode.Uri, start: number, end: number, preserveFocus = false): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const shown = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
  const editor = await vscode.window.showTextDocument(document, { preserveFocus, preview: true, viewColumn: shown?.viewColumn });
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

async function activeAnalysis(drafts: ActiveDraft, cache: AnalysisCache): Promise<{ document: vscode.TextDocument; analysis: Analysis } | undefined> {
  const document = drafts.document;
  if (!document) {
    void vscode.window.showInformationMessage('Source Trace: open a Markdown draft first.');
    return undefined;
  }
  const state = await cache.get(document);
  if (!state) return undefined;
  if (state.kind !== 'ready') {
    void vscode.window.showWarningMessage(state.message);
    return undefined;
  }
  return { document, analysis: state.analysis };
}

/** Find Actor… / Find Claim…: a fuzzy quick pick over the active draft. */
export async function findInDraft(which: 'actor' | 'claim', drafts: ActiveDraft, cache: AnalysisCache): Promise<void> {
  const found = await activeAnalysis(drafts, cache);
  if (!found) return;
  const { document, analysis } = found;
  const text = document.getText();
  const items = (query: string) => (which === 'actor' ? actorPickItems(analysis, query) : claimPickItems(analysis, query, 200, text)).map(toQuickPickItem);
  const quickPick = vscode.window.createQuickPick<SourcePickItem>();
  quickPick.title = which === 'actor' ? 'Source Trace: Find Actor' : 'Source Trace: Find Claim';
  quickPick.placeholder = which === 'actor' ? 'Name, title or alias (typos are fine)' : 'Words of a claim, or who made it';
  quickPick.matchOnDescription = true;
  quickPick.items = items('');
  quickPick.onDidChangeValue((value) => (quickPick.items = items(value)));
  quickPick.onDidAccept(() => {
    const picked = quickPick.selectedItems[0];
    quickPick.hide();
    if (picked) void revealRange(document.uri, picked.pick.target.start, picked.pick.target.end);
  });
  quickPick.onDidHide(() => quickPick.dispose());
  quickPick.show();
}

/** Every draft of the workspace, analysed once and kept up to date on save. */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly files = new Map<string, WorkspaceFileEntries>();
  private building: Promise<void> | undefined;
  private index: WorkspaceSearch | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly settings: () => Settings) {
    this.disposables.push(
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.building && isDraft(document, this.settings())) void this.add(document.uri).then(() => this.changed.fire());
      }),
      vscode.workspace.onDidDeleteFiles((event) => {
        for (const uri of event.files) this.files.delete(uri.toString());
        this.index = undefined;
        this.changed.fire();
      }),
    );
  }

  /** The search over what is indexed so far; rebuilt only after files changed. */
  get search(): WorkspaceSearch {
    this.index ??= createWorkspaceSearch([...this.files.values()]);
    return this.index;
  }

  /** Starts indexing once, behind a progress notification; later calls reuse it. */
  ensure(): Promise<void> {
    this.building ??= Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Source Trace: indexing drafts', cancellable: true },
        async (progress, token) => {
          const uris = await vscode.workspace.findFiles(this.settings().include, '**/node_modules/**', undefined, token);
          let done = 0;
          for (const uri of uris) {
            if (token.isCancellationRequested) break;
            await this.add(uri);
            done += 1;
            progress.report({ increment: 100 / Math.max(1, uris.length), message: `${done} of ${uris.length}` });
            if (done % 10 === 0) this.changed.fire();
          }
          this.changed.fire();
          // A cancelled run indexes again next time.
          if (token.isCancellationRequested) this.building = undefined;
        },
      ),
    );
    return this.building;
  }

  private async add(uri: vscode.Uri): Promise<void> {
    const settings = this.settings();
    try {
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
      const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      if (text.length > settings.maxFileSize) return;
      const analyze = await loadEngine();
      const analysis = analyze(text, { format: 'markdown' });
      this.files.set(uri.toString(), workspaceEntries(uri.toString(), vscode.workspace.asRelativePath(uri), analysis, text));
    } catch {
      // Unreadable files are skipped; the search covers what could be read.
      this.files.delete(uri.toString());
    }
    this.index = undefined;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Find in Workspace…: opens at once, fills in as the background index grows. */
export function findInWorkspace(index: WorkspaceIndex): void {
  const quickPick = vscode.window.createQuickPick<SourcePickItem>();
  quickPick.title = 'Source Trace: Find in Workspace';
  quickPick.placeholder = 'An actor, or words of a claim, in any draft';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  const update = () => (quickPick.items = index.search.search(quickPick.value).map(toQuickPickItem));
  const listener = index.onDidChange(update);
  quickPick.busy = true;
  void index.ensure().then(() => {
    quickPick.busy = false;
    update();
  });
  update();
  quickPick.onDidChangeValue(update);
  quickPick.onDidAccept(() => {
    const picked = quickPick.selectedItems[0];
    quickPick.hide();
    if (picked?.pick.uri) void revealRange(vscode.Uri.parse(picked.pick.uri), picked.pick.target.start, picked.pick.target.end);
  });
  quickPick.onDidHide(() => {
    listener.dispose();
    quickPick.dispose();
  });
  quickPick.show();
}
