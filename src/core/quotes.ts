// Stage 4: quotations. Straight and curly double quotes, quotes that run over several paragraphs
// (no closing mark at the end of a paragraph, reopened at the start of the next), and unbalanced
// marks, which are closed at the end of their paragraph so the rest of the document is unaffected.
import type { ProseDocument } from './markdown';
import { firstIndex } from './sorted';
import { markFinder } from './sentences';

export interface Quote {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark (or the end of the paragraph when unclosed). */
  end: number;
  /** The words inside the marks, trimmed. */
  innerStart: number;
  innerEnd: number;
  closed: boolean;
  firstBlock: number;
  lastBlock: number;
  /** Number of words inside: short quotes with no speaker are scare quotes, not claims. */
  words: number;
}

const OPENING = new Set(['"', '“', '„', '«']);
const CLOSING_ONLY = new Set(['”', '»']);
const QUOTE_MARK = /["“„«”»]/g;

function isOpeningPosition(prose: string, index: number, blockStart: number): boolean {
  const before = index > blockStart ? prose[index - 1] : ' ';
  const after = prose[index + 1] ?? ' ';
  return /[\s(\[{—–\-\/:]/.test(before) && !/\s/.test(after);
}

export function findQuotes(doc: ProseDocument): Quote[] {
  const { prose, blocks } = doc;
  const quotes: Quote[] = [];
  let carried: { start: number; firstBlock: number } | null = null;
  const nextMark = markFinder(prose, QUOTE_MARK);

  blocks.forEach((block, blockIndex) => {
    let open: { start: number; firstBlock: number; mark: string } | null = null;
    let i = block.start;
    // A quote left open by the previous paragraph continues if this one reopens with a mark.
    if (carried) {
      const first = firstNonSpace(prose, block.start, block.end);
      if (first >= 0 && OPENING.has(prose[first])) {
        open = { start: carried.start, firstBlock: carried.firstBlock, mark: prose[first] };
        i = first + 1;
      }
      carried = null;
    }
    // Jump from quote mark to quote mark: a regular expression skips the prose between them natively.
    for (; ; i++) {
      i = nextMark(i);
      if (i >= block.end) break;
      const c = prose[i];
      if (c === '"') {
        if (open && !(open.mark !== '"' && isOpeningPosition(prose, i, block.start))) {
          quotes.push(makeQuote(prose, open.start, i + 1, true, open.firstBlock, blockIndex));
          open = null;
        } else if (!open) {
          open = { start: i, firstBlock: blockIndex, mark: c };
        }
      } else if (c === '“' || c === '„' || c === '«') {
        if (!open) open = { start: i, firstBlock: blockIndex, mark: c };
      } else if (CLOSING_ONLY.has(c)) {
        if (open) {
          quotes.push(makeQuote(prose, open.start, i + 1, true, open.firstBlock, blockIndex));
          open = null;
        }
      }
    }
    if (open) {
      const next = blocks[blockIndex + 1];
      const reopens = next && (() => {
        const first = firstNonSpace(prose, next.start, next.end);
        return first >= 0 && OPENING.has(prose[first]);
      })();
      if (reopens) carried = { start: open.start, firstBlock: open.firstBlock };
      else quotes.push(makeQuote(prose, open.start, block.end, false, open.firstBlock, blockIndex));
    }
  });
  return quotes;
}

function firstNonSpace(prose: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (!/\s/.test(prose[i])) return i;
  return -1;
}

function makeQuote(prose: string, start: number, end: number, closed: boolean, firstBlock: number, lastBlock: number): Quote {
  let innerStart = start + 1;
  let innerEnd = closed ? end - 1 : end;
  while (innerStart < innerEnd && /\s/.test(prose[innerStart])) innerStart++;
  while (innerEnd > innerStart && /\s/.test(prose[innerEnd - 1])) innerEnd--;
  const words = (prose.slice(innerStart, innerEnd).match(/[\p{L}\p{N}]+/gu) ?? []).length;
  return { start, end, innerStart, innerEnd, closed, firstBlock, lastBlock, words };
}

/** The quote containing an offset, if any (quotes are sorted and never overlap). */
export function quoteAt(quotes: Quote[], offset: number): Quote | null {
  let low = 0;
  let high = quotes.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const quote = quotes[middle];
    if (offset < quote.start) high = middle - 1;
    else if (offset >= quote.end) low = middle + 1;
    else return quote;
  }
  return null;
}

/** Index of the first quote that starts at or after an offset (quotes are sorted by start). */
export function firstQuoteFrom(quotes: Quote[], offset: number): number {
  return firstIndex(quotes, (quote) => quote.start >= offset);
}

/** The quotes overlapping [start, end), found by binary search (quotes are sorted and disjoint). */
export function quotesOverlapping(quotes: Quote[], start: number, end: number): Quote[] {
  const out: Quote[] = [];
  for (let i = Math.max(0, firstQuoteFrom(quotes, start) - 1); i < quotes.length && quotes[i].start < end; i++) {
    if (quotes[i].end > start) out.push(quotes[i]);
  }
  return out;
}
