// Wires the thin adapters together. Analysis lives in src/core; nothing here reads prose.
import * as vscode from 'vscode';
import { ActiveDraft } from './activeDraft';
import { AnalysisCache } from './analysisCache';
import type { AnalysisState } from './analysisCache';
import { SourceCodeActionProvider } from './codeActions';
import { chooseFilter, exportSourceList, openEvidence, showChain } from './commands';
import { EvidenceStore } from './evidence';
import { DraftDecorations } from './decorations';
import { DiagnosticsPublisher } from './diagnostics';
import { SourceHoverProvider } from './hover';
import { WorkspaceIndex, findInDraft, findInWorkspace, revealRange, toQuickPickItem } from './search';
import { SECTION, documentSelector, isDraft, readSettings } from './settings';
import type { Settings } from './settings';
import { SourceStatusBar } from './statusBar';
import { ActorsTreeProvider, ClaimsTreeProvider, FilterState } from './tree';
import { hoverModel } from './view/hover';
import { actorPickItems, claimPickItems } from './view/search';

/** Returned from activate(): lets integration tests reach the providers through the real extension host. */
export interface SourceTraceApi {
  cache: AnalysisCache;
  actors: ActorsTreeProvider;
  claims: ClaimsTreeProvider;
  diagnostics: DiagnosticsPublisher;
  filters: FilterState;
  status: SourceStatusBar;
  workspaceIndex: WorkspaceIndex;
  /** Source material and register read from the workspace. */
  evidence: EvidenceStore;
  /** Analyses a document now (or returns the cached analysis of its version). */
  analyze(document: vscode.TextDocument): Promise<AnalysisState | undefined>;
  /** The item builders behind Find Actor… / Find Claim… and their conversion to QuickPickItems. */
  actorPickItems: typeof actorPickItems;
  claimPickItems: typeof claimPickItems;
  toQuickPickItem: typeof toQuickPickItem;
  hoverModel: typeof hoverModel;
}

