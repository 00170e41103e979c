// Stage 7: actors. One record per real-world actor, however the draft refers to it: "Yoon Suk-yeol",
// "Yoon", "he"; "Pyongyang" and "North Korea"; "the South Korean National Intelligence Service".
import type { Actor, ActorKind, Range } from './types';
import type { Gender } from './lang';
import { type Mention, normalizeName } from './mentions';

export interface ActorRecord {
  id: string;
  name: string;
  kind: ActorKind;
  title: string | null;
  gender: Gender | null;
  mentions: Range[];
  /** Offset of the latest mention: recency for pronouns and role nouns. */
  lastSeen: number;
  /** Claims attributed to it, or relayed by it. */
  speaker: boolean;
  /** Set when the actor was first known only by a role ("the governor", "the hospital"). */
  role: string | null;
}

const ORG_ROLE_WORDS: Record<string, string[]> = {
  union: ['Union', 'Alliance', 'Federation', 'Association', 'Guild'],
  company: ['Company', 'Corporation', 'Corp', 'Inc', 'Ltd', 'Labs', 'Group', 'Holdings', 'Airlines', 'Air'],
  firm: ['Company', 'Corporation', 'Labs', 'Group', 'Partners', 'Securities', 'Capital'],
  government: [],
  website: ['com', 'News', 'Media'],
  site: ['com', 'News', 'Media'],
  charity: ['Network', 'Foundation', 'Trust', 'Relief', 'Aid'],
  bank: ['Bank'],
  inspectorate: ['Inspectorate'],
  authorities: [],
};

/** Whether a title holds a role: "Mayor of Eastbrook" is a mayor; "Deputy Governor" is not a governor. */
function holdsRole(title: string | null, role: string): boolean {
  if (!title) return false;
  const lower = title.toLowerCase();
  const at = lower.indexOf(role);
  if (at < 0) return false;
  const before = lower.slice(0, at);
  return !/\b(deputy|vice|former|ex-|assistant|acting|lieutenant)\s*$/.test(before) || /\b(deputy|vice|former|assistant|acting)\b/.test(role);
}

export class ActorRegistry {
  readonly records: ActorRecord[] = [];
  private nextId = 1;


  private readonly normalized = new Map<ActorRecord, { name: string; norm: string }>();
  private readonly byNorm = new Map<string, ActorRecord>();

  /** Normalised name, cached: names change when a fuller form is seen, so the cache checks. */
  private norm(record: ActorRecord): string {
    const cached = this.normalized.get(record);
    if (cached && cached.name === record.name) return cached.norm;
    const norm = normalizeName(record.name);
    this.normalized.set(record, { name: record.name, norm });
    return norm;
  }

  private readonly tokenCache = new Map<ActorRecord, { name: string; tokens: string[] }>();

  /** Lower-case words of a record's name, cached (these lookups run for every mention). */
  private tokens(record: ActorRecord): string[] {
    const cached = this.tokenCache.get(record);
    if (cached && cached.name === record.name) return cached.tokens;
    const tokens = record.name.toLowerCase().split(/\s+/);
    this.tokenCache.set(record, { name: record.name, tokens });
    return tokens;
  }

  private create(kind: ActorKind, name: string, title: string | null, gender: Gender | null): ActorRecord {
    const record: ActorRecord = { id: `a${this.nextId++}`, name, kind, title, gender, mentions: [], lastSeen: -1, speaker: false, role: null };
    this.records.push(record);
    return record;
  }

  private readonly byEnd = new Map<number, ActorRecord>();
  private readonly seen = new Set<string>();

