// Stage 9: findings. Newsroom standards as rules: unattributed factual claims, quotes with no
// speaker, anonymous sources with no reason given, loaded cues and hedges in the reporter's own
// voice, unclosed quotes. Nothing inside quoted text is ever linted, and
// `<!-- source-trace-disable-next-line RULE -->` / `<!-- source-trace-disable RULE -->` comments
// (with `<!-- source-trace-enable RULE -->`) silence rules where the writer has decided.
import type { AnalyzeOptions, Claim, Finding, Range, RuleId, Severity, Span } from './types';
import type { Actor } from './types';
import { type Quote, firstQuoteFrom, quoteAt } from './quotes';
import { RULES } from './rules';
import type { LanguageData } from './lang';

export interface FindingInput {
  source: string;
  prose: string;
  claims: Claim[];
  actors: Actor[];
  quotes: Quote[];
  unattributed: Span[];
  /** Hedges in sentences with no claim: the reporter's own voice. */
  ownVoiceHedges: Span[];
  lang: LanguageData;
}

export function buildFindings(input: FindingInput, options: AnalyzeOptions): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: RuleId, range: Range, message: string): void => {
    const info = RULES.find((r) => r.id === rule)!;
    const chosen = options.severities?.[rule] ?? info.defaultSeverity;
    if (chosen === 'off') return;
    findings.push({ rule, severity: chosen as Severity, start: range.start, end: range.end, message, standard: info.standard });
  };

  for (const span of input.unattributed) {
    add('unattributed-claim', span, 'This sentence states a checkable fact but names no source.');
  }

  // Quotes some claim's content reaches: those have a speaker.
  const covered = new Set<Quote>();
  for (const claim of input.claims) {
    const pieces = claim.content.fragments ?? [claim.content];
    for (const piece of pieces) {
      for (let i = Math.max(0, firstQuoteFrom(input.quotes, piece.start) - 1); i < input.quotes.length && input.quotes[i].start <= piece.end; i++) {
        const quote = input.quotes[i];
        if (quote.innerStart <= piece.end && quote.innerEnd >= piece.start) covered.add(quote);
      }
    }
  }
  for (const quote of input.quotes) {
    if (!quote.closed) {
      add('unbalanced-quote', { start: quote.start, end: quote.start + 1 }, 'This quotation mark is never closed.');
    }
    if (quote.words < 5) continue; // scare quotes and quoted terms need no speaker
    if (!covered.has(quote)) add('quote-no-speaker', { start: quote.start, end: quote.end }, 'Direct quotation with no speaker: say who said it.');
  }

  const actorsById = new Map(input.actors.map((a) => [a.id, a]));
  const reasonWords = input.lang.anonymityReasons;
  const warnedAnonymous = new Set<string>();
  for (const claim of input.claims) {
    if (claim.cue && claim.tone === 'loaded') {
      add('loaded-cue', claim.cue, `"${claim.cue.text}" passes judgement on the speaker; "said" is neutral.`);
    }
    const actor = claim.actor ? actorsById.get(claim.actor) : undefined;
    if (actor && actor.kind === 'anonymous' && !warnedAnonymous.has(actor.id)) {
      warnedAnonymous.add(actor.id);
      // The reason may be given at any mention of the source; look at the sentences where it appears.
      const context = actor.mentions.map((m) => sentenceAround(input.prose, m.start)).join(' ').toLowerCase();
      if (!reasonWords.some((word) => context.includes(word))) {
        const at = claim.source ?? claim.cue ?? claim.content;
        add('anonymous-no-reason', at, `Anonymous source "${actor.name.replace(/^anonymous: /, '')}": say why anonymity was granted and how they know.`);
      }
    }
  }

  for (const hedge of input.ownVoiceHedges) {
    add('hedge-in-own-voice', hedge, `"${hedge.text}" hides who reported this; name the source.`);
  }

  const inQuote = (offset: number): boolean => {
    const quote = quoteAt(input.quotes, offset);
    return !!quote && quote.start < offset && offset < quote.end - 1;
  };
  const lintable = findings.filter((f) => f.rule === 'quote-no-speaker' || f.rule === 'unbalanced-quote' || !inQuote(f.start));
  const silenced = applyDirectives(input.source, lintable);
  silenced.sort((a, b) => a.start - b.start || a.end - b.end);
  return options.maxFindings !== undefined ? silenced.slice(0, Math.max(0, options.maxFindings)) : silenced;
}

function sentenceAround(prose: string, offset: number): string {
  let start = offset;
  while (start > 0 && !/[.!?\n]/.test(prose[start - 1]) && offset - start < 400) start--;
  let end = offset;
  while (end < prose.length && !/[.!?\n]/.test(prose[end]) && end - offset < 400) end++;
  return prose.slice(start, end);
}

interface Directive {
  kind: 'disable-next-line' | 'disable' | 'enable';
  rules: string[] | null;
  /** Where the directive takes effect. */
  from: number;
  to: number;
}

const DIRECTIVE = /<!--\s*source-trace-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

/** Reads the silencing comments of a draft. A directive without rule names applies to every rule. */
export function readDirectives(source: string): Directive[] {
  const directives: Directive[] = [];
  DIRECTIVE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = DIRECTIVE.exec(source))) {
    const names = match[2].split(/[\s,]+/).filter(Boolean);
    const rules = names.length ? names : null;
    const after = match.index + match[0].length;
    if (match[1] === 'disable-next-line') {
      // The next line that holds anything.
      let lineStart = source.indexOf('\n', after);
      if (lineStart < 0) continue;
      lineStart++;
      while (lineStart < source.length) {
        const lineEnd = nextLineEnd(source, lineStart);
        if (source.slice(lineStart, lineEnd).trim() !== '') {
          directives.push({ kind: 'disable-next-line', rules, from: lineStart, to: lineEnd });
          break;
        }
        lineStart = lineEnd + 1;
      }
    } else {
      directives.push({ kind: match[1] as 'disable' | 'enable', rules, from: after, to: source.length });
    }
  }
  return directives;
}

function nextLineEnd(source: string, from: number): number {
  const end = source.indexOf('\n', from);
  return end < 0 ? source.length : end;
}

function applyDirectives(source: string, findings: Finding[]): Finding[] {
  if (!source.includes('source-trace-')) return findings;
  const directives = readDirectives(source);
  const applies = (d: Directive, rule: string): boolean => d.rules === null || d.rules.includes(rule);
  return findings.filter((finding) => {
    let disabled = false;
    for (const d of directives) {
      if (d.kind === 'disable-next-line') {
        if (applies(d, finding.rule) && finding.start >= d.from && finding.start <= d.to) return false;
        continue;
      }
      if (d.from > finding.start) break;
      if (applies(d, finding.rule)) disabled = d.kind === 'disable';
    }
    return !disabled;
  });
}
