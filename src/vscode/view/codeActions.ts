// Text of the quick fixes. Pure: the adapter turns these into WorkspaceEdits.
import type { Analysis, Range, RuleId } from '../../core/types';

/** "claimed" → "said", "insists" → "says", keeping a capital letter. */
export function neutralCue(cue: string): string {
  const word = cue.trim();
  const present = /[^s]s$/i.test(word) && !/ed$/i.test(word);
  const replacement = present ? 'says' : 'said';
  return /^[A-Z]/.test(word) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/** True when the range sits inside a quotation the engine found: the writer's quotes are never edited. */
export function insideQuote(analysis: Analysis, range: Range): boolean {
  return analysis.claims.some((claim) => claim.quotes.some((quote) => quote.start <= range.start && range.end <= quote.end));
}

export function disableNextLineComment(rule: RuleId): string {
  return `<!-- source-trace-disable-next-line ${rule} -->`;
}

export function disableFileComment(rule: RuleId): string {
  return `<!-- source-trace-disable ${rule} -->`;
}

/** Where a file-wide disable comment goes: the top, or right after YAML front matter. */
export function fileCommentOffset(text: string): number {
  const match = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? match[0].length : 0;
}
