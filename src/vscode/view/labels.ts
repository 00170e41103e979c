// Shared wording for the views. Pure: no `vscode` import, unit-tested with hand-built analyses.
import type { Actor, ActorKind, Analysis, Claim, ClaimType } from '../../core/types';

/** Order of the groups in the Actors view. */
export const KIND_ORDER: readonly ActorKind[] = ['person', 'organization', 'country', 'group', 'anonymous', 'document'];

export const KIND_LABELS: Readonly<Record<ActorKind, string>> = {
  person: 'People',
  organization: 'Organisations',
  country: 'Countries & governments',
  group: 'Groups',
  anonymous: 'Anonymous sources',
  document: 'Documents',
};

/** One actor of a kind, for tooltips and export ("organisation"). */
export const KIND_SINGULAR: Readonly<Record<ActorKind, string>> = {
  person: 'person',
  organization: 'organisation',
  country: 'country or government',
  group: 'group',
  anonymous: 'anonymous source',
  document: 'document',
};

/** Codicon ids (rendered through ThemeIcon / `$(id)` by the adapters). */
export const KIND_ICONS: Readonly<Record<ActorKind, string>> = {
  person: 'person',
  organization: 'organization',
  country: 'globe',
  group: 'account',
  anonymous: 'eye-closed',
  document: 'file-text',
};

export const CLAIM_TYPE_LABELS: Readonly<Record<ClaimType, string>> = {
  direct: 'Direct quote',
  indirect: 'Indirect (paraphrase)',
  mixed: 'Partial quote',
  'according-to': '"According to"',
};

export const CLAIM_TYPE_ICONS: Readonly<Record<ClaimType, string>> = {
  direct: 'quote',
  indirect: 'comment',
  mixed: 'comment-discussion',
  'according-to': 'references',
};

export const UNATTRIBUTED_ICON = 'question';

/**
 * Stances (`Analysis.stances`): stated positions, intentions, beliefs and evidence ("plans to", "was accused
 * of"). Claim-shaped but not reported speech, so they look different from claims everywhere and are never linted.
 */
export const STANCE_ICON = 'milestone';
/** The word every stance row, hover and search item carries. */
export const STANCE_WORD = 'stance';
/** The Actors view's group for stances whose holder is not an identified actor. */
export const NO_HOLDER_LABEL = 'Stances with no named holder';
/** One line saying what a stance is, for tree tooltips. */
export const STANCE_EXPLAINED = 'A stated position, intention, belief or piece of evidence — not reported speech, so it is never checked like a claim.';

/** Collapses whitespace and cuts long text at a word boundary with an ellipsis. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export { actorById } from '../../core/chains';

/** The stances of an analysis (absent in reports from older engines). */
export function stancesIn(analysis: Analysis): Claim[] {
  return analysis.stances ?? [];
}

/** Stances an actor holds, in reading order. */
export function stancesOf(analysis: Analysis, actorId: string): Claim[] {
  return stancesIn(analysis).filter((stance) => stance.actor === actorId);
}

/** Who holds a stance, as a reader would name them: the actor, else the words of the draft, else null. */
export function stanceHolder(stance: Claim, actor: Actor | null): string | null {
  return actor?.name ?? stance.source?.text ?? null;
}

/**
 * A stance read as the draft says it, verb first: "voted against the measure", "plans to veto the levy".
 * The content alone ("the measure") means little. An agentless passive already holds its verb.
 */
export function stanceWords(stance: Claim): string {
  const { cue, content } = stance;
  if (!cue || cue.end > content.start) return content.text;
  return `${cue.text} ${content.text}`;
}

/** "Jane Doe, Mayor of Eastbrook" or just the name. */
export function actorWithTitle(actor: Actor): string {
  return actor.title ? `${actor.name}, ${actor.title}` : actor.name;
}

/** Short badges for a claim: hedged, loaded verb. */
export function claimBadges(claim: Claim): string[] {
  const badges: string[] = [];
  if (claim.hedges.length > 0) badges.push(`hedged: ${claim.hedges.map((hedge) => hedge.text).join(', ')}`);
  if (claim.tone === 'loaded' && claim.cue) badges.push(`loaded verb: ${claim.cue.text}`);
  return badges;
}

/** 1-based line numbers for offsets of one text; built once per export or search. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.starts.push(index + 1);
  }

  /** 1-based line of an offset. */
  line(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** 0-based line and character of an offset. */
  position(offset: number): { line: number; character: number } {
    const line = this.line(offset) - 1;
    return { line, character: offset - this.starts[line] };
  }
}

/** Escapes text so it renders literally inside Markdown (hovers, tooltips). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&').replace(/\s+/g, ' ');
}
