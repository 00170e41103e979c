#!/usr/bin/env node
// Compiles test/integration/*.ts to out/test/integration/ (and, with --extension, builds dist/ first).
// Used by `npm run test:vscode` (@vscode/test-cli, .vscode-test.mjs); the code-server runners
// compile the tests themselves.
import { buildExtension, buildIntegrationTests } from './harness.mjs';

if (process.argv.includes('--extension')) buildExtension();
const out = await buildIntegrationTests();
console.log(`integration tests compiled to ${out}`);
