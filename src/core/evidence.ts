// Quote tracing: align a draft's quoted words against the reporter's source material (interview
// transcripts, call readouts, press releases) and say how faithful each quote is.
//
// Pure: no Node built-ins, no vscode — runs in a web worker.
//
// How it works. Every source file is parsed into lines (.txt/.md) or cue lines (.vtt/.srt, with the
// cue's start time kept as written) and speaker labels ("YOON:", "Speaker 1:", "<v Yoon>"). Words are
// normalised (case, curly/straight quotes and apostrophes, accents, punctuation and dashes dropped)
// and interned to ids. The index keeps, for every word 3-gram, the positions where it starts, and for
// every word its positions (for short fragments). A quoted fragment gathers candidate regions by the
// n-grams it shares with the material (votes per alignment diagonal), and only those regions are
// aligned with a word-level edit distance (free ends in the source). Never a scan of every window.
import type { DiffPart, Evidence, EvidenceVerdict, SourceDocument } from './types';

// ---------------------------------------------------------------------------------------------
// Parsing source documents

export type SourceKind = 'text' | 'vtt' | 'srt';

/** One line of source text, with where it sits in its file. */
export interface SourceSegment {
  /** 1-based line in the file. */
  line: number;
  /** Start time of the cue, as written ("00:03:14.200", "00:03:14,200"), for .vtt/.srt. */
  timestamp?: string;
  /** Speaker label in force for this line ("YOON", "Speaker 1"), if any. */
  speaker?: string;
  /** The spoken/written words, label and markup removed. */
  text: string;
}

export interface ParsedSource {
  path: string;
  kind: SourceKind;
  segments: SourceSegment[];
}

export function sourceKind(path: string): SourceKind {
  const lower = path.toLowerCase();
  if (lower.endsWith('.vtt')) return 'vtt';
  if (lower.endsWith('.srt')) return 'srt';
  return 'text';
}

/** File extensions read as source material. */
export const SOURCE_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.vtt', '.srt'];

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})/;
// "YOON:", "GRACE YOON:", "Speaker 1:", "Grace Yoon:", "Q:" — at line start, optionally bold, after a
// dialogue dash or ">>". Title Case labels only up to four words, so ordinary sentences are not labels.
const LABEL =
  /^\s*(?:>>\s*|-\s+|—\s*)?(?:\*\*|__)?\[?((?:Speaker|SPEAKER|Interviewer|INTERVIEWER|Reporter|REPORTER)\s*\d*|[\p{Lu}][\p{Lu}.'’\-]*(?:\s+[\p{Lu}][\p{Lu}.'’\-]*){0,3}|[\p{Lu}][\p{Ll}.'’\-]+(?:\s+(?:[\p{Lu}][\p{Ll}.'’\-]*|de|van|von|da|al|bin)){0,3})\]?(?:\*\*|__)?\s*:(?:\*\*|__)?\s+(?=\S)/u;
// Words that look like a Title Case label but start ordinary prose ("Note: …").
const NOT_LABELS = new Set(['note', 'notes', 'update', 'correction', 'editor', "editor's note", 'source', 'sources', 'date', 'time', 'location', 'subject', 're', 'contact', 'media contact', 'tel', 'phone', 'email', 'web', 'website', 'for immediate release', 'embargo', 'title', 'ends', 'end', 'http', 'https', 'readout', 'transcript', 'summary', 'background', 'context', 'attendees', 'present', 'participants', 'agenda', 'recorded', 'topic', 'call', 'meeting', 'interview', 'warning', 'caution', 'tip', 'important', 'ps', 'p.s.', 'nb', 'n.b.']);

const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
const TURN_HEADER = new RegExp(String.raw`^\s*((?:Speaker|SPEAKER)\s*\d+|[\p{Lu}][\p{L}.'’\-]*(?:\s[\p{Lu}][\p{L}.'’\-]*){0,3})\s+[\[(]?(${CLOCK})[\])]?\s*$`, 'u');
const LINE_TIME = new RegExp(String.raw`^\s*[\[(](${CLOCK})[\])]\s*`);

const CALENDAR = /^(mon|tues|wednes|thurs|fri|satur|sun)day$|^(january|february|march|april|may|june|july|august|september|october|november|december|today|tonight|yesterday|tomorrow|am|pm)$/i;

function isLabel(label: string): boolean {
  const lower = label.toLowerCase();
  return /\p{L}/u.test(label) && !NOT_LABELS.has(lower) && !label.split(/\s+/).some((word) => CALENDAR.test(word));
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Speaker label at the start of a line, and the rest of the line. */
export function splitSpeakerLabel(line: string): { speaker?: string; text: string } {
  const match = LABEL.exec(line);
  if (!match) return { text: line };
  const label = match[1].trim();
  if (!isLabel(label)) return { text: line };
  return { speaker: label, text: line.slice(match[0].length) };
}

function stripCueMarkup(text: string): { speaker?: string; text: string } {
  let speaker: string | undefined;
  const voice = /<v(?:\.[^\s>]*)?\s+([^>]+)>/.exec(text);
  if (voice) speaker = voice[1].trim();
  const clean = text
    .replace(/<[^>]*>/g, '')
    .replace(/\{\\[^}]*\}/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ');
  return { speaker, text: clean };
}

/** Markdown source material: drop the markup that is not words (headings marks, emphasis, links). */
function stripMarkdownLine(line: string): string {
  return line
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)/g, '');
}

