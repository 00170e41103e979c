// Runs an extensionTestsPath inside the extension host of code-server's workbench: the same mechanism
// as VS Code's own browser integration tests. code-server gets `--vscode-option
// enable-smoke-test-driver`, the workbench URL carries a payload with extensionDevelopmentPath,
// extensionTestsPath and extensionEnvironment, and the workbench calls the exposed
// `codeAutomationExit(code)` when the promise from the runner's run() settles (0 resolved, 1 rejected).
import fs from 'node:fs';
import path from 'node:path';
import {
  createSandbox, killProcessGroup, launchChromium, log, removeSandbox, startCodeServer, verbose, withDeadline, workbenchUrl,
} from './harness.mjs';

/** Harmless errors of an offline workbench (gallery, telemetry, auth lookups); still in workbench.log. */
const OFFLINE_NOISE = /ENOTFOUND|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|open-vsx|authentication provider|Failed to fetch/;

/**
 * @param {{
 *   tools: import('./install.mjs').ToolPaths,
 *   extensionDevelopmentPath: string,
 *   extensionTestsPath: string,
 *   outDir: string,
 *   workspace?: string,
 *   environment?: (sandbox: ReturnType<typeof createSandbox>) => Record<string, string>,
 *   onLog?: (type: string, args: unknown[]) => void,
 *   timeoutMs: number,
 *   label: string,
 * }} o
 * @returns {Promise<number>} the exit code the workbench reported (0 or 1); rejects if the harness failed
 */
export async function runInExtensionHost(o) {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const sandbox = createSandbox({ outDir: o.outDir, workspace: o.workspace });
  const hostLog = path.join(sandbox.out, 'workbench.log');
  /** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
  let server;
  /** @type {import('playwright-core').BrowserContext | undefined} */
  let browser;
  const cleanup = async () => {
    if (browser) await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
    if (server) await killProcessGroup(server.child);
    removeSandbox(sandbox);
  };

  return withDeadline(o.timeoutMs, o.label, cleanup, async () => {
    server = await startCodeServer({ tools: o.tools, sandbox });
    log(`code-server listening on ${server.baseUrl} (${elapsed()})`);
    browser = await launchChromium(sandbox);
    const page = browser.pages()[0] ?? (await browser.newPage());

    let settle = (/** @type {number} */ _code) => {};
    const automationExit = new Promise((resolve) => { settle = resolve; });
    await page.exposeFunction('codeAutomationExit', (code) => { settle(Number(code)); });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const list = Array.isArray(args) ? args : [args];
      const line = `[${type}] ${list.map(String).join(' ')}\n`;
      fs.appendFileSync(hostLog, line);
      o.onLog?.(String(type), list);
      if (verbose || (type === 'error' && !OFFLINE_NOISE.test(line))) process.stderr.write(`[workbench] ${line}`);
    });
    const crashed = new Promise((resolve) => {
      page.once('crash', () => resolve('the workbench page crashed'));
      page.once('close', () => resolve('the workbench page closed'));
      server?.child.once('exit', (code, signal) => resolve(`code-server exited (${signal ?? code})`));
    });

    const url = workbenchUrl(server, sandbox.workspace, [
      ['extensionDevelopmentPath', o.extensionDevelopmentPath],
      ['extensionTestsPath', o.extensionTestsPath],
      ['extensionEnvironment', JSON.stringify(o.environment?.(sandbox) ?? {})],
      ['disableExtensions', 'true'],
      ['skipWelcome', 'true'],
    ]);
    if (verbose) log(`opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    log(`workbench loading, tests running in the extension host (${elapsed()})`);
    const outcome = await Promise.race([automationExit, crashed]);
    if (typeof outcome === 'string') throw new Error(outcome);
    log(`extension host reported exit code ${outcome} (${elapsed()})`);
    return outcome;
  });
}
