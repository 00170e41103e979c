// Wording of quote evidence and of the source register, for hovers, tree rows, Open Evidence and exports.
// Pure: no `vscode` import. Contact notes are never rendered here.
import type { Actor, Analysis, Claim, DiffPart, Evidence, EvidenceVerdict, RegisterEntry } from '../../core/types';
import { escapeMarkdown, excerpt, plural } from './labels';

/** Worst first: the badge of a claim is the verdict of its weakest fragment. */
const VERDICT_RANK: Readonly<Record<EvidenceVerdict, number>> = { 'not-found': 0, reworded: 1, ellipsis: 2, normalized: 3, exact: 4 };

export const VERDICT_LABELS: Readonly<Record<EvidenceVerdict, string>> = {
  exact: 'exact',
  normalized: 'matches except punctuation/case/typographic quotes',
  reworded: 'reworded',
  ellipsis: 'ellipsis',
  'not-found': 'not found',
};

/** Tree badges: a symbol a reader takes in at a glance, then the verdict. */
export const VERDICT_BADGES: Readonly<Record<EvidenceVerdict, string>> = {
  exact: '✓ exact',
  normalized: '✓ normalized',
  reworded: '≠ reworded',
  ellipsis: '… ellipsis',
  'not-found': '? not found',
};

/** Codicon ids for Open Evidence picks. */
export const VERDICT_ICONS: Readonly<Record<EvidenceVerdict, string>> = {
  exact: 'pass',
  normalized: 'pass',
  reworded: 'diff',
  ellipsis: 'ellipsis',
  'not-found': 'question',
};

/** "sources/call-readout.txt:14" or "sources/interview.vtt:14 @ 00:03:14.200". */
export function evidenceLocation(evidence: Evidence): string | null {
  if (!evidence.file) return null;
  const line = evidence.line !== null && evidence.line !== undefined ? `:${evidence.line}` : '';
  return `${evidence.file}${line}${evidence.timestamp ? ` @ ${evidence.timestamp}` : ''}`;
}

/** A word-level diff in plain text, draft → source: "We will not {close → shut} the library", "{→ very}", "{really →}". */
export function diffPlain(diff: readonly DiffPart[]): string {
  const pieces: string[] = [];
  for (let index = 0; index < diff.length; index += 1) {
    const part = diff[index];
    const text = part.text.trim();
    if (part.op === 'equal') pieces.push(text);
    else if (part.op === 'draft' && diff[index + 1]?.op === 'source') {
      pieces.push(`{${text} → ${diff[index + 1].text.trim()}}`);
      index += 1;
    } else pieces.push(part.op === 'draft' ? `{${text} →}` : `{→ ${text}}`);
  }
  return joinWords(pieces);
}

/** The same diff in Markdown: draft-only words struck through, source-only words in bold. */
export function diffMarkdown(diff: readonly DiffPart[]): string {
  return joinWords(
    diff.map((part) => {
      const text = escapeMarkdown(part.text.trim());
      if (!text) return '';
      return part.op === 'equal' ? text : part.op === 'draft' ? `~~${text}~~` : `**${text}**`;
    }),
  );
}

/**
 * The source's wording of a reworded fragment, from the diff (shared words and source-only words).
 * Null when there is no diff to take it from.
 */
export function sourceWording(evidence: Evidence): string | null {
  if (evidence.sourceText?.trim()) return evidence.sourceText.trim();
  if (!evidence.diff || evidence.diff.length === 0) return null;
  const text = joinWords(evidence.diff.filter((part) => part.op !== 'draft').map((part) => part.text));
  return text || null;
}

