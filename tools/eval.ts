// `npm run eval` — accuracy of the engine against the gold corpora in ../shared/corpus.
//
//   npm run eval                              newsroom-dev, wikinews-dev, polnear-dev
//   npm run eval -- --corpus polnear-train    another corpus (repeatable); --limit N for the first N documents
//   npm run eval -- /path/to/corpus-or-root   a corpus folder, or a folder of corpora
//   npm run eval -- --errors                  list misses, wrong speakers, false positives, actor errors
//   npm run eval -- --verbose a01             the same for one document (id or part of it), plus matched pairs
//   npm run eval -- --json                    machine-readable
//   npm run eval -- --check                   exit 1 when a metric is below its floor in tools/eval-floors.json
//
// The corpus root is ../shared/corpus relative to the repository, or SOURCE_TRACE_CORPUS, or the argument.
// When it is absent the script says so and exits 0. Metric definitions: tools/eval/metrics.ts, docs/accuracy.md.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../src/core';
import type { Analysis } from '../src/core/types';
import { type Corpus, defaultCorpusRoot, loadCorpus, resolveCorpora } from './eval/corpus';
import {
  type Counts, type DocumentDetail, type FloorResult, type FloorsFile, type Metrics,
  addCounts, checkFloors, emptyCounts, goldAsAnalysis, scoreDocument, summarize,
} from './eval/metrics';
import { renderDocumentErrors, renderMetrics } from './eval/report';

const REPO = path.resolve(__dirname, '..');
/** Documents on which the engine threw (scored as empty output; the run exits 1). */
const crashes: string[] = [];

interface Options {
  root: string | null;
  corpora: string[];
  json: boolean;
  errors: boolean;
  verbose: string[];
  check: boolean;
  floors: string;
  limit: number | undefined;
  oracle: boolean;
  help: boolean;
}

const USAGE = `usage: npm run eval -- [CORPUS_DIR_OR_ROOT] [--corpus NAME]... [--limit N]
                       [--errors] [--verbose DOC]... [--json] [--check] [--floors FILE]

  CORPUS_DIR_OR_ROOT  a corpus folder (NAME.md + NAME.gold.json, or PolNeAR *.json), or a folder of
                      corpora. Default: $SOURCE_TRACE_CORPUS or ../shared/corpus (next to the repo).
  --corpus NAME       evaluate this corpus of the root (repeatable). Default: ${['newsroom-dev', 'wikinews-dev', 'polnear-dev'].join(', ')}
  --limit N           only the first N documents of each corpus (handy for polnear-train)
  --errors            after the metrics, list every miss, wrong speaker, false positive, actor,
                      unattributed and not_attribution error, document by document
  --verbose DOC       the same listing for documents whose id contains DOC, plus matched pairs,
                      cue and type disagreements (repeatable)
  --json              print one JSON object (metrics, counts, floor check) instead of text
  --check             compare with the floors in tools/eval-floors.json; exit 1 if one is not met
  --floors FILE       another floors file
  --oracle            score the gold against itself instead of running the engine (checks the
                      harness: figures should be 1.000)`;

function parseArgs(argv: string[]): Options {
  const o: Options = {
    root: null, corpora: [], json: false, errors: false, verbose: [], check: false,
    floors: path.join(REPO, 'tools', 'eval-floors.json'), limit: undefined, oracle: false, help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === '--json') o.json = true;
    else if (a === '--errors') o.errors = true;
    else if (a === '--verbose') o.verbose.push(next());
    else if (a.startsWith('--verbose=')) o.verbose.push(a.slice(10));
    else if (a === '--check') o.check = true;
    else if (a === '--corpus') o.corpora.push(...next().split(','));
    else if (a.startsWith('--corpus=')) o.corpora.push(...a.slice(9).split(','));
    else if (a === '--floors') o.floors = path.resolve(next());
    else if (a === '--limit') o.limit = Number(next());
    else if (a === '--oracle') o.oracle = true;
    else if (a === '--help' || a === '-h') o.help = true;
    else if (a.startsWith('-')) fail(`unknown option ${a}\n\n${USAGE}`);
    else if (o.root === null) o.root = path.resolve(a);
    else fail(`unexpected argument ${a}`);
  }
  if (o.limit !== undefined && !(o.limit > 0)) fail('--limit needs a positive number');
  return o;
}

function fail(msg: string): never {
  process.stderr.write(`eval: ${msg}\n`);
  process.exit(2);
}

interface CorpusResult {
  corpus: Corpus;
  counts: Counts;
  metrics: Metrics;
  ms: number;
  details: Array<{ detail: DocumentDetail; analysis: Analysis }>;
}

