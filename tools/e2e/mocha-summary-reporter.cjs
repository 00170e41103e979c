// Mocha reporter for the unit suite: mocha's usual spec output, plus the counts written as JSON to
// SOURCE_TRACE_SUMMARY_FILE so that tools/run-tests.mjs can add them up.
'use strict';
const fs = require('fs');
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.SOURCE_TRACE_SUMMARY_FILE;
      if (!file) return;
      const s = runner.stats || {};
      fs.writeFileSync(file, JSON.stringify({ suite: 'unit', passed: s.passes || 0, failed: s.failures || 0, skipped: s.pending || 0 }));
    });
  }
}

module.exports = SummaryReporter;
