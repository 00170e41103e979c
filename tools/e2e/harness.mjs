// Building blocks shared by the integration runner and the UI runner: a throw-away sandbox, the
// code-server process (own process group, loopback only), headless chromium through playwright-core,
// compiling the integration tests, and cleanup that always runs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { CHROMIUM_PATH, repoRoot } from './config.mjs';

export const log = (msg) => console.log(`[e2e] ${msg}`);
export const verbose = process.env.SOURCE_TRACE_E2E_VERBOSE === '1';

/** `N passed, N failed` plus `, N skipped` when there are skipped tests. */
export function formatCounts({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

/** Writes the machine-readable result that tools/run-tests.mjs adds up. */
export function writeSummary(summary) {
  const i = process.argv.indexOf('--summary-file');
  const file = i > 0 ? process.argv[i + 1] : process.env.SOURCE_TRACE_SUMMARY_FILE;
  if (file) fs.writeFileSync(file, JSON.stringify(summary));
}

export function chromiumAvailable() {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

const USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'editor.hover.delay': 100,
};

/**
 * A throw-away folder with a short path (unix socket paths are limited to ~108 bytes) used as HOME,
 * XDG_* and TMPDIR for code-server and chromium, so nothing is written to the real home directory.
 * Logs and results go to `opts.outDir` (kept after the run; e.g. test-results/<suite>).
 * The workspace folder is a copy of test/fixtures unless `opts.workspace` names a folder to open as is.
 * @param {{ keybindings?: unknown[], outDir: string, workspace?: string }} opts
 */
export function createSandbox(opts) {
  const root = fs.mkdtempSync('/tmp/st-');
  fs.rmSync(opts.outDir, { recursive: true, force: true });
  fs.mkdirSync(opts.outDir, { recursive: true });
  const dirs = {
    root,
    home: path.join(root, 'h'),
    tmp: path.join(root, 't'),
    userData: path.join(root, 'ud'),
    extensions: path.join(root, 'ex'),
    chrome: path.join(root, 'cr'),
    workspace: path.join(root, 'ws'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  for (const d of ['.config', '.local/share', '.cache']) fs.mkdirSync(path.join(dirs.home, d), { recursive: true });
  const user = path.join(dirs.userData, 'User');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(path.join(user, 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  if (opts.keybindings) fs.writeFileSync(path.join(user, 'keybindings.json'), JSON.stringify(opts.keybindings, null, 2));
  if (opts.workspace) dirs.workspace = path.resolve(opts.workspace);
  // The fixtures are copied so tests may edit them without touching the repository.
  else fs.cpSync(path.join(repoRoot, 'test', 'fixtures'), dirs.workspace, { recursive: true });

  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    // Never inherit a surrounding VS Code / npm context.
    if (/^(VSCODE_|ELECTRON_)/.test(k) || /^npm_/.test(k)) delete env[k];
  }
  Object.assign(env, {
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local/share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    TMPDIR: dirs.tmp,
  });
  return { ...dirs, out: opts.outDir, env };
}

/** Kills every process whose command line or environment mentions the sandbox (last resort). */
function sweepSandboxProcesses(sandboxRoot) {
  let killed = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let text = '';
    try {
      text = fs.readFileSync(`/proc/${entry}/cmdline`, 'latin1');
      if (!text.includes(sandboxRoot)) text += fs.readFileSync(`/proc/${entry}/environ`, 'latin1');
    } catch {
      continue; // gone, or not ours to read
    }
    if (text.includes(`${sandboxRoot}/`)) {
      try { process.kill(Number(entry), 'SIGKILL'); killed++; } catch { /* already gone */ }
    }
  }
  return killed;
}

export function removeSandbox(sb) {
  const leftovers = sweepSandboxProcesses(sb.root);
  if (leftovers) log(`killed ${leftovers} leftover process(es) of this run`);
  if (process.env.SOURCE_TRACE_E2E_KEEP === '1') log(`kept sandbox ${sb.root}`);
  else fs.rmSync(sb.root, { recursive: true, force: true, maxRetries: 3 });
}

/** SIGTERM, then SIGKILL, to the whole process group of a child started with `detached: true`. */
export async function killProcessGroup(child, graceMs = 3000) {
  if (!child?.pid) return;
  const signalGroup = (sig) => {
    try { process.kill(-child.pid, sig); } catch { /* group already gone */ }
  };
  if (child.exitCode === null && child.signalCode === null) {
    signalGroup('SIGTERM');
    await Promise.race([
      new Promise((r) => child.once('exit', r)),
      new Promise((r) => setTimeout(r, graceMs)),
    ]);
  }
  signalGroup('SIGKILL'); // children of the leader may outlive it
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => { res.resume(); resolve(res.statusCode === 200); });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => { req.destroy(); resolve(false); });
  });
}

