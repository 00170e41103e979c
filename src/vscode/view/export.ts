// Export Source List: one row per claim (and per actor without claims), as Markdown, CSV or JSON. Pure.
import { actorById, claimsOf } from '../../core/chains';
import type { Analysis } from '../../core/types';
import { CLAIM_TYPE_LABELS, KIND_SINGULAR, LineIndex } from './labels';

export type ExportFormat = 'markdown' | 'csv' | 'json';

export interface SourceRow {
  actor: string;
  kind: string;
  title: string;
  claimType: string;
  cue: string;
  claim: string;
  line: number | null;
}

/** Rows in reading order of claims; actors that claim nothing come after; unattributed sentences last. */
export function sourceRows(analysis: Analysis, text: string): SourceRow[] {
  const lines = new LineIndex(text);
  const rows: SourceRow[] = [];
  for (const claim of analysis.claims) {
    const actor = actorById(analysis, claim.actor);
    rows.push({
      actor: actor?.name ?? claim.source?.text ?? '(unidentified)',
      kind: actor ? KIND_SINGULAR[actor.kind] : '',
      title: actor?.title ?? '',
      claimType: CLAIM_TYPE_LABELS[claim.type],
      cue: claim.cue?.text ?? '',
      claim: oneLine(claim.content.text),
      line: lines.line(claim.content.start),
    });
  }
  for (const actor of analysis.actors) {
    if (claimsOf(analysis, actor.id).length > 0) continue;
    const mention = actor.mentions[0];
    rows.push({
      actor: actor.name,
      kind: KIND_SINGULAR[actor.kind],
      title: actor.title ?? '',
      claimType: '',
      cue: '',
      claim: '',
      line: mention ? lines.line(mention.start) : null,
    });
  }
  for (const span of analysis.unattributed) {
    rows.push({ actor: '(no source)', kind: '', title: '', claimType: 'Unattributed', cue: '', claim: oneLine(span.text), line: lines.line(span.start) });
  }
  return rows;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const HEADERS: readonly [keyof SourceRow, string][] = [
  ['actor', 'Actor'],
  ['kind', 'Kind'],
  ['title', 'Title'],
  ['claimType', 'Type'],
  ['cue', 'Cue'],
  ['claim', 'Claim'],
  ['line', 'Line'],
];

function cell(row: SourceRow, key: keyof SourceRow): string {
  const value = row[key];
  return value === null ? '' : String(value);
}

export function toMarkdownTable(rows: readonly SourceRow[], title?: string): string {
  const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  const out: string[] = [];
  if (title) out.push(`# Sources: ${title}`, '');
  out.push(`| ${HEADERS.map(([, header]) => header).join(' | ')} |`);
  out.push(`| ${HEADERS.map(([key]) => (key === 'line' ? '---:' : '---')).join(' | ')} |`);
  for (const row of rows) out.push(`| ${HEADERS.map(([key]) => escape(cell(row, key))).join(' | ')} |`);
  return `${out.join('\n')}\n`;
}

/** RFC 4180: quote fields with commas, quotes or line breaks; CRLF line ends. Cells starting with = + - @ are
 *  prefixed with a quote mark so spreadsheets do not run them as formulas. */
export function toCsv(rows: readonly SourceRow[]): string {
  const field = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [HEADERS.map(([, header]) => header).join(',')];
  for (const row of rows) lines.push(HEADERS.map(([key]) => field(cell(row, key))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export interface SourceListJson {
  file: string | null;
  actors: {
    name: string;
    kind: string;
    title: string | null;
    claims: { type: string; cue: string | null; text: string; line: number }[];
  }[];
  unidentified: { type: string; cue: string | null; source: string | null; text: string; line: number }[];
  unattributed: { text: string; line: number }[];
}

export function toJson(analysis: Analysis, text: string, file: string | null = null): string {
  const lines = new LineIndex(text);
  const list: SourceListJson = {
    file,
    actors: analysis.actors.map((actor) => ({
      name: actor.name,
      kind: actor.kind,
      title: actor.title,
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

export function exportSources(format: ExportFormat, analysis: Analysis, text: string, file: string | null = null): string {
  switch (format) {
    case 'markdown':
      return toMarkdownTable(sourceRows(analysis, text), file ?? undefined);
    case 'csv':
      return toCsv(sourceRows(analysis, text));
    case 'json':
      return toJson(analysis, text, file);
  }
}

export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { markdown: 'md', csv: 'csv', json: 'json' };
