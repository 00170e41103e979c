// Findings → diagnostics, before they meet the editor API. Pure.
import type { Finding, RuleId, Severity } from '../../core/types';

export type SeveritySetting = Severity | 'off';

export interface DiagnosticModel {
  start: number;
  end: number;
  severity: Severity;
  message: string;
  code: RuleId;
}

/**
 * Applies the user's per-rule severities (`off` drops the rule) and the cap, in reading order.
 * Nothing is added or re-filtered beyond that: which sentences to flag is the engine's call.
 */
export function diagnosticModels(
  findings: readonly Finding[],
  severities: Partial<Record<RuleId, SeveritySetting>>,
  max: number,
): DiagnosticModel[] {
  const models: DiagnosticModel[] = [];
  for (const finding of [...findings].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const severity = severities[finding.rule] ?? finding.severity;
    if (severity === 'off') continue;
    if (models.length >= max) break;
    models.push({
      start: finding.start,
      end: finding.end,
      severity,
      message: finding.standard ? `${finding.message}\n${finding.standard}` : finding.message,
      code: finding.rule,
    });
  }
  return models;
}
