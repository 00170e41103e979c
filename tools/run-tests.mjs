#!/usr/bin/env node
// `npm test`: build, unit tests, then the real-VS-Code suites (integration tests inside code-server's
// extension host, UI tests in headless chromium). Prints each suite's counts and ends with ONE
// closing line `N passed, N failed` (plus `, N skipped` when something was skipped), summed over all
// suites. Exits non-zero if anything failed.
//
// Environment switches (for quick local runs; CI runs everything):
//   SOURCE_TRACE_SKIP_E2E=1   unit tests only (integration and UI suites count as skipped)
//   SOURCE_TRACE_SKIP_UI=1    skip only the UI suite
//   SOURCE_TRACE_SKIP_UNIT=1  skip the unit suite (e.g. to time the VS Code suites alone)
//   SOURCE_TRACE_UNIT_TIMEOUT_MS  hard limit for the whole unit suite (default 1200000 = 20 min)
// With CI set, a skipped suite (switch set, or chromium missing) makes the run fail.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from './e2e/config.mjs';
import { chromiumAvailable } from './e2e/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'source-trace-tests-'));
const isCI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const on = (name) => process.env[name] === '1' || process.env[name] === 'true';

/** @type {{ suite: string, passed: number, failed: number, skipped: number, seconds: number, note?: string, suiteSkipped?: boolean }[]} */
const results = [];
const fmt = (r) => `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;

function banner(text) {
  console.log(`\n=== ${text} ${'='.repeat(Math.max(3, 70 - text.length))}`);
}

/** Runs a node script; the child writes its counts as JSON to a summary file. */
function runSuite(suite, args, timeoutMs = 30 * 60 * 1000) {
  banner(suite);
  const summaryFile = path.join(tmp, `${suite}.json`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SOURCE_TRACE_SUMMARY_FILE: summaryFile },
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  const timedOut = r.error?.code === 'ETIMEDOUT';
  if (timedOut) console.log(`\n${suite}: killed after the ${timeoutMs / 1000} s limit`);
  const seconds = (Date.now() - started) / 1000;
  let s;
  try { s = JSON.parse(fs.readFileSync(summaryFile, 'utf8')); } catch { s = undefined; }
  let result;
  if (!s) {
    // The suite never reported (crash, load error, no test files): that is a failure, not a pass.
    result = { suite, passed: 0, failed: 1, skipped: 0, seconds, note: timedOut ? `timed out after ${timeoutMs / 1000} s` : `exited with ${r.status ?? r.signal} and reported no counts` };
  } else {
    result = { suite, passed: s.passed, failed: s.failed, skipped: s.skipped ?? 0, seconds, note: s.note };
    if (s.complete === false) {
      // Killed or crashed part-way: keep the counts so far, and count the unfinished run as a failure.
      result.failed += 1;
      result.note = timedOut ? `timed out after ${timeoutMs / 1000} s; counts up to then` : `stopped part-way (${r.status ?? r.signal})`;
    }
    if (r.status !== 0 && result.failed === 0) { result.failed = 1; result.note = `exited with ${r.status ?? r.signal}`; }
    if (s.note === 'chromium missing') result.suiteSkipped = true;
  }
  results.push(result);
  console.log(`--- ${suite}: ${fmt(result)} (${seconds.toFixed(1)} s)${result.note ? ` — ${result.note}` : ''}`);
  return result;
}

function skipSuite(suite, why) {
  banner(suite);
  console.log(`SKIPPED: ${why}`);
  results.push({ suite, passed: 0, failed: 0, skipped: 1, seconds: 0, note: why, suiteSkipped: true });
}

// 1. Build (the integration and UI suites load dist/extension.js).
banner('build');
const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
const built = build.status === 0;
if (!built) results.push({ suite: 'build', passed: 0, failed: 1, skipped: 0, seconds: 0, note: 'node esbuild.mjs failed' });

// 2. Unit tests (mocha, .mocharc.json), spec output plus counts.
if (on('SOURCE_TRACE_SKIP_UNIT')) skipSuite('unit', 'SOURCE_TRACE_SKIP_UNIT=1');
else {
  const unitTimeout = Number(process.env.SOURCE_TRACE_UNIT_TIMEOUT_MS) > 0 ? Number(process.env.SOURCE_TRACE_UNIT_TIMEOUT_MS) : 20 * 60 * 1000;
  runSuite('unit', [path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--reporter', path.join(root, 'tools', 'e2e', 'mocha-summary-reporter.cjs')], unitTimeout);
}

// 3. Real VS Code (code-server) suites.
if (on('SOURCE_TRACE_SKIP_E2E')) {
  skipSuite('integration', 'SOURCE_TRACE_SKIP_E2E=1');
  skipSuite('ui', 'SOURCE_TRACE_SKIP_E2E=1');
} else if (!built) {
  skipSuite('integration', 'build failed');
  skipSuite('ui', 'build failed');
} else if (!chromiumAvailable()) {
  // Checked before the (slow, first-time) code-server install, which would be wasted.
  skipSuite('integration', `${CHROMIUM_PATH} is not installed (apt-get install chromium)`);
  skipSuite('ui', `${CHROMIUM_PATH} is not installed (apt-get install chromium)`);
} else {
  banner('code-server tools');
  const inst = spawnSync(process.execPath, [path.join(root, 'tools', 'e2e', 'install.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (inst.status !== 0) {
    results.push({ suite: 'code-server install', passed: 0, failed: 1, skipped: 0, seconds: 0, note: 'tools/e2e/install.mjs failed' });
  } else {
    runSuite('integration', [path.join(root, 'tools', 'e2e', 'run-extension-tests.mjs'), '--no-build']);
    if (on('SOURCE_TRACE_SKIP_UI')) skipSuite('ui', 'SOURCE_TRACE_SKIP_UI=1');
    else runSuite('ui', [path.join(root, 'tools', 'e2e', 'run-ui-tests.mjs'), '--no-build']);
  }
}

fs.rmSync(tmp, { recursive: true, force: true });

banner('summary');
for (const r of results) console.log(`${r.suite.padEnd(20)} ${fmt(r)}${r.note ? `  (${r.note})` : ''}`);
const total = results.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
const skippedSuites = results.filter((r) => r.suiteSkipped);
let code = total.failed > 0 ? 1 : 0;
if (isCI && skippedSuites.length > 0) {
  console.log(`CI must run every suite; skipped: ${skippedSuites.map((r) => r.suite).join(', ')}`);
  code = 1;
}
console.log(fmt(total));
process.exit(code);
