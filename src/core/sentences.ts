// Stage 2: sentences. Splits each prose block at sentence ends, aware of abbreviations ("Gen.",
// "U.S.", "Dr"), initials, decimals, and quotes that close a sentence ('…," she said' continues it).
import type { LanguageData } from './lang';
import type { Block, ProseDocument } from './markdown';

export interface Sentence {
  start: number;
  end: number;
  /** Index of the block the sentence belongs to. */
  block: number;
}

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const TERMINATORS = new Set(['.', '!', '?', '…']);
const NEXT_TERMINATOR = /[.!?…]/g;

export interface SentenceSplitter {
  split(doc: ProseDocument): Sentence[];
}

export function createSentenceSplitter(lang: LanguageData): SentenceSplitter {
  const abbreviations = new Set(lang.abbreviations.map((a) => a.toLowerCase()));
  const terminal = new Set(lang.terminalAbbreviations.map((a) => a.toLowerCase()));
  const openers = new Set(lang.sentenceOpeners);

  function isBoundary(prose: string, dot: number, blockEnd: number, afterClosers: number): boolean {
    const mark = prose[dot];
    // What follows: whitespace, then the start of the next sentence.
    let next = afterClosers;
    if (next >= blockEnd) return true;
    if (!isSpace(prose.charCodeAt(next))) return false;
    while (next < blockEnd && isSpace(prose.charCodeAt(next))) next++;
    if (next >= blockEnd) return true;
    const nextChar = prose[next];
    const startsLikeSentence = /[\p{Lu}\p{N}"“‘'(\[¿¡—–-]/u.test(nextChar);
    if (!startsLikeSentence) return false;
    if (mark !== '.') return true;
    // A period: is the word before it an abbreviation or an initial?
    let wordStart = dot;
    while (wordStart > 0 && /[\p{L}.\-]/u.test(prose[wordStart - 1])) wordStart--;
    const word = prose.slice(wordStart, dot);
    if (word.length === 0) return true;
    const nextWord = /^[\p{L}']+/u.exec(prose.slice(next, next + 30))?.[0] ?? '';
    const lower = word.toLowerCase();
    if (terminal.has(lower)) return openers.has(nextWord);
    if (abbreviations.has(lower)) return false;
    // Initials: "J. Smith", "U.S." style runs of single letters.
    if (/^\p{Lu}$/u.test(word)) return false;
    if (/^(\p{L}\.)+\p{L}$/u.test(word)) return openers.has(nextWord);
    return true;
  }

  function splitBlock(prose: string, block: Block, blockIndex: number, out: Sentence[], nextTerminator: (from: number) => number): void {
    let start = block.start;
    let i = block.start;
    while (i < block.end) {
      i = nextTerminator(i);
      if (i >= block.end) break;
      const c = prose[i];
      if (TERMINATORS.has(c)) {
        let j = i + 1;
        while (j < block.end && (TERMINATORS.has(prose[j]) || (prose[j] === '.' && prose[j - 1] === '.'))) j++;
        while (j < block.end && CLOSERS.has(prose[j])) j++;
        // A decimal or a version number: "3.8", "v1.2".
        if (c === '.' && /\d/.test(prose[i - 1] ?? '') && /\d/.test(prose[i + 1] ?? '')) {
          i++;
          continue;
        }
        if (isBoundary(prose, i, block.end, j)) {
          pushTrimmed(prose, start, j, blockIndex, out);
          start = j;
        }
        i = j;
        continue;
      }
      i++;
    }
    pushTrimmed(prose, start, block.end, blockIndex, out);
  }

  return {
    split(doc: ProseDocument): Sentence[] {
      const out: Sentence[] = [];
      const nextTerminator = markFinder(doc.prose, NEXT_TERMINATOR);
      doc.blocks.forEach((block, index) => splitBlock(doc.prose, block, index, out, nextTerminator));
      return out;
    },
  };
}

/**
 * The offset of the next match of `pattern` (a global regular expression) at or after `from`, or
 * Infinity. Asked with offsets that only grow, it remembers its last answer, so a draft is searched
 * once in all, however many blocks ask.
 */
export function markFinder(text: string, pattern: RegExp): (from: number) => number {
  let known = -1;
  return (from) => {
    if (known >= from) return known;
    pattern.lastIndex = from;
    const found = pattern.exec(text);
    known = found ? found.index : Infinity;
    return known;
  };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

/**
 * Real sentences are short; a "sentence" of thousands of characters is a list, a table or broken
 * input. Cutting it at a space keeps the work per cue bounded, so no input can stall the editor.
 */
export const MAX_SENTENCE_LENGTH = 1500;

function pushTrimmed(prose: string, start: number, end: number, block: number, out: Sentence[]): void {
  while (end - start > MAX_SENTENCE_LENGTH) {
    let cut = start + MAX_SENTENCE_LENGTH;
    while (cut > start + MAX_SENTENCE_LENGTH / 2 && !isSpace(prose.charCodeAt(cut))) cut--;
    if (cut <= start + MAX_SENTENCE_LENGTH / 2) cut = start + MAX_SENTENCE_LENGTH;
    pushPiece(prose, start, cut, block, out);
    start = cut;
  }
  pushPiece(prose, start, end, block, out);
}

function pushPiece(prose: string, start: number, end: number, block: number, out: Sentence[]): void {
  while (start < end && isSpace(prose.charCodeAt(start))) start++;
  while (end > start && isSpace(prose.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end, block });
}
