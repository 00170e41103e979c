#!/usr/bin/env node
// UI tests: playwright-core drives the real VS Code workbench (code-server 4.139.1) in headless
// chromium, with the repository loaded as the extension under development.
//
// Test files are test/ui/*.ui.mjs. Each exports
//   tests:    { name: string, run(ctx): Promise<void> }[]   run in order on one workbench page
//   commands: string[]  (optional) VS Code command ids the tests want to run; each gets a key chord
//             seeded into keybindings.json, and ctx.runCommand(id) presses it.
// ctx = { page, workspace, resultsDir, runCommand(id), screenshot(name) }.
// Prints each test, then `N passed, N failed`; exits 0 only if all pass. Screenshots go to
// test-results/ui/.
//
// Options/env: as tools/e2e/run-extension-tests.mjs (--no-build, --summary-file,
// SOURCE_TRACE_E2E_TIMEOUT_MS (default 300000), SOURCE_TRACE_E2E_VERBOSE=1, SOURCE_TRACE_E2E_KEEP=1).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_PATH, extensionPath, harnessTimeoutMs, repoRoot } from './config.mjs';
import {
  buildExtension, chromiumAvailable, createSandbox, formatCounts, killProcessGroup, launchChromium, log,
  removeSandbox, startCodeServer, verbose, withDeadline, workbenchUrl, writeSummary,
} from './harness.mjs';
import { ensureTools } from './install.mjs';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const resultsDir = path.join(repoRoot, 'test-results', 'ui');

/** Key chords no default VS Code keybinding uses; one per command a test asks for. */
const CHORDS = ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'].map((k) => ({
  vscode: `ctrl+alt+shift+${k}`,
  playwright: `Control+Alt+Shift+${k.toUpperCase()}`,
}));

async function loadTestFiles() {
  const dir = path.join(repoRoot, 'test', 'ui');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ui.mjs')).sort();
  const loaded = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(path.join(dir, f)).href);
    if (!Array.isArray(mod.tests) || mod.tests.length === 0) throw new Error(`${f} exports no tests`);
    loaded.push({ file: f, tests: mod.tests, commands: Array.isArray(mod.commands) ? mod.commands : [] });
  }
  return loaded;
}

async function main() {
  if (!chromiumAvailable()) {
    console.log(`SKIPPED UI tests: ${CHROMIUM_PATH} is not installed (apt-get install chromium).`);
    const summary = { suite: 'ui', passed: 0, failed: 0, skipped: 1, note: 'chromium missing' };
    writeSummary(summary);
    console.log(formatCounts(summary));
    return 0;
  }
  const files = await loadTestFiles();
  if (files.length === 0) throw new Error('no test/ui/*.ui.mjs files');
  const commands = [...new Set(files.flatMap((f) => f.commands))];
  if (commands.length > CHORDS.length) throw new Error(`at most ${CHORDS.length} commands can be bound`);
  const chordFor = new Map(commands.map((c, i) => [c, CHORDS[i]]));

  const tools = await ensureTools();
  if (!process.argv.includes('--no-build')) buildExtension();

  const sandbox = createSandbox({
    outDir: resultsDir,
    keybindings: commands.map((command) => ({ key: chordFor.get(command).vscode, command })),
  });
  /** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
  let server;
  /** @type {import('playwright-core').BrowserContext | undefined} */
  let browser;
  const cleanup = async () => {
    if (browser) await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
    if (server) await killProcessGroup(server.child);
    removeSandbox(sandbox);
  };

  const counts = { passed: 0, failed: 0, skipped: 0 };
  const total = files.reduce((n, f) => n + f.tests.length, 0);
  try {
    await withDeadline(harnessTimeoutMs(300_000), 'UI tests', cleanup, async () => {
      server = await startCodeServer({ tools, sandbox });
      log(`code-server listening on ${server.baseUrl} (${elapsed()})`);
      browser = await launchChromium(sandbox);
      const url = workbenchUrl(server, sandbox.workspace, [
        ['extensionDevelopmentPath', extensionPath],
        ['disableExtensions', 'true'],
        ['skipWelcome', 'true'],
      ]);
      for (const { file, tests } of files) {
        console.log(`\n  ${file}`);
        const page = await browser.newPage();
        page.on('pageerror', (e) => { if (verbose) console.error(`[page error] ${e.message}`); });
        if (verbose) page.on('console', (m) => console.error(`[console.${m.type()}] ${m.text()}`));
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
        const ctx = {
          page,
          workspace: sandbox.workspace,
          resultsDir,
          async runCommand(id) {
            const chord = chordFor.get(id);
            if (!chord) throw new Error(`command ${id} is not listed in the test file's \`commands\` export`);
            await page.keyboard.press(chord.playwright);
          },
          async screenshot(name) {
            const file = path.join(resultsDir, `${name}.png`);
            await page.screenshot({ path: file });
            return file;
          },
        };
        for (const t of tests) {
          const t0 = Date.now();
          try {
            await t.run(ctx);
            counts.passed++;
            console.log(`    ✔ ${t.name} (${Date.now() - t0} ms)`);
          } catch (e) {
            counts.failed++;
            console.log(`    ✘ ${t.name} (${Date.now() - t0} ms)`);
            console.log(`      ${(e instanceof Error ? e.message : String(e)).split('\n').join('\n      ')}`);
            const shot = path.join(resultsDir, `FAILED-${file.replace(/\W+/g, '_')}-${counts.failed}.png`);
            await page.screenshot({ path: shot }).then(() => console.log(`      screenshot: ${path.relative(repoRoot, shot)}`), () => {});
          }
        }
        await page.close();
      }
    });
  } catch (e) {
    console.error(`[e2e] UI run failed: ${e instanceof Error ? e.message : e}`);
    // Tests that never got to run count as failed: a broken harness must not look green.
    const notRun = total - counts.passed - counts.failed;
    counts.failed += Math.max(1, notRun);
  }
  const summary = { suite: 'ui', ...counts };
  writeSummary(summary);
  log(`UI suite finished in ${elapsed()}; screenshots in ${path.relative(repoRoot, resultsDir)}/`);
  console.log(formatCounts(summary));
  return counts.failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[e2e] ${e instanceof Error ? e.stack : e}`);
    writeSummary({ suite: 'ui', passed: 0, failed: 1, skipped: 0, note: String(e) });
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
