// The shape of an analysis: JSON report version 1 (see README "JSON report").
// Extend these types; never rename a field that has shipped.
import type { EvidenceIndex } from './evidence';

/** A stretch of the ORIGINAL file: `file.slice(start, end) === text`. JavaScript string offsets. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Range {
  start: number;
  end: number;
}

export type ActorKind = 'person' | 'organization' | 'country' | 'group' | 'anonymous' | 'document';

export interface Actor {
  id: string;
  name: string;
  kind: ActorKind;
  /** "NATO Secretary General", "Mayor of Eastbrook" — null when the text gives none. */
  title: string | null;
  /** Other surface forms that refer to this actor in the draft (role nouns included, pronouns not). */
  aliases: string[];
  /** Every place the actor is named or referred to, pronouns included. */
  mentions: Span[];
  /** Extension: the source-register entry for this actor, when a register was given (contact notes stripped unless asked for). */
  register?: RegisterEntry;
}

export type ClaimType = 'direct' | 'indirect' | 'mixed' | 'according-to';

/** Neutral cues ("said") versus loaded ones ("admitted", "claimed") that editorialise. */
export type CueTone = 'neutral' | 'loaded';

export interface ClaimContent extends Span {
  /** For a quote interrupted by its attribution ("A," she said, "B."): the quoted pieces. */
  fragments?: Span[];
}

export interface Claim {
  id: string;
  type: ClaimType;
  content: ClaimContent;
  cue: Span | null;
  /** The mention as written at that place ("he", "the NATO Secretary General"). */
  source: Span | null;
  /** Actor id the source resolves to, or null when nobody could be identified. */
  actor: string | null;
  /** Intermediate reporters of a nested chain, outermost first ("the minister said inspectors reported…"). */
  via: string[];
  sentence: Range;
  hedges: Span[];
  /** Extension: tone of the cue verb (null when there is no cue). */
  tone: CueTone | null;
  /** Extension: the quoted stretches inside the content (marks included). */
  quotes: Span[];
  /**
   * Extension (quote tracing): one entry per quoted fragment, aligned against the reporter's source
   * material. Present only when source material was given (`AnalyzeOptions.evidence`).
   */
  evidence?: Evidence[];
}

/** How a quoted fragment compares with the source material. */
export type EvidenceVerdict = 'exact' | 'normalized' | 'reworded' | 'ellipsis' | 'not-found';

/** One word-level difference: text only in the draft, only in the source, or in both. */
export interface DiffPart {
  op: 'equal' | 'draft' | 'source';
  text: string;
}

export interface Evidence {
  fragment: Span;
  verdict: EvidenceVerdict;
  /** Workspace-relative path of the matching source file; null when not found. */
  file: string | null;
  /** 1-based line of the match in that file. */
  line: number | null;
  /** For .vtt/.srt transcripts: the cue's start time as written ("00:03:14.200"). */
  timestamp?: string;
  /** Word-level diff for reworded quotes. */
  diff?: DiffPart[];
  /** For ellipsis matches: how many source words the ellipsis skipped. */
  skippedWords?: number;
  /** Speaker label of the matching transcript line ("YOON", "Speaker 1"), if any. */
  speaker?: string;
  /** The source's words as written at the match (what a code action may offer instead of the draft's). */
  sourceText?: string;
}

/** A file of source material: interview transcript, press release, call readout. */
export interface SourceDocument {
  /** Workspace-relative path, used in verdicts ("sources/call-readout.txt"). */
  path: string;
  text: string;
}

/** What the reporter knows about a source, kept next to the draft and nowhere else. */
export interface RegisterEntry {
  /** The actor this entry is about: a name, or the agreed description of an anonymous source. */
  name: string;
  aliases: string[];
  role: string | null;
  onRecord: boolean;
  /** Anonymous sources: why anonymity was granted. */
  reason: string | null;
  /** Anonymous sources: how the source knows what they said. */
  howTheyKnow: string | null;
  /** The agreed description used in the text ("a senior official familiar with the talks"). */
  description: string | null;
  /** Transcript speaker labels that are this source ("YOON", "Speaker 1"). */
  labels: string[];
  /** Private contact notes: never reported unless explicitly asked for. */
  contactNotes?: string;
}

export interface SentenceReport extends Range {
  claims: string[];
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export type RuleId =
  | 'unattributed-claim'
  | 'quote-no-speaker'
  | 'anonymous-no-reason'
  | 'loaded-cue'
  | 'hedge-in-own-voice'
  | 'unbalanced-quote'
  | 'quote-differs'
  | 'quote-not-found'
  | 'anonymous-no-knowledge'
  | 'single-anonymous-source'
  | 'sources-plural-single'
  | 'anonymous-description-differs';

export interface Finding extends Range {
  rule: RuleId;
  severity: Severity;
  message: string;
  /** The newsroom practice the rule comes from, in one line. */
  standard: string;
}

export interface Analysis {
  version: 1;
  actors: Actor[];
  claims: Claim[];
  sentences: SentenceReport[];
  unattributed: Span[];
  findings: Finding[];
  /**
   * Extension: stated positions, beliefs and evidence — "the senator opposes the bill", "she wants a
   * recount", "the figures show a rise". Shaped like claims (ids "s1", "s2", …) but not reported speech:
   * they raise no findings and do not make a sentence sourced. Absent in reports from older versions.
   */
  stances?: Claim[];
  /** Extension: set when the input was cut or refused (binary, over the size limit). */
  notice?: string;
}

export interface AnalyzeOptions {
  /** 'markdown' (default) or 'text' for plain text input. */
  format?: 'markdown' | 'text';
  /** Language data module to use. Only 'en' exists today. */
  language?: 'en';
  /** Severity per rule; 'off' drops the rule. Defaults come from the rule catalogue. */
  severities?: Partial<Record<RuleId, Severity | 'off'>>;
  /** Inputs longer than this many characters are analysed up to the limit only (default 10 million). */
  maxLength?: number;
  /** Cap on findings reported (default: unlimited). */
  maxFindings?: number;
  /**
   * Source material to check quotes against, indexed once with `createEvidenceIndex` (src/core/evidence.ts)
   * and reused across analyses until the material changes.
   */
  evidence?: EvidenceIndex;
  /** Source register entries from a workspace file; the draft's front matter `sources:` block is read too. */
  register?: RegisterEntry[];
  /** Report register contact notes (off by default: they must never leak into hovers or exports). */
  includeContactNotes?: boolean;
}
