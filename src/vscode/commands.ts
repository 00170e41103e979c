// Show Attribution Chain, Export Source List and the Filter… title action.
import * as vscode from 'vscode';
import type { ActorKind } from '../core/types';
import type { ActiveDraft } from './activeDraft';
import type { AnalysisCache } from './analysisCache';
import { revealRange } from './search';
import type { FilterState } from './tree';
import { chainSteps, claimsAt } from './view/chain';
import { EXPORT_EXTENSIONS, exportSources } from './view/export';
import type { ExportFormat, ExportOptions } from './view/export';
import type { EvidenceStore } from './evidence';
import { readSettings } from './settings';
import { evidenceTargets } from './view/evidence';
import { KIND_LABELS, KIND_ORDER } from './view/labels';

/** The analysis of a draft (the active one by default), or a message saying why there is none. */
async function readyAnalysis(drafts: ActiveDraft, cache: AnalysisCache, document: vscode.TextDocument | undefined = drafts.document) {
  if (!document) {
    void vscode.window.showInformationMessage('Source Trace: open a Markdown draft first.');
    return undefined;
  }
  const state = await cache.get(document);
  if (state?.kind !== 'ready') {
    if (state) void vscode.window.showWarningMessage(state.message);
    return undefined;
  }
  return { document, analysis: state.analysis };
}

/** Show Attribution Chain: every link of the chain at the cursor, each one pickable. */
export async function showChain(drafts: ActiveDraft, cache: AnalysisCache, revealActor: (id: string) => Promise<unknown>): Promise<void> {
  const found = await readyAnalysis(drafts, cache);
  if (!found) return;
  const { document, analysis } = found;
  const editor = drafts.editor;
  const selection = editor?.selection;
  const range = selection ? { start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) } : { start: 0, end: 0 };
  const claims = claimsAt(analysis, range);
  if (claims.length === 0) {
    const unattributed = analysis.unattributed.some((span) => span.start <= range.end && range.start <= span.end);
    void vscode.window.showInformationMessage(
      unattributed ? 'Source Trace: no source — this sentence states a fact without attribution.' : 'Source Trace: no attributed claim at the cursor.',
    );
    return;
  }
  type StepItem = vscode.QuickPickItem & { step?: ReturnType<typeof chainSteps>[number] };
  const items: StepItem[] = chainSteps(analysis, claims).map((step) =>
    step.separator
      ? { label: step.label, kind: vscode.QuickPickItemKind.Separator }
      : { label: step.label, description: step.description, iconPath: step.icon ? new vscode.ThemeIcon(step.icon) : undefined, step },
  );
  const picked = await vscode.window.showQuickPick(items, { title: 'Source Trace: Attribution Chain', placeHolder: 'claim ← cue ← source ← … ← the article' });
  if (!picked?.step) return;
  if (picked.step.target) await revealRange(document.uri, picked.step.target.start, picked.step.target.end);
  else if (picked.step.actorId) await revealActor(picked.step.actorId);
}

