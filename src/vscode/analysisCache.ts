// One analysis per open draft and version: debounced, cancellable, with the engine loaded on first use.
import * as vscode from 'vscode';
import type { Analysis, AnalyzeOptions } from '../core/types';
import { readSettings, isDraft } from './settings';
import type { Settings } from './settings';
import { withoutUnmatchedMaterial } from './view/evidence';
import { tooLargeMessage } from './view/status';

type Engine = (text: string, options?: AnalyzeOptions) => Analysis;

/** What a draft is analysed with besides its text (src/vscode/evidence.ts). */
export interface DraftOptions {
  options: Partial<AnalyzeOptions>;
  /** The material came from the workspace glob only, not from the draft's own `sources:` list. */
  implicitMaterial?: boolean;
}

const NO_OPTIONS: DraftOptions = { options: {} };

let engine: Promise<Engine> | undefined;

/**
 * The engine is imported on the first analysis, not at activation: esbuild keeps it in the same bundle
 * but wraps it lazily, so its module body (and its language data) only runs when a draft is read.
 */
export function loadEngine(): Promise<Engine> {
  engine ??= import('../core/analyze').then((module) => module.analyze);
  return engine;
}

export type AnalysisState =
  | {
      kind: 'ready';
      analysis: Analysis;
      /** The draft lists source material of its own (front matter `sources:`), as read for this analysis. */
      draftListsSources?: boolean;
    }
  | { kind: 'tooLarge'; message: string }
  | { kind: 'failed'; message: string };

interface Entry {
  version: number;
  promise: Promise<AnalysisState>;
  state?: AnalysisState;
}

export interface AnalysisEvent {
  document: vscode.TextDocument;
  state: AnalysisState;
}

export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<AnalysisEvent>();
  /** Fires when a draft's analysis for its current version is ready (or refused). */
  readonly onDidAnalyze = this.emitter.event;

  constructor(
    private settings: () => Settings = () => readSettings(),
    /** Source material and register for a draft (src/vscode/evidence.ts); none when omitted. */
    private readonly inputs?: (document: vscode.TextDocument, text: string) => Promise<DraftOptions>,
  ) {}

  /** The analysis of this exact version, if it is done. Never starts work. */
  peek(document: vscode.TextDocument): Analysis | undefined {
    const entry = this.entries.get(document.uri.toString());
    if (!entry || entry.version !== document.version || entry.state?.kind !== 'ready') return undefined;
    return entry.state.analysis;
  }

  /** The state of this exact version if done or under way; never starts work. */
  current(document: vscode.TextDocument): Promise<AnalysisState> | undefined {
    const entry = this.entries.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.promise : undefined;
  }

  /** Last known state of the document, whatever its version (for views that must not flicker). */
  last(document: vscode.TextDocument): AnalysisState | undefined {
    return this.entries.get(document.uri.toString())?.state;
  }

  /** Analyses now (or reuses the analysis of this version). Resolves undefined when cancelled or not a draft. */
  async get(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<AnalysisState | undefined> {
    const settings = this.settings();
    if (!isDraft(document, settings)) return undefined;
    const key = document.uri.toString();
    this.clearTimer(key);
    let entry = this.entries.get(key);
    if (!entry || entry.version !== document.version) {
      const started: Entry = { version: document.version, promise: Promise.resolve({ kind: 'failed', message: '' }) };
      started.promise = this.compute(document, settings, () => this.entries.get(key) === started);
      entry = started;
      this.entries.set(key, started);
      void started.promise.then((state) => {
        started.state = state;
        // Only the newest version is announced; a stale result just sits behind the newer entry.
        if (this.entries.get(key) === started) this.emitter.fire({ document, state });
      });
    }
    const state = await entry.promise;
    return token?.isCancellationRequested ? undefined : state;
  }

  /** Analyses after the debounce delay; each new edit restarts the delay. */
  schedule(document: vscode.TextDocument, delay = this.settings().debounceMs): void {
    const key = document.uri.toString();
    this.clearTimer(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.get(document);
      }, delay),
    );
  }

  /**
   * A one-off analysis of the current text with extra options (Export Source List with contact notes);
   * never cached, so what it reports stays out of hovers and views.
   */
  async analyzeWith(document: vscode.TextDocument, options: Partial<AnalyzeOptions>): Promise<AnalysisState> {
    const text = document.getText();
    try {
      const [analyze, extra] = await Promise.all([loadEngine(), this.draftOptions(document, text)]);
      return { kind: 'ready', analysis: this.finish(analyze(text, { ...extra.options, ...options, format: document.languageId === 'markdown' ? 'markdown' : 'text' }), extra) };
    } catch (error) {
      return { kind: 'failed', message: `Source Trace could not analyse this draft: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private draftOptions(document: vscode.TextDocument, text: string): Promise<DraftOptions> {
    return this.inputs ? this.inputs(document, text).catch(() => NO_OPTIONS) : Promise.resolve(NO_OPTIONS);
  }

  private finish(analysis: Analysis, extra: DraftOptions): Analysis {
    return extra.implicitMaterial ? withoutUnmatchedMaterial(analysis) : analysis;
  }

  /** Forgets everything about a document (closed, or settings changed). */
  invalidate(uri?: vscode.Uri): void {
    if (!uri) {
      for (const key of this.timers.keys()) this.clearTimer(key);
      this.entries.clear();
      return;
    }
    const key = uri.toString();
    this.clearTimer(key);
    this.entries.delete(key);
  }

  private clearTimer(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
  }

  private async compute(document: vscode.TextDocument, settings: Settings, isCurrent: () => boolean): Promise<AnalysisState> {
    // Read synchronously, before any await, so the text matches the version recorded in the entry.
    const text = document.getText();
    if (text.length > settings.maxFileSize) return { kind: 'tooLarge', message: tooLargeMessage(text.length, settings.maxFileSize) };
    try {
      const [analyze, extra] = await Promise.all([loadEngine(), this.draftOptions(document, text)]);
      // A newer edit replaced this entry while the engine loaded: skip the wasted work.
      if (!isCurrent()) return { kind: 'failed', message: 'superseded by a newer edit' };
      // Severities and the cap are applied at display time, so a settings change never re-reads the draft.
      const analysis = this.finish(analyze(text, { ...extra.options, format: document.languageId === 'markdown' ? 'markdown' : 'text' }), extra);
      return { kind: 'ready', analysis, draftListsSources: extra.implicitMaterial === false };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { kind: 'failed', message: `Source Trace could not analyse this draft: ${message}` };
    }
  }

  dispose(): void {
    for (const key of [...this.timers.keys()]) this.clearTimer(key);
    this.entries.clear();
    this.emitter.dispose();
  }
}
