// Reads the `sourceTrace.*` settings into one typed object.
import * as vscode from 'vscode';
import { RULES } from '../core/rules';
import type { RuleId } from '../core/types';
import type { SeveritySetting } from './view/diagnostics';

export type RunMode = 'onType' | 'onSave' | 'manual';

export interface Settings {
  severities: Record<RuleId, SeveritySetting>;
  run: RunMode;
  debounceMs: number;
  maxFileSize: number;
  maxDiagnostics: number;
  decorations: boolean;
  languages: string[];
  include: string;
  /** Workspace glob of source material (transcripts, releases) that quotes are checked against. */
  sourcesGlob: string;
  /** Export Source List may include register contact notes (never otherwise). */
  exportContactNotes: boolean;
}

export const SECTION = 'sourceTrace';
export const DEFAULT_INCLUDE = '**/*.{md,markdown}';
export const DEFAULT_SOURCES_GLOB = 'sources/**';
const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export function severityKey(rule: RuleId): string {
  return `rules.${rule}.severity`;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const severities = {} as Record<RuleId, SeveritySetting>;
  for (const rule of RULES) {
    const value = config.get<string>(severityKey(rule.id), rule.defaultSeverity);
    severities[rule.id] = (SEVERITIES as readonly string[]).includes(value) ? (value as SeveritySetting) : rule.defaultSeverity;
  }
  const run = config.get<string>('run', 'onType');
  const languages = config.get<unknown>('languages', ['markdown']);
  return {
    severities,
    run: run === 'onSave' || run === 'manual' ? run : 'onType',
    debounceMs: clamp(config.get<number>('debounceMs', 300), 0, 10_000),
    maxFileSize: clamp(config.get<number>('maxFileSize', 1_000_000), 0, Number.MAX_SAFE_INTEGER),
    maxDiagnostics: clamp(config.get<number>('maxDiagnostics', 200), 0, 100_000),
    decorations: config.get<boolean>('decorations.enabled', true),
    languages: Array.isArray(languages) && languages.every((language) => typeof language === 'string') && languages.length > 0 ? languages : ['markdown'],
    include: config.get<string>('include', DEFAULT_INCLUDE) || DEFAULT_INCLUDE,
    sourcesGlob: config.get<string>('sources.glob', DEFAULT_SOURCES_GLOB) || DEFAULT_SOURCES_GLOB,
    exportContactNotes: config.get<boolean>('export.includeContactNotes', false) === true,
  };
}

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.min(high, Math.max(low, Math.floor(value))) : low;
}

/** Schemes of derived copies (old revisions in diffs, chat snippets, output): not drafts, so no duplicate problems. */
const NOT_DRAFT_SCHEMES = new Set(['git', 'gitlens', 'output', 'vscode-scm', 'review', 'pr', 'comment', 'vscode-chat-code-block', 'walkThroughSnippet', 'merge-conflict.conflict-diff']);

/** A draft Source Trace reads: one of the configured languages, and (for files) inside the include glob. */
export function isDraft(document: vscode.TextDocument, settings: Settings): boolean {
  if (!settings.languages.includes(document.languageId)) return false;
  if (NOT_DRAFT_SCHEMES.has(document.uri.scheme)) return false;
  if (document.isUntitled || document.uri.scheme === 'untitled') return true;
  return vscode.languages.match({ pattern: settings.include }, document) > 0;
}

export function documentSelector(settings: Settings): vscode.DocumentSelector {
  return settings.languages.map((language) => ({ language }));
}
