// Turning an Analysis into what the CLI prints. Pure functions: strings in, strings out.
import type { Actor, Analysis, Claim, Finding, RegisterEntry, RuleId, Severity } from '../core/types';
import type { SeverityLevel } from './args';
import { describeEvidence, formatDiff } from '../core/evidence';

// ---------------------------------------------------------------------------------------------
// Offsets → line:column

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column in UTF-16 code units (what VS Code and most editors show). */
  column: number;
}

/**
 * Offsets where each line starts. A line ends at "\n", "\r\n" or a lone "\r", like editors count lines,
 * so CRLF drafts get the same line numbers as LF ones.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The 1-based position of a string offset; offsets outside the text are clamped. */
export function positionAt(starts: readonly number[], offset: number): Position {
  const last = starts.length - 1;
  let low = 0;
  let high = last;
  // Greatest line start <= offset.
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: Math.max(0, offset - starts[low]) + 1 };
}

export class LineIndex {
  private readonly starts: number[];
  constructor(text: string) {
    this.starts = lineStarts(text);
  }
  position(offset: number): Position {
    return positionAt(this.starts, offset);
  }
  line(offset: number): number {
    return positionAt(this.starts, offset).line;
  }
}

// ---------------------------------------------------------------------------------------------
// Small text helpers

/** One line of at most `max` characters: whitespace collapsed, cut at a word with "…" when longer. */
export function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let cut = max - 1;
  const space = flat.lastIndexOf(' ', cut);
  if (space > max / 2) cut = space;
  // Never split a surrogate pair.
  const code = flat.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return flat.slice(0, cut).replace(/[\s,;:]+$/, '') + '…';
}

export function plural(count: number, singular: string, pluralForm = singular + 's'): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

// ---------------------------------------------------------------------------------------------
// Severity overrides

/**
 * Applies `--severity` overrides to findings: re-levels them and drops the rules set to "off".
 * The engine applies the same options; doing it here too keeps the CLI's exit code right whatever it returns.
 */
export function applySeverities(findings: readonly Finding[], overrides: Partial<Record<RuleId, SeverityLevel>>): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const level = overrides[finding.rule];
    if (level === 'off') continue;
    result.push(level ? { ...finding, severity: level } : finding);
  }
  return result;
}

export function failsCheck(severity: Severity): boolean {
  return severity === 'error' || severity === 'warning';
}

// ---------------------------------------------------------------------------------------------
// `check`: linter lines

/** `file:line:col severity rule message`, one line per finding, in reading order. */
export function formatFindings(file: string, text: string, findings: readonly Finding[], index = new LineIndex(text)): string[] {
  return sortFindings(findings).map((finding) => {
    const { line, column } = index.position(finding.start);
    return `${file}:${line}:${column} ${finding.severity} ${finding.rule} ${oneLine(finding.message)}`;
  });
}

export interface FindingRecord {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: RuleId;
  message: string;
  standard: string;
}

/** `check --json`: findings with positions, for CI annotations. */
export function findingRecords(file: string, text: string, findings: readonly Finding[], index = new LineIndex(text)): FindingRecord[] {
  return sortFindings(findings).map((finding) => {
    const start = index.position(finding.start);
    const end = index.position(finding.end);
    return {
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      severity: finding.severity,
      rule: finding.rule,
      message: finding.message,
      standard: finding.standard,
    };
  });
}

function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.start - b.start || a.end - b.end);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// `analyze`: the human-readable report

export interface Summary {
  claims: number;
  unattributed: number;
  /** Claims whose source resolves to an anonymous actor. */
  anonymous: number;
  /** Positions, intentions, beliefs and evidence ("plans to", "polls show"): not claims. */
  stances: number;
}

export function summarize(analysis: Analysis): Summary {
  const anonymous = new Set(analysis.actors.filter((actor) => actor.kind === 'anonymous').map((actor) => actor.id));
  return {
    claims: analysis.claims.length,
    unattributed: analysis.unattributed.length,
    anonymous: analysis.claims.filter((claim) => claim.actor !== null && anonymous.has(claim.actor)).length,
    stances: analysis.stances?.length ?? 0,
  };
}

/** "7 claims · 1 unattributed · 2 anonymous", then " · 3 stances" when there are any. */
export function formatSummary(summary: Pick<Summary, 'claims' | 'unattributed' | 'anonymous'> & { stances?: number }): string {
  const stances = summary.stances ? ` · ${plural(summary.stances, 'stance')}` : '';
  return `${plural(summary.claims, 'claim')} · ${summary.unattributed} unattributed · ${summary.anonymous} anonymous${stances}`;
}

export function describeActor(actor: Actor, claims: number, stances = 0): string {
  const details = [actor.kind, actor.title].filter((part): part is string => Boolean(part)).join(', ');
  return `${oneLine(actor.name)} (${details}) — ${plural(claims, 'claim')}${stances ? `, ${plural(stances, 'stance')}` : ''}`;
}

function describeClaim(claim: Claim, analysis: Analysis, index: LineIndex): string {
  const { line, column } = index.position(claim.content.start);
  let cue = claim.cue ? oneLine(claim.cue.text) : '—';
  if (claim.tone === 'loaded') cue += ' (loaded)';
  const via = claim.via
    .map((id) => analysis.actors.find((actor) => actor.id === id)?.name ?? id)
    .map((name) => ` [via ${oneLine(name)}]`)
    .join('');
  const kind = claim.id.startsWith('s') ? 'stance' : claim.type;
  const head = `      ${kind.padEnd(12)} ${cue.padEnd(17)} ${`${line}:${column}`.padEnd(8)} ${shorten(claim.content.text, 72)}${via}`;
  return [head, ...describeClaimEvidence(claim)].join('\n');
}

