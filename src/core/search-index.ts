// Fuzzy search over the actors and claims of a workspace: pure TypeScript, no Node built-ins,
// no vscode, so the same index runs in the desktop host, the web worker and the CLI.
//
// How it stays fast at 50,000 claims:
//   1. Words are matched against the VOCABULARY (distinct normalised words, tens of thousands),
//      never against the entries: exact, prefix (sorted vocabulary + binary search), typo
//      (trigram candidates, then a bounded Damerau–Levenshtein check), substring and
//      typo-in-a-prefix (same trigram counts).
//   2. Each query word then walks the posting lists (entries holding a matched word) into
//      typed-array accumulators: a weighted share of the query found in each entry.
//   3. Only the best few hundred entries get the expensive pass: re-tokenising the text for
//      highlight ranges, proximity and word-order bonuses, and a preference for short entries.
// Nothing is scanned per entry per query except through posting lists.

export type SearchEntryKind = 'actor' | 'claim';

export interface SearchEntry {
  id: string;
  /** The text searched and highlighted: an actor's name and aliases, a claim's sentence. */
  text: string;
  kind: SearchEntryKind;
  file?: string;
}

export interface SearchResult<T extends SearchEntry = SearchEntry> {
  entry: T;
  /** Higher is better, in (0, 1]. Comparable within one query only. */
  score: number;
  /** Ranges of `entry.text` to highlight, `[start, end)` in JavaScript string offsets, sorted, not overlapping. */
  matches: [number, number][];
}

export interface SearchIndex<T extends SearchEntry = SearchEntry> {
  /** Best matches first. `limit` defaults to 20. An empty or punctuation-only query finds nothing. */
  search(query: string, limit?: number): SearchResult<T>[];
  readonly size: number;
  /** Distinct normalised words indexed. */
  readonly vocabularySize: number;
}

// How a query word matched an indexed word. Scores are the weight of that kind of match.
const EXACT = 1;
const PREFIX_MIN = 0.62; // "min" → "minister"; rises towards 0.9 as the prefix covers the word
const PREFIX_MAX = 0.9;
const TYPO_1 = 0.72;
const TYPO_2 = 0.55;
const SUBSTRING = 0.5;
const PREFIX_TYPO = 0.45;

/** Prefix expansions kept per query word (the most frequent words win); bounds one-letter queries. */
const MAX_PREFIX_EXPANSIONS = 400;
/** A query word with more postings than this (and 8× the candidates so far) only scores existing candidates. */
const RESTRICT_MIN_POSTINGS = 2000;
/** Entries that get the full scoring pass, at least. */
const MIN_RERANK = 200;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const MARKS = /[\p{M}'’\u02BC]/gu;
const NON_ASCII_OR_UPPER = /[^a-z0-9]/;

/** Lower case, no accents, no apostrophes, compatibility forms folded ("ﬁ" → "fi"). */
export function normalizeWord(word: string): string {
  if (!NON_ASCII_OR_UPPER.test(word)) return word;
  return word.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2bc;
}

const wordCharCache = new Map<number, boolean>();
/** Letter, digit or combining mark, by UTF-16 unit; surrogates count as word characters (emoji aside, rare scripts). */
function isWordUnit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  let known = wordCharCache.get(c);
  if (known === undefined) {
    if (c >= 0xd800 && c <= 0xdfff) {
      const cp = text.codePointAt(c <= 0xdbff ? i : i - 1) ?? c;
      return WORD_CHAR.test(String.fromCodePoint(cp));
    }
    known = WORD_CHAR.test(String.fromCharCode(c));
    wordCharCache.set(c, known);
  }
  return known;
}