/** Reads a source file into lines or cue lines, keeping line numbers, cue start times and speaker labels. */
export function parseSourceDocument(doc: SourceDocument): ParsedSource {
  const kind = sourceKind(doc.path);
  const lines = splitLines(doc.text.replace(/^\uFEFF/, ''));
  const segments: SourceSegment[] = [];
  const markdown = /\.(md|markdown)$/i.test(doc.path);

  if (kind === 'text') {
    let speaker: string | undefined;
    let timestamp: string | undefined;
    let inFrontMatter = markdown && lines[0]?.trim() === '---';
    let inFence = false;
    lines.forEach((raw, index) => {
      if (inFrontMatter) {
        if (index > 0 && /^(---|\.\.\.)\s*$/.test(raw)) inFrontMatter = false;
        return;
      }
      if (markdown && /^\s{0,3}(```|~~~)/.test(raw)) {
        inFence = !inFence;
        return;
      }
      if (inFence) return;
      if (raw.trim() === '') {
        // A blank line ends a press release's paragraph; a transcript's turn runs to the next label.
        if (markdown) speaker = undefined;
        return;
      }
      let line = markdown ? stripMarkdownLine(raw) : raw;
      if (!markdown) {
        // Transcription-service exports: a turn header on its own line ("Grace Yoon  00:03:14",
        // "Speaker 1 (0:42)"), or a time before the label ("[00:03:14] YOON: …").
        const header = TURN_HEADER.exec(line);
        if (header && isLabel(header[1].trim())) {
          speaker = header[1].trim();
          timestamp = header[2];
          return;
        }
        const time = LINE_TIME.exec(line);
        if (time) {
          timestamp = time[1];
          line = line.slice(time[0].length);
        }
      }
      const labelled = splitSpeakerLabel(line);
      if (labelled.speaker) speaker = labelled.speaker;
      if (/^\s{0,3}#{1,6}\s/.test(raw)) speaker = undefined;
      const segment: SourceSegment = { line: index + 1, speaker, text: labelled.text };
      if (timestamp) segment.timestamp = timestamp;
      segments.push(segment);
    });
    return { path: doc.path, kind, segments };
  }

  // .vtt / .srt: cues of a timing line and text lines up to a blank line.
  let timestamp: string | undefined;
  let inCue = false;
  let skipBlock = false;
  let speaker: string | undefined;
  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '') {
      inCue = false;
      skipBlock = false;
      return;
    }
    if (skipBlock) return;
    if (kind === 'vtt' && !inCue && /^(WEBVTT|NOTE|STYLE|REGION)\b/.test(trimmed)) {
      skipBlock = true;
      return;
    }
    const timing = TIMING.exec(raw);
    if (timing) {
      timestamp = timing[1];
      inCue = true;
      return;
    }
    if (!inCue) return; // cue identifiers, SRT sequence numbers
    const cue = stripCueMarkup(raw);
    const labelled = splitSpeakerLabel(cue.text);
    if (cue.speaker) speaker = cue.speaker;
    if (labelled.speaker) speaker = labelled.speaker;
    segments.push({ line: index + 1, timestamp, speaker, text: labelled.text });
  });
  return { path: doc.path, kind, segments };
}

// ---------------------------------------------------------------------------------------------
// Words

const WORD_CHAR = /[\p{L}\p{N}]/u;
const APOSTROPHES = new Set([0x27, 0x2019, 0x2bc, 0x2018]);

function isWordCode(text: string, i: number, code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  if (code >= 0xd800 && code <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2));
  if (code >= 0xdc00 && code <= 0xdfff) return i > 0 && WORD_CHAR.test(text.slice(i - 1, i + 1));
  return WORD_CHAR.test(text[i]);
}

/**
 * Calls `word(start, end, plain)` for each word: letters and digits, with apostrophes inside ("it's").
 * `plain`: lower-case ASCII already, no normalisation needed. A hand scanner, not a RegExp: no match
 * objects, which matters for half a million words.
 */
function scanWords(text: string, word: (start: number, end: number, plain: boolean) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let code = text.charCodeAt(i);
    if (!isWordCode(text, i, code)) {
      i++;
      continue;
    }
    const start = i;
    let plain = true;
    for (;;) {
      while (i < n && isWordCode(text, i, (code = text.charCodeAt(i)))) {
        if (code >= 128 || (code >= 65 && code <= 90)) plain = false;
        i++;
      }
      // An apostrophe between word characters continues the word.
      if (i + 1 < n && APOSTROPHES.has(text.charCodeAt(i)) && isWordCode(text, i + 1, text.charCodeAt(i + 1))) {
        if (text.charCodeAt(i) !== 0x27) plain = false;
        i++;
        continue;
      }
      break;
    }
    word(start, i, plain);
  }
}

/** Case, apostrophes and accents folded: the form words are compared in. */
export function normalizeWord(word: string): string {
  let w = word.toLowerCase();
  if (/[^\x00-\x7f]/.test(w)) {
    w = w.replace(/['’ʼ‘`´]/g, "'").normalize('NFKD').replace(/\p{M}+/gu, '');
  }
  return w;
}

interface Token {
  norm: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, (start, end, plain) => {
    const raw = text.slice(start, end);
    tokens.push({ norm: plain ? raw : normalizeWord(raw), start, end });
  });
  return tokens;
}

/** Markdown inside a draft's quote that is not words: links, emphasis, a reopening mark of a new paragraph. */
export function cleanQuoteText(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|`)/g, '')
    .replace(/(^|\n)\s*>\s?/g, '$1')
    .replace(/\n\s*\n\s*["“„«]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text between the first and last word, whitespace collapsed: what "exact" compares. */
function innerText(text: string): string {
  return text
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[^\p{L}\p{N}]+$/u, '')
    .replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// The index

interface IndexedDocument {
  path: string;
  kind: SourceKind;
  segments: SourceSegment[];
  /** The segments' texts joined by "\n": token offsets point here. */
  clean: string;
  /** First global word position of this document. */
  first: number;
  words: number;
}

/** The source material, indexed once; reuse it for every analysis until the material changes. */
export interface EvidenceIndex {
  /** Paths of the indexed files, in the order given. */
  readonly files: readonly string[];
  /** Words indexed, over all files. */
  readonly wordCount: number;
  /** @internal */
  readonly docs: readonly IndexedDocument[];
  /** @internal word id per global position */
  readonly ids: Int32Array;
  /** @internal offsets of each word in its document's clean text */
  readonly starts: Int32Array;
  /** @internal */
  readonly ends: Int32Array;
  /** @internal segment index (within its document) per global position */
  readonly segs: Int32Array;
  /** @internal */
  readonly vocabulary: Map<string, number>;
  /** @internal word id → positions (CSR) */
  readonly unigramOffsets: Int32Array;
  /** @internal */
  readonly unigramPositions: Int32Array;
  /** @internal 3-gram hash bucket → start positions (CSR; a bucket may hold other 3-grams too) */
  readonly trigramMask: number;
  /** @internal */
  readonly trigramOffsets: Int32Array;
  /** @internal */
  readonly trigramPositions: Int32Array;
}

function trigramBucket(a: number, b: number, c: number, mask: number): number {
  let h = Math.imul(a + 0x165667b1, 0x9e3779b1);
  h = Math.imul(h ^ (b + 0x27d4eb2f), 0x85ebca6b);
  h = Math.imul(h ^ (c + 0x61c88647), 0xc2b2ae35);
  h ^= h >>> 15;
  return h & mask;
}

/** Start positions of the 3-gram a b c (a bucket's other 3-grams filtered out). */
function trigramPostings(index: EvidenceIndex, a: number, b: number, c: number): number[] {
  const bucket = trigramBucket(a, b, c, index.trigramMask);
  const out: number[] = [];
  const { ids, trigramPositions } = index;
  for (let k = index.trigramOffsets[bucket]; k < index.trigramOffsets[bucket + 1]; k++) {
    const p = trigramPositions[k];
    if (ids[p] === a && ids[p + 1] === b && ids[p + 2] === c) out.push(p);
  }
  return out;
}

/** Parses and indexes source material. */
export function createEvidenceIndex(documents: readonly SourceDocument[]): EvidenceIndex {
  const vocabulary = new Map<string, number>();
  const docs: IndexedDocument[] = [];
  // Growable typed arrays: a few large buffers instead of millions of boxed numbers.
  let capacity = 1024;
  let ids = new Int32Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let segs = new Int32Array(capacity);
  let count = 0;
  const grow = (): void => {
    capacity *= 2;
    const resize = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    ids = resize(ids);
    starts = resize(starts);
    ends = resize(ends);
    segs = resize(segs);
  };

  for (const document of documents) {
    const parsed = parseSourceDocument(document);
    const first = count;
    const clean = parsed.segments.map((segment) => segment.text).join('\n');
    let base = 0;
    parsed.segments.forEach((segment, segIndex) => {
      const text = segment.text;
      scanWords(text, (start, end, plain) => {
        const raw = text.slice(start, end);
        const norm = plain ? raw : normalizeWord(raw);
        let id = vocabulary.get(norm);
        if (id === undefined) {
          id = vocabulary.size;
          vocabulary.set(norm, id);
        }
        if (count === capacity) grow();
        ids[count] = id;
        starts[count] = base + start;
        ends[count] = base + end;
        segs[count] = segIndex;
        count++;
      });
      base += text.length + 1;
    });
    docs.push({ path: parsed.path, kind: parsed.kind, segments: parsed.segments, clean, first, words: count - first });
  }
  ids = ids.slice(0, count);
  const counts = new Int32Array(vocabulary.size + 1);
  for (let i = 0; i < ids.length; i++) counts[ids[i] + 1]++;
  for (let i = 1; i < counts.length; i++) counts[i] += counts[i - 1];
  const unigramOffsets = counts.slice();
  const fill = counts.slice();
  const unigramPositions = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) unigramPositions[fill[ids[i]]++] = i;

  // 3-grams by hash bucket, as two flat arrays (no per-gram allocation: 500,000 words build in a blink).
  let size = 1024;
  while (size < ids.length * 2) size *= 2;
  const mask = size - 1;
  const buckets = new Int32Array(ids.length).fill(-1);
  const trigramOffsets = new Int32Array(size + 1);
  for (const doc of docs) {
    for (let p = doc.first; p + 2 < doc.first + doc.words; p++) {
      const bucket = trigramBucket(ids[p], ids[p + 1], ids[p + 2], mask);
      buckets[p] = bucket;
      trigramOffsets[bucket + 1]++;
    }
  }
  for (let i = 1; i <= size; i++) trigramOffsets[i] += trigramOffsets[i - 1];
  const cursor = trigramOffsets.slice(0, size);
  const trigramPositions = new Int32Array(trigramOffsets[size]);
  for (let p = 0; p < ids.length; p++) if (buckets[p] >= 0) trigramPositions[cursor[buckets[p]]++] = p;

  return {
    files: docs.map((d) => d.path),
    wordCount: ids.length,
    docs,
    ids,
    starts: starts.slice(0, count),
    ends: ends.slice(0, count),
    segs: segs.slice(0, count),
    vocabulary,
    unigramOffsets,
    unigramPositions,
    trigramMask: mask,
    trigramOffsets,
    trigramPositions,
  };
}

function docAt(index: EvidenceIndex, position: number): number {
  let low = 0;
  let high = index.docs.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (index.docs[middle].first <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}

// ---------------------------------------------------------------------------------------------
// Verifying a quote

/** The verdict for one quoted fragment (an `Evidence` without the draft span). */
export interface QuoteVerification {
  verdict: EvidenceVerdict;
  file: string | null;
  line: number | null;
  timestamp?: string;
  speaker?: string;
  diff?: DiffPart[];
  skippedWords?: number;
  /** The matching words of the source as written (for exact/normalized/reworded/ellipsis). */
  sourceText?: string;
  /** Ellipsis matches: the source text the ellipses leave out, pieces joined by " … ". */
  skippedText?: string;
}

/** Names, aliases and transcript labels of the speaker a quote is attributed to. */
export type SpeakerHint = string | readonly string[] | undefined;

/** Postings longer than this are too common to vote (a stop-gram), unless nothing rarer is shared. */
const MAX_POSTINGS = 4000;
/** At most this many candidate regions are aligned per fragment. */
const MAX_REGIONS = 8;

interface Candidate {
  doc: number;
  /** Global positions [from, to) of the matched source words. */
  from: number;
  to: number;
  cost: number;
  equal: number;
  ops: AlignOp[];
  speakerTier: number;
}

type AlignOp = { op: 'equal' | 'draft' | 'source' | 'sub'; q: number; s: number };

function labelWords(text: string): string[] {
  return normalizeWord(text).replace(/[^\p{L}\p{N}\s']/gu, ' ').split(/\s+/).filter(Boolean);
}

/** Does a transcript speaker label name one of the hinted speakers? ("YOON" ↔ "Grace Yoon", "Speaker 1" ↔ label "Speaker 1"). */
export function speakerMatches(label: string | undefined, hint: SpeakerHint): boolean {
  if (!label || !hint) return false;
  const hints = typeof hint === 'string' ? [hint] : hint;
  const l = labelWords(label);
  if (l.length === 0) return false;
  const lj = l.join(' ');
  for (const h of hints) {
    const w = labelWords(h.replace(/^anonymous:\s*/i, ''));
    if (w.length === 0) continue;
    if (w.join(' ') === lj) return true;
    // Surnames: "YOON" ↔ "Grace Yoon", "MINISTER OKAFOR" ↔ "Daniel Okafor".
    const lastL = l[l.length - 1];
    const lastH = w[w.length - 1];
    if (/^\p{L}{3,}$/u.test(lastL) && lastL === lastH && !/^(speaker|interviewer|reporter)$/.test(lastL)) return true;
  }
  return false;
}

function speakerTier(index: EvidenceIndex, doc: number, position: number, hint: SpeakerHint): number {
  const speaker = index.docs[doc].segments[index.segs[position]]?.speaker;
  if (!speaker) return 1;
  if (!hint || (typeof hint !== 'string' && hint.length === 0)) return 1;
  return speakerMatches(speaker, hint) ? 2 : 0;
}

function backtrace(dp: Int32Array, width: number, query: number[], ids: Int32Array, from: number, m: number, endJ: number): AlignOp[] {
  const ops: AlignOp[] = [];
  let i = m;
  let j = endJ;
  while (i > 0) {
    const here = dp[i * width + j];
    if (j > 0) {
      const same = ids[from + j - 1] === query[i - 1];
      if (here === dp[(i - 1) * width + j - 1] + (same ? 0 : 1)) {
        ops.push({ op: same ? 'equal' : 'sub', q: i - 1, s: from + j - 1 });
        i--;
        j--;
        continue;
      }
      if (here === dp[i * width + j - 1] + 1) {
        ops.push({ op: 'source', q: i, s: from + j - 1 });
        j--;
        continue;
      }
    }
    ops.push({ op: 'draft', q: i - 1, s: from + j });
    i--;
  }
  return ops.reverse();
}

/** Word-level alignment of the query against a source region, free ends in the source. */
function align(query: number[], index: EvidenceIndex, from: number, to: number, preferLate = false): { cost: number; start: number; end: number; ops: AlignOp[] } {
  const m = query.length;
  const n = to - from;
  const width = n + 1;
  const dp = new Int32Array((m + 1) * width);
  for (let i = 1; i <= m; i++) dp[i * width] = i;
  const ids = index.ids;
  for (let i = 1; i <= m; i++) {
    const qi = query[i - 1];
    const row = i * width;
    const prev = row - width;
    for (let j = 1; j <= n; j++) {
      const diag = dp[prev + j - 1] + (ids[from + j - 1] === qi ? 0 : 1);
      const up = dp[prev + j] + 1;
      const left = dp[row + j - 1] + 1;
      dp[row + j] = diag < up ? (diag < left ? diag : left) : up < left ? up : left;
    }
  }
  let best = Infinity;
  const last = m * width;
  for (let j = 0; j <= n; j++) if (dp[last + j] < best) best = dp[last + j];
  if (best >= m) return { cost: best, start: from, end: from, ops: [] };
  // The cheapest end is not always the truest: "a way to work" against "a way to get to work" costs
  // less by dropping the draft's "work" than by skipping "get to". Among ends close to the cheapest,
  // keep the one that matches the most words (each extra edit must buy two matched words).
  let chosen: AlignOp[] = [];
  let chosenScore = -Infinity;
  let chosenCost = best;
  for (let j = 0; j <= n; j++) {
    const cost = dp[last + j];
    if (cost > best + 2) continue;
    const ops = backtrace(dp, width, query, ids, from, m, j);
    const equal = ops.reduce((sum, op) => sum + (op.op === 'equal' ? 1 : 0), 0);
    const score = equal - cost / 2;
    if (score > chosenScore || (score === chosenScore && (cost < chosenCost || (preferLate && cost === chosenCost)))) {
      chosen = ops;
      chosenScore = score;
      chosenCost = cost;
    }
  }
  best = chosenCost;
  const ops = chosen;
  const bestJ = ops.length ? Math.max(0, ...ops.filter((op) => op.op !== 'draft').map((op) => op.s - from + 1)) : 0;
  // Source words at the very edges are not part of the match.
  while (ops.length && ops[0].op === 'source') ops.shift();
  while (ops.length && ops[ops.length - 1].op === 'source') ops.pop();
  let start = from + bestJ;
  let end = from + bestJ;
  for (const op of ops) {
    if (op.op === 'draft') continue;
    start = Math.min(start, op.s);
    end = Math.max(end, op.s + 1);
  }
  if (!ops.some((op) => op.op !== 'draft')) start = end;
  return { cost: best, start, end, ops };
}

/** Candidate matches of a fragment, best first; only those close enough to count. */
function candidates(index: EvidenceIndex, queryNorms: string[], hint: SpeakerHint): Candidate[] {
  const m = queryNorms.length;
  if (m === 0 || index.wordCount === 0) return [];
  const query = queryNorms.map((w) => index.vocabulary.get(w) ?? -1);

  // Votes: (diagonal = source position − query position) for each shared n-gram.
  const hits: Array<{ d: number; q: number }> = [];
  const vote = (positions: ArrayLike<number>, from: number, to: number, q: number): void => {
    for (let k = from; k < to; k++) hits.push({ d: positions[k] - q, q });
  };
  if (m >= 3) {
    const common: Array<{ list: number[]; q: number }> = [];
    for (let q = 0; q + 2 < m; q++) {
      if (query[q] < 0 || query[q + 1] < 0 || query[q + 2] < 0) continue;
      const list = trigramPostings(index, query[q], query[q + 1], query[q + 2]);
      if (list.length === 0) continue;
      if (list.length > MAX_POSTINGS) common.push({ list, q });
      else vote(list, 0, list.length, q);
    }
    if (hits.length === 0) for (const { list, q } of common.slice(0, 2)) vote(list, 0, Math.min(list.length, MAX_POSTINGS), q);
  }
  // Short fragments, or a reworded one that shares no 3-gram: single rare-ish words vote too.
  if (m < 8 || hits.length === 0) {
    const order = query
      .map((id, q) => ({ id, q, count: id < 0 ? 0 : index.unigramOffsets[id + 1] - index.unigramOffsets[id] }))
      .filter((w) => w.count > 0)
      .sort((a, b) => a.count - b.count)
      .slice(0, m < 8 ? 3 : 4);
    for (const w of order) {
      if (w.count > MAX_POSTINGS && hits.length > 0) continue;
      vote(index.unigramPositions, index.unigramOffsets[w.id], index.unigramOffsets[w.id] + Math.min(w.count, MAX_POSTINGS), w.q);
    }
  }
  if (hits.length === 0) return [];

  // Cluster votes by diagonal into regions, within one document.
  hits.sort((a, b) => a.d - b.d);
  const band = Math.max(3, Math.ceil(m / 3));
  interface Region { doc: number; dMin: number; dMax: number; votes: Set<number> }
  const regions: Region[] = [];
  let current: Region | null = null;
  for (const hit of hits) {
    const doc = docAt(index, Math.max(0, hit.d + hit.q));
    if (current && current.doc === doc && hit.d - current.dMax <= band && hit.d - current.dMin <= 2 * m + band) {
      current.dMax = hit.d;
      current.votes.add(hit.q);
    } else {
      current = { doc, dMin: hit.d, dMax: hit.d, votes: new Set([hit.q]) };
      regions.push(current);
    }
  }
  regions.sort((a, b) => b.votes.size - a.votes.size || a.dMin - b.dMin);
  const top = regions.slice(0, MAX_REGIONS);
  if (top.length === MAX_REGIONS) {
    // Keep every region that ties with the last kept one: the speaker may decide between them.
    const floor = top[top.length - 1].votes.size;
    for (let k = MAX_REGIONS; k < regions.length && regions[k].votes.size === floor && top.length < 64; k++) top.push(regions[k]);
  }

  const slack = Math.ceil(m / 2) + 2;
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const region of top) {
    const doc = index.docs[region.doc];
    const found = alignWindow(index, query, region.doc, Math.max(doc.first, region.dMin - slack), Math.min(doc.first + doc.words, region.dMax + m + slack), hint);
    if (!found) continue;
    const key = `${found.from}:${found.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(found);
  }
  out.sort((a, b) => (a.cost === 0 ? 0 : 1) - (b.cost === 0 ? 0 : 1) || b.speakerTier - a.speakerTier || a.cost - b.cost || a.from - b.from);
  return out;
}

/** The best acceptable alignment of the query inside [from, to) of one document, or null. */
function alignWindow(index: EvidenceIndex, query: number[], doc: number, from: number, to: number, hint: SpeakerHint, preferLate = false): Candidate | null {
  if (to <= from) return null;
  const aligned = align(query, index, from, to, preferLate);
  if (aligned.end <= aligned.start) return null;
  const equal = aligned.ops.filter((op) => op.op === 'equal').length;
  if (!acceptable(query.length, equal, aligned.cost, aligned.end - aligned.start)) return null;
  return { doc, from: aligned.start, to: aligned.end, cost: aligned.cost, equal, ops: aligned.ops, speakerTier: speakerTier(index, doc, aligned.start, hint) };
}

/** Close enough to be the same quote, reworded. */
function acceptable(m: number, equal: number, cost: number, sourceLength: number): boolean {
  if (cost === 0) return true;
  if (m < 3) return false;
  return equal >= 2 && equal / Math.max(m, sourceLength) >= 0.6;
}

const ELLIPSIS = /\s*(?:…|\.\s?\.\s?\.|\[\s*(?:…|\.\.\.)\s*\])\s*/;

/**
 * Checks one quoted fragment (the words inside the quotation marks) against the material.
 * `speaker`: names, aliases and labels of whom the draft attributes it to; matches in that speaker's
 * turns are preferred.
 */
export function verifyQuote(index: EvidenceIndex, fragmentText: string, speaker?: SpeakerHint): QuoteVerification {
  const cleaned = cleanQuoteText(fragmentText);
  const pieces = cleaned.split(ELLIPSIS).filter((piece) => /[\p{L}\p{N}]/u.test(piece));
  if (pieces.length >= 2) return verifyWithEllipsis(index, pieces, speaker);
  const text = pieces[0] ?? '';
  const tokens = tokenize(text);
  if (tokens.length === 0) return notFound();
  const found = candidates(index, tokens.map((t) => t.norm), speaker);
  if (found.length === 0) return notFound();
  return describe(index, found[0], text, tokens);
}

function notFound(): QuoteVerification {
  return { verdict: 'not-found', file: null, line: null };
}

function locate(index: EvidenceIndex, candidate: Candidate): QuoteVerification {
  const doc = index.docs[candidate.doc];
  const segment = doc.segments[index.segs[candidate.from]];
  const result: QuoteVerification = { verdict: 'exact', file: doc.path, line: segment.line };
  if (segment.timestamp) result.timestamp = segment.timestamp;
  if (segment.speaker) result.speaker = segment.speaker;
  return result;
}

function sourceSlice(index: EvidenceIndex, candidate: Candidate): string {
  const doc = index.docs[candidate.doc];
  return doc.clean.slice(index.starts[candidate.from], index.ends[candidate.to - 1]).replace(/\s+/g, ' ');
}

function describe(index: EvidenceIndex, candidate: Candidate, text: string, tokens: Token[]): QuoteVerification {
  const result = locate(index, candidate);
  const source = sourceSlice(index, candidate);
  result.sourceText = source;
  if (candidate.cost === 0) {
    result.verdict = innerText(text) === innerText(source) ? 'exact' : 'normalized';
    return result;
  }
  result.verdict = 'reworded';
  result.diff = buildDiff(index, candidate, text, tokens);
  return result;
}

function buildDiff(index: EvidenceIndex, candidate: Candidate, text: string, tokens: Token[]): DiffPart[] {
  const doc = index.docs[candidate.doc];
  const draftWord = (q: number): string => text.slice(tokens[q].start, tokens[q].end);
  const sourceWord = (s: number): string => doc.clean.slice(index.starts[s], index.ends[s]);
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], word: string): void => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += ' ' + word;
    else parts.push({ op, text: word });
  };
  // Within a run of changes, show all the draft's words before the source's.
  let draftRun: string[] = [];
  let sourceRun: string[] = [];
  const flush = (): void => {
    for (const w of draftRun) push('draft', w);
    for (const w of sourceRun) push('source', w);
    draftRun = [];
    sourceRun = [];
  };
  for (const op of candidate.ops) {
    if (op.op === 'equal') {
      flush();
      push('equal', draftWord(op.q));
    } else if (op.op === 'sub') {
      draftRun.push(draftWord(op.q));
      sourceRun.push(sourceWord(op.s));
    } else if (op.op === 'draft') draftRun.push(draftWord(op.q));
    else sourceRun.push(sourceWord(op.s));
  }
  flush();
  return parts;
}

