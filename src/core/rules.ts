import type { RuleId, Severity } from './types';

export interface RuleInfo {
  id: RuleId;
  /** Severity when the user has not chosen one. */
  defaultSeverity: Severity;
  /** One line, for settings and documentation. */
  description: string;
  /** The newsroom practice behind the rule, in our own words. */
  standard: string;
}

// Standards are paraphrased, never quoted: the point is to tell the writer why an editor will ask.
export const RULES: readonly RuleInfo[] = [
  {
    id: 'unattributed-claim',
    defaultSeverity: 'warning',
    description: 'A checkable factual statement (figures, decisions, events) with no source in it or carried from the sentence before.',
    standard: 'AP/Reuters: a fact the reporter did not witness needs a source the reader can see.',
  },
  {
    id: 'quote-no-speaker',
    defaultSeverity: 'warning',
    description: 'A direct quotation with no speaker named in it or next to it.',
    standard: 'AP: every direct quotation is attributed to the person who said it.',
  },
  {
    id: 'anonymous-no-reason',
    defaultSeverity: 'warning',
    description: 'An anonymous source with no reason given for the anonymity.',
    standard: 'AP/NPR/Reuters: say why a source was granted anonymity and how they know.',
  },
  {
    id: 'loaded-cue',
    defaultSeverity: 'info',
    description: 'A loaded attribution verb ("claimed", "admitted", "insisted") outside a quotation.',
    standard: 'AP/BBC: "said" is neutral; verbs like "claimed" or "admitted" pass judgement on the speaker.',
  },
  {
    id: 'hedge-in-own-voice',
    defaultSeverity: 'hint',
    description: 'A hedge ("reportedly", "allegedly") in the reporter\'s own voice, with no named source.',
    standard: 'Reuters/BBC: "reportedly" hides the source; name who reported it.',
  },
  {
    id: 'unbalanced-quote',
    defaultSeverity: 'warning',
    description: 'A quotation mark that is never closed (and no new paragraph reopens it).',
    standard: 'AP: a quotation must show exactly where the speaker\'s words begin and end.',
  },
  // Quote tracing and the source register (issue 4; src/core/evidence.ts, src/core/register.ts).
  {
    id: 'quote-differs',
    defaultSeverity: 'warning',
    description: 'A quotation that does not match the source material word for word (a close match with words changed, added or dropped).',
    standard: 'AP/Reuters/NPR: words inside quotation marks are exactly what the speaker said; fix the wording or paraphrase without marks.',
  },
  {
    id: 'quote-not-found',
    defaultSeverity: 'warning',
    description: 'A quotation that appears nowhere in the source material given (transcripts, readouts, releases).',
    standard: 'AP/Reuters: a reporter can show where every quotation came from; ellipses may shorten a quote but never change its meaning.',
  },
  {
    id: 'anonymous-no-knowledge',
    defaultSeverity: 'warning',
    description: 'An anonymous source whose register entry does not say how they know what they said.',
    standard: 'AP/NPR: anonymous material needs a source with direct knowledge, and the story says how they know.',
  },
  {
    id: 'single-anonymous-source',
    defaultSeverity: 'info',
    description: 'A claim resting on one anonymous source (per the register) that no other source in the story backs.',
    standard: 'AP/Reuters: information from one anonymous source needs corroboration or on-record confirmation before it runs.',
  },
  {
    id: 'sources-plural-single',
    defaultSeverity: 'warning',
    description: '"Sources said" (plural) where the source register knows a single source.',
    standard: 'AP/NPR: never inflate the number of sources; one source is "a source".',
  },
  {
    id: 'anonymous-description-differs',
    defaultSeverity: 'warning',
    description: 'An anonymous source described in the text differently from the description agreed with them (register).',
    standard: 'NPR/Reuters: describe an anonymous source as agreed with them, as precisely as safety allows, and the same way throughout.',
  },
];

export function ruleInfo(id: RuleId): RuleInfo {
  const info = RULES.find((rule) => rule.id === id);
  if (!info) throw new Error(`unknown rule ${id}`);
  return info;
}
