// Stage 5: attributions. Finds each cue ("said", "warned", "according to") outside quotes and reads
// the claim around it: direct quotes ('"…," she said', 'He said: "…"', '"…," said Mayor X'), split
// quotes ('"A," she said, "B."' is one claim), indirect speech ('X said that …'), mixed claims
// (indirect with quoted fragments), post-posed cues ('…, officials said'), "according to X", and
// coordinated cues ('acknowledged that A but insisted that B'). Nested chains are left to the
// speaker stage: a cue inside another claim's content becomes a claim relayed "via" the outer one.
import type { ClaimType } from './types';
import type { LanguageData } from './lang';
import type { ProseDocument } from './markdown';
import type { Sentence } from './sentences';
import { type Quote, firstQuoteFrom, quoteAt, quotesOverlapping } from './quotes';
import { matchPhrases, phraseTable } from './phrases';
import { type Lexicon, type Mention, classifyNounPhrase, endsWithRole, isCapitalized, startsCountry, startsWithRole, wordsIn } from './mentions';

export interface RawClaim {
  type: ClaimType;
  contentStart: number;
  contentEnd: number;
  fragments: Array<[number, number]>;
  cueStart: number;
  cueEnd: number;
  /** The cue verb as written, lower case ("said", "according to"). */
  cueWord: string;
  sourceStart: number;
  sourceEnd: number;
  source: Mention | null;
  /** A coordinated cue ("… but insisted") shares the source of the claim at this index. */
  sharesSourceWith: number | null;
  /** Participles (", saying …") take the subject of their sentence. */
  sentenceIndex: number;
  /** First and last sentence the claim touches. */
  sentenceStart: number;
  sentenceEnd: number;
  /**
   * A stated position, belief or piece of evidence ("wants", "criticized the plan", "polls show") rather
   * than something said. Reported in `Analysis.stances`, never linted, never makes a sentence sourced.
   */
  stance?: true;
}

export interface AttributionContext {
  doc: ProseDocument;
  sentences: Sentence[];
  quotes: Quote[];
  lex: Lexicon;
}

interface CueMatch {
  start: number;
  end: number;
  word: string;
  lemma: string;
}

export interface CueFinder {
  find(prose: string, start: number, end: number): CueMatch[];
  isLoaded(word: string): boolean;
  /** Position, intention and evidence verbs ("plans to", "endorsed"): their claims are stances. */
  isStanceOnly(word: string): boolean;
  isWeak(word: string): boolean;
  isObjectCue(word: string): boolean;
  isParticiple(word: string): boolean;
}

export function createCueFinder(lang: LanguageData): CueFinder {
  const lemmaOf = new Map<string, string>();
  for (const [lemma, forms] of Object.entries(lang.stanceOnlyCues)) for (const form of forms) lemmaOf.set(form, lemma);
  // A form listed among the speech cues as well stays a speech cue.
  const stanceOnly = new Set(lemmaOf.keys());
  for (const [lemma, forms] of Object.entries(lang.cues)) {
    for (const form of forms) {
      lemmaOf.set(form, lemma);
      stanceOnly.delete(form);
    }
  }
  const table = phraseTable([...lemmaOf.keys(), 'according to', 'per', 'citing']);
  const loaded = new Set(lang.loadedCues);
  const weak = new Set(lang.weakCues);
  const objectCues = new Set(lang.objectCues);
  return {
    find(prose, start, end) {
      const out: CueMatch[] = [];
      matchPhrases(prose, wordsIn(prose, start, end), table, (word, first, last) => {
        // Capitalised, a cue word is a name ("United States") — except "According to" opening a sentence.
        if (isCapitalized(first.text) && word !== 'according to') return false;
        out.push({ start: first.start, end: last.end, word, lemma: lemmaOf.get(word) ?? word });
        return true;
      });
      return out;
    },
    isLoaded: (word) => loaded.has(word),
    isStanceOnly: (word) => stanceOnly.has(word),
    isWeak: (word) => weak.has(word),
    isObjectCue: (word) => objectCues.has(word),
    isParticiple: (word) => word.endsWith('ing') && word !== 'according to',
  };
}

const BE_AUXILIARY = /(?:^|\s)((?:been|be|being|was|were|is|are|[’']s|[’']re)(?:\s+(?:not|widely|long|also|often|generally|now|still|once\s+again|again))?)\s*$/i;
const HAVE_AUXILIARY = /(?:^|\s)((?:has|have|had)(?:\s+(?:not|also|already|long|since|repeatedly|previously|often|never))?)\s*$/i;

/**
 * The auxiliary (group 1 of `pattern`) that ends `before`, with its offset in `before`. Only the last
 * few words can hold it: the search stays off the rest of the sentence.
 */
function auxiliaryAtEnd(before: string, pattern: RegExp): { at: number; text: string } | null {
  const from = Math.max(0, before.length - 40);
  const match = pattern.exec(before.slice(from));
  // At the window's edge a match may be the tail of a longer word.
  if (!match || (from > 0 && match.index === 0 && !/\s/.test(match[0][0]))) return null;
  return { at: from + match.index + match[0].indexOf(match[1]), text: match[1] };
}

