import { Buffer } from 'node:buffer';
import { gzipSync } from 'node:zlib';

/**
 * Prints each emitted chunk's raw and gzip size and fails the build when a chunk grows past
 * its budget (gzip bytes), so a dependency has to earn its place.
 */
export function sizeBudget(budgets) {
  return {
    name: 'size-budget',
    generateBundle(_options, bundle) {
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const raw = Buffer.byteLength(chunk.code);
        const gzip = gzipSync(chunk.code, { level: 9 }).length;
        const budget = budgets[fileName];
        const verdict =
          budget === undefined
            ? ''
            : gzip <= budget
              ? ` (budget ${budget})`
              : ` OVER BUDGET ${budget}`;
        console.log(
          `size: ${fileName} ${(raw / 1024).toFixed(1)} KiB, ${(gzip / 1024).toFixed(1)} KiB gzip${verdict}`,
        );
        if (budget !== undefined && gzip > budget) {
          this.error(`${fileName} is ${gzip} bytes gzipped, over its budget of ${budget}.`);
        }
      }
    },
  };
}
