// Stage 3: mentions. Finds who is named in the prose — people with their titles, organisations,
// countries and the capitals that stand for them, groups, anonymous sources and documents — and
// classifies the noun phrase that stands before an attribution cue.
import type { ActorKind } from './types';
import type { Gender, LanguageData } from './lang';
import { firstIndex } from './sorted';

export interface Mention {
  start: number;
  end: number;
  kind: ActorKind;
  /** Canonical name ("North Korea" for "Pyongyang", "Mark Rutte" for "NATO Secretary General Mark Rutte"). */
  name: string;
  title: string | null;
  gender: Gender | null;
  /** How the mention refers: by name, by pronoun, by a role noun ("the mayor"), or by description. */
  form: 'name' | 'pronoun' | 'role' | 'description';
  /** Head word for role and description mentions ("mayor", "ministry", "officials"). */
  head: string | null;
  /** For a document ("the hospital's figures") or a description ("Lumora's chief executive"), the owner named. */
  owner: string | null;
}

export interface Lexicon {
  lang: LanguageData;
  titles: string[]; // longest first
  titleSet: Set<string>;
  roleNouns: string[]; // longest first
  roleSet: Set<string>;
  adverbSet: Set<string>;
  orgWords: Set<string>;
  knownOrgs: Map<string, string>;
  countryByName: Map<string, string>; // lower-case surface → canonical country
  nonName: Set<string>;
  months: Set<string>;
  anonymousHeads: Set<string>;
  groupHeads: Set<string>;
  documentHeads: Set<string>;
  determiners: Set<string>;
}

export function createLexicon(lang: LanguageData): Lexicon {
  const countryByName = new Map<string, string>();
  for (const [country, names] of Object.entries(lang.countries)) {
    countryByName.set(country.toLowerCase(), country);
    for (const name of names) countryByName.set(name.toLowerCase(), country);
  }
  for (const [capital, country] of Object.entries(lang.capitalMetonyms)) countryByName.set(capital.toLowerCase(), country);
  const byLength = (a: string, b: string): number => b.length - a.length;
  return {
    lang,
    titles: [...lang.titles].sort(byLength),
    titleSet: new Set(lang.titles.map((t) => t.toLowerCase())),
    roleNouns: [...lang.roleNouns].sort(byLength),
    roleSet: new Set(lang.roleNouns),
    adverbSet: new Set(lang.adverbsBeforeCue),
    orgWords: new Set(lang.organizationWords),
    knownOrgs: new Map(lang.knownOrganizations.map((o) => [o.toLowerCase(), o])),
    countryByName,
    nonName: new Set(lang.nonNameWords),
    months: new Set(lang.monthsAndDays),
    anonymousHeads: new Set(lang.anonymousHeads),
    groupHeads: new Set(lang.groupHeads),
    documentHeads: new Set(lang.documentHeads),
    determiners: new Set(lang.determiners),
  };
}

const ORG_HEADS = /^(company|firm|group|government|agency|ministry|department|bank|union|hospital|court|council|party|charity|website|site|outlet|newspaper|broadcaster|campaign|administration|regime|military|army|police|authority|authorities|inspectorate|trust|commission|board|service|office|university|school|institute|network|committee|corporation|utility|team|club|league|federation|association|cabinet|parliament|legislature|senate|assembly|embassy|consulate|prosecutor's office)$/;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[’'\-.][\p{L}\p{N}\p{M}]+)*\.?/gu;

export interface Word {
  start: number;
  end: number;
  text: string;
}

// The words of the document being analysed, tokenised once: every stage asks for words of a range.
let tokenized: { prose: string; words: Word[]; phrases: Map<string, Mention | null> } | null = null;

/** Tokenises a whole document once; later `wordsIn` calls on it slice the cached list. */
export function primeWords(prose: string): void {
  tokenized = null;
  tokenized = { prose, words: scanWords(prose, 0, prose.length), phrases: new Map() };
}