/** Han ideographs and kana: written without spaces, so each character is a word of its own. */
function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** End of the word that starts at `start` (a word unit): letters, digits and marks, apostrophes inside joining. */
function wordEnd(text: string, start: number): number {
  if (isCjk(text.charCodeAt(start))) return start + 1;
  const length = text.length;
  let i = start + 1;
  for (;;) {
    while (i < length && isWordUnit(text, i) && !isCjk(text.charCodeAt(i))) i++;
    if (i + 1 < length && isApostrophe(text.charCodeAt(i)) && isWordUnit(text, i + 1) && !isCjk(text.charCodeAt(i + 1))) i += 2;
    else break;
  }
  return i;
}

interface Token {
  start: number;
  end: number;
  norm: string;
}

/** Words of `text` with their offsets: runs of letters, digits and marks, apostrophes inside joining them. */
function tokenize(text: string, cache?: Map<string, string>): Token[] {
  const out: Token[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (!isWordUnit(text, i)) {
      i++;
      continue;
    }
    const start = i;
    i = wordEnd(text, start);
    const raw = text.slice(start, i);
    let norm = cache?.get(raw);
    if (norm === undefined) {
      norm = normalizeWord(raw);
      cache?.set(raw, norm);
    }
    if (norm.length > 0) out.push({ start, end: i, norm });
  }
  return out;
}

/** Trigrams of `\x02word\x03`: as many as the word has characters. */
function trigrams(word: string): string[] {
  const padded = `\u0002${word}\u0003`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), or `max + 1`
 * as soon as it must exceed `max`. With `prefix`, the distance from `a` to the closest PREFIX of `b`.
 */
export function boundedDistance(a: string, b: string, max: number, prefix = false): number {
  const m = a.length;
  const n = b.length;
  if (!prefix && Math.abs(m - n) > max) return max + 1;
  if (rowA.length <= m) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  // Rows over b, columns over a. prev2 keeps the row before prev, for transpositions.
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  let best = prefix ? m : Infinity;
  const rows = prefix ? Math.min(n, m + max) : n;
  for (let i = 1; i <= rows; i++) {
    cur[0] = i;
    let rowMin = i;
    const bc = b.charCodeAt(i - 1);
    const bPrev = i > 1 ? b.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= m; j++) {
      const ac = a.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ac === bc ? 0 : 1);
      const del = prev[j]! + 1;
      if (del < v) v = del;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      if (j > 1 && ac === bPrev && a.charCodeAt(j - 2) === bc && prev2[j - 2]! + 1 < v) v = prev2[j - 2]! + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (prefix && cur[m]! < best) best = cur[m]!;
    if (rowMin > max) return prefix && best <= max ? best : max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prefix ? best : prev[m]!;
  return d > max ? max + 1 : d;
}

