// Lookup of fixed phrases in a draft's words: cue verbs ("said", "pointed out") and hedges ("appeared
// to"). Phrases are filed by their first word, longest first — looking words up beats one large
// regular expression, and the draft is tokenised once already (mentions.ts).
import { type Word, isCapitalized } from './mentions';

interface Phrase {
  /** The phrase in lower case, words joined by single spaces. */
  text: string;
  parts: string[];
}

export type PhraseTable = Map<string, Phrase[]>;

export function phraseTable(phrases: Iterable<string>): PhraseTable {
  const table: PhraseTable = new Map();
  for (const phrase of phrases) {
    const text = phrase.toLowerCase();
    const parts = text.split(' ');
    const list = table.get(parts[0]) ?? [];
    list.push({ text, parts });
    list.sort((a, b) => b.parts.length - a.parts.length);
    table.set(parts[0], list);
  }
  return table;
}

/**
 * Offers, at each word, the longest phrase of the table that starts there (its words separated by white
 * space only, compared in lower case). `take` says whether the phrase is used: the walk then goes on
 * after it, otherwise at the next word.
 */
export function matchPhrases(prose: string, words: Word[], table: PhraseTable, take: (phrase: string, first: Word, last: Word) => boolean): void {
  for (let i = 0; i < words.length; i++) {
    const first = words[i];
    // Most words are already lower case: look them up as written, lower-casing only capitalised ones.
    const candidates = table.get(first.text) ?? (isCapitalized(first.text) ? table.get(first.text.toLowerCase()) : undefined);
    if (!candidates) continue;
    for (const { text, parts } of candidates) {
      if (i + parts.length > words.length) continue;
      let ok = true;
      for (let k = 1; k < parts.length && ok; k++) {
        const next = words[i + k];
        ok = next.text.toLowerCase() === parts[k] && /^\s+$/.test(prose.slice(words[i + k - 1].end, next.start));
      }
      if (!ok) continue;
      if (take(text, first, words[i + parts.length - 1])) i += parts.length - 1;
      break;
    }
  }
}