export function wordsIn(prose: string, start: number, end: number): Word[] {
  if (tokenized && tokenized.prose === prose) {
    const all = tokenized.words;
    const low = firstIndex(all, (word) => word.end > start);
    let stop = low;
    while (stop < all.length && all[stop].end <= end) stop++;
    const straddlesStart = low < all.length && all[low].start < start;
    const straddlesEnd = stop < all.length && all[stop].start < end;
    if (!straddlesStart && !straddlesEnd) return all.slice(low, stop);
  }
  return scanWords(prose, start, end);
}

function scanWords(prose: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = 0;
  const slice = prose.slice(start, end);
  let match: RegExpExecArray | null;
  while ((match = WORD.exec(slice))) {
    let text = match[0];
    // Keep the period only for abbreviations and initials ("Dr.", "U.S."); a sentence end is not part of a word.
    if (text.endsWith('.') && !/^(?:\p{Lu}|(?:\p{L}\.)+\p{L}|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Adm|Prof|Rev|St|Jr|Sr|Inc|Ltd|Corp|Co|No)\.$/u.test(text)) {
      text = text.slice(0, -1);
    }
    words.push({ start: start + match.index, end: start + match.index + text.length, text });
  }
  return words;
}

/** Whether a lower-case phrase ends with a role noun ("the company's chief executive"). */
export function endsWithRole(lower: string, lex: Lexicon): boolean {
  const words = lower.trim().split(/\s+/);
  for (let n = 1; n <= 3 && n <= words.length; n++) if (lex.roleSet.has(words.slice(words.length - n).join(' '))) return true;
  return false;
}

/** The longest role noun standing as whole words in a lower-case phrase, or undefined. */
function findRole(lower: string, lex: Lexicon): string | undefined {
  const words = lower.split(/[^\p{L}’'-]+/u).filter(Boolean);
  let best: string | undefined;
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= 3 && i + n <= words.length; n++) {
      const phrase = words.slice(i, i + n).join(' ');
      if (lex.roleSet.has(phrase) && (!best || phrase.length > best.length)) best = phrase;
    }
  }
  return best;
}

/** Whether a lower-case phrase starts with a role noun. */
export function startsWithRole(lower: string, lex: Lexicon): boolean {
  const words = lower.trim().split(/\s+/);
  for (let n = 1; n <= 3 && n <= words.length; n++) if (lex.roleSet.has(words.slice(0, n).join(' '))) return true;
  return false;
}

export function isCapitalized(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90; // ASCII fast path: this runs for every word
  return /^\p{Lu}/u.test(word);
}

function stripPossessive(word: string): string {
  return word.replace(/[’']s$/u, '').replace(/[’']$/u, '');
}

/** Canonical form used to compare names: lower case, no leading "the", no punctuation. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A run of capitalised words (with lower-case connectors inside names: "of", "for", "al-", "bin")
 * starting at word index i. Returns the index after the run.
 */