/** How far (in words) from its neighbour an ellipsis piece is looked for when the index has no candidate there. */
const ELLIPSIS_WINDOW = 1500;

/** A piece found by a window search counts when unchanged, or long enough that a close match is no accident. */
function nearby(candidate: Candidate | null): Candidate | null {
  return candidate && (candidate.cost === 0 || candidate.equal >= 6) ? candidate : null;
}

function verifyWithEllipsis(index: EvidenceIndex, pieces: string[], speaker: SpeakerHint): QuoteVerification {
  const tokenized = pieces.map((piece) => tokenize(piece));
  const queries = tokenized.map((tokens) => tokens.map((t) => index.vocabulary.get(t.norm) ?? -1));
  const lists = tokenized.map((tokens) => candidates(index, tokens.map((t) => t.norm), speaker));

  // Anchor on the longest piece the index finds; the others are taken from their own candidates
  // when one lies in order in the same document, else aligned in a window next to their neighbour
  // (a short, common piece — "and we did" — may have too many matches to be among the candidates).
  let anchor = -1;
  lists.forEach((list, k) => {
    if (list.length > 0 && (anchor < 0 || queries[k].length > queries[anchor].length)) anchor = k;
  });
  if (anchor < 0) return notFound();
  const closer = (a: Candidate, b: Candidate | null, distance: (c: Candidate) => number): boolean =>
    !b || (a.cost === 0 ? 0 : 1) < (b.cost === 0 ? 0 : 1) || ((a.cost === 0) === (b.cost === 0) && distance(a) < distance(b));

  let best: { chain: Candidate[]; cost: number; skipped: number; tier: number } | null = null;
  for (const start of lists[anchor].slice(0, MAX_REGIONS)) {
    const chain: Candidate[] = new Array(pieces.length);
    chain[anchor] = start;
    const doc = index.docs[start.doc];
    const docEnd = doc.first + doc.words;
    let ok = true;
    for (let k = anchor + 1; k < pieces.length && ok; k++) {
      const previous = chain[k - 1];
      let pick: Candidate | null = null;
      for (const next of lists[k]) {
        if (next.doc !== previous.doc || next.from < previous.to || next.from - previous.to > ELLIPSIS_WINDOW) continue;
        if (closer(next, pick, (c) => c.from - previous.to)) pick = next;
      }
      pick ??= nearby(alignWindow(index, queries[k], previous.doc, previous.to, Math.min(docEnd, previous.to + ELLIPSIS_WINDOW), speaker));
      if (pick) chain[k] = pick;
      else ok = false;
    }
    for (let k = anchor - 1; k >= 0 && ok; k--) {
      const following = chain[k + 1];
      let pick: Candidate | null = null;
      for (const prior of lists[k]) {
        if (prior.doc !== following.doc || prior.to > following.from || following.from - prior.to > ELLIPSIS_WINDOW) continue;
        if (closer(prior, pick, (c) => following.from - c.to)) pick = prior;
      }
      pick ??= nearby(alignWindow(index, queries[k], following.doc, Math.max(doc.first, following.from - ELLIPSIS_WINDOW), following.from, speaker, true));
      if (pick) chain[k] = pick;
      else ok = false;
    }
    if (!ok) continue;
    const cost = chain.reduce((sum, c) => sum + c.cost, 0);
    let skipped = 0;
    for (let k = 1; k < chain.length; k++) skipped += chain[k].from - chain[k - 1].to;
    const tier = chain[0].speakerTier;
    if (!best || cost < best.cost || (cost === best.cost && (tier > best.tier || (tier === best.tier && skipped < best.skipped)))) {
      best = { chain, cost, skipped, tier };
    }
  }
  if (!best) return notFound();

  const result = locate(index, best.chain[0]);
  result.skippedWords = best.skipped;
  const doc = index.docs[best.chain[0].doc];
  const gaps: string[] = [];
  for (let k = 1; k < best.chain.length; k++) {
    const gap = doc.clean.slice(index.ends[best.chain[k - 1].to - 1], index.starts[best.chain[k].from]).replace(/\s+/g, ' ').trim();
    if (gap) gaps.push(gap);
  }
  if (gaps.length) result.skippedText = gaps.join(' … ');
  result.sourceText = best.chain.map((c) => sourceSlice(index, c)).join(' … ');
  if (best.cost === 0) {
    result.verdict = 'ellipsis';
    return result;
  }
  result.verdict = 'reworded';
  const diff: DiffPart[] = [];
  best.chain.forEach((candidate, k) => {
    if (k > 0) diff.push({ op: 'equal', text: '…' });
    const parts = candidate.cost === 0
      ? [{ op: 'equal' as const, text: tokenized[k].map((t) => pieces[k].slice(t.start, t.end)).join(' ') }]
      : buildDiff(index, candidate, pieces[k], tokenized[k]);
    diff.push(...parts);
  });
  return result.diff = mergeParts(diff), result;
}

