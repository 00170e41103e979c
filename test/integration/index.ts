// Mocha runner loaded by VS Code's extension host as `extensionTestsPath`.
// It runs every compiled `*.test.js` next to it, in the real extension host with the real `vscode` API.
//
// The workbench settles the test run from the promise returned by run(): resolve = exit code 0,
// reject = exit code 1. Because the workbench forwards console output with format strings unfilled,
// mocha's reporter output is also written as plain text to SOURCE_TRACE_MOCHA_OUT, and the counts to
// SOURCE_TRACE_RESULT_FILE (both passed in by tools/e2e/run-extension-tests.mjs; optional).
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import Mocha from 'mocha';

interface RunResult {
  passed: number;
  failed: number;
  pending: number;
  error?: string;
}

function writeResult(result: RunResult): void {
  const file = process.env.SOURCE_TRACE_RESULT_FILE;
  if (file) fs.writeFileSync(file, JSON.stringify(result));
}

function captureReporterOutput(): void {
  const outFile = process.env.SOURCE_TRACE_MOCHA_OUT;
  if (!outFile) return;
  const Base = Mocha.reporters.Base;
  const original = Base.consoleLog;
  Base.consoleLog = (...data: unknown[]): void => {
    fs.appendFileSync(outFile, `${format(...data)}\n`);
    original(...data);
  };
}

export function run(): Promise<void> {
  captureReporterOutput();
  const timeout = Number(process.env.SOURCE_TRACE_TEST_TIMEOUT_MS) || 60_000;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout, reporter: 'spec' });
  const grep = process.env.SOURCE_TRACE_TEST_GREP;
  if (grep) mocha.grep(grep);

  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise<void>((resolve, reject) => {
    if (files.length === 0) {
      const error = `no *.test.js files in ${__dirname}`;
      writeResult({ passed: 0, failed: 1, pending: 0, error });
      reject(new Error(error));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats;
        writeResult({ passed: stats?.passes ?? 0, failed: stats?.failures ?? failures, pending: stats?.pending ?? 0 });
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (e) {
      // A test file that throws while loading ends up here.
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      const outFile = process.env.SOURCE_TRACE_MOCHA_OUT;
      if (outFile) fs.appendFileSync(outFile, `Error while loading the tests:\n${error}\n`);
      writeResult({ passed: 0, failed: 1, pending: 0, error });
      reject(e instanceof Error ? e : new Error(error));
    }
  });
}