/** Words of a diff back into prose: single spaces, none before closing punctuation. */
function joinWords(pieces: readonly string[]): string {
  return pieces
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0)
    .join(' ')
    .replace(/\s+([,.;:!?…’”)\]])/g, '$1')
    .replace(/([‘“([])\s+/g, '$1');
}

/** The folder the sources are looked up in, for "not found in sources/". */
export function sourcesFolder(glob: string): string {
  const literal = glob.split(/[*?{[]/)[0];
  const folder = literal.includes('/') ? literal.slice(0, literal.lastIndexOf('/') + 1) : literal;
  return folder || 'the source material';
}

/** "sources/", or "sources/ or this draft's sources: list" when the draft lists material of its own. */
function lookedIn(folder: string, draftListsSources: boolean, code: (text: string) => string): string {
  return draftListsSources ? `${code(folder)} or this draft's ${code('sources:')} list` : code(folder);
}

/** One line per fragment: "exact — sources/call-readout.txt:14", "not found in sources/". Plain text. */
export function evidenceSummary(evidence: Evidence, folder = 'sources/', draftListsSources = false): string {
  const where = evidenceLocation(evidence);
  switch (evidence.verdict) {
    case 'not-found':
      return `not found in ${lookedIn(folder, draftListsSources, (text) => text)}`;
    case 'reworded':
      return `reworded — ${where ?? '?'}${evidence.diff && evidence.diff.length > 0 ? ` (diff: ${diffPlain(evidence.diff)})` : ''}`;
    case 'ellipsis':
      return `ellipsis — ${evidence.skippedWords !== undefined ? `skipped ${plural(evidence.skippedWords, 'word')} — ` : ''}${where ?? '?'}`;
    default:
      return `${VERDICT_LABELS[evidence.verdict]} — ${where ?? '?'}`;
  }
}

function codeSpan(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** The same line in Markdown for the hover, the diff rendered as struck/bold words. */
export function evidenceMarkdown(evidence: Evidence, folder = 'sources/', draftListsSources = false): string {
  const where = evidenceLocation(evidence);
  const place = where ? codeSpan(where) : '?';
  const speaker = evidence.speaker ? ` (${escapeMarkdown(evidence.speaker)})` : '';
  switch (evidence.verdict) {
    case 'not-found':
      return `**not found** in ${lookedIn(folder, draftListsSources, codeSpan)}`;
    case 'reworded':
      return `**reworded** — ${place}${speaker}${evidence.diff && evidence.diff.length > 0 ? ` (diff: ${diffMarkdown(evidence.diff)})` : ''}`;
    case 'ellipsis':
      return `**ellipsis** — ${evidence.skippedWords !== undefined ? `skipped ${plural(evidence.skippedWords, 'word')} — ` : ''}${place}${speaker}`;
    default:
      return `**${VERDICT_LABELS[evidence.verdict]}** — ${place}${speaker}`;
  }
}

/** The weakest verdict among a claim's fragments; undefined when the claim was not checked. */
export function claimVerdict(claim: Claim): EvidenceVerdict | undefined {
  if (!claim.evidence || claim.evidence.length === 0) return undefined;
  return claim.evidence.reduce((worst, next) => (VERDICT_RANK[next.verdict] < VERDICT_RANK[worst.verdict] ? next : worst)).verdict;
}

/** Tree badge for a claim ("✓ exact", "≠ reworded", "? not found"), or undefined when unchecked. */
export function evidenceBadge(claim: Claim): string | undefined {
  const verdict = claimVerdict(claim);
  return verdict ? VERDICT_BADGES[verdict] : undefined;
}

/** Places Open Evidence can jump to: fragments that matched a file and line. */
export interface EvidenceTarget {
  claimId: string;
  index: number;
  file: string;
  /** 1-based. */
  line: number;
  label: string;
  description: string;
  icon: string;
}

export function evidenceTargets(claims: readonly Claim[]): EvidenceTarget[] {
  const targets: EvidenceTarget[] = [];
  for (const claim of claims) {
    (claim.evidence ?? []).forEach((evidence, index) => {
      if (!evidence.file || evidence.line === null || evidence.line === undefined) return;
      targets.push({
        claimId: claim.id,
        index,
        file: evidence.file,
        line: evidence.line,
        label: `“${excerpt(evidence.fragment.text.replace(/^["“”']|["“”']$/g, ''), 60)}”`,
        description: evidenceSummary(evidence),
        icon: VERDICT_ICONS[evidence.verdict],
      });
    });
  }
  return targets;
}

/** One fact of a register entry, as a tree row or a tooltip line. Contact notes are not among them. */
export interface RegisterFact {
  key: 'standing' | 'role' | 'description' | 'reason' | 'howTheyKnow' | 'labels';
  label: string;
  value: string;
  /** A missing fact the register should hold (reason / how they know for an anonymous source). */
  missing: boolean;
}

export function registerFacts(entry: RegisterEntry): RegisterFact[] {
  const facts: RegisterFact[] = [{ key: 'standing', label: 'Standing', value: entry.onRecord ? 'on the record' : 'anonymous', missing: false }];
  if (entry.role) facts.push({ key: 'role', label: 'Role', value: entry.role, missing: false });
  if (entry.description) facts.push({ key: 'description', label: 'Agreed description', value: entry.description, missing: false });
  if (!entry.onRecord || entry.reason) {
    facts.push({ key: 'reason', label: 'Why anonymous', value: entry.reason ?? 'not recorded', missing: !entry.reason });
  }
  if (!entry.onRecord || entry.howTheyKnow) {
    facts.push({ key: 'howTheyKnow', label: 'How they know', value: entry.howTheyKnow ?? 'not recorded', missing: !entry.howTheyKnow });
  }
  if (entry.labels.length > 0) facts.push({ key: 'labels', label: 'Transcript labels', value: entry.labels.join(', '), missing: false });
  return facts;
}

/** Short description for an actor row: "on the record · Mayor" / "anonymous · reason ✓ · knows ✗". */
export function registerBadge(entry: RegisterEntry): string {
  if (entry.onRecord) return entry.role ? `on the record · ${entry.role}` : 'on the record';
  return `anonymous · reason ${entry.reason ? '✓' : '✗'} · how they know ${entry.howTheyKnow ? '✓' : '✗'}`;
}

/** Tooltip lines (Markdown) for an actor with a register entry. */
export function registerTooltip(entry: RegisterEntry): string {
  return ['*Source register*', ...registerFacts(entry).map((fact) => `${fact.label}: ${fact.missing ? '⚠ ' : ''}${escapeMarkdown(fact.value)}`)].join('\n\n');
}

/** Register columns of an export. Contact notes only when the caller was explicitly allowed to include them. */
export interface RegisterColumns {
  standing: string;
  role: string;
  reason: string;
  howTheyKnow: string;
  description: string;
  contactNotes?: string;
}

export function registerColumns(actor: Actor | null, contactNotes: boolean): RegisterColumns {
  const entry = actor?.register;
  const columns: RegisterColumns = {
    standing: entry ? (entry.onRecord ? 'on the record' : 'anonymous') : '',
    role: entry?.role ?? '',
    reason: entry?.reason ?? '',
    howTheyKnow: entry?.howTheyKnow ?? '',
    description: entry?.description ?? '',
  };
  if (contactNotes) columns.contactNotes = entry?.contactNotes ?? '';
  return columns;
}

/** A register entry as it may leave the editor: contact notes removed unless explicitly allowed. */
export function publicRegister(entry: RegisterEntry, contactNotes: boolean): RegisterEntry {
  const { contactNotes: notes, ...rest } = entry;
  return contactNotes && notes !== undefined ? { ...rest, contactNotes: notes } : rest;
}

/** The claim and fragment a quote-differs finding is about: the evidence whose fragment the range covers. */
export function evidenceAt(analysis: Analysis, range: { start: number; end: number }): { claim: Claim; evidence: Evidence } | null {
  for (const claim of analysis.claims) {
    for (const evidence of claim.evidence ?? []) {
      if (evidence.fragment.start < range.end && range.start < evidence.fragment.end) return { claim, evidence };
      if (range.start === range.end && evidence.fragment.start <= range.start && range.start <= evidence.fragment.end) return { claim, evidence };
    }
  }
  return null;
}

const OPENING = /^["“‘'«„]/;
const CLOSING = /["”’'»“]$/;

/**
 * The edit that puts the source's wording in place of a reworded fragment, keeping the draft's quotation
 * marks. Null when there is nothing to offer. Only ever applied as a quick fix the writer picks.
 */
export function sourceWordingEdit(evidence: Evidence): { start: number; end: number; text: string } | null {
  if (evidence.verdict !== 'reworded' && evidence.verdict !== 'normalized') return null;
  const wording = sourceWording(evidence);
  if (!wording) return null;
  const fragment = evidence.fragment;
  const lead = OPENING.test(fragment.text) ? 1 : 0;
  const tail = fragment.text.length > lead && CLOSING.test(fragment.text) ? 1 : 0;
  const inner = fragment.text.slice(lead, fragment.text.length - tail);
  // Keep the draft's trailing comma or full stop inside the quote when the source has none.
  const punctuation = /[,.;:!?]$/.test(inner) && !/[,.;:!?]$/.test(wording) ? inner.slice(-1) : '';
  const text = wording.replace(OPENING, '').replace(CLOSING, '') + punctuation;
  if (text === inner) return null;
  return { start: fragment.start + lead, end: fragment.end - tail, text };
}

/**
 * Material found only through the workspace glob (no `sources:` list in the draft) that matches none of a
 * draft's quotes is another story's material: drop its verdicts rather than flag every quote as not found.
 * The CLI does the same with its default `sources/`.
 */
export function withoutUnmatchedMaterial(analysis: Analysis): Analysis {
  const checked = analysis.claims.some((claim) => claim.evidence !== undefined);
  if (!checked || analysis.claims.some((claim) => (claim.evidence ?? []).some((evidence) => evidence.verdict !== 'not-found'))) return analysis;
  return {
    ...analysis,
    claims: analysis.claims.map(({ evidence: _evidence, ...claim }) => claim),
    findings: analysis.findings.filter((finding) => finding.rule !== 'quote-not-found' && finding.rule !== 'quote-differs'),
  };
}
