// Export Source List: one row per claim (and per actor without claims), as Markdown, CSV or JSON. Pure.
import { actorById, claimsOf } from '../../core/chains';
import type { Actor, Analysis, RegisterEntry } from '../../core/types';
import { CLAIM_TYPE_LABELS, KIND_SINGULAR, LineIndex } from './labels';
import { publicRegister, registerColumns } from './evidence';
import type { RegisterColumns } from './evidence';

export type ExportFormat = 'markdown' | 'csv' | 'json';

/** What beyond the claims goes into an export. Both off by default: the register stays next to the draft. */
export interface ExportOptions {
  /** Register details per actor (standing, role, reason for anonymity, how they know, agreed description). */
  register?: boolean;
  /** Private contact notes too; only with `register`, and only when the user's setting allows it. */
  contactNotes?: boolean;
}

export interface SourceRow {
  actor: string;
  kind: string;
  title: string;
  claimType: string;
  cue: string;
  claim: string;
  line: number | null;
  /** Only when register details were asked for. */
  register?: RegisterColumns;
}

/** Rows in reading order of claims; actors that claim nothing come after; unattributed sentences last. */
export function sourceRows(analysis: Analysis, text: string, options: ExportOptions = {}): SourceRow[] {
  const rows = baseRows(analysis, text);
  if (!options.register) return rows.map(({ row }) => row);
  return rows.map(({ row, actor }) => ({ ...row, register: registerColumns(actor, options.contactNotes === true) }));
}

function baseRows(analysis: Analysis, text: string): { row: SourceRow; actor: Actor | null }[] {
  const lines = new LineIndex(text);
  const rows: { row: SourceRow; actor: Actor | null }[] = [];
  const push = (row: SourceRow, actor: Actor | null) => rows.push({ row, actor });
  for (const claim of analysis.claims) {
    const actor = actorById(analysis, claim.actor);
    push({
      actor: actor?.name ?? claim.source?.text ?? '(unidentified)',
      kind: actor ? KIND_SINGULAR[actor.kind] : '',
      title: actor?.title ?? '',
      claimType: CLAIM_TYPE_LABELS[claim.type],
      cue: claim.cue?.text ?? '',
      claim: oneLine(claim.content.text),
      line: lines.line(claim.content.start),
    }, actor);
  }
  for (const actor of analysis.actors) {
    if (claimsOf(analysis, actor.id).length > 0) continue;
    const mention = actor.mentions[0];
    push({
      actor: actor.name,
      kind: KIND_SINGULAR[actor.kind],
      title: actor.title ?? '',
      claimType: '',
      cue: '',
      claim: '',
      line: mention ? lines.line(mention.start) : null,
    }, actor);
  }
  for (const span of analysis.unattributed) {
    push({ actor: '(no source)', kind: '', title: '', claimType: 'Unattributed', cue: '', claim: oneLine(span.text), line: lines.line(span.start) }, null);
  }
  return rows;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

type Column = keyof Omit<SourceRow, 'register'> | `register.${keyof RegisterColumns}`;

const HEADERS: readonly [Column, string][] = [
  ['actor', 'Actor'],
  ['kind', 'Kind'],
  ['title', 'Title'],
  ['claimType', 'Type'],
  ['cue', 'Cue'],
  ['claim', 'Claim'],
  ['line', 'Line'],
];

const REGISTER_HEADERS: readonly [Column, string][] = [
  ['register.standing', 'On record'],
  ['register.role', 'Role'],
  ['register.reason', 'Why anonymous'],
  ['register.howTheyKnow', 'How they know'],
  ['register.description', 'Agreed description'],
];

/** The columns of these rows: register columns only when the rows carry them, contact notes only when allowed. */
function headers(rows: readonly SourceRow[]): readonly [Column, string][] {
  const withRegister = rows.find((row) => row.register);
  if (!withRegister?.register) return HEADERS;
  const extra = [...REGISTER_HEADERS];
  if (withRegister.register.contactNotes !== undefined) extra.push(['register.contactNotes', 'Contact notes']);
  return [...HEADERS.slice(0, -1), ...extra, HEADERS[HEADERS.length - 1]];
}

function cell(row: SourceRow, key: Column): string {
  if (key.startsWith('register.')) return row.register?.[key.slice('register.'.length) as keyof RegisterColumns] ?? '';
  const value = row[key as keyof Omit<SourceRow, 'register'>];
  return value === null ? '' : String(value);
}

export function toMarkdownTable(rows: readonly SourceRow[], title?: string): string {
  const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  const out: string[] = [];
  if (title) out.push(`# Sources: ${title}`, '');
  const columns = headers(rows);
  out.push(`| ${columns.map(([, header]) => header).join(' | ')} |`);
  out.push(`| ${columns.map(([key]) => (key === 'line' ? '---:' : '---')).join(' | ')} |`);
  for (const row of rows) out.push(`| ${columns.map(([key]) => escape(cell(row, key))).join(' | ')} |`);
  return `${out.join('\n')}\n`;
}

/** RFC 4180: quote fields with commas, quotes or line breaks; CRLF line ends. Cells starting with = + - @ are
 *  prefixed with a quote mark so spreadsheets do not run them as formulas. */
export function toCsv(rows: readonly SourceRow[]): string {
  const field = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const columns = headers(rows);
  const lines = [columns.map(([, header]) => header).join(',')];
  for (const row of rows) lines.push(columns.map(([key]) => field(cell(row, key))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export interface SourceListJson {
  file: string | null;
  actors: {
    name: string;
    kind: string;
    title: string | null;
    /** Only when register details were asked for. */
    register?: RegisterEntry | null;
    claims: { type: string; cue: string | null; text: string; line: number }[];
  }[];
  unidentified: { type: string; cue: string | null; source: string | null; text: string; line: number }[];
  unattributed: { text: string; line: number }[];
}

export function toJson(analysis: Analysis, text: string, file: string | null = null, options: ExportOptions = {}): string {
  const lines = new LineIndex(text);
  const list: SourceListJson = {
    file,
    actors: analysis.actors.map((actor) => ({
      name: actor.name,
      kind: actor.kind,
      title: actor.title,
      ...(options.register ? { register: actor.register ? publicRegister(actor.register, options.contactNotes === true) : null } : {}),
      claims: claimsOf(analysis, actor.id).map((claim) => ({
        type: claim.type,
        cue: claim.cue?.text ?? null,
        text: claim.content.text,
        line: lines.line(claim.content.start),
      })),
    })),
    unidentified: analysis.claims
      .filter((claim) => actorById(analysis, claim.actor) === null)
      .map((claim) => ({
        type: claim.type,
        cue: claim.cue?.text ?? null,
        source: claim.source?.text ?? null,
        text: claim.content.text,
        line: lines.line(claim.content.start),
      })),
    unattributed: analysis.unattributed.map((span) => ({ text: span.text, line: lines.line(span.start) })),
  };
  return `${JSON.stringify(list, null, 2)}\n`;
}

export function exportSources(format: ExportFormat, analysis: Analysis, text: string, file: string | null = null, options: ExportOptions = {}): string {
  switch (format) {
    case 'markdown':
      return toMarkdownTable(sourceRows(analysis, text, options), file ?? undefined);
    case 'csv':
      return toCsv(sourceRows(analysis, text, options));
    case 'json':
      return toJson(analysis, text, file, options);
  }
}

export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { markdown: 'md', csv: 'csv', json: 'json' };
