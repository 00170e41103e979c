// Quick fixes for Source Trace diagnostics. The only place the extension edits a draft, and only on request.
import * as vscode from 'vscode';
import { RULES } from '../core/rules';
import type { RuleId } from '../core/types';
import type { AnalysisCache } from './analysisCache';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { evidenceAt, sourceWordingEdit } from './view/evidence';
import { excerpt } from './view/labels';
import { disableFileComment, disableNextLineComment, fileCommentOffset, insideQuote, neutralCue } from './view/codeActions';

const RULE_IDS = new Set<string>(RULES.map((rule) => rule.id));

function ruleOf(diagnostic: vscode.Diagnostic): RuleId | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return typeof code === 'string' && RULE_IDS.has(code) ? (code as RuleId) : undefined;
}

export class SourceCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly cache: AnalysisCache) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const fileWide = new Set<RuleId>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const rule = ruleOf(diagnostic);
      if (!rule) continue;
      if (rule === 'loaded-cue') {
        const fix = this.replaceCue(document, diagnostic);
        if (fix) actions.push(fix);
      }
      if (rule === 'quote-differs') actions.push(...this.sourceWording(document, diagnostic));
      actions.push(this.disableNextLine(document, diagnostic, rule));
      fileWide.add(rule);
    }
    for (const rule of fileWide) actions.push(this.disableFile(document, rule));
    return actions;
  }

  private replaceCue(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
    const cue = document.getText(diagnostic.range);
    if (!/^[\p{L}'’-]+$/u.test(cue)) return undefined;
    const analysis = this.cache.peek(document);
    // The finding's range is the cue; the engine reports loaded cues outside quotes only, and we never touch a quote.
    if (!analysis || insideQuote(analysis, { start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) })) return undefined;
    const replacement = neutralCue(cue);
    const action = new vscode.CodeAction(`Replace “${cue}” with “${replacement}”`, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, diagnostic.range, replacement);
    return action;
  }

  /**
   * For a quote that differs from the transcript: offer the transcript's wording, and a way to look at it.
   * Never preferred, so no "fix all" or auto-fix applies it: the writer picks it knowingly.
   */
  private sourceWording(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    const analysis = this.cache.peek(document);
    if (!analysis) return [];
    const found = evidenceAt(analysis, { start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) });
    if (!found) return [];
    const actions: vscode.CodeAction[] = [];
    const edit = sourceWordingEdit(found.evidence);
    const length = document.getText().length;
    if (edit && edit.end <= length && document.getText(new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end))) === found.evidence.fragment.text.slice(edit.start - found.evidence.fragment.start, edit.end - found.evidence.fragment.start)) {
      const where = found.evidence.file ? ` (${found.evidence.file}${found.evidence.line ? `:${found.evidence.line}` : ''})` : '';
      const action = new vscode.CodeAction(`Replace the quote with the transcript's wording${where}: “${excerpt(edit.text, 60)}”`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = false;
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.text);
      actions.push(action);
    }
    if (found.evidence.file) {
      const open = new vscode.CodeAction('Open Evidence', vscode.CodeActionKind.QuickFix);
      open.diagnostics = [diagnostic];
      open.command = { command: 'sourceTrace.openEvidence', title: 'Open Evidence', arguments: [document.uri.toString(), found.claim.id] };
      actions.push(open);
    }
    return actions;
  }

  private disableNextLine(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, rule: RuleId): vscode.CodeAction {
    const line = document.lineAt(diagnostic.range.start.line);
    const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const action = new vscode.CodeAction(`Ignore ${rule} on this line`, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.edit = new vscode.WorkspaceEdit();
    action.edit.insert(document.uri, new vscode.Position(line.lineNumber, 0), `${indent}${disableNextLineComment(rule)}${eol}`);
    return action;
  }

  private disableFile(document: vscode.TextDocument, rule: RuleId): vscode.CodeAction {
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const action = new vscode.CodeAction(`Ignore ${rule} in this file`, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.insert(document.uri, document.positionAt(fileCommentOffset(document.getText())), `${disableFileComment(rule)}${eol}`);
    return action;
  }
}
