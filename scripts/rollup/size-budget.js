import { Buffer } from 'node:buffer';
import { gzipSync } from 'node:zlib';

/**
 * Prints each emitted entry's raw and gzip size and fails the build when one grows past its
 * budget (gzip bytes), so a dependency has to earn its place. An entry counts with the shared
 * chunks it imports: what a page that loads it downloads.
 */
export function sizeBudget(budgets) {
  return {
    name: 'size-budget',
    generateBundle(_options, bundle) {
      const closure = (fileName, seen = new Set()) => {
        if (seen.has(fileName) || !bundle[fileName]) return '';
        seen.add(fileName);
        const chunk = bundle[fileName];
        return chunk.code + chunk.imports.map((i) => closure(i, seen)).join('');
      };
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk' || (!chunk.isEntry && !(fileName in budgets))) continue;
        // A lazy chunk (the workbook reader) counts alone: its importer is loaded already.
        const code = chunk.isEntry ? closure(fileName) : chunk.code;
        const raw = Buffer.byteLength(code);
        const gzip = gzipSync(code, { level: 9 }).length;
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
