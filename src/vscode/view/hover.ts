// The hover text: the attribution chain of every claim under the cursor or the selection. Pure.
import { attributionChain, claimsIn, sentenceAt } from '../../core/chains';
import type { ChainLink } from '../../core/chains';
import type { Analysis, Claim, Range } from '../../core/types';
import { evidenceMarkdown } from './evidence';
import { CLAIM_TYPE_LABELS, actorById, escapeMarkdown, excerpt, stancesIn } from './labels';

/** Commands a hover may link to; the adapter trusts exactly these (`MarkdownString.isTrusted.enabledCommands`). */
export const HOVER_COMMANDS = ['sourceTrace.revealActor', 'sourceTrace.openEvidence'] as const;
export type HoverCommand = (typeof HOVER_COMMANDS)[number];

export const NO_SOURCE = 'No source: this sentence states a fact without attribution.';
export const NO_CLAIM = 'No attributed claim in this sentence.';
export const HOVER_HEADING = '**Source Trace**';
/** Under a stance, in a sentence the engine still counts as unattributed: a stance is not a source. */
export const STANCE_NOT_SOURCE = 'No source for the facts of this sentence: a stance is a position, not attribution.';
/** Says what a stance is, under its first line. */
export const STANCE_NOTE = '*A stated position, intention or belief — not reported speech.*';

/**
 * With `sourceTrace.run` set to onSave or manual, an edited draft has no analysis of its current text:
 * the old one's offsets no longer fit, so the hover says how to bring it up to date instead of vanishing.
 */
export function staleHoverMarkdown(run: 'onSave' | 'manual'): string {
  const how = run === 'onSave' ? 'Save the draft' : 'Run **Source Trace: Refresh**';
  return `${HOVER_HEADING}\n\nThe draft changed since it was last analysed. ${how} to see its attribution chains again.`;
}

export interface HoverModel {
  /** Markdown, beginning with `**Source Trace**`. */
  markdown: string;
  /** What the hover is about: the sentence under the cursor, or the selection. */
  range: Range;
  /** The claims shown, in reading order. */
  claims: Claim[];
  /** The stances shown (after the claims), in reading order: those whose words are under the cursor or selection. */
  stances: Claim[];
  unattributed: boolean;
}

export interface HoverOptions {
  /** Builds a command link; the adapter passes the document URI along. Without it, no links are drawn. */
  commandLink?: (command: HoverCommand, args: unknown[]) => string;
  /** Where source material is looked up, for "not found in sources/" (default `sources/`). */
  sourcesFolder?: string;
  /** The draft lists material of its own (front matter `sources:`), looked in as well. */
  draftListsSources?: boolean;
}

