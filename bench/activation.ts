// Extension activation cost: what a user pays when VS Code loads Source Trace, and what the first
// analysis of a draft then costs on top.
//
//   npx tsx bench/activation.ts [--runs 10] [--json]
//
// Figures:
//   size          the production bundles (built here exactly as `node esbuild.mjs --production` does),
//                 and dist/extension.js as it is on disk
//   require       time to require() the entry bundle in a FRESH Node process, with a stub `vscode`
//                 module (Module._resolveFilename hook) — target ≤ 150 ms
//   activate      activate() with a fake ExtensionContext against the stub
//   first         the first analysis through the extension's own API (engine module init + analyze)
//   second        an analysis of a new version of the same draft (engine warm)
// The engine sits in the same bundle but is wrapped lazily by esbuild (import() in analysisCache.ts),
// so its module body runs at the first analysis, not at require time.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..');
export const REQUIRE_BUDGET_MS = 150;

export interface ActivationOptions {
  runs?: number;
  /** Draft analysed for the first-analysis figure (defaults to the first file in examples/). */
  draft?: string;
}

interface Sample {
  requireMs: number;
  activateMs: number | null;
  firstAnalysisMs: number | null;
  secondAnalysisMs: number | null;
  claims: number | null;
  error?: string;
}

export interface Spread {
  median: number;
  p95: number;
  min: number;
  runs: number;
}

export interface ActivationResult {
  bundleBytes: { extension: number; web: number; distExtension: number | null; distExtensionMinified: boolean | null };
  /** Bytes of the production desktop bundle by origin (src/core, src/vscode, node_modules/<package>). */
  composition: Record<string, number>;
  require: Spread;
  activate: Spread | null;
  firstAnalysis: Spread | null;
  secondAnalysis: Spread | null;
  draft: string;
  draftChars: number;
  claims: number | null;
  errors: string[];
  budgetMs: number;
  withinBudget: boolean;
}

function spread(values: number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  const r = (x: number) => Math.round(x * 10) / 10;
  return { median: r(at(0.5)), p95: r(at(0.95)), min: r(s[0]!), runs: s.length };
}

/** The desktop and web bundles, built like esbuild.mjs --production, into a temp folder. */
async function buildBundles(dir: string): Promise<{ extension: string; web: string; composition: Record<string, number> }> {
  const common = {
    bundle: true,
    sourcemap: false,
    minify: true,
    target: 'es2022',
    logLevel: 'warning' as const,
    legalComments: 'none' as const,
    entryPoints: [path.join(ROOT, 'src/vscode/extension.ts')],
    format: 'cjs' as const,
    external: ['vscode'],
  };
  const extension = path.join(dir, 'extension.js');
  const web = path.join(dir, 'web', 'extension.js');
  const desktop = await esbuild.build({ ...common, outfile: extension, platform: 'node', metafile: true });
  // Bytes of the desktop bundle by origin: the engine (lazily initialised), the adapters, packages.
  const composition: Record<string, number> = {};
  for (const output of Object.values(desktop.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const group = input.startsWith('node_modules/') ? `node_modules/${input.split('/')[1]!.startsWith('@') ? input.split('/').slice(1, 3).join('/') : input.split('/')[1]}` : input.split('/').slice(0, 2).join('/');
      composition[group] = (composition[group] ?? 0) + bytesInOutput;
    }
  }
  await esbuild.build({ ...common, outfile: web, platform: 'browser', define: { 'process.env.SOURCE_TRACE_WEB': '"1"' } });
  return { extension, web, composition };
}

