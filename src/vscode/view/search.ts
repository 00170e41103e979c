// Quick-pick items for Find Actor / Find Claim / Find in Workspace. Pure: fuse.js scores, the adapter shows.
import Fuse from 'fuse.js';
import type { FuseResultMatch, IFuseOptions } from 'fuse.js';
import { actorById, claimsOf } from '../../core/chains';
import { createSearchIndex } from '../../core/search-index';
import type { SearchEntry } from '../../core/search-index';
import type { Analysis, Range } from '../../core/types';
import {
  CLAIM_TYPE_ICONS,
  CLAIM_TYPE_LABELS,
  KIND_ICONS,
  KIND_SINGULAR,
  LineIndex,
  STANCE_ICON,
  STANCE_WORD,
  UNATTRIBUTED_ICON,
  excerpt,
  plural,
  stanceHolder,
  stanceWords,
  stancesIn,
  stancesOf,
} from './labels';
import { firstMention } from './tree';

/** A quick-pick item before it meets the editor API (no `vscode` import here). */
export interface PickItem {
  label: string;
  description?: string;
  detail?: string;
  /** Codicon id for `iconPath`. */
  icon: string;
  /** Ranges of `label` the query matched ([start, end), end exclusive). */
  highlights: [number, number][];
  /** Where to go when picked. */
  target: Range;
  /** Set for workspace results: the file to open. */
  uri?: string;
  /** Always shown: fuse.js has already filtered, the quick pick must not filter again. */
  alwaysShow: true;
}

interface Record {
  kind: 'actor' | 'claim';
  /** The text shown as the label and searched under the `label` key. */
  label: string;
  secondary: string[];
  item: PickItem;
}

const LABEL_MAX = 90;

// Names are short and typed from memory: allow typos, ignore where in the name the match is.
const ACTOR_OPTIONS: IFuseOptions<Record> = {
  keys: [
    { name: 'label', weight: 3 },
    { name: 'secondary', weight: 1 },
  ],
  threshold: 0.34,
  ignoreLocation: true,
  includeMatches: true,
  minMatchCharLength: 2,
};

// Claims are long and searched by a few remembered words: token search with every word required
// ("cracks roof" finds "cracks in the roof"), a stricter threshold keeps fuzzy noise out, and the
// field norm is ignored so long quotes still rank.
const CLAIM_OPTIONS: IFuseOptions<Record> = {
  keys: [
    { name: 'label', weight: 2 },
    { name: 'secondary', weight: 1 },
  ],
  useTokenSearch: true,
  tokenMatch: 'all',
  threshold: 0.28,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  includeMatches: true,
  minMatchCharLength: 2,
};

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cut(text: string): string {
  return text.length <= LABEL_MAX ? text : `${text.slice(0, LABEL_MAX - 1)}…`;
}

function actorRecords(analysis: Analysis): Record[] {
  return analysis.actors.map((actor) => {
    const claims = claimsOf(analysis, actor.id);
    const stances = stancesOf(analysis, actor.id).length;
    const label = flat(actor.name);
    const first = claims[0];
    const held = stances > 0 ? ` · ${plural(stances, STANCE_WORD)}` : '';
    return {
      kind: 'actor' as const,
      label,
      secondary: [...(actor.title ? [actor.title] : []), ...actor.aliases.filter((alias) => alias !== actor.name)],
      item: {
        label: cut(label),
        description: [actor.title, KIND_SINGULAR[actor.kind]].filter(Boolean).join(' · '),
        detail: first ? `${plural(claims.length, 'claim')}${held} · “${excerpt(first.content.text, 70)}”` : `no claims${held}`,
        icon: KIND_ICONS[actor.kind],
        highlights: [],
        target: firstMention(actor) ?? { start: 0, end: 0 },
        alwaysShow: true,
      },
    };
  });
}

function claimRecords(analysis: Analysis, lines?: LineIndex): Record[] {
  const records: Record[] = analysis.claims.map((claim) => {
    const actor = actorById(analysis, claim.actor);
    const who = actor?.name ?? claim.source?.text ?? 'unknown source';
    const label = flat(claim.content.text);
    return {
      kind: 'claim' as const,
      label,
      secondary: [who, ...(actor?.title ? [actor.title] : []), ...(claim.cue ? [claim.cue.text] : [])],
      item: {
        label: cut(label),
        description: `— ${who}${claim.cue ? ` · ${claim.cue.text}` : ''}`,
        detail: [CLAIM_TYPE_LABELS[claim.type], lines ? `line ${lines.line(claim.content.start)}` : null].filter(Boolean).join(' · '),
        icon: CLAIM_TYPE_ICONS[claim.type],
        highlights: [],
        target: { start: claim.content.start, end: claim.content.end },
        alwaysShow: true,
      },
    };
  });
  for (const span of analysis.unattributed) {
    const label = flat(span.text);
    records.push({
      kind: 'claim',
      label,
      secondary: ['unattributed', 'no source'],
      item: {
        label: cut(label),
        description: '— no source',
        detail: ['Unattributed sentence', lines ? `line ${lines.line(span.start)}` : null].filter(Boolean).join(' · '),
        icon: UNATTRIBUTED_ICON,
        highlights: [],
        target: { start: span.start, end: span.end },
        alwaysShow: true,
      },
    });
  }
  // Stances are found like claims but read as stances: their own icon, "stance" in the description and detail.
  // Pushed last, so at the same offset they follow the unattributed sentence they sit in (the sort is stable).
  for (const stance of stancesIn(analysis)) {
    const actor = actorById(analysis, stance.actor);
    const who = stanceHolder(stance, actor) ?? 'no named holder';
    const label = flat(stanceWords(stance));
    records.push({
      kind: 'claim',
      label,
      secondary: [who, ...(actor?.title ? [actor.title] : []), ...(stance.cue ? [stance.cue.text] : []), STANCE_WORD],
      item: {
        label: cut(label),
        description: `— ${STANCE_WORD} · ${who}`,
        detail: ['Stance (a position, not a quote)', lines ? `line ${lines.line(stance.content.start)}` : null].filter(Boolean).join(' · '),
        icon: STANCE_ICON,
        highlights: [],
        target: { start: stance.content.start, end: stance.content.end },
        alwaysShow: true,
      },
    });
  }
  return records.sort((a, b) => a.item.target.start - b.item.target.start);
}

