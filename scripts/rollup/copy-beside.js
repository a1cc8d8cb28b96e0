import { copyFileSync } from 'node:fs';
import { join } from 'node:path';

/** Copies files another build wrote (the SDK's worker) into this build's output directory. */
export function copyBeside(fromDir, names) {
  return {
    name: 'copy-beside',
    writeBundle(options) {
      for (const name of names) copyFileSync(join(fromDir, name), join(options.dir, name));
    },
  };
}
