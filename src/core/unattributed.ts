// Stage 8 (with chains): which sentences stand without a source, and where the reporter hedges.
// A sentence needs a source when it asserts something checkable — a figure, a date, a decision or
// an event — and neither holds a claim nor sits inside a quotation.
import type { SentenceReport, Span } from './types';
import type { LanguageData } from './lang';
import type { ProseDocument } from './markdown';
import type { Sentence } from './sentences';
import { type Quote, quoteAt } from './quotes';
import { firstIndex } from './sorted';
import { wordsIn } from './mentions';
import { type PhraseTable, matchPhrases, phraseTable } from './phrases';

const NUMBER_WORDS = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|third|thirds|quarter|first|second|largest|biggest|highest|lowest|record)\b/i;
const EVENT_VERBS = /\b(?:decided|banned|killed|injured|died|arrested|charged|convicted|sentenced|elected|approved|rejected|voted|resigned|fired|collapsed|exploded|struck|launched|founded|opened|closed|filed|signed|passed|failed|withdrew|sanctioned|summoned|deployed|invaded|attacked|seized|raised|cut|cuts|fell|rose|dropped|increased|decreased|limited|ordered|introduced|lowered|blocked|destroyed|damaged|reached|recovered|rescued|evacuated|diverted|postponed|cancelled|canceled|suspended|requires|required|set|planned|scheduled|owns|owned|employs|considered|agreed|hired|spent|paid|borrowed|won|lost|led|trails|missed|has not|had never|was built|were built|responded|resumed|hit|took place|followed|included|operating|sent|designated|offered|pressed|avoided|ordered)\b/i;
const YEAR = /\b(?:1[89]\d\d|20\d\d)\b/;
const DIGIT = /\d/;

export interface UnattributedInput {
  doc: ProseDocument;
  sentences: Sentence[];
  quotes: Quote[];
  /** Sentences with the claims that touch them. */
  reports: SentenceReport[];
  lang: LanguageData;
  /** Sentences that hold a cue word (even when no claim was read from it). */
  cueSentences: Set<number>;
}

export function findUnattributed(input: UnattributedInput): Span[] {
  const { doc, sentences, quotes, reports, lang } = input;
  const months = new RegExp(`\\b(?:${lang.monthsAndDays.filter((m) => m.length > 3).join('|')})\\b`);
  const out: Span[] = [];
  sentences.forEach((sentence, index) => {
    const block = doc.blocks[sentence.block];
    if (block.kind === 'heading' || block.kind === 'table-row') return;
    if (input.cueSentences.has(index)) return;
    if (reports[index].claims.length > 0) return;
    // Inside a quotation: the quote's speaker (or its absence) is another rule's business.
    const around = quoteAt(quotes, sentence.start + 1) ?? quoteAt(quotes, sentence.start);
    const quoted = !!around && around.end >= sentence.end - 1;
    if (quoted) return;
    const text = doc.prose.slice(sentence.start, sentence.end);
    const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length < 5) return;
    // Questions and exclamations are not assertions.
    if (/\?["”’]?$/.test(text.trim())) return;
    // Conditionals and the reporter's hedged reading of events ("appear to be inching toward a deal")
    // assert no fact to check.
    if (/^\s*If\b/.test(text) || /\b(?:appears?|appeared|seems?|seemed) to\b/i.test(text)) return;
    // A list introduced by a colon ("The plan would:") carries what the introduction attributed.
    if (block.kind === 'list-item' && introducedByColon(doc, sentence.block)) return;
    // Strip quoted stretches before looking for figures, so a quoted "1997" does not count.
    const unquoted = stripQuotes(text);
    const checkable = DIGIT.test(unquoted) || YEAR.test(unquoted) || months.test(unquoted) || NUMBER_WORDS.test(unquoted) || EVENT_VERBS.test(unquoted);
    if (!checkable) return;
    out.push({ start: sentence.start, end: sentence.end, text: doc.source.slice(sentence.start, sentence.end) });
  });
  return out;
}

function introducedByColon(doc: ProseDocument, blockIndex: number): boolean {
  for (let k = blockIndex - 1; k >= 0; k--) {
    if (doc.blocks[k].kind === 'list-item') continue;
    return /:\s*$/.test(doc.prose.slice(doc.blocks[k].start, doc.blocks[k].end));
  }
  return false;
}

function stripQuotes(text: string): string {
  return text.replace(/["“][^"”]*["”]/g, ' ');
}

const hedgeTables = new WeakMap<LanguageData, PhraseTable>();
function hedgeTable(lang: LanguageData): PhraseTable {
  let table = hedgeTables.get(lang);
  if (!table) {
    table = phraseTable(lang.hedges);
    hedgeTables.set(lang, table);
  }
  return table;
}

// Hedges of the draft being analysed, found once: claims and sentences then ask for their ranges.
// Keyed by the document object: comparing the prose itself would compare whole drafts, character by
// character, on every call when the same text is analysed twice.
const hedgeCache = new WeakMap<ProseDocument, Span[]>();

/** Hedge phrases ("reportedly", "appeared to") within a range, outside quotes. */
export function findHedges(doc: ProseDocument, quotes: Quote[], start: number, end: number, lang: LanguageData): Span[] {
  let all = hedgeCache.get(doc);
  if (!all) {
    all = scanHedges(doc, quotes, lang);
    hedgeCache.set(doc, all);
  }
  const low = firstIndex(all, (hedge) => hedge.start >= start);
  const out: Span[] = [];
  for (let i = low; i < all.length && all[i].end <= end; i++) out.push(all[i]);
  return out;
}

function scanHedges(doc: ProseDocument, quotes: Quote[], lang: LanguageData): Span[] {
  const out: Span[] = [];
  const prose = doc.prose;
  // Words come without the full stop that ends a sentence (see scanWords).
  matchPhrases(prose, wordsIn(prose, 0, prose.length), hedgeTable(lang), (_hedge, first, last) => {
    if (!quoteAt(quotes, first.start)) out.push({ start: first.start, end: last.end, text: doc.source.slice(first.start, last.end) });
    return true;
  });
  return out;
}