// A `vscode` module that answers everything: each property is a callable, constructible stub;
// configuration reads return their defaults; nothing is a thenable, every stub iterates as empty.
const STUB_VSCODE = String.raw`
'use strict';
const own = (target, prop) => Object.prototype.hasOwnProperty.call(target, prop) || prop in target;
function special(prop) {
  if (prop === 'then') return { value: undefined };
  if (prop === Symbol.iterator) return { value: function* () {} };
  if (prop === Symbol.toPrimitive) return { value: (hint) => (hint === 'number' ? 0 : '') };
  if (prop === Symbol.asyncIterator) return { value: undefined };
  return null;
}
const instanceHandler = {
  get(target, prop, receiver) {
    const s = special(prop);
    if (s && !own(target, prop)) return s.value;
    if (own(target, prop)) return Reflect.get(target, prop, receiver);
    const v = stub(String(prop));
    target[prop] = v;
    return v;
  },
};
const fnHandler = {
  get(target, prop, receiver) {
    const s = special(prop);
    if (s && !Object.prototype.hasOwnProperty.call(target, prop)) return s.value;
    if (own(target, prop)) return Reflect.get(target, prop, receiver);
    const v = stub(String(prop));
    target[prop] = v;
    return v;
  },
  apply() { return new Proxy({}, instanceHandler); },
  construct(target, args, newTarget) { return new Proxy(Reflect.construct(target, [], newTarget), instanceHandler); },
};
function stub(name) {
  const f = function () {};
  Object.defineProperty(f, 'name', { value: name });
  return new Proxy(f, fnHandler);
}
const vscode = stub('vscode');
const config = { get: (key, fallback) => fallback, has: () => false, inspect: () => undefined, update: async () => {} };
vscode.workspace.getConfiguration = () => config;
vscode.workspace.workspaceFolders = undefined;
vscode.workspace.textDocuments = [];
vscode.window.activeTextEditor = undefined;
vscode.window.visibleTextEditors = [];
vscode.l10n.t = (m, ...args) => String(typeof m === 'string' ? m : m.message).replace(/\{(\d+)\}/g, (_, i) => String(args[i]));
vscode.languages.match = () => 10;
class Disposable { constructor(fn) { this.fn = fn; } dispose() { if (this.fn) this.fn(); } static from(...d) { return new Disposable(() => d.forEach((x) => x && x.dispose && x.dispose())); } }
vscode.Disposable = Disposable;
class EventEmitter { constructor() { this.listeners = []; this.event = (l) => { this.listeners.push(l); return new Disposable(() => {}); }; } fire(e) { for (const l of this.listeners) l(e); } dispose() { this.listeners = []; } }
vscode.EventEmitter = EventEmitter;
// esbuild's __toESM copies only own property names, then reads the rest through the prototype:
// give the module a prototype that hands out the same stubs.
const viaPrototype = new Proxy({}, { get: (_, prop) => (typeof prop === 'symbol' ? undefined : vscode[prop]) });
module.exports = new Proxy(vscode, { getPrototypeOf: () => viaPrototype });
`;

// Runs in a fresh Node process: hook `vscode`, time require(), activate(), and two analyses.
const CHILD = String.raw`
'use strict';
const Module = require('module');
const { performance } = require('perf_hooks');
const fs = require('fs');
const [bundle, stubPath, draftPath] = process.argv.slice(2);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? stubPath : resolve.call(this, request, ...rest);
};
const out = { requireMs: 0, activateMs: null, firstAnalysisMs: null, secondAnalysisMs: null, claims: null };
const t0 = performance.now();
const ext = require(bundle);
out.requireMs = performance.now() - t0;
(async () => {
  try {
    const subscriptions = [];
    const memento = { get: (k, d) => d, update: async () => {}, keys: () => [], setKeysForSync() {} };
    const context = { subscriptions, workspaceState: memento, globalState: memento, extensionPath: '', extensionUri: { fsPath: '', toString: () => '' },
      asAbsolutePath: (p) => p, storageUri: undefined, globalStorageUri: { fsPath: '' }, logUri: { fsPath: '' }, extensionMode: 1, environmentVariableCollection: {}, secrets: {} };
    const t1 = performance.now();
    const api = ext.activate(context);
    out.activateMs = performance.now() - t1;
    const text = fs.readFileSync(draftPath, 'utf8');
    const doc = (version, body) => {
      const uri = { scheme: 'untitled', fsPath: draftPath, path: draftPath, toString: () => 'untitled:draft.md' };
      return { uri, fileName: draftPath, isUntitled: true, languageId: 'markdown', version, lineCount: body.split('\n').length,
        getText: () => body, isDirty: false, isClosed: false, eol: 1 };
    };
    if (api && typeof api.analyze === 'function') {
      const t2 = performance.now();
      const first = await api.analyze(doc(1, text));
      out.firstAnalysisMs = performance.now() - t2;
      if (first && first.kind === 'ready') out.claims = first.analysis.claims.length;
      else out.error = 'first analysis: ' + JSON.stringify(first && (first.message || first.kind));
      const t3 = performance.now();
      await api.analyze(doc(2, text + '\nThe council said it would meet again.'));
      out.secondAnalysisMs = performance.now() - t3;
    } else out.error = 'activate() returned no analyze() API';
  } catch (e) {
    out.error = String((e && e.stack) || e).split('\n').slice(0, 3).join(' | ');
  }
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
})();
`;