/**
 * Starts code-server on a free 127.0.0.1 port in its own process group and waits until it answers.
 * @param {{ tools: { node: string, nodeBinDir: string, codeServerEntry: string }, sandbox: ReturnType<typeof createSandbox>, timeoutMs?: number }} o
 */
export async function startCodeServer({ tools, sandbox, timeoutMs = 90_000 }) {
  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const logFile = path.join(sandbox.out, `code-server-${attempt}.log`);
    const args = [
      tools.codeServerEntry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', sandbox.userData,
      '--extensions-dir', sandbox.extensions,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      // Makes the built workbench honour extensionDevelopmentPath / extensionTestsPath in the payload.
      '--vscode-option', 'enable-smoke-test-driver',
      sandbox.workspace,
    ];
    const env = { ...sandbox.env, PATH: `${tools.nodeBinDir}${path.delimiter}${sandbox.env.PATH ?? ''}` };
    const out = fs.openSync(logFile, 'a');
    const child = spawn(tools.node, args, { cwd: sandbox.root, env, detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    // Last resort if this process ends without its cleanup (uncaught error, process.exit elsewhere).
    process.once('exit', () => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    });
    const server = { child, port, logFile, baseUrl: `http://127.0.0.1:${port}` };
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
    const deadline = Date.now() + timeoutMs;
    let ready = false;
    let exitReason = null;
    exited.then((r) => { exitReason = r; });
    while (!ready && exitReason === null && Date.now() < deadline) {
      ready = await httpOk(`${server.baseUrl}/healthz`);
      if (!ready) await Promise.race([exited, new Promise((r) => setTimeout(r, 250))]);
    }
    if (ready) return server;
    const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    await killProcessGroup(child);
    lastError = new Error(
      exitReason !== null
        ? `code-server exited early (${exitReason}) on port ${port}:\n${text.slice(-3000)}`
        : `code-server did not answer on port ${port} within ${timeoutMs} ms:\n${text.slice(-3000)}`,
    );
    if (!/EADDRINUSE/.test(text)) break; // only a lost port race is worth another try
  }
  throw lastError;
}

/** Headless Debian chromium with the flags that work in this kind of container. */
export async function launchChromium(sandbox) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(sandbox.chrome, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    env: sandbox.env,
    viewport: { width: 1440, height: 900 },
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Workbench URL with a payload; paths are made `vscode-remote://` URIs on this server. */
export function workbenchUrl(server, folder, payload) {
  const authority = `127.0.0.1:${server.port}`;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const entries = [];
  for (const [key, value] of payload) {
    entries.push([key, key === 'extensionDevelopmentPath' || key === 'extensionTestsPath' ? remote(value) : value]);
  }
  const q = new URLSearchParams({ folder, payload: JSON.stringify(entries) });
  return `${server.baseUrl}/?${q.toString()}`;
}

/** Builds the extension bundle (`node esbuild.mjs`) with the system Node. */
export function buildExtension() {
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('node esbuild.mjs failed');
}

/**
 * Compiles test/integration/*.ts to out/test/integration/*.js (one bundle per file; `vscode` and
 * npm packages stay external and resolve from the repository's node_modules at run time).
 */
export async function buildIntegrationTests() {
  const esbuild = await import('esbuild');
  const srcDir = path.join(repoRoot, 'test', 'integration');
  const outDir = path.join(repoRoot, 'out', 'test', 'integration');
  fs.rmSync(outDir, { recursive: true, force: true }); // a deleted test must not keep running
  const entryPoints = fs
    .readdirSync(srcDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(srcDir, f));
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    packages: 'external',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return outDir;
}

/**
 * Runs `fn` with a hard deadline; `cleanup` always runs once (normal end, error, deadline, signal).
 * Resolves to fn's value, or rejects with a timeout error.
 */
export async function withDeadline(ms, label, cleanup, fn) {
  // One shared cleanup: a signal and the normal end may both ask for it, and both must wait for it.
  /** @type {Promise<void> | undefined} */
  let cleaning;
  const doCleanup = () =>
    (cleaning ??= (async () => {
      try { await cleanup(); } catch (e) { console.error(`[e2e] cleanup error: ${e}`); }
    })());
  const onSignal = (sig) => {
    console.error(`[e2e] ${sig}: cleaning up`);
    doCleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let timer;
  try {
    return await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${label}: hard timeout after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await doCleanup();
  }
}