function typoBudget(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

/** Where, inside one word, a query word matched: for highlighting. */
type Part = 'whole' | 'prefix' | 'substring';

interface WordMatch {
  score: number;
  part: Part;
}

interface QueryTerm {
  text: string;
  weight: number;
  /** Matched vocabulary words by id. */
  words: Map<number, WordMatch>;
  /** The same, by normalised word, for the rescoring pass. */
  byWord: Map<string, WordMatch>;
}

/** Build the index. Entries are kept by reference; the index does not copy their texts. */
export function createSearchIndex<T extends SearchEntry>(entries: readonly T[]): SearchIndex<T> {
  const n = entries.length;
  const normCache = new Map<string, string>();
  const vocabIds = new Map<string, number>();
  const vocab: string[] = [];
  const postingLists: number[][] = [];
  const tokenCount = new Uint32Array(n);
  // Every entry's words as vocabulary ids, in text order (for proximity and order in pass 2).
  const tokenIdList: number[] = [];
  const entryTokenStart = new Uint32Array(n + 1);

  // Raw word → vocabulary id: most words repeat, so normalisation runs once per spelling.
  const rawIds = new Map<string, number>();
  for (let e = 0; e < n; e++) {
    const text = entries[e]!.text;
    const length = text.length;
    let count = 0;
    let i = 0;
    while (i < length) {
      if (!isWordUnit(text, i)) {
        i++;
        continue;
      }
      const start = i;
      i = wordEnd(text, start);
      const raw = text.slice(start, i);
      let id = rawIds.get(raw);
      if (id === undefined) {
        const norm = normalizeWord(raw);
        normCache.set(raw, norm);
        if (norm.length === 0) id = -1;
        else {
          id = vocabIds.get(norm);
          if (id === undefined) {
            id = vocab.length;
            vocabIds.set(norm, id);
            vocab.push(norm);
            postingLists.push([]);
          }
        }
        rawIds.set(raw, id);
      }
      if (id < 0) continue;
      count++;
      tokenIdList.push(id);
      const list = postingLists[id]!;
      if (list[list.length - 1] !== e) list.push(e); // entries arrive in order: one check dedups
    }
    tokenCount[e] = count;
    entryTokenStart[e + 1] = tokenIdList.length;
  }
  rawIds.clear();
  const tokenIds = Uint32Array.from(tokenIdList);
  tokenIdList.length = 0;

  // Postings as one flat typed array.
  const v = vocab.length;
  const postingStart = new Uint32Array(v + 1);
  for (let w = 0; w < v; w++) postingStart[w + 1] = postingStart[w]! + postingLists[w]!.length;
  const postings = new Uint32Array(postingStart[v]!);
  for (let w = 0; w < v; w++) postings.set(postingLists[w]!, postingStart[w]!);
  postingLists.length = 0;
  const df = (w: number) => postingStart[w + 1]! - postingStart[w]!;

  // Sorted vocabulary for prefix ranges.
  const sorted = Uint32Array.from(vocab.keys()).sort((a, b) => (vocab[a]! < vocab[b]! ? -1 : vocab[a]! > vocab[b]! ? 1 : 0));

  // Trigram → vocabulary words holding it.
  const gramLists = new Map<string, number[]>();
  for (let w = 0; w < v; w++) {
    for (const g of new Set(trigrams(vocab[w]!))) {
      let list = gramLists.get(g);
      if (!list) gramLists.set(g, (list = []));
      list.push(w);
    }
  }
  const grams = new Map<string, Uint32Array>();
  for (const [g, list] of gramLists) grams.set(g, Uint32Array.from(list));
  gramLists.clear();

  // Scratch space reused by every query.
  const gramCount = new Uint16Array(v);
  const entryScore = new Float64Array(n);
  const termBest = new Float32Array(n);
  const termStamp = new Uint32Array(n);
  const entryStamp = new Uint32Array(n);
  const termTouched = new Uint32Array(n);
  const candidateList = new Uint32Array(n);
  let stamp = 0;

  function prefixRange(p: string): [number, number] {
    let lo = 0;
    let hi = v;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (vocab[sorted[mid]!]! < p) lo = mid + 1;
      else hi = mid;
    }
    const start = lo;
    hi = v;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (vocab[sorted[mid]!]!.startsWith(p)) lo = mid + 1;
      else hi = mid;
    }
    return [start, lo];
  }

  function matchWord(text: string): Map<number, WordMatch> {
    const found = new Map<number, WordMatch>();
    const put = (w: number, score: number, part: Part) => {
      const old = found.get(w);
      if (!old || old.score < score) found.set(w, { score, part });
    };
    const m = text.length;

    const exact = vocabIds.get(text);
    if (exact !== undefined) put(exact, EXACT, 'whole');

    // Prefixes: a word being typed, or a stem ("negotiat" → "negotiations").
    const [from, to] = prefixRange(text);
    let expansions: number[] = [];
    for (let i = from; i < to; i++) if (sorted[i] !== exact) expansions.push(sorted[i]!);
    if (expansions.length > MAX_PREFIX_EXPANSIONS) {
      expansions = expansions.sort((a, b) => df(b) - df(a)).slice(0, MAX_PREFIX_EXPANSIONS);
    }
    for (const w of expansions) {
      const coverage = m / vocab[w]!.length;
      put(w, PREFIX_MIN + (PREFIX_MAX - PREFIX_MIN) * coverage, 'prefix');
    }

    if (m < 4) return found; // three letters or fewer: exact and prefix only

    // Typos, substrings and typos inside a prefix, from shared trigrams.
    const budget = typoBudget(m);
    const queryGrams = [...new Set(trigrams(text))];
    const innerGrams = new Set(queryGrams.filter((g) => g.charCodeAt(0) > 3 && g.charCodeAt(2) > 3));
    const touched: number[] = [];
    for (const g of queryGrams) {
      const list = grams.get(g);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const w = list[i]!;
        if (gramCount[w] === 0) touched.push(w);
        gramCount[w]++;
      }
    }
    // An edit touches at most 3 trigrams (4 for a transposition).
    const typoFloor = Math.max(1, queryGrams.length - 4 * budget);
    const prefixTypoFloor = Math.max(1, queryGrams.length - 1 - 4);
    for (const w of touched) {
      const shared = gramCount[w]!;
      gramCount[w] = 0;
      if (found.has(w) && found.get(w)!.score >= TYPO_1) continue;
      const word = vocab[w]!;
      if (budget > 0 && shared >= typoFloor && Math.abs(word.length - m) <= budget) {
        const d = boundedDistance(text, word, budget);
        if (d > 0 && d <= budget) {
          put(w, d === 1 ? TYPO_1 : TYPO_2, 'whole');
          continue;
        }
      }
      if (m >= 4 && word.length > m && shared >= innerGrams.size && word.includes(text)) {
        put(w, SUBSTRING, 'substring');
        continue;
      }
      if (m >= 5 && word.length > m && shared >= prefixTypoFloor && boundedDistance(text, word, 1, true) === 1) {
        put(w, PREFIX_TYPO, 'prefix');
      }
    }
    return found;
  }

  function queryTerms(query: string): QueryTerm[] {
    const seen = new Set<string>();
    const terms: QueryTerm[] = [];
    for (const token of tokenize(query)) {
      if (seen.has(token.norm)) continue;
      seen.add(token.norm);
      const words = matchWord(token.norm);
      let best = 0;
      for (const [w] of words) best = Math.max(best, df(w));
      // Rare words weigh more; a word nobody wrote still counts, as a miss.
      const weight = Math.log(1 + (n + 1) / (1 + best));
      const byWord = new Map<string, WordMatch>();
      for (const [w, match] of words) byWord.set(vocab[w]!, match);
      terms.push({ text: token.norm, weight, words, byWord });
    }
    return terms;
  }

  function search(query: string, limit = 20): SearchResult<T>[] {
    if (limit <= 0 || n === 0) return [];
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0);

    // Pass 1: weighted share of the query found in each entry, through posting lists.
    stamp++;
    if (stamp + terms.length + 1 >= 0xffffffff) {
      termStamp.fill(0);
      entryStamp.fill(0);
      stamp = 1;
    }
    const entryStampNow = stamp;
    let candidateCount = 0;
    // Rare words first: they pick the candidates. A word found in a large share of the entries
    // ("the", "said") then only scores the entries already picked, by binary search in its
    // posting lists, instead of walking tens of thousands of postings.
    const cost = (term: QueryTerm) => {
      let sum = 0;
      for (const w of term.words.keys()) sum += df(w);
      return sum;
    };
    const byCost = terms.map((term) => ({ term, cost: cost(term) })).sort((a, b) => a.cost - b.cost);
    for (const { term, cost: termCost } of byCost) {
      stamp++;
      let touchedCount = 0;
      const restrict = candidateCount > 0 && termCost > Math.max(RESTRICT_MIN_POSTINGS, 8 * candidateCount);
      for (const [w, match] of term.words) {
        const score = match.score;
        const from = postingStart[w]!;
        const to = postingStart[w + 1]!;
        if (!restrict) {
          for (let i = from; i < to; i++) {
            const e = postings[i]!;
            if (termStamp[e] !== stamp) {
              termStamp[e] = stamp;
              termBest[e] = score;
              termTouched[touchedCount++] = e;
            } else if (termBest[e]! < score) termBest[e] = score;
          }
          continue;
        }
        const walk = to - from <= 4 * candidateCount;
        const visit = (e: number) => {
          if (termStamp[e] !== stamp) {
            termStamp[e] = stamp;
            termBest[e] = score;
            termTouched[touchedCount++] = e;
          } else if (termBest[e]! < score) termBest[e] = score;
        };
        if (walk) {
          for (let i = from; i < to; i++) {
            const e = postings[i]!;
            if (entryStamp[e] === entryStampNow) visit(e);
          }
        } else {
          for (let c = 0; c < candidateCount; c++) {
            const e = candidateList[c]!;
            let lo = from;
            let hi = to;
            while (lo < hi) {
              const mid = (lo + hi) >>> 1;
              if (postings[mid]! < e) lo = mid + 1;
              else hi = mid;
            }
            if (lo < to && postings[lo] === e) visit(e);
          }
        }
      }
      const share = term.weight / totalWeight;
      for (let i = 0; i < touchedCount; i++) {
        const e = termTouched[i]!;
        if (entryStamp[e] !== entryStampNow) {
          entryStamp[e] = entryStampNow;
          entryScore[e] = 0;
          candidateList[candidateCount++] = e;
        }
        entryScore[e] += share * termBest[e]!;
      }
    }
    const candidates = candidateList.subarray(0, candidateCount);
    if (candidates.length === 0) return [];

    // Keep the best for pass 2 (short entries first among equals: names before long claims).
    const keep = Math.max(MIN_RERANK, limit * 4);
    const coarse = (e: number) => entryScore[e]! - Math.min(tokenCount[e]!, 1000) * 1e-6;
    const top = selectTop(candidates, keep, coarse);

    // Pass 2: proximity, order and length, on the entries' word ids.
    const t = terms.length;
    const rows = new Map<number, Float64Array>(); // word id → its score for each query word
    terms.forEach((term, i) => {
      for (const [w, match] of term.words) {
        let row = rows.get(w);
        if (!row) rows.set(w, (row = new Float64Array(t)));
        row[i] = match.score;
      }
    });
    const shares = terms.map((term) => term.weight / totalWeight);
    const best = new Float64Array(t);
    const bestAt = new Int32Array(t);
    const scored = top.map((e) => {
      best.fill(0);
      bestAt.fill(-1);
      const from = entryTokenStart[e]!;
      const to = entryTokenStart[e + 1]!;
      for (let k = from; k < to; k++) {
        const row = rows.get(tokenIds[k]!);
        if (!row) continue;
        for (let i = 0; i < t; i++) {
          if (row[i]! > best[i]!) {
            best[i] = row[i]!;
            bestAt[i] = k - from;
          }
        }
      }
      return { e, score: finalScore(best, bestAt, shares, to - from) };
    });
    scored.sort((a, b) => b.score - a.score || entries[a.e]!.text.length - entries[b.e]!.text.length);

    // Highlights for the results returned only.
    return scored.slice(0, limit).map(({ e, score }) => {
      const entry = entries[e]!;
      return { entry, score, matches: highlights(entry.text, terms, normCache) };
    });
  }

  return {
    search,
    get size() {
      return n;
    },
    get vocabularySize() {
      return v;
    },
  };
}

