// Reads the gold corpora from disk (at run time only: nothing from ../shared is ever copied into the repo).
//
//   newsroom style: NAME.md + NAME.gold.json ({actors, attributions, unattributed, not_attributions})
//   PolNeAR style:  NAME.json ({id, text, attributions: [{source, cue, content, type}]})

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GoldAttribution, GoldDocument, GoldSpan } from './metrics';

export const DEFAULT_CORPORA = ['newsroom-dev', 'wikinews-dev', 'polnear-dev'];

export interface CorpusDocument extends GoldDocument {
  file: string;
  format: 'markdown' | 'text';
}

export interface Corpus {
  name: string;
  dir: string;
  style: 'newsroom' | 'polnear';
  documents: CorpusDocument[];
}

/** `../shared/corpus` next to the repository, unless overridden. */
export function defaultCorpusRoot(repoRoot: string): string {
  return process.env.SOURCE_TRACE_CORPUS || path.resolve(repoRoot, '..', 'shared', 'corpus');
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Is `dir` itself a corpus (holds gold files) rather than a folder of corpora? */
export function looksLikeCorpus(dir: string): boolean {
  if (!isDir(dir)) return false;
  return fs.readdirSync(dir).some((f) => f.endsWith('.gold.json') || (f.endsWith('.json') && !isDir(path.join(dir, f))));
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function checkSpans(file: string, text: string, attrs: GoldAttribution[], warn: (m: string) => void): void {
  const check = (s: GoldSpan | null | undefined, what: string) => {
    if (!s || s.text === undefined || s.fragments) return;
    if (text.slice(s.start, s.end) !== s.text) warn(`${path.basename(file)}: ${what} span ${s.start}-${s.end} does not match its text`);
  };
  attrs.forEach((a, i) => {
    check(a.content, `attribution ${i} content`);
    check(a.cue, `attribution ${i} cue`);
    check(a.source, `attribution ${i} source`);
  });
}

export function loadCorpus(dir: string, name = path.basename(dir), warn: (m: string) => void = () => {}, limit?: number): Corpus {
  let files = fs.readdirSync(dir).sort();
  const gold = files.filter((f) => f.endsWith('.gold.json'));
  const documents: CorpusDocument[] = [];
  if (gold.length > 0) {
    for (const g of limit ? gold.slice(0, limit) : gold) {
      const base = g.slice(0, -'.gold.json'.length);
      const raw = readJson(path.join(dir, g)) as Record<string, unknown>;
      const mdName = typeof raw.file === 'string' && fs.existsSync(path.join(dir, raw.file)) ? raw.file : `${base}.md`;
      const mdPath = path.join(dir, mdName);
      if (!fs.existsSync(mdPath)) {
        warn(`${g}: no ${mdName} beside it; skipped`);
        continue;
      }
      const text = fs.readFileSync(mdPath, 'utf8');
      const attributions = (raw.attributions ?? []) as GoldAttribution[];
      checkSpans(mdPath, text, attributions, warn);
      documents.push({
        id: base,
        file: mdPath,
        format: 'markdown',
        style: 'actors',
        text,
        attributions,
        actors: (raw.actors ?? []) as GoldDocument['actors'],
        unattributed: (raw.unattributed ?? []) as GoldSpan[],
        not_attributions: (raw.not_attributions ?? []) as GoldSpan[],
      });
    }
    return { name, dir, style: 'newsroom', documents };
  }
  files = files.filter((f) => f.endsWith('.json'));
  for (const f of limit ? files.slice(0, limit) : files) {
    const raw = readJson(path.join(dir, f)) as Record<string, unknown>;
    if (typeof raw.text !== 'string' || !Array.isArray(raw.attributions)) {
      warn(`${f}: not a PolNeAR document (needs "text" and "attributions"); skipped`);
      continue;
    }
    const attributions = raw.attributions as GoldAttribution[];
    checkSpans(f, raw.text, attributions, warn);
    documents.push({
      id: f.replace(/\.json$/, ''),
      file: path.join(dir, f),
      format: 'text',
      style: 'spans',
      text: raw.text,
      attributions,
      // PolNeAR has no actor, unattributed or not_attribution gold: those metrics are not reported.
    });
  }
  return { name, dir, style: 'polnear', documents };
}

/** Resolves the corpora to evaluate from a root (folder of corpora) or a single corpus folder. */
export function resolveCorpora(target: string, names: string[]): { dirs: Array<{ name: string; dir: string }>; missing: string[] } {
  if (looksLikeCorpus(target) && names.length === 0) return { dirs: [{ name: path.basename(target), dir: target }], missing: [] };
  const wanted = names.length > 0 ? names : DEFAULT_CORPORA;
  const dirs: Array<{ name: string; dir: string }> = [];
  const missing: string[] = [];
  for (const n of wanted) {
    const d = path.isAbsolute(n) ? n : path.join(target, n);
    if (looksLikeCorpus(d)) dirs.push({ name: path.basename(d), dir: d });
    else missing.push(n);
  }
  return { dirs, missing };
}
