import type { Actor, Analysis, Claim, Range, SentenceReport } from './types';

/**
 * One link of an attribution chain, read from the claim back to where it comes from:
 * claim ← cue ← source ← via … ← article (or evidence, once quotes are traced to documents).
 */
export interface ChainLink {
  role: 'claim' | 'cue' | 'source' | 'via' | 'article';
  /** What the link says, as the reader would name it ("warned", "the NATO Secretary General"). */
  text: string;
  /** Where it stands in the draft, when it stands somewhere. */
  span: Range | null;
  /** The actor behind a source or via link. */
  actor: Actor | null;
}

export function actorById(analysis: Analysis, id: string | null): Actor | null {
  if (id === null) return null;
  return analysis.actors.find((actor) => actor.id === id) ?? null;
}

/** The chain of a claim, claim first. The last link is always the article itself. */
export function attributionChain(analysis: Analysis, claim: Claim): ChainLink[] {
  const chain: ChainLink[] = [
    { role: 'claim', text: claim.content.text, span: rangeOf(claim.content), actor: null },
  ];
  if (claim.cue) chain.push({ role: 'cue', text: claim.cue.text, span: rangeOf(claim.cue), actor: null });
  const speaker = actorById(analysis, claim.actor);
  if (claim.source || speaker) {
    chain.push({
      role: 'source',
      text: claim.source?.text ?? speaker?.name ?? '',
      span: claim.source ? rangeOf(claim.source) : null,
      actor: speaker,
    });
  }
  // `via` is stored outermost first; read backwards from the claim, the innermost reporter comes first.
  for (const id of [...claim.via].reverse()) {
    const reporter = actorById(analysis, id);
    chain.push({ role: 'via', text: reporter?.name ?? id, span: null, actor: reporter });
  }
  chain.push({ role: 'article', text: 'the article', span: null, actor: null });
  return chain;
}

function rangeOf(range: Range): Range {
  return { start: range.start, end: range.end };
}

function overlaps(a: Range, b: Range): boolean {
  // An empty range (a cursor) touches a span when it sits inside it or at its edge.
  if (a.start === a.end) return b.start <= a.start && a.start <= b.end;
  return a.start < b.end && b.start < a.end;
}

/** The sentence under a cursor offset, if the offset is in prose. */
export function sentenceAt(analysis: Analysis, offset: number): SentenceReport | null {
  // Sentences are in reading order: binary search keeps hovers cheap on long drafts.
  let low = 0;
  let high = analysis.sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = analysis.sentences[middle];
    if (offset < sentence.start) high = middle - 1;
    else if (offset > sentence.end) low = middle + 1;
    else return sentence;
  }
  return null;
}

/** Every claim whose content, cue or source overlaps the range (a selection, or a cursor). */
export function claimsIn(analysis: Analysis, range: Range): Claim[] {
  return analysis.claims.filter(
    (claim) =>
      overlaps(range, claim.content) ||
      (claim.cue !== null && overlaps(range, claim.cue)) ||
      (claim.source !== null && overlaps(range, claim.source)) ||
      overlaps(range, claim.sentence),
  );
}

/** Claims an actor is the source of, in reading order. */
export function claimsOf(analysis: Analysis, actorId: string): Claim[] {
  return analysis.claims.filter((claim) => claim.actor === actorId);
}

/** Claims an actor passed on as an intermediate reporter. */
export function claimsRelayedBy(analysis: Analysis, actorId: string): Claim[] {
  return analysis.claims.filter((claim) => claim.via.includes(actorId));
}