/** The `k` items with the largest `score`, best first (a bounded min-heap). */
function selectTop(items: Uint32Array, k: number, score: (item: number) => number): number[] {
  if (items.length <= k) return Array.from(items).sort((a, b) => score(b) - score(a));
  const heap = new Uint32Array(k);
  const s = new Float64Array(k);
  let size = 0;
  for (let n = 0; n < items.length; n++) {
    const item = items[n]!;
    const sc = score(item);
    if (size < k) {
      let i = size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (s[p]! <= sc) break;
        heap[i] = heap[p]!;
        s[i] = s[p]!;
        i = p;
      }
      heap[i] = item;
      s[i] = sc;
    } else if (sc > s[0]!) {
      // Replace the root and sift down.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= k) break;
        const r = l + 1;
        const c = r < k && s[r]! < s[l]! ? r : l;
        if (s[c]! >= sc) break;
        heap[i] = heap[c]!;
        s[i] = s[c]!;
        i = c;
      }
      heap[i] = item;
      s[i] = sc;
    }
  }
  const order = Array.from({ length: size }, (_, i) => i).sort((a, b) => s[b]! - s[a]!);
  return order.map((i) => heap[i]!);
}

/** Share of the query found (weighted), with bonuses for words close together, in the order typed, in a short entry. */
function finalScore(best: Float64Array, bestAt: Int32Array, shares: number[], tokenCount: number): number {
  let base = 0;
  let found = 0;
  let first = Infinity;
  let last = -Infinity;
  let inOrder = 0;
  let previous = -1;
  for (let i = 0; i < best.length; i++) {
    base += shares[i]! * best[i]!;
    const at = bestAt[i]!;
    if (at < 0) continue;
    if (found > 0 && at > previous) inOrder++;
    previous = at;
    found++;
    if (at < first) first = at;
    if (at > last) last = at;
  }
  let proximity = 0;
  let order = 0;
  if (found >= 2) {
    const span = last - first + 1;
    proximity = (found - 1) / (span - 1 || 1);
    order = inOrder / (found - 1);
  } else if (found === 1) {
    proximity = 1;
    order = 1;
  }
  // Short entries (names) first among equals; a text wholly matched gets the full share.
  const shortness = tokenCount === 0 ? 0 : Math.min(1, found / tokenCount) * 0.5 + 0.5 / (1 + tokenCount / 40);
  return base * 0.8 + base * (0.1 * Math.min(1, proximity) + 0.05 * order + 0.05 * shortness);
}