function evaluate(corpus: Corpus, oracle: boolean): CorpusResult {
  const counts = emptyCounts();
  const details: CorpusResult['details'] = [];
  let ms = 0;
  for (const doc of corpus.documents) {
    const t0 = performance.now();
    let analysis: Analysis;
    try {
      analysis = oracle
        ? { version: 1, sentences: [], findings: [], ...goldAsAnalysis(doc) }
        : analyze(doc.text, { format: doc.format });
    } catch (e) {
      // Score the document as if nothing was found, say so, and fail the run at the end.
      const err = e as Error;
      crashes.push(`${corpus.name}/${doc.id}: analyze() threw ${err.stack?.split('\n').slice(0, 3).join(' | ') ?? String(e)}`);
      analysis = { version: 1, actors: [], claims: [], sentences: [], unattributed: [], findings: [] };
    }
    ms += performance.now() - t0;
    const detail = scoreDocument(doc, analysis);
    addCounts(counts, detail.counts);
    details.push({ detail, analysis });
  }
  return { corpus, counts, metrics: summarize(counts), ms, details };
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  if (o.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const root = o.root ?? defaultCorpusRoot(REPO);
  if (!fs.existsSync(root)) {
    const msg = `eval: skipped — no gold corpora at ${root}. Put the corpora there, set SOURCE_TRACE_CORPUS, or pass a folder.`;
    if (o.json) process.stdout.write(`${JSON.stringify({ skipped: true, reason: msg, root }, null, 2)}\n`);
    else process.stdout.write(`${msg}\n`);
    return;
  }
  const { dirs, missing } = resolveCorpora(root, o.corpora);
  const warnings: string[] = [];
  for (const m of missing) warnings.push(`corpus "${m}" not found under ${root}; skipped`);
  if (dirs.length === 0) {
    const msg = `eval: skipped — none of the corpora found under ${root} (${missing.join(', ')}).`;
    if (o.json) process.stdout.write(`${JSON.stringify({ skipped: true, reason: msg, root }, null, 2)}\n`);
    else process.stdout.write(`${msg}\n`);
    return;
  }

  const results: CorpusResult[] = [];
  for (const { name, dir } of dirs) {
    const corpus = loadCorpus(dir, name, (m) => warnings.push(`${name}: ${m}`), o.limit);
    results.push(evaluate(corpus, o.oracle));
  }

  let checks: FloorResult[] = [];
  if (o.check) {
    if (!fs.existsSync(o.floors)) fail(`--check: no floors file at ${o.floors}`);
    const floors = JSON.parse(fs.readFileSync(o.floors, 'utf8')) as FloorsFile;
    for (const r of results) {
      const entries = floors.corpora?.[r.corpus.name];
      if (entries) checks.push(...checkFloors(r.corpus.name, r.metrics, entries));
    }
    const evaluated = new Set(results.map((r) => r.corpus.name));
    for (const name of Object.keys(floors.corpora ?? {})) {
      if (!evaluated.has(name)) warnings.push(`--check: corpus "${name}" has floors but was not evaluated`);
    }
  }
  const failed = checks.filter((c) => !c.ok);

  if (o.json) {
    const json = {
      root,
      averaging: 'micro: counts summed over documents, then P/R/F1',
      pairing: 'greedy by Dice of trimmed content characters, Dice >= 0.5',
      corpora: results.map((r) => ({
        name: r.corpus.name,
        dir: r.corpus.dir,
        documents: r.corpus.documents.length,
        analysisMs: Math.round(r.ms),
        metrics: r.metrics,
        counts: r.counts,
        perDocument: r.details.map(({ detail }) => ({ id: detail.id, metrics: summarize(detail.counts) })),
      })),
      check: o.check ? { ok: failed.length === 0, results: checks } : undefined,
      warnings,
      crashes,
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const out: string[] = [];
    out.push(`Source Trace accuracy — gold corpora at ${root}${o.oracle ? ' — ORACLE MODE: gold scored against itself' : ''}`);
    out.push(`Pairing: greedy by Dice of content characters (quote marks, spaces and .,:;—–- trimmed at both edges), Dice ≥ 0.5.`);
    out.push(`All figures micro-averaged (TP/FP/FN summed over documents). Optional gold is neither required nor penalised.`);
    out.push('');
    for (const r of results) {
      out.push(renderMetrics(r.corpus, r.metrics, {
        goldOptional: r.counts.goldOptional, goldSkipped: r.counts.goldSkipped, predIgnored: r.counts.predIgnored,
        predClaims: r.counts.predClaims, predStances: r.counts.predStances, ms: r.ms,
      }));
      out.push('');
    }
    const wantDoc = (id: string) => o.verbose.some((v) => id === v || id.includes(v));
    for (const r of results) {
      for (const { detail, analysis } of r.details) {
        const doc = r.corpus.documents.find((d) => d.id === detail.id)!;
        const verbose = wantDoc(doc.id);
        if (o.errors || verbose) {
          out.push(renderDocumentErrors(r.corpus, doc, analysis, detail, verbose));
          out.push('');
        }
      }
    }
    if (o.verbose.length > 0 && !results.some((r) => r.corpus.documents.some((d) => wantDoc(d.id)))) {
      warnings.push(`--verbose: no document id contains ${o.verbose.map((v) => `"${v}"`).join(' or ')}`);
    }
    if (o.check) {
      out.push(`Floor check (${path.relative(process.cwd(), o.floors) || o.floors}):`);
      for (const c of checks) out.push(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.message}`);
      out.push(failed.length === 0 ? '  all floors met' : `  ${failed.length} metric(s) not at their floor — see FAIL lines above`);
      out.push('');
    }
    for (const w of warnings) out.push(`warning: ${w}`);
    process.stdout.write(`${out.join('\n').trimEnd()}\n`);
  }
  if (crashes.length > 0) {
    for (const c of crashes) process.stderr.write(`eval: ${c}\n`);
    process.stderr.write(`eval: the engine threw on ${crashes.length} document(s); they were scored as empty output\n`);
    process.exitCode = 1;
  }
  if (failed.length > 0) {
    process.stderr.write(`eval --check failed: ${failed.map((c) => `${c.corpus} ${c.metric}`).join(', ')} not at their floor (tools/eval-floors.json)\n`);
    process.exitCode = 1;
  }
}

main();
