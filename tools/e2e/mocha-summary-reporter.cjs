// Mocha reporter for the unit suite: mocha's usual spec output, plus the counts written as JSON to
// SOURCE_TRACE_SUMMARY_FILE so that tools/run-tests.mjs can add them up. The file is rewritten after
// every test (complete: false) so a run killed by the time limit still reports what it got through.
'use strict';
const fs = require('fs');
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const file = process.env.SOURCE_TRACE_SUMMARY_FILE;
    if (!file) return;
    const write = (complete) => {
      const s = runner.stats || {};
      fs.writeFileSync(file, JSON.stringify({ suite: 'unit', passed: s.passes || 0, failed: s.failures || 0, skipped: s.pending || 0, complete }));
    };
    runner.on('test end', () => write(false));
    runner.once('end', () => write(true));
  }
}

module.exports = SummaryReporter;
