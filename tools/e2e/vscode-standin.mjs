#!/usr/bin/env node
// Stand-in for a VS Code executable, for @vscode/test-electron / @vscode/test-cli on machines that
// cannot download VS Code. It accepts the Electron-style arguments runTests() passes
// (`--extensionDevelopmentPath=…`, `--extensionTestsPath=…`, a workspace folder; other flags are
// ignored) and runs the tests in code-server's extension host instead. Environment variables
// VSCODE_TEST_* and SOURCE_TRACE_* are passed on to the extension host. Exits with the test result.
// Used by the `code-server` label in .vscode-test.mjs: `npx vscode-test --label code-server`.
import path from 'node:path';
import { format } from 'node:util';
import { harnessTimeoutMs, repoRoot } from './config.mjs';
import { runInExtensionHost } from './extension-host.mjs';
import { chromiumAvailable } from './harness.mjs';
import { ensureTools } from './install.mjs';

const flags = new Map();
const positional = [];
for (const arg of process.argv.slice(2)) {
  const m = /^--([^=]+)=(.*)$/s.exec(arg);
  if (m) flags.set(m[1], m[2]);
  else if (!arg.startsWith('-')) positional.push(arg);
}
const extensionDevelopmentPath = flags.get('extensionDevelopmentPath');
const extensionTestsPath = flags.get('extensionTestsPath');
if (!extensionDevelopmentPath || !extensionTestsPath) {
  console.error('vscode-standin: --extensionDevelopmentPath=… and --extensionTestsPath=… are required');
  process.exit(2);
}
if (!chromiumAvailable()) {
  console.error('vscode-standin: /usr/bin/chromium is not installed (apt-get install chromium)');
  process.exit(1);
}

const forwarded = Object.fromEntries(
  Object.entries(process.env).filter(([k, v]) => v !== undefined && /^(VSCODE_TEST_|SOURCE_TRACE_)/.test(k)),
);

try {
  const code = await runInExtensionHost({
    tools: await ensureTools(),
    // test-electron may hand over a file path for a single-file runner; the payload wants the folder/file as is.
    extensionDevelopmentPath: path.resolve(extensionDevelopmentPath),
    extensionTestsPath: path.resolve(extensionTestsPath),
    workspace: positional[0] ? path.resolve(positional[0]) : undefined,
    outDir: path.join(repoRoot, 'test-results', 'vscode-test'),
    environment: () => forwarded,
    // The workbench forwards console output with format strings unfilled; fill them here.
    onLog: (type, args) => {
      if (type === 'log' || type === 'info') console.log(format(...args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))));
    },
    timeoutMs: harnessTimeoutMs(300_000),
    label: 'vscode-standin',
  });
  process.exit(code);
} catch (e) {
  console.error(`vscode-standin: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
