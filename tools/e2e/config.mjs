// Shared constants for the real-VS-Code test tooling (code-server in headless chromium).
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
/** Major version of the Node that code-server 4.139 requires (its postinstall refuses anything else). */
export const NODE_MAJOR = 24;
export const CHROMIUM_PATH = process.env.SOURCE_TRACE_CHROMIUM ?? '/usr/bin/chromium';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Version-keyed cache folder outside the repository. Kept between runs (and between clones) so only
 * the first run on a machine pays for the ~3 minute native build of code-server.
 */
export function toolsDir() {
  if (process.env.SOURCE_TRACE_E2E_CACHE) {
    return path.resolve(process.env.SOURCE_TRACE_E2E_CACHE, `code-server-${CODE_SERVER_VERSION}`);
  }
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'source-trace-e2e', `code-server-${CODE_SERVER_VERSION}`);
}

/** Hard timeout for one harness run (server start + workbench + tests), in milliseconds. */
export function harnessTimeoutMs(defaultMs) {
  const v = Number(process.env.SOURCE_TRACE_E2E_TIMEOUT_MS);
  return Number.isFinite(v) && v > 0 ? v : defaultMs;
}

/**
 * Folder loaded as the extension under development: the repository, unless
 * SOURCE_TRACE_E2E_EXTENSION points elsewhere (used to check the harness itself against a stub).
 */
export const extensionPath = process.env.SOURCE_TRACE_E2E_EXTENSION ? path.resolve(process.env.SOURCE_TRACE_E2E_EXTENSION) : repoRoot;
