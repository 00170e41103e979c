// The last stage of `analyze` when source material or a source register is at hand (issue 4):
// quote evidence on claims, register entries on actors, and the findings both make checkable.
// Pure: runs in a web worker.
import type { Actor, Analysis, AnalyzeOptions, Claim, Evidence, Finding, Range, RegisterEntry, RuleId, Severity, Span } from './types';
import { RULES } from './rules';
import { readDirectives } from './findings';
import { describeEvidence, evidenceLocation, formatDiff, skippedNegation, verifyQuote } from './evidence';
import { contentWords, isAnonymousEntry, matchRegister, mergeRegisters, normalizeName, publicEntry, registerFromFrontMatter } from './register';

const MARKS = /^[\s"“”„«»'‘’]+|[\s"“”„«»'‘’]+$/g;

/** The quoted stretches of a claim, marks and edge spaces trimmed, as spans of the original file. */
export function quotedFragments(claim: Claim, text: string): Span[] {
  // Only words inside quotation marks are someone's exact words.
  if (claim.quotes.length === 0) return [];
  const pieces: Span[] = claim.type === 'direct' ? claim.content.fragments ?? [claim.content] : claim.quotes;
  const out: Span[] = [];
  for (const piece of pieces) {
    let start = piece.start;
    let end = piece.end;
    while (start < end && /[\s"“”„«»]/.test(text[start])) start++;
    while (end > start && /[\s"“”„«»]/.test(text[end - 1])) end--;
    const slice = text.slice(start, end);
    if (!/[\p{L}\p{N}]/u.test(slice)) continue;
    out.push({ start, end, text: slice });
  }
  return out;
}

/** Names, aliases and transcript labels that identify an actor in source material. */
export function speakerHints(actor: Actor | undefined): string[] {
  if (!actor) return [];
  const hints = [actor.name, ...actor.aliases];
  if (actor.register) hints.push(actor.register.name, ...actor.register.aliases, ...actor.register.labels);
  return hints;
}

/** Whether the draft has a front matter `sources:` block (cheap test before parsing YAML). */
function mayHaveFrontMatterSources(text: string): boolean {
  return /^\uFEFF?---/.test(text) && /\nsources\s*:/.test(text.slice(0, 200_000));
}

/** Adds evidence, register entries and their findings to an analysis in place. `text` is the analysed input. */
export function applySourceChecks(analysis: Analysis, text: string, options: AnalyzeOptions): void {
  const fromDraft = mayHaveFrontMatterSources(text) ? registerFromFrontMatter(text) : [];
  const register = mergeRegisters(fromDraft, options.register);
  if (!options.evidence && register.length === 0) return;

  const added: Finding[] = [];
  const add = (rule: RuleId, range: Range, message: string): void => {
    const info = RULES.find((r) => r.id === rule);
    if (!info) return;
    const chosen = options.severities?.[rule] ?? info.defaultSeverity;
    if (chosen === 'off') return;
    added.push({ rule, severity: chosen as Severity, start: range.start, end: range.end, message, standard: info.standard });
  };
  const actorsById = new Map(analysis.actors.map((a) => [a.id, a]));

  // Register entries onto actors (before the quotes: their transcript labels help find the speaker).
  const entries = register.length ? matchRegister(analysis.actors, register) : new Map<string, RegisterEntry>();
  for (const actor of analysis.actors) {
    const entry = entries.get(actor.id);
    if (entry) actor.register = publicEntry(entry, options.includeContactNotes === true);
  }

  if (options.evidence) {
    const index = options.evidence;
    for (const claim of analysis.claims) {
      const fragments = quotedFragments(claim, text);
      if (fragments.length === 0) continue;
      const hints = speakerHints(claim.actor ? actorsById.get(claim.actor) : undefined);
      claim.evidence = fragments.map((fragment) => {
        const { skippedText, ...found } = verifyQuote(index, fragment.text, hints);
        const evidence: Evidence = { fragment, ...found };
        const negation = evidence.verdict === 'ellipsis' ? skippedNegation(skippedText) : null;
        if (negation) {
          add('quote-differs', fragment, `The ellipsis leaves out "${negation}" (${evidence.skippedWords} ${evidence.skippedWords === 1 ? 'word' : 'words'} skipped at ${evidenceLocation(evidence)}): check the shortened quote still means what the speaker said.`);
        } else if (evidence.verdict === 'reworded' && evidence.diff) {
          add('quote-differs', fragment, `Quote differs from ${evidenceLocation(evidence)}: ${formatDiff(evidence.diff)} (draft → source).`);
        } else if (evidence.verdict === 'not-found') {
          const files = index.files.length;
          add('quote-not-found', fragment, `Quote not found in the source material (${files} ${files === 1 ? 'file' : 'files'}): check it against your notes or the recording.`);
        }
        return evidence;
      });
    }
  }

  if (register.length > 0) registerFindings(analysis, text, fromDraft, entries, add);

  if (added.length === 0) return;
  const kept = silence(text, added);
  // The engine may already have said an anonymous source gives no reason: one finding, both reasons.
  const merged: Finding[] = [];
  for (const finding of kept) {
    const same = analysis.findings.find((f) => f.rule === finding.rule && f.start === finding.start && f.end === finding.end);
    if (same) same.message += ' ' + finding.message;
    else merged.push(finding);
  }
  const all = [...analysis.findings, ...merged].sort((a, b) => a.start - b.start || a.end - b.end);
  analysis.findings = options.maxFindings !== undefined ? all.slice(0, Math.max(0, options.maxFindings)) : all;
}

const PLURAL_SOURCES = /\b(sources|officials|people|persons|diplomats|aides|insiders|employees|staffers|executives|advisers|advisors|members|individuals)\b/i;
const PRONOUN = /^(he|she|they|him|her|them|his|hers|their|it|its|i|we|you)$/i;

function registerFindings(
  analysis: Analysis,
  text: string,
  draftRegister: RegisterEntry[],
  entries: Map<string, RegisterEntry>,
  add: (rule: RuleId, range: Range, message: string) => void,
): void {
  // The draft's own register (front matter) speaks for the whole story: when it lists one anonymous
  // source, "sources said" is one source too, whatever words the text uses for them.
  const anonymousEntries = draftRegister.filter(isAnonymousEntry);
  const firstClaimOf = (actor: Actor): Claim | undefined => analysis.claims.find((c) => c.actor === actor.id);
  const named = (actor: Actor): string => actor.name.replace(/^anonymous:\s*/, '');

  for (const actor of analysis.actors) {
    const entry = entries.get(actor.id);
    const anonymous = entry ? isAnonymousEntry(entry) : actor.kind === 'anonymous';
    if (!anonymous) continue;
    const written = actor.mentions.filter((m) => !PRONOUN.test(m.text.trim()));
    const claim = firstClaimOf(actor);
    const at: Range = claim?.source ?? written[0] ?? actor.mentions[0] ?? claim?.content ?? { start: 0, end: 0 };

    // "sources said" where the register knows one source.
    const plural = written.find((m) => PLURAL_SOURCES.test(m.text)) ?? (PLURAL_SOURCES.test(actor.name) ? written[0] : undefined);
    if (plural && (entry || anonymousEntries.length === 1)) {
      const known = entry ?? anonymousEntries[0];
      add('sources-plural-single', plural, `"${oneLine(plural.text)}" is plural, but the source register lists one source for it ("${oneLine(known.description ?? known.name)}"): say "a source" or add the others to the register.`);
    }
    if (!entry) continue;

    if (!entry.reason) {
      add('anonymous-no-reason', at, `The source register records no reason why "${named(actor)}" was granted anonymity.`);
    }
    if (!entry.howTheyKnow) {
      add('anonymous-no-knowledge', at, `The source register does not say how "${named(actor)}" knows this: add how_they_know (were they in the room, did they see the document?).`);
    }
    if (entry.description) {
      const differs = descriptionDiffers(text, entry.description, written);
      if (differs) {
        add('anonymous-description-differs', differs, `The text describes this anonymous source as "${oneLine(differs.text)}"; the description agreed with the source is "${oneLine(entry.description)}".`);
      }
    }

    // A claim resting on one anonymous source that nobody else in the story backs.
    for (const c of analysis.claims) {
      if (c.actor !== actor.id) continue;
      if (corroborated(c, analysis.claims)) continue;
      add('single-anonymous-source', c.content, `This rests on a single anonymous source ("${oneLine(entry.description ?? named(actor))}", one entry in the source register) and no other source in the story says the same: seek a second source or on-record confirmation, or tell the reader it is one source.`);
    }
  }
}

/** Another claim, by someone else, that shares most of this claim's content words. */
function corroborated(claim: Claim, claims: readonly Claim[]): boolean {
  const mine = contentWords(claim.content.text);
  if (mine.size === 0) return false;
  for (const other of claims) {
    if (other === claim || other.actor === claim.actor) continue;
    const theirs = contentWords(other.content.text);
    let shared = 0;
    for (const w of mine) if (theirs.has(w)) shared++;
    if (shared >= 3 && shared / Math.min(mine.size, theirs.size) >= 0.5) return true;
  }
  return false;
}

/**
 * The first written description of the source that departs from the agreed one, or null when the
 * text uses the agreed description (possibly longer than the engine's mention: the words following
 * the mention are read too).
 */
function descriptionDiffers(text: string, description: string, mentions: readonly Span[]): Span | null {
  const agreed = normalizeName(description).split(' ');
  const agreedWords = contentWords(description);
  let first: Span | null = null;
  for (const mention of mentions) {
    const words = contentWords(mention.text);
    let shared = 0;
    for (const w of words) if (agreedWords.has(w)) shared++;
    if (shared === 0) continue; // a short reference ("the official") is not a description
    const following = normalizeName(text.slice(mention.start, mention.start + description.length + 40)).split(' ');
    if (agreed.every((word, k) => following[k] === word)) return null;
    if (!first || mention.text.length > first.text.length) first = first ?? mention;
  }
  return first;
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Applies `<!-- source-trace-disable… -->` comments to the findings added here. */
function silence(source: string, findings: Finding[]): Finding[] {
  if (!source.includes('source-trace-')) return findings;
  const directives = readDirectives(source);
  return findings.filter((finding) => {
    let disabled = false;
    for (const d of directives) {
      const applies = d.rules === null || d.rules.includes(finding.rule);
      if (d.kind === 'disable-next-line') {
        if (applies && finding.start >= d.from && finding.start <= d.to) return false;
        continue;
      }
      if (d.from > finding.start) break;
      if (applies) disabled = d.kind === 'disable';
    }
    return !disabled;
  });
}

export { describeEvidence };
