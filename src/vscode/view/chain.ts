// Show Attribution Chain: the chain of each claim at the cursor as pickable steps. Pure.
import { attributionChain, claimsIn, sentenceAt } from '../../core/chains';
import type { Analysis, Claim, Range } from '../../core/types';
import { CLAIM_TYPE_LABELS, excerpt } from './labels';

export interface ChainStep {
  /** Separator rows carry the claim they introduce. */
  separator: boolean;
  label: string;
  description?: string;
  icon?: string;
  /** Where to go when picked, if the step stands somewhere in the draft. */
  target: Range | null;
  /** Actor to reveal in the Actors view. */
  actorId: string | null;
}

const ROLE_ICONS = { claim: 'quote', cue: 'megaphone', source: 'person', via: 'arrow-left', article: 'file' } as const;

/** The claims a cursor or selection is about: the sentence's claims for a cursor, every overlap for a selection. */
export function claimsAt(analysis: Analysis, range: Range): Claim[] {
  if (range.start === range.end) {
    const sentence = sentenceAt(analysis, range.start);
    if (!sentence) return claimsIn(analysis, range);
    const ids = new Set(sentence.claims);
    return analysis.claims.filter((claim) => ids.has(claim.id));
  }
  return claimsIn(analysis, range);
}

export function chainSteps(analysis: Analysis, claims: readonly Claim[]): ChainStep[] {
  const steps: ChainStep[] = [];
  for (const claim of claims) {
    steps.push({ separator: true, label: `${CLAIM_TYPE_LABELS[claim.type]}: “${excerpt(claim.content.text, 50)}”`, target: null, actorId: null });
    for (const link of attributionChain(analysis, claim)) {
      const description =
        link.role === 'source' || link.role === 'via'
          ? [link.actor && link.actor.name !== link.text ? link.actor.name : null, link.actor?.title ?? null, link.actor ? null : 'unidentified']
              .filter(Boolean)
              .join(', ')
          : link.role === 'cue'
            ? claim.tone === 'loaded'
              ? 'loaded cue'
              : 'cue'
            : link.role;
      steps.push({
        separator: false,
        label: link.role === 'claim' ? `“${excerpt(link.text, 70)}”` : link.text,
        description: description || link.role,
        icon: ROLE_ICONS[link.role],
        target: link.span,
        actorId: link.actor?.id ?? null,
      });
    }
  }
  return steps;
}