/** Export Source List: Markdown table, CSV or JSON, to an untitled document or a file. */
export async function exportSourceList(drafts: ActiveDraft, cache: AnalysisCache): Promise<void> {
  const found = await readyAnalysis(drafts, cache);
  if (!found) return;
  const { document, analysis } = found;
  const format = await vscode.window.showQuickPick(
    [
      { label: 'Markdown table', format: 'markdown' as ExportFormat },
      { label: 'CSV', description: 'for a spreadsheet', format: 'csv' as ExportFormat },
      { label: 'JSON', format: 'json' as ExportFormat },
    ],
    { title: 'Source Trace: Export Source List', placeHolder: 'Format' },
  );
  if (!format) return;
  // The register stays next to the draft unless the writer asks for it (asked only when the draft has one);
  // contact notes need the `sourceTrace.export.includeContactNotes` setting on top.
  const options: ExportOptions = {};
  let exported = analysis;
  if (analysis.actors.some((actor) => actor.register)) {
    const allowNotes = readSettings().exportContactNotes;
    const details = await vscode.window.showQuickPick(
      [
        { label: 'Claims only', description: 'no register details', register: false },
        {
          label: 'Include register details',
          description: allowNotes ? 'role, on the record, reason, how they know, contact notes' : 'role, on the record, reason, how they know (never contact notes)',
          register: true,
        },
      ],
      { title: 'Source Trace: Export Source List', placeHolder: 'Source register details' },
    );
    if (!details) return;
    options.register = details.register;
    options.contactNotes = details.register && allowNotes;
    if (options.contactNotes) {
      // Contact notes are stripped from the cached analysis; only this one-off export reads them.
      const state = await cache.analyzeWith(document, { includeContactNotes: true });
      if (state.kind === 'ready') exported = state.analysis;
    }
  }
  const destination = await vscode.window.showQuickPick(
    [
      { label: 'Open in a new editor', save: false },
      { label: 'Save to a file…', save: true },
    ],
    { title: 'Source Trace: Export Source List', placeHolder: 'Where to' },
  );
  if (!destination) return;
  const name = document.isUntitled ? null : vscode.workspace.asRelativePath(document.uri);
  const content = exportSources(format.format, exported, document.getText(), name, options);
  if (!destination.save) {
    const language = format.format === 'markdown' ? 'markdown' : format.format === 'csv' ? 'csv' : 'json';
    const opened = await vscode.workspace.openTextDocument({ language, content });
    await vscode.window.showTextDocument(opened, { preview: false });
    return;
  }
  const base = document.isUntitled ? 'draft' : (document.uri.path.split('/').pop() ?? 'draft').replace(/\.[^.]+$/, '');
  const folder = vscode.Uri.joinPath(document.uri, '..');
  const target = await vscode.window.showSaveDialog({
    title: 'Export Source List',
    defaultUri: document.isUntitled ? undefined : vscode.Uri.joinPath(folder, `${base}.sources.${EXPORT_EXTENSIONS[format.format]}`),
    filters: { [format.label]: [EXPORT_EXTENSIONS[format.format]] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  void vscode.window.showInformationMessage(`Source Trace: source list saved to ${vscode.workspace.asRelativePath(target)}.`);
}

/** Filter…: pick kinds, then optionally type text. */
export async function chooseFilter(filters: FilterState): Promise<void> {
  const current = filters.filter;
  type KindItem = vscode.QuickPickItem & { actorKind: ActorKind };
  const kinds = await vscode.window.showQuickPick<KindItem>(
    KIND_ORDER.map((kind) => ({ label: KIND_LABELS[kind], actorKind: kind, picked: current.kinds?.includes(kind) ?? false })),
    { title: 'Source Trace: Filter (1/2) — kinds of actor', placeHolder: 'Pick none to show every kind', canPickMany: true },
  );
  if (!kinds) return;
  const text = await vscode.window.showInputBox({
    title: 'Source Trace: Filter (2/2) — text',
    prompt: 'Show only actors and claims containing this text (empty: no text filter)',
    value: current.text ?? '',
  });
  if (text === undefined) return;
  filters.set({ kinds: kinds.map((item) => item.actorKind), text: text.trim() || undefined });
}

/**
 * Open Evidence: the source file of a quote, at the matching line (selected). From a hover link the claim
 * comes as (uri, claimId[, fragment index]); from the palette, the claims of the sentence at the cursor.
 */
export async function openEvidence(drafts: ActiveDraft, cache: AnalysisCache, store: EvidenceStore, ...args: unknown[]): Promise<vscode.TextEditor | undefined> {
  // A tree row passes its node; a hover link or a code action passes (draft uri, claim id[, fragment index]).
  const node = args[0] as { type?: unknown; claim?: { id?: unknown } } | undefined;
  const [uriArg, claimArg, indexArg] = node && typeof node === 'object' && node.type === 'claim' ? [undefined, node.claim?.id, undefined] : args;
  const requested =
    typeof uriArg === 'string' ? vscode.workspace.textDocuments.find((open) => open.uri.toString() === uriArg) ?? drafts.document : drafts.document;
  const ready = await readyAnalysis(drafts, cache, requested);
  if (!ready) return undefined;
  const { document, analysis } = ready;
  let claims = analysis.claims.filter((claim) => claim.id === claimArg);
  if (claims.length === 0) {
    const editor = vscode.window.visibleTextEditors.find((visible) => visible.document === document);
    const selection = editor?.selection;
    const range = selection ? { start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) } : { start: 0, end: 0 };
    claims = claimsAt(analysis, range);
  }
  let targets = evidenceTargets(claims);
  if (typeof indexArg === 'number') targets = targets.filter((target) => target.index === indexArg);
  if (targets.length === 0) {
    const checked = claims.some((claim) => (claim.evidence ?? []).length > 0);
    void vscode.window.showInformationMessage(
      checked
        ? 'Source Trace: the quote at the cursor was not found in the source material.'
        : claims.length > 0
          ? 'Source Trace: no source material matched this claim (is there a sources/ folder or a sources: list?).'
          : 'Source Trace: no quoted claim at the cursor.',
    );
    return undefined;
  }
  let target = targets[0];
  if (targets.length > 1) {
    const picked = await vscode.window.showQuickPick(
      targets.map((item) => ({ label: item.label, description: item.description, iconPath: new vscode.ThemeIcon(item.icon), item })),
      { title: 'Source Trace: Open Evidence', placeHolder: 'Which quoted fragment' },
    );
    if (!picked) return undefined;
    target = picked.item;
  }
  const uri = store.resolve(target.file, document.uri);
  if (!uri) {
    void vscode.window.showWarningMessage(`Source Trace: cannot find ${target.file} in the workspace.`);
    return undefined;
  }
  try {
    const source = await vscode.workspace.openTextDocument(uri);
    const line = Math.min(Math.max(0, target.line - 1), source.lineCount - 1);
    const range = source.lineAt(line).range;
    return await vscode.window.showTextDocument(source, { preview: true, selection: range });
  } catch (error) {
    void vscode.window.showWarningMessage(`Source Trace: cannot open ${target.file}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
