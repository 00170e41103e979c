// The source register: what the reporter knows about each source and the text alone cannot say —
// on record or not, why anonymity was granted, how the source knows, the agreed description, the
// transcript labels that are this source, and private contact notes.
//
// Kept next to the draft (front matter `sources:` block, or `.source-trace/sources.yaml`) and nowhere
// else. Contact notes are dropped from every result unless the caller asks for them explicitly.
// Pure: the `yaml` package is plain JavaScript and runs in a web worker.
import { parse as parseYaml } from 'yaml';
import type { Actor, RegisterEntry } from './types';

/** Workspace file of the register, relative to the workspace (or draft) folder. */
export const REGISTER_FILE = '.source-trace/sources.yaml';

export class RegisterError extends Error {}

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `on_record`, `onRecord`, `On-Record` → `onrecord`. */
function keyOf(key: string): string {
  return key.toLowerCase().replace(/[\s_-]+/g, '');
}

function field(entry: Dict, ...names: string[]): unknown {
  const wanted = new Set(names.map(keyOf));
  for (const [key, value] of Object.entries(entry)) if (wanted.has(keyOf(key))) return value;
  return undefined;
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join('; ') || null;
  return null;
}

function list(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map(text).filter((v): v is string => v !== null);
  const single = text(value);
  return single ? single.split(/\s*[,;]\s*/).filter(Boolean) : [];
}

function flag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (['yes', 'true', 'on', 'y'].includes(v)) return true;
    if (['no', 'false', 'off', 'n'].includes(v)) return false;
  }
  return null;
}

/**
 * One register entry from a YAML mapping. Friendly keys: name, aliases, role, on_record / onRecord,
 * anonymous: true, reason, how_they_know, description, labels, contact / contact_notes.
 */
export function toRegisterEntry(raw: Dict, fallbackName?: string): RegisterEntry | null {
  const description = text(field(raw, 'description', 'agreed_description', 'described_as'));
  const name = text(field(raw, 'name', 'actor', 'who')) ?? fallbackName ?? description;
  if (!name) return null;
  const anonymous = flag(field(raw, 'anonymous'));
  const onRecordRaw = flag(field(raw, 'on_record', 'onrecord', 'on-record'));
  const onRecord = onRecordRaw ?? (anonymous === null ? true : !anonymous);
  const entry: RegisterEntry = {
    name,
    aliases: list(field(raw, 'aliases', 'alias', 'aka')),
    role: text(field(raw, 'role', 'title')),
    onRecord,
    reason: text(field(raw, 'reason', 'anonymity_reason', 'why_anonymous')),
    howTheyKnow: text(field(raw, 'how_they_know', 'howtheyknow', 'how_known', 'knowledge', 'basis')),
    description,
    labels: list(field(raw, 'labels', 'label', 'speaker', 'speaker_labels')),
  };
  const contact = text(field(raw, 'contact_notes', 'contactnotes', 'contact', 'contacts', 'notes'));
  if (contact) entry.contactNotes = contact;
  return entry;
}

/** Entries from a parsed YAML value: a list of entries, `{ sources: [...] }`, or a map name → entry. Strings (file globs) are skipped. */
export function registerFromValue(value: unknown): RegisterEntry[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) {
    return value.filter(isDict).map((item) => toRegisterEntry(item)).filter((e): e is RegisterEntry => e !== null);
  }
  if (isDict(value)) {
    const inner = field(value, 'sources', 'register');
    if (inner !== undefined) return registerFromValue(inner);
    // A single entry, or a map of name → entry.
    if (field(value, 'name') !== undefined) return [toRegisterEntry(value)].filter((e): e is RegisterEntry => e !== null);
    return Object.entries(value)
      .map(([name, item]) => (isDict(item) ? toRegisterEntry(item, name) : null))
      .filter((e): e is RegisterEntry => e !== null);
  }
  return [];
}