function overlaps(a: Range, b: Range): boolean {
  if (a.start === a.end) return b.start <= a.start && a.start <= b.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * The hover for a cursor (empty range: the sentence under it) or a selection (every claim it overlaps).
 * Null when the cursor is not in prose the engine read.
 */
export function hoverModel(analysis: Analysis, range: Range, options: HoverOptions = {}): HoverModel | null {
  let target: Range;
  let claims: Claim[];
  if (range.start === range.end) {
    const sentence = sentenceAt(analysis, range.start);
    if (!sentence) return null;
    target = { start: sentence.start, end: sentence.end };
    const ids = new Set(sentence.claims);
    claims = analysis.claims.filter((claim) => ids.has(claim.id));
  } else {
    target = { start: range.start, end: range.end };
    claims = claimsIn(analysis, target);
  }
  claims = [...claims].sort((a, b) => a.content.start - b.content.start);
  // Stances count where their own words are (content, cue, holder), not anywhere in their sentence.
  const stances = stancesIn(analysis)
    .filter((stance) => overlaps(range, stance.content) || (stance.cue !== null && overlaps(range, stance.cue)) || (stance.source !== null && overlaps(range, stance.source)))
    .sort((a, b) => a.content.start - b.content.start);
  const unattributedSpans = analysis.unattributed.filter((span) => overlaps(target, span));
  const unattributed = unattributedSpans.length > 0;
  const lines: string[] = [HOVER_HEADING, ''];
  if (claims.length === 0 && stances.length === 0 && !unattributed) {
    lines.push(range.start === range.end ? NO_CLAIM : 'No attributed claim in the selection.');
  }
  // Claims first (their chains), then stances, then what has no source.
  const sections = [...claims.map((claim) => claimSection(analysis, claim, options)), ...stances.map((stance) => stanceSection(analysis, stance, options))];
  sections.forEach((section, index) => {
    if (index > 0) lines.push('', '---', '');
    lines.push(...section);
  });
  if (unattributed) {
    if (sections.length > 0) lines.push('', '---', '');
    // Where every unattributed sentence here holds a stance, say why the stance does not source it.
    const explained = stances.length > 0 && unattributedSpans.every((span) => stances.some((stance) => overlaps(span, stance.content)));
    lines.push(`⚠ ${explained ? STANCE_NOT_SOURCE : NO_SOURCE}`);
  }
  return { markdown: lines.join('\n'), range: target, claims, stances, unattributed };
}

/** `Stance: **holder** — *cue* “content”`, one line and a note: a position, never a chain to check. */
function stanceSection(analysis: Analysis, stance: Claim, options: HoverOptions): string[] {
  const actor = actorById(analysis, stance.actor);
  const holder = actor
    ? `**${escapeMarkdown(actor.name)}**`
    : stance.source
      ? `**${escapeMarkdown(stance.source.text)}** (not identified)`
      : 'held by nobody named';
  const cue = stance.cue ? ` *${escapeMarkdown(stance.cue.text)}*` : '';
  const lines = [`Stance: ${holder} —${cue} “${escapeMarkdown(excerpt(stance.content.text, 60))}”`, '', STANCE_NOTE];
  if (options.commandLink && actor) {
    lines.push('', `[Show ${escapeMarkdown(actor.name)} in Actors](${options.commandLink('sourceTrace.revealActor', [actor.id])})`);
  }
  return lines;
}

/** `claim ← cue ← source (actor, title) ← via … ← article`, in Markdown. */
export function chainLine(links: readonly ChainLink[]): string {
  return links.map(linkText).join(' ← ');
}

function linkText(link: ChainLink): string {
  switch (link.role) {
    case 'claim':
      return `“${escapeMarkdown(excerpt(link.text, 60))}”`;
    case 'cue':
      return `*${escapeMarkdown(link.text)}*`;
    case 'source': {
      const shown = `**${escapeMarkdown(link.text)}**`;
      if (!link.actor) return `${shown} (unidentified)`;
      const resolved = [link.actor.name !== link.text ? link.actor.name : null, link.actor.title].filter(Boolean) as string[];
      return resolved.length > 0 ? `${shown} (${resolved.map(escapeMarkdown).join(', ')})` : shown;
    }
    case 'via':
      return `via ${escapeMarkdown(link.text)}`;
    case 'article':
      return link.text;
  }
}

function claimSection(analysis: Analysis, claim: Claim, options: HoverOptions): string[] {
  const links = attributionChain(analysis, claim);
  const lines = [chainLine(links), ''];
  const facts = [CLAIM_TYPE_LABELS[claim.type]];
  if (claim.cue) facts.push(claim.tone === 'loaded' ? `loaded cue “${escapeMarkdown(claim.cue.text)}”` : 'neutral cue');
  facts.push(claim.hedges.length > 0 ? `hedged: ${claim.hedges.map((hedge) => escapeMarkdown(hedge.text)).join(', ')}` : 'no hedges');
  lines.push(facts.join(' · '));
  // The chain ends in the evidence: one line per quoted fragment, when source material was given.
  const evidence = claim.evidence ?? [];
  if (evidence.length > 0) {
    lines.push('');
    const folder = options.sourcesFolder ?? 'sources/';
    for (const item of evidence) {
      const prefix = evidence.length > 1 ? `“${escapeMarkdown(excerpt(item.fragment.text.replace(/^["“”‘’']+|["“”‘’']+$/g, ''), 40))}” ` : '';
      lines.push(`${evidence.length > 1 ? '- ' : ''}Evidence: ${prefix}${evidenceMarkdown(item, folder, options.draftListsSources)}`);
    }
  }
  if (options.commandLink) {
    const actions: string[] = [];
    if (evidence.some((item) => item.file && item.line !== null && item.line !== undefined)) {
      actions.push(`[Open Evidence](${options.commandLink('sourceTrace.openEvidence', [claim.id])})`);
    }
    for (const link of links) {
      if ((link.role === 'source' || link.role === 'via') && link.actor) {
        actions.push(`[Show ${escapeMarkdown(link.actor.name)} in Actors](${options.commandLink('sourceTrace.revealActor', [link.actor.id])})`);
      }
    }
    if (actions.length > 0) lines.push('', actions.join(' · '));
  }
  return lines;
}