// Forms that are also nouns ("the report", "a claim", "his remarks"): a cue only when used as a verb.
const NOUN_LIKE = new Set(['report', 'reports', 'claim', 'claims', 'call', 'calls', 'warning', 'note', 'notes', 'remarks', 'promise', 'promises', 'forecast', 'forecasts', 'estimate', 'estimates', 'rules', 'show', 'shows', 'tweet', 'tweets', 'post', 'stress', 'answer', 'comment', 'pledge', 'pledges', 'vow', 'vows', 'state', 'states', 'signals', 'welcomes', 'writing', 'reporting', 'charge', 'charges']);
const NEEDS_THAT = new Set(['concede', 'concedes', 'conceded', 'conceding', 'show', 'shows', 'showed', 'agreed']);
const TIME_WORDS = /^(on|in|at|during|after|before|last|this|next|yesterday|today|tonight|earlier|later|late|early|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|week|month|year|night|morning|afternoon|evening|the|a|an|its|his|her|their|of|news|conference|statement|interview|speech|briefing|call|phone|vote|meeting|hearing|session|event|rally|visit|trip|press|recent|same|day|weekend|then|also|again|separately|previously|recently|publicly|privately|by|via|with|to|through|over|from|for|wednesday's|tuesday's|monday's|thursday's|friday's|sunday's|saturday's|\d+)$/i;

export function findAttributions(ctx: AttributionContext, cues: CueFinder): RawClaim[] {
  const { doc, sentences, quotes } = ctx;
  const prose = doc.prose;
  const claims: RawClaim[] = [];

  sentences.forEach((sentence, sentenceIndex) => {
    const found = cues.find(prose, sentence.start, sentence.end).filter((cue) => !quoteAt(quotes, cue.start));
    const sentenceClaims: RawClaim[] = [];
    const stances: RawClaim[] = [];
    for (let k = 0; k < found.length; k++) {
      const cue = found[k];
      // Speech is read as if no stance were there, so a stance never moves a speech claim's boundaries.
      const claim = readCue(ctx, cues, sentence, sentenceIndex, cue, sentenceClaims);
      if (claim && cues.isStanceOnly(cue.word) && !claim.stance) {
        claim.stance = true;
        if (claim.type !== 'direct') claim.contentEnd = stanceEnd(ctx, claim.contentStart, claim.contentEnd);
      }
      if (claim && claim.stance && !plausibleStance(prose, claim)) continue;
      if (claim) (claim.stance ? stances : sentenceClaims).push(...splitAtColonQuote(ctx, claim), ...coordinatedSubjects(ctx, claim));
    }
    endBeforeNextSubject(prose, sentenceClaims, sentenceClaims);
    endBeforeNextSubject(prose, stances, [...sentenceClaims, ...stances]);
    endBeforePostposedCue(prose, sentenceClaims, sentenceClaims);
    endBeforePostposedCue(prose, stances, sentenceClaims);
    endBeforeEnclosingCue(prose, stances, sentenceClaims);
    claims.push(...sentenceClaims, ...stances);
  });

  const speech = claims.filter((c) => !c.stance);
  mergeQuoteContinuations(ctx, speech);
  claims.push(...speakerLabelClaims(ctx, speech), ...dashCreditedQuotes(ctx, speech));
  claims.sort((a, b) => a.contentStart - b.contentStart);
  return claims;
}

/**
 * '"…", while ALDI, in a post, called it "unexpected"': a claim's content ends where the next
 * claim's own subject begins, when a conjunction introduces it.
 */
function endBeforeNextSubject(prose: string, claims: RawClaim[], next: RawClaim[]): void {
  for (const a of claims) {
    for (const b of next) {
      if (a === b || b.sourceStart <= a.contentStart || b.sourceStart >= a.contentEnd || b.sharesSourceWith !== null) continue;
      const lead = /,?\s*(?:while|whereas|and|but)\s*$/.exec(prose.slice(a.contentStart, b.sourceStart));
      if (lead) a.contentEnd = trimEnd(prose, a.contentStart, a.contentStart + lead.index);
    }
  }
}

/**
 * "Tom Reyes, who voted against the measure, said the city …": a stance inside the subject of a speech
 * claim ends before that claim's cue — the comma closes the relative clause.
 */
function endBeforeEnclosingCue(prose: string, stances: RawClaim[], speech: RawClaim[]): void {
  for (const stance of stances) {
    for (const claim of speech) {
      if (claim.cueStart <= stance.contentStart || claim.cueStart >= stance.contentEnd || claim.sourceStart > stance.cueStart) continue;
      const comma = /,\s*$/.exec(prose.slice(stance.contentStart, claim.cueStart));
      stance.contentEnd = trimEnd(prose, stance.contentStart, comma ? stance.contentStart + comma.index : claim.cueStart);
    }
  }
}

/**
 * A stance must read as one: its holder a noun phrase and its content a position. Stance verbs are common
 * enough that the subject finder sometimes returns a stretch of clause ("the videos show Scott leaving
 * his car when"); speech verbs have their own, stricter cues, so this check is for stances only.
 */
function plausibleStance(prose: string, claim: RawClaim): boolean {
  const content = prose.slice(claim.contentStart, claim.contentEnd).trim();
  // "asked not to be named" is the reason for anonymity, not a position; "and turns on his party" or
  // "shortly before 2 a.m" is a stretch of the sentence, not what anyone holds.
  if (/^not\s+to\s+be\s+(?:named|identified|quoted)\b/i.test(content)) return false;
  if (/^(?:and|or|but|then|so)\b/i.test(content)) return false;
  if (/^(?:shortly|just|soon|late|early|on|at|in|after|before)\b[^,]{0,30}$/i.test(content) && !/\b(?:that|to)\b/.test(content) && /\d|\b(?:night|morning|evening|afternoon|day|week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i.test(content)) return false;
  if (!claim.source) return true;
  const text = prose.slice(claim.sourceStart, claim.sourceEnd);
  const head = text.split(',')[0];
  if (head.trim().split(/\s+/).length > 8) return false;
  if (/\s(?:and|or|but|when|to|of|for|against|from|on|in|with|that|who)$/i.test(text.trim())) return false;
  if (/^(?:said|would|writing|says)\b/i.test(text.trim())) return false;
  return !/\s(?:is|are|was|were|remain|remains|continue|continues|show|shows|showed|said|suggested|called|renewed|doesn’t|doesn't|don’t|don't|would)\s/i.test(` ${head} `);
}

/**
 * "Protocol called for her to be taken to a trauma centre, sources said": the post-posed ", sources said"
 * credits the whole clause; it is not part of what the protocol called for.
 */
function endBeforePostposedCue(prose: string, claims: RawClaim[], others: RawClaim[]): void {
  for (const a of claims) {
    if (a.type === 'direct') continue;
    for (const b of others) {
      const tail = Math.min(b.sourceStart, b.cueStart);
      if (a === b || b.contentEnd > tail || tail <= a.contentStart || tail >= a.contentEnd) continue;
      const comma = /,\s*$/.exec(prose.slice(a.contentStart, tail));
      if (comma) a.contentEnd = trimEnd(prose, a.contentStart, a.contentStart + comma.index);
    }
  }
}

/** "He told the press the drugs were part of it: "What will stop Ebola is …"" — two claims. */
function splitAtColonQuote(ctx: AttributionContext, claim: RawClaim): RawClaim[] {
  if (claim.type === 'direct') return [claim];
  const prose = ctx.doc.prose;
  const text = prose.slice(claim.contentStart, claim.contentEnd);
  const colon = /:\s*(?=["“])/.exec(text);
  if (!colon || colon.index < 10) return [claim];
  const quote = quoteAt(ctx.quotes, claim.contentStart + colon.index + colon[0].length);
  if (!quote || quote.end < claim.contentEnd - 1) return [claim];
  const quoteClaim: RawClaim = { ...claim, type: 'direct', contentStart: quote.innerStart, contentEnd: quote.innerEnd, fragments: [], sharesSourceWith: null };
  claim.contentEnd = trimEnd(prose, claim.contentStart, claim.contentStart + colon.index);
  claim.type = quotesOverlapping(ctx.quotes, claim.contentStart, claim.contentEnd).some((q) => q.start >= claim.contentStart && q.end <= claim.contentEnd) ? 'mixed' : 'indirect';
  return [claim, quoteClaim];
}

/** "The Investigative Committee and the FSB said …": one claim for each subject. */
function coordinatedSubjects(ctx: AttributionContext, claim: RawClaim): RawClaim[] {
  const { doc, lex } = ctx;
  const prose = doc.prose;
  const sourceText = prose.slice(claim.sourceStart, claim.sourceEnd);
  const and = /,?\s+and\s+(?=(?:the\s+)?\p{Lu})/u.exec(sourceText);
  if (!and || !claim.source || claim.source.form !== 'name') return [];
  const firstEnd = claim.sourceStart + and.index;
  const secondStart = claim.sourceStart + and.index + and[0].length;
  const first = classifyNounPhrase(prose, claim.sourceStart, firstEnd, lex);
  const second = classifyNounPhrase(prose, secondStart, claim.sourceEnd, lex);
  if (!first || !second || first.form !== 'name' || second.form !== 'name' || first.kind === 'person' && first.name.split(' ').length === 1) return [];
  // "National Institute of Allergy and Infectious Diseases" is one name, not two subjects.
  if (/\sand\s/.test(claim.source.name)) return [];
  claim.sourceEnd = firstEnd;
  claim.source = first;
  return [{ ...claim, sourceStart: secondStart, sourceEnd: claim.sourceStart + sourceText.length, source: second, sharesSourceWith: null, fragments: [...claim.fragments] }];
}

function previousQuoteInBlock(quotes: Quote[], offset: number, blockIndex: number): Quote | null {
  // Quotes never overlap, so the last one ending before the offset starts before it too.
  for (let i = firstQuoteFrom(quotes, offset) - 1; i >= 0; i--) {
    const quote = quotes[i];
    if (quote.end > offset) continue;
    return quote.lastBlock === blockIndex ? quote : null;
  }
  return null;
}

function lastQuoteBefore(quotes: Quote[], offset: number): Quote | null {
  for (let i = firstQuoteFrom(quotes, offset) - 1; i >= 0; i--) if (quotes[i].end <= offset) return quotes[i];
  return null;
}

function nextQuoteInBlock(quotes: Quote[], offset: number, blockIndex: number): Quote | null {
  const quote = quotes[firstQuoteFrom(quotes, offset)];
  return quote && quote.firstBlock === blockIndex ? quote : null;
}

/** The word before an offset within a sentence (scanning back, not matching the whole prefix). */
function lastWordBefore(prose: string, sentenceStart: number, offset: number): string {
  let end = offset;
  while (end > sentenceStart && !/[\p{L}\p{N}]/u.test(prose[end - 1])) end--;
  let start = end;
  while (start > sentenceStart && /[\p{L}\p{N}’'-]/u.test(prose[start - 1])) start--;
  return prose.slice(start, end);
}

function skipSpaces(prose: string, i: number, end: number): number {
  while (i < end && (prose.charCodeAt(i) === 32 || prose.charCodeAt(i) === 160 || prose.charCodeAt(i) === 9)) i++;
  return i;
}

// Character classes by code, not by regular expression: these run at every claim boundary.
const TRIM_END = new Set([...' \t\n\r\u00a0.,;:!?—–-'].map((c) => c.charCodeAt(0)));
const TRIM_START = new Set([...' \t\n\r\u00a0,;:—–-'].map((c) => c.charCodeAt(0)));

function trimEnd(prose: string, start: number, end: number): number {
  while (end > start && TRIM_END.has(prose.charCodeAt(end - 1))) end--;
  return end;
}

function trimStart(prose: string, start: number, end: number): number {
  while (start < end && TRIM_START.has(prose.charCodeAt(start))) start++;
  return start;
}

/** Reads the claim a cue introduces, or null when the cue word is not used as an attribution here. */
function readCue(
  ctx: AttributionContext,
  cues: CueFinder,
  sentence: Sentence,
  sentenceIndex: number,
  cue: CueMatch,
  earlier: RawClaim[],
): RawClaim | null {
  const { doc, quotes, lex } = ctx;
  const prose = doc.prose;
  const S = sentence.start;
  const E = sentence.end;

  if (cue.word === 'according to' || cue.word === 'per') return readAccordingTo(ctx, sentence, sentenceIndex, cue);
  if (cue.word === 'citing') return null;

  const before = prose.slice(S, cue.start);
  const prevWord = lastWordBefore(prose, S, cue.start);
  const lowerPrev = prevWord.toLowerCase();
  if (NOUN_LIKE.has(cue.word) && (lex.determiners.has(lowerPrev) || /[’']s$/.test(prevWord) || lex.months.has(prevWord) || /^(annual|new|latest|first|final|recent|such|official|initial|this|that|no|any|his|her|whose|of|to|will|would|could|should|can|may|might|must)$/i.test(prevWord))) {
    return null;
  }
  const nextChar = prose.slice(cue.end, cue.end + 2).trim()[0] ?? '';
  // "Additional reporting by the business desk" is a credit line.
  if (/ing$/.test(cue.word) && /^\s+by\s/.test(prose.slice(cue.end, cue.end + 5)) && /^\p{Lu}/u.test(prevWord)) return null;
  // "has alleged ties", "claimed victory": a plain noun after the verb is its object, not a claim.
  if (/^(alleged|claimed)$/.test(cue.word)) {
    const nextWord = /^\s+([\p{L}’'-]+)/u.exec(prose.slice(cue.end, cue.end + 30))?.[1] ?? '';
    if (/^\p{Ll}/u.test(nextWord) && !/^(that|the|a|an|he|she|it|they|his|her|its|their|this|there|to|in|on|at|without|on|responsibility)$/.test(nextWord)) return null;
  }
  // Passives: "were reported by local media to have …" names its source after "by"; without an agent
  // ("was announced to have died") nobody is named, and that is a hedge, not a claim.
  // "is demanding", "was once again questioning": a progressive verb, its subject before the auxiliary.
  const auxiliary = auxiliaryAtEnd(before, BE_AUXILIARY);
  const progressive = !!auxiliary && /ing$/.test(cue.word.split(' ')[0]);
  const passive = !!auxiliary && !progressive && !/^[’']/.test(auxiliary.text);
  if (passive) {
    const agent = /^\s+by\s+/.exec(prose.slice(cue.end, cue.end + 10));
    if (!agent) return agentlessPassive(ctx, sentence, sentenceIndex, cue);
    const source = nounPhraseAfter(prose, cue.end + agent[0].length, E, lex);
    if (!source) return null;
    const start = trimStart(prose, S, E);
    return indirectClaim(ctx, sentenceIndex, sentence, cue, source.end, start, trimEnd(prose, start, E), source, null);
  }
  if (NOUN_LIKE.has(cue.word) && /[,.;:)]/.test(nextChar)) return null; // "the report," / "in his remarks."
  // After a preposition it is an adjective or a noun: "over alleged plots", "of reported cases".
  if (/^(over|of|for|about|against|with|from|on|in|into|amid|despite|the|an|a|any|its|their|his|her)$/i.test(prevWord) && cue.word !== 'according to') return null;
  // Infinitives and modals ("to report", "would say") are not attributions of something said —
  // except "went on to say".
  const wentOnTo = /\b(?:went|goes|go|going)\s+on\s+to\s*$/i.test(before);
  if (!wentOnTo && /^(to|will|would|could|should|can|may|might|must|cannot|did|does|do)$/i.test(prevWord)) return null;

  // The cue phrase may carry an object: "told reporters", "said in a statement", "expressed to Rutte".
  const cueEnd = extendCue(prose, cue, E, lex);

  // 1. A quote just before the cue: '"…," she said' or '"…," said Mayor X'.
  const blockIndex = sentence.block;
  const quoteBefore = previousQuoteInBlock(quotes, cue.start, blockIndex);
  if (quoteBefore && quoteBefore.end >= S - 1 && quoteBefore.words >= 1) {
    const gap = prose.slice(quoteBefore.end, cue.start);
    const quoteTail = prose.slice(Math.max(quoteBefore.innerEnd - 1, quoteBefore.start), quoteBefore.end);
    const endsOpen = /[,!?—–-]/.test(quoteTail) || /^\s*[,—–-]/.test(gap);
    if (endsOpen || /^\s*$/.test(gap)) {
      const gapTrimmed = gap.replace(/^[\s,—–-]+/, '');
      if (gapTrimmed.trim() === '') {
        // Inverted: the source follows the cue.
        const source = nounPhraseAfter(prose, cueEnd, E, lex);
        if (source) return directClaim(ctx, sentence, sentenceIndex, cue, cueEnd, quoteBefore, source.start, source.end, source.mention);
      } else {
        const npStart = quoteBefore.end + (gap.length - gapTrimmed.length);
        const npEnd = stripTrailingAdverbs(prose, npStart, cue.start, lex);
        const words = wordsIn(prose, npStart, npEnd);
        // '"Fox News Sunday," Governor Pence said his running mate …': a quoted title, then a clause of
        // its own after the cue — not a quotation attributed to the speaker.
        const tail = prose.slice(cueEnd, sentence.end).replace(/[\s.!?"”’)]+$/, '');
        const clauseFollows = /^\s+(?:that|his|her|its|their|the|a|an|he|she|it|they|we|this|these|those)\s/i.test(tail);
        // A long appositive chain ("Scott Pruitt, the attorney general of Oklahoma, one of the states
        // suing, said"): the name before the first comma decides who it is.
        const firstComma = prose.indexOf(',', npStart);
        const headEnd = words.length > 14 && firstComma > npStart && firstComma < npEnd ? firstComma : npEnd;
        if (!clauseFollows && words.length > 0 && words.length <= 40) {
          const mention = classifyNounPhrase(prose, npStart, headEnd, lex);
          if (mention && (headEnd === npEnd || mention.form === 'name')) return directClaim(ctx, sentence, sentenceIndex, cue, cueEnd, quoteBefore, words[0].start, words[words.length - 1].end, mention);
        }
      }
    }
  }

  // Participles after a comma take the sentence's subject (", saying …").
  const participle = cues.isParticiple(cue.word) && !progressive;

  // 2. Source before the cue (before its auxiliary, for "is demanding").
  // "the city had voted for", "the bank has long argued": the subject stands before the auxiliary.
  const perfect = progressive ? null : auxiliaryAtEnd(before, HAVE_AUXILIARY);
  const subjectEnd = S + (progressive ? auxiliary!.at : perfect ? perfect.at : cue.start - S);
  let subject = subjectBefore(ctx, S, subjectEnd, earlier);
  let sharesSourceWith: number | null = null;
  if (!subject && participle) {
    subject = sentenceSubject(ctx, S, cue.start, earlier);
  }
  if (!subject) {
    // A coordinated cue: "Whitcombe acknowledged that … but insisted that …".
    const last = earlier[earlier.length - 1];
    if (last && /(?:\s(?:but|and)|,)\s+(?:\p{L}+ly\s+)?$/u.test(prose.slice(Math.max(S, cue.start - 30), cue.start))) {
      sharesSourceWith = -1;
      subject = { start: last.sourceStart, end: last.sourceEnd, mention: last.source };
      // Close the previous claim's content where this one begins.
      const cut = /\s*,?\s*(?:but|and)?\s*(?:\p{L}+ly\s+)?$/u.exec(prose.slice(last.contentStart, cue.start));
      if (cut && last.contentEnd > cue.start) last.contentEnd = trimEnd(prose, last.contentStart, last.contentStart + cut.index);
    }
  }

  // 2a. Cue followed by ":" or "," and a quote that runs to the sentence end: direct.
  let contentStart = skipSpaces(prose, cueEnd, E);
  const afterCue = prose.slice(contentStart, E);
  const quoteAfter = nextQuoteInBlock(quotes, cueEnd, blockIndex);
  if (subject && quoteAfter && /^[:,]?\s*$/.test(prose.slice(cueEnd, quoteAfter.start))) {
    const tail = prose.slice(quoteAfter.end, Math.max(quoteAfter.end, E));
    // '… said "We couldn't win," and the city flag is at half-mast': the quote ends the claim.
    if (quoteAfter.end >= E || /^[\s.,;:!?)]*$/.test(tail) || /^\s*,?\s*(?:and|but|while|as|before|after)\s/.test(tail)) {
      return {
        type: 'direct', contentStart: quoteAfter.innerStart, contentEnd: quoteAfter.innerEnd, fragments: [],
        cueStart: cue.start, cueEnd, cueWord: cue.word, sourceStart: subject.start, sourceEnd: subject.end, source: subject.mention,
        sharesSourceWith, sentenceIndex, sentenceStart: S, sentenceEnd: Math.max(E, quoteAfter.end),
      };
    }
  }

  // 2b. "The bank said:" closing a paragraph, and the words in a blockquote below.
  if (subject && /^[^.!?"“]{0,80}:\s*$/.test(prose.slice(cueEnd, doc.blocks[blockIndex].end)) && E >= doc.blocks[blockIndex].end - 1) {
    const quoted = blockquoteAfter(ctx, blockIndex);
    if (quoted) {
      return {
        type: 'direct', contentStart: quoted.start, contentEnd: quoted.end, fragments: [],
        cueStart: cue.start, cueEnd, cueWord: cue.word, sourceStart: subject.start, sourceEnd: subject.end, source: subject.mention,
        sharesSourceWith, sentenceIndex, sentenceStart: S, sentenceEnd: quoted.end,
      };
    }
  }

  // 3a. Inverted post-posed cue: "…, said one GOP source in the room." (verbs of saying only).
  const gapBefore = before.replace(/\s+$/, '');
  if (gapBefore.endsWith(',') && !subject && /^(say|tell|add|write|explain|continue|note|state|declare|announce|insist|warn|argue|report|recall|reply|respond|tweet|conclude)$/.test(cue.lemma)) {
    const source = nounPhraseAfter(prose, cueEnd, E, lex);
    const after = source ? prose.slice(source.end, E).replace(/[\s.!?"”’)]+$/, '') : '';
    // After the source only its own description may follow: ", a longtime adviser", "in the room", "who…".
    const closes = !!source && (after === '' || /^\s*[,(]/.test(after) || /^\s*(?:in|at|on|from|with|of|for|who|which|familiar|close|briefed|speaking)\b/.test(after) || wordsIn(prose, source.end, source.end + after.length).every((w) => TIME_WORDS.test(w.text)));
    if (source && closes) {
      const start = trimStart(prose, S, E);
      const end = trimEnd(prose, start, S + gapBefore.length - 1);
      if (wordsIn(prose, start, end).length >= 3) {
        return indirectClaim(ctx, sentenceIndex, sentence, cue, cueEnd, start, end, { start: source.start, end: source.end, mention: source.mention }, null);
      }
    }
  }

  // 3. Post-posed cue: "…, German officials said."
  const rest = afterCue.replace(/[\s.!?"”’)]+$/, '');
  const restIsAdjunct = rest === '' || wordsIn(prose, contentStart, contentStart + rest.length).every((w) => TIME_WORDS.test(w.text));
  if (restIsAdjunct || (rest !== '' && /^[,;]/.test(afterCue))) {
    // Parenthetical "X, she found, Y": the claim is the whole sentence.
    const commaBefore = before.lastIndexOf(',');
    const participleNext = /^,\s*(?:\p{L}+ly\s+)?(?:adding|saying|noting|citing|explaining|arguing|warning|insisting|claiming|stressing)\b/u.test(afterCue.trim());
    if (subject && commaBefore > 0 && /^,/.test(afterCue.trim()) && subject.start > S + commaBefore && participleNext) {
      const start = trimStart(prose, S, E);
      const end = trimEnd(prose, start, S + commaBefore);
      if (wordsIn(prose, start, end).length >= 3) return indirectClaim(ctx, sentenceIndex, sentence, cue, cueEnd, start, end, subject, sharesSourceWith);
    }
    if (subject && commaBefore > 0 && /^,/.test(afterCue.trim()) && subject.start > S + commaBefore) {
      const start = trimStart(prose, S, E);
      return indirectClaim(ctx, sentenceIndex, sentence, cue, cueEnd, start, trimEnd(prose, start, E), subject, sharesSourceWith);
    }
    if (restIsAdjunct) {
      if (subject && commaBefore > 0 && subject.start >= S + commaBefore) {
        const start = trimStart(prose, S, E);
        const end = trimEnd(prose, start, S + commaBefore);
        if (wordsIn(prose, start, end).length >= 3) return indirectClaim(ctx, sentenceIndex, sentence, cue, cueEnd, start, end, subject, sharesSourceWith);
      }
      return null;
    }
  }

  if (!subject) return null;

  // 4. Indirect (or mixed) speech after the cue, up to the sentence end or the next coordinated cue.
  contentStart = skipThat(prose, contentStart, E);
  let contentEnd = E;
  const lastQuote = quoteAt(quotes, E - 1);
  if (lastQuote && lastQuote.end > E) contentEnd = lastQuote.end;
  const semicolon = findTopLevel(prose, contentStart, contentEnd, ';');
  if (semicolon > 0 && !quoteAt(quotes, semicolon)) contentEnd = semicolon;
  // ", while footage showed …": a contrasting clause in the reporter's voice ends the claim.
  const contrast = /,\s+(?:while|whereas)\s/.exec(prose.slice(contentStart, contentEnd));
  if (contrast && !quoteAt(quotes, contentStart + contrast.index)) contentEnd = contentStart + contrast.index;
  contentEnd = trimEnd(prose, contentStart, contentEnd);
  const contentWords = wordsIn(prose, contentStart, contentEnd);
  if (contentWords.length < 2 && !(contentWords.length === 1 && quoteAt(quotes, contentStart))) return null;
  // A that-clause close after the cue ("said on Monday that …"): the prefix may hold no "t", which also
  // keeps it from running past another word with a t in it — a cheap bound on how far "that" may be.
  const thatPrefix = /^[^t]*?(?=that\s)/i.exec(prose.slice(skipSpaces(prose, cueEnd, E), E));
  const hasThat = !!thatPrefix && thatPrefix[0].split(/\s+/).length <= 8;
  const quoted = quotesOverlapping(quotes, contentStart, contentEnd).length > 0;
  const claim = indirectClaim(ctx, sentenceIndex, sentence, cue, cueEnd, contentStart, contentEnd, subject, sharesSourceWith);
  // What follows is not reported speech but still someone's position: kept as a stance.
  const asStance = (): RawClaim => ({ ...claim, contentEnd: stanceEnd(ctx, contentStart, contentEnd), stance: true });
  // "described the call in warmer terms" reports a manner; "described it as …" or a quote reports words.
  if (cue.lemma === 'describe' && !quoted && !/\sas\s/.test(prose.slice(contentStart, contentEnd))) return asStance();
  // "Members rejected the offer" is an act; "the senator criticized the plan" is a stance worth tracing.
  if (stance(lex, cue.word) && !(subject.mention && subject.mention.form === 'name' && subject.mention.kind !== 'group' && subject.mention.kind !== 'anonymous')) return asStance();
  // "conceded the election", "the footage showed the vehicle burn": these need a that-clause or a quote.
  if (NEEDS_THAT.has(cue.word) && !hasThat && !quoted) return asStance();
  if (cues.isWeak(cue.word) && !hasThat && !quoted && !strongSubject(subject.mention)) return asStance();
  if (cues.isWeak(cue.word) && !hasThat && !quoted && subject.mention?.form === 'pronoun' && !cues.isObjectCue(cue.word)) return asStance();
  return claim;
}

const AGENTLESS = new Set(['expect', 'accuse', 'criticize', 'blame', 'think', 'believe', 'allege', 'say', 'report', 'consider', 'suspect', 'see']);

/**
 * "North Korea is not thought to be capable of …", "He was accused of …": someone holds the view but
 * nobody is named. Kept as a stance with no source — the clause, subject included, is its content.
 */
function agentlessPassive(ctx: AttributionContext, sentence: Sentence, sentenceIndex: number, cue: CueMatch): RawClaim | null {
  if (!AGENTLESS.has(cue.lemma)) return null;
  const prose = ctx.doc.prose;
  // The clause opens at the sentence start or after the last comma or subordinator before the cue.
  const lead = prose.slice(sentence.start, cue.start);
  let start = sentence.start;
  const breaks = [...lead.matchAll(/(?:,\s+|(?:^|\s)(?:that|because|although|though|while|but|and|as|since|if|when)\s+)/giu)];
  const last = breaks[breaks.length - 1];
  if (last) start = sentence.start + last.index! + last[0].length;
  start = trimStart(prose, start, cue.start);
  if (wordsIn(prose, start, cue.start).length < 2) return null;
  const end = stanceEnd(ctx, start, trimEnd(prose, start, sentence.end));
  if (end <= cue.end) return null;
  return {
    type: 'indirect', contentStart: start, contentEnd: end, fragments: [], cueStart: cue.start, cueEnd: cue.end, cueWord: cue.word,
    sourceStart: cue.start, sourceEnd: cue.start, source: null, sharesSourceWith: null, sentenceIndex,
    sentenceStart: sentence.start, sentenceEnd: sentence.end, stance: true,
  };
}

/**
 * A position is stated in one clause: "talked about bringing communities together, Trump highlighted …"
 * ends at the comma, as does "… the remark, saying …" and "… the deal, which …".
 */
function stanceEnd(ctx: AttributionContext, start: number, end: number): number {
  const prose = ctx.doc.prose;
  const pattern = /,\s+(?:\p{Ll}+ing\b|(?:which|though|although|but|while|whereas|according|because)\b|\p{Lu}\p{Ll}+\s+\p{Ll}+ed\b)/gu;
  const text = prose.slice(start, end);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (quoteAt(ctx.quotes, start + match.index)) continue;
    // "believe gas, which leaks often, was the trigger": after a lone noun the relative clause is an
    // aside inside the position, not its end.
    if (/^,\s+which/.test(match[0]) && wordsIn(prose, start, start + match.index).length < 2) continue;
    return trimEnd(prose, start, start + match.index);
  }
  return end;
}

/** The blockquote (one or more paragraphs) right after a block, as a content range without its marks. */
function blockquoteAfter(ctx: AttributionContext, blockIndex: number): { start: number; end: number } | null {
  const { doc, quotes } = ctx;
  const blocks = doc.blocks;
  let k = blockIndex + 1;
  if (k >= blocks.length || blocks[k].kind !== 'blockquote') return null;
  const start = blocks[k].start;
  let end = blocks[k].end;
  while (k + 1 < blocks.length && blocks[k + 1].kind === 'blockquote' && !/[\S]/.test(doc.prose.slice(blocks[k].end, blocks[k + 1].start).replace(/\s/g, ''))) {
    k++;
    end = blocks[k].end;
  }
  const quote = quoteAt(quotes, start);
  if (quote && quote.start === start && quote.end >= end - 1) return { start: quote.innerStart, end: quote.innerEnd };
  return { start, end: trimEnd(doc.prose, start, end) };
}

const stanceSets = new WeakMap<Lexicon, Set<string>>();
function stance(lex: Lexicon, word: string): boolean {
  let set = stanceSets.get(lex);
  if (!set) {
    set = new Set(lex.lang.stanceCues);
    stanceSets.set(lex, set);
  }
  return set.has(word);
}

function strongSubject(mention: Mention | null): boolean {
  return !!mention && (mention.kind === 'person' || mention.kind === 'organization' || mention.kind === 'anonymous' || mention.kind === 'document') && mention.form !== 'pronoun';
}

/** Skips "that" (and short adjuncts before it: "said on Tuesday that") at the start of the content. */
function skipThat(prose: string, start: number, end: number): number {
  const text = prose.slice(start, end);
  const direct = /^that\s+/i.exec(text);
  if (direct) return skipSpaces(prose, start + direct[0].length, end);
  const match = /^(?:[^"“.;:]{0,60}?\s)?that\s+/i.exec(text);
  if (match) {
    const lead = match[0].replace(/that\s+$/i, '');
    // Only skip a short adjunct made of time/place words or one prepositional phrase ("outside the
    // union hall"); otherwise "that" belongs to the content.
    const placePhrase = /^(?:outside|inside|at|in|on|after|before|during|near|from|to|by)\s+(?:the|a|an|his|her|its|their)?\s*[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,3}\s*$/iu.test(lead.trim());
    if (lead.trim() === '' || (placePhrase && !/\b(?:said|says|told)\b/.test(lead)) || lead.trim().split(/\s+/).length <= 8 && !/[,]/.test(lead) && lead.split(/\s+/).filter(Boolean).every((w) => TIME_WORDS.test(w) || /^[A-Z]/.test(w) || /^(reporters|journalists|parliament|lawmakers|supporters|him|her|them|us|me|it|press|media|state|local|crowd|audience)$/i.test(w))) {
      return skipSpaces(prose, start + match[0].length, end);
    }
  }
  return start;
}

function extendCue(prose: string, cue: CueMatch, end: number, lex: Lexicon): number {
  const after = prose.slice(cue.end, Math.min(end, cue.end + 60));
  const match = cueObjectPattern(lex).exec(after);
  if (match) return cue.end + match[0].length;
  // "told the Daily Courier", "told TASS", "expressed to Rutte".
  // "told the Daily Courier", "told TASS", "expressed to Rutte" — but a possessive or a country starts
  // the content, not the object: "expressed to Rutte South Korea's willingness".
  if (/^(told|telling|tell|tells|expressed|said|says|explained|announced|announcing|wrote|writes|mentioned|reported)$/.test(cue.word)) {
    const lead = /^\s*(to\s+)?(the\s+)?/.exec(after)!;
    const hasTo = !!lead[1];
    if (hasTo || /^tel|^told/.test(cue.word)) {
      const words = wordsIn(prose, cue.end + lead[0].length, Math.min(end, cue.end + 60));
      let stop = -1;
      for (let i = 0; i < words.length && i < 4; i++) {
        const w = words[i];
        if (!isCapitalized(w.text) || /[’']/.test(w.text) || /[’']s?\b/.test(prose.slice(w.end, w.end + 2))) break;
        if (i > 0 && startsCountry(words, i, lex)) break;
        if (i > 0 && /[^\s]/.test(prose.slice(words[i - 1].end, w.start))) break;
        stop = i;
      }
      if (stop >= 0) return words[stop].end;
    }
  }
  if (/^(told|telling|tells|tell)$/.test(cue.word)) {
    const pronoun = /^\s+(?:him|her|them|us|me|reporters|journalists)\b/.exec(after);
    if (pronoun) return cue.end + pronoun[0].length;
    // "told the board that …": the listener is part of the cue, the claim starts after "that".
    const listener = /^\s+(?:the|a|an|his|her|their|its)\s+[\p{L}’'-]+(?:\s+[\p{L}’'-]+)?(?=\s+that\s)/u.exec(after);
    if (listener) return cue.end + listener[0].length;
  }
  return cue.end;
}

const cueObjectPatterns = new WeakMap<Lexicon, RegExp>();
function cueObjectPattern(lex: Lexicon): RegExp {
  let pattern = cueObjectPatterns.get(lex);
  if (!pattern) {
    const objects = [...lex.lang.cueObjects].sort((a, b) => b.length - a.length).map((o) => o.replace(/ /g, '\\s+'));
    pattern = new RegExp(`^\\s+(?:${objects.join('|')})(?![\\p{L}])`, 'iu');
    cueObjectPatterns.set(lex, pattern);
  }
  return pattern;
}

interface SourcePhrase {
  start: number;
  end: number;
  mention: Mention | null;
}

/** The noun phrase right after an inverted cue: 'said Council President Angela Whitcombe, who …'. */
function nounPhraseAfter(prose: string, from: number, end: number, lex: Lexicon): SourcePhrase | null {
  const words = wordsIn(prose, from, end);
  if (words.length === 0) return null;
  let last = -1;
  for (let i = 0; i < words.length && i < 12; i++) {
    if (i > 0 && /[,;:"“”()]/.test(prose.slice(words[i - 1].end, words[i].start))) break;
    const w = words[i].text;
    if (i > 0 && !isCapitalized(w) && !/^(of|the|for|and|de|al|bin|van|von)$/.test(w) && !lex.roleSet.has(w.toLowerCase()) && !lex.anonymousHeads.has(w.toLowerCase()) && !lex.groupHeads.has(w.toLowerCase())) {
      // Lower-case words continue a descriptive phrase ("a hospital spokesperson") only from a determiner.
      if (!lex.determiners.has(words[0].text.toLowerCase())) break;
      if (/^(on|in|at|after|before|during|who|which|when|while|as|because|to|with)$/.test(w)) break;
    }
    last = i;
  }
  if (last < 0) return null;
  const start = words[0].start;
  const stop = words[last].end;
  const mention = classifyNounPhrase(prose, start, stop, lex);
  if (!mention) return null;
  // 'said Amara Osei, general secretary of the union': the appositive is her title.
  const appositive = /^,\s+(?:(?:a|an|the)\s+)?(\p{Ll}[^,;"“”.]{2,80}?)(?=\s*[,.;"“]|$)/u.exec(prose.slice(stop, end));
  if (appositive && mention.kind === 'person' && mention.form === 'name' && !mention.title && startsWithRole(appositive[1].toLowerCase(), lex)) {
    return { start, end: stop, mention: { ...mention, title: appositive[1].trim().replace(/\s+/g, ' ') } };
  }
  return { start, end: stop, mention };
}

function stripTrailingAdverbs(prose: string, start: number, end: number, lex: Lexicon): number {
  let stop = end;
  for (;;) {
    const text = prose.slice(start, stop);
    const match = /([\p{L}’'-]+)[\s,]*$/u.exec(text);
    if (!match) break;
    const word = match[1].toLowerCase();
    if (lex.adverbSet.has(word) || (/ly$/.test(word) && !lex.anonymousHeads.has(word))) {
      stop = start + match.index;
      continue;
    }
    break;
  }
  while (stop > start && /[\s,]/.test(prose[stop - 1])) stop--;
  return stop;
}

const SUBORDINATE_SPLIT = /(?:^|\s)(?:after|because|while|when|as|since|although|though|but|and|that|where|if|whereas|before|until|once|so|then|also|meanwhile|however|thus|which|whom)\s+/giu;
const LEADING_PREPOSITION = /^(?:in|on|at|during|after|before|since|for|from|with|by|under|over|following|regarding|despite|as|amid|while|when|earlier|later|last|this|yesterday|today|separately|meanwhile|however|also|in addition)\b/i;

/** The subject noun phrase before a cue: "Mayor Denise Harrow, who …, said" → "Mayor Denise Harrow". */
function subjectBefore(ctx: AttributionContext, sentenceStart: number, cueStart: number, earlier: RawClaim[]): SourcePhrase | null {
  const { doc, quotes, lex } = ctx;
  const prose = doc.prose;
  let from = sentenceStart;
  // A dateline is not part of the subject: "SAN FRANCISCO — A federal judge ruled".
  const dateline = /^\s*\p{Lu}[\p{Lu}\s,.'’-]*\s[—–-]\s/u.exec(prose.slice(sentenceStart, cueStart));
  if (dateline) from += dateline[0].length;
  // Never reach back over a quote or an earlier claim's cue.
  const before = previousQuoteInBlock(quotes, cueStart, -1) ?? lastQuoteBefore(quotes, cueStart);
  if (before && before.end > from) from = before.end;
  for (const claim of earlier) if (claim.cueEnd <= cueStart && claim.cueEnd > from) from = claim.cueEnd;
  const end = stripTrailingAdverbs(prose, from, cueStart, lex);
  if (end <= from) return null;
  const segments = splitTopLevelCommas(prose.slice(from, end));
  // Walk back from the cue over relative clauses, appositives and adjuncts to the head of the subject:
  // "Mayor Denise Harrow, who introduced the plan in April, said" → "Mayor Denise Harrow";
  // "Marta Kovač, chief economist at Halden Securities, said" → the name with its appositive;
  // "ALDI, in a Facebook post on Tuesday, called" → "ALDI".
  let k = segments.length - 1;
  while (k >= 0 && segments[k].text.trim() === '') k--;
  if (k < 0) return null;
  let spanEnd = segments[k].end;
  let skippedAdjunct = false;
  // Only a comma right before the cue closes an appositive or an adjunct: "X, who …, said".
  const lastComma = prose.lastIndexOf(',', cueStart);
  const closedByComma = lastComma >= from && stripTrailingAdverbs(prose, lastComma + 1, cueStart, lex) <= lastComma + 1;
  while (k > 0 && closedByComma) {
    const text = segments[k].text;
    if (/^(who|which|whose|whom|where)\b/i.test(text) || /^\d+$/.test(text)) {
      spanEnd = segments[k - 1].end;
    } else if ((LEADING_PREPOSITION.test(text) && !/^as\b/i.test(text)) || /^\p{Ll}+ing\b/u.test(text)) {
      // An adjunct ("in a statement", "speaking at a press conference") is not part of the source.
      if (!skippedAdjunct && spanEnd === segments[k].end) spanEnd = segments[k - 1].end;
      skippedAdjunct = true;
    } else if (!isRelativeOrAppositive(text, lex)) break;
    k--;
  }
  let head = segments[k];
  // "Harrow's spokesperson, Tomas Reyes, denied": a description joined to the name after it.
  if (k > 0 && /^\p{Lu}/u.test(head.text) && isDescriptiveSegment(segments[k - 1].text, lex)) {
    head = { start: segments[k - 1].start, end: head.end, text: prose.slice(from + segments[k - 1].start, from + head.end) };
  }
  let start = from + head.start;
  const headEnd = from + head.end;
  // A relative clause with no commas ends the subject: "Solaris Paper which makes Sorbent".
  let headText = prose.slice(start, headEnd);
  // But "… at the Harbour Centre that the city" is a that-clause whose subject follows: leave it to the
  // subordinator cut below.
  const relative = /\s(?:who|which|that|whose)\s(?!(?:the|a|an|his|her|its|their|this|these|those|he|she|it|they|we)\s)/i.exec(headText);
  let stop = headEnd;
  if (relative && relative.index > 0 && /\p{Lu}/u.test(headText.slice(0, relative.index))) {
    stop = start + relative.index;
    if (spanEnd === head.end) spanEnd = stop - from;
    headText = prose.slice(start, stop);
  }
  // "an architect who said …": the relative pronoun is the subject; the speaker stage finds its antecedent.
  const relativeEnd = /(?:^|\s)(who|which)\s*$/i.exec(headText);
  if (relativeEnd && prose.slice(start, stop).trim().toLowerCase() !== relativeEnd[1].toLowerCase()) {
    // A described antecedent right before it ("an architect who said") is the source itself.
    // The nearest determiner opens it: "The dockers hired a spokesman who" → "a spokesman".
    const determiners = [...headText.matchAll(/(?:^|\s)(?:a|an|the|one|two|three|several|some|many)\s/giu)];
    for (let k = determiners.length - 1; k >= 0; k--) {
      const from = determiners[k].index! + (determiners[k][0].startsWith(' ') ? 1 : 0);
      const described = /^((?:a|an|the|one|two|three|several|some|many)\s+(?:[\p{L}’'-]+\s+){0,3}[\p{L}’'-]+)\s+(?:who|which)\s*$/iu.exec(headText.slice(from));
      if (!described) continue;
      const npStart = start + from;
      const mention = classifyNounPhrase(prose, npStart, npStart + described[1].length, lex);
      if (mention) return { start: npStart, end: npStart + described[1].length, mention };
      break;
    }
    const at = start + relativeEnd.index + relativeEnd[0].indexOf(relativeEnd[1]);
    const mention = classifyNounPhrase(prose, at, at + relativeEnd[1].length, lex);
    if (mention) return { start: at, end: at + relativeEnd[1].length, mention };
  }
  // Cut after the last subordinator: "The call came after the South Korean National Intelligence Service".
  let cut = 0;
  SUBORDINATE_SPLIT.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SUBORDINATE_SPLIT.exec(headText))) {
    const word = match[0].trim().toLowerCase();
    // "and" between two names ("Coles and Woolworths", "the Committee and the FSB") joins subjects.
    if (word === 'and') {
      const beforeAnd = headText.slice(0, match.index).trim();
      const afterAnd = headText.slice(match.index + match[0].length);
      if (/\p{Lu}[\p{L}’'().-]*\)?$/u.test(beforeAnd) && /^(?:(?:the\s+)?\p{Lu}|(?:its|his|her|their|other)\s+\p{Ll})/u.test(afterAnd)) continue;
    }
    cut = match.index + match[0].length;
  }
  // "Experts on North Korea and nuclear nonproliferation": when what follows "and" names nobody, the
  // "and" joins the subject's own words, not two clauses.
  if (cut > 0 && /\sand\s+$/.test(headText.slice(0, cut)) && !classifyNounPhrase(prose, start + cut, stop, lex)) {
    cut = 0;
    SUBORDINATE_SPLIT.lastIndex = 0;
    while ((match = SUBORDINATE_SPLIT.exec(headText))) if (match[0].trim().toLowerCase() !== 'and') cut = match.index + match[0].length;
  }
  if (cut > 0) start += cut;
  // "Even China": a focusing adverb is not part of the name.
  const focus = /^(?:even|only|also|both|now|then|still)\s+(?=\p{Lu})/iu.exec(prose.slice(start, stop));
  if (focus) start += focus[0].length;
  // Leading prepositions and time phrases are not the source: "with officials", "on Monday a source".
  for (;;) {
    const lead = /^\s*(?:(?:with|by|from|for|to|of|in|on|at|among|including|last|this|early|late)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|week|month|year|morning|night|evening|afternoon|today|yesterday)\b[,\s]*)+/u.exec(prose.slice(start, stop));
    const preposition = /^\s*(?:with|by|from|for|to|of|in|on|at|among|including)\s+/i.exec(prose.slice(start, stop));
    const found = lead && lead[0].trim() !== '' ? lead : preposition;
    if (!found || found[0].length === 0) break;
    start += found[0].length;
  }
  const words = wordsIn(prose, start, stop);
  if (words.length === 0 || words.length > 16) return null;
  const mention = classifyNounPhrase(prose, words[0].start, words[words.length - 1].end, lex);
  if (!mention) return null;
  if (words.length > 8 && mention.form !== 'name' && mention.kind !== 'anonymous' && mention.kind !== 'document') return null;
  if (looksLikeClause(words.map((w) => w.text), lex) && mention.kind !== 'anonymous') {
    // "where Dr. Tomasz Stefaniak was met with applause … upon announcing": the subject of that clause.
    const aux = words.findIndex((w, i) => i > 0 && /^(is|are|was|were|has|have|had|will|would)$/.test(w.text));
    if (aux <= 0) return null;
    const head = classifyNounPhrase(prose, words[0].start, words[aux - 1].end, lex);
    return head && head.form === 'name' ? { start: words[0].start, end: words[aux - 1].end, mention: head } : null;
  }
  const sourceEnd = Math.max(words[words.length - 1].end, trimEnd(prose, words[0].start, from + spanEnd));
  // The appositive stays in the span but the head decides who it is.
  const full = sourceEnd > words[words.length - 1].end ? classifyNounPhrase(prose, words[0].start, sourceEnd, lex) : null;
  return { start: words[0].start, end: sourceEnd, mention: full && full.kind === mention.kind ? full : mention };
}

function looksLikeClause(words: string[], lex: Lexicon): boolean {
  // A finite verb before the head ("the bank kept rates", "it has been limited") means we reached into a clause.
  for (let i = 1; i < words.length; i++) {
    const w = words[i].toLowerCase();
    if (/^(is|are|was|were|has|have|had|will|would|can|could|should|did|does|do|been)$/.test(w)) return true;
    if (/ed$/.test(w) && i < words.length - 1 && !isCapitalized(words[i]) && !lex.roleSet.has(w) && !/^(retired|elected|unnamed|named|based|appointed|former)$/.test(w) && lex.determiners.has(words[i + 1].toLowerCase())) return true;
  }
  return false;
}

function isDescriptiveSegment(text: string, lex: Lexicon): boolean {
  const lower = text.trim().toLowerCase();
  return /[’']s\s/.test(text) && endsWithRole(lower, lex);
}

function isRelativeOrAppositive(text: string, lex: Lexicon): boolean {
  const trimmed = text.trim();
  // A titled name is a subject in its own right: "Police Chief Raymond Osei".
  if (/^\p{Lu}/u.test(trimmed)) {
    const named = classifyNounPhrase(trimmed, 0, trimmed.length, lex);
    if (named && named.kind === 'person' && named.form === 'name' && (named.title || named.name.includes(' '))) return false;
  }
  if (/^(who|which|whose|whom|where)\b/i.test(trimmed)) return true;
  // "China, Pyongyang's only ally, said": a possessive description of the name before it.
  if (/^\p{Lu}[\p{L}.-]*[’']s\s+(?:(?:only|main|chief|closest|biggest|largest|top|former|longtime|new|own)\s+)*\p{Ll}/u.test(trimmed)) return true;
  if (/^\d+$/.test(trimmed)) return true; // age: "Marisol Huamán, 34, said"
  if (/^(a|an|the|one)\s/i.test(trimmed) && !/\b(said|says|told)\b/.test(trimmed)) return true;
  const lower = trimmed.toLowerCase();
  if (/^\p{Ll}/u.test(trimmed) && startsWithRole(lower, lex)) return true;
  if (/^(chief|senior|deputy|former|retired|regional|national|head|president|director|secretary|chair|professor|spokes)/i.test(trimmed)) return true;
  // "retail expert from Queensland University", "regional secretary of the union"
  const headPart = lower.split(/\s(?:of|from|at|for|with|in)\s/)[0];
  if (/^\p{Ll}/u.test(trimmed) && endsWithRole(headPart, lex)) return true;
  return false;
}

interface Segment {
  start: number;
  end: number;
  text: string;
}

function splitTopLevelCommas(text: string): Segment[] {
  const segments: Segment[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if ((c === ',' || c === ';' || c === ':' || c === '—' || c === '–') && depth === 0) {
      segments.push({ start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
  }
  segments.push({ start, end: text.length, text: text.slice(start) });
  // Trim each segment's edges so offsets point at words.
  return segments.map((s) => {
    let a = s.start;
    let b = s.end;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    return { start: a, end: b, text: text.slice(a, b) };
  });
}

/** The subject of the main clause, for participles: "The bank cut rates, saying …" → "The bank". */
function sentenceSubject(ctx: AttributionContext, sentenceStart: number, cueStart: number, earlier: RawClaim[]): SourcePhrase | null {
  const last = earlier[earlier.length - 1];
  if (last) return { start: last.sourceStart, end: last.sourceEnd, mention: last.source };
  const { doc, lex } = ctx;
  const prose = doc.prose;
  const text = prose.slice(sentenceStart, cueStart);
  const segments = splitTopLevelCommas(text);
  for (const segment of segments) {
    if (LEADING_PREPOSITION.test(segment.text)) continue;
    const words = wordsIn(prose, sentenceStart + segment.start, sentenceStart + segment.end);
    // Take the words up to the first lower-case word that is not a determiner or connector.
    let stop = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i].text;
      if (i === 0 || isCapitalized(w) || /^(of|the|for|and)$/.test(w) || lex.roleSet.has(w.toLowerCase())) stop = i + 1;
      else break;
    }
    if (stop === 0) return null;
    const start = words[0].start;
    const end = words[stop - 1].end;
    const mention = classifyNounPhrase(prose, start, end, lex);
    return mention ? { start, end, mention } : null;
  }
  return null;
}

function directClaim(
  ctx: AttributionContext,
  sentence: Sentence,
  sentenceIndex: number,
  cue: CueMatch,
  cueEnd: number,
  quote: Quote,
  sourceStart: number,
  sourceEnd: number,
  source: Mention | null,
): RawClaim {
  const { doc, quotes } = ctx;
  const prose = doc.prose;
  const fragments: Array<[number, number]> = [[quote.innerStart, quote.innerEnd]];
  let contentEnd = quote.innerEnd;
  let sentenceEnd = sentence.end;
  // Split quote: '"A," she said, "B."'
  const after = Math.max(cueEnd, sourceEnd);
  const next = nextQuoteInBlock(quotes, after, sentence.block);
  const between = next ? prose.slice(after, next.start) : '';
  // '"A," she told a news conference in Lenbury, "B."' — a short adjunct may sit before the second piece.
  if (next && (/^\s*[,:;—–-]?\s*$/.test(between) || (/,\s*$/.test(between) && !/[.;!?]/.test(between) && between.split(/\s+/).filter(Boolean).length <= 7)) && next.start < sentence.end + 2) {
    fragments.push([next.innerStart, next.innerEnd]);
    contentEnd = next.innerEnd;
    sentenceEnd = Math.max(sentenceEnd, next.end);
  }
  // If the quote before the cue began in an earlier sentence, the claim spans from there.
  const previous = ctx.sentences[sentenceIndex - 1];
  const sentenceStart = quote.start < sentence.start && previous ? Math.min(quote.start, sentence.start) : sentence.start;
  return {
    type: 'direct',
    contentStart: quote.innerStart,
    contentEnd,
    fragments: fragments.length > 1 ? fragments : [],
    cueStart: cue.start,
    cueEnd,
    cueWord: cue.word,
    sourceStart,
    sourceEnd,
    source,
    sharesSourceWith: null,
    sentenceIndex,
    sentenceStart,
    sentenceEnd,
  };
}

function indirectClaim(
  ctx: AttributionContext,
  sentenceIndex: number,
  sentence: Sentence,
  cue: CueMatch,
  cueEnd: number,
  contentStart: number,
  contentEnd: number,
  subject: SourcePhrase,
  sharesSourceWith: number | null,
): RawClaim {
  const { quotes } = ctx;
  const inside = quotesOverlapping(quotes, contentStart - 1, contentEnd + 1).filter((q) => q.start >= contentStart - 1 && q.end <= contentEnd + 1 && q.words >= 1);
  let type: ClaimType = inside.length > 0 ? 'mixed' : 'indirect';
  // The whole content is one quote: that is a direct claim.
  if (inside.length === 1 && inside[0].start <= contentStart && inside[0].end >= contentEnd) type = 'direct';
  return {
    type,
    contentStart,
    contentEnd,
    fragments: [],
    cueStart: cue.start,
    cueEnd,
    cueWord: cue.word,
    sourceStart: subject.start,
    sourceEnd: subject.end,
    source: subject.mention,
    sharesSourceWith,
    sentenceIndex,
    sentenceStart: sentence.start,
    sentenceEnd: Math.max(sentence.end, contentEnd),
  };
}

/** "According to X, …" / "…, according to X" / "…, per X" — unless X is a plan, a schedule or a custom. */
function readAccordingTo(ctx: AttributionContext, sentence: Sentence, sentenceIndex: number, cue: CueMatch): RawClaim | null {
  const { doc, quotes, lex } = ctx;
  const prose = doc.prose;
  const S = sentence.start;
  const E = sentence.end;
  const afterStart = skipSpaces(prose, cue.end, E);
  const afterText = prose.slice(afterStart, E);
  const lowerAfter = afterText.toLowerCase();
  if (lex.lang.accordingToNonSources.some((word) => lowerAfter.startsWith(word + ' ') || lowerAfter.startsWith(word + ',') || lowerAfter.startsWith(word + '.') || lowerAfter === word)) return null;
  if (cue.word === 'per' && !/^(?:the\s+|a\s+)?\p{Lu}/u.test(afterText)) return null;
  // The source runs to the next comma or the sentence end.
  const comma = findTopLevel(prose, afterStart, E, ',');
  let sourceEnd = comma >= 0 ? comma : E;
  sourceEnd = trimEnd(prose, afterStart, sourceEnd);
  let words = wordsIn(prose, afterStart, sourceEnd);
  if (words.length > 8) {
    // No comma closes the source: it ends at its last noun ("the emergencies ministry recovered …").
    let last = -1;
    for (let i = 0; i < Math.min(words.length, 12); i++) {
      const w = words[i].text;
      const lw = w.toLowerCase();
      if (isCapitalized(w) || lex.documentHeads.has(lw) || lex.anonymousHeads.has(lw) || lex.groupHeads.has(lw) || lex.roleSet.has(lw) || /^(ministry|agency|office|department|service|company|government|police|council|committee|commission|report|statement)$/.test(lw)) last = i;
      else if (last >= 0 && !lex.determiners.has(lw) && !/^(of|the|for|and|from|at|in|on|by)$/.test(lw)) break;
    }
    if (last >= 0) {
      words = words.slice(0, last + 1);
      sourceEnd = words[last].end;
    }
  }
  if (words.length === 0 || words.length > 16) return null;
  const mention = classifyNounPhrase(prose, afterStart, sourceEnd, lex);
  if (!mention) return null;
  let contentStart: number;
  let contentEnd: number;
  const before = prose.slice(S, cue.start);
  if (before.trim() === '' || /^\s*[—–-]?\s*$/.test(before)) {
    // "According to X, CONTENT."
    if (comma < 0) return null;
    contentStart = trimStart(prose, comma + 1, E);
    contentEnd = E;
    const q = quoteAt(quotes, E - 1);
    if (q && q.end > E) contentEnd = q.end;
    contentEnd = trimEnd(prose, contentStart, contentEnd);
  } else if (/,\s*$/.test(before) && (comma < 0 || trimEnd(prose, comma, E) <= comma + 1 || /^,\s*(?:which|who)\s/i.test(prose.slice(comma, E)))) {
    // "CONTENT, according to X."
    contentStart = trimStart(prose, S, E);
    contentEnd = trimEnd(prose, contentStart, cue.start);
  } else if (comma < 0 && sourceEnd < E - 1 && wordsIn(prose, sourceEnd, E).length > 2) {
    // In the middle with no comma after the source: the claim is the sentence.
    contentStart = trimStart(prose, S, E);
    contentEnd = trimEnd(prose, contentStart, E);
  } else {
    // In the middle: the claim is the sentence.
    contentStart = trimStart(prose, S, E);
    contentEnd = trimEnd(prose, contentStart, E);
  }
  if (wordsIn(prose, contentStart, contentEnd).length < 2) return null;
  const inside = quotesOverlapping(quotes, contentStart - 1, contentEnd + 1).filter((q) => q.start >= contentStart - 1 && q.end <= contentEnd + 1 && q.words >= 1);
  let type: ClaimType = 'according-to';
  if (inside.length === 1 && inside[0].start <= contentStart && inside[0].end >= contentEnd) {
    type = 'direct';
    contentStart = inside[0].innerStart;
    contentEnd = inside[0].innerEnd;
  } else if (inside.length > 0) type = 'mixed';
  return {
    type, contentStart, contentEnd, fragments: [], cueStart: cue.start, cueEnd: cue.end, cueWord: cue.word,
    sourceStart: words[0].start, sourceEnd: words[words.length - 1].end, source: mention, sharesSourceWith: null,
    sentenceIndex, sentenceStart: S, sentenceEnd: Math.max(E, contentEnd),
  };
}

function findTopLevel(prose: string, start: number, end: number, char: string): number {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = prose[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === char && depth === 0) return i;
  }
  return -1;
}

/**
 * Interview transcripts in a draft: a paragraph opening with a speaker label in capitals
 * ("WALLACE: …", "MAYOR HARROW: …") is that speaker's words.
 */
function speakerLabelClaims(ctx: AttributionContext, existing: RawClaim[]): RawClaim[] {
  const { doc, sentences, lex } = ctx;
  const prose = doc.prose;
  const out: RawClaim[] = [];
  let sentenceIndex = 0;
  doc.blocks.forEach((block, blockIndex) => {
    if (block.kind === 'heading' || blockIndex === 0) {
      // A headline crediting its words: "Pence: Flowers won't be at debate", "Minister: talks resume".
      const credit = /^((?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}.’'-]*):\s+(?=\S)/u.exec(prose.slice(block.start, Math.min(block.end, block.start + 60)));
      if (credit) {
        const mention = classifyNounPhrase(prose, block.start, block.start + credit[1].length, lex);
        if (mention && mention.form === 'name' && (mention.kind === 'person' || mention.kind === 'organization')) {
          while (sentenceIndex < sentences.length && sentences[sentenceIndex].end <= block.start) sentenceIndex++;
          const contentStart = block.start + credit[0].length;
          out.push({
            type: 'indirect', contentStart, contentEnd: trimEnd(prose, contentStart, block.end), fragments: [], cueStart: block.start + credit[1].length,
            cueEnd: block.start + credit[1].length + 1, cueWord: ':', sourceStart: block.start, sourceEnd: block.start + credit[1].length, source: mention,
            sharesSourceWith: null, sentenceIndex: Math.min(sentenceIndex, sentences.length - 1), sentenceStart: block.start, sentenceEnd: block.end,
          });
        }
      }
      if (block.kind === 'heading') return;
    }
    // A transcript quoted paragraph by paragraph opens each with a quote mark: '"WALLACE: Let's start …'.
    const label = /^["“]?(\p{Lu}[\p{Lu}.’'-]*(?: \p{Lu}[\p{Lu}.’'-]*){0,3}):\s+/u.exec(prose.slice(block.start, Math.min(block.end, block.start + 60)));
    if (!label || label[1].length < 2) return;
    const labelStart = block.start + label[0].indexOf(label[1]);
    const contentStart = block.start + label[0].length;
    const contentEnd = trimEnd(prose, contentStart, block.end);
    if (contentEnd <= contentStart || existing.some((c) => c.contentStart >= block.start && c.contentStart < block.end)) return;
    // Proper-case the label so that "WALLACE" and a later "Wallace" are one actor.
    const name = label[1].split(' ').map((w) => w[0] + w.slice(1).toLowerCase()).join(' ');
    const mention = classifyNounPhrase(name, 0, name.length, lex);
    while (sentenceIndex < sentences.length && sentences[sentenceIndex].end <= block.start) sentenceIndex++;
    out.push({
      type: 'direct', contentStart, contentEnd, fragments: [], cueStart: labelStart + label[1].length, cueEnd: labelStart + label[1].length + 1, cueWord: ':',
      sourceStart: labelStart, sourceEnd: labelStart + label[1].length,
      source: mention ? { ...mention, start: labelStart, end: labelStart + label[1].length } : null,
      sharesSourceWith: null, sentenceIndex: Math.min(sentenceIndex, sentences.length - 1), sentenceStart: block.start, sentenceEnd: block.end,
    });
  });
  return out;
}

/** A quote credited on its own line with a dash: "“…” ― Carla Mendes" (pull quotes, reader voices). */
function dashCreditedQuotes(ctx: AttributionContext, existing: RawClaim[]): RawClaim[] {
  const { doc, quotes, sentences, lex } = ctx;
  const prose = doc.prose;
  const out: RawClaim[] = [];
  for (const quote of quotes) {
    const block = doc.blocks[quote.lastBlock];
    const tail = /^[ \t]*([―—–])[ \t]*(\p{Lu}[\p{L}.’'-]*(?:[ \t]+\p{Lu}[\p{L}.’'-]*){0,3})/u.exec(prose.slice(quote.end, block.end));
    // The credit closes its paragraph or its line: reader quotes one per line form one paragraph.
    const rest = tail ? quote.end + tail[0].length : 0;
    const closes = !!tail && (/^[ \t]*[.,]?[ \t]*(?:\r?\n|$)/.test(doc.source.slice(rest, block.end)) || /^\s*[.,]?\s*$/.test(prose.slice(rest, block.end)));
    if (!tail || !closes || existing.some((c) => c.contentStart <= quote.innerStart && quote.innerStart < c.contentEnd)) continue;
    const dash = quote.end + tail[0].indexOf(tail[1]);
    const nameStart = quote.end + tail[0].indexOf(tail[2]);
    const nameEnd = nameStart + tail[2].length;
    const mention = classifyNounPhrase(prose, nameStart, nameEnd, lex);
    if (!mention) continue;
    const sentenceIndex = Math.max(0, sentences.findIndex((s) => s.end >= quote.start));
    out.push({
      type: 'direct', contentStart: quote.innerStart, contentEnd: quote.innerEnd, fragments: [], cueStart: dash, cueEnd: dash + 1, cueWord: tail[1],
      sourceStart: nameStart, sourceEnd: nameEnd, source: mention, sharesSourceWith: null,
      sentenceIndex, sentenceStart: quote.start, sentenceEnd: block.end,
    });
  }
  return out;
}

/**
 * A direct claim's quote often continues in the next sentence of the same paragraph with no cue of
 * its own: '"A," Harrow said. "B."' is one claim whose content runs from the first to the last mark.
 */
function mergeQuoteContinuations(ctx: AttributionContext, claims: RawClaim[]): void {
  const { doc, quotes, sentences } = ctx;
  const prose = doc.prose;
  const claimedSentences = new Set(claims.map((c) => c.sentenceIndex));
  for (const claim of claims) {
    if (claim.type !== 'direct') continue;
    let index = claim.sentenceIndex + 1;
    while (index < sentences.length && !claimedSentences.has(index)) {
      const next = sentences[index];
      if (next.block !== sentences[claim.sentenceIndex].block) break;
      if (next.start < claim.contentEnd) {
        index++;
        continue;
      }
      const quote = quoteAt(quotes, next.start);
      if (!quote || quote.start !== next.start) break;
      // The whole sentence must be the quote (closing punctuation aside).
      if (!/^[\s.,;:!?]*$/.test(prose.slice(quote.end, next.end)) && quote.end < next.end) break;
      if (claim.fragments.length === 0) claim.fragments.push([claim.contentStart, claim.contentEnd]);
      claim.fragments.push([quote.innerStart, quote.innerEnd]);
      claim.contentEnd = quote.innerEnd;
      claim.sentenceEnd = Math.max(claim.sentenceEnd, next.end, quote.end);
      while (index < sentences.length && sentences[index].start < quote.end) index++;
    }
  }
}