/** Parses a register file (`.source-trace/sources.yaml`). Throws `RegisterError` on invalid YAML. */
export function parseRegister(yamlText: string): RegisterEntry[] {
  let value: unknown;
  try {
    value = parseYaml(yamlText);
  } catch (error) {
    throw new RegisterError(`invalid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  return registerFromValue(value);
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

function frontMatterSources(draftText: string): unknown {
  const match = FRONT_MATTER.exec(draftText);
  if (!match || !/^sources\s*:/m.test(match[1])) return undefined;
  try {
    const value = parseYaml(match[1]);
    return isDict(value) ? field(value, 'sources') : undefined;
  } catch {
    return undefined; // broken front matter: the engine reads the draft anyway
  }
}

/** Register entries from the draft's front matter `sources:` block (mappings; strings there are file globs). */
export function registerFromFrontMatter(draftText: string): RegisterEntry[] {
  const value = frontMatterSources(draftText);
  if (isDict(value)) {
    const register = field(value, 'register', 'people');
    return register !== undefined ? registerFromValue(register) : registerFromValue(value);
  }
  return registerFromValue(value);
}

/** Source-material globs from the draft's front matter: the strings of `sources:` (or `sources: { files: [...] }`). */
export function sourceGlobsFromFrontMatter(draftText: string): string[] {
  const value = frontMatterSources(draftText);
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (isDict(value)) return list(field(value, 'files', 'material', 'globs'));
  return [];
}

/** A copy without contact notes, unless they were asked for. */
export function publicEntry(entry: RegisterEntry, includeContactNotes = false): RegisterEntry {
  const { contactNotes, ...rest } = entry;
  const copy: RegisterEntry = { ...rest, aliases: [...rest.aliases], labels: [...rest.labels] };
  if (includeContactNotes && contactNotes) copy.contactNotes = contactNotes;
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Matching entries to actors

const ARTICLES = new Set(['a', 'an', 'the']);
const STOP = new Set(['a', 'an', 'the', 'of', 'at', 'in', 'on', 'to', 'for', 'with', 'and', 'who', 'from', 'by']);

/** Lower case, "anonymous:" and leading articles dropped, punctuation removed. */
export function normalizeName(name: string): string {
  const words = name
    .replace(/^anonymous:\s*/i, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}'\s-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && ARTICLES.has(words[0])) words.shift();
  return words.join(' ');
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

export function contentWords(text: string): Set<string> {
  return new Set(normalizeName(text).split(/[\s-]+/).filter((w) => w && !STOP.has(w)).map(singular));
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}

export function isAnonymousEntry(entry: RegisterEntry): boolean {
  return !entry.onRecord;
}

/** Names an entry answers to. */
export function entryNames(entry: RegisterEntry): string[] {
  return [entry.name, ...entry.aliases, ...(entry.description ? [entry.description] : [])];
}

/**
 * How well an entry fits an actor: 1 for the same name or alias, 0.5–1 for an anonymous source
 * described with mostly the same words ("a senior ministry official" ~ "a senior official at the
 * ministry"), 0 otherwise.
 */
export function entryScore(entry: RegisterEntry, actor: Actor): number {
  const actorNames = [actor.name, ...actor.aliases].map(normalizeName).filter(Boolean);
  const names = entryNames(entry).map(normalizeName).filter(Boolean);
  for (const n of names) if (actorNames.includes(n)) return 1;
  if (actor.kind !== 'anonymous') {
    // "Osei" in the register for "Amara Osei" in the text, or the reverse: a shared surname.
    for (const n of names) {
      for (const a of actorNames) {
        const nw = n.split(' ');
        const aw = a.split(' ');
        if ((nw.length === 1 || aw.length === 1) && nw[nw.length - 1] === aw[aw.length - 1] && nw[nw.length - 1].length > 2) return 0.9;
      }
    }
    return 0;
  }
  if (isAnonymousEntry(entry) === false) return 0;
  let best = 0;
  for (const n of names) {
    const words = contentWords(n);
    for (const a of actorNames) {
      const score = overlap(words, contentWords(a));
      if (score > best) best = score;
    }
  }
  return best >= 0.6 ? 0.5 + best / 2 - 0.01 : 0;
}

/** The register entry for each actor (best fit; each entry used once). Actor id → entry. */
export function matchRegister(actors: readonly Actor[], entries: readonly RegisterEntry[]): Map<string, RegisterEntry> {
  const pairs: Array<{ actor: Actor; entry: RegisterEntry; score: number }> = [];
  for (const actor of actors) {
    for (const entry of entries) {
      const score = entryScore(entry, actor);
      if (score > 0) pairs.push({ actor, entry, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const out = new Map<string, RegisterEntry>();
  const used = new Set<RegisterEntry>();
  for (const { actor, entry } of pairs) {
    if (out.has(actor.id) || used.has(entry)) continue;
    out.set(actor.id, entry);
    used.add(entry);
  }
  return out;
}

/** Front matter entries first, then the workspace file's; an entry named twice keeps the first. */
export function mergeRegisters(...lists: ReadonlyArray<readonly RegisterEntry[] | undefined>): RegisterEntry[] {
  const out: RegisterEntry[] = [];
  const seen = new Set<string>();
  for (const entries of lists) {
    for (const entry of entries ?? []) {
      const key = normalizeName(entry.name);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(entry);
    }
  }
  return out;
}