  note(record: ActorRecord, range: Range): void {
    const key = `${record.id}:${range.start}:${range.end}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      record.mentions.push({ start: range.start, end: range.end });
    }
    this.byEnd.set(range.end, record);
    record.lastSeen = Math.max(record.lastSeen, range.start);
  }

  /** The actor whose mention ends just before an offset: the antecedent of "…, which said". */
  endingNear(offset: number, distance: number): ActorRecord | null {
    for (let end = offset; end >= offset - distance; end--) {
      const record = this.byEnd.get(end);
      if (record && this.records.includes(record)) return record;
    }
    return null;
  }

  /** Finds the actor a named mention refers to, creating it on first mention. */
  named(mention: Mention, allowCreate = true): ActorRecord | null {
    const tokens = mention.name.split(/\s+/);
    const norm = normalizeName(mention.name);
    if (mention.kind === 'country') {
      return this.records.find((r) => r.kind === 'country' && r.name === mention.name) ?? (allowCreate ? this.create('country', mention.name, null, null) : null);
    }
    // Exact name first, any kind (an organisation first seen through a role noun keeps its record).
    // Most mentions repeat a name already seen: remember where it was found (names can change, so check).
    const remembered = this.byNorm.get(norm);
    const exact =
      remembered && this.norm(remembered) === norm && remembered.kind !== 'anonymous' && remembered.kind !== 'group'
        ? remembered
        : this.records.find((r) => this.norm(r) === norm && r.kind !== 'anonymous' && r.kind !== 'group');
    if (exact) this.byNorm.set(norm, exact);
    if (exact) {
      this.upgrade(exact, mention);
      return exact;
    }
    if (mention.kind === 'person') {
      // "Rutte" after "Mark Rutte"; "Yoon" after "Yoon Suk-yeol" (family name first).
      if (tokens.length === 1) {
        const token = tokens[0].toLowerCase();
        // A surname met in running text must be the last name ("Adamowicz"), or the family name written
        // first ("Yoon" of "Yoon Suk-yeol"); "Riverton" does not make "Riverton Ledger" a second time.
        const fits = (r: ActorRecord): boolean => {
          const words = this.tokens(r);
          if (mention.head !== 'surname') return words.includes(token);
          return words[words.length - 1] === token || (words[0] === token && words.length === 2 && words[1].includes('-'));
        };
        const match = this.mostRecent((r) => (r.kind === 'person' || r.kind === 'organization') && fits(r));
        if (match) return match;
        const prefix = mention.head === 'surname' ? null : this.mostRecent((r) => r.kind === 'organization' && r.name.toLowerCase().startsWith(token + ' '));
        if (prefix) return prefix;
      } else {
        // A full name that extends a surname seen first, or the same person with a middle name.
        const last = tokens[tokens.length - 1].toLowerCase();
        const first = tokens[0].toLowerCase();
        const match = this.mostRecent((r) => {
          if (r.kind !== 'person') return false;
          const other = this.tokens(r);
          return other[other.length - 1] === last && (other.length === 1 || other[0] === first || other[0].startsWith(first[0]));
        });
        if (match) {
          if (tokens.length > match.name.split(/\s+/).length) match.name = mention.name;
          this.upgrade(match, mention);
          return match;
        }
      }
    }
    if (mention.kind === 'organization') {
      const acronym = tokens.filter((t) => /^\p{Lu}/u.test(t) && !/^(of|the|and|for)$/i.test(t)).map((t) => t[0]).join('');
      const match = this.mostRecent((r) => {
        if (r.kind !== 'organization') return false;
        const other = this.norm(r);
        const otherAcronym = r.name.split(/\s+/).filter((t) => /^\p{Lu}/u.test(t) && !/^(of|the|and|for)$/i.test(t)).map((t) => t[0]).join('');
        return other.startsWith(norm + ' ') || norm.startsWith(other + ' ') || (tokens.length === 1 && (otherAcronym === mention.name || r.name.includes(`(${mention.name})`))) || (r.name.split(/\s+/).length === 1 && acronym === r.name);
      });
      if (match) {
        if (mention.name.length > match.name.length && tokens.length > 1) match.name = mention.name;
        return match;
      }
    }
    return allowCreate ? this.create(mention.kind, mention.name, mention.title, mention.gender) : null;
  }

  private upgrade(record: ActorRecord, mention: Mention): void {
    if (!record.title && mention.title) record.title = mention.title;
    if (!record.gender && mention.gender) record.gender = mention.gender;
  }

  /** An actor described rather than named: anonymous sources, groups, documents without an owner. */
  described(mention: Mention): ActorRecord {
    const norm = normalizeName(mention.name);
    const existing = this.records.find((r) => r.kind === mention.kind && this.norm(r) === norm);
    return existing ?? this.create(mention.kind, mention.name, mention.title, null);
  }

  /** An actor known so far only by its role; merged later if the draft names it. */
  byRoleOnly(kind: ActorKind, phrase: string, head: string): ActorRecord {
    const existing = this.records.find((r) => r.role !== null && r.kind === kind && r.name === phrase);
    if (existing) return existing;
    const record = this.create(kind, phrase, kind === 'person' ? phrase : null, null);
    record.role = head;
    return record;
  }

  /**
   * "the interior ministry", "the statistics office", "the company": the latest organisation whose
   * name holds the phrase's words; null when none does and the phrase is specific enough to stand alone.
   */
  byOrganizationPhrase(phrase: string, head: string): ActorRecord | null {
    const words = phrase.toLowerCase().split(/\s+/).filter((w) => w !== head && w.length > 2);
    const tokens = (r: ActorRecord): string[] => r.name.toLowerCase().split(/[\s.]+/);
    if (words.length > 0) {
      const full = this.mostRecent((r) => r.kind === 'organization' && r.role === null && words.every((w) => tokens(r).includes(w)));
      if (full) return full;
      const partial = this.mostRecent((r) => r.kind === 'organization' && r.role === null && words.some((w) => tokens(r).includes(w)) && tokens(r).includes(head));
      if (partial) return partial;
      return null;
    }
    return this.byOrganizationWord(head);
  }

  /** Folds actors first known by a role into the named actor the role belongs to. */
  mergeRoles(): Map<ActorRecord, ActorRecord> {
    const merged = new Map<ActorRecord, ActorRecord>();
    for (const record of this.records) {
      if (record.role === null) continue;
      const head = record.role.toLowerCase();
      const target =
        record.kind === 'person'
          ? this.records.find((r) => r !== record && r.kind === 'person' && r.role === null && holdsRole(r.title, head))
          : this.records.find((r) => r !== record && r.kind === 'organization' && r.role === null && r.name.toLowerCase().split(/[\s.]+/).includes(head));
      if (!target) continue;
      for (const m of record.mentions) this.note(target, m);
      target.speaker = target.speaker || record.speaker;
      merged.set(record, target);
    }
    for (const gone of merged.keys()) this.records.splice(this.records.indexOf(gone), 1);
    return merged;
  }

  /** "the mayor", "the NATO Secretary General": the latest person whose title holds the role. */
  byRole(role: string): ActorRecord | null {
    const lower = role.toLowerCase();
    return this.mostRecent((r) => r.kind === 'person' && r.role === null && holdsRole(r.title, lower));
  }

  /** "the ministry", "the union", "the company": the latest organisation the word fits. */
  byOrganizationWord(word: string): ActorRecord | null {
    const capital = word[0].toUpperCase() + word.slice(1);
    // The body the story is about beats the one named last: "the bank" in a central-bank story.
    const direct = this.mostSalient((r) => r.kind === 'organization' && r.name.split(/[\s.]+/).some((t) => t === capital || t.toLowerCase() === word));
    if (direct) return direct;
    const related = ORG_ROLE_WORDS[word];
    if (related && related.length) {
      const match = this.mostRecent((r) => r.kind === 'organization' && r.name.split(/[\s.]+/).some((t) => related.includes(t)));
      if (match) return match;
    }
    if (word === 'government' || word === 'authorities' || word === 'regime') return this.mostRecent((r) => r.kind === 'country');
    if (/^(company|firm|group|website|site|outlet|organisation|organization)$/.test(word)) {
      return this.mostRecent((r) => r.kind === 'organization' && r.speaker) ?? this.mostRecent((r) => r.kind === 'organization');
    }
    return null;
  }

  mostSalient(predicate: (record: ActorRecord) => boolean): ActorRecord | null {
    let best: ActorRecord | null = null;
    for (const record of this.records) {
      if (!predicate(record)) continue;
      if (!best || record.mentions.length > best.mentions.length || (record.mentions.length === best.mentions.length && record.lastSeen > best.lastSeen)) best = record;
    }
    return best;
  }

  mostRecent(predicate: (record: ActorRecord) => boolean): ActorRecord | null {
    let best: ActorRecord | null = null;
    for (const record of this.records) if (predicate(record) && (!best || record.lastSeen > best.lastSeen)) best = record;
    return best;
  }
}

/** The actors worth listing: every speaker, every named person, and bodies the story keeps returning to. */
export function buildActors(registry: ActorRegistry, source: string): Actor[] {
  const actors: Actor[] = [];
  for (const record of registry.records) {
    const named = record.mentions.length;
    // People the story only mentions in passing, with no title and a single mention, are not listed:
    // capitalised runs ("Labour Day", "Great Orchestra") too often look like names.
    const keep =
      record.speaker ||
      (record.kind === 'person' && record.name.split(/\s+/).length >= 2 && !/^(the|a|an)\s/i.test(record.name) && (record.title !== null || named >= 2)) ||
      (record.kind === 'organization' && named >= 2) ||
      (record.kind === 'country' && named >= 3);
    if (!keep) continue;
    const mentions = [...record.mentions].sort((a, b) => a.start - b.start).map((m) => ({ start: m.start, end: m.end, text: source.slice(m.start, m.end) }));
    const aliases: string[] = [];
    for (const mention of mentions) {
      const text = mention.text.replace(/\s+/g, ' ');
      if (/^(he|she|they|it|him|her|them|his|its|their|who|which|i|we)$/i.test(text)) continue;
      if (text !== record.name && !aliases.includes(text)) aliases.push(text);
    }
    actors.push({ id: record.id, name: record.name, kind: record.kind, title: record.title, aliases, mentions });
  }
  return actors;
}
