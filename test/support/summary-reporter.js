// Writes jest's aggregated counts to .jest-results.json so .ci/run can print
// "N passed, N failed" from jest's own results while running plain `npm test`.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      failedSuites: results.numFailedTestSuites,
      runtimeErrorSuites: results.numRuntimeErrorTestSuites,
      success: results.success,
    };
    writeFileSync(join(process.cwd(), '.jest-results.json'), JSON.stringify(summary, null, 2));
  }
}

module.exports = SummaryReporter;
