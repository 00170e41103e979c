// The shape of an analysis: JSON report version 1 (see README "JSON report").
// Extend these types; never rename a field that has shipped.

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
  | 'unbalanced-quote';

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
}
