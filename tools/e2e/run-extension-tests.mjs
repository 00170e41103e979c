#!/usr/bin/env node
// Runs the integration tests (test/integration/*.test.ts) with mocha inside the extension host of a
// real VS Code: code-server 4.139.1 (VS Code 1.139.1) on 127.0.0.1, workbench in headless chromium.
// The repository is loaded as the extension under development; the compiled test/integration/index.ts
// is the extensionTestsPath. Prints mocha's output and `N passed, N failed`; exits 0 only if all pass.
//
// Options: --no-build (skip `node esbuild.mjs`; the test files are always compiled)
//          --summary-file <file> (JSON counts for tools/run-tests.mjs)
// Env: SOURCE_TRACE_E2E_TIMEOUT_MS (hard timeout, default 300000), SOURCE_TRACE_E2E_VERBOSE=1,
//      SOURCE_TRACE_E2E_KEEP=1 (keep the sandbox), SOURCE_TRACE_TEST_GREP (mocha grep).
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH, extensionPath, harnessTimeoutMs, repoRoot } from './config.mjs';
import { runInExtensionHost } from './extension-host.mjs';
import { buildExtension, buildIntegrationTests, chromiumAvailable, formatCounts, log, writeSummary } from './harness.mjs';
import { ensureTools } from './install.mjs';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

async function main() {
  if (!chromiumAvailable()) {
    console.log(`SKIPPED integration tests: ${CHROMIUM_PATH} is not installed (apt-get install chromium).`);
    const summary = { suite: 'integration', passed: 0, failed: 0, skipped: 1, note: 'chromium missing' };
    writeSummary(summary);
    console.log(formatCounts(summary));
    return 0;
  }
  const tools = await ensureTools();
  if (!process.argv.includes('--no-build')) buildExtension();
  const testsDir = await buildIntegrationTests();

  const outDir = path.join(repoRoot, 'test-results', 'integration');
  const mochaOut = path.join(outDir, 'mocha.txt');
  const resultFile = path.join(outDir, 'result.json');
  let exitCode;
  try {
    exitCode = await runInExtensionHost({
      tools,
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: path.join(testsDir, 'index.js'),
      outDir,
      environment: (sandbox) => ({
        SOURCE_TRACE_MOCHA_OUT: mochaOut,
        SOURCE_TRACE_RESULT_FILE: resultFile,
        SOURCE_TRACE_FIXTURES: sandbox.workspace,
        ...(process.env.SOURCE_TRACE_TEST_GREP ? { SOURCE_TRACE_TEST_GREP: process.env.SOURCE_TRACE_TEST_GREP } : {}),
      }),
      timeoutMs: harnessTimeoutMs(300_000),
      label: 'integration tests',
    });
  } catch (e) {
    console.error(`[e2e] integration run failed: ${e instanceof Error ? e.message : e}`);
    exitCode = 1;
  }

  if (fs.existsSync(mochaOut)) process.stdout.write(fs.readFileSync(mochaOut, 'utf8'));
  else console.log('(no mocha output was captured)');
  let summary;
  /** @type {{ passed: number, failed: number, pending: number, error?: string } | undefined} */
  let result;
  try { result = JSON.parse(fs.readFileSync(resultFile, 'utf8')); } catch { result = undefined; }
  if (!result) {
    // Nothing reported: the runner never ran (extension not loaded, payload ignored, timeout, crash).
    summary = { suite: 'integration', passed: 0, failed: 1, skipped: 0, note: 'no test result reported' };
  } else {
    if (result.error) console.error(`[e2e] runner error: ${result.error}`);
    const failed = result.failed > 0 || exitCode === 0 ? result.failed : 1;
    summary = { suite: 'integration', passed: result.passed, failed, skipped: result.pending };
  }
  if (summary.failed === 0 && exitCode !== 0) summary.failed = 1;
  writeSummary(summary);
  log(`integration finished in ${elapsed()}`);
  console.log(formatCounts(summary));
  return summary.failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[e2e] ${e instanceof Error ? e.stack : e}`);
    writeSummary({ suite: 'integration', passed: 0, failed: 1, skipped: 0, note: String(e) });
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