function mergeParts(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last && last.op === part.op) last.text += ' ' + part.text;
    else out.push({ ...part });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Presenting verdicts (shared by the CLI, hovers and diagnostics)

const VERDICT_WORDS: Record<EvidenceVerdict, string> = {
  exact: 'exact',
  normalized: 'matches except punctuation/case/typographic quotes',
  reworded: 'reworded',
  ellipsis: 'bridged by an ellipsis',
  'not-found': 'not found',
};

export function verdictLabel(verdict: EvidenceVerdict): string {
  return VERDICT_WORDS[verdict];
}

const NEGATION = /\b(not|never|no|none|nobody|nothing|neither|nor|without|unless|except|cannot|can't|won't|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|shouldn't|wouldn't|couldn't|hasn't|haven't|hadn't)\b|n['’]t\b/i;

/** The negation an ellipsis leaves out ("not", "never", "won't"…), if any: it may turn the quote's meaning round. */
export function skippedNegation(skippedText: string | undefined): string | null {
  if (!skippedText) return null;
  const match = NEGATION.exec(skippedText.replace(/’/g, "'"));
  return match ? match[0] : null;
}

/** "sources/call.vtt:14 [00:03:14.200]" — or null when not found. */
export function evidenceLocation(evidence: Pick<Evidence, 'file' | 'line' | 'timestamp'>): string | null {
  if (!evidence.file) return null;
  return `${evidence.file}${evidence.line ? `:${evidence.line}` : ''}${evidence.timestamp ? ` [${evidence.timestamp}]` : ''}`;
}

/**
 * One line for a hover or a report: "exact — sources/call-readout.txt:14", "bridged by an ellipsis
 * (12 words skipped) — …", "not found in the source material".
 */
export function describeEvidence(evidence: Pick<Evidence, 'verdict' | 'file' | 'line' | 'timestamp' | 'skippedWords' | 'speaker'>): string {
  const where = evidenceLocation(evidence);
  if (!where) return 'not found in the source material';
  let label = verdictLabel(evidence.verdict);
  if (evidence.verdict === 'ellipsis' && evidence.skippedWords !== undefined) {
    label += ` (${evidence.skippedWords} ${evidence.skippedWords === 1 ? 'word' : 'words'} skipped)`;
  }
  return `${label} — ${where}${evidence.speaker ? ` (${evidence.speaker})` : ''}`;
}

/**
 * A short plain-text diff, draft → source: "patient for {two → three} years", "{→ very}" for words only
 * the source has, "{really →}" for words only the draft has. Long unchanged runs are shortened.
 */
export function formatDiff(diff: readonly DiffPart[], context = 3): string {
  const out: string[] = [];
  for (let k = 0; k < diff.length; k++) {
    const part = diff[k];
    if (part.op === 'equal') {
      const words = part.text.split(' ');
      const first = k === 0;
      const last = k === diff.length - 1;
      if (words.length > context * 2 + 1 || ((first || last) && words.length > context + 1)) {
        const head = first ? [] : words.slice(0, context);
        const tail = last ? [] : words.slice(-context);
        out.push([...head, '…', ...tail].join(' '));
      } else out.push(part.text);
    } else if (part.op === 'draft') {
      const next = diff[k + 1];
      if (next && next.op === 'source') {
        out.push(`{${part.text} → ${next.text}}`);
        k++;
      } else out.push(`{${part.text} →}`);
    } else out.push(`{→ ${part.text}}`);
  }
  return out.join(' ');
}
