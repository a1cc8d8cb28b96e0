import { writeFileSync } from 'node:fs';

function countSuite(suite, totals) {
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) countSuite(child, totals);
}

/**
 * Prints "N passed, N failed" alone on a line (the line CI reads) and writes the same counts
 * to a JSON file so scripts/test.mjs can add them to the Node suites'.
 */
export function countsReporter({ outFile } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) countSuite(session.testResults, totals);
        // A file that failed to load, or threw outside a test, counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed++;
      }
      if (outFile) writeFileSync(outFile, JSON.stringify(totals));
      const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
      console.log(`\nbrowser: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
    },
  };
}
