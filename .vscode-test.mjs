// Configuration for @vscode/test-cli (`npm run test:vscode`), for machines that can download VS Code.
// It runs the same compiled integration tests as the code-server harness
// (tools/e2e/run-extension-tests.mjs), in a VS Code desktop build that test-cli downloads.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  // The release code-server 4.139.1 is built from; engines.vscode must accept it.
  version: '1.139.1',
  workspaceFolder: './test/fixtures',
  launchArgs: ['--disable-extensions'],
  env: { SOURCE_TRACE_FIXTURES: new URL('./test/fixtures', import.meta.url).pathname },
  mocha: { ui: 'bdd', timeout: 60_000 },
});
