// The `source-trace` command. `run` does the work against injected I/O so tests need not spawn;
// the bottom of the file wires it to the real process when this is the entry point (dist/cli.js).
import { analyze } from '../core/analyze';
import type { Analysis, AnalyzeOptions } from '../core/types';
import * as path from 'node:path';
import { SourceLoader, type SourcesFs } from './sources';
import pkg from '../../package.json';
import { helpText, parseArgs, USAGE, type CliOptions } from './args';
import { displayName, formatForPath, loadFile, loadStream, type FileSystem, type LoadResult } from './files';
import {
  applySeverities,
  failsCheck,
  findingRecords,
  formatAnalysis,
  formatFindings,
  jsonReport,
  LineIndex,
  type FindingRecord,
} from './format';

/** Bundled at build time: esbuild inlines package.json. */
export const VERSION: string = pkg.version;

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  stdin(): AsyncIterable<Uint8Array | string>;
  fs?: FileSystem;
  /** The engine; replaceable so tests can feed the CLI a hand-made Analysis. */
  analyze?: typeof analyze;
  /** Folder `--sources` globs and relative paths are read from (default: the process's). */
  cwd?: string;
  /** File system for source material and the register (default: node:fs). */
  sourcesFs?: SourcesFs;
}

interface Loaded {
  file: string;
  text: string;
  analysis: Analysis;
}

/** Runs the command line `argv` (without node and script) and resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv);
  switch (parsed.kind) {
    case 'help':
      io.stdout(helpText(VERSION));
      return EXIT_OK;
    case 'version':
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    case 'error':
      io.stderr(`source-trace: ${parsed.message}\n${USAGE}\n`);
      return EXIT_TROUBLE;
  }
  const options = parsed.options;
  let trouble = false;
  let failing = false;
  const several = options.files.length > 1;
  const results: Loaded[] = [];
  const records: FindingRecord[] = [];
  let stdin: Promise<LoadResult> | null = null;
  let printed = 0;
  let warnedNoMaterial = false;
  const loader = new SourceLoader({ globs: options.sources, cwd: io.cwd ?? process.cwd(), fs: io.sourcesFs });

  for (const file of options.files) {
    const name = displayName(file);
    let loaded: LoadResult;
    if (file === '-') {
      // "-" given twice reads standard input once and analyses it twice.
      stdin ??= loadStream(io.stdin(), options.maxSize);
      loaded = await stdin;
    } else {
      loaded = await loadFile(io.cwd ? path.resolve(io.cwd, file) : file, options.maxSize, io.fs);
    }
    if (!loaded.ok) {
      io.stderr(`source-trace: ${name}: ${loaded.reason}\n`);
      trouble = true;
      continue;
    }
    const text = loaded.text;
    const engineOptions: AnalyzeOptions = { format: formatForPath(file, options.format), severities: options.severities };
    if (options.contactNotes) engineOptions.includeContactNotes = true;
    try {
      const register = await loader.registerFor(file);
      if (register.entries.length > 0) engineOptions.register = register.entries;
    } catch (error) {
      io.stderr(`source-trace: ${name}: source register ${error instanceof Error ? error.message : String(error)}\n`);
      trouble = true;
      continue;
    }
    let analysis: Analysis;
    try {
      const material = options.noSources ? null : await loader.materialFor(file, text);
      if (!material && options.sources.length > 0 && !warnedNoMaterial) {
        // A mistyped --sources must not quietly switch quote checking off.
        io.stderr(`source-trace: warning: --sources ${options.sources.map((g) => `"${g}"`).join(' ')} matched no .txt, .md, .vtt or .srt file; quotes were not checked\n`);
        warnedNoMaterial = true;
      }
      if (material) engineOptions.evidence = material.index;
      analysis = (io.analyze ?? analyze)(text, engineOptions);
      // The default sources/ folder may hold another story's material: if none of this draft's quotes
      // is found there, it is not this draft's material, and its quotes are not reported as missing.
      if (material?.implicit && !anyQuoteFound(analysis)) analysis = withoutEvidence(analysis);
    } catch (error) {
      io.stderr(`source-trace: ${name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      trouble = true;
      continue;
    }
    analysis = { ...analysis, findings: applySeverities(analysis.findings, options.severities) };
    if (analysis.findings.some((finding) => failsCheck(finding.severity))) failing = true;
    const index = new LineIndex(text);

    if (options.json) {
      if (options.command === 'analyze') results.push({ file: name, text, analysis });
      else records.push(...findingRecords(name, text, analysis.findings, index));
      continue;
    }
    if (options.command === 'analyze') {
      io.stdout(`${printed > 0 ? '\n' : ''}${formatAnalysis(name, text, analysis, index)}\n`);
      printed++;
    } else {
      const lines = formatFindings(name, text, analysis.findings, index);
      if (lines.length > 0) io.stdout(lines.join('\n') + '\n');
    }
  }

  if (options.json) {
    if (options.command === 'check') io.stdout(JSON.stringify(records, null, 2) + '\n');
    else if (several || results.length > 0) io.stdout(jsonReport(results, several) + '\n');
  }

  if (trouble) return EXIT_TROUBLE;
  if (options.command === 'check' && failing) return EXIT_FINDINGS;
  return EXIT_OK;
}

export type { CliOptions };

function withoutEvidence(analysis: Analysis): Analysis {
  return {
    ...analysis,
    claims: analysis.claims.map(({ evidence: _evidence, ...claim }) => claim),
    findings: analysis.findings.filter((f) => f.rule !== 'quote-not-found' && f.rule !== 'quote-differs'),
  };
}

function anyQuoteFound(analysis: Analysis): boolean {
  return analysis.claims.some((claim) => claim.evidence?.some((e) => e.verdict !== 'not-found'));
}

function main(): void {
  let code = EXIT_OK;
  // `source-trace analyze big.md | head` closes the pipe early: stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(code);
    throw error;
  });
  run(process.argv.slice(2), {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdin: () => process.stdin,
  }).then(
    (exit) => {
      code = exit;
      process.exitCode = exit;
    },
    (error: unknown) => {
      process.stderr.write(`source-trace: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = EXIT_TROUBLE;
    },
  );
}

if (require.main === module) main();