/** Ranges of `text` that the query words matched: each word once, with the part that matched. */
function highlights(text: string, terms: QueryTerm[], cache: Map<string, string>): [number, number][] {
  const ranges: [number, number][] = [];
  for (const token of tokenize(text, cache)) {
    let bestTerm = -1;
    let bestMatch: WordMatch | undefined;
    for (let t = 0; t < terms.length; t++) {
      const match = terms[t]!.byWord.get(token.norm);
      if (match && (!bestMatch || match.score > bestMatch.score)) {
        bestMatch = match;
        bestTerm = t;
      }
    }
    if (bestMatch) ranges.push(highlightRange(text, token, terms[bestTerm]!.text, bestMatch.part));
  }
  return mergeRanges(ranges);
}

/** The part of `token` (within `text`) that query word `q` matched, mapped back through normalisation. */
function highlightRange(text: string, token: Token, q: string, part: Part): [number, number] {
  if (part === 'whole') return [token.start, token.end];
  const at = part === 'prefix' ? 0 : token.norm.indexOf(q);
  const length = part === 'prefix' ? Math.min(q.length, token.norm.length) : q.length;
  // Walk the original characters, counting the normalised length each one produces.
  let normPos = 0;
  let start = token.start;
  let end = token.end;
  let startSet = at === 0;
  for (let i = token.start; i < token.end; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    normPos += normalizeWord(String.fromCodePoint(cp)).length;
    i += width;
    if (!startSet && normPos > at) {
      start = i - width;
      startSet = true;
    }
    if (normPos >= at + length) {
      end = i;
      break;
    }
  }
  // A prefix typo ("recnstr" for "reconstruction") covers a little more than the query's length.
  return [start, Math.max(end, start + 1)];
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