/** One line per quoted fragment: its verdict and where it matched ("exact — sources/call.vtt:7 [00:03:14.200]"). */
export function describeClaimEvidence(claim: Claim): string[] {
  const lines: string[] = [];
  for (const evidence of claim.evidence ?? []) {
    lines.push(`        quote “${shorten(evidence.fragment.text, 48)}” ${describeEvidence(evidence)}`);
    if (evidence.diff && evidence.verdict === 'reworded') lines.push(`          draft → source: ${shorten(formatDiff(evidence.diff), 100)}`);
  }
  return lines;
}

/** The report for one file, ending with its summary line (no trailing newline). */
export function formatAnalysis(file: string, text: string, analysis: Analysis, index = new LineIndex(text)): string {
  const lines: string[] = [file];
  if (analysis.notice) lines.push(`  note: ${oneLine(analysis.notice)}`);

  const known = new Set(analysis.actors.map((actor) => actor.id));
  const group = (list: Claim[]): Map<string | null, Claim[]> => {
    const byActor = new Map<string | null, Claim[]>();
    for (const claim of list) {
      const key = claim.actor !== null && known.has(claim.actor) ? claim.actor : null;
      byActor.set(key, [...(byActor.get(key) ?? []), claim]);
    }
    return byActor;
  };
  const byActor = group(analysis.claims);
  const stancesByActor = group(analysis.stances ?? []);

  lines.push('', '  Actors');
  if (analysis.actors.length === 0) lines.push('    (none found)');
  for (const actor of analysis.actors) {
    const claims = byActor.get(actor.id) ?? [];
    const stances = stancesByActor.get(actor.id) ?? [];
    lines.push(`    ${describeActor(actor, claims.length, stances.length)}`);
    if (actor.register) lines.push(`      ${describeRegister(actor.register)}`);
    for (const claim of [...claims, ...stances]) lines.push(describeClaim(claim, analysis, index));
  }
  const orphans = byActor.get(null) ?? [];
  if (orphans.length > 0) {
    lines.push(`    Source not identified — ${plural(orphans.length, 'claim')}`);
    for (const claim of orphans) lines.push(describeClaim(claim, analysis, index));
  }
  const unheld = stancesByActor.get(null) ?? [];
  if (unheld.length > 0) {
    // "members had rejected …" (a group the story does not list as an actor) or "was accused of …"
    // (a view reported with nobody named as holding it).
    lines.push(`    Holder not identified — ${plural(unheld.length, 'stance')}`);
    for (const stance of unheld) {
      lines.push(describeClaim(stance, analysis, index) + (stance.source ? ` (held by “${shorten(stance.source.text, 40)}”)` : ' (nobody named)'));
    }
  }

  lines.push('', '  Unattributed');
  if (analysis.unattributed.length === 0) lines.push('    (none)');
  for (const span of analysis.unattributed) {
    lines.push(`    ${String(index.line(span.start)).padStart(5)}  ${shorten(span.text, 90)}`);
  }

  lines.push('', `  ${formatSummary(summarize(analysis))}`);
  const quotes = formatEvidenceSummary(analysis);
  if (quotes) lines.push(`  ${quotes}`);
  return lines.join('\n');
}

/** The register line under an actor. Contact notes only appear when the entry carries them (`--contact-notes`). */
export function describeRegister(entry: RegisterEntry): string {
  const parts = [entry.onRecord ? 'on record' : 'anonymous'];
  if (entry.role) parts.push(`role: ${oneLine(entry.role)}`);
  if (!entry.onRecord) {
    parts.push(`reason: ${entry.reason ? oneLine(entry.reason) : '(none recorded)'}`);
    parts.push(`how they know: ${entry.howTheyKnow ? oneLine(entry.howTheyKnow) : '(none recorded)'}`);
  }
  if (entry.description) parts.push(`agreed description: “${oneLine(entry.description)}”`);
  if (entry.labels.length) parts.push(`labels: ${entry.labels.join(', ')}`);
  if (entry.contactNotes) parts.push(`contact: ${oneLine(entry.contactNotes)}`);
  return `register: ${parts.join('; ')}`;
}

/** "quotes: 5 exact, 1 reworded, 1 not found" — empty when no quote was checked. */
export function formatEvidenceSummary(analysis: Analysis): string {
  const counts = new Map<string, number>();
  for (const claim of analysis.claims) for (const e of claim.evidence ?? []) counts.set(e.verdict, (counts.get(e.verdict) ?? 0) + 1);
  if (counts.size === 0) return '';
  const order = ['exact', 'normalized', 'ellipsis', 'reworded', 'not-found'];
  return 'quotes: ' + order.filter((v) => counts.has(v)).map((v) => `${counts.get(v)} ${v.replace('-', ' ')}`).join(', ');
}

// ---------------------------------------------------------------------------------------------
// `analyze --json`

/** One file: the Analysis itself. Several files: an array of Analyses, each with a `file` field first. */
export function jsonReport(results: ReadonlyArray<{ file: string; analysis: Analysis }>, several: boolean): string {
  const value = several ? results.map(({ file, analysis }) => ({ file, ...analysis })) : results[0]?.analysis ?? null;
  return JSON.stringify(value, null, 2);
}
