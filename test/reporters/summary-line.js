/**
 * Prints one plain closing line that any CI reads: "tests: N passed, N failed, N skipped".
 */
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests + results.numTodoTests} skipped`;
    process.stdout.write(`\n${line}\n`);
  }
}
module.exports = SummaryLineReporter;
