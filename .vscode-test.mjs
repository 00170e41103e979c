// Configuration for @vscode/test-cli (`npm run test:vscode`). It runs the compiled integration tests
// (out/test/integration/*.test.js, built by tools/e2e/build-tests.mjs) with test-cli's own mocha runner.
//   npx vscode-test --label desktop       downloads VS Code 1.139.1 (needs update.code.visualstudio.com)
//   npx vscode-test --label code-server   no download: a stand-in executable (tools/e2e/vscode-standin.mjs)
//                                         runs the tests in code-server's extension host instead
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@vscode/test-cli';

const fixtures = fileURLToPath(new URL('./test/fixtures', import.meta.url));
const common = {
  files: 'out/test/integration/**/*.test.js',
  workspaceFolder: './test/fixtures',
  env: { SOURCE_TRACE_FIXTURES: fixtures },
  mocha: { ui: 'bdd', timeout: 60_000, color: false },
};

export default defineConfig([
  {
    ...common,
    label: 'desktop',
    // The release code-server 4.139.1 is built from; engines.vscode must accept it.
    version: '1.139.1',
    launchArgs: ['--disable-extensions'],
  },
  {
    ...common,
    label: 'code-server',
    useInstallation: { fromPath: fileURLToPath(new URL('./tools/e2e/vscode-standin.mjs', import.meta.url)) },
  },
]);