function capitalRun(words: Word[], i: number, prose: string, lex: Lexicon): number {
  let j = i;
  while (j < words.length) {
    const w = words[j];
    if (j > i && /[,;:()"“”.!?—–]|\s-\s/.test(prose.slice(words[j - 1].end, w.start))) break;
    // A country name right after a name starts a new phrase: "Rutte South Korea's willingness".
    if (j > i && isCapitalized(words[j - 1].text) && !lex.nonName.has(words[j - 1].text) && startsCountry(words, j, lex)) break;
    if (isCapitalized(w.text) || /^(?:al|el|bin|ibn|van|von|de|da|di|du|del|der|la|le)-?$/.test(w.text) && j > i && j + 1 < words.length && isCapitalized(words[j + 1].text)) {
      j++;
      continue;
    }
    // A title with a lower-case word in it: "Council member Tom Reyes".
    if (j > i && j + 1 < words.length && isCapitalized(words[j + 1].text) && lex.titleSet.has(`${words[j - 1].text.toLowerCase()} ${w.text.toLowerCase()}`)) {
      j++;
      continue;
    }
    // "of" / "for" / "and" inside an organisation name: "Federal Aviation Office of Germany";
    // "of" / "to" inside a title: "US Secretary of State Mike Pompeo", "Ambassador to Germany".
    if ((w.text === 'of' || w.text === 'for' || w.text === 'and' || w.text === 'on' || w.text === 'to') && j > i && j + 1 < words.length && isCapitalized(words[j + 1].text) && !lex.months.has(words[j + 1].text)) {
      const sofar = words.slice(i, j).map((x) => x.text);
      if ((w.text === 'of' || w.text === 'to') && lex.titleSet.has(sofar[sofar.length - 1].toLowerCase())) {
        j++;
        continue;
      }
      const orgSoFar = sofar.some((x) => lex.orgWords.has(stripPossessive(x)));
      if ((orgSoFar && w.text !== 'and') || (orgSoFar && w.text === 'and' && !lex.knownOrgs.has(sofar.join(' ').toLowerCase())) || (w.text !== 'and' && lex.knownOrgs.has(sofar.join(' ').toLowerCase()))) {
        j++;
        continue;
      }
    }
    break;
  }
  return j;
}

export function startsCountry(words: Word[], j: number, lex: Lexicon): boolean {
  const one = stripPossessive(words[j].text).toLowerCase();
  const two = j + 1 < words.length ? `${one} ${stripPossessive(words[j + 1].text).toLowerCase()}` : '';
  return lex.countryByName.has(one) || (two !== '' && lex.countryByName.has(two));
}

export interface NounPhraseOptions {
  /** Whether the phrase begins a sentence (so its first word's capital letter means nothing). */
  sentenceInitial: boolean;
}

/**
 * Reads a noun phrase that stands as the source of a claim: "NATO Secretary General Mark Rutte",
 * "the South Korean National Intelligence Service", "he", "the mayor", "a senior official who spoke
 * on condition of anonymity", "Lumora's most recent annual report". Returns null when it does not
 * look like a source at all.
 */
export function classifyNounPhrase(prose: string, start: number, end: number, lex: Lexicon): Mention | null {
  // The same phrase is classified from several stages: remember the answer for this draft.
  if (tokenized && tokenized.prose === prose) {
    const key = `${start}:${end}`;
    const cached = tokenized.phrases.get(key);
    if (cached !== undefined) return cached;
    const fresh = classifyUncached(prose, start, end, lex);
    tokenized.phrases.set(key, fresh);
    return fresh;
  }
  return classifyUncached(prose, start, end, lex);
}

function classifyUncached(prose: string, start: number, end: number, lex: Lexicon): Mention | null {
  const words = wordsIn(prose, start, end);
  if (words.length === 0) return null;
  const base = (kind: ActorKind, name: string, form: Mention['form'], extra: Partial<Mention> = {}): Mention => ({
    start: words[0].start,
    end: words[words.length - 1].end,
    kind,
    name,
    title: null,
    gender: null,
    form,
    head: null,
    owner: null,
    ...extra,
  });
  const lowerWords = words.map((w) => w.text.toLowerCase());

  // "Darnell Pryce, president of the union": the name is the source, the appositive its title.
  const comma = topLevelComma(prose, start, end);
  if (comma >= 0) {
    const head = classifyNounPhrase(prose, start, comma, lex);
    const rest = prose.slice(comma + 1, end).trim().replace(/,$/, '');
    if (head && head.kind === 'person' && head.form === 'name') {
      return { ...head, title: head.title ?? (rest.replace(/^(a|an|the)\s+/i, '').replace(/\s+/g, ' ') || null), end: words[words.length - 1].end };
    }
    const tail = classifyNounPhrase(prose, comma + 1, end, lex);
    if (tail && tail.kind === 'person' && tail.form === 'name') {
      return { ...tail, title: tail.title ?? prose.slice(start, comma).trim().replace(/^(the)\s+/i, '').replace(/\s+/g, ' '), start: words[0].start };
    }
    if (head) return { ...head, end: words[words.length - 1].end };
  }

  // Poll respondents: "59 percent", "more than 4 in 10", "a majority of Democrats" said …
  if (words.length <= 8 && isShareOfPeople(lowerWords, lex)) {
    return base('group', prose.slice(words[0].start, words[words.length - 1].end).replace(/\s+/g, ' '), 'description', { head: 'respondents' });
  }

  // "the city of Alden", "the State of Ohio": a local or state government, named after its place.
  const seat = /^(?:[Tt]he\s+)?([Cc]ity|[Tt]own|[Cc]ounty|[Ss]tate|[Vv]illage|[Pp]rovince|[Mm]unicipality|[Bb]orough|[Gg]overnment)\s+of\s+(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3})$/u.exec(prose.slice(words[0].start, words[words.length - 1].end));
  if (seat) return base('organization', `${seat[1][0].toUpperCase()}${seat[1].slice(1).toLowerCase()} of ${seat[2]}`, 'name');

  // Pronouns, and a plural noun that only looks like a name because it opens the sentence ("Retailers").
  if (words.length === 1 && (lex.groupHeads.has(lowerWords[0]) || lex.anonymousHeads.has(lowerWords[0])) && !lex.knownOrgs.has(lowerWords[0])) {
    return describeUnnamed(base, lowerWords[0], words[0].text, lex, false);
  }
  if (words.length === 1) {
    const gender = lex.lang.pronouns[lowerWords[0]];
    if (gender) return base('person', lowerWords[0], 'pronoun', { gender });
  }

  // Look for a proper name: the longest capitalised run that is not just a sentence opener — but a
  // person named first wins over the body named after ("Mike Ryan of the World Health Organization").
  let best: { from: number; to: number } | null = null;
  let firstRun: { from: number; to: number } | null = null;
  for (let i = 0; i < words.length; i++) {
    if (!isCapitalized(words[i].text)) continue;
    const to = capitalRun(words, i, prose, lex);
    if (!firstRun) firstRun = { from: i, to };
    if (!best || to - i > best.to - best.from) best = { from: i, to };
    i = to - 1;
  }
  if (firstRun && best && firstRun !== best && firstRun.from <= 1) {
    const firstWords = words.slice(firstRun.from, firstRun.to).map((w) => stripPossessive(w.text));
    const typedFirst = entityFromRun(firstWords, lex);
    const between = lowerWords.slice(firstRun.to, best.from);
    if (typedFirst && typedFirst.kind === 'person' && (firstWords.length >= 2 || typedFirst.title) && between.length > 0 && /^(of|from|at|for|with)$/.test(between[0])) best = firstRun;
  }

  const anonymous = prose.slice(start, end).toLowerCase();
  const headIndex = findHead(lowerWords, lex);
  const head = headIndex >= 0 ? lowerWords[headIndex] : null;
  const determinerFirst = lex.determiners.has(lowerWords[0]) || /^(a|an|one|two|three|four|five|several|some)$/.test(lowerWords[0]);
  const indefinite = /^(a|an|one|two|three|four|five|six|several|some|many|other)$/.test(lowerWords[0]);

  // "a Brightline Research poll for the Port Calder Herald": a document named after its author.
  for (let i = 0; i < words.length; i++) {
    if (!isCapitalized(words[i].text)) continue;
    const to = capitalRun(words, i, prose, lex);
    if (to < words.length && lex.documentHeads.has(lowerWords[to]) && i <= 2) {
      const owner = cleanEntityName(words.slice(i, to).map((w) => stripPossessive(w.text)), lex);
      const typed = entityFromRun(owner.split(' '), lex);
      if (typed && typed.kind !== 'person') return base('document', owner, 'description', { head: lowerWords[to], owner: typed.name });
    }
    i = to - 1;
  }

  if (best) {
    const nameWords = words.slice(best.from, best.to).map((w) => stripPossessive(w.text));
    const possessive = /[’']s?$/.test(words[best.to - 1].text) && best.to < words.length;
    if (possessive) {
      // "Lumora's chief executive", "the hospital's figures", "Harrow's spokesperson, Tomas Reyes".
      const ownerName = cleanEntityName(nameWords, lex);
      const rest = lowerWords.slice(best.to);
      // An appositive name after the description wins: "Harrow's spokesperson, Tomas Reyes".
      const afterComma = words.slice(best.to).findIndex((w, k) => k > 0 && isCapitalized(w.text) && /,\s*$/.test(prose.slice(words[best.to + k - 1].end, w.start)));
      if (afterComma > 0) {
        const nameStart = best.to + afterComma;
        const nameEnd = capitalRun(words, nameStart, prose, lex);
        const name = words.slice(nameStart, nameEnd).map((w) => w.text).join(' ');
        return base('person', name, 'name', { title: rest.slice(0, afterComma).join(' ') + ' of ' + ownerName });
      }
      const restHead = rest.length ? rest[rest.length - 1] : '';
      if (lex.documentHeads.has(restHead)) return base('document', ownerName, 'description', { head: restHead, owner: ownerName });
      if (ORG_HEADS.test(restHead) && !lex.anonymousHeads.has(restHead)) {
        // "Peru's national civil defence agency": a body of its own, named by the whole phrase.
        return base('organization', `${ownerName} ${rest.join(' ')}`, 'name', { head: restHead });
      }
      if (rest.some((r) => lex.roleSet.has(r) || lex.roleSet.has(rest.join(' ')))) {
        return base('person', `${ownerName} ${rest.join(' ')}`, 'role', { head: rest.join(' '), owner: ownerName, title: rest.join(' ') });
      }
    }
    // A capitalised first word of the sentence that is just an opener ("The", "Both") is not a name.
    const typed = entityFromRun(nameWords, lex);
    if (typed) {
      // "two rescue workers from the national police", "German officials": an unnamed member of a named body.
      if (head && (lex.anonymousHeads.has(head) || lex.groupHeads.has(head)) && headIndex >= best.to) {
        return describeUnnamed(base, head, prose.slice(start, end), lex, indefinite);
      }
      if (head && headIndex >= best.to && lex.documentHeads.has(head)) {
        return base('document', typed.name, 'description', { head, owner: typed.name });
      }
      if (typed.kind === 'country' && head && headIndex >= best.to && lex.roleSet.has(head)) {
        return base('person', prose.slice(start, end).trim(), 'role', { head, title: `${typed.name} ${head}` });
      }
      const extra: Partial<Mention> = { title: typed.title, gender: typed.gender };
      return base(typed.kind, typed.name, typed.kind === 'person' ? 'name' : 'name', extra);
    }
  }

  if (!head) return null;
  // "the bank's new projections", "the hospital's figures": a document owned by a body already named.
  const possessiveOwner = words.findIndex((w, k) => k < words.length - 1 && /[’']s$/.test(w.text));
  if (possessiveOwner >= 0 && lex.documentHeads.has(head)) {
    const ownerWord = stripPossessive(lowerWords[possessiveOwner]);
    if (ORG_HEADS.test(ownerWord) || lex.orgWords.has(ownerWord[0].toUpperCase() + ownerWord.slice(1))) {
      return base('document', prose.slice(start, end).trim(), 'description', { head, owner: `the ${ownerWord}` });
    }
  }
  if (lex.anonymousHeads.has(head) || (lex.groupHeads.has(head) && !determinerFirst)) {
    return describeUnnamed(base, head, prose.slice(start, end), lex, indefinite);
  }
  if (lex.groupHeads.has(head)) return base('group', prose.slice(start, end).trim().replace(/^the\s+/i, ''), 'description', { head });
  if (lex.documentHeads.has(head)) return base('document', prose.slice(start, end).trim(), 'description', { head });
  // Whole words only: "speaking" does not hold the role "king".
  const roleMatch = findRole(anonymous, lex);
  if (roleMatch) {
    if (indefinite) return base('anonymous', 'anonymous: ' + prose.slice(start, end).trim().replace(/^(a|an|one)\s+/i, ''), 'description', { head: roleMatch });
    return base('person', roleMatch, 'role', { head: roleMatch, title: roleMatch });
  }
  // "the ministry", "the company", "the union": an organisation already named.
  const orgHead = [...lex.orgWords].find((word) => word.toLowerCase() === head);
  if (orgHead || ORG_HEADS.test(head)) {
    // Keep the modifiers: "the interior ministry" is not just any ministry.
    const phrase = lowerWords.filter((w) => !lex.determiners.has(w)).join(' ');
    return base('organization', phrase || head, 'role', { head });
  }
  return null;
}

function topLevelComma(prose: string, start: number, end: number): number {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = prose[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) return i;
  }
  return -1;
}

const NUMBER_WORD = /^(?:\d+(?:[.,]\d+)?%?|one|two|three|four|five|six|seven|eight|nine|ten|half|two-thirds|three-quarters|one-third|one-quarter)$/;

/** "59 percent of voters", "more than 4 in 10", "a majority": a number (or "a"/"the") and a proportion word
 *  within the first few words. */
function isShareOfPeople(lowerWords: string[], lex: Lexicon): boolean {
  // Most phrases have neither a digit nor a fraction word: answer those without building anything.
  if (!lowerWords.some((w) => /\d|^(?:majority|plurality|third|thirds|quarter|quarters|half|two-thirds|three-quarters)$/.test(w))) return false;
  const firstNumber = lowerWords.findIndex((w) => NUMBER_WORD.test(w) || /^\d/.test(w));
  const text = ` ${lowerWords.slice(0, 5).join(' ')} `;
  const proportion = lex.lang.proportions.some((p) => text.includes(` ${p} `) || (p === '%' && /\d%/.test(text)));
  if (!proportion) return false;
  if (firstNumber >= 0 && firstNumber <= 3) return true;
  return /^(?:a|the)\s+(?:majority|plurality|third|quarter|half)\b/.test(text.trim()) || /^(?:half|two-thirds|three-quarters)\b/.test(text.trim());
}

function describeUnnamed(
  base: (kind: ActorKind, name: string, form: Mention['form'], extra?: Partial<Mention>) => Mention,
  head: string,
  text: string,
  lex: Lexicon,
  indefinite: boolean,
): Mention {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  // Named groups ("residents", "critics") are groups; unnamed officials and sources are anonymous.
  const isGroup = lex.groupHeads.has(head) && !lex.anonymousHeads.has(head);
  const short = trimmed.replace(/,.*$/, '').replace(/^(a|an|one|the)\s+/i, '');
  if (isGroup && !indefinite) return base('group', short, 'description', { head });
  return base('anonymous', 'anonymous: ' + short, 'description', { head });
}

function findHead(lowerWords: string[], lex: Lexicon): number {
  // The head noun is the last word before a post-modifier ("officials familiar with…", "aide who…").
  let limit = lowerWords.length;
  const cut = lowerWords.findIndex((w, i) => i > 0 && /^(who|which|that|from|with|at|of|in|on|familiar|close|briefed|speaking|whom|whose)$/.test(w));
  if (cut > 0) limit = cut;
  for (let i = limit - 1; i >= 0; i--) {
    const w = stripPossessive(lowerWords[i]);
    if (lex.anonymousHeads.has(w) || lex.groupHeads.has(w) || lex.documentHeads.has(w) || lex.roleSet.has(w) || /^[a-z]/.test(w)) return i;
  }
  return limit - 1;
}

interface TypedEntity {
  kind: ActorKind;
  name: string;
  title: string | null;
  gender: Gender | null;
}

/** Strips a leading "The" and possessive from a run of capitalised words. */
function cleanEntityName(nameWords: string[], lex: Lexicon): string {
  let words = [...nameWords];
  while (words.length > 1 && lex.nonName.has(words[0])) words = words.slice(1);
  return words.join(' ');
}

/** Decides what a capitalised run names. */
export function entityFromRun(nameWords: string[], lex: Lexicon): TypedEntity | null {
  let words = [...nameWords];
  while (words.length > 0 && lex.nonName.has(words[0]) && !lex.titleSet.has(words[0].toLowerCase())) words = words.slice(1);
  if (words.length === 0) return null;
  const joined = words.join(' ');
  const lowerJoined = joined.toLowerCase();

  if (lex.knownOrgs.has(lowerJoined)) return { kind: 'organization', name: lex.knownOrgs.get(lowerJoined)!, title: null, gender: null };
  if (words.some((w) => lex.orgWords.has(w)) && !lex.titleSet.has(lowerJoined)) {
    // Titles made of org words ("Council President Angela Whitcombe") are people.
    const titled = splitTitle(words, lex);
    if (titled && titled.name.length > 0 && !titled.name.some((w) => lex.orgWords.has(w))) {
      return { kind: 'person', name: titled.name.join(' '), title: titled.title, gender: genderOfTitle(titled.title, lex) };
    }
    return { kind: 'organization', name: joined, title: null, gender: null };
  }
  const country = lex.countryByName.get(lowerJoined);
  if (country) return { kind: 'country', name: country, title: null, gender: null };
  if (lex.months.has(joined)) return null;

  const titled = splitTitle(words, lex);
  if (titled) {
    if (titled.name.length === 0) return null; // a bare title: "President"
    // "NATO Secretary General Mark Rutte": keep the organisation in the title.
    return { kind: 'person', name: titled.name.join(' '), title: titled.title, gender: genderOfTitle(titled.title, lex) };
  }
  // Knowing the org words fails for short brand names; two or more capitalised words read as a person.
  if (words.length >= 2 && words.length <= 5 && words.every((w) => !lex.months.has(w))) {
    const allCountryish = words.every((w) => lex.countryByName.has(w.toLowerCase()));
    if (allCountryish) return null;
    return { kind: 'person', name: joined, title: null, gender: null };
  }
  if (words.length === 1 && /^\p{Lu}{2,6}$/u.test(words[0])) return { kind: 'organization', name: words[0], title: null, gender: null };
  // "Officials", "Residents" opening a sentence are not names.
  if (words.length === 1 && (lex.groupHeads.has(words[0].toLowerCase()) || lex.anonymousHeads.has(words[0].toLowerCase()))) return null;
  if (words.length === 1) return { kind: 'person', name: joined, title: null, gender: null };
  return null;
}

function genderOfTitle(title: string | null, lex: Lexicon): Gender | null {
  if (!title) return null;
  for (const [word, gender] of Object.entries(lex.lang.genderedTitles)) {
    if (new RegExp(`(^|\\s)${word.replace('.', '\\.')}($|\\s)`).test(title)) return gender;
  }
  return null;
}

/**
 * Splits leading title words from a name: ["NATO", "Secretary", "General", "Mark", "Rutte"] →
 * title "NATO Secretary General", name ["Mark", "Rutte"]. Organisation or country words before a
 * title belong to the title ("US Secretary of State", "Police Chief").
 */
function splitTitle(words: string[], lex: Lexicon): { title: string; name: string[] } | null {
  // Token matching against the title set: a regular expression per title was the engine's hot spot.
  const lower = words.map((w) => w.toLowerCase());
  let bestEnd = -1;
  for (let end = Math.min(words.length, 9); end >= 1 && bestEnd < 0; end--) {
    for (let start = 0; start < end && start <= 4; start++) {
      if (!lex.titleSet.has(lower.slice(start, end).join(' '))) continue;
      // Words before the title qualify it ("NATO Secretary General", "US Secretary of State").
      if (lower.slice(0, start).every((w, i) => /^\p{Lu}/u.test(words[i]) || w === 'of' || w === 'the')) {
        bestEnd = end;
        break;
      }
    }
  }
  if (bestEnd < 0) return null;
  // "Ambassador to Germany", "Secretary of State", "Mayor of Eastbrook": the title's complement.
  if (bestEnd + 1 < words.length && /^(of|to|for)$/.test(lower[bestEnd])) {
    let next = bestEnd + 1;
    if (lower[next] === 'the') next++;
    if (next < words.length && /^\p{Lu}/u.test(words[next])) {
      next++;
      // One more capitalised word of the complement only when a name still follows it.
      if (next + 2 <= words.length && /^\p{Lu}/u.test(words[next] ?? '') && lex.countryByName.has(`${lower[next - 1]} ${lower[next]}`)) next++;
      bestEnd = next;
    }
  }
  return { title: words.slice(0, bestEnd).join(' '), name: words.slice(bestEnd) };
}


/**
 * Every named entity in a stretch of prose (used to list actors beyond the speakers: the countries,
 * organisations and people a story is about).
 */
export function scanNamedEntities(prose: string, start: number, end: number, sentenceStarts: Set<number>, lex: Lexicon): Mention[] {
  const words = wordsIn(prose, start, end);
  const found: Mention[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!isCapitalized(words[i].text)) continue;
    const to = capitalRun(words, i, prose, lex);
    let from = i;
    // Skip sentence-initial openers and lone sentence-initial words that are not known entities.
    while (from < to && lex.nonName.has(stripPossessive(words[from].text)) && !lex.titleSet.has(words[from].text.toLowerCase())) from++;
    if (from < to) {
      const nameWords = words.slice(from, to).map((w) => stripPossessive(w.text));
      // An all-capitals run of several words is a dateline or a shouted heading, not a name.
      const shouted = to - from > 1 && nameWords.every((w) => !/\p{Ll}/u.test(w));
      const typed = shouted ? null : entityFromRun(nameWords, lex);
      const single = to - from === 1;
      const initial = sentenceStarts.has(words[from].start);
      if (typed && !(single && typed.kind === 'person')) {
        if (!(single && initial && typed.kind === 'organization' && !lex.knownOrgs.has(nameWords[0].toLowerCase()) && !/^\p{Lu}{2,}$/u.test(nameWords[0]))) {
          const endOffset = /[’']s?$/.test(words[to - 1].text) ? words[to - 1].start + stripPossessive(words[to - 1].text).length : words[to - 1].end;
          found.push({
            start: words[from].start,
            end: endOffset,
            kind: typed.kind,
            name: typed.name,
            title: typed.title,
            gender: typed.gender,
            form: 'name',
            head: null,
            owner: null,
          });
        }
      } else if (single) {
        // A lone capitalised word may be a surname or a country/capital; record it for resolution later.
        const country = lex.countryByName.get(nameWords[0].toLowerCase());
        if (country) {
          found.push({ start: words[from].start, end: words[from].start + nameWords[0].length, kind: 'country', name: country, title: null, gender: null, form: 'name', head: null, owner: null });
        } else if (typed && typed.kind === 'person' && !lex.nonName.has(nameWords[0])) {
          // A surname on its own ("Adamowicz"): counts only if someone of that name was introduced.
          found.push({ start: words[from].start, end: words[from].start + nameWords[0].length, kind: 'person', name: nameWords[0], title: null, gender: null, form: 'name', head: 'surname', owner: null });
        }
      }
    }
    i = to - 1;
  }
  return found;
}

/** Role nouns opening a sentence ("The prime minister did not say…"): subjects for later pronouns. */
export function scanRoleSubjects(prose: string, sentenceStarts: number[], lex: Lexicon): Mention[] {
  const out: Mention[] = [];
  for (const start of sentenceStarts) {
    const match = /^(?:The|the)\s+((?:[\p{Ll}’'-]+\s+){0,2}[\p{Ll}’'-]+)/u.exec(prose.slice(start, start + 60));
    if (!match) continue;
    const words = match[1].split(/\s+/);
    for (let n = Math.min(3, words.length); n >= 1; n--) {
      const role = words.slice(0, n).join(' ');
      if (!lex.roleSet.has(role)) continue;
      const end = start + match[0].indexOf(match[1]) + role.length;
      out.push({ start, end, kind: 'person', name: role, title: role, gender: null, form: 'role', head: role, owner: null });
      break;
    }
  }
  return out;
}