export function activate(context: vscode.ExtensionContext): SourceTraceApi {
  let settings: Settings = readSettings();
  const getSettings = () => settings;

  const evidence = new EvidenceStore(getSettings);
  const cache = new AnalysisCache(getSettings, (document, text) => evidence.optionsFor(document, text));
  const drafts = new ActiveDraft(getSettings);
  const filters = new FilterState();
  const actors = new ActorsTreeProvider(drafts, cache, filters, getSettings);
  const claims = new ClaimsTreeProvider(drafts, cache, filters, getSettings);
  const actorsView = vscode.window.createTreeView('sourceTrace.actors', { treeDataProvider: actors, showCollapseAll: true });
  const claimsView = vscode.window.createTreeView('sourceTrace.claims', { treeDataProvider: claims, showCollapseAll: true });
  actors.attach(actorsView);
  claims.attach(claimsView);
  const diagnostics = new DiagnosticsPublisher(cache, getSettings);
  const decorations = new DraftDecorations(cache, drafts, getSettings);
  const status = new SourceStatusBar(cache, drafts, getSettings);
  const workspaceIndex = new WorkspaceIndex(getSettings);
  context.subscriptions.push(evidence, cache, drafts, filters, actors, claims, actorsView, claimsView, diagnostics, decorations, status, workspaceIndex);

  // Hover and quick fixes follow the `sourceTrace.languages` setting.
  let languageFeatures: vscode.Disposable | undefined;
  const registerLanguageFeatures = () => {
    languageFeatures?.dispose();
    const selector = documentSelector(settings);
    languageFeatures = vscode.Disposable.from(
      vscode.languages.registerHoverProvider(selector, new SourceHoverProvider(cache, getSettings)),
      vscode.languages.registerCodeActionsProvider(selector, new SourceCodeActionProvider(cache), SourceCodeActionProvider.metadata),
    );
  };
  registerLanguageFeatures();
  context.subscriptions.push({ dispose: () => languageFeatures?.dispose() });

  const analyseIfAutomatic = (document: vscode.TextDocument) => {
    if (settings.run !== 'manual' && isDraft(document, settings)) void cache.get(document);
  };

  const revealActor = async (...args: unknown[]) => {
    // From a hover: (uri, actorId); from the chain picker: (actorId).
    const id = String(args.length >= 2 ? args[1] : args[0]);
    await vscode.commands.executeCommand('sourceTrace.actors.focus');
    if (!(await actors.reveal(`actor:${id}`))) void vscode.window.showInformationMessage('Source Trace: that actor is not in the Actors view (is a filter on?).');
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(analyseIfAutomatic),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && settings.run === 'onType' && isDraft(event.document, settings)) cache.schedule(event.document);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (settings.run === 'onSave' && isDraft(document, settings)) void cache.get(document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => cache.invalidate(document.uri)),
    // Source material or a register changed: every open draft is read again against the new index.
    evidence.onDidChange(() => {
      cache.invalidate();
      vscode.workspace.textDocuments.forEach(analyseIfAutomatic);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SECTION)) return;
      const before = settings;
      settings = readSettings();
      if (event.affectsConfiguration(`${SECTION}.sources.glob`)) evidence.reset();
      const rereads = ['languages', 'include', 'maxFileSize'].some((key) => event.affectsConfiguration(`${SECTION}.${key}`));
      if (event.affectsConfiguration(`${SECTION}.languages`)) registerLanguageFeatures();
      if (rereads) {
        cache.invalidate();
        drafts.recheck();
        vscode.workspace.textDocuments.forEach(analyseIfAutomatic);
      }
      if (before.run === 'manual' && settings.run !== 'manual') vscode.workspace.textDocuments.forEach(analyseIfAutomatic);
      diagnostics.republishAll();
      decorations.renderAll();
      status.update();
      actors.refresh();
      claims.refresh();
    }),

    vscode.commands.registerCommand('sourceTrace.refresh', async () => {
      const document = drafts.document;
      // Refresh also reads the source material and the register again.
      evidence.reset(false);
      if (document) {
        cache.invalidate(document.uri);
        await cache.get(document);
      }
      actors.refresh();
      claims.refresh();
    }),
    vscode.commands.registerCommand('sourceTrace.findActor', () => findInDraft('actor', drafts, cache)),
    vscode.commands.registerCommand('sourceTrace.findClaim', () => findInDraft('claim', drafts, cache)),
    vscode.commands.registerCommand('sourceTrace.findInWorkspace', () => findInWorkspace(workspaceIndex)),
    vscode.commands.registerCommand('sourceTrace.showChain', () => showChain(drafts, cache, revealActor)),
    vscode.commands.registerCommand('sourceTrace.exportSources', () => exportSourceList(drafts, cache)),
    vscode.commands.registerCommand('sourceTrace.openEvidence', (...args: unknown[]) => openEvidence(drafts, cache, evidence, ...args)),
    vscode.commands.registerCommand('sourceTrace.filter', () => chooseFilter(filters)),
    vscode.commands.registerCommand('sourceTrace.clearFilter', () => filters.set({})),
    vscode.commands.registerCommand('sourceTrace.showActors', () => vscode.commands.executeCommand('sourceTrace.actors.focus')),
    vscode.commands.registerCommand('sourceTrace.revealActor', revealActor),
    // Tree rows pass `true` as a fourth argument to keep the keyboard in the tree.
    vscode.commands.registerCommand('sourceTrace.revealRange', (uri: string, start: number, end: number, preserveFocus?: boolean) =>
      revealRange(vscode.Uri.parse(uri), Number(start), Number(end), preserveFocus === true),
    ),
    vscode.commands.registerCommand('sourceTrace.openSample', async () => {
      const sample = vscode.Uri.joinPath(context.extensionUri, 'examples', 'harbour-strike.md');
      try {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sample), { preview: false });
        await vscode.commands.executeCommand('sourceTrace.actors.focus');
      } catch {
        void vscode.window.showWarningMessage('Source Trace: the sample draft is missing from this installation.');
      }
    }),
  );

  void vscode.commands.executeCommand('setContext', 'sourceTrace.filtered', false);
  vscode.workspace.textDocuments.forEach(analyseIfAutomatic);

  return {
    cache,
    actors,
    claims,
    diagnostics,
    filters,
    status,
    workspaceIndex,
    evidence,
    analyze: (document) => cache.get(document),
    actorPickItems,
    claimPickItems,
    toQuickPickItem,
    hoverModel,
  };
}

export function deactivate(): void {}