/** Label ranges matched by the query, clipped to what the label shows. */
export function labelHighlights(matches: readonly FuseResultMatch[] | undefined, labelLength: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of matches ?? []) {
    if (match.key !== 'label') continue;
    for (const [start, end] of match.indices) {
      if (start >= labelLength) continue;
      ranges.push([start, Math.min(end + 1, labelLength)]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

function run(records: Record[], options: IFuseOptions<Record>, query: string, limit: number): PickItem[] {
  const trimmed = query.trim();
  if (!trimmed) return records.slice(0, limit).map((record) => record.item);
  const fuse = new Fuse(records, options);
  return fuse.search(trimmed, { limit }).map((result) => ({
    ...result.item.item,
    highlights: labelHighlights(result.matches, result.item.item.label.length),
  }));
}

/** Items for Find Actor…: every actor when the query is empty, otherwise fuzzy matches, best first. */
export function actorPickItems(analysis: Analysis, query = '', limit = 200): PickItem[] {
  return run(actorRecords(analysis), ACTOR_OPTIONS, query, limit);
}

/** Items for Find Claim…: claims, unattributed sentences and stances (marked) in reading order, or fuzzy matches, best first. */
export function claimPickItems(analysis: Analysis, query = '', limit = 200, text?: string): PickItem[] {
  return run(claimRecords(analysis, text === undefined ? undefined : new LineIndex(text)), CLAIM_OPTIONS, query, limit);
}

/** One file's contribution to Find in Workspace. */
export interface WorkspaceFileEntries {
  uri: string;
  /** Shown in the description ("drafts/harbour.md"). */
  path: string;
  records: Record[];
}

/** Indexes one analysed file for Find in Workspace. */
export function workspaceEntries(uri: string, path: string, analysis: Analysis, text: string): WorkspaceFileEntries {
  const lines = new LineIndex(text);
  const records = [...actorRecords(analysis), ...claimRecords(analysis, lines)];
  for (const record of records) {
    record.item.uri = uri;
    const line = lines.line(record.item.target.start);
    record.item.detail = `${path}:${line}${record.item.detail ? ` · ${record.item.detail.replace(/ · line \d+$/, '')}` : ''}`;
    record.secondary = [...record.secondary, path];
  }
  return { uri, path, records };
}

/** Find in Workspace over every indexed file, built once per change of the files. */
export interface WorkspaceSearch {
  search(query: string, limit?: number): PickItem[];
  readonly size: number;
}

interface IndexedPick extends SearchEntry {
  pick: PickItem;
}

/**
 * Uses the engine's search index (src/core/search-index.ts): word-level prefix and typo matching through
 * posting lists, fast at tens of thousands of claims, where fuse.js would scan every entry per keystroke.
 * The searched text is the label first, then who/title/cue/path, so highlights in the label line up.
 */
export function createWorkspaceSearch(files: readonly WorkspaceFileEntries[]): WorkspaceSearch {
  const entries: IndexedPick[] = [];
  for (const file of files) {
    file.records.forEach((record, index) => {
      entries.push({ id: `${file.uri}#${index}`, text: [record.label, ...record.secondary].join(' · '), kind: record.kind, file: file.path, pick: record.item });
    });
  }
  const index = createSearchIndex(entries);
  return {
    size: entries.length,
    search(query, limit = 200) {
      if (!query.trim()) return entries.slice(0, limit).map((entry) => entry.pick);
      return index.search(query, limit).map((result) => ({
        ...result.entry.pick,
        highlights: result.matches
          .filter(([start]) => start < result.entry.pick.label.length)
          .map(([start, end]): [number, number] => [start, Math.min(end, result.entry.pick.label.length)]),
      }));
    },
  };
}

export function searchWorkspace(files: readonly WorkspaceFileEntries[], query: string, limit = 200): PickItem[] {
  return createWorkspaceSearch(files).search(query, limit);
}
