// The pipeline: Markdown → prose → sentences → mentions → quotes → attributions → speakers → actors
// → chains → findings. Pure: no I/O, no globals mutated; safe in a web worker.
import type { Analysis, AnalyzeOptions, Claim, SentenceReport, Span } from './types';
import { languageData } from './lang';
import { toProse } from './markdown';
import { createSentenceSplitter } from './sentences';
import { findQuotes, quoteAt, quotesOverlapping } from './quotes';
import { firstIndex } from './sorted';
import { createLexicon, primeWords, scanNamedEntities, scanRoleSubjects, type Lexicon, type Mention } from './mentions';
import { createCueFinder, findAttributions, type CueFinder, type RawClaim } from './attributions';
import { resolveSpeakers } from './resolve';
import { buildActors } from './actors';
import { findHedges, findUnattributed } from './unattributed';
import { buildFindings } from './findings';
import { applySourceChecks } from './source-checks';

/** Above this many characters only the beginning is analysed, and `notice` says so. */
export const DEFAULT_MAX_LENGTH = 10_000_000;

interface Engine {
  lex: Lexicon;
  cues: CueFinder;
  splitter: ReturnType<typeof createSentenceSplitter>;
}

// Lexicons and compiled patterns are built once per language, on first use.
const engines = new Map<string, Engine>();
function engineFor(code: string): Engine {
  let engine = engines.get(code);
  if (!engine) {
    const lang = languageData(code);
    engine = { lex: createLexicon(lang), cues: createCueFinder(lang), splitter: createSentenceSplitter(lang) };
    engines.set(code, engine);
  }
  return engine;
}

/** Reads a draft and reports who claimed what. */
export function analyze(input: string, options: AnalyzeOptions = {}): Analysis {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  let notice: string | undefined;
  let text = typeof input === 'string' ? input : String(input ?? '');
  if (text.length > maxLength) {
    notice = `Only the first ${maxLength.toLocaleString('en-US')} of ${text.length.toLocaleString('en-US')} characters were analysed.`;
  }
  const source = text;
  if (text.length > maxLength) text = text.slice(0, maxLength);
  if (looksBinary(text)) {
    return { version: 1, actors: [], claims: [], sentences: [], unattributed: [], findings: [], stances: [], notice: 'This file looks binary; it was not analysed.' };
  }

  const { lex, cues, splitter } = engineFor(options.language ?? 'en');
  const doc = toProse(text, options.format ?? 'markdown');
  primeWords(doc.prose);
  const sentences = splitter.split(doc);
  const quotes = findQuotes(doc);
  const sentenceStarts = new Set(sentences.map((s) => s.start));
  const entities: Mention[] = [];
  for (const block of doc.blocks) {
    // A byline names the reporter, not an actor of the story.
    if (/^\s*By\s+\p{Lu}/u.test(doc.prose.slice(block.start, block.end))) continue;
    entities.push(...scanNamedEntities(doc.prose, block.start, block.end, sentenceStarts, lex).filter((m) => !quoteAt(quotes, m.start)));
  }

  entities.push(...scanRoleSubjects(doc.prose, sentences.map((s) => s.start), lex));
  const raw = findAttributions({ doc, sentences, quotes, lex }, cues);
  const { registry, resolved } = resolveSpeakers(doc.prose, raw, entities, sentences);
  const actors = buildActors(registry, source);
  const listed = new Set(actors.map((a) => a.id));

  const span = (start: number, end: number): Span => ({ start, end, text: source.slice(start, end) });
  const inReadingOrder = resolved.sort((a, b) => a.raw.contentStart - b.raw.contentStart || a.raw.cueStart - b.raw.cueStart);
  const report = (list: typeof resolved, prefix: string): Claim[] =>
    list.map((r, index) => toClaim(r.raw, `${prefix}${index + 1}`, r.actor && listed.has(r.actor.id) ? r.actor.id : null, r.via.filter((v) => listed.has(v.id)).map((v) => v.id), span, cues, quotes, doc, lex));
  const claims = report(inReadingOrder.filter((r) => !r.raw.stance), 'c');
  const stances = report(inReadingOrder.filter((r) => r.raw.stance), 's');

  const cueSentences = new Set<number>();
  const claimSentenceReports: SentenceReport[] = sentences.map((s) => ({ start: s.start, end: s.end, claims: [] }));
  for (const claim of claims) {
    // Sentences are sorted: start from the first that could overlap the claim.
    for (let i = firstSentenceEndingAfter(claimSentenceReports, claim.sentence.start); i < claimSentenceReports.length; i++) {
      const report = claimSentenceReports[i];
      if (report.start >= claim.sentence.end) break;
      report.claims.push(claim.id);
    }
  }
  for (const r of raw) if (!r.stance) cueSentences.add(r.sentenceIndex);

  const unattributed = findUnattributed({ doc, sentences, quotes, reports: claimSentenceReports, lang: lex.lang, cueSentences });
  const ownVoiceHedges: Span[] = [];
  sentences.forEach((sentence, index) => {
    if (claimSentenceReports[index].claims.length > 0) return;
    ownVoiceHedges.push(...findHedges(doc, quotes, sentence.start, sentence.end, lex.lang).filter((h) => !/^so-called$/i.test(h.text)));
  });
  const findings = buildFindings({ source: text, prose: doc.prose, claims, actors, quotes, unattributed, ownVoiceHedges, lang: lex.lang }, options);

  const analysis: Analysis = { version: 1, actors, claims, sentences: claimSentenceReports, unattributed, findings, stances };
  if (notice) analysis.notice = notice;

  // ── Quote evidence and the source register (issue 4): see src/core/source-checks.ts. ──
  applySourceChecks(analysis, text, options);

  return analysis;
}

function toClaim(
  raw: RawClaim,
  id: string,
  actor: string | null,
  via: string[],
  span: (start: number, end: number) => Span,
  cues: CueFinder,
  quotes: ReturnType<typeof findQuotes>,
  doc: ReturnType<typeof toProse>,
  lex: Lexicon,
): Claim {
  const content: Claim['content'] = span(raw.contentStart, raw.contentEnd);
  if (raw.fragments.length > 1) content.fragments = raw.fragments.map(([s, e]) => span(s, e));
  const inside = quotesOverlapping(quotes, raw.contentStart - 1, raw.contentEnd + 1).filter((q) => q.words >= 1);
  return {
    id,
    type: raw.type,
    content,
    cue: span(raw.cueStart, raw.cueEnd),
    source: raw.source ? span(raw.sourceStart, raw.sourceEnd) : null,
    actor,
    via,
    sentence: { start: raw.sentenceStart, end: raw.sentenceEnd },
    hedges: findHedges(doc, quotes, raw.sentenceStart, raw.sentenceEnd, lex.lang),
    tone: cues.isLoaded(raw.cueWord) ? 'loaded' : 'neutral',
    quotes: inside.map((q) => span(q.start, q.end)),
  };
}

function firstSentenceEndingAfter(sentences: SentenceReport[], offset: number): number {
  return firstIndex(sentences, (sentence) => sentence.end > offset);
}

/** NUL bytes or a high share of replacement/control characters: not prose. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return false;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13)) odd++;
  }
  return odd / sample.length > 0.1;
}
