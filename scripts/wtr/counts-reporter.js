import { writeFileSync } from 'node:fs';

function countSuite(suite, totals, failures, file, trail) {
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else {
      totals.failed++;
      const name = [...trail, test.name].join(' › ');
      failures.push(`${file}: ${name}\n    ${test.error?.message ?? 'failed'}`);
    }
  }
  for (const child of suite.suites) {
    countSuite(child, totals, failures, file, [...trail, child.name]);
  }
}

/**
 * Prints "N passed, N failed" alone on a line (the line CI reads), preceded by the name and
 * message of every failed test (CI keeps only the end of a long log), and writes the counts to
 * a JSON file so scripts/test.mjs can add them to the Node suites'.
 */
export function countsReporter({ outFile } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      const failures = [];
      for (const session of sessions) {
        const file = session.testFile.replace(`${process.cwd()}/`, '');
        if (session.testResults) countSuite(session.testResults, totals, failures, file, []);
        // A file that failed to load, or threw outside a test, counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          totals.failed++;
          failures.push(`${file}: ${session.errors.map((e) => e.message).join('; ')}`);
        }
      }
      if (outFile) writeFileSync(outFile, JSON.stringify({ ...totals, failures }));
      if (failures.length > 0) console.log(`\nbrowser failures:\n  ${failures.join('\n  ')}`);
      const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
      console.log(`\nbrowser: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
    },
  };
}
