// Status bar wording. Pure.
import type { Analysis, EvidenceVerdict } from '../../core/types';
import { plural } from './labels';

export interface StatusModel {
  text: string;
  tooltip: string;
}

/** "7 claims · 1 unattributed · 2 anonymous". */
export function statusModel(analysis: Analysis): StatusModel {
  const claims = analysis.claims.length;
  const unattributed = analysis.unattributed.length;
  // As in the CLI summary: claims whose source is an anonymous actor.
  const anonymousIds = new Set(analysis.actors.filter((actor) => actor.kind === 'anonymous').map((actor) => actor.id));
  const anonymous = analysis.claims.filter((claim) => claim.actor !== null && anonymousIds.has(claim.actor)).length;
  const parts = [plural(claims, 'claim')];
  if (unattributed > 0) parts.push(`${unattributed} unattributed`);
  if (anonymous > 0) parts.push(`${anonymous} anonymous`);
  const quotes = quoteCounts(analysis);
  const unverified = (quotes.get('reworded') ?? 0) + (quotes.get('ellipsis') ?? 0) + (quotes.get('not-found') ?? 0);
  if (unverified > 0) parts.push(`${unverified} ${unverified === 1 ? 'quote' : 'quotes'} unverified`);
  const tooltip = [
    `Source Trace: ${plural(analysis.actors.length, 'actor')}, ${plural(claims, 'claim')}`,
    `${plural(unattributed, 'sentence')} without a source`,
    `${plural(anonymous, 'claim')} from anonymous sources`,
  ];
  if (quotes.size > 0) {
    const order: EvidenceVerdict[] = ['exact', 'normalized', 'ellipsis', 'reworded', 'not-found'];
    tooltip.push(`Quotes against the source material: ${order.filter((verdict) => quotes.has(verdict)).map((verdict) => `${quotes.get(verdict)} ${verdict.replace('-', ' ')}`).join(', ')}`);
  }
  if (analysis.notice) tooltip.push(analysis.notice);
  tooltip.push('Click to show the Actors view.');
  return { text: parts.join(' · '), tooltip: tooltip.join('\n') };
}

/** Shown instead of analysing a draft over the size limit. */
export function tooLargeMessage(size: number, limit: number): string {
  return `Draft too large to analyse (${formatSize(size)}; limit ${formatSize(limit)}). Raise "sourceTrace.maxFileSize" to analyse it.`;
}

export function formatSize(characters: number): string {
  if (characters < 1000) return `${characters} characters`;
  if (characters < 1_000_000) return `${Math.round(characters / 1000)} k characters`;
  return `${(characters / 1_000_000).toFixed(1)} M characters`;
}

/** How many quoted fragments got each verdict (empty when no material was given). */
export function quoteCounts(analysis: Analysis): Map<EvidenceVerdict, number> {
  const counts = new Map<EvidenceVerdict, number>();
  for (const claim of analysis.claims) for (const evidence of claim.evidence ?? []) counts.set(evidence.verdict, (counts.get(evidence.verdict) ?? 0) + 1);
  return counts;
}