export async function runActivationBench(options: ActivationOptions = {}): Promise<ActivationResult> {
  const runs = Math.max(1, options.runs ?? 10);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-trace-activation-'));
  try {
    const bundles = await buildBundles(dir);
    const stubPath = path.join(dir, 'vscode-stub.js');
    const childPath = path.join(dir, 'child.js');
    fs.writeFileSync(stubPath, STUB_VSCODE);
    fs.writeFileSync(childPath, CHILD);
    const draft = options.draft ?? path.join(ROOT, 'examples', fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.md')).sort()[0]!);

    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      const child = spawnSync(process.execPath, [childPath, bundles.extension, stubPath, draft], { encoding: 'utf8', timeout: 60_000 });
      if (child.status !== 0) throw new Error(`activation child failed (${child.status}): ${child.stderr}`);
      samples.push(JSON.parse(child.stdout) as Sample);
    }
    const finite = (pick: (s: Sample) => number | null) => {
      const values = samples.map(pick).filter((v): v is number => typeof v === 'number');
      return values.length ? spread(values) : null;
    };
    const distExtension = path.join(ROOT, 'dist/extension.js');
    const distText = fs.existsSync(distExtension) ? fs.readFileSync(distExtension, 'utf8') : null;
    const requireSpread = spread(samples.map((s) => s.requireMs));
    return {
      bundleBytes: {
        extension: fs.statSync(bundles.extension).size,
        web: fs.statSync(bundles.web).size,
        distExtension: distText === null ? null : Buffer.byteLength(distText),
        // A production build has no source map comment and few line breaks.
        distExtensionMinified: distText === null ? null : !distText.includes('sourceMappingURL') && distText.split('\n').length < 50,
      },
      composition: bundles.composition,
      require: requireSpread,
      activate: finite((s) => s.activateMs),
      firstAnalysis: finite((s) => s.firstAnalysisMs),
      secondAnalysis: finite((s) => s.secondAnalysisMs),
      draft: path.relative(ROOT, draft),
      draftChars: fs.readFileSync(draft, 'utf8').length,
      claims: samples.find((s) => s.claims !== null)?.claims ?? null,
      errors: [...new Set(samples.map((s) => s.error).filter((e): e is string => !!e))],
      budgetMs: REQUIRE_BUDGET_MS,
      withinBudget: requireSpread.median <= REQUIRE_BUDGET_MS,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (s: Spread | null) => (s ? `median ${s.median} ms, p95 ${s.p95} ms, min ${s.min} ms (${s.runs} fresh processes)` : 'not measured');

export function formatActivation(r: ActivationResult): string {
  const lines = [
    `bundle (production)  dist/extension.js ${kb(r.bundleBytes.extension)}, dist/web/extension.js ${kb(r.bundleBytes.web)}`,
    r.bundleBytes.distExtension === null
      ? `  dist/extension.js on disk: missing (npm run build)`
      : `  dist/extension.js on disk: ${kb(r.bundleBytes.distExtension)} (${r.bundleBytes.distExtensionMinified ? 'production' : 'development build, with source map'})`,
    `  made of            ${Object.entries(r.composition).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}`,
    `require() entry      ${ms(r.require)}  [target ≤ ${r.budgetMs} ms: ${r.withinBudget ? '✓' : '✗'}]`,
    `activate()           ${ms(r.activate)}`,
    `first analysis       ${ms(r.firstAnalysis)}  (engine init + analyze, ${r.draft}, ${r.draftChars} chars, ${r.claims ?? '?'} claims)`,
    `second analysis      ${ms(r.secondAnalysis)}  (engine warm)`,
  ];
  for (const e of r.errors) lines.push(`  note: ${e}`);
  return lines.join('\n');
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  void runActivationBench({ runs: Number(arg('--runs') ?? 10) }).then((r) => {
    console.log(process.argv.includes('--json') ? JSON.stringify(r, null, 2) : formatActivation(r));
    if (!r.withinBudget) process.exitCode = 1;
  });
}
